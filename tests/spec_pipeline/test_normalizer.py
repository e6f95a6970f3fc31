"""Each normalizer rule on small specs written here, plus idempotence on those and the real spec."""

from __future__ import annotations

import copy
from types import ModuleType
from typing import Any

REF = "#/components/schemas/"


def tiny(**schemas: Any) -> dict[str, Any]:
    return {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": schemas}}


def union_spec() -> dict[str, Any]:
    def variant(model: str, params: dict[str, Any] | None, prop: str = "fluxParams") -> dict[str, Any]:
        properties: dict[str, Any] = {"model": {"type": "string", "enum": [model]}, "prompt": {"type": "string"}}
        if params is not None:
            properties[prop] = params
        properties["webhookEvents"] = {"type": "array", "items": {"type": "string", "enum": ["progress", "completed"]}}
        return {"type": "object", "properties": properties, "required": ["model", "prompt"]}

    flux = {"type": "object", "properties": {"steps": {"type": "integer"}}}
    other = {"type": "object", "properties": {"steps": {"type": "integer"}, "raw": {"type": "boolean"}}}
    spec = tiny(
        GenerateImageRequest={
            "oneOf": [
                variant("flux-pro", flux),
                variant("flux-dev", copy.deepcopy(flux)),
                variant("flux-raw", other),
                variant("dall-e-3", None),
            ]
        }
    )
    spec["paths"] = {
        "/v2/images/generate": {
            "post": {
                "tags": ["Images"],
                "requestBody": {"content": {"application/json": {"schema": {"$ref": REF + "GenerateImageRequest"}}}},
                "responses": {"202": {"description": "ok"}},
            }
        },
        "/v2/jobs/{id}": {
            "get": {
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "ok"}},
            }
        },
        "/v2/jobs": {
            "get": {
                "parameters": [
                    {"name": "include_models", "in": "query", "schema": {"type": "string", "enum": ["true", "false"]}}
                ],
                "responses": {"200": {"description": "ok"}},
            }
        },
        "/v2/me": {"get": {"responses": {"200": {"description": "ok"}}}},
        "/v2/loras/{id}": {
            "delete": {
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"204": {"description": "gone"}},
            }
        },
    }
    return spec


def test_operation_ids_and_tags(normalizer: ModuleType) -> None:
    out = normalizer.normalize(union_spec())
    ids = {f"{m} {p}": op["operationId"] for p, item in out["paths"].items() for m, op in item.items()}
    assert ids == {
        "post /v2/images/generate": "images_generate",
        "get /v2/jobs/{id}": "jobs_get",
        "get /v2/jobs": "jobs_list",
        "get /v2/me": "me_get",
        "delete /v2/loras/{id}": "loras_delete",
    }
    assert out["paths"]["/v2/images/generate"]["post"]["tags"] == ["images"]


def test_variants_are_hoisted_and_named_after_the_discriminator(normalizer: ModuleType) -> None:
    lock: dict[str, Any] = {}
    out = normalizer.normalize(union_spec(), lock)
    schemas = out["components"]["schemas"]
    union = schemas["GenerateImageRequest"]
    assert union["discriminator"]["propertyName"] == "model"
    assert union["discriminator"]["mapping"] == {
        "flux-pro": REF + "GenerateImageFluxPro",
        "flux-dev": REF + "GenerateImageFluxDev",
        "flux-raw": REF + "GenerateImageFluxRaw",
        "dall-e-3": REF + "GenerateImageDallE3",
    }
    assert union["oneOf"] == [{"$ref": ref} for ref in union["discriminator"]["mapping"].values()]
    model = schemas["GenerateImageFluxPro"]["properties"]["model"]
    assert model["const"] == "flux-pro" and model["default"] == "flux-pro" and "enum" not in model
    assert lock["variants"]["GenerateImageRequest#flux-pro"] == "GenerateImageFluxPro"


def test_identical_params_blocks_share_one_class(normalizer: ModuleType) -> None:
    schemas = normalizer.normalize(union_spec())["components"]["schemas"]
    pro = schemas["GenerateImageFluxPro"]["properties"]["fluxParams"]
    dev = schemas["GenerateImageFluxDev"]["properties"]["fluxParams"]
    raw = schemas["GenerateImageFluxRaw"]["properties"]["fluxParams"]
    assert pro == dev == {"$ref": REF + "FluxParams"}
    assert raw == {"$ref": REF + "FluxRawParams"}  # different content: its own family
    assert schemas["FluxRawParams"]["properties"]["raw"] == {"type": "boolean"}


def test_shared_item_enum_is_hoisted_once(normalizer: ModuleType) -> None:
    schemas = normalizer.normalize(union_spec())["components"]["schemas"]
    assert schemas["WebhookEvent"] == {"type": "string", "enum": ["progress", "completed"]}
    for name in ("GenerateImageFluxPro", "GenerateImageDallE3"):
        assert schemas[name]["properties"]["webhookEvents"]["items"] == {"$ref": REF + "WebhookEvent"}


def test_union_of_single_value_enums_becomes_one_enum(normalizer: ModuleType) -> None:
    spec = tiny(
        Params={
            "type": "object",
            "properties": {
                "quality": {"anyOf": [{"type": "string", "enum": ["low"]}, {"type": "string", "const": "high"}]},
                "fps": {"oneOf": [{"type": "number", "enum": [24]}, {"type": "number", "enum": [30.0]}]},
                "mixed": {"anyOf": [{"type": "string", "enum": ["a"]}, {"type": "integer"}]},
            },
        }
    )
    props = normalizer.normalize(spec)["components"]["schemas"]["Params"]["properties"]
    assert props["quality"] == {"enum": ["low", "high"], "type": "string"}
    assert props["fps"] == {"enum": [24, 30], "type": "integer"}  # integral numbers become integers
    assert "anyOf" in props["mixed"]  # not all single values: left alone


def test_single_value_enum_becomes_const(normalizer: ModuleType) -> None:
    spec = tiny(P={"type": "object", "properties": {"mode": {"type": "string", "enum": ["fast"]}}})
    mode = normalizer.normalize(spec)["components"]["schemas"]["P"]["properties"]["mode"]
    assert mode == {"type": "string", "const": "fast"}


def test_float_enum_keeps_the_number_and_documents_values(normalizer: ModuleType) -> None:
    spec = tiny(P={"type": "object", "properties": {"scale": {"type": "number", "enum": [0.5, 1, 1.5]}}})
    normalized = normalizer.normalize(spec)
    assert normalized["components"]["schemas"]["P"]["properties"]["scale"]["enum"] == [0.5, 1, 1.5]
    scale = normalizer.for_generator(normalized)["components"]["schemas"]["P"]["properties"]["scale"]
    assert "enum" not in scale and scale["type"] == "number"
    assert "Allowed values: 0.5, 1, 1.5." in scale["description"]


def test_nullable_enum_gets_a_titled_anyof(normalizer: ModuleType) -> None:
    spec = tiny(
        Job={
            "type": "object",
            "properties": {"webhookStatus": {"type": ["string", "null"], "enum": ["pending", "delivered", None]}},
        }
    )
    prop = normalizer.for_generator(normalizer.normalize(spec))["components"]["schemas"]["Job"]["properties"]
    options = prop["webhookStatus"]["anyOf"]
    assert options[0]["enum"] == ["pending", "delivered"] and options[0]["title"] == "WebhookStatus"
    assert {"type": "null"} in options


def test_boolean_query_and_plain_ids(normalizer: ModuleType) -> None:
    spec = union_spec()
    spec["components"]["schemas"]["Id"] = {"type": "string", "format": "uuid"}
    out = normalizer.for_generator(normalizer.normalize(spec))
    param = out["paths"]["/v2/jobs"]["get"]["parameters"][0]
    assert param["schema"] == {"type": "boolean"}
    assert out["components"]["schemas"]["Id"] == {"type": "string"}


def test_response_enums_are_opened(normalizer: ModuleType) -> None:
    spec = tiny(
        Job={
            "type": "object",
            "additionalProperties": False,
            "properties": {"status": {"type": "string", "enum": ["QUEUED", "COMPLETED"]}},
        }
    )
    spec["paths"] = {
        "/v2/jobs/{id}": {
            "get": {
                "responses": {"200": {"content": {"application/json": {"schema": {"$ref": REF + "Job"}}}}},
            }
        }
    }
    job = normalizer.for_generator(normalizer.normalize(spec))["components"]["schemas"]["Job"]
    assert "additionalProperties" not in job
    assert job["properties"]["status"]["anyOf"] == [
        {"type": "string", "enum": ["QUEUED", "COMPLETED"], "title": "Status"},
        {"type": "string"},
    ]


def test_idempotent_on_small_and_real_specs(normalizer: ModuleType, real_spec: dict[str, Any]) -> None:
    for spec in (union_spec(), real_spec):
        once = normalizer.normalize(spec, {})
        assert normalizer.normalize(once, {}) == once
        generator_once = normalizer.for_generator(once)
        assert normalizer.for_generator(generator_once) == generator_once
