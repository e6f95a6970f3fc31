"""Job lifecycle: creation, the clock-driven timeline, credits, results and events.

A job's state is a pure function of its creation time, the job duration and
the clock, so every reader sees the same answer; :meth:`JobEngine.refresh`
materialises it (charging credits and queueing webhook events exactly once).

Timeline for a job of duration ``T`` (``job_seconds``):

* ``[0, 0.1 T)`` QUEUED, progress 0
* ``[0.1 T, T)`` PROCESSING, progress rising from 0 to 99
* ``T`` COMPLETED, progress 100, ``creditCost`` charged, ``result`` set

A job's price (``cost``, from the catalog: see ``_pricing``) is held from its creation, so
``me().team.credits`` and the 402 check count it, and charged when it completes.
* a job that asked to fail (see :data:`FAIL_TRIGGER`) turns FAILED at ``0.5 T``
"""

from __future__ import annotations

import bisect
import datetime as _dt
import json
import math
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from ._clock import Clock
from ._config import FAIL_TRIGGER, SandboxConfig
from ._media import MEDIA_TYPES
from ._store import Record, Store

__all__ = ["TERMINAL", "JobEngine", "isoformat", "wants_failure"]

TERMINAL = frozenset({"COMPLETED", "FAILED", "CANCELLED"})
PROGRESS_MILESTONES = (0, 25, 50, 75)
DEFAULT_WEBHOOK_EVENTS = ("completed", "failed")
_QUEUED_FRACTION = 0.1
_FAIL_FRACTION = 0.5
_OUTPUT_KIND = {"image": "image", "video": "video", "music": "audio"}

EventSink = Callable[[str], None]
"""Called with a job id whenever that job has new webhook events queued."""


def isoformat(timestamp: float) -> str:
    """RFC 3339 UTC timestamp with milliseconds, e.g. ``2026-01-01T00:00:00.000Z``."""
    moment = _dt.datetime.fromtimestamp(timestamp, tz=_dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def wants_failure(value: Any) -> bool:
    """Whether any string inside ``value`` contains :data:`FAIL_TRIGGER`."""
    if isinstance(value, str):
        return FAIL_TRIGGER in value.lower()
    if isinstance(value, Mapping):
        return any(wants_failure(v) for k, v in value.items() if k != "webhookUrl")
    if isinstance(value, list):
        return any(wants_failure(v) for v in value)
    return False


def media_seed(body: Mapping[str, Any]) -> str:
    """The text a job's result files are derived from: the prompt, else the input."""
    prompt = body.get("prompt")
    if isinstance(prompt, str) and prompt:
        return prompt
    return json.dumps(body, sort_keys=True, default=str)


class JobEngine:
    """Creates jobs and advances them along the timeline."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        config: SandboxConfig,
        *,
        on_events: EventSink | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.config = config
        self.on_events = on_events
        self._active: set[str] = {job["id"] for job in store.values("job") if job["status"] not in TERMINAL}
        self._order = sorted((float(job["createdTs"]), str(job["id"])) for job in store.values("job"))
        """Every job's ``(createdTs, id)``, ascending: the listing's order, read from its end."""

    # -- creation -------------------------------------------------------------------

    def create(
        self,
        *,
        user_id: str,
        model: str,
        modality: str,
        body: Mapping[str, Any],
        cost: int,
        outputs: int,
        seed: str,
        webhook_secret: str | None,
        job_id: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> Record:
        """Persist a new QUEUED job and return its record."""
        now = self.clock.now()
        webhook: dict[str, Any] | None = None
        url = body.get("webhookUrl")
        if isinstance(url, str) and url and webhook_secret is not None:
            events = body.get("webhookEvents")
            if isinstance(events, str):
                events = [e.strip() for e in events.split(",") if e.strip()]
            if not isinstance(events, list) or not events:
                events = list(DEFAULT_WEBHOOK_EVENTS)
            webhook = {"url": url, "events": [str(e) for e in events], "secret": webhook_secret}
        job: Record = {
            "id": job_id or str(uuid.uuid4()),
            "userId": user_id,
            "model": model,
            "modality": modality,
            "input": dict(body),
            "createdTs": now,
            "createdAt": isoformat(now),
            "duration": self.config.job_seconds,
            "fail": wants_failure(body),
            "status": "QUEUED",
            "progress": 0,
            "error": None,
            "creditCost": None,
            "cost": cost,
            "completedTs": None,
            "completedAt": None,
            "outputs": outputs,
            "seed": seed,
            "webhook": webhook,
            "webhookStatus": "pending" if webhook else None,
            "webhookFailures": 0,
            "emitted": [],
            "outbox": [],
            **(extra or {}),
        }
        self.store.put("job", job["id"], job)
        self._active.add(job["id"])
        key = (now, job["id"])
        if self._order and key < self._order[-1]:
            bisect.insort(self._order, key)  # the clock went back, or ids tied in one tick
        else:
            self._order.append(key)
        return job

    # -- timeline ---------------------------------------------------------------------

    def _state_at(self, job: Record, now: float) -> tuple[str, int, float | None]:
        duration = float(job["duration"])
        elapsed = now - float(job["createdTs"])
        fail_at = duration * _FAIL_FRACTION
        if job["fail"] and elapsed >= fail_at:
            return "FAILED", _progress(fail_at, duration), float(job["createdTs"]) + fail_at
        if elapsed >= duration:
            return "COMPLETED", 100, float(job["createdTs"]) + duration
        if elapsed < duration * _QUEUED_FRACTION:
            return "QUEUED", 0, None
        return "PROCESSING", _progress(elapsed, duration), None

    def refresh(self, job: Record) -> Record:
        """Bring ``job`` up to date with the clock; persist and queue events on change."""
        if job["status"] in TERMINAL:
            return job
        status, progress, finished = self._state_at(job, self.clock.now())
        if status == job["status"] and progress == job["progress"]:
            return job
        # Progress alone is derived from the clock, so only milestones are persisted.
        milestone = status != job["status"]
        emitted = len(job["emitted"])
        queued = self._emit_progress(job, status, progress)
        milestone = milestone or len(job["emitted"]) != emitted
        job["status"] = status
        job["progress"] = progress
        if status in TERMINAL and finished is not None:
            job["completedTs"] = finished
            job["completedAt"] = isoformat(finished)
            if status == "COMPLETED":
                job["creditCost"] = int(job["cost"])
                self._charge(int(job["cost"]))
            else:
                job["error"] = f"Sandbox: the request asked to fail (it contains {FAIL_TRIGGER!r})"
            if self._queue_event(job, "completed" if status == "COMPLETED" else "failed"):
                queued = True
            self._active.discard(job["id"])
        self.settle_webhook_status(job)
        if milestone:
            self.store.put("job", job["id"], job)
        if queued and self.on_events is not None:
            self.on_events(job["id"])
        return job

    def refresh_all(self) -> None:
        """Advance every unfinished job."""
        for job_id in list(self._active):
            job = self.store.get("job", job_id)
            if job is None:
                self._active.discard(job_id)
                continue
            self.refresh(job)

    def get(self, job_id: str) -> Record | None:
        """The refreshed job, or None."""
        job = self.store.get("job", job_id)
        return self.refresh(job) if job is not None else None

    def jobs(self) -> Iterable[Record]:
        """Every job, refreshed."""
        for job in self.store.values("job"):
            yield self.refresh(job)

    def newest_first(self, before: tuple[float, str] | None = None) -> Iterator[Record]:
        """The jobs newest first (``createdTs``, then ``id``, descending), refreshed as they are
        read; with ``before``, only those ordered below that ``(createdTs, id)``.

        A page of the listing reads only its own jobs (and those its filters skip), not all.
        """
        end = len(self._order) if before is None else bisect.bisect_left(self._order, before)
        for index in range(end - 1, -1, -1):
            job = self.store.get("job", self._order[index][1])
            if job is not None:
                yield self.refresh(job)

    # -- credits ----------------------------------------------------------------------

    def spent(self) -> int:
        """Credits charged so far."""
        account = self.store.get("account", "team")
        return int(account["spent"]) if account else 0

    def _charge(self, cost: int) -> None:
        self.store.put("account", "team", {"spent": self.spent() + cost})

    def held(self) -> int:
        """Credits held by unfinished jobs: charged when they complete, released if they fail."""
        total = 0
        for job_id in self._active:
            job = self.store.get("job", job_id)
            if job is not None and job["status"] not in TERMINAL:
                total += int(job["cost"])
        return total

    def available(self) -> int:
        """Credits the team can still spend: what is left, less what unfinished jobs hold."""
        return max(self.config.initial_credits - self.spent() - self.held(), 0)

    # -- webhook events -----------------------------------------------------------------

    def _emit_progress(self, job: Record, status: str, progress: int) -> bool:
        if job["webhook"] is None:
            return False
        if status == "QUEUED":
            return False
        queued = False
        for milestone in PROGRESS_MILESTONES:
            if milestone > progress or (status == "FAILED" and milestone >= progress):
                break
            key = f"progress:{milestone}"
            if key in job["emitted"]:
                continue
            job["emitted"].append(key)
            if "progress" in job["webhook"]["events"]:
                job["outbox"].append(self._event_body(job, "progress", status="PROCESSING", progress=milestone))
                queued = True
        return queued

    def _queue_event(self, job: Record, event: str) -> bool:
        if job["webhook"] is None or event in job["emitted"]:
            return False
        job["emitted"].append(event)
        if event not in job["webhook"]["events"]:
            return False
        job["outbox"].append(self._event_body(job, event, status=job["status"], progress=job["progress"]))
        return True

    @staticmethod
    def settle_webhook_status(job: Record) -> None:
        """Derive ``webhookStatus`` from the outbox and past delivery failures."""
        if job["webhook"] is None:
            job["webhookStatus"] = None
        elif job["outbox"] or job["status"] not in TERMINAL:
            job["webhookStatus"] = "pending"
        else:
            job["webhookStatus"] = "failed" if job.get("webhookFailures") else "delivered"

    def _event_body(self, job: Record, event: str, *, status: str, progress: int) -> Record:
        return {
            "eventId": str(uuid.uuid4()),
            "type": event,
            "jobId": job["id"],
            "status": status,
            "progress": progress,
            "model": job["model"],
            "createdAt": job["createdAt"],
            "completedAt": job["completedAt"] if status in TERMINAL else None,
            "creditCost": job["creditCost"] if status in TERMINAL else None,
            "error": job["error"] if status in TERMINAL else None,
            "result": None,
            "timestamp": isoformat(self.clock.now()),
        }

    # -- presentation --------------------------------------------------------------------

    def expired(self, job: Record) -> bool:
        """Whether a completed job's result files have been purged."""
        if job["status"] != "COMPLETED" or job["completedTs"] is None:
            return False
        retention = self.config.result_retention_seconds
        return bool(self.clock.now() >= float(job["completedTs"]) + retention)

    def result(self, job: Record, base_url: str) -> Record | None:
        """The ``result`` object of a completed job (URLs under ``base_url``)."""
        if job["status"] != "COMPLETED":
            return None
        modality = str(job["modality"])
        base = base_url.rstrip("/")
        outputs: list[Record] = []
        if modality in MEDIA_TYPES:
            extension, content_type = MEDIA_TYPES[modality]
            for index in range(1, int(job["outputs"]) + 1):
                item: Record = {
                    "index": index,
                    "url": f"{base}/files/jobs/{job['id']}/{index}.{extension}",
                    "contentType": content_type,
                    "kind": _OUTPUT_KIND[modality],
                }
                if modality == "music":
                    item["trackId"] = f"{job['id']}-{index}"
                outputs.append(item)
        result: Record = {"outputs": outputs, "urls": [o["url"] for o in outputs]}
        if job.get("loraId"):
            result["loraId"] = job["loraId"]
        return result

    def view(self, job: Record, base_url: str, *, include_input: bool = True) -> Record:
        """The wire shape of ``job`` (``Job`` from the spec)."""
        data: Record = {
            "id": job["id"],
            "status": job["status"],
            "model": job["model"],
            "progress": job["progress"],
            "error": job["error"],
            "creditCost": job["creditCost"],
            "webhookStatus": job["webhookStatus"],
            "createdAt": job["createdAt"],
            "completedAt": job["completedAt"],
            "expired": self.expired(job),
            "result": self.result(job, base_url),
        }
        if include_input:
            data["input"] = job["input"]
        return data

    def event_with_result(self, event: Record, base_url: str) -> Record:
        """Fill an outbox event's ``result`` for delivery."""
        if event["type"] != "completed":
            return event
        job = self.store.get("job", event["jobId"])
        if job is None:
            return event
        return {**event, "result": self.result(job, base_url)}


def _progress(elapsed: float, duration: float) -> int:
    start = duration * _QUEUED_FRACTION
    span = duration - start
    if span <= 0:
        return 0
    return max(0, min(99, math.floor(100 * (elapsed - start) / span)))
