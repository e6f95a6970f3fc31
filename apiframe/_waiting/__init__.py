"""Waiting for jobs: one strategy, written once as flows, run by the sync and async drivers.

The goal is to learn that a job ended soon after it ends while spending as few requests as
possible. Four sources of information decide when the next look happens, best first:

1. **A server hint.** A ``Retry-After`` header on a job snapshot (seconds or an HTTP date) is the
   server saying when to look again; it is followed, capped by ``max_interval``.
2. **The job's own progress.** While a job is PROCESSING, two snapshots with different progress
   give a rate, and the rate gives a predicted finish (the rate is measured from the first
   PROCESSING snapshot to the latest change, so rounding of the integer progress fades as the
   job advances). The next look is just *after* the predicted finish (2 % plus 0.25 s late,
   never early), not on a blind backoff. If the job is still running at that look, later looks
   back off from ``interval`` again, so a job stuck at 99 % is not hammered.
3. **Backoff.** With neither (QUEUED, no progress reported, or a single PROCESSING snapshot so
   far), delays start at ``interval`` and grow by ``multiplier`` up to ``max_interval``, with a
   little jitter so many waiters do not poll in lockstep.
4. **Batching (wait_many).** When two or more jobs are pending, one ``GET /v2/jobs`` page
   (newest first, 100 per page) refreshes them all: a round walks only as many pages as it
   takes to see every pending job (stopping once a page reaches jobs older than the oldest one
   waited for), so 200 jobs cost two requests per round instead of 200. Rounds happen when the
   soonest job is due and at least ``interval / 2`` apart. A round walks the pages the pending
   jobs fill plus a few for newer jobs (another process's, or this client's later ones); when
   it runs out above a job, that look is a ``GET /v2/jobs/{id}`` and later rounds walk deeper.
   A job the pages skip although the round reached past it (another key's), or that two rounds
   did not reach, falls back to its own GET on its own schedule; batching is dropped
   altogether when the pages end without showing any of the jobs, or the key may not list. A
   terminal job seen in a page is emitted from the page when the page carries its result, else
   fetched once by id.
5. **Sharing (separate waits).** Concurrent ``jobs.wait`` calls on one client follow their jobs
   in the client's :class:`SharedListing`. When one is due while two or more jobs are followed,
   it takes its job's snapshot from a page another wait fetched since its own last look, or
   lists once for all of them (one wait at a time, rounds ``interval / 2`` apart). So
   ``asyncio.gather(*(job.wait() for job in jobs))``, waits in threads, or a batch's lines,
   cost about what one ``wait_many`` costs. A look takes a page's snapshot only if the page is
   at most ``interval / 2`` older than the look was due. Jobs the pages do not show are polled
   by id.

Every look is the first thing done (the job may already be finished). The deadline (``timeout``)
is the whole wait's budget, separate from each HTTP request's timeout: each request's timeout is
clipped to the time left. Rate limits, 5xx and network errors while polling only delay the next
look (following ``Retry-After`` when given); only the deadline ends a wait early. A status the
SDK does not know is not terminal.
"""

from ._flows import wait_flow, wait_many_flow
from ._policy import TERMINAL_STATUSES, JobRef, WaitPolicy, job_id_of, policy_for
from ._poller import JobPoller, ListPage, Snapshot
from ._push import PushFeed, PushWatch
from ._shared import SharedListing
from ._tracker import _Tracker

__all__ = [
    "TERMINAL_STATUSES",
    "JobPoller",
    "JobRef",
    "ListPage",
    "PushFeed",
    "PushWatch",
    "SharedListing",
    "Snapshot",
    "WaitPolicy",
    "_Tracker",
    "job_id_of",
    "policy_for",
    "wait_flow",
    "wait_many_flow",
]
