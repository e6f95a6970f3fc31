"""The shared state of one sandbox: spec, store, engine, webhooks, faults, files."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ._catalog import SpecIndex
from ._clock import Clock, SystemClock
from ._config import SandboxConfig
from ._faults import ConnectionDropper, FaultInjector
from ._jobs import JobEngine
from ._pricing import Pricing
from ._spec import load_spec
from ._store import MemoryStore, open_store
from ._validation import RequestValidator
from ._webhooks import WebhookDispatcher

__all__ = ["SandboxState"]


class SandboxState:
    """Everything the routes need, created once per app."""

    def __init__(
        self,
        config: SandboxConfig,
        *,
        clock: Clock | None = None,
        spec: Mapping[str, Any] | None = None,
    ) -> None:
        self.config = config
        self.clock: Clock = clock or SystemClock()
        self.index = SpecIndex(spec if spec is not None else load_spec())
        self.validator = RequestValidator(self.index)
        self.pricing = Pricing(self.index, config)
        self.store: MemoryStore = open_store(config.db_path)
        self.files_dir, self._owns_files_dir = _files_dir(config)
        self.public_base_url: str | None = None
        self.dropper: ConnectionDropper | None = None
        self.faults = FaultInjector(config.faults, config.seed)
        self.engine = JobEngine(self.store, self.clock, config)
        self.webhooks = WebhookDispatcher(self.store, self.engine, config, self.clock, self.base_url)
        self.engine.on_events = self.webhooks.notify
        self._ticker: asyncio.Task[None] | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.closed = False

    def base_url(self) -> str:
        """The URL clients reach this sandbox at (for result and upload URLs)."""
        return self.public_base_url or "http://127.0.0.1"

    async def startup(self) -> None:
        """Start background work: the job ticker and webhook delivery."""
        self.loop = asyncio.get_running_loop()
        await self.webhooks.start()
        self._ticker = self.loop.create_task(self._tick_forever())

    async def shutdown(self) -> None:
        """Stop background work and release the store and temporary files."""
        if self._ticker is not None:
            self._ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._ticker
            self._ticker = None
        await self.webhooks.stop()
        self.close()

    def close(self) -> None:
        """Close the store; remove the files directory if the sandbox created it."""
        if self.closed:
            return
        self.closed = True
        self.store.close()
        if self._owns_files_dir:
            shutil.rmtree(self.files_dir, ignore_errors=True)

    def tick(self) -> None:
        """Advance every unfinished job once (also run by the background ticker)."""
        self.engine.refresh_all()
        self.webhooks.kick()

    async def _tick_forever(self) -> None:
        interval = self.config.tick
        while True:
            self.tick()
            await asyncio.sleep(interval)


def _files_dir(config: SandboxConfig) -> tuple[Path, bool]:
    if config.files_dir:
        path = Path(config.files_dir)
        path.mkdir(parents=True, exist_ok=True)
        return path, False
    if config.db_path:
        path = Path(f"{config.db_path}.files")
        path.mkdir(parents=True, exist_ok=True)
        return path, False
    return Path(tempfile.mkdtemp(prefix="apiframe-sandbox-")), True
