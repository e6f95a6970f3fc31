"""Command line for the sandbox: ``python -m apiframe.testing`` (or ``apiframe sandbox``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import uvicorn

from ._app import create_app
from ._config import FAIL_TRIGGER, FaultConfig, SandboxConfig, UploadLimits
from ._server import _bind, _Server, _url

__all__ = ["build_parser", "config_from_args", "main"]

_MB = 1024 * 1024


def build_parser(prog: str = "python -m apiframe.testing") -> argparse.ArgumentParser:
    """The argument parser (reusable by the ``apiframe sandbox`` command)."""
    parser = argparse.ArgumentParser(
        prog=prog,
        description=(
            "Run a local Apiframe API sandbox: every v2 route, no credits spent, no network. "
            f"Any API key starting with afk_ works; put {FAIL_TRIGGER!r} in a prompt to get "
            "a FAILED job."
        ),
    )
    server = parser.add_argument_group("server")
    server.add_argument("--host", default="127.0.0.1", help="interface to bind (default: %(default)s)")
    server.add_argument(
        "--port",
        type=int,
        default=8790,
        help="port to bind; 0 picks a free one (default: %(default)s)",
    )
    server.add_argument(
        "--log-level",
        default="info",
        choices=["critical", "error", "warning", "info", "debug"],
        help="uvicorn log level (default: %(default)s)",
    )
    behaviour = parser.add_argument_group("behaviour")
    behaviour.add_argument(
        "--job-seconds",
        type=float,
        default=3.0,
        metavar="S",
        help="time from submission to COMPLETED (default: %(default)s)",
    )
    behaviour.add_argument("--seed", type=int, default=None, help="seed for fault injection")
    behaviour.add_argument("--db", default=None, metavar="PATH", help="keep state in this SQLite file across restarts")
    behaviour.add_argument("--files-dir", default=None, metavar="DIR", help="where uploads are stored")
    behaviour.add_argument("--credits", type=int, default=100_000, help="team credits at start")
    behaviour.add_argument(
        "--result-retention",
        type=float,
        default=86400.0,
        metavar="S",
        help="seconds until a completed job is marked expired (default: %(default)s)",
    )
    behaviour.add_argument(
        "--upload-ttl",
        type=float,
        default=7200.0,
        metavar="S",
        help="seconds an upload stays downloadable (default: %(default)s)",
    )
    behaviour.add_argument("--max-image-mb", type=float, default=25.0, help="upload limit for images")
    behaviour.add_argument("--max-audio-mb", type=float, default=25.0, help="upload limit for audio")
    behaviour.add_argument("--max-video-mb", type=float, default=50.0, help="upload limit for video")
    behaviour.add_argument(
        "--no-credits-key",
        action="append",
        default=[],
        metavar="KEY",
        help="an API key that has no credits (402); repeatable",
    )
    behaviour.add_argument(
        "--forbidden-key",
        action="append",
        default=[],
        metavar="KEY",
        help="an API key that lacks permission (403); repeatable",
    )
    faults = parser.add_argument_group("fault injection (rates are probabilities 0..1)")
    faults.add_argument("--fault-429", type=float, default=0.0, metavar="RATE")
    faults.add_argument("--fault-500", type=float, default=0.0, metavar="RATE")
    faults.add_argument("--fault-502", type=float, default=0.0, metavar="RATE")
    faults.add_argument("--fault-503", type=float, default=0.0, metavar="RATE")
    faults.add_argument(
        "--fault-drop-before",
        type=float,
        default=0.0,
        metavar="RATE",
        help="close the connection before the request is processed",
    )
    faults.add_argument(
        "--fault-drop-after",
        type=float,
        default=0.0,
        metavar="RATE",
        help="process the request (jobs are created), then close the connection unanswered",
    )
    faults.add_argument(
        "--fault-slow",
        type=float,
        default=0.0,
        metavar="RATE",
        help="hold the request --slow-seconds before processing it (a client may time out meanwhile)",
    )
    faults.add_argument("--slow-seconds", type=float, default=1.0, metavar="S", help="how long slow requests wait")
    faults.add_argument("--latency", type=float, default=0.0, metavar="S", help="added latency")
    faults.add_argument("--latency-jitter", type=float, default=0.0, metavar="S")
    faults.add_argument("--retry-after", type=int, default=1, metavar="S", help="Retry-After value")
    return parser


def config_from_args(args: argparse.Namespace) -> SandboxConfig:
    """Build a :class:`SandboxConfig` from parsed arguments."""
    faults = FaultConfig(
        rate_429=args.fault_429,
        rate_500=args.fault_500,
        rate_502=args.fault_502,
        rate_503=args.fault_503,
        drop_before=args.fault_drop_before,
        drop_after=args.fault_drop_after,
        rate_slow=args.fault_slow,
        slow_seconds=args.slow_seconds,
        latency_seconds=args.latency,
        latency_jitter_seconds=args.latency_jitter,
        retry_after_seconds=args.retry_after,
    )
    limits = UploadLimits(
        image=int(args.max_image_mb * _MB),
        audio=int(args.max_audio_mb * _MB),
        video=int(args.max_video_mb * _MB),
    )
    return SandboxConfig(
        job_seconds=args.job_seconds,
        seed=args.seed,
        db_path=args.db,
        files_dir=args.files_dir,
        initial_credits=args.credits,
        result_retention_seconds=args.result_retention,
        upload_ttl_seconds=args.upload_ttl,
        upload_limits=limits,
        no_credit_keys=frozenset(args.no_credits_key),
        forbidden_keys=frozenset(args.forbidden_key),
        faults=faults,
    )


def main(argv: Sequence[str] | None = None, prog: str = "python -m apiframe.testing") -> int:
    """Run the sandbox in the foreground until interrupted; print the base URL first."""
    args = build_parser(prog).parse_args(argv)
    try:
        config = config_from_args(args)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        sock = _bind(args.host, args.port)
    except OSError as exc:
        print(
            f"error: cannot listen on {args.host}:{args.port}: {exc.strerror or exc} "
            "(pick another --port, or --port 0 for a free one)",
            file=sys.stderr,
        )
        return 1
    base_url = _url(args.host, int(sock.getsockname()[1]))
    app = create_app(config)
    app.sandbox.public_base_url = base_url
    server = _Server(uvicorn.Config(app, lifespan="on", http="h11", log_level=args.log_level, access_log=False))
    app.sandbox.dropper = server.drop_connection
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
        sock.close()
        app.sandbox.close()
    return 0
