"""What the list tables share: rows held in a list under translated column titles, and the
keyset paging that reads the next page as the view scrolls.

A subclass says what a cell shows (`cell_text`, and `cell_tooltip` / `cell_data` for the
other roles); a paged one also says how to read its first and next pages. Every answer
carries the generation of the query it was asked for: a late answer to an old query is
dropped, and so is one for a model that is gone (its page closed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from shiboken6 import isValid

from desktop_crm.ui.errors import error_text
from desktop_crm.ui.ops import Lane, Operations

RowT = TypeVar("RowT")
ModelIndex = QModelIndex | QPersistentModelIndex
RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """A flat table of held rows; `titles` are English source texts in `title_context`."""

    title_context: ClassVar[str]
    titles: ClassVar[Sequence[str]]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    def cell_text(self, row: RowT, column: int) -> str:
        raise NotImplementedError

    def cell_tooltip(self, row: RowT, column: int) -> str | None:
        return self.cell_text(row, column) or None

    def cell_data(self, row: RowT, column: int, role: int) -> Any:
        """Any role but the text and its tooltip."""
        return None

    def _held(self, position: int) -> RowT | None:
        return self._rows[position] if 0 <= position < len(self._rows) else None

    # --- QAbstractTableModel --------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.titles):
            return QCoreApplication.translate(self.title_context, self.titles[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell_tooltip(row, column)
        return self.cell_data(row, column, role)


@dataclass(frozen=True)
class KeysetPage(Generic[RowT]):
    """The rows of one page and where the next page starts (None: nothing is left)."""

    rows: Sequence[RowT]
    next_cursor: Any


class KeysetTableModel(RowTableModel[RowT]):
    """Rows read a page at a time on the read lane: the first with `reload`, the next ones
    as Qt's fetchMore asks while the view nears the end of what is held."""

    load_did_fail = Signal(str)
    rows_held_max: ClassVar[int | None] = None  # past it, narrowing the filters reaches more

    def __init__(self, ops: Operations, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._generation = 0
        self._first_page_loading = False
        self._fetching = False
        self._cursor: Any = None

    # --- what a subclass says -------------------------------------------------------------------

    def first_page_work(self) -> Callable[[], Any]:
        """The read of the first page (and any count with it), run off the GUI thread."""
        raise NotImplementedError

    def next_page_work(self, cursor: Any) -> Callable[[], Any]:
        raise NotImplementedError

    def first_page(self, answer: Any) -> KeysetPage[RowT]:
        """The first answer's page; called while the rows reset, so counts are kept here."""
        raise NotImplementedError

    def next_page(self, answer: Any) -> KeysetPage[RowT]:
        raise NotImplementedError

    def page_did_arrive(self, answer: Any, first: bool) -> None:
        """After the rows of a page are in (to announce a count, or read on)."""

    # --- loading --------------------------------------------------------------------------------

    @property
    def reading(self) -> bool:
        return self._first_page_loading or self._fetching

    def reload(self) -> None:
        self._generation += 1
        self._first_page_loading, self._fetching = True, False
        self._read(self.first_page_work(), self._first_page_arrived)

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return (not parent.isValid() and self._cursor is not None and not self.reading
                and (self.rows_held_max is None or len(self._rows) < self.rows_held_max))

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        self._read(self.next_page_work(self._cursor), self._next_page_arrived)

    def _read(self, work: Callable[[], Any], arrived: Callable[[Any], None]) -> None:
        generation = self._generation

        def answered(answer: Any) -> None:
            if self._current(generation):
                arrived(answer)

        def failed(error: Exception) -> None:
            if self._current(generation):
                self.read_did_fail(error)

        self._ops.run(work, lane=Lane.READ, context=self, on_success=answered, on_failure=failed)

    def _current(self, generation: int) -> bool:
        return isValid(self) and generation == self._generation

    def _first_page_arrived(self, answer: Any) -> None:
        self._first_page_loading = False
        self.beginResetModel()
        page = self.first_page(answer)
        self._rows = list(page.rows)
        self._cursor = page.next_cursor
        self.endResetModel()
        self.page_did_arrive(answer, first=True)

    def _next_page_arrived(self, answer: Any) -> None:
        self._fetching = False
        page = self.next_page(answer)
        self._cursor = page.next_cursor
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self.page_did_arrive(answer, first=False)

    def read_did_fail(self, error: Exception) -> None:
        self._first_page_loading = self._fetching = False
        self.load_did_fail.emit(error_text(error))
