"""examples/notebook.ipynb runs on a real IPython kernel (nbclient + ipykernel) against the sandbox,
and every result in it displays itself: the output bundles hold the HTML and plain text that
Jupyter shows. Extra cells at the end show a failed job and hostile text."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from apiframe.testing import Sandbox, SandboxConfig

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "notebook.ipynb"
HOSTILE = 'a fox <script>alert(1)</script> " onerror=alert(2) javascript:alert(3) sandbox-fail'

EXTRA = [
    # a failed job whose prompt and error hold markup
    f"""from apiframe import JobFailedError
try:
    client.images.generate(model="flux-1.1-pro", prompt={HOSTILE!r}).wait()
except JobFailedError as error:
    failed = error.job
failed""",
    # a job that is still running shows its progress (a snapshot as the API sends it: no timing involved)
    """from apiframe import Job
Job.from_dict({"id": "j-1", "status": "PROCESSING", "model": "kling-2.5-turbo-pro", "progress": 42,
               "error": None, "creditCost": None, "webhookStatus": None,
               "createdAt": "2026-01-01T00:00:00Z", "completedAt": None})""",
    # a result URL that is not http(s) is never linked
    """from apiframe import Output
Output(url="javascript:alert(4)", index=1, content_type="image/png")""",
]


def _bundle(cell: Any) -> dict[str, Any]:
    (output,) = [o for o in cell.outputs if o.output_type == "execute_result"]
    data: dict[str, Any] = output.data
    return data


@pytest.mark.slow
def test_the_example_notebook_displays_every_result(tmp_path: Path) -> None:
    import nbformat  # here: nbclient and jupyter_client cost each xdist worker ~0.1 s at collection
    from nbclient import NotebookClient

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    notebook.cells += [nbformat.v4.new_code_cell(source) for source in EXTRA]
    with Sandbox(SandboxConfig(job_seconds=0.3)) as sandbox:
        env = {"APIFRAME_API_KEY": sandbox.api_key, "APIFRAME_BASE_URL": sandbox.base_url}
        saved = {name: os.environ.get(name) for name in env}
        os.environ.update(env)  # the kernel inherits this environment
        try:
            NotebookClient(
                notebook, timeout=90, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
            ).execute()
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert not [o for cell in code for o in cell.outputs if o.output_type == "error"]
    handle, image, output, video, music, page, batch, failed, running, bad = (_bundle(c) for c in code[1:])
    base = re.escape(sandbox.base_url)

    assert "AcceptedJob" in handle["text/html"] and "QUEUED" in handle["text/html"]
    assert handle["text/plain"].startswith("AcceptedJob(job_id=")

    pictures = re.findall(rf'<img src="({base}/files/jobs/[^"]+\.png)"', image["text/html"])
    assert len(pictures) == 4 and "max-width:160px" in image["text/html"]  # four outputs: thumbnails
    assert "COMPLETED" in image["text/html"] and "a cinematic photo of a fox" in image["text/html"]
    assert "credits" in image["text/html"] and "results kept until about" in image["text/html"]
    assert image["text/plain"].startswith("Job ") and pictures[0] in image["text/plain"]

    assert re.search(rf'<img src="{base}/files/jobs/[^"]+/1\.png"[^>]*max-width:100%', output["text/html"])
    assert re.search(rf'<video src="{base}/files/jobs/[^"]+\.mp4"[^>]* controls', video["text/html"])
    assert len(re.findall(rf'<audio src="{base}/files/jobs/[^"]+\.wav"[^>]* controls', music["text/html"])) == 2

    assert page["text/html"].count("<tr><td") == 3 and page["text/html"].count("<img ") == 1  # image, video, music
    assert page["text/plain"].startswith("JobPage: 3 items")

    assert "2 completed, 0 failed, 0 unfinished" in batch["text/html"]
    assert len(re.findall(r'<img src="notebook-batch/[0-9a-f-]+\.png"', batch["text/html"])) == 2
    assert (tmp_path / "notebook-batch" / "index.html").is_file()

    html = failed["text/html"]
    assert "FAILED" in html and "apiframe-error" in html and "sandbox-fail" in html
    assert "<script" not in html and '" onerror' not in html and "<img" not in html
    assert "a fox &lt;script&gt;alert(1)&lt;/script&gt; &quot; onerror=alert(2) javascript:alert(3)" in html

    assert '<progress max="100" value="42"' in running["text/html"] and "PROCESSING" in running["text/html"]
    assert "progress: 42 %" in running["text/plain"]
    assert "javascript:" not in re.sub(r"<code>.*?</code>", "", bad["text/html"])
    assert "<img" not in bad["text/html"] and "href=" not in bad["text/html"]
