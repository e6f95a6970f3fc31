"""Fixtures every test folder may use, the order of the tests over xdist's workers, and
``--cpu-report FILE``: the CPU each test costs.

Tests marked ``slow`` start first, spread over the xdist workers (``suite_order.py`` says why).

``pytest --cpu-report cpu.jsonl`` (off by default) appends one JSON line per test from every
xdist worker: the test's wall time, the CPU of the worker process (its threads included: servers a
session fixture started count for the tests that use them) and of the children it waited for
(subprocesses), each as user+sys from the kernel (``getrusage``); and one line per worker for its
start-up (interpreter, plugins, conftest files and test modules imported, collection) and one
for the time its cyclic garbage collector ran. ``python tests/cpu_report.py cpu.jsonl`` sums it up.

Once collected, each test process freezes what it holds and collects garbage less often
(``GC_THRESHOLD`` says why).
"""

from __future__ import annotations

import gc
import json
import os
import resource
import signal
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest
from suite_order import slow_first

if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    # Started as a background job of a non-interactive shell (`cmd &`, some CI runners), the run
    # inherits Ctrl-C ignored, and so would every process a test starts: the tests that press Ctrl-C
    # in a command or a wait would wait for nothing. Handled here, it is the default again in them.
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture
def black_hole() -> Iterator[str]:
    """An address whose connection attempts get no answer: a listener with a full accept queue."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    filler = socket.create_connection(("127.0.0.1", port))  # the one the queue holds; never accepted
    yield f"http://127.0.0.1:{port}"
    filler.close()
    listener.close()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))  # the same in every worker, as xdist requires
    items[:] = slow_first(items, workers, lambda item: item.get_closest_marker("slow") is not None)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--cpu-report",
        metavar="FILE",
        default=None,
        help="append each test's CPU (user+sys, its process and waited-for children) to FILE as JSON lines",
    )


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _record(config: pytest.Config, **fields: Any) -> None:
    path = config.getoption("--cpu-report")
    if path:
        fields["worker"] = os.environ.get("PYTEST_XDIST_WORKER", "main")
        with open(path, "a", encoding="utf-8") as out:  # one short append per line: workers do not interleave
            out.write(json.dumps(fields) + "\n")


_GC = {"seconds": 0.0, "started": 0.0, "collections": 0, "full": 0}


def _time_gc(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        _GC["started"] = time.perf_counter()
        return
    took = time.perf_counter() - _GC["started"]
    _GC["seconds"] += took
    _GC["collections"] += 1
    if info["generation"] == 2:
        _GC["full"] += 1


def pytest_sessionfinish(session: pytest.Session) -> None:
    if session.config.getoption("--cpu-report"):
        _record(
            session.config, kind="gc", **{name: round(value, 3) for name, value in _GC.items() if name != "started"}
        )


GC_THRESHOLD = 7000
"""The youngest generation's allocation threshold in the test processes (CPython's default: 700).

A worker holds millions of objects (every module, hypothesis, botocore's service models, the
sandboxes' state); with the defaults its full collections came every few seconds and traversed all
of them: measured over the whole suite (``--cpu-report``, 8 workers), the workers spent 53 s in the
collector, 34 s once the collected suite is frozen (``gc.freeze()``), 12 s with this threshold too
(4 full collections instead of 55). The SDK's own code is untouched: this is the test harness."""


def pytest_collection_finish(session: pytest.Session) -> None:
    gc.collect()
    gc.freeze()  # the modules and test items: alive until the end, never worth traversing again
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
    if session.config.getoption("--cpu-report"):
        gc.callbacks.append(_time_gc)
    _record(
        session.config,
        kind="startup",
        cpu=round(_cpu(resource.RUSAGE_SELF), 3),
        children=round(_cpu(resource.RUSAGE_CHILDREN), 3),
        tests=len(session.items),
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    if not item.config.getoption("--cpu-report"):
        return (yield)
    wall, own, children = time.perf_counter(), _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    try:
        return (yield)
    finally:
        _record(
            item.config,
            kind="test",
            test=item.nodeid,
            wall=round(time.perf_counter() - wall, 3),
            cpu=round(_cpu(resource.RUSAGE_SELF) - own, 3),
            children=round(_cpu(resource.RUSAGE_CHILDREN) - children, 3),
        )
