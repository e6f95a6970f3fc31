"""The completed job the raw-socket servers of the transport tests answer with, as wire bytes."""

from __future__ import annotations

import json

JOB_ID = "0b6f4c1e-2f7a-4d3b-9a53-0d9e3f1c2b7a"
JOB = json.dumps(
    {
        "id": JOB_ID,
        "status": "COMPLETED",
        "model": "flux-1.1-pro",
        "progress": 100,
        "error": None,
        "creditCost": 4,
        "webhookStatus": None,
        "createdAt": "2026-01-01T00:00:00.000Z",
        "completedAt": "2026-01-01T00:00:03.000Z",
        "expired": False,
        "input": {"model": "flux-1.1-pro", "prompt": "a lighthouse at dusk"},
        "result": {"outputs": [], "urls": []},
    }
).encode()
