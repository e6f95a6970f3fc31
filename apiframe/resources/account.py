"""``client.me()``: who is calling (user, team with its credits, API key)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._flow import Flow
from .._pipeline import call_flow

if TYPE_CHECKING:
    from apiframe_client.models import Me

    from .._config import RequestOptions

__all__ = ["me_flow"]


def me_flow(client: Any, options: RequestOptions) -> Flow[Me]:
    from apiframe_client.models import Me

    me: Me = yield from call_flow(client, "me_get", Me, options=options)
    return me
