"""The suite's order (tests/suite_order.py): every worker's first block starts on its slow tests."""

from __future__ import annotations

from suite_order import block_sizes, slow_first


def test_each_block_starts_with_its_share_of_the_slow_tests() -> None:
    items = list(range(20))
    slow = {3, 9, 15, 16, 17, 18, 19}
    ordered = slow_first(items, 3, lambda n: n in slow)
    assert sorted(ordered) == items
    assert block_sizes(20, 3) == [6, 7, 7]
    blocks = [ordered[:6], ordered[6:13], ordered[13:]]
    assert [block[: len(block) - sum(n not in slow for n in block)] for block in blocks] == [
        [3, 16, 19],
        [9, 17],
        [15, 18],
    ]
    assert [n for n in ordered if n not in slow] == [n for n in items if n not in slow]


def test_more_slow_tests_or_workers_than_places_loses_none() -> None:
    for count, workers in ((2, 6), (5, 2), (7, 7), (0, 3)):
        items = list(range(count))
        ordered = slow_first(items, workers, lambda n: n % 2 == 0)
        assert sorted(ordered) == items
        assert sum(block_sizes(count, workers)) == count
