"""Which pages of a long list are held in memory, and which to ask for next.

A list of a million customers is never loaded: the model keeps a bounded number of pages
(least recently used go first) and asks for the pages the view is showing. Pure Python, so the
rules are tested without Qt.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

Row = TypeVar("Row")

PAGE_SIZE = 200
PAGES_KEPT = 40  # 8,000 rows: a few screens either way of the one shown, ~10 MiB at most
IN_FLIGHT_MAX = 2  # the read lane has two threads; more would only queue stale requests
# A screen shows rows of at most two pages; older wishes are from rows scrolled past.
WANTED_KEPT = 4


@dataclass(frozen=True)
class PageRequest:
    index: int
    # continue after this key (cheap keyset read) or, when None, jump to index * PAGE_SIZE
    after: tuple[Any, ...] | None


@dataclass(frozen=True)
class _Page(Generic[Row]):
    rows: Sequence[Row]
    next_after: tuple[Any, ...] | None


class RowWindow(Generic[Row]):
    """The pages held, the pages on their way, and the pages the view wants."""

    def __init__(self, *, page_size: int = PAGE_SIZE, pages_kept: int = PAGES_KEPT) -> None:
        self.page_size = page_size
        self._pages_kept = pages_kept
        self._pages: OrderedDict[int, _Page[Row]] = OrderedDict()
        self._in_flight: set[int] = set()
        self._wanted: OrderedDict[int, None] = OrderedDict()

    def row(self, position: int) -> Row | None:
        """The row at this position, or None (and the page is wanted) while it is not here."""
        index, offset = divmod(position, self.page_size)
        page = self._pages.get(index)
        if page is None:
            if index not in self._in_flight:
                self._wanted[index] = None
                self._wanted.move_to_end(index)
                if len(self._wanted) > WANTED_KEPT:
                    self._wanted.popitem(last=False)
            return None
        self._pages.move_to_end(index)
        return page.rows[offset] if offset < len(page.rows) else None

    def next_requests(self) -> list[PageRequest]:
        """Pages to ask for now: the most recently wanted first, within the in-flight limit."""
        requests = []
        while self._wanted and len(self._in_flight) < IN_FLIGHT_MAX:
            index, _ = self._wanted.popitem(last=True)
            if index in self._pages or index in self._in_flight:
                continue
            self._in_flight.add(index)
            previous = self._pages.get(index - 1)
            requests.append(PageRequest(index, previous.next_after if previous else None))
        return requests

    def store(self, index: int, rows: Sequence[Row], next_after: tuple[Any, ...] | None) -> None:
        self._in_flight.discard(index)
        self._pages[index] = _Page(rows, next_after)
        self._pages.move_to_end(index)
        while len(self._pages) > self._pages_kept:
            self._pages.popitem(last=False)

    def failed(self, index: int) -> None:
        self._in_flight.discard(index)

    def rows_held(self) -> int:
        return sum(len(page.rows) for page in self._pages.values())

    def span(self, index: int) -> tuple[int, int]:
        """The first and last position of a page."""
        first = index * self.page_size
        return first, first + self.page_size - 1

    def clear(self) -> None:
        self._pages.clear()
        self._in_flight.clear()
        self._wanted.clear()

    def seed(self, pages: Iterable[tuple[int, Sequence[Row], tuple[Any, ...] | None]]) -> None:
        """Start over holding these pages (the first page arrives with the count)."""
        self.clear()
        for index, rows, next_after in pages:
            self.store(index, rows, next_after)
