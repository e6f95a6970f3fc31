"""The waits share one jitter generator; a forked child draws its own sequence, not its parent's."""

from __future__ import annotations

import os

from apiframe._waiting import _flows


def test_a_forked_child_reseeds_the_shared_jitter() -> None:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its next draws, to the parent
        try:
            os.write(write, repr([_flows._JITTER.random() for _ in range(4)]).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        child = pipe.read()
    os.waitpid(pid, 0)
    parent = repr([_flows._JITTER.random() for _ in range(4)])
    assert child and child != parent
