"""Issue 22, point 10: the package's objects as Python shows them (tracebacks, dir, repr, help, metadata)."""

from __future__ import annotations

import pydoc
import tomllib
import traceback
from importlib import metadata
from pathlib import Path

import apiframe
from apiframe.types import KlingParams

ROOT = Path(__file__).parents[2]


def test_public_classes_live_in_apiframe() -> None:
    for name in apiframe.__all__:
        value = getattr(apiframe, name)
        if isinstance(value, type) and not value.__module__.startswith("apiframe_client"):
            assert value.__module__ == "apiframe", name
    try:
        raise apiframe.InvalidRequestError("bad", field="prompt")
    except apiframe.InvalidRequestError as error:
        shown = "".join(traceback.format_exception_only(error))
    assert shown.startswith("apiframe.InvalidRequestError: bad")


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
