"""The admin's Departures tab: the departed staff who still hold customers or open work (with
a Reassign… action), the history of departures, and the button that starts the wizard.

A departed user can still hold customers when a laptop synced them in later or an earlier
version left them; Reassign hands those over with the same split as the wizard.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.departure_split import SplitMode
from desktop_crm.services.actor import Actor
from desktop_crm.services.departure import AwaitingReassignment, DepartureView
from desktop_crm.services.departure_moves import Moved
from desktop_crm.services.org_views import DepartmentView, UserView
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.admin.departure_pages import note_label
from desktop_crm.ui.admin.departure_receivers import ReceiverChooser
from desktop_crm.ui.admin.departure_wizard import DEPARTURE_CHANGES, DepartureWizard
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.moments import local_text
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.widgets import QuietMessageLabel, dialog_buttons

REFRESHED_BY = ("departure", "user", "customer")

_STATES = {
    "frozen": QT_TRANSLATE_NOOP("DeparturesPage", "Frozen, not yet departed"),
    "committed": QT_TRANSLATE_NOOP("DeparturesPage", "Departed, key work pending"),
    "done": QT_TRANSLATE_NOOP("DeparturesPage", "Departed"),
    "cancelled": QT_TRANSLATE_NOOP("DeparturesPage", "Cancelled"),
}


def state_text(state: str) -> str:
    source = _STATES.get(state)
    return QCoreApplication.translate("DeparturesPage", source) if source else state


@dataclass(frozen=True)
class DeparturesOverview:
    history: list[DepartureView]
    awaiting: list[AwaitingReassignment]
    users: list[UserView]  # not departed: the people who may receive
    departments: dict[str, str]


def _person(username: str, display_name: str) -> str:
    if display_name and display_name != username:
        return f"{display_name} ({username})"
    return username


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the person's name
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], numbers: range = range(0)) -> None:
    table.setRowCount(len(rows))
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in numbers:
                item.setTextAlignment(right)
            table.setItem(r, c, item)


def _fit_rows(table: QTableWidget, most: int) -> None:
    """As tall as its rows (up to `most`): a short list leaves room for the history."""
    shown = max(1, min(table.rowCount(), most))
    table.setMaximumHeight(table.horizontalHeader().sizeHint().height()
                           + shown * table.verticalHeader().defaultSectionSize()
                           + 2 * table.frameWidth() + 2)


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


class ReassignDialog(QDialog):
    """Choose who takes a departed user's leftovers; Reassign runs on the write lane."""

    def __init__(self, session: CrmSession, ops: Operations, awaiting: AwaitingReassignment,
                 overview: DeparturesOverview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reassignDialog")
        self.setWindowTitle(self.tr("Reassign what is left"))
        self._session = session
        self._ops = ops
        self.awaiting = awaiting
        self.moved: Moved | None = None
        departures = session.departures
        name = _person(awaiting.username, awaiting.display_name)
        intro = note_label(self.tr(
            "%1 has departed but still holds customers or open work. Choose who takes it; "
            "their name stays on each customer's ownership history.").replace("%1", name), self)
        self.chooser = ReceiverChooser(
            ops, lambda ids, mode: departures.preview(awaiting.user_id, ids, mode), self)
        self.chooser.set_candidates(overview.users, overview.departments)
        self.message = QuietMessageLabel("reassignMessage", self)
        buttons, self.reassign_button, _cancel = dialog_buttons(
            self, accept_text=self.tr("Reassign"), accept_name="reassignConfirmButton",
            reject_text=self.tr("Cancel"))
        buttons.accepted.connect(self._reassign)
        buttons.rejected.connect(self.reject)
        self.chooser.choice_did_change.connect(self._update_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.chooser, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, 560)
        self._busy = False
        self._update_button()

    @property
    def busy(self) -> bool:
        return self._busy

    def _update_button(self) -> None:
        self.reassign_button.setEnabled(self.chooser.ready and not self._busy)

    def _reassign(self) -> None:
        if not self.chooser.ready or self._busy:
            return
        departures, user_id = self._session.departures, self.awaiting.user_id
        receivers: list[str] = self.chooser.receiver_ids
        mode: SplitMode = self.chooser.mode
        self._busy = True
        self._update_button()
        self.message.show_progress(self.tr("Reassigning…"))
        self._ops.run(lambda: departures.reassign_remaining(user_id, receivers, mode),
                      on_success=self._done, on_failure=self._failed, lane=Lane.WRITE,
                      changes=OpChanges(DEPARTURE_CHANGES, origin=self), context=self)

    def _done(self, moved: Moved) -> None:
        self._busy = False
        self.moved = moved
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._busy = False
        self.message.show_error(error_text(error))
        self._update_button()


class DeparturesPage(QWidget):
    def __init__(self, session: CrmSession, ops: Operations, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("departuresPage")
        self._session = session
        self._ops = ops
        self._actor = actor
        self.loading = False
        self.overview: DeparturesOverview | None = None
        self.wizard: DepartureWizard | None = None
        self.reassign_dialog: ReassignDialog | None = None

        self.start_button = QPushButton(self.tr("Start a departure…"), self)
        self.start_button.setObjectName("startDepartureButton")
        self.start_button.clicked.connect(lambda: self.start_departure())
        intro = note_label(self.tr(
            "When someone leaves, the departure wizard ends their access on every device and "
            "hands their customers to the people you choose."), self)
        self.message = QuietMessageLabel("departuresMessage", self)

        self.awaiting_table = _table(self, "awaitingTable", [
            self.tr("Person"), self.tr("Departed on"), self.tr("Customers"),
            self.tr("Open reminders"), self.tr("Open complaints"), self.tr("Direct reports")])
        self.awaiting_table.itemSelectionChanged.connect(self._update_buttons)
        self.awaiting_table.doubleClicked.connect(lambda _index: self.reassign())
        self.awaiting_empty = note_label(self.tr(
            "Nobody: every departed person's customers and open work have a new owner."),
            self, "awaitingEmpty")
        self.reassign_button = QPushButton(self.tr("Reassign…"), self)
        self.reassign_button.setObjectName("reassignButton")
        self.reassign_button.clicked.connect(self.reassign)

        self.history_table = _table(self, "departureHistoryTable", [
            self.tr("Person"), self.tr("State"), self.tr("Frozen on"), self.tr("Departed on"),
            self.tr("Finished on")])
        self.history_empty = note_label(self.tr("No departures yet."), self, "historyEmpty")

        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignTop)
        reassign_row = QHBoxLayout()
        reassign_row.addWidget(self.reassign_button)
        reassign_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(_heading(self.tr("Departed staff awaiting reassignment"), self))
        layout.addWidget(self.awaiting_empty)
        layout.addWidget(self.awaiting_table)
        layout.addLayout(reassign_row)
        layout.addWidget(_heading(self.tr("Departures"), self))
        layout.addWidget(self.history_empty)
        layout.addWidget(self.history_table, 1)
        ops.changes_did_happen.connect(self._on_changes)
        self._update_buttons()
        self.reload()

    # --- reading -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.loading = True
        session = self._session

        def read() -> DeparturesOverview:
            departments: list[DepartmentView] = session.departments.list()
            return DeparturesOverview(
                session.departures.history(), session.departures.awaiting_reassignment(),
                session.users.list(include_departed=False), {d.id: d.name for d in departments})

        self._ops.run(read, on_success=self._show, on_failure=self._show_error,
                      lane=Lane.READ, context=self)

    def _show(self, overview: DeparturesOverview) -> None:
        self.loading = False
        self.overview = overview
        _fill(self.awaiting_table, [
            [_person(a.username, a.display_name),
             local_text(a.departed_at) if a.departed_at else "",
             str(a.holdings.customers), str(a.holdings.open_reminders),
             str(a.holdings.open_complaints), str(a.holdings.direct_reports)]
            for a in overview.awaiting], numbers=range(2, 6))
        _fit_rows(self.awaiting_table, 6)
        _fill(self.history_table, [
            [_person(d.username, d.display_name), state_text(d.state), local_text(d.frozen_at),
             local_text(d.committed_at) if d.committed_at else "",
             local_text(d.finished_at) if d.finished_at else ""]
            for d in overview.history])
        self.awaiting_empty.setVisible(not overview.awaiting)
        self.awaiting_table.setVisible(bool(overview.awaiting))
        self.reassign_button.setVisible(bool(overview.awaiting))
        self.history_empty.setVisible(not overview.history)
        self.history_table.setVisible(bool(overview.history))
        if overview.awaiting and not self.awaiting_table.selectedItems():
            self.awaiting_table.selectRow(0)
        self._update_buttons()

    def _show_error(self, error: Exception) -> None:
        self.loading = False
        self.message.show_error(error_text(error))

    def _on_changes(self, changes: OpChanges) -> None:
        if any(changes.touches(e) for e in REFRESHED_BY):
            self.reload()

    def _update_buttons(self) -> None:
        self.reassign_button.setEnabled(self.selected_awaiting() is not None)

    def selected_awaiting(self) -> AwaitingReassignment | None:
        rows = self.awaiting_table.selectionModel().selectedRows()
        if self.overview is None or not rows:
            return None
        row = rows[0].row()
        return self.overview.awaiting[row] if row < len(self.overview.awaiting) else None

    # --- actions -------------------------------------------------------------------------------

    def start_departure(self, user_id: str | None = None) -> DepartureWizard:
        """Open the wizard (with `user_id` chosen already when the Users tab asked)."""
        if self.wizard is not None:
            self.wizard.raise_()
            return self.wizard
        wizard = DepartureWizard(self._session, self._ops, self._actor, self, user_id=user_id)
        wizard.finished.connect(lambda _result: self._forget_wizard(wizard))
        self.wizard = wizard
        wizard.open()
        return wizard

    def _forget_wizard(self, wizard: DepartureWizard) -> None:
        if self.wizard is wizard:
            self.wizard = None
        wizard.deleteLater()
        self.reload()

    def reassign(self) -> None:
        awaiting = self.selected_awaiting()
        if awaiting is None or self.overview is None or self.reassign_dialog is not None:
            return
        dialog = ReassignDialog(self._session, self._ops, awaiting, self.overview, self)
        dialog.finished.connect(lambda _result: self._forget_reassign(dialog))
        self.reassign_dialog = dialog
        dialog.open()

    def _forget_reassign(self, dialog: ReassignDialog) -> None:
        if self.reassign_dialog is dialog:
            self.reassign_dialog = None
        if dialog.moved is not None:
            name = _person(dialog.awaiting.username, dialog.awaiting.display_name)
            self.message.show_progress(self.tr(
                "%n customer(s) of %1 reassigned.", "", sum(dialog.moved.customers.values()))
                .replace("%1", name))
        dialog.deleteLater()
