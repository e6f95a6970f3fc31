"""Gaps a review of the ``apiframe`` command found: chained --sandbox commands, messages in the
shell's words, the modality hint, one "interrupted" line, narrow summaries and moving progress."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from apiframe.cli import _display
from apiframe.cli._app import cli
from apiframe.cli._sandbox import SANDBOX_STATE
from apiframe.testing import FAIL_TRIGGER
from apiframe.testing._media import make_png

SANDBOX = ["--sandbox", "--sandbox-job-seconds", "0.2"]


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner(env=env).invoke(cli, list(args))


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh current folder (the embedded sandbox keeps its jobs in ``./.apiframe-sandbox``)."""
    monkeypatch.delenv("APIFRAME_API_KEY", raising=False)
    monkeypatch.delenv("APIFRAME_BASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- 1. one sandbox state per current folder, whatever --out ------------------------------------


def test_a_midjourney_action_finds_its_parent_in_another_out_folder(here: Path) -> None:
    parent = run(*SANDBOX, "--json", "generate", "image", "-m", "midjourney", "-p", "x", "--out", "outx")
    assert parent.exit_code == 0, parent.output
    job_id = json.loads(parent.stdout)["id"]
    action = ["images", "midjourney-action", "upsample", "--parent-job-id", job_id, "--index", "1"]
    child = run(*SANDBOX, "--json", *action, "--out", "outy")
    assert child.exit_code == 0, child.output
    assert all(Path(f).parent == Path("outy") and Path(f).is_file() for f in json.loads(child.stdout)["files"])
    assert (here / SANDBOX_STATE).is_dir()
    assert not (here / "outx" / SANDBOX_STATE).exists() and not (here / "outy" / SANDBOX_STATE).exists()


def test_a_no_wait_job_is_waited_for_and_downloaded_by_later_commands(here: Path) -> None:
    queued = run(*SANDBOX, "generate", "image", "-m", "flux-1.1-pro", "-p", "x", "--no-wait", "--out", "a")
    assert queued.exit_code == 0, queued.output
    job_id = queued.stdout.strip()
    waited = run(*SANDBOX, "jobs", "wait", job_id)
    assert waited.exit_code == 0, waited.output
    assert f"{job_id}  COMPLETED" in waited.stdout
    got = run(*SANDBOX, "jobs", "download", job_id, "--out", "b")
    assert got.exit_code == 0, got.output
    assert (here / "b" / f"{job_id}.png").is_file()


def test_the_current_folders_state_link_is_refused_even_with_out(here: Path) -> None:
    elsewhere = here / "elsewhere"
    elsewhere.mkdir()
    (here / SANDBOX_STATE).symlink_to(elsewhere)
    result = run("--sandbox", "generate", "image", "-m", "flux-1.1-pro", "-p", "x", "-o", "out")
    assert result.exit_code == 2 and "is a symbolic link" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_help_says_where_the_sandbox_keeps_its_jobs() -> None:
    text = "".join(run("--help").stdout.split())  # click may wrap after a hyphen
    assert "(keptin./.apiframe-sandbox)" in text and "`apiframesandbox`runfromthatfolder" in text


# -- 2. every field a message names is its --flag -----------------------------------------------


def test_every_field_named_in_a_message_is_its_flag(here: Path) -> None:
    faces = []
    for n in range(15):
        face = here / f"f{n}.png"
        face.write_bytes(make_png(f"f{n}"))
        faces.append(str(face))
    result = run(*SANDBOX, "loras", "create", "--name", "x", "--subject-kind", "person", *faces)
    assert result.exit_code == 2
    assert "--gender and --ethnicity are required when --subject-kind is 'person'" in result.stderr
    assert "subject_kind" not in result.stderr
    one = run(*SANDBOX, "loras", "create", "--name", "x", "--gender", "male", *faces)
    assert one.exit_code == 2 and "--ethnicity is required when --subject-kind is 'person'" in one.stderr


def test_several_problems_of_one_request_each_name_their_flag(here: Path) -> None:
    result = run(*SANDBOX, "generate", "video", "-m", "kling-2.5-turbo-pro", "-p", "x", "--param", "duration=7",
                 "--param", "guidance_scale=3")  # fmt: skip
    assert result.exit_code == 2
    assert "--param duration" in result.stderr and "--param guidance_scale" in result.stderr
    assert "kling_params" not in result.stderr


# -- 3. the model hint names a command for the same operation -----------------------------------


def test_a_generation_model_in_upscale_is_not_sent_to_generate(here: Path) -> None:
    result = run(*SANDBOX, "images", "upscale", "-m", "nano-banana", "--param", "image=https://example.com/a.png")
    assert result.exit_code == 2
    assert "generate" not in result.stderr
    assert "nano-banana does not do images upscale; `apiframe images upscale` takes these models" in result.stderr
    assert "clarity-upscale" in result.stderr and "topaz-image-upscale" in result.stderr


def test_a_model_of_the_same_operation_for_another_medium_is_named(here: Path) -> None:
    video = run(*SANDBOX, "images", "upscale", "-m", "topaz-video-upscale", "--param", "video=https://e.com/a.mp4")
    assert video.exit_code == 2
    assert "topaz-video-upscale is a video model: use `apiframe videos upscale`" in video.stderr
    image = run(*SANDBOX, "generate", "video", "-m", "flux-1.1-pro", "-p", "x")
    assert "flux-1.1-pro is an image model: use `apiframe generate image`" in image.stderr


# -- 4. Ctrl-C says "interrupted" once: in test_first_run.py (test_ctrl_c_during_generate_...) ---


# -- 5. end to end: a failed batch line at 60 columns, progress that moves ----------------------


def test_a_sandbox_batch_summary_at_60_columns_keeps_line_id_and_error(here: Path) -> None:
    batch = here / "b.jsonl"
    lines = [{"model": "flux-1.1-pro", "prompt": "fine"}, {"model": "flux-1.1-pro", "prompt": f"x {FAIL_TRIGGER}"}]
    batch.write_text("".join(json.dumps(line) + "\n" for line in lines))
    result = CliRunner(env={"COLUMNS": "60"}).invoke(cli, [*SANDBOX, "batch", str(batch), "--out", "out"])
    assert result.exit_code == 1, result.output
    (record,) = [json.loads(p.read_text()) for p in (here / "out").glob("state/*/*.failed.*.json")]
    assert record["line"] == 2
    job_id, error = record["job_id"], record["error"]
    assert job_id and error
    assert max(len(line) for line in result.stdout.splitlines()) <= 60
    flat = " ".join(result.stdout.split())
    assert re.search(r"# 2\b", flat), result.stdout
    assert job_id in result.stdout.replace("\n", "").replace(" ", "")
    assert "\u2026" not in result.stdout  # nothing cut short
    assert " ".join(error.split()) in flat


@pytest.mark.slow
def test_jobs_wait_shows_progress_between_snapshots(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    slow = ["--sandbox", "--sandbox-job-seconds", "6"]  # long enough for frames between snapshots on a busy machine
    job_id = run(*slow, "generate", "image", "-m", "flux-1.1-pro", "-p", "x", "--no-wait").stdout.strip()
    reported: list[int] = []
    observe = _display.Display.progressed

    def spy(self: _display.Display, task: object, info: object) -> None:
        progress = getattr(info, "progress", None)
        if isinstance(progress, int):
            reported.append(progress)
        observe(self, task, info)  # type: ignore[arg-type]

    monkeypatch.setattr(_display.Display, "progressed", spy)
    result = CliRunner(env={"TTY_COMPATIBLE": "1", "TERM": "xterm", "COLUMNS": "100"}).invoke(
        cli, [*slow, "jobs", "wait", job_id]
    )
    assert result.exit_code == 0, result.output
    shown = {int(n) for n in re.findall(r"(\d+)%", result.stderr)}
    assert reported, "the wait saw no snapshot with a progress"
    assert shown - set(reported) - {0, 99, 100}, (sorted(shown), reported)  # a value between snapshots


def test_the_fields_a_message_names_survive_pickling() -> None:
    import pickle

    from apiframe import InvalidRequestError

    error = InvalidRequestError("gender and ethnicity are required", field="gender", fields=["ethnicity", "gender"])
    assert error.fields == ("gender", "ethnicity")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.field, copy.fields) == ("gender", ("gender", "ethnicity"))
    assert InvalidRequestError("no field").fields == ()
