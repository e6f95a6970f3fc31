"""The SDK draws its jitter (retry backoff, wait cadence, budget lock retries) from one generator of
its own: a user's ``random`` stream is neither read nor advanced, and a forked child draws its own
sequence, not its parent's."""

from __future__ import annotations

import os
import random

import pytest

from apiframe import _retry


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")  # forking one is the point
def test_a_forked_child_reseeds_the_shared_jitter() -> None:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its next draws, to the parent
        try:
            os.write(write, repr([_retry.JITTER.random() for _ in range(4)]).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        child = pipe.read()
    os.waitpid(pid, 0)
    parent = repr([_retry.JITTER.random() for _ in range(4)])
    assert child and child != parent


def test_backoff_neither_reads_nor_advances_the_users_random_stream() -> None:
    random.seed(7)
    state = random.getstate()
    delays = [_retry.backoff_delay(attempt) for attempt in range(8)]
    assert random.getstate() == state
    random.seed(7)
    again = [_retry.backoff_delay(attempt) for attempt in range(8)]
    assert delays != again  # a user's seed does not replay the SDK's jitter
