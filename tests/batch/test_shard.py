"""Shard assignment: every line in exactly one shard, the same one on every read, balanced."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apiframe import InvalidRequestError
from apiframe.batch import Shard, shard_number

line_numbers = st.lists(st.integers(min_value=1, max_value=10**9), min_size=1, max_size=300, unique=True)
counts = st.integers(min_value=1, max_value=64)


@given(st.integers(min_value=1, max_value=10**6).flatmap(lambda n: st.tuples(st.integers(1, n), st.just(n))))
def test_parse_round_trips(pair: tuple[int, int]) -> None:
    index, count = pair
    shard = Shard.parse(f"{index}/{count}")
    assert (shard.index, shard.count) == (index, count)
    assert Shard.parse(str(shard)) == shard
    assert Shard.parse(f" {index} / {count} ") == shard


@pytest.mark.parametrize(
    "text",
    ["", "3", "0/4", "5/4", "-1/4", "1/0", "a/b", "1/2/3", "1.5/4", "1/4x", "½/4", "1/99999999999", 3, None, (1, 4)],
)
def test_bad_shards_are_refused_with_what_to_write(text: object) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        Shard.parse(text)
    assert caught.value.field == "shard"
    assert "K/N" in str(caught.value) or "between 1 and" in str(caught.value)


def test_a_shard_past_its_count_names_the_valid_ones() -> None:
    with pytest.raises(InvalidRequestError, match=r"1/4 \.\. 4/4"):
        Shard.parse("5/4")
    with pytest.raises(InvalidRequestError, match="whole number"):
        Shard(True, 2)  # type: ignore[arg-type]


@given(line_numbers, counts)
def test_every_line_is_in_exactly_one_shard(lines: list[int], count: int) -> None:
    shards = [Shard(index, count) for index in range(1, count + 1)]
    for line in lines:
        owners = [shard for shard in shards if shard.owns(line)]
        assert len(owners) == 1
        assert owners[0].index == shard_number(line, count)


@given(line_numbers, counts)
def test_assignment_is_stable_across_reads(lines: list[int], count: int) -> None:
    first = [shard_number(line, count) for line in lines]
    again = [shard_number(line, count) for line in reversed(lines)]
    assert first == list(reversed(again))


def test_the_rule_is_pinned() -> None:
    """The rule must never change: shards of a batch started by an older version would disagree."""
    assert [shard_number(line, 7) for line in (1, 2, 3, 1000, 123456789)] == [6, 6, 1, 5, 6]
    assert all(shard_number(line, 1) == 1 for line in range(1, 1000))


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=2, max_value=32),
    st.integers(min_value=1, max_value=10**6),
    st.integers(min_value=1, max_value=7),
)
def test_shards_are_balanced_whatever_the_layout(count: int, start: int, stride: int) -> None:
    """Lines every ``stride`` lines apart (comments or blanks between) still spread evenly."""
    total = 4000
    lines = [start + stride * step for step in range(total)]
    sizes = [0] * count
    for line in lines:
        sizes[shard_number(line, count) - 1] += 1
    expected = total / count
    spread = 6 * math.sqrt(expected * (1 - 1 / count))
    assert all(abs(size - expected) <= spread for size in sizes), sizes
