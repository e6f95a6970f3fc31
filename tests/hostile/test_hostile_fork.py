"""A client used before ``os.fork()`` never shares its connections with the child (observation 8).

A real child process (the fork start method) and the parent both use one client, made and used
once in the parent, against a real local server; each must only ever see its own jobs.
"""

from __future__ import annotations

import multiprocessing
import random
import sys

import pytest
from hostile_server import KEY, HostileServer, Request, Wire, job_body, job_id_from, respond_json

from apiframe import Apiframe

ROUNDS = 25


def _answer_with_the_asked_job(request: Request, wire: Wire) -> None:
    wire.pause(random.uniform(0, 0.004))  # let parent and child requests interleave
    respond_json(200, job_body(job_id_from(request), "PROCESSING"))(request, wire)


def _use(client: Apiframe, who: str) -> int:
    wrong = 0
    for n in range(ROUNDS):
        if client.jobs.get(f"{who}-{n}").id != f"{who}-{n}":
            wrong += 1
    return wrong


def _child(client: Apiframe) -> None:
    sys.exit(min(_use(client, "child"), 100))


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")  # forking one is the point
def test_a_forked_child_gets_its_own_connections(server: HostileServer) -> None:
    server.handler = _answer_with_the_asked_job
    with Apiframe(api_key=KEY, base_url=server.url, max_retries=0) as client:
        assert client.jobs.get("warm").id == "warm"  # the pool now holds an idle keep-alive connection
        child = multiprocessing.get_context("fork").Process(target=_child, args=(client,))
        child.start()
        wrong_in_parent = _use(client, "parent")
        child.join(30)
    assert child.exitcode == 0, f"the child saw {child.exitcode} snapshots of other jobs"
    assert wrong_in_parent == 0
    warm = next(request.connection for request in server.requests if request.path.endswith("/warm"))
    child_connections = {r.connection for r in server.requests if "/child-" in r.path}
    parent_connections = {r.connection for r in server.requests if "/parent-" in r.path}
    assert len([r for r in server.requests if "/child-" in r.path]) == ROUNDS
    assert warm not in child_connections
    assert child_connections.isdisjoint(parent_connections)
