"""A batch's input lines and the idempotency keys derived from them.

A line's key is an HMAC of its number, its canonical JSON and its attempt, keyed with the
batch's identity. The identity names the batch's ``out`` location, never the machine running
it: an object store's URL as written (``s3://bucket/run-7``), or a local folder's absolute
path. So a shard re-run anywhere, even after its state was lost, derives the keys it used
before, and the API replays the jobs it already has instead of charging again.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._errors import InvalidRequestError
from .._pipeline import loads_bounded
from ._store import LocalStore, Store

__all__ = ["BatchLine", "batch_identity", "input_digest", "line_key", "nothing_sent", "parse_lines", "read_batch"]

_UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class BatchLine:
    """A request line of the input: its 1-based line number, text hash and JSON.

    Only the line's compact JSON text is kept (a few hundred bytes a line, whatever its
    nesting): :attr:`data` parses it again when asked.
    """

    number: int
    digest: str
    canonical: str
    """The line's JSON with sorted keys: what its idempotency key is derived from."""

    @property
    def data(self) -> Any:
        """The line's JSON, parsed (a new object on each call)."""
        return json.loads(self.canonical)


def batch_identity(store: Store) -> str:
    """What identifies a batch on every machine: where its results go (see the module docstring)."""
    where = str(store.root.resolve()) if isinstance(store, LocalStore) else store.url.rstrip("/")
    return hashlib.sha256(f"apiframe-batch\n{where}".encode()).hexdigest()


def legacy_identity(file: Path, out: Path) -> str:
    """The identity of a batch started by a version that kept ``manifest.jsonl``."""
    text = f"{file.resolve()}\n{out.resolve()}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def line_key(identity: str, line: BatchLine, attempt: int = 0) -> str:
    """The idempotency key of a line's ``attempt``: the same in every run of the same batch."""
    message = f"{line.number}\n{line.canonical}\n{attempt}".encode()
    return "batch-" + hmac.new(identity.encode("ascii"), message, hashlib.sha256).hexdigest()[:48]


def input_digest(lines: Iterable[BatchLine]) -> str:
    """A short digest of a whole input (recorded in the shard plans)."""
    digest = hashlib.sha256()
    for line in lines:
        digest.update(f"{line.number}:{line.digest}\n".encode())
    return digest.hexdigest()[:32]


def _text(number: int, raw: bytes, problems: list[str]) -> str | None:
    """A line of a file as text: UTF-8 only (a byte-order mark on line 1 is dropped); else None, and why."""
    if number == 1 and raw.startswith(_UTF8_BOM):
        raw = raw[len(_UTF8_BOM) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        at = error.start
    else:
        at = raw.find(b"\x00")  # valid UTF-8, but no text file holds NUL: UTF-16 without a byte-order mark
        if at < 0:
            return text
    utf16 = (number == 1 and raw.startswith((b"\xff\xfe", b"\xfe\xff"))) or b"\x00" in raw
    problems.append(
        f"line {number}: not UTF-8 text{' (it looks like UTF-16)' if utf16 else ''}: "
        f"byte 0x{raw[at]:02x} at column {at + 1}; save the file as UTF-8"
    )
    return None


def _parse(number: int, raw: Any, problems: list[str]) -> BatchLine | None:
    if isinstance(raw, Mapping):
        data: Any = dict(raw)
    else:
        if isinstance(raw, bytes | bytearray):
            raw = _text(number, bytes(raw), problems)
            if raw is None:
                return None
        if not isinstance(raw, str):
            problems.append(f"line {number}: a line must be JSON text or a dict, got {type(raw).__name__}")
            return None
        text = raw.strip()
        if number == 1:
            text = text.removeprefix("\ufeff")  # a byte-order mark read as text
        if not text or text.startswith("#"):
            return None
        try:
            data = loads_bounded(text)
        except json.JSONDecodeError as error:
            problems.append(f"line {number}: not JSON ({error.msg} at column {error.colno})")
            return None
        except ValueError as error:  # nested too deep for any request
            problems.append(f"line {number}: {error}, which no request needs")
            return None
    try:
        canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as error:
        problems.append(f"line {number}: not JSON-serialisable ({error})")
        return None
    digest = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]
    return BatchLine(number, digest, canonical)


def parse_lines(
    lines: Iterable[str | bytes | Mapping[str, Any]],
    *,
    source: str = "lines",
    owns: Callable[[int], bool] | None = None,
) -> list[BatchLine]:
    """The request lines of ``lines`` (JSON text, UTF-8 bytes or dicts; blank and ``#`` comment lines skipped).

    Line numbers count every item from 1, skipped ones included, so a file and its
    ``readlines()`` number the same lines alike. With ``owns`` (a shard's test of a line
    number), only the lines it owns are parsed and kept: memory grows with the shard, not the input.
    """
    if isinstance(lines, (str, bytes, Mapping)):
        raise InvalidRequestError(
            f"{source} must be an iterable of lines (JSON strings or dicts), not one {type(lines).__name__}",
            field="lines",
        )
    parsed: list[BatchLine] = []
    problems: list[str] = []
    requests = 0
    for number, raw in enumerate(lines, 1):
        if owns is not None and not owns(number):
            requests += isinstance(raw, Mapping) or (isinstance(raw, str | bytes) and _is_request(raw))
            continue
        line = _parse(number, raw, problems)
        if line is not None:
            parsed.append(line)
            requests += 1
    if problems:
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        raise InvalidRequestError(f"{source}: " + "; ".join(problems[:10]) + more, field="lines")
    if not requests:
        raise InvalidRequestError(f"{source} has no request lines", field="lines")
    return parsed


def _is_request(text: str | bytes) -> bool:
    if isinstance(text, bytes):
        stripped = text.strip()
        return bool(stripped) and not stripped.startswith(b"#")
    return bool(text.strip()) and not text.strip().startswith("#")


def read_batch(path: str | os.PathLike[str], *, owns: Callable[[int], bool] | None = None) -> list[BatchLine]:
    """The request lines of a JSONL file (blank lines and ``#`` comments skipped; only ``owns``'s, if given)."""
    file = Path(path)
    if not file.is_file():
        raise InvalidRequestError(f"batch file {file} does not exist or is not a file", field="file")
    with file.open("rb") as handle:  # decoded line by line: a bad byte is reported with its line
        try:
            return parse_lines(handle, source=str(file), owns=owns)
        except InvalidRequestError as error:
            raise InvalidRequestError(str(error), field="file") from None


def nothing_sent(problems: list[str]) -> InvalidRequestError:
    """The error that stops a batch before it submits anything: its first problems, one per line."""
    more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
    return InvalidRequestError("nothing was submitted: " + "; ".join(problems[:10]) + more, field="file")
