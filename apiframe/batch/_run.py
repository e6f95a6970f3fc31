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
import bisect
import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._client import Apiframe, AsyncApiframe
from .._display import _notebook
from .._errors import InvalidRequestError
from .._jobs import Job
from . import _gallery
from ._budget import CreditLedger, budget_worst, estimate_batch
from ._collector import QuietCollector
from ._legacy import MANIFEST_NAME, LegacyManifest, open_regular, record_problem
from ._lines import BatchLine, batch_identity, input_digest, line_key, nothing_sent, parse_lines
from ._results import save_outputs
from ._runner import Changed, Progressed, Task, run_tasks
from ._shard import Shard
from ._state import PLANS_PREFIX, STATE_FOLDER, STATE_PREFIX, BatchState, LineRecord
from ._store import LocalStore, StorageError, Store, open_store, temporary_target

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
    """One running process per shard of a local folder (other shards write beside it freely).

    The lock file exists only while its shard runs: the holder removes it before letting go, and
    a process that locked a file just removed (its name now free or another file's) tries again.
    """

    def __init__(self, store: Store, shard: Shard) -> None:
        self._handle: int | None = None
        self._path: Path | None = None
        if not isinstance(store, LocalStore):
            return  # an object store has no locks; shard ownership and per-writer names keep writes apart
        try:
            store.root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise InvalidRequestError(
                f"cannot create {store.root}: {error.strerror}; check --out", field="out"
            ) from None
        name = ".batch.lock" if shard.count == 1 else f".batch-shard-{shard.index}-of-{shard.count}.lock"
        path = store.root / name
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no advisory locks, no check
            self._handle = open_regular(path, os.O_RDWR | os.O_CREAT)
            return
        for _ in range(100):
            fd = open_regular(path, os.O_RDWR | os.O_CREAT)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                which = "this batch" if shard.count == 1 else f"shard {shard}"
                raise InvalidRequestError(
                    f"another apiframe batch is writing {which} into {store.root}; wait for it or use another --out",
                    field="out",
                ) from None
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(path, follow_symlinks=False))
            except OSError:
                same = False
            if same:
                self._handle, self._path = fd, path
                return
            os.close(fd)  # its holder removed it as we opened it: lock the file now under that name
        raise InvalidRequestError(f"cannot lock {path}: it keeps being replaced", field="out")

    def release(self) -> None:
        if self._handle is not None:
            if self._path is not None:
                with contextlib.suppress(OSError):
                    self._path.unlink()  # still held: a process that opened it finds it removed and retries
            os.close(self._handle)
            self._handle = None
            self._path = None


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
        self._leftovers: list[str] = []
        self._unclaimed: list[str] = []
        self._collector = QuietCollector()

    def lock(self) -> None:
        """Claim this shard of a local folder for this process, and collect young garbage less often
        while it is planned and run (``_collector.py``); :meth:`close` undoes both."""
        if self._lock is None:
            self._lock = _ShardLock(self.store, self.shard)
        self._collector.acquire()

    def close(self) -> None:
        self._collector.release()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    async def plan(self, *, retry_failed: bool = False) -> list[Task]:
        """Check every owned line against the API's spec and the store's state; send nothing.

        Raises :class:`~apiframe.InvalidRequestError` listing every bad or edited line.
        """
        from .._job_requests import request_from_line

        models: dict[int, str] = {}  # each line is checked here; its request is built again when it runs
        problems: list[str] = []
        for line in self.lines:
            try:
                models[line.number] = sys.intern(request_from_line(line.data).model)
            except InvalidRequestError as error:
                problems.append(f"line {line.number}: {error}")
        if problems:
            raise nothing_sent(problems)
        owned = [line.number for line in self.lines]
        listing = await self.store.listing("")  # one walk: the state records, the results, the leftovers
        for name in listing.irregular:
            if name.partition("/")[0] in (STATE_PREFIX, PLANS_PREFIX):
                raise StorageError(
                    f"{name} in {self.store.url} is not a plain folder or file (a symbolic link?): the batch "
                    "keeps its state there and never writes through it; remove it or use another --out",
                    name=name,
                )
        self._leftovers = listing.leftovers
        scan = await self.state.scan(listing.objects)
        view = await self.state.latest(owned, scan=scan, check=_record_problem)
        names = {item.name for item in listing.objects if "/" not in item.name}  # result files: top level
        self.damaged = [f"{item.name}: {item.reason}" for item in view.damaged]
        legacy = self.legacy.records if self.legacy is not None else {}
        if self.legacy is not None:
            self.damaged += [f"{self.legacy.path} {problem}" for problem in self.legacy.damaged]
        tasks: list[Task] = []
        for line in self.lines:
            found = view.records.get(line.number)
            record: Mapping[str, Any] | None = None
            if found is not None:
                record = {"line": found.line, "status": found.status, **found.fields}
            if record is None:
                record = legacy.get(line.number)
            if record is None:
                tasks.append(Task(line.number, None, key=line_key(self.identity, line)))
            elif record.get("input") != line.digest:
                where = self.store.url if found is not None else str(self.legacy.path if self.legacy else "")
                problems.append(
                    f"line {line.number} changed since {where} recorded it; use another --out for the edited file"
                )
            elif retry_failed and record["status"] == "failed":
                attempt = int(record.get("attempt", 0)) + 1
                tasks.append(Task(line.number, None, key=line_key(self.identity, line, attempt), attempt=attempt))
            else:
                task = Task(
                    line.number,
                    None,
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
            raise nothing_sent(problems)
        for task, line in zip(tasks, self.lines, strict=True):
            task.spec, task.model_id, task.gate = line.canonical, models[line.number], self.credits
        self.tasks = tasks
        claimed = {name for task in tasks if task.status == "completed" for name in task.files}
        self._unclaimed = sorted(names - claimed)  # results no finished line accounts for
        return tasks

    def use_budget(self, max_credits: int, prices: Any) -> None:
        """Start lines only within ``max_credits`` for every shard of the batch together (after :meth:`plan`).

        ``prices`` is an :class:`apiframe.PriceList` of the catalog. A line whose cost the catalog
        cannot bound raises :class:`~apiframe.InvalidRequestError` before anything is sent.
        """
        requests = ((task.line, request) for task in self.tasks if (request := task.built_request()) is not None)
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
        """Stream ``job``'s result files into the store; their names.

        The store is asked whether a file is there already only when the plan's listing showed
        an unaccounted result of that job (a run killed after saving it, or a replayed job):
        otherwise nothing of it can be there, and asking would cost a look-up per file.
        """
        fresh = not _holds_results_of(self._unclaimed, str(job.id))
        return await save_outputs(client, job, self.store, overwrite=fresh, on_progress=progress)

    async def start(self) -> None:
        """Before the first line runs: clear what a killed run of this shard left, record the shard's plan."""
        await self._clean_temporaries()
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
        held = self._collector.acquire()  # without lock(): only for this call
        try:
            return await self._execute(client, concurrency, wait_timeout, on_change, on_progress)
        finally:
            if held:
                self._collector.release()

    async def _execute(
        self,
        client: AsyncApiframe,
        concurrency: int,
        wait_timeout: float | None,
        on_change: Changed | None,
        on_progress: Progressed | None,
    ) -> BatchResult:
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

    async def _clean_temporaries(self) -> None:
        """Remove what a killed run of this shard left half-written (its own temporaries only).

        Only with the shard's lock held (no other process runs this shard), and only the
        temporaries the store listed: those of this shard's lines' records, and those of the
        result files of its unfinished jobs, matched by name (no pattern is built from an id).
        """
        if self._lock is None or not self._leftovers:
            return
        owned = {line.number for line in self.lines}
        jobs = {task.job_id for task in self.tasks if task.job_id and not task.done}
        for leftover in self._leftovers:
            folder, _, _ = leftover.rpartition("/")
            if folder.startswith(STATE_FOLDER):
                number = folder.removeprefix(STATE_FOLDER)
                mine = number.isdigit() and "/" not in number and int(number) in owned
            else:
                mine = not folder and _saves_for(temporary_target(leftover), jobs)
            if mine:
                with contextlib.suppress(StorageError):
                    await self.store.discard(leftover)
        self._leftovers = []


def _holds_results_of(names: list[str], job_id: str) -> bool:
    """Whether sorted ``names`` hold a result file of ``job_id`` (``<id>.<ext>`` or ``<id>-<n>.<ext>``)."""
    at = bisect.bisect_left(names, job_id)
    while at < len(names) and names[at].startswith(job_id):
        if names[at][len(job_id) : len(job_id) + 1] in (".", "-"):
            return True
        at += 1
    return False


def _saves_for(target: str, jobs: set[str]) -> bool:
    """Whether a result file named ``target`` (cut to 80 characters) belongs to one of ``jobs``.

    Result files are ``<job_id>.<ext>`` or ``<job_id>-<n>.<ext>``: the id is ``target`` up to a
    ``.`` or ``-`` (or all of it, when the name was cut).
    """
    if target in jobs or (len(target) == 80 and any(job[:80] == target for job in jobs if len(job) >= 80)):
        return True
    return any(target[:at] in jobs for at, char in enumerate(target) if char in ".-")


def _record_problem(record: LineRecord) -> str | None:
    return record_problem({"line": record.line, "status": record.status, **record.fields})


def _credits_of(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


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
