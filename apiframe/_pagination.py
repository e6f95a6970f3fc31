"""Cursor pages. A page holds one response; iterating it walks every later page lazily.

:attr:`PageData.following` says which page comes next, and :class:`Continuation` whether to
fetch it: the one rule every loop driven by a server's cursor follows (``Page``, ``AsyncPage``,
``AsyncPager`` and the waiting flows' list rounds in ``apiframe._waiting``). A cursor seen before
in the same walk (a repeat, or a cycle A, B, A), :data:`MAX_EMPTY_PAGES` empty pages in a row that
still claim more, or more than ``max_pages`` pages end the walk with
:class:`~apiframe.PaginationError`, which names the cursor.

On the async client a list call returns an :class:`AsyncPager`: ``await`` it for the first page,
or ``async for`` over it for every item of every page.
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator, Sequence
from typing import Any, Generic, TypeVar

from ._display import _notebook
from ._errors import PaginationError
from ._logging import outside

__all__ = ["MAX_EMPTY_PAGES", "MAX_PAGES", "AsyncPage", "AsyncPager", "Continuation", "Page", "PageData"]

MAX_PAGES = 10_000
"""Pages one walk reads at most (a million jobs at 100 a page)."""
MAX_EMPTY_PAGES = 3
"""Empty pages in a row that may still claim more before the walk stops."""

T = TypeVar("T")
PageT = TypeVar("PageT", bound="AsyncPage[Any]")


class PageData(Generic[T]):
    """One page's items and cursor, fetched or not."""

    items: list[T]
    next_cursor: str | None
    has_more: bool
    raw: Any

    def __init__(self, items: Sequence[T], next_cursor: str | None, has_more: bool | None, raw: Any) -> None:
        self.items = list(items)
        self.next_cursor = next_cursor or None
        self.has_more = bool(self.next_cursor) if has_more is None else has_more and bool(self.next_cursor)
        self.raw = raw

    @property
    def following(self) -> str | None:
        """The cursor of the next page, or None on the last page."""
        return self.next_cursor if self.has_more else None

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        name = type(self).__name__
        return f"{name}(items={len(self.items)}, next_cursor={self.next_cursor!r}, has_more={self.has_more})"

    def _repr_html_(self) -> str:
        return _notebook.html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        _notebook.pretty(self, printer, cycle)


class Continuation:
    """The rule of one walk over a server's pages: which cursor to fetch next, if any.

    Call :meth:`follow` with each page as it arrives; it returns the next cursor, None at the end,
    or raises :class:`~apiframe.PaginationError` when the server's continuation cannot end.
    Memory is bounded: one 16-byte digest per page, at most ``max_pages`` of them.
    """

    __slots__ = ("_empty", "_seen", "max_pages", "pages")

    def __init__(self, max_pages: int = MAX_PAGES) -> None:
        if not isinstance(max_pages, int) or isinstance(max_pages, bool) or max_pages < 1:
            from ._errors import InvalidRequestError

            raise InvalidRequestError(f"max_pages must be a positive integer, got {max_pages!r}", field="max_pages")
        self.max_pages = max_pages
        self.pages = 0
        self._empty = 0
        self._seen: set[bytes] = set()

    def follow(self, page: PageData[Any]) -> str | None:
        """The cursor of the page after ``page``, or None when ``page`` is the last one."""
        self.pages += 1
        cursor = page.following
        if cursor is None:
            return None
        self._empty = self._empty + 1 if not page.items else 0
        if self._empty >= MAX_EMPTY_PAGES:
            raise self._error(page, cursor, f"{self._empty} empty pages in a row still claim more")
        if not _sendable(cursor):
            raise self._error(page, cursor, "the server's cursor cannot be sent back (it holds a lone surrogate)")
        digest = hashlib.blake2b(cursor.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        if digest in self._seen:
            raise self._error(page, cursor, "the server sent this cursor before in the same walk (a loop)")
        if self.pages >= self.max_pages:
            raise self._error(page, cursor, f"more than {self.max_pages} pages (the walk's page budget)")
        self._seen.add(digest)
        return cursor

    def _error(self, page: PageData[Any], cursor: str, why: str) -> PaginationError:
        return _stop(page, cursor, self.pages, why)


def _sendable(cursor: str) -> bool:
    try:
        cursor.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _stop(page: PageData[Any], cursor: str, pages: int, why: str) -> PaginationError:
    info = getattr(page.raw, "_response", None)
    return PaginationError(
        f"the listing did not end after {pages} pages: {why}; next cursor '{outside(cursor)}'",
        cursor=cursor,
        pages=pages,
        request_id=getattr(info, "request_id", None),
    )


def _next(page: PageData[Any]) -> str | None:
    """``page.following``, refused (PaginationError, the server's fault) when it cannot be sent back."""
    cursor = page.following
    if cursor is not None and not _sendable(cursor):
        raise _stop(page, cursor, 1, "the server's cursor cannot be sent back (it holds a lone surrogate)")
    return cursor


class Page(PageData[T]):
    """One page of results. ``items`` is this page; ``for item in page`` walks all pages."""

    def __init__(
        self,
        items: Sequence[T],
        *,
        next_cursor: str | None,
        has_more: bool | None,
        raw: Any,
        fetch: Callable[[str], Page[T]],
    ) -> None:
        super().__init__(items, next_cursor, has_more, raw)
        self._fetch = fetch

    def next_page(self) -> Page[T] | None:
        """The following page, or None on the last one."""
        cursor = _next(self)
        return None if cursor is None else self._fetch(cursor)

    def iter_pages(self, *, max_pages: int = MAX_PAGES) -> Iterator[Page[T]]:
        """This page, then each following page, fetched as the iteration reaches it.

        Raises :class:`~apiframe.PaginationError` when the pages would never end (see :class:`Continuation`).
        """
        rule = Continuation(max_pages)
        page = self
        while True:
            yield page
            cursor = rule.follow(page)
            if cursor is None:
                return
            page = page._fetch(cursor)

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.items


class AsyncPage(PageData[T]):
    """One page of results. ``items`` is this page; ``async for item in page`` walks all pages."""

    def __init__(
        self,
        items: Sequence[T],
        *,
        next_cursor: str | None,
        has_more: bool | None,
        raw: Any,
        fetch: Callable[[str], Awaitable[AsyncPage[T]]],
    ) -> None:
        super().__init__(items, next_cursor, has_more, raw)
        self._fetch = fetch

    async def next_page(self) -> AsyncPage[T] | None:
        """The following page, or None on the last one."""
        cursor = _next(self)
        return None if cursor is None else await self._fetch(cursor)

    async def iter_pages(self, *, max_pages: int = MAX_PAGES) -> AsyncIterator[AsyncPage[T]]:
        """This page, then each following page, fetched as the iteration reaches it.

        Raises :class:`~apiframe.PaginationError` when the pages would never end (see :class:`Continuation`).
        """
        rule = Continuation(max_pages)
        page = self
        while True:
            yield page
            cursor = rule.follow(page)
            if cursor is None:
                return
            page = await page._fetch(cursor)

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item


class AsyncPager(Generic[T, PageT]):
    """What an async list call returns: ``await`` it for one page, ``async for`` over it for every item.

    ``page = await client.jobs.list()`` fetches the first page; ``async for job in client.jobs.list()``
    walks all pages lazily. Nothing is sent until one of the two happens.
    """

    __slots__ = ("_first",)

    def __init__(self, first: Callable[[], Awaitable[PageT]]) -> None:
        self._first = first

    def __await__(self) -> Generator[Any, None, PageT]:
        return self._first().__await__()

    async def __aiter__(self) -> AsyncIterator[T]:
        page: PageT = await self._first()
        async for item in page:
            yield item

    def __repr__(self) -> str:
        return f"{type(self).__name__}(not fetched yet)"
