"""A newer spec (one more image model with a new params family, one more enum value) regenerates cleanly:
no warnings, the new classes appear, and no class the name lock records disappears or is renamed."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any

from .conftest import (
    GENERATED,
    GROWN_ENUM_VALUE,
    NEW_MODEL,
    NEW_PARAMS_PROPERTY,
    NEW_PARAMS_STYLES,
    Generation,
)

REF = "#/components/schemas/"


def exported_models(package: Path) -> set[str]:
    """The names ``apiframe_client.models.__all__`` declares (read from source, not imported)."""
    tree = ast.parse((package / "models" / "__init__.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return set(ast.literal_eval(node.value))
    raise AssertionError("models/__init__.py has no __all__")


def defined_models(package: Path) -> set[str]:
    """Classes and ``X = Literal[...]`` aliases defined in the model modules."""
    names: set[str] = set()
    for module in (package / "models").glob("*.py"):
        text = module.read_text()
        names.update(re.findall(r"^class (\w+)", text, re.MULTILINE))
        names.update(re.findall(r"^(\w+) = Literal\[", text, re.MULTILINE))
    return names


def literal_values(module: Path, alias: str) -> list[str]:
    match = re.search(rf"^{alias} = Literal\[(.*?)\]$", module.read_text(), re.MULTILINE | re.DOTALL)
    assert match, f"{alias} = Literal[...] not found in {module}"
    values = ast.literal_eval(f"[{match.group(1)}]")
    assert isinstance(values, list)
    return values


def test_generation_succeeds_without_warnings(regeneration: Generation) -> None:
    assert regeneration.returncode == 0, regeneration.output
    assert "(0 warnings)" in regeneration.output
    assert not [line for line in regeneration.output.splitlines() if "warning" in line.lower() and "(0 " not in line]


def test_new_variant_and_params_classes_exist(regenerated_package: Path) -> None:
    models = regenerated_package / "apiframe_client" / "models"
    variant = (models / "generate_image_acme_pixel.py").read_text()
    assert "class GenerateImageAcmePixel:" in variant
    assert f'model: Literal["{NEW_MODEL}"] = "{NEW_MODEL}"' in variant
    assert "acme_pixel_params: AcmePixelParams | Unset = UNSET" in variant
    params = (models / "acme_pixel_params.py").read_text()
    assert "class AcmePixelParams:" in params
    assert sorted(literal_values(models / "acme_pixel_params_style.py", "AcmePixelParamsStyle")) == sorted(
        NEW_PARAMS_STYLES
    )
    assert {"GenerateImageAcmePixel", "AcmePixelParams", "AcmePixelParamsStyle"} <= exported_models(
        regenerated_package / "apiframe_client"
    )


def test_new_variant_is_part_of_the_request_union(regenerated_package: Path) -> None:
    package = regenerated_package / "apiframe_client"
    spec = json.loads((package / "_spec.json").read_text())
    mapping = spec["components"]["schemas"]["GenerateImageRequest"]["discriminator"]["mapping"]
    assert mapping[NEW_MODEL] == REF + "GenerateImageAcmePixel"
    variant = spec["components"]["schemas"]["GenerateImageAcmePixel"]
    assert variant["properties"][NEW_PARAMS_PROPERTY]["$ref"] == REF + "AcmePixelParams"
    endpoint = (package / "api" / "images" / "images_generate.py").read_text()
    assert "from ...models.generate_image_acme_pixel import GenerateImageAcmePixel" in endpoint
    assert re.search(r"body: GenerateImageAcmePixel\s*\|", endpoint), "the new variant is not in the body union"


def test_existing_variants_keep_their_discriminator_mapping(regenerated_package: Path) -> None:
    old = json.loads((GENERATED / "_spec.json").read_text())["components"]["schemas"]
    new = json.loads((regenerated_package / "apiframe_client" / "_spec.json").read_text())["components"]["schemas"]
    for name, union in old.items():
        if "discriminator" in union:
            old_mapping = union["discriminator"]["mapping"]
            new_mapping = new[name]["discriminator"]["mapping"]
            assert {k: new_mapping[k] for k in old_mapping} == old_mapping, name


def test_new_enum_value_is_in_the_generated_literal(regenerated_package: Path) -> None:
    module = regenerated_package / "apiframe_client" / "models" / "reve_params_aspect_ratio.py"
    assert GROWN_ENUM_VALUE in literal_values(module, "ReveParamsAspectRatio")
    assert GROWN_ENUM_VALUE not in literal_values(GENERATED / "models" / module.name, "ReveParamsAspectRatio")


def test_no_locked_class_is_renamed_or_removed(regenerated_package: Path, names_lock: dict[str, Any]) -> None:
    package = regenerated_package / "apiframe_client"
    defined = defined_models(package)
    exported = exported_models(package)
    locked = set(names_lock["classes"])
    assert locked - defined == set()
    assert locked - exported == set()
    assert set(names_lock["variants"].values()) <= defined
    assert set(names_lock["params"].values()) <= defined
    # the only additions are the new model's classes
    assert defined - locked == {"GenerateImageAcmePixel", "AcmePixelParams", "AcmePixelParamsStyle"}


def test_surface_offers_the_new_model(regenerated_package: Path) -> None:
    methods = (regenerated_package / "_resources_generated.py").read_text()
    assert f'model: Literal["{NEW_MODEL}"],' in methods
    assert "acme_pixel_params: AcmePixelParams | AcmePixelParamsDict | None = None" in methods
    documented = f"``{NEW_MODEL}``: prompt*, webhook_events, webhook_url, acme_pixel_params (AcmePixelParams)"
    assert documented in methods  # the docstring names the model and its params block
    compile(methods, "_resources_generated.py", "exec")
    surface = (regenerated_package / "apiframe_client" / "surface.py").read_text()
    typed_dict = re.search(r"^class AcmePixelParamsDict\(TypedDict, total=False\):\n((?:    .*\n)+)", surface, re.M)
    assert typed_dict, "surface.py has no AcmePixelParamsDict"
    styles = ", ".join(f'"{s}"' for s in NEW_PARAMS_STYLES)
    assert f"style: Literal[{styles}]" in typed_dict.group(1)
    reve = re.search(r"^class ReveParamsDict\(TypedDict, total=False\):\n((?:    .*\n)+)", surface, re.M)
    assert reve and f'"{GROWN_ENUM_VALUE}"]' in reve.group(1)
    compile(surface, "surface.py", "exec")
