"""The customer list as a Qt table model that never holds the whole list.

The model knows how many customers match and holds a window of pages (row_window.py). A row
the view asks for that is not here yet shows empty while its page is read on the read lane;
when the page arrives its rows repaint. A new query (order, filters or search text) keeps the
old rows on screen until the new count and first page are both in, so the list never flashes
empty. Every answer carries the query generation it was asked for: a late answer to an old
query is dropped.

Values arrive masked from the service; the model shows, copies and drags exactly what arrived.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop_crm.services.customer_filters import CustomerFilter
from desktop_crm.services.customer_views import CustomerRow
from desktop_crm.services.customers import CustomerService, Order
from desktop_crm.ui.customers.columns import (
    COLUMNS,
    OWNER_COLUMN,
    Column,
    column_title,
    shown_texts,
)
from desktop_crm.ui.customers.row_window import PageRequest, RowWindow
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.ops import Lane, Operations

CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# data() runs for every role of every painted cell: plain ints compare fastest
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ID = int(CUSTOMER_ID_ROLE)
# asked for every painted cell too; combining enum flags in Python each time cost ~3 µs
_ROW_FLAGS = (Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
              | Qt.ItemFlag.ItemIsDragEnabled)
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
IDS_MIME_TYPE = "application/x-desktop-crm-customer-ids"
SEARCH_LIMIT = 100
_ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ListQuery:
    """What the list shows: browsing in an order, or the matches of a search text."""

    text: str = ""
    order: Order = "name"
    descending: bool = False
    filters: CustomerFilter = field(default_factory=CustomerFilter)

    @property
    def searching(self) -> bool:
        return bool(self.text.strip())


class Shown(NamedTuple):
    """A row as the list holds it: the customer and its cells' texts, made off the GUI thread."""

    customer: CustomerRow
    texts: tuple[str, ...]


def _shown(rows: Sequence[CustomerRow]) -> list[Shown]:
    return [Shown(row, shown_texts(row)) for row in rows]


@dataclass(frozen=True)
class _Loaded:
    total: int
    rows: Sequence[Shown]
    next_after: tuple[Any, ...] | None
    capped: bool  # a search that stopped at SEARCH_LIMIT: more match than are shown


class CustomerListModel(QAbstractTableModel):
    count_did_change = Signal(int, bool)  # matches, and whether more match than are listed
    load_did_fail = Signal(str)
    query_did_load = Signal(bool)  # True for a new query, False for a refresh of the same one

    def __init__(self, customers: CustomerService, ops: Operations,
                 parent: QObject | None = None, *,
                 window: RowWindow[Shown] | None = None) -> None:
        super().__init__(parent)
        self._customers = customers
        self._ops = ops
        self._window: RowWindow[Shown] = window or RowWindow()
        self._total = 0
        self._capped = False
        self._query = ListQuery()
        self._generation = 0
        self._loading = False
        self._fresh = True
        self.owner_names: dict[str, str] = {}

    # --- what is shown ------------------------------------------------------------------------

    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def total(self) -> int:
        return self._total

    def set_query(self, query: ListQuery) -> None:
        self._query = query
        self._load_query(fresh=True)

    def reload(self) -> None:
        """Ask again for the count and the first page: the vault changed under this query."""
        self._load_query(fresh=False)

    def _load_query(self, *, fresh: bool) -> None:
        self._generation += 1
        self._fresh = fresh
        generation, query = self._generation, self._query
        self._loading = True
        self._ops.run(lambda: self._load(query), lane=Lane.READ, context=self,
                      on_success=lambda loaded: self._loaded(generation, loaded),
                      on_failure=lambda error: self._failed(generation, error))

    def _load(self, query: ListQuery) -> _Loaded:  # on a worker thread
        customers = self._customers
        if query.searching:
            # one more than shown tells "more match" from "exactly this many"
            rows = customers.search(query.text, limit=SEARCH_LIMIT + 1, filters=query.filters)
            return _Loaded(len(rows), _shown(rows[:SEARCH_LIMIT]), None,
                           len(rows) > SEARCH_LIMIT)
        total = customers.count(filters=query.filters)
        page = customers.list_page(order=query.order, descending=query.descending,
                                   limit=self._window.page_size, filters=query.filters)
        return _Loaded(total, _shown(page.rows), page.next_after, False)

    def _loaded(self, generation: int, loaded: _Loaded) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.beginResetModel()
        self._total = loaded.total if not self._query.searching else len(loaded.rows)
        self._capped = loaded.capped
        if self._query.searching:
            self._window.seed(self._search_pages(loaded.rows))
        else:
            self._window.seed([(0, loaded.rows, loaded.next_after)])
        self.endResetModel()
        self.count_did_change.emit(self._total, self._capped)
        self.query_did_load.emit(self._fresh)

    def _search_pages(self, rows: Sequence[Shown]) -> list[tuple[int, Sequence[Shown], None]]:
        size = self._window.page_size
        return [(i // size, rows[i:i + size], None) for i in range(0, len(rows), size)]

    def _failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            self._loading = False
            self.load_did_fail.emit(error_text(error))

    # --- pages on demand ----------------------------------------------------------------------

    def _ask_for_pages(self) -> None:
        if self._loading:
            return  # the rows on screen are the old query's: their keys mean nothing to the new
        for request in self._window.next_requests():
            self._ask(request)

    def _ask(self, request: PageRequest) -> None:
        generation, query, size = self._generation, self._query, self._window.page_size
        customers = self._customers

        def read() -> tuple[Sequence[Shown], tuple[Any, ...] | None]:
            if request.after is not None:
                page = customers.list_page(order=query.order, descending=query.descending,
                                           after=request.after, limit=size,
                                           filters=query.filters)
            else:
                page = customers.page_at(request.index * size, order=query.order,
                                         descending=query.descending, limit=size,
                                         filters=query.filters)
            return _shown(page.rows), page.next_after

        self._ops.run(read, lane=Lane.READ, context=self,
                      on_success=lambda page: self._page_arrived(generation, request, *page),
                      on_failure=lambda error: self._page_failed(generation, request, error))

    def _page_arrived(self, generation: int, request: PageRequest,
                      rows: Sequence[Shown], next_after: tuple[Any, ...] | None) -> None:
        if generation != self._generation:
            return
        self._window.store(request.index, rows, next_after)
        first, last = self._window.span(request.index)
        last = min(last, self._total - 1)
        if first <= last:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self._ask_for_pages()

    def _page_failed(self, generation: int, request: PageRequest, error: Exception) -> None:
        if generation != self._generation:
            return
        self._window.failed(request.index)
        self.load_did_fail.emit(error_text(error))

    # --- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_title(COLUMNS[section])
        return None

    def data(self, index: _ModelIndex, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY and role != _TOOLTIP and role != _ID:
            return None  # most roles Qt asks for while painting: answered first, cheaply
        shown = self._shown_at(index.row())
        if shown is None:
            return None
        if role == _ID:
            return shown.customer.id
        column = index.column()
        if column == OWNER_COLUMN:
            return self.owner_names.get(shown.customer.owner_id or "", "")
        if role == _DISPLAY:
            return shown.texts[column]
        return COLUMNS[column].tooltip(shown.customer)

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else _NO_FLAGS

    def mimeTypes(self) -> list[str]:
        return ["text/plain", IDS_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Dragged rows carry what the list shows (masked values stay masked) and the ids."""
        mime = QMimeData()
        mime.setText(self.rows_as_text(sorted({i.row() for i in indexes})))
        ids = [shown.customer.id for shown in self._held(i.row() for i in indexes)]
        mime.setData(IDS_MIME_TYPE, "\n".join(dict.fromkeys(ids)).encode())
        return mime

    # --- for the page -------------------------------------------------------------------------

    def customer_at(self, position: int) -> CustomerRow | None:
        """The row at a position, or None while its page is on its way (now asked for)."""
        shown = self._shown_at(position)
        return None if shown is None else shown.customer

    def _shown_at(self, position: int) -> Shown | None:
        if not 0 <= position < self._total:
            return None
        shown = self._window.row(position)
        if shown is None and not self._query.searching:
            self._ask_for_pages()
        return shown

    def rows_as_text(self, positions: Sequence[int]) -> str:
        """Tab-separated lines of the shown values: what copy puts on the clipboard."""
        lines = []
        for shown in self._held(positions):
            texts = list(shown.texts)
            texts[OWNER_COLUMN] = self.owner_names.get(shown.customer.owner_id or "", "")
            lines.append("\t".join(texts))
        return "\n".join(lines)

    def _held(self, positions: Any) -> list[Shown]:
        rows = (self._window.row(p) for p in positions if 0 <= p < self._total)
        return [row for row in rows if row is not None]

    def rows_held(self) -> int:
        return self._window.rows_held()

    def sortable(self, column: int) -> bool:
        return COLUMNS[column].order is not None

    def column(self, number: int) -> Column:
        return COLUMNS[number]

    def column_of_order(self, order: Order) -> int:
        return next(i for i, c in enumerate(COLUMNS) if c.order == order)
