"""``--sandbox``: which local sandbox a command talks to, and where its state lives.

Every command run with ``--sandbox`` from one folder shares that folder's sandbox, kept in
``./.apiframe-sandbox/`` (never inside a results folder):

- when ``apiframe sandbox`` runs from that folder, it announces itself there (``server.json``) and
  the command talks to it, so the upload and result URLs it prints stay valid after it ends;
- otherwise the command starts a sandbox of its own, in process, whose jobs are kept in
  ``state.sqlite3`` there (a ``--no-wait`` job, then ``jobs wait``; a killed batch, then its
  resume); its URLs stop working when the command ends, and it says so.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from .._extras import missing_extra

__all__ = ["ANNOUNCEMENT", "SANDBOX_KEY", "SANDBOX_STATE", "Embedded", "announce", "running_server", "state_folder"]

SANDBOX_STATE = ".apiframe-sandbox"
"""The folder, in the current folder, that holds the sandbox's state and announcement."""
ANNOUNCEMENT = "server.json"
SANDBOX_KEY = "afk_sandbox_cli"
"""The key the command sends to a sandbox (any key starting with ``afk_`` works there)."""
_LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


class SandboxError(Exception):
    """The sandbox cannot be used from here (the message says why and what to do)."""


def state_folder(here: Path | None = None) -> Path:
    """``./.apiframe-sandbox``, created if needed (for this user only); refused when it is a link or
    not a folder, or when another user owns it or every user may write into it (:func:`_foreign`)."""
    state = (here or Path(".")) / SANDBOX_STATE
    if state.is_symlink() or (state.exists() and not state.is_dir()):
        raise SandboxError(f"{state} is a symbolic link or not a folder; remove it or run elsewhere")
    state.mkdir(mode=0o700, parents=True, exist_ok=True)
    why = _foreign(state)
    if why is not None:
        raise SandboxError(f"{state} {why}: its jobs and announcement cannot be trusted; remove it or run elsewhere")
    return state


def _foreign(path: Path) -> str | None:
    """Why ``path`` may hold what another user put there (owned by them, or writable by all), else None.

    The folder the command runs from may be shared (``/tmp``, a cloned repository): a sandbox state
    or an announcement planted there would send this user's prompts and uploads to another's server.
    """
    if not hasattr(os, "getuid"):
        return None  # no owners to compare (Windows): the folder's own permissions apply
    try:
        status = path.lstat()
    except OSError:
        return "cannot be examined"
    if status.st_uid != os.getuid():
        return "belongs to another user"
    if status.st_mode & 0o002:
        return "is writable by every user"
    return None


def announce(url: str, here: Path | None = None) -> Callable[[], None]:
    """Record that ``apiframe sandbox`` serves this folder at ``url``; returns what withdraws it."""
    path = state_folder(here) / ANNOUNCEMENT
    temporary = path.with_name(f".{ANNOUNCEMENT}.{os.getpid()}")
    temporary.write_text(json.dumps({"url": url, "pid": os.getpid()}), encoding="utf-8")
    temporary.replace(path)

    def withdraw() -> None:
        try:
            if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
                path.unlink()
        except (OSError, ValueError, AttributeError):
            pass

    return withdraw


def running_server(here: Path | None = None) -> str | None:
    """The URL of an ``apiframe sandbox`` announced in this folder and answering, else None."""
    path = (here or Path(".")) / SANDBOX_STATE / ANNOUNCEMENT
    if path.is_symlink() or not path.is_file() or _foreign(path.parent) or _foreign(path):
        return None  # an announcement another user could have written is not believed
    try:
        record: Any = json.loads(path.read_text(encoding="utf-8")[:4096])
        url = httpx.URL(str(record["url"]))
    except (OSError, ValueError, KeyError, TypeError, httpx.InvalidURL):
        return None
    if url.scheme != "http" or url.host not in _LOCAL_HOSTS:
        return None  # only a server on this machine: the announcement is a file anyone here could write
    try:
        answer = httpx.get(url.join("/v2/models"), timeout=1.0, trust_env=False)
    except httpx.HTTPError:
        return None
    return str(url).rstrip("/") if answer.status_code == 200 else None


class Embedded:
    """A sandbox in this process for one command, its jobs kept in the folder's state."""

    def __init__(self, job_seconds: float, here: Path | None = None) -> None:
        try:
            from ..testing import Sandbox, SandboxConfig
        except ImportError as error:
            raise SandboxError(missing_extra("sandbox", error, "--sandbox")) from None
        state = state_folder(here)
        config = SandboxConfig(job_seconds=job_seconds, db_path=str(state / "state.sqlite3"))
        self._sandbox = Sandbox(config, api_key=SANDBOX_KEY).start()
        self.base_url = str(self._sandbox.base_url)

    def stop(self) -> None:
        self._sandbox.stop()
