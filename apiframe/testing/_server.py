"""Run the sandbox with uvicorn, in a background thread or in the foreground."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from types import TracebackType
from typing import Any, TypeVar

import uvicorn

from ._app import SandboxApp, create_app
from ._clock import Clock
from ._config import FaultConfig, SandboxConfig
from ._faults import Scope
from ._store import Record
from ._webhooks import Delivery

__all__ = ["DEFAULT_API_KEY", "Sandbox", "serve"]

DEFAULT_API_KEY = "afk_sandbox_test_key"
"""An API key the sandbox accepts (any key starting with ``afk_`` works)."""

T = TypeVar("T")


class _Server(uvicorn.Server):
    """A uvicorn server that stops as soon as asked instead of on its next poll."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.wake: asyncio.Event | None = None

    async def main_loop(self) -> None:
        self.wake = asyncio.Event()
        counter = 0
        should_exit = await self.on_tick(counter)
        while not should_exit:
            counter = (counter + 1) % 864000
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), 0.1)
            should_exit = await self.on_tick(counter)

    async def drop_connection(self, scope: Scope) -> bool:
        """Abort the TCP connection that carried ``scope`` (no response is sent)."""
        client = scope.get("client")
        if client is None:
            return False
        peer = (str(client[0]), int(client[1]))
        for connection in list(self.server_state.connections):
            if getattr(connection, "client", None) == peer:
                transport = getattr(connection, "transport", None)
                if transport is None:
                    return False
                transport.abort()
                for _ in range(5):
                    await asyncio.sleep(0)
                return True
        return False


def _bind(host: str, port: int) -> socket.socket:
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)[
        0
    ]
    # proto must be IPPROTO_TCP: asyncio only disables Nagle on such sockets,
    # and without that every response waits ~40 ms for a delayed ACK.
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        # Listen now so clients can connect (and queue) as soon as the URL is known.
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


class Sandbox:
    """A sandbox server on a local port, run in a background thread.

    ``with Sandbox(SandboxConfig(job_seconds=0.2)) as sandbox: ...`` starts it
    and stops it cleanly (no thread or port left behind). ``base_url`` and
    ``api_key`` are what a client needs; the other methods configure faults and
    inspect state from the test.
    """

    def __init__(
        self,
        config: SandboxConfig | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        clock: Clock | None = None,
        api_key: str = DEFAULT_API_KEY,
        spec: Mapping[str, Any] | None = None,
    ) -> None:
        self.config = config or SandboxConfig()
        self.host = host
        self.port = port
        self.api_key = api_key
        self.app: SandboxApp = create_app(self.config, clock=clock, spec=spec)
        self.state = self.app.sandbox
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None
        self._base_url: str | None = None
        self._error: BaseException | None = None

    def __repr__(self) -> str:
        where = self._base_url or "not started"
        return f"Sandbox({where}, job_seconds={self.config.job_seconds})"

    # -- lifecycle -------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """``http://host:port`` of the running sandbox."""
        if self._base_url is None:
            raise RuntimeError("the sandbox is not running: call start() or use it in a with block")
        return self._base_url

    @property
    def running(self) -> bool:
        """Whether the server thread is up."""
        return self._thread is not None and self._thread.is_alive()

    def start(self, timeout: float = 10.0) -> Sandbox:
        """Bind the port, start the server thread and wait until it accepts requests."""
        if self._thread is not None:
            raise RuntimeError("this sandbox was already started; create a new Sandbox")
        self._socket = _bind(self.host, self.port)
        port = int(self._socket.getsockname()[1])
        self._base_url = _url(self.host, port)
        self.state.public_base_url = self._base_url
        config = uvicorn.Config(
            self.app,
            lifespan="on",
            http="h11",
            log_config=None,
            log_level="warning",
            access_log=False,
            timeout_graceful_shutdown=5,
        )
        server = _Server(config)
        self._server = server
        self.state.dropper = server.drop_connection
        self._thread = threading.Thread(target=self._run, name=f"apiframe-sandbox-{port}", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the sandbox failed to start on {self._base_url}") from (self._error)
            time.sleep(0.002)
        return self

    def _run(self) -> None:
        assert self._server is not None and self._socket is not None
        try:
            asyncio.run(self._server.serve(sockets=[self._socket]))
        except BaseException as exc:  # reported by start()/stop()
            self._error = exc

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the server, wait for the thread and release the port."""
        server, thread = self._server, self._thread
        if server is not None:
            server.should_exit = True
            loop = self.state.loop
            if server.wake is not None and loop is not None and not loop.is_closed():
                with contextlib.suppress(RuntimeError):
                    loop.call_soon_threadsafe(server.wake.set)
        if thread is not None:
            thread.join(timeout)
        if self._socket is not None:
            self._socket.close()
            self._socket = None
        self.state.close()

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- control and inspection (run on the server's loop) ------------------------------

    def _call(self, func: Callable[[], T]) -> T:
        loop = self.state.loop
        if not self.running or loop is None:
            return func()
        future: concurrent.futures.Future[T] = concurrent.futures.Future()

        def run() -> None:
            try:
                future.set_result(func())
            except BaseException as exc:
                future.set_exception(exc)

        loop.call_soon_threadsafe(run)
        return future.result(timeout=10)

    def set_faults(self, faults: FaultConfig | None = None, **settings: Any) -> None:
        """Replace the fault settings (``FaultConfig`` or its fields as keywords)."""
        chosen = faults if faults is not None else FaultConfig(**settings)
        self._call(lambda: self.state.faults.configure(chosen))

    def clear_faults(self) -> None:
        """Turn every fault off."""
        self.set_faults(FaultConfig())

    def fault_counts(self) -> dict[str, int]:
        """How many requests met each fault since faults were last set."""
        return self._call(lambda: dict(self.state.faults.counts))

    def tick(self) -> None:
        """Advance every job to the clock's current time now (handy with ManualClock)."""
        self._call(self.state.tick)

    def job_count(self) -> int:
        """How many jobs exist (LoRA training jobs included)."""
        return self._call(lambda: self.state.store.count("job"))

    def jobs(self) -> list[Record]:
        """Every job in its wire shape (``Job``), oldest first."""

        def collect() -> list[Record]:
            engine = self.state.engine
            return [engine.view(job, self.state.base_url()) for job in engine.jobs()]

        return self._call(collect)

    def job(self, job_id: str) -> Record | None:
        """One job in its wire shape, or None."""

        def find() -> Record | None:
            job = self.state.engine.get(job_id)
            return None if job is None else self.state.engine.view(job, self.state.base_url())

        return self._call(find)

    def idempotency_keys(self, user_id: str | None = None) -> dict[str, str]:
        """``Idempotency-Key`` -> id of the job it created, for every recorded key.

        Keys are recorded per API key and endpoint; pass ``user_id`` to see one user's keys when
        several API keys share the sandbox (otherwise a key sent by two users, or to two endpoints,
        maps to the later job).
        """

        def collect() -> dict[str, str]:
            found: dict[str, str] = {}
            for record in self.state.store.values("idempotency"):
                if "key" in record and (user_id is None or record.get("userId") == user_id):
                    found[str(record["key"])] = str(record["jobId"])
            return found

        return self._call(collect)

    def in_flight(self) -> int:
        """How many ``/v2/`` requests the sandbox is handling right now (slow ones included)."""
        return self._call(lambda: self.state.faults.in_flight)

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until no ``/v2/`` request is being handled, for example a slow one whose client
        gave up (it may still create a job); False on timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.in_flight() == 0:
                return True
            time.sleep(0.01)
        return False

    def upload_count(self) -> int:
        """How many uploads were stored."""
        return self._call(lambda: self.state.store.count("upload"))

    def credits_spent(self) -> int:
        """Credits charged to the team so far."""
        return self._call(self.state.engine.spent)

    def webhook_deliveries(self) -> list[Delivery]:
        """Every webhook delivery attempt so far, in order."""
        return self._call(lambda: list(self.state.webhooks.deliveries))

    def wait_for_webhooks(self, timeout: float = 5.0) -> bool:
        """Block until no webhook delivery is queued or in flight; False on timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self._call(lambda: self.state.webhooks.busy):
                return True
            time.sleep(0.01)
        return False


@contextlib.contextmanager
def serve(
    config: SandboxConfig | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    clock: Clock | None = None,
) -> Iterator[str]:
    """Run a sandbox in a background thread and yield its base URL."""
    with Sandbox(config, host=host, port=port, clock=clock) as sandbox:
        yield sandbox.base_url
