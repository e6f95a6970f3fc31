"""Run an Apiframe sandbox that drops a share of its webhook deliveries, for the push benchmark.

``python bench/_push_sandbox.py JOB_SECONDS DROP`` prints the base URL and the API key on one line,
then serves until stdin closes. ``DROP`` (0-1) is the share of deliveries lost on the way.
"""

from __future__ import annotations

import sys

from apiframe.testing import Sandbox, SandboxConfig


def main() -> None:
    # Jobs advance (and their deliveries leave) every 20 ms, so a delivery follows completion closely.
    config = SandboxConfig(job_seconds=float(sys.argv[1]), seed=7, tick_seconds=0.02)
    with Sandbox(config) as sandbox:
        sandbox.state.webhooks.set_faults(drop=float(sys.argv[2]), seed=7)
        print(sandbox.base_url, sandbox.api_key, flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    main()
