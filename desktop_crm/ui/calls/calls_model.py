"""The Calls page's table: newest calls first, read a keyset page at a time as the view scrolls.

The model asks for the count and the first page together; Qt's fetchMore asks for the next
page when the view nears the end of what is held. Holding stops at ROWS_HELD_MAX (narrowing
the filters reaches older calls), so a long scroll never holds a million rows. Every answer
carries the generation of the filters it was asked for: a late answer to old filters is
dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from desktop_crm.services.calls import CallFilter, CallPage, CallRow, CallService
from desktop_crm.ui.calls.columns import COLUMNS, CONTEXT, column_index
from desktop_crm.ui.icons import icon
from desktop_crm.ui.ops import Operations
from desktop_crm.ui.table_models import RIGHT_ALIGNED, KeysetPage, KeysetTableModel

CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 200
ROWS_HELD_MAX = 10_000
COUNT_AT_MOST = ROWS_HELD_MAX  # "more than 10,000" is as useful as an exact figure
_KIND = column_index("kind")
_DURATION = column_index("duration")


class CallListModel(KeysetTableModel[CallRow]):
    count_did_change = Signal(int, bool)  # matches, and whether at least COUNT_AT_MOST match
    title_context = CONTEXT
    titles = tuple(column.title for column in COLUMNS)
    rows_held_max = ROWS_HELD_MAX

    def __init__(self, calls: CallService, ops: Operations,
                 parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self._calls = calls
        self._filters = CallFilter()
        self._total = 0
        self._capped = False

    # --- what is shown ------------------------------------------------------------------------

    @property
    def filters(self) -> CallFilter:
        return self._filters

    @property
    def loading(self) -> bool:
        return self.reading

    @property
    def total(self) -> int:
        return self._total

    @property
    def capped(self) -> bool:
        return self._capped

    def set_filters(self, filters: CallFilter) -> None:
        self._filters = filters
        self.reload()

    # --- the count and the first page (new filters, or calls changed); the next as it scrolls -

    def first_page_work(self) -> Callable[[], tuple[int, CallPage]]:
        filters, calls = self._filters, self._calls

        def load() -> tuple[int, CallPage]:
            total = calls.count(filters, at_most=COUNT_AT_MOST)
            return total, calls.page(filters=filters, limit=PAGE_SIZE)

        return load

    def next_page_work(self, cursor: Any) -> Callable[[], CallPage]:
        filters, calls = self._filters, self._calls
        return lambda: calls.page(filters=filters, after=cursor, limit=PAGE_SIZE)

    def first_page(self, answer: tuple[int, CallPage]) -> KeysetPage[CallRow]:
        total, page = answer
        # a call logged between the count and the page read still shows in the figure
        self._total = max(total, len(page.rows))
        self._capped = total >= COUNT_AT_MOST
        return self.next_page(page)

    def next_page(self, answer: CallPage) -> KeysetPage[CallRow]:
        return KeysetPage(answer.rows, answer.next_after)

    def page_did_arrive(self, answer: Any, first: bool) -> None:
        if first:
            self.count_did_change.emit(self._total, self._capped)

    # --- cells --------------------------------------------------------------------------------

    def cell_text(self, row: CallRow, column: int) -> str:
        return COLUMNS[column].text(row)

    def cell_tooltip(self, row: CallRow, column: int) -> str | None:
        shown = COLUMNS[column]
        return (shown.tooltip or shown.text)(row) or None

    def cell_data(self, row: CallRow, column: int, role: int) -> Any:
        if role == CUSTOMER_ID_ROLE:
            return row.customer_id
        if role == Qt.ItemDataRole.DecorationRole and column == _KIND:
            return icon(f"kind-{row.kind}")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == _DURATION:
            return RIGHT_ALIGNED
        return None

    # --- for the page -------------------------------------------------------------------------

    def call_at(self, position: int) -> CallRow | None:
        return self._held(position)

    def rows_as_text(self, positions: Sequence[int]) -> str:
        """Tab-separated lines of the shown values (masked names stay masked)."""
        rows = (self._rows[p] for p in positions if 0 <= p < len(self._rows))
        return "\n".join("\t".join(c.text(row) for c in COLUMNS) for row in rows)

    def rows_held(self) -> int:
        return len(self._rows)
