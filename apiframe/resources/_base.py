"""What every resource shares: its session, checked generated methods, submitting jobs, the descriptor.

Each operation's logic is a flow (see ``apiframe._flow``) that takes the client's session; the
sync and async resource classes only differ in how they run it (``session.run``).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, overload

from .._bodies import build_body
from .._errors import InvalidRequestError
from .._flow import Flow, Seen
from .._handles import AcceptedJob, AsyncAcceptedJob
from .._options import OPTION_NAMES, CallOptions
from .._session import AsyncSession, Session, SyncSession
from .._types import NOT_GIVEN

if TYPE_CHECKING:
    from apiframe_client.models import JobAccepted

__all__ = ["AsyncResource", "SyncResource", "checked_call", "resource", "submit_flow"]

T = TypeVar("T")


def submit_flow(
    session: Session,
    operation_id: str,
    request: object,
    arguments: Mapping[str, Any],
    *,
    validate: bool,
    options: CallOptions,
) -> Flow[JobAccepted]:
    """Validate and send a job-creating request (a discriminated-union body)."""
    from apiframe_client.models import JobAccepted  # the generated models load on first use

    given = {key: value for key, value in arguments.items() if value is not NOT_GIVEN}
    body = build_body(operation_id, request, given, validate=validate)
    push = session.push  # push=PushSource(...): deliveries to its receiver end waits
    if push is not None:
        body = push.prepare(operation_id, body)
    accepted: JobAccepted = yield from session.call(operation_id, JobAccepted, json_body=body, options=options)
    if push is not None:
        push.submitted(str(accepted.job_id), body)
    return accepted


F = TypeVar("F", bound=Callable[..., Any])


def _misuse(
    operation_id: str, call_name: str, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    """Raise InvalidRequestError for positional arguments or unknown keywords, in the caller's terms."""
    request = args[1] if len(args) > 1 else None
    is_request = request is None or isinstance(request, Mapping) or hasattr(type(request), "__attrs_attrs__")
    if len(args) > 2 or not is_request:
        example = ", ".join(f"{key}=..." for key in list(kwargs)[:2]) or "model=..., prompt=..."
        shown = ", ".join(f"{arg!r:.40}" for arg in args[1:])
        raise InvalidRequestError(
            f"{call_name}() takes keyword arguments, as in {call_name}({example}), or one request object; "
            f"got positional {shown}",
            field="request",
        )
    known = signature_names(fn)
    unknown = [key for key in kwargs if key not in known]
    if unknown:
        options = {key for key in kwargs if key in OPTION_NAMES or key == "validate"}
        arguments = {key: value for key, value in kwargs.items() if key not in options}
        build_body(operation_id, None, arguments)  # names the unknown argument against the chosen model
        raise InvalidRequestError(f"{call_name}() got unknown argument(s) {unknown}", field=unknown[0])


@functools.cache
def signature_names(fn: Callable[..., Any]) -> frozenset[str]:
    return frozenset(inspect.signature(fn).parameters)


def checked_call(operation_id: str, call_name: str, *, is_async: bool = False) -> Callable[[F], F]:
    """Decorate a generated method: misuse raises InvalidRequestError (not TypeError), the signature stays shown."""

    def decorate(fn: F) -> F:
        known = signature_names(fn)

        def check(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
            if len(args) > 2 or (len(args) == 2 and args[1] is not None) or not known.issuperset(kwargs):
                _misuse(operation_id, call_name, fn, args, kwargs)

        if is_async:

            @functools.wraps(fn)
            async def call_async(*args: Any, **kwargs: Any) -> Any:
                check(args, kwargs)
                return await fn(*args, **kwargs)

            return call_async  # type: ignore[return-value]

        @functools.wraps(fn)
        def call(*args: Any, **kwargs: Any) -> Any:
            check(args, kwargs)
            return fn(*args, **kwargs)

        return call  # type: ignore[return-value]

    return decorate


class SyncResource:
    """Base of the sync client's resources: they run their flows on the client's session."""

    def __init__(self, session: SyncSession) -> None:
        self._session = session

    def _recording(self, seen: Seen) -> Self:
        """This resource on a session that tells ``seen`` of every response (``with_raw_response``)."""
        return type(self)(self._session.recording(seen))

    def _submit(
        self,
        operation_id: str,
        request: object,
        arguments: Mapping[str, Any],
        *,
        validate: bool,
        options: Mapping[str, Any],
    ) -> AcceptedJob:
        session = self._session
        flow = submit_flow(
            session, operation_id, request, arguments, validate=validate, options=CallOptions.of(options)
        )
        accepted = session.run(flow)
        return AcceptedJob(session, str(accepted.job_id), str(accepted.status), accepted, accepted._response)


class AsyncResource:
    """Base of the async client's resources: they run their flows on the client's session."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def _recording(self, seen: Seen) -> Self:
        """This resource on a session that tells ``seen`` of every response (``with_raw_response``)."""
        return type(self)(self._session.recording(seen))

    async def _submit(
        self,
        operation_id: str,
        request: object,
        arguments: Mapping[str, Any],
        *,
        validate: bool,
        options: Mapping[str, Any],
    ) -> AsyncAcceptedJob:
        session = self._session
        flow = submit_flow(
            session, operation_id, request, arguments, validate=validate, options=CallOptions.of(options)
        )
        accepted = await session.run(flow)
        return AsyncAcceptedJob(session, str(accepted.job_id), str(accepted.status), accepted, accepted._response)


R = TypeVar("R")


class resource(Generic[R]):  # used like a property
    """A client attribute that holds one resource (``client.images``), created on first use.

    It is a documented descriptor, so ``help(Apiframe)`` lists every resource with what it does.
    """

    def __init__(self, factory: Callable[[Any], R], summary: str) -> None:
        """``factory`` makes the resource from the client's session (``client._session``)."""
        self._factory = factory
        methods = [n for n in dir(factory) if not n.startswith("_") and callable(getattr(factory, n, None))]
        self.__doc__ = f"{summary}: {', '.join(methods)}."
        self._key = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._key = f"_resource_{name}"

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> resource[R]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> R: ...
    def __get__(self, obj: object | None, owner: type | None = None) -> R | resource[R]:
        if obj is None:
            return self
        held = obj.__dict__
        if self._key not in held:
            session = getattr(obj, "_session")  # noqa: B009  (every client has one)
            held.setdefault(self._key, self._factory(session))  # setdefault: racing threads end up sharing one
        found: R = held[self._key]
        return found

    def __set__(self, obj: object, value: object) -> None:
        raise AttributeError(
            f"{self._key.removeprefix('_resource_')} is a resource of the client and cannot be replaced"
        )
