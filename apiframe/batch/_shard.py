"""Which shard of a batch runs which input line: ``K/N``, decided by the line alone.

N processes (on N machines) split one input file with no coordination: each reads the
whole file and keeps the lines whose number hashes to its own index. The rule depends only
on the line's 1-based number, never on the machine, the process, the Python version or the
line's content, so:

- every line belongs to exactly one shard, for any N;
- re-reading the file (anywhere, any time) gives every shard the same lines;
- an edited line stays in the shard that already recorded it, which is the shard that can
  tell the edit from its own records;
- a summary can attribute any recorded line to its shard from the line number alone.

Hashing the number (rather than taking it modulo N) keeps the shards balanced whatever the
file's layout: blank lines and comments that recur every few lines cannot pile the request
lines into one shard.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from .._errors import InvalidRequestError

__all__ = ["Shard", "shard_number"]

_PATTERN = re.compile(r"\s*(\d{1,9})\s*/\s*(\d{1,9})\s*")
_MAX_SHARDS = 1_000_000


def shard_number(line: int, count: int) -> int:
    """The 1-based shard that runs input line ``line`` (1-based) when a batch is split ``count`` ways."""
    if count == 1:
        return 1
    digest = hashlib.sha256(b"apiframe-batch-shard:%d" % line).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


@dataclass(frozen=True, slots=True)
class Shard:
    """Shard ``index`` of ``count`` (both 1-based: ``Shard(1, 4)`` .. ``Shard(4, 4)``), written ``"K/N"``."""

    index: int
    count: int

    def __post_init__(self) -> None:
        for name, value in (("index", self.index), ("count", self.count)):
            if not isinstance(value, int) or isinstance(value, bool):
                raise InvalidRequestError(f"shard {name} must be a whole number, got {value!r}", field="shard")
        if not 1 <= self.count <= _MAX_SHARDS:
            raise InvalidRequestError(
                f"shard count must be between 1 and {_MAX_SHARDS:,}, got {self.count}", field="shard"
            )
        if not 1 <= self.index <= self.count:
            raise InvalidRequestError(
                f"shard {self.index}/{self.count} does not exist: K in K/N counts from 1 to N "
                f"(the shards of {self.count} are 1/{self.count} .. {self.count}/{self.count})",
                field="shard",
            )

    @classmethod
    def parse(cls, value: Any) -> Shard:
        """A shard from ``"K/N"`` (for example ``"3/8"``), or a ``Shard`` as it is.

        Raises :class:`~apiframe.InvalidRequestError` naming what to write instead.
        """
        if isinstance(value, Shard):
            return value
        if not isinstance(value, str):
            raise InvalidRequestError(
                f'shard must be written "K/N" (for example "3/8"), got {type(value).__name__} {value!r}',
                field="shard",
            )
        match = _PATTERN.fullmatch(value)
        if match is None:
            shown = value if len(value) <= 40 else value[:40] + "..."
            raise InvalidRequestError(
                f'shard must be written "K/N" with whole numbers, 1 <= K <= N (for example "3/8"), got {shown!r}',
                field="shard",
            )
        return cls(int(match.group(1)), int(match.group(2)))

    def owns(self, line: int) -> bool:
        """Whether this shard runs input line ``line`` (1-based)."""
        return shard_number(line, self.count) == self.index

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"
