"""Run an Apiframe sandbox in its own process for the benchmarks.

``python bench/_sandbox.py JOB_SECONDS`` prints the base URL and the API key on one line, then
serves until stdin closes. Uploads may be up to 2 GiB.
"""

from __future__ import annotations

import sys

from apiframe.testing import Sandbox, SandboxConfig, UploadLimits

GIB = 1024**3


def main() -> None:
    limits = UploadLimits(image=2 * GIB, audio=2 * GIB, video=2 * GIB)
    config = SandboxConfig(job_seconds=float(sys.argv[1]), upload_limits=limits)
    with Sandbox(config) as sandbox:
        print(sandbox.base_url, sandbox.api_key, flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    main()
