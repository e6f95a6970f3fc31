"""The batch engine: plan one shard's lines from the store's state, then run them.

One implementation for the ``apiframe batch`` command and for Python (:func:`run` and
:func:`arun`, for a Celery, Ray or Dask task driving one shard). The state of a batch is the
per-line records of :class:`~apiframe.batch.BatchState` in the ``out`` store, beside the
result files, whatever the store (a folder, ``s3://``...): a shard restarted anywhere lists
them and carries on. Every line is checked before anything is sent; a line keeps the key,
job and status its latest record has, so nothing finished is redone and nothing submitted is
submitted again; a line with no record gets the key derived from the batch and the line, the
same key a lost record held.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .._client import Apiframe, AsyncApiframe
from .._display import _gallery, _notebook
from .._errors import InvalidRequestError
from .._jobs import Job
from ._budget import CreditLedger, budget_worst, estimate_batch
from ._legacy import MANIFEST_NAME, LegacyManifest, open_regular, record_problem
from ._lines import BatchLine, batch_identity, input_digest, line_key, parse_lines
from ._results import save_outputs
from ._runner import Changed, Progressed, Task, run_tasks
from ._shard import Shard
from ._state import BatchState
from ._store import LocalStore, Store, open_store

__all__ = ["BatchResult", "BatchRun", "LineResult", "arun", "run"]


@dataclass(frozen=True, slots=True)
class LineResult:
    """Where one line of the shard stands after a run (``files`` are object names in the store)."""

    line: int
    model: str
    job_id: str | None
    status: str
    files: tuple[str, ...]
    error: str | None
    credit_cost: int | None = None
    """What the line's job cost (its ``creditCost``), once known."""


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What a run of one shard left: every line it owns, and the totals."""

    out: str
    shard: Shard
    lines: tuple[LineResult, ...]

    @property
    def completed(self) -> int:
        return sum(line.status == "completed" for line in self.lines)

    @property
    def failed(self) -> int:
        return sum(line.status == "failed" for line in self.lines)

    @property
    def unfinished(self) -> int:
        """Lines still to run: start the same shard again to carry on."""
        return len(self.lines) - self.completed - self.failed

    @property
    def credits_spent(self) -> int:
        """The credits the shard's finished lines cost (this run and earlier ones)."""
        return sum(line.credit_cost or 0 for line in self.lines)

    def _repr_html_(self) -> str:
        return _notebook.html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        _notebook.pretty(self, printer, cycle)


class _ShardLock:
    """One running process per shard of a local folder (other shards write beside it freely)."""

    def __init__(self, store: Store, shard: Shard) -> None:
        self._handle: int | None = None
        if not isinstance(store, LocalStore):
            return  # an object store has no locks; shard ownership and per-writer names keep writes apart
        try:
            store.root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise InvalidRequestError(
                f"cannot create {store.root}: {error.strerror}; check --out", field="out"
            ) from None
        name = ".batch.lock" if shard.count == 1 else f".batch-shard-{shard.index}-of-{shard.count}.lock"
        fd = open_regular(store.root / name, os.O_RDWR | os.O_CREAT)
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no advisory locks, no check
            self._handle = fd
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            which = "this batch" if shard.count == 1 else f"shard {shard}"
            raise InvalidRequestError(
                f"another apiframe batch is writing {which} into {store.root}; wait for it or use another --out",
                field="out",
            ) from None
        self._handle = fd

    def release(self) -> None:
        if self._handle is not None:
            os.close(self._handle)
            self._handle = None


class BatchRun:
    """One shard of a batch: :meth:`plan` it (checks everything, sends nothing), then :meth:`execute` it.

    ``lines`` are the input's request lines: all of them, or only the shard's (see ``parse_lines(owns=)``).
    """

    def __init__(
        self,
        store: Store,
        lines: list[BatchLine],
        shard: Shard | str | None = None,
        *,
        identity: str | None = None,
        legacy: LegacyManifest | None = None,
    ) -> None:
        self.store = store
        self.shard = Shard(1, 1) if shard is None else Shard.parse(shard)
        self.lines = [line for line in lines if self.shard.owns(line.number)]
        self.identity = identity or batch_identity(store)
        self.state = BatchState(store)
        if legacy is None and isinstance(store, LocalStore):
            legacy = LegacyManifest(store.root / MANIFEST_NAME)
        self.legacy = legacy
        self.tasks: list[Task] = []
        self.damaged: list[str] = []
        """State objects or manifest rows that could not be used, with why (their lines fall back)."""
        self._digests = {line.number: line.digest for line in lines}
        self._lock: _ShardLock | None = None
        self.credits = CreditLedger(store, self.shard)
        """What the shard spent, and its share of a credit budget (:meth:`use_budget`)."""

    def lock(self) -> None:
        """Claim this shard of a local folder for this process (released by :meth:`close`)."""
        if self._lock is None:
            self._lock = _ShardLock(self.store, self.shard)

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    async def plan(self, *, retry_failed: bool = False) -> list[Task]:
        """Check every owned line against the API's spec and the store's state; send nothing.

        Raises :class:`~apiframe.InvalidRequestError` listing every bad or edited line.
        """
        from .._job_requests import request_from_line

        requests: dict[int, Any] = {}
        problems: list[str] = []
        for line in self.lines:
            try:
                requests[line.number] = request_from_line(line.data)
            except InvalidRequestError as error:
                problems.append(f"line {line.number}: {error}")
        if problems:
            raise _nothing_sent(problems)
        owned = [line.number for line in self.lines]
        view, present = await asyncio.gather(self.state.latest(owned), self.store.objects(""))
        names = {item.name for item in present}
        self.damaged = [f"{item.name}: {item.reason}" for item in view.damaged]
        legacy = self.legacy.records if self.legacy is not None else {}
        if self.legacy is not None:
            self.damaged += [f"{self.legacy.path} {problem}" for problem in self.legacy.damaged]
        tasks: list[Task] = []
        for line in self.lines:
            request = requests[line.number]
            found = view.records.get(line.number)
            record: Mapping[str, Any] | None = None
            if found is not None:
                fields = {"line": line.number, "status": found.status, **found.fields}
                problem = record_problem(fields)
                if problem:
                    self.damaged.append(f"{found.name}: {problem}")
                else:
                    record = fields
            if record is None:
                record = legacy.get(line.number)
            if record is None:
                tasks.append(Task(line.number, request, key=line_key(self.identity, line)))
            elif record.get("input") != line.digest:
                where = self.store.url if found is not None else str(self.legacy.path if self.legacy else "")
                problems.append(
                    f"line {line.number} changed since {where} recorded it; use another --out for the edited file"
                )
            elif retry_failed and record["status"] == "failed":
                attempt = int(record.get("attempt", 0)) + 1
                tasks.append(Task(line.number, request, key=line_key(self.identity, line, attempt), attempt=attempt))
            else:
                task = Task(
                    line.number,
                    request,
                    key=str(record["key"]),
                    job_id=record.get("job_id"),
                    status=str(record["status"]),
                    files=list(record.get("files") or []),
                    error=record.get("error"),
                    attempt=int(record.get("attempt", 0)),
                    credit_cost=_credits_of(record.get("credit_cost")),
                )
                if task.status == "completed" and not (task.files and all(n in names for n in task.files)):
                    task.status = "submitted"  # its files are missing: fetch them again, no new job
                tasks.append(task)
        if problems:
            raise _nothing_sent(problems)
        for task in tasks:
            task.gate = self.credits
        self.tasks = tasks
        return tasks

    def use_budget(self, max_credits: int, prices: Any) -> None:
        """Start lines only within ``max_credits`` for every shard of the batch together (after :meth:`plan`).

        ``prices`` is an :class:`apiframe.PriceList` of the catalog. A line whose cost the catalog
        cannot bound raises :class:`~apiframe.InvalidRequestError` before anything is sent.
        """
        requests = [(task.line, task.request) for task in self.tasks if task.request is not None]
        worst = budget_worst(estimate_batch(requests, prices), max_credits)
        self.credits = CreditLedger(self.store, self.shard, limit=max_credits, worst=worst)
        for task in self.tasks:
            task.gate = self.credits

    async def record(self, task: Task) -> None:
        """Write ``task``'s new state as the line's next record."""
        await self.state.record(
            task.line,
            task.status,
            input=self._digests[task.line],
            key=task.key,
            attempt=task.attempt,
            model=task.model,
            job_id=task.job_id,
            files=task.files,
            error=task.error,
            credit_cost=_credits_of(getattr(task.job, "credit_cost", None))
            if task.job is not None
            else task.credit_cost,
            **_gallery.line_fields(task),  # the gallery's prompt
        )

    async def save(self, client: AsyncApiframe, job: Job, progress: Callable[[Any], None]) -> list[str]:
        """Stream ``job``'s result files into the store; their names."""
        return await save_outputs(client, job, self.store, on_progress=progress)

    async def start(self) -> None:
        """Before the first line runs: clear what a killed run of this shard left, record the shard's plan."""
        self._clean_temporaries()
        await self.state.write_plan(self.shard, len(self.lines), input=input_digest(self.lines))
        await self.credits.open(self.tasks)

    async def execute(
        self,
        client: AsyncApiframe,
        *,
        concurrency: int = 4,
        wait_timeout: float | None = 3600.0,
        on_change: Changed | None = None,
        on_progress: Progressed | None = None,
    ) -> BatchResult:
        """Run the planned lines: submit, wait and save at most ``concurrency`` at a time."""
        _check_concurrency(concurrency)
        await self.start()

        async def changed(task: Task) -> None:
            await self.record(task)  # on record before the next step starts
            if on_change is not None:
                result = on_change(task)
                if asyncio.iscoroutine(result):
                    await result

        await run_tasks(
            client,
            self.tasks,
            self.save,
            concurrency=concurrency,
            on_change=changed,
            on_progress=on_progress or (lambda task, info: None),
            wait_timeout=wait_timeout,
        )
        await _gallery.refresh_gallery(self.store, shards=self.shard.count, tasks=self.tasks)
        return self.result()

    def result(self) -> BatchResult:
        lines = tuple(
            LineResult(t.line, t.model, t.job_id, t.status, tuple(t.files), t.error or t.note, t.credit_cost)
            for t in self.tasks
        )
        return BatchResult(self.store.url, self.shard, lines)

    def _clean_temporaries(self) -> None:
        """Remove what a killed run of this shard left half-written in a local folder (its own names only)."""
        if not isinstance(self.store, LocalStore) or not self.store.root.is_dir():
            return
        for task in self.tasks:
            if task.done or not task.job_id:
                continue
            for stale in self.store.root.glob(f".{task.job_id}*.part"):
                if stale.is_file() and not stale.is_symlink():
                    with contextlib.suppress(OSError):
                        stale.unlink()


def _credits_of(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _nothing_sent(problems: list[str]) -> InvalidRequestError:
    more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
    return InvalidRequestError("nothing was submitted: " + "; ".join(problems[:10]) + more, field="file")


def _check_concurrency(concurrency: object) -> None:
    if not isinstance(concurrency, int) or isinstance(concurrency, bool) or not 1 <= concurrency <= 256:
        raise InvalidRequestError(
            f"concurrency must be a whole number from 1 to 256, got {concurrency!r}", field="concurrency"
        )


async def arun(
    lines: Iterable[str | Mapping[str, Any]],
    *,
    out: str | os.PathLike[str],
    shard: Shard | str | None = None,
    concurrency: int = 4,
    client: Apiframe | AsyncApiframe | None = None,
    api_key: str | None = None,
    base_url: str | None = None,
    retry_failed: bool = False,
    wait_timeout: float | None = 3600.0,
    storage_options: Mapping[str, Any] | None = None,
    max_credits: int | None = None,
) -> BatchResult:
    """Run shard ``shard`` (``"K/N"``, all lines by default) of a batch of ``lines`` into ``out``.

    ``lines`` are the whole input (JSON text or dicts, as in a JSONL file; every shard is given
    the same lines and keeps its own). ``out`` is a folder or an fsspec URL (``s3://...``);
    results and state go there, so calling it again (anywhere) resumes. ``client`` is an
    :class:`~apiframe.AsyncApiframe` or :class:`~apiframe.Apiframe` (its settings are used);
    without one, a client is made from ``api_key``/``base_url`` (or the environment). Bad lines
    raise :class:`~apiframe.InvalidRequestError` before anything is sent.

    ``max_credits`` caps what the whole batch (every shard sharing ``out``) may spend: a line
    starts only while what was spent, plus the worst case of the lines running, plus its own
    worst case (estimated from the model catalog) stays within it; lines that do not fit stay
    unfinished (their ``error`` says why) for a later run.
    """
    _check_concurrency(concurrency)
    owner = Shard(1, 1) if shard is None else Shard.parse(shard)
    batch = BatchRun(open_store(out, **dict(storage_options or {})), parse_lines(lines, owns=owner.owns), owner)
    connection, owned = _async_client(client, api_key, base_url)
    try:
        batch.lock()
        try:
            await batch.plan(retry_failed=retry_failed)
            if max_credits is not None:
                from .._credits import PriceList

                batch.use_budget(max_credits, PriceList(await connection.models.list()))
            return await batch.execute(connection, concurrency=concurrency, wait_timeout=wait_timeout)
        finally:
            batch.close()
    finally:
        if owned:
            await connection.aclose()


def _async_client(client: object, api_key: str | None, base_url: str | None) -> tuple[AsyncApiframe, bool]:
    """The client to run with, and whether it is ours to close (a sync client lends its settings)."""
    if client is not None and (api_key is not None or base_url is not None):
        raise InvalidRequestError("pass either client= or api_key=/base_url=, not both", field="client")
    if client is None:
        return AsyncApiframe(api_key=api_key, base_url=base_url), True
    if isinstance(client, AsyncApiframe):
        return client, False
    if isinstance(client, Apiframe):
        return client.to_async(), True  # every setting of the sync client, on an async pool of its own
    raise InvalidRequestError(
        f"client must be an apiframe.Apiframe or AsyncApiframe, got {type(client).__name__}", field="client"
    )


def run(
    lines: Iterable[str | Mapping[str, Any]],
    *,
    out: str | os.PathLike[str],
    shard: Shard | str | None = None,
    concurrency: int = 4,
    client: Apiframe | AsyncApiframe | None = None,
    api_key: str | None = None,
    base_url: str | None = None,
    retry_failed: bool = False,
    wait_timeout: float | None = 3600.0,
    storage_options: Mapping[str, Any] | None = None,
    max_credits: int | None = None,
) -> BatchResult:
    """Run one shard of a batch and return where its lines stand (blocking); see :func:`arun`.

    Call it again with the same arguments to resume after an interruption, on any machine.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass
    else:
        raise InvalidRequestError(
            "apiframe.batch.run() blocks: inside a running event loop, await apiframe.batch.arun(...) instead",
            field="run",
        )
    return asyncio.run(
        arun(
            lines,
            out=out,
            shard=shard,
            concurrency=concurrency,
            client=client,
            api_key=api_key,
            base_url=base_url,
            retry_failed=retry_failed,
            wait_timeout=wait_timeout,
            storage_options=storage_options,
            max_credits=max_credits,
        )
    )
