"""The Calls page's table: newest calls first, read a keyset page at a time as the view scrolls.

The model asks for the count and the first page together; Qt's fetchMore asks for the next
page when the view nears the end of what is held. Holding stops at ROWS_HELD_MAX (narrowing
the filters reaches older calls), so a long scroll never holds a million rows. Every answer
carries the generation of the filters it was asked for: a late answer to old filters is
dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from shiboken6 import isValid

from desktop_crm.services.calls import CallFilter, CallPage, CallRow, CallService
from desktop_crm.ui.calls.columns import COLUMNS, column_index
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.icons import icon
from desktop_crm.ui.ops import Lane, Operations

CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 200
ROWS_HELD_MAX = 10_000
COUNT_AT_MOST = ROWS_HELD_MAX  # "more than 10,000" is as useful as an exact figure
_ModelIndex = QModelIndex | QPersistentModelIndex
_KIND = column_index("kind")
_DURATION = column_index("duration")


class CallListModel(QAbstractTableModel):
    count_did_change = Signal(int, bool)  # matches, and whether at least COUNT_AT_MOST match
    load_did_fail = Signal(str)

    def __init__(self, calls: CallService, ops: Operations,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._calls = calls
        self._ops = ops
        self._rows: list[CallRow] = []
        self._next_after: Any = None
        self._filters = CallFilter()
        self._generation = 0
        self._loading = False
        self._fetching = False
        self._total = 0
        self._capped = False

    # --- what is shown ------------------------------------------------------------------------

    @property
    def filters(self) -> CallFilter:
        return self._filters

    @property
    def loading(self) -> bool:
        return self._loading or self._fetching

    @property
    def total(self) -> int:
        return self._total

    @property
    def capped(self) -> bool:
        return self._capped

    def set_filters(self, filters: CallFilter) -> None:
        self._filters = filters
        self.reload()

    def reload(self) -> None:
        """Count and read the first page again (new filters, or calls changed)."""
        self._generation += 1
        self._loading, self._fetching = True, False
        generation, filters, calls = self._generation, self._filters, self._calls

        def load() -> tuple[int, CallPage]:
            total = calls.count(filters, at_most=COUNT_AT_MOST)
            return total, calls.page(filters=filters, limit=PAGE_SIZE)

        self._ops.run(load, lane=Lane.READ,
                      on_success=lambda answer: self._loaded(generation, *answer),
                      on_failure=lambda error: self._failed(generation, error))

    def _current(self, generation: int) -> bool:
        """An answer to the filters shown, for a model still alive (its page may be gone)."""
        return isValid(self) and generation == self._generation

    def _loaded(self, generation: int, total: int, page: CallPage) -> None:
        if not self._current(generation):
            return
        self._loading = False
        self.beginResetModel()
        self._rows = list(page.rows)
        self._next_after = page.next_after
        # a call logged between the count and the page read still shows in the figure
        self._total = max(total, len(self._rows))
        self._capped = total >= COUNT_AT_MOST
        self.endResetModel()
        self.count_did_change.emit(self._total, self._capped)

    def _failed(self, generation: int, error: Exception) -> None:
        if self._current(generation):
            self._loading = self._fetching = False
            self.load_did_fail.emit(error_text(error))

    # --- the next page as the view scrolls ----------------------------------------------------

    def canFetchMore(self, parent: _ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return (not parent.isValid() and self._next_after is not None and not self.loading
                and len(self._rows) < ROWS_HELD_MAX)

    def fetchMore(self, parent: _ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation, filters, after, calls = (self._generation, self._filters, self._next_after,
                                             self._calls)
        self._ops.run(lambda: calls.page(filters=filters, after=after, limit=PAGE_SIZE),
                      lane=Lane.READ,
                      on_success=lambda page: self._more_arrived(generation, page),
                      on_failure=lambda error: self._failed(generation, error))

    def _more_arrived(self, generation: int, page: CallPage) -> None:
        if not self._current(generation):
            return
        self._fetching = False
        self._next_after = page.next_after
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()

    # --- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].translated_title()
        return None

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (column.tooltip or column.text)(row) or None
        if role == CUSTOMER_ID_ROLE:
            return row.customer_id
        if role == Qt.ItemDataRole.DecorationRole and index.column() == _KIND:
            return icon(f"kind-{row.kind}")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == _DURATION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # --- for the page -------------------------------------------------------------------------

    def call_at(self, position: int) -> CallRow | None:
        return self._rows[position] if 0 <= position < len(self._rows) else None

    def rows_as_text(self, positions: Sequence[int]) -> str:
        """Tab-separated lines of the shown values (masked names stay masked)."""
        rows = (self._rows[p] for p in positions if 0 <= p < len(self._rows))
        return "\n".join("\t".join(c.text(row) for c in COLUMNS) for row in rows)

    def rows_held(self) -> int:
        return len(self._rows)
