"""The hostile-server fuzzer over every SDK method, sync and async.

For each call, Hypothesis draws what the API (and the file host its results point to) answers,
from the spec's response schemas with hostile values; the call runs against a server on
127.0.0.1 that answers exactly that. Invariants: only SDK errors escape; every error message is
one inert, bounded line; the key is in no message, exception chain, pickle, log record or file,
and never goes to the file host; nothing outside the folder named is written or deleted; the
call ends (a watchdog) within its memory bound.
"""

from __future__ import annotations

import asyncio
import logging
import os
import pickle
import shutil
import tempfile
import traceback
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from hostile_world import (
    KEY,
    FuzzServer,
    Tree,
    control_in,
    foreign_extension_in,
    fuzz_case,
    iter_chain,
    key_in,
    known,
    leaks_in_files,
    plant,
    record,
    scripts,
    watchdog,
)
from hypothesis import strategies as st
from targets import ROUTES, drive, sdk_call

from apiframe import Apiframe, ApiframeError, AsyncApiframe
from apiframe._logging import MESSAGE_LIMIT

RETRIES = int(os.environ.get("APIFRAME_SERVER_FUZZ_RETRIES", "0"))
"""Retries per request (the bench's large profile sets 1; retry pauses cost the quick run seconds)."""
MEMORY_BOUND = 256 * 1024 * 1024
"""Bytes: what one call may allocate at its peak (the pipeline caps a body at far less)."""


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def check_error(error: BaseException) -> str:
    """Only SDK errors escape, each one inert and bounded, the key nowhere in it; the outcome."""
    shown = "".join(traceback.format_exception(error))
    finding = known(shown) if not isinstance(error, ApiframeError) else None
    if finding is not None:
        return f"known finding ({finding.branch}): {finding.test}"
    assert isinstance(error, ApiframeError), f"a non-SDK error escaped:\n{shown}"
    message = str(error)
    assert control_in(message) is None, f"control character {control_in(message)} in {message[:300]!r}"
    assert len(message) <= MESSAGE_LIMIT + 20, f"a message of {len(message)} characters"
    for link in iter_chain(error):
        for text in (str(link), repr(link), repr(getattr(link, "__dict__", ""))):
            assert key_in(text) is None, f"the key ({key_in(text)}) is in {type(link).__name__}: {text[:300]!r}"
    assert key_in(pickle.dumps(error).decode("latin-1")) is None, "the key is in the pickled error"
    assert key_in(shown) is None, "the key is in the printed traceback"
    return type(error).__name__


def run_example(servers: tuple[FuzzServer, FuzzServer], data: st.DataObject, name: str, kind: str) -> None:
    api, files = servers
    api.use(data.draw(scripts(ROUTES[name], files.base), label="api"))
    files.use(data.draw(scripts([], files.base), label="files"))
    root = Path(tempfile.mkdtemp(prefix="apiframe-fuzz-"))
    records = Records()
    logger = logging.getLogger("apiframe")
    logger.addHandler(records)
    level = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        plant(root)
        out = root / "out"
        before = Tree.of(root)

        def call() -> Any:
            tracemalloc.start()
            try:
                if kind == "sync":
                    with Apiframe(api_key=KEY, base_url=api.base, max_retries=RETRIES, timeout=2) as client:
                        return drive(sdk_call(client, name, out))

                async def main() -> None:
                    async with AsyncApiframe(api_key=KEY, base_url=api.base, max_retries=RETRIES, timeout=2) as client:
                        await sdk_call(client, name, out)

                return asyncio.run(main())
            finally:
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
                assert peak < MEMORY_BOUND, f"the call allocated {peak} bytes at its peak"

        _, error, elapsed = watchdog(30, call)
        if os.environ.get("APIFRAME_SERVER_FUZZ_TRACE"):
            print(f"{name} {kind} {elapsed:.2f}s api={api.requests} files={files.requests} {type(error).__name__}")
        outcome = check_error(error) if error is not None else "returned"
        after = Tree.of(root, skip=out)
        assert after.entries == before.entries, f"written or deleted outside the folder named: {after.entries}"
        assert leaks_in_files(root) is None, leaks_in_files(root)
        foreign = foreign_extension_in(out)
        if foreign is not None:
            finding = known(foreign)
            assert finding is not None, f"saved a file the SDK did not name: {foreign}"
            outcome = f"known finding ({finding.branch}): {finding.test}"
        assert not files.key_left_origin, "the key was sent to the file host"
        for message in records.messages:
            assert key_in(message) is None, f"the key is in a log record: {message[:300]!r}"
            assert control_in(message) is None, f"control character {control_in(message)} in a log record"
        record("sdk " + kind, name, outcome)
    finally:
        logger.removeHandler(records)
        logger.setLevel(level)
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.parametrize("name", sorted(ROUTES))
@fuzz_case
def test_sync_client_against_a_hostile_server(
    servers: tuple[FuzzServer, FuzzServer], name: str, data: st.DataObject
) -> None:
    run_example(servers, data, name, "sync")


@pytest.mark.parametrize("name", sorted(ROUTES))
@fuzz_case
def test_async_client_against_a_hostile_server(
    servers: tuple[FuzzServer, FuzzServer], name: str, data: st.DataObject
) -> None:
    run_example(servers, data, name, "async")
