"""A local Apiframe API sandbox for tests and offline development.

Needs the ``sandbox`` extra (a missing one is named, with the command that installs it). Run it
from a shell::

    python -m apiframe.testing --port 8790 --job-seconds 2

or in-process::

    from apiframe.testing import Sandbox, SandboxConfig

    with Sandbox(SandboxConfig(job_seconds=0.2)) as sandbox:
        client = Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url)

Behaviour worth knowing (see each name's docstring):

* any API key starting with ``afk_`` is accepted; keys starting with
  :data:`NO_CREDITS_KEY_PREFIX` get 402 on job creation, keys starting with
  :data:`FORBIDDEN_KEY_PREFIX` get 403, keys starting with
  :data:`MEMBER_KEY_PREFIX` are non-admins;
* a request containing :data:`FAIL_TRIGGER` in any string (e.g. the prompt)
  produces a job that ends FAILED;
* a LoRA's training job has the LoRA's id, so ``GET /v2/jobs/{lora id}`` waits
  for training;
* result files (PNG, WAV, uncompressed AVI) are served by the sandbox itself.

The pytest plugin (:mod:`apiframe.testing.pytest_plugin`) provides the
``apiframe_sandbox``, ``apiframe_client`` and ``apiframe_async_client`` fixtures.

Names are imported lazily so that loading the pytest plugin does not need the
``sandbox`` extra until a fixture is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .._public import claim as _claim

if TYPE_CHECKING:
    from ._app import SandboxApp, create_app
    from ._clock import Clock, ManualClock, SystemClock
    from ._config import (
        FAIL_TRIGGER,
        FORBIDDEN_KEY_PREFIX,
        MEMBER_KEY_PREFIX,
        NO_CREDITS_KEY_PREFIX,
        FaultConfig,
        SandboxConfig,
        UploadLimits,
    )
    from ._loras import LORA_JOB_MODEL
    from ._server import DEFAULT_API_KEY, Sandbox, serve
    from ._signing import SIGNATURE_HEADER
    from ._spec import load_spec
    from ._webhooks import Delivery

_EXTRA_MODULES = frozenset({"starlette", "uvicorn", "python_multipart", "jsonschema", "referencing"})

_EXPORTS = {
    "DEFAULT_API_KEY": "._server",
    "FAIL_TRIGGER": "._config",
    "FORBIDDEN_KEY_PREFIX": "._config",
    "LORA_JOB_MODEL": "._loras",
    "MEMBER_KEY_PREFIX": "._config",
    "NO_CREDITS_KEY_PREFIX": "._config",
    "SIGNATURE_HEADER": "._signing",
    "Clock": "._clock",
    "Delivery": "._webhooks",
    "FaultConfig": "._config",
    "ManualClock": "._clock",
    "Sandbox": "._server",
    "SandboxApp": "._app",
    "SandboxConfig": "._config",
    "SystemClock": "._clock",
    "UploadLimits": "._config",
    "create_app": "._app",
    "load_spec": "._spec",
    "serve": "._server",
}

__all__ = [
    "DEFAULT_API_KEY",
    "FAIL_TRIGGER",
    "FORBIDDEN_KEY_PREFIX",
    "LORA_JOB_MODEL",
    "MEMBER_KEY_PREFIX",
    "NO_CREDITS_KEY_PREFIX",
    "SIGNATURE_HEADER",
    "Clock",
    "Delivery",
    "FaultConfig",
    "ManualClock",
    "Sandbox",
    "SandboxApp",
    "SandboxConfig",
    "SystemClock",
    "UploadLimits",
    "create_app",
    "load_spec",
    "serve",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'apiframe.testing' has no attribute {name!r}")
    try:
        value = getattr(importlib.import_module(module, __name__), name)
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in _EXTRA_MODULES:
            raise
        from .._extras import missing_extra

        raise ImportError(missing_extra("sandbox", exc, f"apiframe.testing.{name}"), name=exc.name) from exc
    globals()[name] = _claim(__name__, value)
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
