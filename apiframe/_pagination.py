"""Cursor pages. A page holds one response; iterating it walks every later page lazily.

:attr:`PageData.following` is the one rule for which page comes next; ``Page``, ``AsyncPage``
and the waiting flows' list rounds (``apiframe._waiting``) all walk by it.

On the async client a list call returns an :class:`AsyncPager`: ``await`` it for the first page,
or ``async for`` over it for every item of every page.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator, Sequence
from typing import Any, Generic, TypeVar

from ._display import _notebook

__all__ = ["AsyncPage", "AsyncPager", "Page", "PageData"]

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
        cursor = self.following
        return None if cursor is None else self._fetch(cursor)

    def iter_pages(self) -> Iterator[Page[T]]:
        """This page, then each following page, fetched as the iteration reaches it."""
        page: Page[T] | None = self
        while page is not None:
            yield page
            page = page.next_page()

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
        cursor = self.following
        return None if cursor is None else await self._fetch(cursor)

    async def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        """This page, then each following page, fetched as the iteration reaches it."""
        page: AsyncPage[T] | None = self
        while page is not None:
            yield page
            page = await page.next_page()

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
