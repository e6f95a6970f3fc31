"""The order of the collected tests: the slow ones first, spread over the xdist workers.

``--dist worksteal`` (``make test``) first hands each of its N workers one contiguous block of the
collection (an even split), then moves the ends of the longest queues to idle workers. A long test
left near the end of a block runs alone while the other workers stop; a long test at the head of
each block runs while the short ones around it still balance the end of the run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def block_sizes(count: int, workers: int) -> list[int]:
    """The sizes of the contiguous blocks worksteal first sends ``workers`` idle workers."""
    sizes = []
    for index in range(workers):
        sizes.append(count // (workers - index))
        count -= sizes[-1]
    return sizes


def slow_first(items: Sequence[T], workers: int, is_slow: Callable[[T], bool]) -> list[T]:
    """``items`` with each worker's block starting on its share (round-robin) of the slow ones; the
    others keep their order, so the tests of a module still run together."""
    slow = [item for item in items if is_slow(item)]
    rest = [item for item in items if not is_slow(item)]
    ordered: list[T] = []
    for index, size in enumerate(block_sizes(len(items), workers)):
        head = slow[index::workers]
        fill = max(0, size - len(head))
        ordered += head + rest[:fill]
        del rest[:fill]
    return ordered + rest
