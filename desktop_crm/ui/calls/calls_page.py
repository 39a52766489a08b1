"""The Calls page: every call on the customers this user can see, newest first, filtered by
period, who logged it, outcome and kind.

Enter or a double-click on a call asks for its customer (`customer_requested`); the Log a call
button (present only for roles that may log calls) asks the main window for the dialog. The
page reads again when an operation changed calls or customers, at once when it is shown or
on its next showing otherwise.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)
from shiboken6 import isValid

from desktop_crm.domain.enums import Direction, InteractionKind
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.actor import Actor
from desktop_crm.services.customer_filters import OwnerChoice
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.calls.calls_filter_bar import CallsFilterBar
from desktop_crm.ui.calls.calls_model import CUSTOMER_ID_ROLE, CallListModel
from desktop_crm.ui.calls.columns import column_index
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.icons import icon
from desktop_crm.ui.labels import direction_label, interaction_kind_label
from desktop_crm.ui.list_page import ListPage
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.widgets import QuietMessageLabel, TableOrEmpty, list_table

REFRESHED_BY = ("interaction", "customer")
# Columns of names and free text start this many average characters wide.
_TEXT_WIDTHS = {"customer": 16, "outcome": 10, "by": 12}
_SUMMARY = column_index("summary")
_SUMMARY_LEAST_CHARACTERS = 30


class CallsPage(ListPage):
    customer_requested = Signal(str)
    log_call_requested = Signal()

    def __init__(self, session: CrmSession, ops: Operations, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callsPage")
        self._session = session
        self._ops = ops
        self.model = CallListModel(session.calls, ops, self)

        self.filter_bar = CallsFilterBar(self)
        self.filter_bar.filter_did_change.connect(self._apply_filters)
        today = self._today()
        self.filter_bar.start_custom_range(today.replace(day=1), today)
        self.count_label = QLabel(self.tr("Loading calls…"), self)
        self.count_label.setObjectName("callCountLabel")
        self.log_button: QPushButton | None = None
        if actor.can(Resource.INTERACTION, Action.CREATE):  # absent for roles that may not
            self.log_button = QPushButton(icon("log-call"), self.tr("Log a call"), self)
            self.log_button.setObjectName("logCallButton")
            self.log_button.clicked.connect(self.log_call_requested)
        self.message = QuietMessageLabel("callsMessage", self)

        self.table = self._build_table()
        self._stack = TableOrEmpty(self.table, "callsEmptyLabel", self)
        self.empty_label = self._stack.empty_label

        self.lay_out(self.filter_bar, self.count_label, self.log_button, self.message,
                     self._stack)

        self.model.count_did_change.connect(self._show_count)
        self.model.load_did_fail.connect(self._show_error)
        ops.changes_did_happen.connect(self._on_changes)

    def _build_table(self) -> QTableView:
        table = list_table(self, self.model, "callTable")
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        self._size_columns(table)
        # the summary takes the room left, but never less than a readable width
        table.viewport().installEventFilter(self)
        header.sectionResized.connect(
            lambda number, *_: number != _SUMMARY and self._fit_summary())
        # Enter, and a double-click (or a single click where the platform opens items so)
        table.activated.connect(self._open_index)
        copy = QShortcut(QKeySequence.StandardKey.Copy, table)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(self.copy_selection)
        return table

    def _size_columns(self, table: QTableView) -> None:
        """Widths from the words shown in this language, so a narrow window keeps the summary."""
        metrics, padding = table.fontMetrics(), 18
        header = table.horizontalHeader()

        def widest(texts: list[str]) -> int:
            return max(metrics.horizontalAdvance(t) for t in texts) + padding

        def fits(key: str, samples: list[str], extra: int = 0) -> None:
            number = column_index(key)
            title = str(self.model.headerData(number, Qt.Orientation.Horizontal))
            header.resizeSection(number, max(widest([title]), widest(samples) + extra))

        fits("started", ["2026-12-31 23:59"])
        fits("kind", [interaction_kind_label(k) for k in InteractionKind],
             extra=table.iconSize().width() if table.iconSize().isValid() else 20)
        fits("direction", [direction_label(d) for d in Direction])
        fits("duration", ["10:00"])
        for key, characters in _TEXT_WIDTHS.items():
            header.resizeSection(column_index(key), metrics.averageCharWidth() * characters)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_summary()
        return super().eventFilter(watched, event)

    def _fit_summary(self) -> None:
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(i) for i in range(header.count()) if i != _SUMMARY)
        least = self.table.fontMetrics().averageCharWidth() * _SUMMARY_LEAST_CHARACTERS
        header.resizeSection(_SUMMARY, max(least, self.table.viewport().width() - others))

    # --- loading ------------------------------------------------------------------------------

    def read_again(self) -> None:
        """Read the choices, the count and the first page."""
        self._load_choices()
        self._apply_filters()

    def _load_choices(self) -> None:
        calls = self._session.calls
        self._ops.run(lambda: (calls.known_callers(), calls.known_outcomes()),
                      lane=Lane.READ, on_success=self._show_choices,
                      on_failure=lambda error: self._show_error(error_text(error)))

    def _show_choices(self, answer: tuple[list[OwnerChoice], list[str]]) -> None:
        if not isValid(self):  # the window closed while the choices were read
            return
        callers, outcomes = answer
        self.filter_bar.set_people(callers)
        self.filter_bar.set_outcomes(outcomes)

    def _apply_filters(self) -> None:
        self.message.clear_message()
        first_weekday = QLocale().firstDayOfWeek().value - 1  # Qt counts Monday as 1
        self.model.set_filters(self.filter_bar.current(self._today(),
                                                       first_weekday=first_weekday))

    def _today(self) -> date:
        """Today on this computer's calendar, by the session's clock."""
        return self._session.clock.now().astimezone().date()

    def _on_changes(self, changes: OpChanges) -> None:
        self.refresh_if_changed(any(changes.touches(e) for e in REFRESHED_BY))

    # --- what the page shows ------------------------------------------------------------------

    def _show_error(self, text: str) -> None:
        if not isValid(self):
            return
        self.message.show_error(text)

    def _show_count(self, total: int, capped: bool) -> None:
        if capped:
            text = self.tr("At least %1 calls").replace("%1", QLocale().toString(total))
        else:
            text = self.tr("%Ln call(s)", "", total)
        self.count_label.setText(text)
        self._stack.show_count(total, self._empty_text)

    def _empty_text(self) -> str:
        if self.filter_bar.narrowed():
            return self.tr("No call matches these filters.")
        if self.log_button is not None:
            return self.tr("No calls logged yet.\nLog one with “Log a call” (Ctrl+L).")
        return self.tr("No calls logged yet.")

    # --- acting on rows -----------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        customer_id = self.model.data(index, CUSTOMER_ID_ROLE)
        if customer_id:
            self.customer_requested.emit(customer_id)

    def selected_customer(self) -> tuple[str, str] | None:
        """(id, name as shown) of the current call's customer: Ctrl+L prefills it."""
        index = self.table.currentIndex()
        row = self.model.call_at(index.row()) if index.isValid() else None
        return (row.customer_id, row.customer_name) if row is not None else None

    def copy_selection(self) -> None:
        """Copy the selected calls as shown: masked names stay masked."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if rows:
            QGuiApplication.clipboard().setText(self.model.rows_as_text(rows))

