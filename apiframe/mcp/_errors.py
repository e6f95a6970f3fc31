"""The one exception a tool raises to refuse a call: its message is the tool error the assistant reads."""

from __future__ import annotations

__all__ = ["ToolRefused"]


class ToolRefused(Exception):
    """A tool call refused before anything was sent: a path outside the folders, the budget, read-only mode."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
