"""Unit tests of scripts/normalize_spec.py: one small hand-written spec per rewrite rule."""

from __future__ import annotations

import copy
from types import ModuleType
from typing import Any

import pytest

from .conftest import load_script

ns = load_script("normalize_spec")

REF = "#/components/schemas/"
HOOKS = {"items": {"enum": ["progress", "completed", "failed"], "type": "string"}, "minItems": 1, "type": "array"}


def ok_response(ref: str) -> dict[str, Any]:
    return {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": REF + ref}}}}}


def json_body(ref: str) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": {"$ref": REF + ref}}}}


def variant(model: str, **props: Any) -> dict[str, Any]:
    return {
        "additionalProperties": False,
        "properties": {"model": {"enum": [model], "type": "string"}, "prompt": {"type": "string"}, **props},
        "required": ["prompt", "model"],
        "type": "object",
    }


def alpha_params(extra: str | None = None) -> dict[str, Any]:
    values = ["png", "jpg"] + ([extra] if extra else [])
    return {
        "additionalProperties": False,
        "properties": {"output_format": {"enum": values, "type": "string"}},
        "type": "object",
    }


def union_spec() -> dict[str, Any]:
    """An image union: alpha and beta share identical params, gamma's differ, flux has a dotted name."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/v2/images/generate": {"post": {"requestBody": json_body("GenerateImageRequest")}}},
        "components": {
            "schemas": {
                "GenerateImageRequest": {
                    "oneOf": [
                        variant("alpha", alphaParams=alpha_params(), webhookEvents=copy.deepcopy(HOOKS)),
                        variant("beta", alphaParams=alpha_params(), webhookEvents=copy.deepcopy(HOOKS)),
                        variant("gamma", alphaParams=alpha_params("webp")),
                        variant("flux-1.1-pro"),
                    ]
                }
            }
        },
    }


def api_spec() -> dict[str, Any]:
    """Paths covering every operation-id branch, with capitalised tags."""

    def op(tag: str) -> dict[str, Any]:
        return {"tags": [tag], "responses": {"200": {"description": "ok"}}}

    path_id = [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "tags": [{"name": "Jobs"}, {"name": "LoRAs"}],
        "paths": {
            "/v2/jobs": {"get": op("Jobs")},
            "/v2/jobs/{id}": {"get": {**op("Jobs"), "parameters": path_id}},
            "/v2/loras": {"get": op("LoRAs"), "post": op("LoRAs")},
            "/v2/loras/{id}": {"parameters": path_id, "get": op("LoRAs"), "delete": op("LoRAs")},
            "/v2/me": {"get": op("Account")},
            "/v2/images/background-remove": {"post": op("Images")},
            "/v2/images/midjourney/action": {"post": op("Images")},
            "/v2/assets/{assetId}": {"get": {**op("Assets"), "operationId": "fetchAsset"}},
        },
    }


# --------------------------------------------------------------------------- operation ids and tags


def test_operation_ids_follow_resource_verb() -> None:
    out = ns.normalize(api_spec())
    ids = {(m, p): o["operationId"] for p, m, o in ns.operations(out)}
    assert ids == {
        ("get", "/v2/jobs"): "jobs_list",
        ("get", "/v2/jobs/{id}"): "jobs_get",
        ("get", "/v2/loras"): "loras_list",
        ("post", "/v2/loras"): "loras_create",
        ("get", "/v2/loras/{id}"): "loras_get",  # path parameter declared on the path item
        ("delete", "/v2/loras/{id}"): "loras_delete",
        ("get", "/v2/me"): "me_get",
        ("post", "/v2/images/background-remove"): "images_background_remove",
        ("post", "/v2/images/midjourney/action"): "images_midjourney_action",
        ("get", "/v2/assets/{assetId}"): "fetchAsset",  # an explicit id is kept
    }


def test_operation_id_collision_is_an_error() -> None:
    spec: dict[str, Any] = {"paths": {"/v1/jobs": {"get": {}}, "/v2/jobs": {"get": {}}}}
    with pytest.raises(ValueError, match="jobs_list"):
        ns.add_operation_ids(spec)


def test_tags_are_lowercased_everywhere() -> None:
    out = ns.normalize(api_spec())
    assert [t["name"] for t in out["tags"]] == ["jobs", "loras"]
    assert {tag for _, _, o in ns.operations(out) for tag in o["tags"]} == {
        "jobs",
        "loras",
        "account",
        "images",
        "assets",
    }


def test_normalize_does_not_mutate_its_input() -> None:
    spec = union_spec()
    before = copy.deepcopy(spec)
    ns.normalize(spec)
    assert spec == before


# --------------------------------------------------------------------------- hoisting


def test_union_variants_are_hoisted_and_named_after_the_discriminator() -> None:
    lock: dict[str, Any] = {}
    out = ns.normalize(union_spec(), lock)
    schemas = out["components"]["schemas"]
    union = schemas["GenerateImageRequest"]
    names = ["GenerateImageAlpha", "GenerateImageBeta", "GenerateImageGamma", "GenerateImageFlux11Pro"]
    assert union["oneOf"] == [{"$ref": REF + n} for n in names]
    assert union["discriminator"] == {
        "propertyName": "model",
        "mapping": {
            "alpha": REF + "GenerateImageAlpha",
            "beta": REF + "GenerateImageBeta",
            "gamma": REF + "GenerateImageGamma",
            "flux-1.1-pro": REF + "GenerateImageFlux11Pro",
        },
    }
    flux = schemas["GenerateImageFlux11Pro"]
    assert flux["properties"]["model"] == {"const": "flux-1.1-pro", "type": "string", "default": "flux-1.1-pro"}
    assert flux["required"] == ["prompt", "model"]
    assert lock["variants"]["GenerateImageRequest#flux-1.1-pro"] == "GenerateImageFlux11Pro"


def test_identical_params_blocks_share_one_class_and_different_ones_get_their_own() -> None:
    lock: dict[str, Any] = {}
    schemas = ns.normalize(union_spec(), lock)["components"]["schemas"]
    ref_of = {name: schemas[name]["properties"]["alphaParams"] for name in ("GenerateImageAlpha", "GenerateImageBeta")}
    assert ref_of["GenerateImageAlpha"] == ref_of["GenerateImageBeta"] == {"$ref": REF + "AlphaParams"}
    assert schemas["GenerateImageGamma"]["properties"]["alphaParams"] == {"$ref": REF + "GammaParams"}
    assert schemas["AlphaParams"]["properties"]["output_format"]["enum"] == ["png", "jpg"]
    assert schemas["GammaParams"]["properties"]["output_format"]["enum"] == ["png", "jpg", "webp"]
    assert lock["params"] == {
        "GenerateImageRequest.alphaParams@alpha": "AlphaParams",
        "GenerateImageRequest.alphaParams@beta": "AlphaParams",
        "GenerateImageRequest.alphaParams@gamma": "GammaParams",
    }


def test_lock_names_win_over_derived_names() -> None:
    lock = {
        "variants": {"GenerateImageRequest#alpha": "GenerateImageAlphaLegacy"},
        "params": {"GenerateImageRequest.alphaParams@gamma": "GammaLegacyParams"},
    }
    schemas = ns.normalize(union_spec(), lock)["components"]["schemas"]
    assert "GenerateImageAlphaLegacy" in schemas and "GenerateImageAlpha" not in schemas
    assert "GammaLegacyParams" in schemas and "GammaParams" not in schemas
    assert schemas["GenerateImageRequest"]["discriminator"]["mapping"]["alpha"] == REF + "GenerateImageAlphaLegacy"


def test_name_clash_gets_a_numbered_fallback() -> None:
    spec = union_spec()
    spec["components"]["schemas"]["GenerateImageAlpha"] = {"type": "string"}
    schemas = ns.normalize(spec)["components"]["schemas"]
    assert schemas["GenerateImageAlpha"] == {"type": "string"}
    assert schemas["GenerateImageRequest"]["discriminator"]["mapping"]["alpha"] == REF + "GenerateImageAlpha2"


def test_union_without_a_discriminator_is_left_alone() -> None:
    loose = {"oneOf": [{"type": "string"}, {"type": "object", "properties": {"a": {"type": "integer"}}}]}
    spec = {"paths": {}, "components": {"schemas": {"Loose": copy.deepcopy(loose)}}}
    out = ns.normalize(spec)
    assert out["components"]["schemas"] == {"Loose": loose}


def test_discriminator_must_be_required_distinct_and_string() -> None:
    def v(value: Any, required: bool = True) -> dict[str, Any]:
        return {"type": "object", "properties": {"k": {"const": value}}, "required": ["k"] if required else []}

    assert ns.discriminator_of([v("a"), v("b")]) == "k"
    assert ns.discriminator_of([v("a"), v("a")]) is None
    assert ns.discriminator_of([v(1), v(2)]) is None
    assert ns.discriminator_of([v("a"), v("b", required=False)]) is None


# --------------------------------------------------------------------------- enums


def test_merge_single_value_unions_builds_one_enum() -> None:
    spec: dict[str, Any] = {
        "s": {"anyOf": [{"const": "a", "type": "string"}, {"enum": ["b"], "type": "string"}]},
        "n": {"oneOf": [{"const": 1, "type": "number"}, {"const": 2.0, "type": "number"}]},
        "f": {"anyOf": [{"const": 0.5, "type": "number"}, {"const": 1.5, "type": "number"}]},
        "mixed": {"anyOf": [{"const": "a", "type": "string"}, {"const": 1, "type": "integer"}]},
        "documented": {"anyOf": [{"const": "a", "description": "A"}, {"const": "b"}]},
    }
    ns.merge_single_value_unions(spec)
    assert spec["s"] == {"enum": ["a", "b"], "type": "string"}
    assert spec["n"] == {"enum": [1, 2], "type": "integer"}  # integral numbers become an integer enum
    assert spec["f"] == {"enum": [0.5, 1.5], "type": "number"}
    assert spec["mixed"] == {"enum": ["a", 1]}
    assert spec["documented"] == {"anyOf": [{"const": "a", "description": "A"}, {"const": "b"}]}


def test_consts_and_discriminator_defaults() -> None:
    spec: dict[str, Any] = {
        "one": {"enum": ["x"], "type": "string"},
        "null_only": {"enum": [None]},
        "two": {"enum": ["x", "y"]},
    }
    ns.consts(spec)
    assert spec["one"] == {"const": "x", "type": "string"}
    assert spec["null_only"] == {"enum": [None]}
    assert spec["two"] == {"enum": ["x", "y"]}

    schemas = ns.normalize(union_spec())["components"]["schemas"]
    for name in ("GenerateImageAlpha", "GenerateImageBeta", "GenerateImageGamma"):
        model = schemas[name]["properties"]["model"]
        assert model["const"] == model["default"] == name.removeprefix("GenerateImage").lower()
        assert "enum" not in model


def test_hoist_shared_enums_defines_one_component() -> None:
    schemas = ns.normalize(union_spec())["components"]["schemas"]
    assert schemas["WebhookEvent"] == {"enum": ["progress", "completed", "failed"], "type": "string"}
    for name in ("GenerateImageAlpha", "GenerateImageBeta"):
        assert schemas[name]["properties"]["webhookEvents"]["items"] == {"$ref": REF + "WebhookEvent"}
        assert schemas[name]["properties"]["webhookEvents"]["minItems"] == 1


def test_hoist_shared_enums_skips_differing_or_single_use() -> None:
    differing = union_spec()
    beta = differing["components"]["schemas"]["GenerateImageRequest"]["oneOf"][1]
    beta["properties"]["webhookEvents"]["items"]["enum"] = ["progress", "completed"]
    schemas = ns.normalize(differing)["components"]["schemas"]
    assert "WebhookEvent" not in schemas
    assert "enum" in schemas["GenerateImageAlpha"]["properties"]["webhookEvents"]["items"]

    single = union_spec()
    del single["components"]["schemas"]["GenerateImageRequest"]["oneOf"][1]["properties"]["webhookEvents"]
    assert "WebhookEvent" not in ns.normalize(single)["components"]["schemas"]


# --------------------------------------------------------------------------- generator-only rules


def test_float_enums_become_documented_numbers() -> None:
    spec: dict[str, Any] = {
        "scale": {"type": "number", "enum": [0.5, 1.5], "description": "Scale."},
        "bare": {"type": "number", "enum": [2.5]},
        "whole": {"type": "number", "enum": [1, 2]},
    }
    ns.float_enums(spec)
    assert spec["scale"] == {"type": "number", "description": "Scale. Allowed values: 0.5, 1.5."}
    assert spec["bare"] == {"type": "number", "description": "Allowed values: 2.5."}
    assert spec["whole"] == {"type": "number", "enum": [1, 2]}


def test_nullable_enums_become_titled_any_of() -> None:
    spec: dict[str, Any] = {
        "components": {
            "schemas": {
                "Job": {
                    "type": "object",
                    "properties": {
                        "webhookStatus": {
                            "type": ["string", "null"],
                            "enum": ["pending", "delivered", None],
                            "description": "Delivery.",
                        },
                        "apiKey": {"type": ["object", "null"], "properties": {"id": {"type": "string"}}},
                        "error": {"type": ["string", "null"]},
                    },
                }
            }
        }
    }
    ns.nullable_enums(spec)
    props = spec["components"]["schemas"]["Job"]["properties"]
    assert props["webhookStatus"] == {
        "anyOf": [{"enum": ["pending", "delivered"], "type": "string", "title": "WebhookStatus"}, {"type": "null"}],
        "description": "Delivery.",
    }
    assert props["apiKey"] == {
        "anyOf": [{"properties": {"id": {"type": "string"}}, "type": "object", "title": "JobApiKey"}, {"type": "null"}]
    }
    assert props["error"] == {"type": ["string", "null"]}


def test_boolean_queries() -> None:
    spec: dict[str, Any] = {
        "paths": {
            "/v2/jobs": {
                "get": {
                    "parameters": [
                        {
                            "name": "include_models",
                            "in": "query",
                            "schema": {"enum": ["true", "false"], "default": "false"},
                        },
                        {"name": "archived", "in": "query", "schema": {"enum": ["false", "true"]}},
                        {"name": "scope", "in": "query", "schema": {"enum": ["user", "team"], "type": "string"}},
                        {"name": "flag", "in": "header", "schema": {"enum": ["true", "false"]}},
                    ]
                }
            }
        }
    }
    ns.boolean_queries(spec)
    schemas = [p["schema"] for p in spec["paths"]["/v2/jobs"]["get"]["parameters"]]
    assert schemas == [
        {"type": "boolean", "default": False},
        {"type": "boolean"},
        {"enum": ["user", "team"], "type": "string"},
        {"enum": ["true", "false"]},
    ]


def response_spec() -> dict[str, Any]:
    status = {"enum": ["QUEUED", "COMPLETED"], "type": "string", "description": "State."}
    return {
        "paths": {
            "/v2/jobs/{id}": {"get": {"responses": ok_response("Job")}},
            "/v2/jobs": {"post": {"requestBody": json_body("JobRequest"), "responses": ok_response("Shared")}},
        },
        "components": {
            "schemas": {
                "Job": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        "status": copy.deepcopy(status),
                        "kind": {"anyOf": [{"enum": ["a", "b"], "type": "string"}, {"type": "null"}]},
                        "single": {"enum": ["only"], "type": "string"},
                        "nested": {"type": "object", "additionalProperties": False, "properties": {}},
                    },
                },
                "JobRequest": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {"status": copy.deepcopy(status), "shared": {"$ref": REF + "Shared"}},
                },
                "Shared": {"type": "object", "properties": {"status": copy.deepcopy(status)}},
            }
        },
    }


def test_open_responses_accept_unknown_values_and_fields() -> None:
    spec = response_spec()
    ns.open_responses(spec)
    schemas = spec["components"]["schemas"]
    job = schemas["Job"]
    assert "additionalProperties" not in job
    assert "additionalProperties" not in job["properties"]["nested"]
    assert job["properties"]["status"] == {
        "anyOf": [{"enum": ["QUEUED", "COMPLETED"], "type": "string", "title": "Status"}, {"type": "string"}],
        "description": "State.",
    }
    assert job["properties"]["kind"] == {
        "anyOf": [{"enum": ["a", "b"], "type": "string", "title": "Kind"}, {"type": "string"}, {"type": "null"}]
    }
    assert job["properties"]["single"] == {"enum": ["only"], "type": "string"}
    # request schemas, and schemas reachable from a request, stay closed
    original = response_spec()["components"]["schemas"]
    assert schemas["JobRequest"] == original["JobRequest"]
    assert schemas["Shared"] == original["Shared"]
    assert ns.response_only_schemas(response_spec()) == {"Job"}


def test_open_enum_keeps_an_existing_open_union() -> None:
    already = {"anyOf": [{"enum": ["a"], "type": "string", "title": "T"}, {"type": "string"}]}
    assert ns.open_enum(copy.deepcopy(already), "Other") == already
    assert ns.open_enum({"type": "integer", "enum": [1, 2]}, "X") == {"type": "integer", "enum": [1, 2]}


def test_plain_ids_drop_only_uuid_format() -> None:
    spec = {"id": {"type": "string", "format": "uuid"}, "at": {"type": "string", "format": "date-time"}}
    ns.plain_ids(spec)
    assert spec == {"id": {"type": "string"}, "at": {"type": "string", "format": "date-time"}}


def test_strip_docs_keeps_property_names() -> None:
    spec: dict[str, Any] = {
        "info": {"title": "t", "version": "1", "description": "long"},
        "servers": [{"url": "https://x"}],
        "webhooks": {},
        "components": {
            "schemas": {
                "A": {
                    "description": "prose",
                    "properties": {"description": {"type": "string", "description": "prose"}},
                }
            }
        },
    }
    out = ns.strip_docs(spec)
    assert out == {
        "info": {"title": "t", "version": "1"},
        "components": {"schemas": {"A": {"properties": {"description": {"type": "string"}}}}},
    }


def test_pascal_and_snake() -> None:
    assert ns.pascal("flux-1.1-pro") == "Flux11Pro"
    assert ns.pascal("midjourneyParams") == "MidjourneyParams"
    assert ns.pascal("add_vocals") == "AddVocals"
    assert ns.snake("background-remove") == "background_remove"
    assert ns.snake("includeArchived") == "include_archived"


# --------------------------------------------------------------------------- idempotence


@pytest.mark.parametrize("make", [union_spec, api_spec, response_spec], ids=lambda f: f.__name__)
def test_normalize_is_idempotent_on_small_specs(make: Any) -> None:
    once = ns.normalize(make(), {})
    assert ns.normalize(once, {}) == once


def test_normalize_is_idempotent_on_the_real_spec(real_spec: dict[str, Any], names_lock: dict[str, Any]) -> None:
    once = ns.normalize(real_spec, copy.deepcopy(names_lock))
    twice = ns.normalize(once, copy.deepcopy(names_lock))
    assert twice == once
    generator_once = ns.for_generator(once)
    assert ns.for_generator(generator_once) == generator_once


def test_real_spec_names_match_the_lock(real_spec: dict[str, Any], names_lock: dict[str, Any]) -> None:
    """Derived names (empty lock) equal the committed lock: no hidden renames are pending."""
    fresh: dict[str, Any] = {}
    schemas = ns.normalize(real_spec, fresh)["components"]["schemas"]
    assert fresh["variants"] == names_lock["variants"]
    assert fresh["params"] == names_lock["params"]
    assert set(names_lock["variants"].values()) <= set(schemas)


def test_normalizer_fixture_is_the_same_module(normalizer: ModuleType) -> None:
    assert normalizer is ns
