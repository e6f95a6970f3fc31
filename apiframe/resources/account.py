"""``client.me()``: who is calling (user, team with its credits, API key). The clients inherit these."""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from .._flow import Flow
from .._options import CallOptions, RequestOptions
from ._base import AsyncResource, SyncResource

if TYPE_CHECKING:
    from apiframe_client.models import Me

    from .._session import Session

__all__ = ["AccountMethods", "AsyncAccountMethods", "me_flow"]


def me_flow(session: Session, options: CallOptions) -> Flow[Me]:
    from apiframe_client.models import Me  # the generated models load on first use

    me: Me = yield from session.call("me_get", Me, options=options)
    return me


class AccountMethods(SyncResource):
    """The calls about the caller itself."""

    def me(self, **options: Unpack[RequestOptions]) -> Me:
        """The calling team: credits, plan and limits."""
        return self._session.run(me_flow(self._session, CallOptions.of(options)))


class AsyncAccountMethods(AsyncResource):
    """The calls about the caller itself (async)."""

    async def me(self, **options: Unpack[RequestOptions]) -> Me:
        """The calling team: credits, plan and limits."""
        return await self._session.run(me_flow(self._session, CallOptions.of(options)))
