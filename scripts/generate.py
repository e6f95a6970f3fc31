"""Regenerate ``generated/apiframe_client`` from the OpenAPI spec (``make generate``).

Steps: normalize the spec (scripts/normalize_spec.py), run the pinned openapi-python-client with
``--fail-on-warning`` into a temporary directory, post-process (ruff, lazy model imports, the
runtime validation schema, the typed facade surface), check the class-name lock, then swap the
result into place. Running it twice on the same spec gives byte-identical output.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_surface
import lazy_models
import model_reprs
import normalize_spec
import response_fields
import sync_spec

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "apiframe_client"
CONFIG = ROOT / "openapi" / "generator-config.yml"
NAMES_LOCK = ROOT / "openapi" / "names.lock.json"
SPEC_LOCK = ROOT / "openapi" / "spec.lock.json"
DEFAULT_SPEC = ROOT / "openapi" / "openapi.json"


def dump(data: object) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def run(cmd: list[str], cwd: Path) -> str:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    output = proc.stdout + proc.stderr
    if proc.returncode != 0:
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{output}")
    return output


def generator_command(decisions: Path) -> list[str]:
    """The generator, run with the project's naming rule; ``decisions`` carries the locked names in and out."""
    return [sys.executable, str(Path(__file__).resolve().with_name("run_generator.py")), str(decisions)]


def tidy_facade(path: Path, name_in_repo: str) -> None:
    """Fix and format a generated facade module with the project's own ruff settings (it lives in apiframe/)."""
    ruff = [sys.executable, "-m", "ruff"]
    where = ["--no-cache", "--stdin-filename", str(ROOT / name_in_repo)]
    for step in ([*ruff, "check", "--fix-only", "--quiet", *where, "-"], [*ruff, "format", "--quiet", *where, "-"]):
        proc = subprocess.run(step, input=path.read_text(), capture_output=True, text=True, cwd=ROOT)
        if proc.returncode != 0:
            raise SystemExit(f"command failed ({proc.returncode}): {' '.join(step)}\n{proc.stderr}")
        path.write_text(proc.stdout)


def exported_names(module: Path) -> list[str]:
    """The ``__all__`` of a generated module (a package's ``__init__.py`` when given a folder)."""
    import ast

    path = module / "__init__.py" if module.is_dir() else module
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return sorted(ast.literal_eval(node.value))
    raise SystemExit(f"{path} has no __all__")


def class_names(package: Path) -> list[str]:
    """Public classes and type aliases the generated models package defines."""
    names = []
    for module in sorted((package / "models").glob("*.py")):
        if module.name == "__init__.py":
            continue
        for line in module.read_text().splitlines():
            if line.startswith("class "):
                names.append(line[6:].split("(")[0].split(":")[0].strip())
            elif not line.startswith((" ", "#", "_")) and " = Literal[" in line:
                names.append(line.split("=")[0].strip())
    return sorted(set(names))


FACADE = ROOT / "apiframe" / "resources" / "_generated.py"
STUB = ROOT / "apiframe" / "types.pyi"


def generate(
    spec_path: Path, out_dir: Path, *, update_locks: bool, facade: Path = FACADE, stub: Path = STUB
) -> list[str]:
    """Generate into ``out_dir/apiframe_client``; returns the generator's warnings (none expected)."""
    raw = spec_path.read_bytes()
    spec = json.loads(raw)
    lock = json.loads(NAMES_LOCK.read_text()) if NAMES_LOCK.exists() else {}
    locked_classes = list(lock.get("classes", []))
    identifiers: dict[str, str] = dict(lock.get("identifiers", {}))
    normalized = normalize_spec.normalize(spec, lock)
    generator_spec = normalize_spec.for_generator(normalized)

    with tempfile.TemporaryDirectory(prefix="apiframe-gen-") as tmp:
        work = Path(tmp)
        spec_file = work / "openapi.json"
        spec_file.write_text(dump(generator_spec))
        target = work / PACKAGE
        decisions = work / "identifiers.json"
        decisions.write_text(json.dumps(identifiers))
        output = run(
            [
                *generator_command(decisions),
                "generate",
                "--path",
                str(spec_file),
                "--config",
                str(CONFIG),
                "--meta",
                "none",
                "--output-path",
                str(target),
                "--fail-on-warning",
                "--overwrite",
            ],
            cwd=work,
        )
        warnings = [line for line in output.splitlines() if "warning" in line.lower()]
        identifiers = {**identifiers, **json.loads(decisions.read_text())}
        lazy_models.make_lazy(target / "models" / "__init__.py")
        if response_fields.add(target) == 0:
            raise SystemExit("no generated model could take the response fields (the generator's output changed)")
        if model_reprs.add(target) == 0:
            raise SystemExit("no generated model could take a readable repr (the generator's output changed)")
        methods = dict(lock.get("methods", {}))
        gen_surface.write(normalized, target, work / "facade.py", methods)
        (target / "py.typed").write_text("")  # PEP 561: ship the generated types
        gen_surface.annotate_python_names(normalized, identifiers)
        (target / "_spec.json").write_text(dump(normalize_spec.strip_docs(normalized)))
        ruff = [sys.executable, "-m", "ruff"]
        run(
            [
                *ruff,
                "check",
                "--fix-only",
                "--quiet",
                "--no-cache",
                "--isolated",
                "--select",
                "F401,I,UP",
                "--target-version",
                "py311",
                PACKAGE,
            ],
            cwd=work,
        )
        run([*ruff, "format", "--quiet", "--no-cache", "--isolated", "--line-length", "120", PACKAGE], cwd=work)
        tidy_facade(work / "facade.py", "apiframe/resources/_generated.py")
        (work / "types.pyi").write_text(
            gen_surface.render_types_stub(exported_names(target / "models"), exported_names(target / "surface.py"))
        )
        tidy_facade(work / "types.pyi", "apiframe/types.pyi")

        names = class_names(target)
        missing = sorted(set(locked_classes) - set(names))
        if missing and not os.environ.get("APIFRAME_ALLOW_CLASS_REMOVALS"):
            raise SystemExit(
                "these public classes would disappear or be renamed by this spec: "
                + ", ".join(missing)
                + "\nadd their old names to openapi/names.lock.json rules, or set "
                "APIFRAME_ALLOW_CLASS_REMOVALS=1 if the API really removed them"
            )
        final = out_dir / PACKAGE
        if final.exists():
            shutil.rmtree(final)
        out_dir.mkdir(parents=True, exist_ok=True)
        shutil.copytree(target, final, ignore=shutil.ignore_patterns("__pycache__", ".ruff_cache"))
        facade.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(work / "facade.py", facade)
        shutil.copyfile(work / "types.pyi", stub)
        operation_ids = [operation_id for operation_id, *_ in gen_surface.union_operations(normalized)]
        methods = {op: method for op, (_, method) in gen_surface.method_names(operation_ids, methods).items()}

    if update_locks:
        lock["classes"] = names
        lock["identifiers"] = dict(sorted(identifiers.items()))
        lock["methods"] = dict(sorted(methods.items()))
        NAMES_LOCK.write_text(dump(lock))
        previous = json.loads(SPEC_LOCK.read_text()) if SPEC_LOCK.exists() else {}
        SPEC_LOCK.write_text(
            dump(
                {
                    "source": previous.get("source")
                    if spec_path.resolve() == DEFAULT_SPEC.resolve()
                    else sync_spec.describe(str(spec_path)),
                    "sha256": hashlib.sha256(raw).hexdigest(),
                    "info_version": spec.get("info", {}).get("version"),
                    "generator": "openapi-python-client==0.29.1",
                }
            )
        )
    return warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--out", type=Path, default=ROOT / "generated")
    parser.add_argument(
        "--facade-out",
        type=Path,
        default=None,
        help="where the generated resource methods go (default apiframe/resources/_generated.py, "
        "or OUT/_resources_generated.py with --out)",
    )
    parser.add_argument(
        "--no-lock-update",
        action="store_true",
        help="leave openapi/*.lock.json untouched (used by tests generating elsewhere)",
    )
    args = parser.parse_args(argv)
    if not args.spec.exists():
        raise SystemExit(f"spec not found: {args.spec} (run `make sync-spec` first)")
    default_out = args.out == ROOT / "generated"
    facade = args.facade_out or (FACADE if default_out else args.out / "_resources_generated.py")
    stub = STUB if default_out else args.out / "_apiframe_types.pyi"
    warnings = generate(args.spec, args.out, update_locks=not args.no_lock_update, facade=facade, stub=stub)
    for line in warnings:
        print(line)
    print(f"generated {args.out / PACKAGE} from {args.spec} ({len(warnings)} warnings)")
    return 1 if warnings else 0


if __name__ == "__main__":
    raise SystemExit(main())
