"""Issue 22, point 10: the package's objects as Python shows them (tracebacks, dir, repr, help, metadata)."""

from __future__ import annotations

import copy
import importlib
import inspect
import pickle
import pickletools
import pydoc
import subprocess
import sys
import tomllib
import traceback
import typing
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from types import ModuleType

import apiframe
import apiframe.batch
import apiframe.testing
import apiframe.types
import apiframe.webhooks
from apiframe.types import KlingParams

ROOT = Path(__file__).parents[2]
PACKAGES = ("apiframe", "apiframe.batch", "apiframe.webhooks", "apiframe.testing", "apiframe.types")


def _exported(module: ModuleType) -> list[str]:
    return list(getattr(module, "__all__", None) or dir(module))  # apiframe.types: every model by name


def public_objects() -> Iterator[tuple[str, str, object]]:
    """Every class and function a public package exports, with the module users import it from."""
    for package in PACKAGES:
        module = importlib.import_module(package)
        for name in _exported(module):
            value = getattr(module, name)
            if isinstance(value, type) or inspect.isfunction(value):
                yield ("apiframe" if name in apiframe.__all__ else package), name, value


def test_public_classes_live_in_apiframe() -> None:
    for name in apiframe.__all__:
        value = getattr(apiframe, name)
        if isinstance(value, type) or inspect.isfunction(value):
            assert value.__module__ == "apiframe", name
    try:
        raise apiframe.InvalidRequestError("bad", field="prompt")
    except apiframe.InvalidRequestError as error:
        shown = "".join(traceback.format_exception_only(error))
    assert shown.startswith("apiframe.InvalidRequestError: bad")


def test_every_public_name_reports_the_module_it_is_imported_from() -> None:
    seen = list(public_objects())
    assert {
        "Me",
        "ResponseInfo",
        "estimate_credits",
        "BatchState",
        "RedisWebhookHub",
        "SandboxConfig",
        "KlingParams",
    } <= {name for _, name, _ in seen}
    wrong = {f"{where}.{name}": value.__module__ for where, name, value in seen if value.__module__ != where}  # type: ignore[attr-defined]
    assert wrong == {}


def test_public_objects_pickle_and_copy_by_their_public_name() -> None:
    for where, name, value in public_objects():
        assert f"c{where}\n{name}\n".encode() in pickle.dumps(value, protocol=0), name
        assert pickle.loads(pickle.dumps(value)) is value
        assert copy.copy(value) is value and copy.deepcopy(value) is value


def test_instances_unpickle_in_a_fresh_interpreter_through_the_lazy_exports() -> None:
    upload = {
        "byteSize": 3,
        "contentType": "image/png",
        "expiresAt": "2026-01-01T00:00:00Z",
        "id": "up_1",
        "kind": "image",
        "url": "https://files.example/a.png",
    }
    samples = [
        apiframe.InvalidRequestError("bad", field="prompt"),
        KlingParams(duration=5),
        apiframe.Upload.from_dict(upload),
        apiframe.batch.Shard(1, 2),
        apiframe.webhooks.WebhookPayloadError("bad body"),
    ]
    data = pickle.dumps(samples, protocol=2)  # protocol 2 names each global as "module name"
    named = {str(arg) for op, arg, _ in pickletools.genops(data) if op.name == "GLOBAL"}
    assert {
        "apiframe InvalidRequestError",
        "apiframe.types KlingParams",
        "apiframe Upload",
        "apiframe.batch Shard",
        "apiframe.webhooks WebhookPayloadError",
    } <= named
    # apiframe.types.Me loaded before apiframe.Me still reports apiframe: the order of imports does not matter
    check = (
        "import pickle, sys, apiframe.types; print(apiframe.types.Me.__module__); "
        "print(repr(pickle.loads(sys.stdin.buffer.read())))"
    )
    shown = subprocess.run([sys.executable, "-c", check], input=data, capture_output=True, check=True).stdout.decode()
    assert shown.splitlines() == ["apiframe", repr(samples)]


def test_help_and_tracebacks_name_the_public_module() -> None:
    assert "class Me in module apiframe\n" in pydoc.render_doc(apiframe.Me, renderer=pydoc.plaintext)
    assert "in module apiframe.types\n" in pydoc.render_doc(KlingParams, renderer=pydoc.plaintext)
    assert "class BatchState in module apiframe.batch\n" in pydoc.render_doc(
        apiframe.batch.BatchState, renderer=pydoc.plaintext
    )
    shown = "".join(traceback.format_exception_only(apiframe.webhooks.WebhookPayloadError("bad body")))
    assert shown.startswith("apiframe.webhooks.WebhookPayloadError: bad body")


def test_type_hints_still_resolve_after_the_move() -> None:
    """``typing.get_type_hints`` reads a class's annotations in the module it reports: moving the
    class must not turn a hint that resolved into a NameError (pydantic, FastAPI and cattrs call it)."""
    for package in (apiframe.batch, apiframe.webhooks, apiframe.testing):
        for name in package.__all__:
            value = getattr(package, name)
            if isinstance(value, type):
                assert isinstance(typing.get_type_hints(value), dict), name
    assert typing.get_type_hints(apiframe.Upload)["url"] is str
    assert typing.get_type_hints(apiframe.InvalidRequestError)


def test_dir_is_all_plus_dunders() -> None:
    names = dir(apiframe)
    assert {name for name in names if not name.startswith("__")} == {n for n in apiframe.__all__ if n != "__version__"}
    assert "__version__" in names
    assert "Job" in names and "DownloadProgress" in names  # the lazy exports too
    assert not {"Any", "TYPE_CHECKING", "annotations", "_client"} & set(names)


def test_reprs_and_help_show_no_generator_internals() -> None:
    params = KlingParams(duration=5)
    assert repr(params) == "KlingParams(duration=5)"
    job = apiframe.Job.from_dict(
        {
            "id": "0b6f3e1c-5f1a-4b8e-9a53-1f2b3c4d5e6f",
            "status": "COMPLETED",
            "model": "flux-1.1-pro",
            "progress": 100,
            "error": None,
            "creditCost": 1,
            "webhookStatus": None,
            "createdAt": "2026-01-01T00:00:00Z",
            "completedAt": None,
            "input": {"prompt": "a fox", "fluxParams": {"seed": 7}},
        }
    )
    assert "JobInput(prompt='a fox', fluxParams={'seed': 7})" in repr(job)
    assert "additional_properties" not in repr(job) and "Unset" not in repr(job)
    shown = pydoc.render_doc(KlingParams, renderer=pydoc.plaintext)
    assert "duration: 'KlingParamsDuration | Unset' = UNSET" in shown and "object at 0x" not in shown


def test_metadata_names_project_urls_and_the_pythons_ci_runs() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert {"Homepage", "Documentation"} <= set(project["urls"])
    assert metadata.metadata("apiframe-sdk").get_all("Project-URL")
    versions = sorted(
        c.rsplit(":: ", 1)[1] for c in project["classifiers"] if c.count("::") == 2 and "Python :: 3." in c
    )
    assert versions == ["3.11", "3.12", "3.13"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert f'PYTHONS="{" ".join(versions)}"' in ci or all(version in ci for version in versions)
