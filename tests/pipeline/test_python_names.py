"""Names as the API has them: ``team.credits``, ``job.input``, ``assets.create(type=...)``, chosen by one
rule at generation time and kept by the name lock."""

from __future__ import annotations

import json
from typing import Any

from .conftest import GENERATED, NAMES_LOCK, load_script


def test_the_rule_keeps_builtin_names_the_generated_code_does_not_use() -> None:
    names = load_script("python_names")
    assert names.attribute_name("credits", {}) == "credits"
    assert names.attribute_name("input", {}) == "input"
    # the generator's templates use `type` inside class bodies (cls: type[T]), so the attribute keeps `_`
    assert "type" in names.template_builtins()
    assert names.attribute_name("type", {}) == "type_"
    assert names.argument_name("type") == "type"  # but the keyword argument and error paths say `type`
    assert names.argument_name("class") == "class_"  # keywords cannot be argument names
    assert names.attribute_name("customerId", {}) == "customer_id"


def test_the_lock_wins_over_the_rule() -> None:
    names = load_script("python_names")
    assert names.attribute_name("credits", {"credits": "credits_"}) == "credits_"
    lock: dict[str, Any] = json.loads(NAMES_LOCK.read_text())
    assert lock["identifiers"]["credits"] == "credits"
    assert lock["identifiers"]["input"] == "input"
    assert lock["identifiers"]["type"] == "type_"


def test_generated_models_use_the_api_names() -> None:
    from apiframe_client.models import Job, MeTeam

    team = MeTeam.from_dict({"credits": 7, "customerId": None, "id": "t", "name": "n", "plan": "free"})
    assert team.credits == 7 and team.to_dict()["credits"] == 7
    job = Job.from_dict(
        {
            "id": "j",
            "status": "QUEUED",
            "model": "midjourney",
            "progress": 0,
            "error": None,
            "creditCost": None,
            "webhookStatus": None,
            "createdAt": "2026-01-01T00:00:00Z",
            "completedAt": None,
            "input": {"prompt": "a fox"},
        }
    )
    assert job.input is not None and not isinstance(job.input, type(None))
    assert job.to_dict()["input"] == {"prompt": "a fox"}
    assert "credits_" not in (GENERATED / "models" / "me_team.py").read_text()


def test_shipped_spec_carries_argument_names() -> None:
    spec = json.loads((GENERATED / "_spec.json").read_text())
    prop = spec["components"]["schemas"]["CreateAssetRequest"]["properties"]["type"]
    assert prop["x-python-name"] == "type"
    assert prop["x-python-attr"] == "type_"


def test_method_names_follow_the_operation_id_unless_the_lock_keeps_an_older_one() -> None:
    surface = load_script("gen_surface")
    operations = ["images_background_remove", "images_generate", "music_suno_action"]
    assert surface.method_names(operations, {}) == {
        "images_background_remove": ("images", "background_remove"),
        "images_generate": ("images", "generate"),
        "music_suno_action": ("music", "suno_action"),
    }
    lock: dict[str, Any] = json.loads(NAMES_LOCK.read_text())
    assert lock["methods"]["images_background_remove"] == "remove_background"
    assert surface.method_names(operations, lock["methods"])["images_background_remove"] == (
        "images",
        "remove_background",
    )
