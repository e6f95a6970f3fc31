"""Command line for the sandbox: ``python -m apiframe.testing`` (argparse) and ``apiframe sandbox`` (click).

Both read their options from one table, :data:`OPTIONS`, so they take the same flags with the
same help; :func:`serve` runs the server for either. This module needs only the sandbox extra
(``python -m apiframe.testing`` works without the ``cli`` extra).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ._config import FAIL_TRIGGER, FaultConfig, SandboxConfig, UploadLimits

__all__ = ["DESCRIPTION", "OPTIONS", "Option", "build_parser", "config_from_args", "main", "require_extra", "serve"]

_MB = 1024 * 1024

DESCRIPTION = (
    "Run a local Apiframe API sandbox: every v2 route, no credits spent, no network. "
    f"Any API key starting with afk_ works; put {FAIL_TRIGGER!r} in a prompt to get a FAILED job."
)


@dataclass(frozen=True, slots=True)
class Option:
    """One option of the sandbox's command line."""

    flag: str
    kind: type
    default: Any
    help: str
    group: str = "behaviour"
    metavar: str | None = None
    choices: tuple[str, ...] | None = None
    repeat: bool = False

    @property
    def dest(self) -> str:
        return self.flag.lstrip("-").replace("-", "_")


_RATE = "a probability from 0 to 1"
OPTIONS: tuple[Option, ...] = (
    Option("--host", str, "127.0.0.1", "Interface to bind.", "server"),
    Option("--port", int, 8790, "Port to bind; 0 picks a free one.", "server"),
    Option(
        "--log-level",
        str,
        "info",
        "uvicorn log level.",
        "server",
        choices=("critical", "error", "warning", "info", "debug"),
    ),
    Option("--job-seconds", float, 3.0, "Time from submission to COMPLETED.", metavar="S"),
    Option("--seed", int, None, "Seed for fault injection."),
    Option("--db", str, None, "Keep state in this SQLite file across restarts.", metavar="PATH"),
    Option("--files-dir", str, None, "Where uploads are stored.", metavar="DIR"),
    Option("--credits", int, 100_000, "Team credits at start."),
    Option("--result-retention", float, 86400.0, "Seconds until a completed job is marked expired.", metavar="S"),
    Option("--upload-ttl", float, 7200.0, "Seconds an upload stays downloadable.", metavar="S"),
    Option("--max-image-mb", float, 25.0, "Upload limit for images, in MB."),
    Option("--max-audio-mb", float, 25.0, "Upload limit for audio, in MB."),
    Option("--max-video-mb", float, 50.0, "Upload limit for video, in MB."),
    Option(
        "--no-credits-key", str, (), "An API key that has no credits (402); repeatable.", metavar="KEY", repeat=True
    ),
    Option(
        "--forbidden-key", str, (), "An API key that lacks permission (403); repeatable.", metavar="KEY", repeat=True
    ),
    Option("--fault-429", float, 0.0, f"Share of requests answered 429 ({_RATE}).", "faults", "RATE"),
    Option("--fault-500", float, 0.0, f"Share of requests answered 500 ({_RATE}).", "faults", "RATE"),
    Option("--fault-502", float, 0.0, f"Share of requests answered 502 ({_RATE}).", "faults", "RATE"),
    Option("--fault-503", float, 0.0, f"Share of requests answered 503 ({_RATE}).", "faults", "RATE"),
    Option(
        "--fault-drop-before",
        float,
        0.0,
        "Share of connections closed before the request is processed.",
        "faults",
        "RATE",
    ),
    Option(
        "--fault-drop-after",
        float,
        0.0,
        "Share of requests processed (jobs are created), then left unanswered.",
        "faults",
        "RATE",
    ),
    Option("--fault-slow", float, 0.0, "Share of requests held --slow-seconds before processing.", "faults", "RATE"),
    Option("--slow-seconds", float, 1.0, "How long slow requests wait.", "faults", "S"),
    Option("--latency", float, 0.0, "Latency added to every request.", "faults", "S"),
    Option("--latency-jitter", float, 0.0, "Random latency added on top, up to this.", "faults", "S"),
    Option("--retry-after", int, 1, "Retry-After value of the 429 and 503 answers.", "faults", "S"),
)
_GROUPS = {"server": "server", "behaviour": "behaviour", "faults": "fault injection"}


def build_parser(prog: str = "python -m apiframe.testing") -> argparse.ArgumentParser:
    """The argparse parser of ``python -m apiframe.testing``, from :data:`OPTIONS`."""
    parser = argparse.ArgumentParser(prog=prog, description=DESCRIPTION)
    groups = {key: parser.add_argument_group(title) for key, title in _GROUPS.items()}
    for option in OPTIONS:
        extra: dict[str, Any] = {"metavar": option.metavar} if option.metavar else {}
        if option.choices:
            extra["choices"] = option.choices
        default = f" (default: {option.default})" if option.default not in (None, ()) else ""
        groups[option.group].add_argument(
            option.flag,
            type=option.kind,
            default=list(option.default or ()) if option.repeat else option.default,
            action="append" if option.repeat else "store",
            help=option.help + default,
            **extra,
        )
    return parser


def config_from_args(args: argparse.Namespace | Mapping[str, Any]) -> SandboxConfig:
    """A :class:`SandboxConfig` from parsed options (an argparse namespace or a mapping of them)."""
    values = vars(args) if isinstance(args, argparse.Namespace) else args
    faults = FaultConfig(
        rate_429=values["fault_429"],
        rate_500=values["fault_500"],
        rate_502=values["fault_502"],
        rate_503=values["fault_503"],
        drop_before=values["fault_drop_before"],
        drop_after=values["fault_drop_after"],
        rate_slow=values["fault_slow"],
        slow_seconds=values["slow_seconds"],
        latency_seconds=values["latency"],
        latency_jitter_seconds=values["latency_jitter"],
        retry_after_seconds=values["retry_after"],
    )
    limits = UploadLimits(
        image=int(values["max_image_mb"] * _MB),
        audio=int(values["max_audio_mb"] * _MB),
        video=int(values["max_video_mb"] * _MB),
    )
    return SandboxConfig(
        job_seconds=values["job_seconds"],
        seed=values["seed"],
        db_path=values["db"],
        files_dir=values["files_dir"],
        initial_credits=values["credits"],
        result_retention_seconds=values["result_retention"],
        upload_ttl_seconds=values["upload_ttl"],
        upload_limits=limits,
        no_credit_keys=frozenset(values["no_credits_key"]),
        forbidden_keys=frozenset(values["forbidden_key"]),
        faults=faults,
    )


def require_extra() -> None:
    """Import what the server needs (the ``sandbox`` extra): ImportError, naming the module, when missing."""
    import python_multipart  # noqa: F401
    import starlette  # noqa: F401
    import uvicorn  # noqa: F401


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(0)


def serve(values: Mapping[str, Any], *, on_ready: Callable[[str], Callable[[], None]] | None = None) -> int:
    """Run the sandbox in the foreground until interrupted; print the base URL first.

    ``on_ready(base_url)`` runs once the port is bound; what it returns runs when the server stops.
    """
    import uvicorn

    from ._app import create_app
    from ._server import _bind, _Server, _url

    try:
        config = config_from_args(values)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    host, port = values["host"], values["port"]
    try:
        sock = _bind(host, port)
    except OSError as exc:
        print(
            f"error: cannot listen on {host}:{port}: {exc.strerror or exc} "
            "(pick another --port, or --port 0 for a free one)",
            file=sys.stderr,
        )
        return 1
    base_url = _url(host, int(sock.getsockname()[1]))
    app = create_app(config)
    app.sandbox.public_base_url = base_url
    server = _Server(uvicorn.Config(app, lifespan="on", http="h11", log_level=values["log_level"], access_log=False))
    app.sandbox.dropper = server.drop_connection
    withdraw = on_ready(base_url) if on_ready is not None else None
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop)  # uvicorn re-raises it once stopped: end through the finally below
    print(base_url, flush=True)
    print(
        "Apiframe sandbox ready: any API key starting with 'afk_' works. Press Ctrl+C to stop.",
        file=sys.stderr,
        flush=True,
    )
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        if withdraw is not None:
            withdraw()
        sock.close()
        app.sandbox.close()
    return 0


def main(argv: Sequence[str] | None = None, prog: str = "python -m apiframe.testing") -> int:
    """``python -m apiframe.testing``: parse ``argv`` and run the sandbox."""
    return serve(vars(build_parser(prog).parse_args(argv)))
