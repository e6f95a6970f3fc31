"""The credit budget of one run of the server (``--max-credits``).

A submission first reserves its worst-case cost; it is refused when that is more than the budget
has left. Once a job ends and the API reports its ``creditCost``, that replaces the reservation
(a failed or cancelled job without a cost frees it). Jobs never seen again keep their worst case:
the budget errs towards refusing, never towards overspending. Reservations are taken
synchronously on the event loop, so two concurrent submissions cannot both fit in the last credits.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from ._errors import ToolRefused

__all__ = ["CreditBudget", "Reservation"]

_ENDED = frozenset({"COMPLETED", "FAILED", "CANCELLED"})


@dataclass(frozen=True, slots=True)
class Reservation:
    """Credits held for one submission until its job's real cost is known."""

    key: int
    credits: float


@dataclass
class CreditBudget:
    """``limit`` credits for this run (None: no budget), spent by jobs this run submitted."""

    limit: float | None
    spent: float = 0.0
    _held: dict[int, float] = field(default_factory=dict)
    _jobs: dict[str, int] = field(default_factory=dict)
    _keys: itertools.count[int] = field(default_factory=itertools.count)

    @property
    def reserved(self) -> float:
        return sum(self._held.values())

    @property
    def left(self) -> float | None:
        return None if self.limit is None else self.limit - self.spent - self.reserved

    def state(self) -> dict[str, Any]:
        """The budget as data for a tool result."""
        return {"limit": self.limit, "spent": self.spent, "reserved": self.reserved, "left": self.left}

    def reserve(self, worst_case: float | None, what: str) -> Reservation:
        """Hold ``worst_case`` credits for a submission of ``what``, or refuse it."""
        left = self.left
        if left is not None:
            if worst_case is None:
                raise ToolRefused(
                    f"refused: the cost of {what} cannot be estimated, and this server run has a credit budget "
                    f"({self._words()}); nothing was sent"
                )
            if worst_case > left:
                raise ToolRefused(
                    f"refused: {what} may cost up to {worst_case:g} credits and the budget of this server run has "
                    f"{max(left, 0):g} left ({self._words()}); nothing was sent. Restart the server with a larger "
                    "--max-credits to allow it"
                )
        key = next(self._keys)
        self._held[key] = worst_case or 0.0
        return Reservation(key, worst_case or 0.0)

    def _words(self) -> str:
        return f"limit {self.limit:g}, spent {self.spent:g}, {self.reserved:g} held for running jobs"

    def release(self, reservation: Reservation) -> None:
        """The submission was not accepted: nothing will be charged for it."""
        self._held.pop(reservation.key, None)

    def bind(self, reservation: Reservation, job_id: str) -> None:
        """The submission became job ``job_id``: its cost is settled when the job is seen ending."""
        self._jobs[job_id] = reservation.key

    def observe(self, job: Any) -> None:
        """A job snapshot: when it is one of ours and has ended, charge its real cost."""
        job_id = str(getattr(job, "id", ""))
        key = self._jobs.get(job_id)
        status = str(getattr(job, "status", ""))
        if key is None or status not in _ENDED:
            return
        cost = getattr(job, "credit_cost", None)
        held = self._held.pop(key, 0.0)
        del self._jobs[job_id]
        if isinstance(cost, int | float) and not isinstance(cost, bool) and cost >= 0:
            self.spent += float(cost)
        elif status == "COMPLETED":
            self.spent += held  # completed without a reported cost: count the worst case
