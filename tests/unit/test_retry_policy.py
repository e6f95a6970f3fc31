"""The one retry policy (``apiframe._retry``): attempts, pauses, and the capped server hint."""

from __future__ import annotations

from apiframe._deadline import Deadline
from apiframe._retry import MAX_RETRY_AFTER, Retries, hinted_pause


def test_retries_grant_at_most_their_limit_with_growing_backoff_ceilings() -> None:
    retries = Retries(3)
    pauses = [retries.after_failure() for _ in range(5)]
    assert pauses[3:] == [None, None]
    granted = [p for p in pauses if p is not None]
    assert len(granted) == 3 and retries.attempt == 3
    assert all(0 <= p <= 0.25 * 2**n for n, p in enumerate(granted))


def test_a_status_retry_honours_retry_after_and_refuses_one_over_the_cap() -> None:
    retries = Retries(5)
    assert retries.after_status(429, {"retry-after": "3"}) == 3.0
    assert retries.after_status(503, {"retry-after": str(MAX_RETRY_AFTER + 1)}) is None
    assert retries.after_status(400, {}) is None  # not retryable
    assert retries.after_status(404, {"retry-after": "1"}) is None
    assert retries.attempt == 1


def test_no_pause_reaches_past_the_deadline() -> None:
    retries = Retries(5, deadline=Deadline(2.0))
    assert retries.after_status(503, {"retry-after": "10"}) is None
    assert retries.after_status(503, {"retry-after": "0"}) == 0.0
    assert Retries(5, deadline=Deadline(-1)).after_failure() is None


def test_a_zero_limit_never_retries() -> None:
    retries = Retries(0)
    assert retries.after_failure() is None
    assert retries.after_status(503, {}) is None
    assert retries.attempt == 0


def test_hinted_pause_refuses_or_clips_a_hint_over_its_cap() -> None:
    assert hinted_pause(None, 1.5, cap=10) == 1.5
    assert hinted_pause(4, 1.5, cap=10) == 4
    assert hinted_pause(40, 1.5, cap=10) is None
    assert hinted_pause(40, 1.5, cap=10, clip=True) == 10
