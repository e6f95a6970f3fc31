"""Credit estimates from the catalog: pricing modes, units read from the spec, bounds, defaults, limits."""

from __future__ import annotations

import math
from typing import Any

import pytest

import apiframe
from apiframe import InvalidRequestError, ModelCatalog, estimate_credits
from apiframe._credits import PriceList, find_dimension
from apiframe._job_requests import job_operations, request_from_line
from apiframe._schema import REF, index


def entry(model: str, mode: str, cost_min: Any = None, cost_max: Any = None) -> dict[str, Any]:
    found = {"id": model, "label": model.title(), "modality": "image", "pricingMode": mode}
    prices = {"costMin": cost_min, "costMax": cost_max}
    return {**found, **{key: value for key, value in prices.items() if value is not None}}


CATALOG: dict[str, Any] = {
    "models": [
        entry("kling-2.1", "per-second", 8, 12),
        entry("elevenlabs-music", "per-second", 0.5, 1.5),
        entry("mureka", "per-output", 10, 15),
        entry("kling-image", "per-output", 4, 6),
        entry("midjourney", "flat", 4, 8),
        entry("suno", "per-second", 1, 2),
        entry("imagen-4", "per-token", 1, 2),
        entry("veo-3", "per-second", "NaN"),
        entry("flux-2-pro", "flat", 9, 3),
        entry("nano-banana", "flat", 2),
    ]
}


def test_per_second_spans_the_duration_enum_when_unset_and_uses_the_value_when_set() -> None:
    unset = estimate_credits(CATALOG, model="kling-2.1", prompt="a fox")
    assert (unset.minimum, unset.maximum, unset.units, unset.unit) == (40, 120, (5.0, 10.0), "second")
    assert not unset.exact
    set_ = estimate_credits(CATALOG, model="kling-2.1", prompt="a fox", kling_params={"duration": 10})
    assert (set_.minimum, set_.maximum, set_.units) == (80, 120, (10.0, 10.0))


def test_milliseconds_are_read_from_the_parameter_name() -> None:
    thirty = estimate_credits(
        CATALOG, model="elevenlabs-music", prompt="x", elevenlabs_params={"music_length_ms": 30000}
    )
    assert (thirty.units, thirty.minimum, thirty.maximum) == ((30.0, 30.0), 15, 45)
    unset = estimate_credits(CATALOG, model="elevenlabs-music", prompt="x")
    assert unset.units == (5.0, 300.0)  # the schema's minimum/maximum, in seconds
    assert (unset.minimum, unset.maximum) == (2, 450)  # 0.5 * 5 rounded down, 1.5 * 300 rounded up


def test_per_output_uses_the_schema_default_then_its_bounds() -> None:
    default = estimate_credits(CATALOG, model="mureka", prompt="x")
    assert (default.units, default.minimum, default.maximum) == ((2.0, 2.0), 20, 30)
    three = estimate_credits(CATALOG, model="mureka", prompt="x", mureka_params={"n": 3})
    assert (three.minimum, three.maximum) == (30, 45)
    bounds = estimate_credits(CATALOG, model="kling-image", prompt="x")
    assert (bounds.units, bounds.minimum, bounds.maximum) == ((1.0, 4.0), 4, 24)


def test_flat_ignores_parameters_and_actions_are_priced_by_their_family() -> None:
    flat = estimate_credits(CATALOG, model="midjourney", prompt="x", midjourney_params={"aspect_ratio": "16:9"})
    assert (flat.pricing_mode, flat.unit, flat.minimum, flat.maximum) == ("flat", "job", 4, 8)
    line = {
        "operation": "images_midjourney_action",
        "action": "upsample",
        "index": 2,
        "parent_job_id": "0b6f0b6f-0b6f-4b6f-8b6f-0b6f0b6f0b6f",
    }
    action = estimate_credits(CATALOG, request_from_line(line))
    assert (action.model, action.minimum, action.maximum) == ("midjourney", 4, 8)


def test_every_request_form_gives_the_same_estimate() -> None:
    from apiframe.types import GenerateVideoKling21, KlingParams

    kwargs: dict[str, Any] = {"model": "kling-2.1", "prompt": "a fox", "kling_params": {"duration": 5}}
    line = request_from_line({"model": "kling-2.1", "prompt": "a fox", "params": {"duration": 5}})
    obj = GenerateVideoKling21(prompt="a fox", kling_params=KlingParams(duration=5))
    catalog = ModelCatalog.from_dict(CATALOG)  # what client.models.list() returns
    results = {
        estimate_credits(catalog, **kwargs),
        estimate_credits(CATALOG, kwargs),
        estimate_credits(PriceList(catalog), line),
        estimate_credits(CATALOG["models"], obj),
        PriceList(CATALOG).estimate(line),
    }
    assert len(results) == 1 and results.pop().maximum == 60


def test_no_upper_bound_means_no_maximum() -> None:
    estimate = estimate_credits(CATALOG, model="suno", prompt="x")  # per-second, but no duration parameter
    assert estimate.maximum is None and estimate.units == (1.0, None)
    assert estimate_credits(CATALOG, model="nano-banana", prompt="x").maximum is None  # no costMax


@pytest.mark.parametrize(
    ("model", "words"),
    [
        ("imagen-4", "pricing mode 'per-token'"),
        ("veo-3", "unusable"),
        ("flux-2-pro", "unusable"),
        ("sora-2", "no entry for 'sora-2'"),
    ],
)
def test_unusable_prices_say_why(model: str, words: str) -> None:
    with pytest.raises(InvalidRequestError) as error:
        estimate_credits(CATALOG, model=model, prompt="x")
    assert words in str(error.value) and error.value.field == "model"


def test_requests_are_checked_like_the_job_methods() -> None:
    with pytest.raises(InvalidRequestError) as error:
        estimate_credits(CATALOG, model="kling-2.1", prompt="x", kling_params={"duration": 7})
    assert "duration" in str(error.value)
    with pytest.raises(InvalidRequestError, match="unknown model 'klingg'"):
        estimate_credits(CATALOG, model="klingg", prompt="x")
    with pytest.raises(InvalidRequestError, match="not both"):
        estimate_credits(CATALOG, {"model": "kling-2.1"}, prompt="x")
    with pytest.raises(InvalidRequestError, match=r"client\.models\.list\(\)"):
        estimate_credits("models", model="kling-2.1", prompt="x")  # type: ignore[arg-type]


def test_units_are_found_by_name_and_schema_for_every_model_of_the_spec() -> None:
    """Every duration is in seconds and bounded; no non-numeric or unrelated parameter is taken."""
    spec = index()
    for operation_id, op in job_operations().items():
        for value, component in op.variants.items():
            pointer = REF[1:] + component
            for unit in ("second", "output"):
                found = find_dimension(spec, pointer, unit)
                if found is None:
                    continue
                assert found.high is not None and found.low is not None, (operation_id, value, found)
                seconds = found.high * found.scale
                assert unit == "output" or 1 <= seconds <= 600, (value, found)
                assert unit == "second" or found.high <= 16, (value, found)
                assert not any(word in found.path[-1] for word in ("steps", "quality", "fps", "seed"))
    kling = find_dimension(spec, REF[1:] + job_operations()["videos_generate"].variants["kling-2.1"], "second")
    assert kling is not None and kling.path == ("klingParams", "duration")


def test_rounding_is_outwards_and_exact_for_whole_numbers() -> None:
    catalog = [entry("kling-2.1", "per-second", 0.1, 0.7)]
    estimate = estimate_credits(catalog, model="kling-2.1", prompt="x", kling_params={"duration": 10})
    assert (estimate.minimum, estimate.maximum) == (1, 7)  # 0.1 * 10 and 0.7 * 10 despite float error
    assert math.isclose(estimate.cost_max or 0, 0.7)


def test_exported_at_the_top_level_with_a_signature() -> None:
    import inspect

    assert apiframe.estimate_credits is estimate_credits and "estimate_credits" in apiframe.__all__
    params = inspect.signature(estimate_credits).parameters
    assert params["catalog"].kind is inspect.Parameter.POSITIONAL_ONLY
    assert params["operation"].kind is inspect.Parameter.KEYWORD_ONLY
    assert apiframe.CreditEstimate.__name__ == "CreditEstimate"
