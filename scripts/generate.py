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
import normalize_spec
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


def generator_command() -> list[str]:
    exe = Path(sys.executable).with_name("openapi-python-client")
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-m", "openapi_python_client"]


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


def generate(spec_path: Path, out_dir: Path, *, update_locks: bool) -> list[str]:
    """Generate into ``out_dir/apiframe_client``; returns the generator's warnings (none expected)."""
    raw = spec_path.read_bytes()
    spec = json.loads(raw)
    lock = json.loads(NAMES_LOCK.read_text()) if NAMES_LOCK.exists() else {}
    locked_classes = list(lock.get("classes", []))
    normalized = normalize_spec.normalize(spec, lock)
    generator_spec = normalize_spec.for_generator(normalized)

    with tempfile.TemporaryDirectory(prefix="apiframe-gen-") as tmp:
        work = Path(tmp)
        spec_file = work / "openapi.json"
        spec_file.write_text(dump(generator_spec))
        target = work / PACKAGE
        output = run(
            [
                *generator_command(),
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
        lazy_models.make_lazy(target / "models" / "__init__.py")
        gen_surface.write(normalized, target)
        (target / "py.typed").write_text("")  # PEP 561: ship the generated types
        gen_surface.annotate_python_names(normalized)
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

    if update_locks:
        lock["classes"] = names
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
        "--no-lock-update",
        action="store_true",
        help="leave openapi/*.lock.json untouched (used by tests generating elsewhere)",
    )
    args = parser.parse_args(argv)
    if not args.spec.exists():
        raise SystemExit(f"spec not found: {args.spec} (run `make sync-spec` first)")
    warnings = generate(args.spec, args.out, update_locks=not args.no_lock_update)
    for line in warnings:
        print(line)
    print(f"generated {args.out / PACKAGE} from {args.spec} ({len(warnings)} warnings)")
    return 1 if warnings else 0


if __name__ == "__main__":
    raise SystemExit(main())
