"""Jobs list: cursor pagination and filters."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from sandbox_helpers import ClientFactory, submit, wait_for

from apiframe.testing import FAIL_TRIGGER, Sandbox, SandboxConfig


def test_cursor_pagination_walks_every_job_once(make_client: ClientFactory) -> None:
    with Sandbox(SandboxConfig(job_seconds=0.05)) as sandbox:
        client = make_client(sandbox)
        created = [submit(client, "/v2/images/generate", {"model": "imagen-3", "prompt": f"n{i}"}) for i in range(7)]
        seen: list[str] = []
        cursor = None
        pages = 0
        while True:
            params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
            page = client.get("/v2/jobs", params=params).json()
            pages += 1
            seen.extend(job["id"] for job in page["jobs"])
            assert page["hasMore"] == (page["nextCursor"] is not None)
            if not page["hasMore"]:
                break
            cursor = page["nextCursor"]
        assert pages == 3
        assert seen == created[::-1]
        bad = client.get("/v2/jobs", params={"cursor": "garbage!"})
        assert bad.status_code == 400
        assert "cursor" in bad.json()["details"]


def test_filters_and_include_models(make_client: ClientFactory) -> None:
    with Sandbox(SandboxConfig(job_seconds=0.05)) as sandbox:
        client = make_client(sandbox)
        ok = submit(client, "/v2/images/generate", {"model": "dall-e-2", "prompt": "ok"})
        bad = submit(client, "/v2/music/generate", {"model": "producer", "prompt": f"x {FAIL_TRIGGER}"})
        wait_for(client, ok)
        wait_for(client, bad)
        by_status = client.get("/v2/jobs", params={"status": "FAILED"}).json()["jobs"]
        assert [job["id"] for job in by_status] == [bad]
        by_model = client.get("/v2/jobs", params={"model": "dall-e-2"}).json()["jobs"]
        assert [job["id"] for job in by_model] == [ok]
        found = client.get("/v2/jobs", params={"search": ok}).json()["jobs"]
        assert [job["id"] for job in found] == [ok]
        none = client.get("/v2/jobs", params={"search": str(uuid.uuid4())}).json()
        assert none == {"jobs": [], "nextCursor": None, "hasMore": False}
        assert client.get("/v2/jobs", params={"search": "nope"}).status_code == 400
        with_models = client.get("/v2/jobs", params={"include_models": "true"}).json()
        assert with_models["models"] == ["dall-e-2", "producer"]
        assert "models" not in client.get("/v2/jobs").json()


class _SettableClock:
    """A clock the test sets, backwards too (as a system clock can be)."""

    def __init__(self, moment: float) -> None:
        self.moment = moment

    def now(self) -> float:
        return self.moment


def test_the_listing_keeps_its_order_when_the_clock_ties_or_goes_back_and_after_a_restart(
    make_client: ClientFactory, tmp_path: Path
) -> None:
    """Pages read the jobs newest first from an ordered index, not by sorting every job: ties on
    the creation time order by id, a job created while the clock stood earlier sits where its
    time puts it, and a sandbox restarted from its database lists the same."""
    clock = _SettableClock(1_800_000_000.0)
    config = SandboxConfig(job_seconds=10.0, db_path=str(tmp_path / "state.db"))
    with Sandbox(config, clock=clock) as sandbox:
        client = make_client(sandbox)
        made = [submit(client, "/v2/images/generate", {"model": "imagen-3", "prompt": f"tie {n}"}) for n in range(3)]
        clock.moment += 5
        later = submit(client, "/v2/images/generate", {"model": "imagen-3", "prompt": "later"})
        clock.moment -= 3  # the clock was set back
        between = submit(client, "/v2/images/generate", {"model": "imagen-3", "prompt": "between"})
        expected = [later, between, *sorted(made, reverse=True)]

        def listed() -> list[str]:
            seen: list[str] = []
            params: dict[str, Any] = {"limit": 2}
            while True:
                page = client.get("/v2/jobs", params=params).json()
                seen += [job["id"] for job in page["jobs"]]
                if not page["hasMore"]:
                    return seen
                params["cursor"] = page["nextCursor"]

        assert listed() == expected
    with Sandbox(config, clock=clock) as restarted:
        client = make_client(restarted)
        assert listed() == expected


def test_a_page_reads_its_own_jobs_not_every_job(make_client: ClientFactory) -> None:
    """A batch lists often while 10^5 jobs exist: a page refreshes the jobs it shows, not all."""
    with Sandbox(SandboxConfig(job_seconds=0.05, initial_credits=10**9)) as sandbox:
        client = make_client(sandbox)
        made = [submit(client, "/v2/images/generate", {"model": "imagen-3", "prompt": f"many {n}"}) for n in range(60)]
        wait_for(client, made[-1])
        sandbox.tick()  # every job ended: the ticker refreshes none of them
        engine = sandbox.state.engine
        refreshed: list[str] = []
        real = engine.refresh

        def counting(job: dict[str, Any]) -> dict[str, Any]:
            refreshed.append(job["id"])
            return real(job)

        engine.refresh = counting  # type: ignore[method-assign]
        page = client.get("/v2/jobs", params={"limit": 5}).json()
        assert len(page["jobs"]) == 5 and page["hasMore"]
        assert len(refreshed) <= 6, len(refreshed)  # the page's five and the one that says there are more
