"""wait(): NOT_GIVEN defaults so ``timeout=None`` means no deadline, and a WaitPolicy usable from wait."""

from __future__ import annotations

import asyncio
import pickle
from typing import Any

import pytest
from unit_support import FakeClock, Recorder, job, reply

from apiframe import NOT_GIVEN, InvalidRequestError, NotGiven, WaitPolicy, WaitTimeoutError


def pending(count: int) -> list[Any]:
    return [reply(200, job(status="PROCESSING", progress=None)) for _ in range(count)]


def test_timeout_none_waits_past_the_default_deadline(client: Any, recorder: Recorder, clock: FakeClock) -> None:
    # 80 looks at the 15 s cap take ~20 minutes of fake time: past the default 600 s deadline
    recorder.queue(*pending(80), reply(200, job(status="COMPLETED", progress=100)))
    done = client.jobs.wait("job_1", timeout=None)
    assert done.status == "COMPLETED"
    assert sum(clock.sleeps) > WaitPolicy().timeout  # type: ignore[operator]


def test_timeout_left_out_keeps_the_default_deadline(client: Any, recorder: Recorder, clock: FakeClock) -> None:
    recorder.default = lambda request: reply(200, job(status="PROCESSING", progress=None))
    with pytest.raises(WaitTimeoutError):
        client.jobs.wait("job_1")
    assert sum(clock.sleeps) <= WaitPolicy().timeout  # type: ignore[operator]


def test_policy_is_used_and_arguments_override_it(client: Any, recorder: Recorder, clock: FakeClock) -> None:
    recorder.default = lambda request: reply(200, job(status="PROCESSING", progress=None))
    policy = WaitPolicy(interval=2, max_interval=2, timeout=10, jitter=0)
    with pytest.raises(WaitTimeoutError):
        client.jobs.wait("job_1", policy=policy)
    assert set(clock.sleeps) <= {2.0} and sum(clock.sleeps) <= 10
    clock.sleeps.clear()
    with pytest.raises(WaitTimeoutError):
        client.jobs.wait("job_1", policy=policy, timeout=4)
    assert sum(clock.sleeps) <= 4


def test_accepted_job_wait_passes_none_through(client: Any, recorder: Recorder, clock: FakeClock) -> None:
    recorder.queue(reply(202, {"jobId": "job_1", "status": "QUEUED"}))
    handle = client.images.generate(model="midjourney", prompt="x")
    recorder.queue(*pending(80), reply(200, job(status="COMPLETED", progress=100)))
    assert handle.wait(timeout=None).status == "COMPLETED"


def test_async_wait_timeout_none(async_client: Any, recorder: Recorder, clock: FakeClock) -> None:
    recorder.queue(*pending(80), reply(200, job(status="COMPLETED", progress=100)))

    async def main() -> str:
        done = await async_client.jobs.wait("job_1", timeout=None, policy=WaitPolicy(max_interval=15))
        await async_client.aclose()
        return str(done.status)

    assert asyncio.run(main()) == "COMPLETED"
    assert sum(clock.sleeps) > 600


@pytest.mark.parametrize(("arguments", "field"), [({"interval": None}, "interval"), ({"policy": 5}, "policy")])
def test_bad_wait_arguments_are_typed_errors(client: Any, recorder: Recorder, arguments: Any, field: str) -> None:
    with pytest.raises(InvalidRequestError) as error:
        client.jobs.wait("job_1", **arguments)
    assert error.value.field == field
    assert recorder.requests == []


def test_not_given_is_a_falsy_singleton() -> None:
    assert NotGiven() is NOT_GIVEN
    assert not NOT_GIVEN and repr(NOT_GIVEN) == "NOT_GIVEN"
    assert pickle.loads(pickle.dumps(NOT_GIVEN)) is NOT_GIVEN
