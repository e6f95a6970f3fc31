"""The waiting flows driven directly: a fake poller answers, a fake clock moves only when a flow sleeps.

These pin the one list round (``list_round``) that both ``wait_many`` and concurrent waits use.
"""

from __future__ import annotations

import math
from collections.abc import Generator
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest

from apiframe._deadline import Deadline
from apiframe._errors import PermissionDeniedError, ServerError
from apiframe._flow import Effect, Emit, Flow, Sleep
from apiframe._waiting import ListPage, SharedListing, Snapshot, WaitPolicy, wait_flow, wait_many_flow
from apiframe._waiting._listing import list_round


def item(job_id: str, status: str = "PROCESSING", progress: int | None = None) -> SimpleNamespace:
    result = {"url": f"https://files.test/{job_id}.png"} if status == "COMPLETED" else None
    return SimpleNamespace(id=job_id, status=status, progress=progress, created_at=None, result=result, error=None)


class Poller:
    """Pages and snapshots from fixed data; every request is recorded; ``failure`` makes pages raise."""

    def __init__(self, listed: list[SimpleNamespace], by_id: dict[str, SimpleNamespace]) -> None:
        self.listed = listed
        self.by_id = by_id
        self.calls: list[tuple[str, Any]] = []
        self.failure: Exception | None = None

    def get(self, job_id: str, remaining: float | None) -> Flow[Snapshot]:
        self.calls.append(("get", job_id))
        return Snapshot(self.by_id[job_id])
        yield  # a flow that sends nothing

    def page(self, limit: int, cursor: str | None, remaining: float | None) -> Flow[ListPage]:
        self.calls.append(("page", cursor))
        if self.failure is not None:
            raise self.failure
        return ListPage(self.listed, None, False)
        yield

    def as_job(self, found: Any) -> Any:
        return found

    def has_result(self, found: Any) -> bool:
        return found.result is not None


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def drive(flow: Generator[Effect, Any, Any], clock: Clock) -> tuple[Any, list[Any]]:
    """Run a flow: sleeps move the fake clock, emits are collected; it must send no request."""
    emitted: list[Any] = []
    try:
        effect = next(flow)
        while True:
            if isinstance(effect, Emit):
                emitted.append(effect.value)
            elif isinstance(effect, Sleep):
                clock.now += effect.seconds
            else:
                raise AssertionError(f"unexpected effect {effect!r}")
            effect = flow.send(None)
    except StopIteration as stop:
        return stop.value, emitted


def following(listing: SharedListing, *job_ids: str) -> SharedListing:
    for job_id in job_ids:
        listing.follow(job_id)
    return listing


def test_list_round_publishes_what_the_pages_show_and_unlists_the_rest() -> None:
    clock = Clock()
    listing = following(SharedListing(), "a", "b", "c")
    poller = Poller([item("a"), item("b", "COMPLETED"), item("x")], {})
    found, _ = drive(list_round(poller, listing, 100, Deadline(None, now=clock)), clock)
    assert set(found) == {"a", "b"}
    assert poller.calls == [("page", None)]
    seen = listing.seen_after("b", -math.inf)
    assert seen is not None and seen[1].status == "COMPLETED"
    assert listing.active("a") and not listing.active("c")  # c is polled by id from now on


def test_list_round_turns_listing_off_for_a_key_that_may_not_list() -> None:
    clock = Clock()
    listing = following(SharedListing(), "a", "b")
    poller = Poller([], {})
    poller.failure = PermissionDeniedError("may not list", status_code=403)
    found, _ = drive(list_round(poller, listing, 100, Deadline(None, now=clock)), clock)
    assert found == {}
    assert not listing.active("a") and not listing.active("b")


def test_list_round_releases_the_round_on_a_transient_error() -> None:
    clock = Clock()
    listing = following(SharedListing(), "a", "b")
    assert listing.claim(clock(), 0.0) is None  # this caller lists
    poller = Poller([], {})
    poller.failure = ServerError("busy", status_code=503)
    with pytest.raises(ServerError):
        drive(list_round(poller, listing, 100, Deadline(None, now=clock)), clock)
    assert listing.active("a")  # sharing stays on
    assert listing.claim(clock(), 0.0) is None  # and the next round may be claimed at once


class PagedPoller(Poller):
    """Fixed pages, newest first: the cursor is the next page's index."""

    def __init__(self, pages: list[list[SimpleNamespace]], by_id: dict[str, SimpleNamespace] | None = None) -> None:
        super().__init__([], by_id or {})
        self.pages = pages

    def page(self, limit: int, cursor: str | None, remaining: float | None) -> Flow[ListPage]:
        self.calls.append(("page", cursor))
        index = int(cursor or 0)
        following = str(index + 1) if index + 1 < len(self.pages) else None
        return ListPage(self.pages[index], following, following is not None)
        yield


def test_a_round_that_runs_out_of_pages_goes_deeper_next_time_and_keeps_sharing() -> None:
    """Newer jobs (this client's other submissions, other processes on the key) push the followed
    ones down the pages: a round that stops above them must not unlist them or turn sharing off."""
    clock = Clock()
    names = [f"a{n:02d}" for n in range(16)]
    newer = [[item(f"new{p}-{n}") for n in range(2)] for p in range(2)]  # 2 pages of jobs nobody waits for
    poller = PagedPoller([*newer, *([item(a), item(b)] for a, b in zip(names[::2], names[1::2], strict=True))])
    listing = following(SharedListing(), *names)
    assert listing.depth == 1
    found, _ = drive(list_round(poller, listing, 2, Deadline(None, now=clock)), clock)
    assert len(poller.calls) == 8 + 1  # the 8 pages 16 jobs fill, and one more: out of pages
    assert set(found) == set(names[:14])
    assert all(listing.active(name) for name in names)  # still shared
    assert listing.missed_after("a15", clock.now - 1)  # this look is fetched by id instead
    assert not listing.missed_after("a00", clock.now - 1)
    assert listing.depth == 2
    clock.now += 1
    found, _ = drive(list_round(poller, listing, 2, Deadline(None, now=clock)), clock)
    assert set(found) == set(names) and len(poller.calls) == 9 + 10  # deep enough now
    assert not listing.missed_after("a15", clock.now - 0.5)


def test_a_round_for_a_few_jobs_stays_shallow_however_deep_rounds_went_before() -> None:
    """A deep round is worth it for many jobs, not for two: at most one page beyond theirs per 8."""
    clock = Clock()
    poller = PagedPoller([[item(f"new{p}")] for p in range(40)])
    listing = following(SharedListing(), "a", "b")
    listing.depth = SharedListing.MAX_DEPTH  # after a burst of submissions
    drive(list_round(poller, listing, 1, Deadline(None, now=clock)), clock)
    assert len(poller.calls) == 2 + 1


def test_a_round_stops_at_the_waits_deadline_and_concludes_nothing() -> None:
    clock = Clock()

    left: list[float | None] = []

    class Slow(PagedPoller):
        def page(self, limit: int, cursor: str | None, remaining: float | None) -> Flow[ListPage]:
            left.append(remaining)
            clock.now += 0.9  # each page takes 0.9 s
            return (yield from super().page(limit, cursor, remaining))

    poller = Slow([[item(f"new{p}")] for p in range(40)])
    names = [f"a{n:02d}" for n in range(64)]
    listing = following(SharedListing(), *names)
    listing.depth = SharedListing.MAX_DEPTH
    assert listing.claim(clock(), 0.5) is None
    found, _ = drive(list_round(poller, listing, 100, Deadline(2.0, now=clock)), clock)
    assert found == {}
    assert len(poller.calls) == 3  # 0.0, 0.9 and 1.8 s in; none at 2.7 s
    assert left == pytest.approx([2.0, 1.1, 0.2])  # each page within the time left
    assert listing.depth == SharedListing.MAX_DEPTH and not listing.missed_after("a00", -math.inf)
    assert listing.wanted()[0] == set(names)  # nothing unlisted
    assert listing.claim(clock(), 0.0) is None  # the round's claim was released


def test_misses_count_in_a_row() -> None:
    clock = Clock()
    newer = [[item(f"new{n}")] for n in range(3)]
    deep = PagedPoller([*newer, [item("a")], [item("b")]])
    shallow = PagedPoller([[item("a")], [item("b")]])
    listing = following(SharedListing(), "a", "b")
    for poller in (deep, shallow, deep):  # missed, found, missed: never twice in a row
        listing.depth = 1
        drive(list_round(poller, listing, 1, Deadline(None, now=clock)), clock)
        clock.now += 1
    assert listing.wanted()[0] == {"a", "b"}


def test_a_shared_look_refuses_a_page_older_than_half_an_interval_before_it_was_due() -> None:
    """A snapshot a round took long before this wait's look was due is stale: the wait lists again."""
    clock = Clock()
    listing = following(SharedListing(), "a", "b")
    listing.publish({"a": item("a", "PROCESSING", 10), "b": item("b")}, {"a", "b"}, clock.now)  # an old round
    clock.now += 5
    poller = Poller([item("a", "COMPLETED"), item("b")], {})
    seen: list[str] = []
    policy = WaitPolicy(interval=1.0, timeout=30.0, jitter=0.0)
    flow = wait_flow(
        poller, "a", policy=policy, now=clock, shared=listing, on_progress=lambda job: seen.append(job.status)
    )
    done, _ = drive(flow, clock)
    assert done.status == "COMPLETED"
    assert seen == ["COMPLETED"]  # the stale PROCESSING snapshot was never taken
    assert poller.calls == [("page", None)]


def test_wait_many_fetches_the_jobs_a_short_round_missed_at_once() -> None:
    clock = Clock()
    newer = [[item(f"new{n}")] for n in range(5)]
    done = {name: item(name, "COMPLETED") for name in ("a", "b")}
    poller = PagedPoller([*newer, [done["a"]], [done["b"]]], done)
    times: list[tuple[str, float]] = []
    real_get, real_page = poller.get, poller.page

    def get(job_id: str, remaining: float | None) -> Flow[Snapshot]:
        times.append((job_id, clock.now))
        return (yield from real_get(job_id, remaining))

    def page(limit: int, cursor: str | None, remaining: float | None) -> Flow[ListPage]:
        times.append(("page", clock.now))
        return (yield from real_page(limit, cursor, remaining))

    poller.get, poller.page = get, page  # type: ignore[method-assign]
    policy = WaitPolicy(interval=1.0, timeout=30.0, jitter=0.0, page_size=1)
    _, emitted = drive(wait_many_flow(poller, ["a", "b"], policy=policy, now=clock), clock)
    assert sorted(job.id for job in emitted) == ["a", "b"]
    assert times == [("page", 1000.0), ("page", 1000.0), ("page", 1000.0), ("a", 1000.0), ("b", 1000.0)]


def test_a_job_the_pages_skip_is_unlisted_and_a_job_missed_twice_too() -> None:
    clock = Clock()
    listed = [item("x"), item("y")]
    for entry in listed:
        entry.created_at = datetime(2026, 6, 1, tzinfo=UTC)
    poller = PagedPoller([listed, [item("z")] * 2, [item("w")] * 2])
    listing = following(SharedListing(), "gone", "old")
    listing.note_created("gone", 1.9e9)  # newer than what the round reached: the pages skipped it
    listing.note_created("old", 1.0)  # older than the last page read: not reached
    listing.depth = 0
    found, _ = drive(list_round(poller, listing, 2, Deadline(None, now=clock)), clock)
    assert found == {} and len(poller.calls) == 1
    assert listing.wanted()[0] == {"old"}  # gone is polled by id from now on; old only this once
    assert listing.missed_after("old", clock.now - 1) and not listing.missed_after("gone", clock.now - 1)
    clock.now += 1
    drive(list_round(poller, listing, 2, Deadline(None, now=clock)), clock)  # missed a second time
    assert listing.wanted()[0] == set()


def test_a_round_that_reached_every_job_and_found_none_turns_sharing_off() -> None:
    clock = Clock()
    poller = PagedPoller([[item("x")], [item("y")]])  # the pages end: they do not show this client's jobs
    listing = following(SharedListing(), "a", "b")
    found, _ = drive(list_round(poller, listing, 1, Deadline(None, now=clock)), clock)
    assert found == {} and not listing.active("a") and not listing.active("b")


def test_wait_many_reads_listed_jobs_from_one_page_and_gets_the_others_by_id() -> None:
    clock = Clock()
    done = {name: item(name, "COMPLETED") for name in ("a", "b", "c")}
    poller = Poller([done["a"], done["b"]], {"c": done["c"]})
    policy = WaitPolicy(interval=1.0, timeout=30.0, jitter=0.0)
    _, emitted = drive(wait_many_flow(poller, ["a", "b", "c"], policy=policy, now=clock), clock)
    assert sorted(job.id for job in emitted) == ["a", "b", "c"]
    assert poller.calls == [("page", None), ("get", "c")]


def test_wait_many_stops_listing_when_the_key_may_not_list() -> None:
    clock = Clock()
    running = {name: item(name) for name in ("a", "b")}
    poller = Poller([], running)
    poller.failure = PermissionDeniedError("may not list", status_code=403)
    policy = WaitPolicy(interval=1.0, timeout=30.0, jitter=0.0)
    flow = wait_many_flow(poller, ["a", "b"], policy=policy, now=clock)
    effect = next(flow)
    while sum(1 for call in poller.calls if call[0] == "get") < 4:  # two looks by id per job
        if isinstance(effect, Sleep):
            clock.now += effect.seconds
        effect = flow.send(None)
    flow.close()
    assert [call for call in poller.calls if call[0] == "page"] == [("page", None)]  # listed once only
