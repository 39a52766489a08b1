"""The Customers page: filters, the count of matches, and the list itself.

Typing in the main window's search box lands in `set_search_text`; after a short pause the
list shows the matches (search runs on the read lane, off the GUI thread). Clicking the Name
or Updated header sorts; Enter or a double-click opens the customer.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.services.customer_filters import CustomerFilter, FilterChoices, ListView
from desktop_crm.services.customers import CustomerService
from desktop_crm.ui.customers.filter_bar import FilterBar
from desktop_crm.ui.customers.list_model import CUSTOMER_ID_ROLE, CustomerListModel, ListQuery
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.ops import Lane, Operations
from desktop_crm.ui.widgets import QuietMessageLabel, list_table

# A burst (a paste, an input method committing several characters) coalesces within this
# pause; keystrokes a person types are further apart and each is searched. The answer must
# land within 100 ms of the last keystroke and a search reads in 2-65 ms on a million
# customers; an answer to an older text is dropped.
SEARCH_PAUSE_MS = 15


class CustomersPage(QWidget):
    customer_did_open = Signal(str)

    def __init__(self, customers: CustomerService, ops: Operations,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customersPage")
        self._customers = customers
        self._ops = ops
        self.model = CustomerListModel(customers, ops, self)
        self._search_text = ""
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self._apply_query)

        self.filter_bar = FilterBar(self)
        self.filter_bar.filter_did_change.connect(lambda _: self._apply_query())
        self.count_label = QLabel(self.tr("Loading customers…"), self)
        self.count_label.setObjectName("customerCountLabel")
        self.message = QuietMessageLabel("customersMessage", self)

        self.table = self._build_table()
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("customersEmptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(placeholder-text); font-size: 13pt; "
                                       "padding: 40px;")
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty_label)

        top = QHBoxLayout()
        top.addWidget(self.filter_bar, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self._stack, 1)

        self.model.count_did_change.connect(self._show_count)
        self.model.load_did_fail.connect(self._show_error)
        self.model.query_did_load.connect(self._query_loaded)
        self._kept_place: tuple[int, int] | None = None  # (row, scroll) across a refresh

    def _build_table(self) -> QTableView:
        table = list_table(self, self.model, "customerTable")
        table.setDragEnabled(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._header_clicked)
        header.setDefaultSectionSize(130)
        header.resizeSection(0, 160)
        # Enter or a double-click (Qt sends both as "activated"; doubleClicked would open twice)
        table.activated.connect(self._open_index)
        copy = QShortcut(QKeySequence.StandardKey.Copy, table)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(self.copy_selection)
        return table

    # --- loading ------------------------------------------------------------------------------

    def start(self) -> None:
        """Read the first page and the filter choices (the page has just been shown)."""
        self._apply_query()
        customers = self._customers
        self._ops.run(lambda: (customers.available_views(), customers.filter_choices()),
                      lane=Lane.READ, context=self, on_success=self._show_choices,
                      on_failure=lambda error: self._show_error(error_text(error)))

    def _show_choices(self, answer: tuple[list[ListView], FilterChoices]) -> None:
        views, choices = answer
        self.filter_bar.set_views(views)
        self.filter_bar.set_choices(choices)
        self.model.owner_names = {o.id: o.display_name or o.username for o in choices.owners}
        self._repaint_owner_column()

    def _repaint_owner_column(self) -> None:
        rows = self.model.rowCount()
        if rows:
            column = next(i for i in range(self.model.columnCount())
                          if self.model.column(i).key == "owner")
            self.model.dataChanged.emit(self.model.index(0, column),
                                        self.model.index(rows - 1, column))

    def refresh(self) -> None:
        """Something changed in the vault: count and read again, keeping the place."""
        self._kept_place = (self.table.currentIndex().row(),
                            self.table.verticalScrollBar().value())
        self.model.reload()

    def set_search_text(self, text: str) -> None:
        self._search_text = text
        self._search_timer.start()

    def _apply_query(self) -> None:
        self._search_timer.stop()
        header = self.table.horizontalHeader()
        order = self.model.column(header.sortIndicatorSection()).order or "name"
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        header.setSortIndicatorShown(not self._search_text.strip())  # matches rank by relevance
        self.message.clear_message()
        self.model.set_query(ListQuery(self._search_text, order, descending,
                                       self.filter_bar.current()))

    def _header_clicked(self, section: int) -> None:
        header = self.table.horizontalHeader()
        query = self.model.query
        if not self.model.sortable(section) or query.searching:
            # Qt already moved the indicator: put it back on the order actually shown
            header.blockSignals(True)
            header.setSortIndicator(self.model.column_of_order(query.order),
                                    Qt.SortOrder.DescendingOrder if query.descending
                                    else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
            return
        self._apply_query()

    # --- what the page shows ------------------------------------------------------------------

    def _show_error(self, text: str) -> None:
        self.message.show_error(text)

    def _show_count(self, total: int, capped: bool) -> None:
        query = self.model.query
        number = QLocale().toString(total)
        if query.searching and capped:
            text = self.tr("More than %1 matches: type more to narrow them").replace(
                "%1", number)
        elif query.searching:
            text = self.tr("%Ln match(es)", "", total)
        else:
            text = self.tr("%Ln customer(s)", "", total)
        self.count_label.setText(text)
        self._stack.setCurrentWidget(self.table if total else self.empty_label)
        if not total:
            self.empty_label.setText(self._empty_text(query))

    def _empty_text(self, query: ListQuery) -> str:
        if query.searching:
            return self.tr("No customer matches “%1”.\nTry part of the name, the pinyin "
                           "initials (zw for 张伟) or a few digits of the phone.").replace(
                "%1", query.text.strip())
        if query.filters != CustomerFilter(view=query.filters.view):
            return self.tr("No customer matches these filters.")
        return self.tr("No customers to show here yet.")

    def _query_loaded(self, fresh: bool) -> None:
        """A new query starts at its first row; a refresh puts the person back where they were."""
        kept, self._kept_place = self._kept_place, None
        rows = self.model.rowCount()
        if not rows:
            return
        row, scroll = (0, 0) if fresh or kept is None else kept
        self.table.selectionModel().setCurrentIndex(
            self.model.index(min(max(row, 0), rows - 1), 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.verticalScrollBar().setValue(scroll)

    # --- acting on rows -----------------------------------------------------------------------

    def selected_customer(self) -> tuple[str, str] | None:
        """(id, name as shown) of the current row, or None."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.model.customer_at(index.row())
        return (row.id, row.name) if row is not None else None

    def _open_index(self, index: QModelIndex) -> None:
        customer_id = self.model.data(index, CUSTOMER_ID_ROLE)
        if customer_id:
            self.customer_did_open.emit(customer_id)

    def copy_selection(self) -> None:
        """Copy the selected rows as shown: masked values stay masked."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if rows:
            QGuiApplication.clipboard().setText(self.model.rows_as_text(rows))
