"""List pages shared by waits: the one implementation of a list round, and the walk of its pages."""

from __future__ import annotations

import math
import threading
from collections.abc import Generator
from typing import Any

from .._deadline import Deadline
from .._errors import APIStatusError, PaginationError
from .._flow import Effect, Sleep
from .._pagination import Continuation
from ._policy import TRANSIENT_ERRORS, WaitPolicy
from ._poller import JobPoller
from ._shared import SharedListing
from ._tracker import epoch_seconds


def _walk(
    poller: JobPoller,
    listing: SharedListing,
    wanted: set[str],
    oldest: float | None,
    page_size: int,
    deadline: Deadline,
) -> Generator[Effect, Any, tuple[dict[str, Any], set[str]] | None]:
    """List pages until every wanted job is seen, the pages end or are older than all of them, or
    the round's pages run out.

    ``oldest`` is the earliest creation time among the wanted jobs (None while one is unknown).
    Returns the list items found by job id, and the wanted jobs the pages did not reach (the
    pages ran out above them, or above where a job of unknown age might be); None when the
    wait's deadline came before the round ended (it concludes nothing). The pages beyond those
    the wanted jobs fill are at most one per 8 wanted jobs: a deep round for a few jobs would
    cost more than fetching them by id.
    """
    found: dict[str, Any] = {}
    max_pages = math.ceil(len(wanted) / page_size) + min(listing.depth, max(1, len(wanted) // 8))
    rule = Continuation(max_pages + 1)  # the pagers' rule: a repeated cursor ends the round
    cursor: str | None = None
    last: float | None = None
    for _ in range(max_pages):
        remaining = deadline.remaining()
        if remaining is not None and remaining <= 0:
            return None
        listing.hold(deadline.now())
        page = yield from poller.page(page_size, cursor, remaining)
        for item in page.items:
            if item.id in wanted:
                found[item.id] = item
        if len(found) == len(wanted) or page.following is None or not page.items:
            return found, set()
        last = epoch_seconds(getattr(page.items[-1], "created_at", None))
        if oldest is not None and last is not None and last < oldest:
            return found, set()
        cursor = rule.follow(page)
    short = set()
    for job_id in wanted - found.keys():
        created = listing.created(job_id)
        if created is None or last is None or created <= last:
            short.add(job_id)  # at or below where the pages stopped
    return found, short


def list_round(
    poller: JobPoller, listing: SharedListing, page_size: int, deadline: Deadline
) -> Generator[Effect, Any, dict[str, Any]]:
    """One list round for every job ``listing`` follows: walk the pages, publish what they showed.

    Returns the list items found by job id. A transient error releases the round and is raised
    (the caller backs off); any other API error means the key may not list: listing turns off and
    nothing is found, as when the pages would never end (:class:`~apiframe.PaginationError`).
    Both ``wait_many`` and the shared waits list through here. Each page's request gets the
    time ``deadline`` leaves; once it is gone the round stops, concluding nothing.
    """
    now = deadline.now
    wanted, oldest = listing.wanted()
    try:
        walked = yield from _walk(poller, listing, wanted, oldest, page_size, deadline)
    except TRANSIENT_ERRORS:
        listing.abandon(now())
        raise
    except (APIStatusError, PaginationError):
        listing.abandon(now(), disable=True)
        return {}
    except BaseException:
        listing.abandon(now())
        raise
    if walked is None:
        listing.abandon(now())
        return {}
    found, short = walked
    listing.publish(found, wanted, now(), short=short)
    return found


def shared_look(
    poller: JobPoller,
    shared: SharedListing,
    job_id: str,
    since: float,
    policy: WaitPolicy,
    deadline: Deadline,
    cancel: threading.Event | None,
) -> Generator[Effect, Any, tuple[float, Any] | None]:
    """This job as a shared page shows it, listing for everyone if need be; None: GET it instead."""
    now = deadline.now
    while True:
        seen = shared.seen_after(job_id, since)
        if seen is not None:
            return seen
        if not shared.active(job_id) or shared.missed_after(job_id, since):
            return None  # polled by id (for good, or this once: the last round did not reach it)
        later = shared.claim(now(), policy.interval / 2)
        if later is None:
            yield from list_round(poller, shared, policy.page_size, deadline)
            continue
        pause = deadline.pause_until(later)
        if pause <= 0:
            return None
        yield Sleep(pause, cancel)
