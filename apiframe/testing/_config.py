"""Configuration of a sandbox instance: timings, limits, keys and faults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = [
    "FAIL_TRIGGER",
    "FORBIDDEN_KEY_PREFIX",
    "MEMBER_KEY_PREFIX",
    "NO_CREDITS_KEY_PREFIX",
    "FaultConfig",
    "SandboxConfig",
    "UploadLimits",
]

FAIL_TRIGGER = "sandbox-fail"
"""A job whose request contains this text in any string value fails (case-insensitive).

Put it in the prompt (``"a cat sandbox-fail"``) or in an input URL for models
without a prompt. LoRA training fails when the LoRA name contains it; asset
registration answers 502 when the URL contains it.
"""

NO_CREDITS_KEY_PREFIX = "afk_nocredits"
"""API keys starting with this prefix have no credits: job creation answers 402."""

FORBIDDEN_KEY_PREFIX = "afk_forbidden"
"""API keys starting with this prefix lack permission: authenticated routes answer 403."""

MEMBER_KEY_PREFIX = "afk_member"
"""API keys starting with this prefix belong to a MEMBER (not an admin): ``scope=team`` is 403."""

_MB = 1024 * 1024


@dataclass(frozen=True)
class UploadLimits:
    """Maximum upload sizes in bytes (defaults follow the API description)."""

    image: int = 25 * _MB
    audio: int = 25 * _MB
    video: int = 50 * _MB
    lora_image: int = 10 * _MB
    lora_total: int = 100 * _MB

    def for_kind(self, kind: str) -> int:
        """The limit for an upload ``kind`` (``image``, ``audio`` or ``video``)."""
        return {"image": self.image, "audio": self.audio, "video": self.video}[kind]


@dataclass(frozen=True)
class FaultConfig:
    """Injected failures for reliability tests; rates are probabilities in [0, 1].

    Every request to a ``/v2/`` route draws from one random stream seeded with
    ``seed`` (or the sandbox seed), so the same request sequence meets the same
    faults. At most one fault applies per request; the rates must sum to <= 1.
    """

    rate_429: float = 0.0
    rate_500: float = 0.0
    rate_502: float = 0.0
    rate_503: float = 0.0
    drop_before: float = 0.0
    """Close the connection before the request is processed (nothing happens)."""
    drop_after: float = 0.0
    """Process the request (a job is committed), then close the connection unanswered."""
    rate_slow: float = 0.0
    """Hold the request ``slow_seconds`` before processing it (beyond a client's timeout, say).

    The request is then processed as usual even if the client gave up on it meanwhile, so a
    retry may overtake it: with an ``Idempotency-Key`` whichever arrives second replays the job.
    """
    slow_seconds: float = 1.0
    """How long a request drawn for the ``slow`` fault is held (on top of any latency)."""
    latency_seconds: float = 0.0
    """Added to every request."""
    latency_jitter_seconds: float = 0.0
    """Up to this much extra latency, drawn from the seeded stream."""
    retry_after_seconds: int = 1
    """``Retry-After`` sent with injected 429 and 503 responses."""
    seed: int | None = None

    def __post_init__(self) -> None:
        rates = {
            "rate_429": self.rate_429,
            "rate_500": self.rate_500,
            "rate_502": self.rate_502,
            "rate_503": self.rate_503,
            "drop_before": self.drop_before,
            "drop_after": self.drop_after,
            "rate_slow": self.rate_slow,
        }
        for name, value in rates.items():
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"FaultConfig.{name} must be between 0 and 1, got {value}")
        if sum(rates.values()) > 1.0 + 1e-9:
            raise ValueError(f"FaultConfig rates add up to {sum(rates.values()):.3f}; lower them to sum to <= 1")
        if self.latency_seconds < 0 or self.latency_jitter_seconds < 0 or self.slow_seconds < 0:
            raise ValueError(
                "FaultConfig latencies (latency_seconds, latency_jitter_seconds, slow_seconds) must be >= 0"
            )
        if self.retry_after_seconds < 0:
            raise ValueError("FaultConfig.retry_after_seconds must be >= 0")

    @property
    def active(self) -> bool:
        """Whether any fault or latency is configured."""
        return any(
            (
                self.rate_429,
                self.rate_500,
                self.rate_502,
                self.rate_503,
                self.drop_before,
                self.drop_after,
                self.rate_slow,
                self.latency_seconds,
                self.latency_jitter_seconds,
            )
        )


def _default_costs() -> Mapping[str, int]:
    return MappingProxyType({"image": 4, "video": 40, "music": 10, "lora": 2})


@dataclass(frozen=True)
class SandboxConfig:
    """Everything that shapes one sandbox instance.

    ``job_seconds`` is the time a job takes from submission to completion: it
    stays QUEUED for the first tenth, then PROCESSING with progress rising to
    100. ``db_path`` keeps state in SQLite across restarts (in memory when None).
    """

    job_seconds: float = 3.0
    seed: int | None = None
    db_path: str | None = None
    files_dir: str | None = None
    """Where uploads are stored; a temporary directory (removed on stop) when None
    and no ``db_path``; ``<db_path>.files`` when a database is used."""
    initial_credits: int = 100_000
    credit_costs: Mapping[str, int] = field(default_factory=_default_costs)
    """Credits charged per job, by modality (``image``, ``video``, ``music``, ``lora``)."""
    result_retention_seconds: float = 24 * 3600.0
    upload_ttl_seconds: float = 2 * 3600.0
    idempotency_ttl_seconds: float = 24 * 3600.0
    upload_limits: UploadLimits = field(default_factory=UploadLimits)
    no_credit_keys: frozenset[str] = field(default_factory=frozenset, repr=False)
    forbidden_keys: frozenset[str] = field(default_factory=frozenset, repr=False)
    member_keys: frozenset[str] = field(default_factory=frozenset, repr=False)
    webhook_retry_delays: tuple[float, ...] = (1.0, 2.0, 4.0, 8.0, 16.0)
    """Pause before each retry of a failed webhook delivery (len + 1 attempts)."""
    webhook_timeout_seconds: float = 5.0
    tick_seconds: float | None = None
    """How often the sandbox advances jobs in the background (derived when None)."""
    faults: FaultConfig = field(default_factory=FaultConfig)

    def __post_init__(self) -> None:
        if self.job_seconds < 0:
            raise ValueError(f"job_seconds must be >= 0, got {self.job_seconds}")
        if self.initial_credits < 0:
            raise ValueError("initial_credits must be >= 0")
        if any(delay < 0 for delay in self.webhook_retry_delays):
            raise ValueError("webhook_retry_delays must all be >= 0")

    @property
    def tick(self) -> float:
        """The background tick interval in seconds."""
        if self.tick_seconds is not None:
            return max(self.tick_seconds, 0.001)
        return min(max(self.job_seconds / 20.0, 0.01), 0.25)

    def cost(self, modality: str) -> int:
        """Credits one job of ``modality`` costs."""
        return int(self.credit_costs.get(modality, 1))
