"""``NOT_GIVEN``: the default of arguments where ``None`` has a meaning of its own."""

from __future__ import annotations

from typing import Final, Literal

__all__ = ["NOT_GIVEN", "NotGiven"]


class NotGiven:
    """The type of :data:`NOT_GIVEN`, the default that means "not passed" (so ``None`` can mean "none").

    ``wait(timeout=None)`` waits without a deadline; ``wait()`` uses the default deadline.
    """

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()
"""The default of an argument the caller did not pass."""
