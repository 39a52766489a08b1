"""The Alerts page: the admins' inbox of sensitive operations, newest first.

Filters by kind, by period and "unacknowledged only"; Acknowledge asks for a note. The
page reads again when an operation changed alerts (or anything that raises them).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)
from shiboken6 import isValid

from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.actor import Actor
from desktop_crm.services.alerts import ALERT_KINDS, AlertView
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.admin.alert_labels import alert_kind_icon, alert_kind_label
from desktop_crm.ui.admin.alerts_ack_dialog import AcknowledgeDialog
from desktop_crm.ui.admin.alerts_model import COLUMNS, AlertQuery, AlertTableModel
from desktop_crm.ui.admin.audit_period import PeriodPicker
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.flow_layout import FlowLayout
from desktop_crm.ui.labels import severity_label
from desktop_crm.ui.list_page import ListPage
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.widgets import QuietMessageLabel, TableOrEmpty, filter_combo, list_table

ALERT_ENTITY = "alert"
# an operation on any of these may have raised an alert
REFRESHED_BY = (ALERT_ENTITY, "audit", "user", "role", "department", "customer")
# columns of names and free text start this many average characters wide
_WIDTHS = {"message": 44, "actor": 12, "acknowledged_by": 12, "note": 24}


class AlertsPage(ListPage):
    alert_did_acknowledge = Signal(str)

    def __init__(self, session: CrmSession, ops: Operations, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertsPage")
        self._session = session
        self._ops = ops
        self.ack_dialog: AcknowledgeDialog | None = None
        self.model = AlertTableModel(session.alerts, ops, self)

        self.kind_combo = filter_combo(self, "alertKindFilter", self.tr("Kind of alert"))
        self.kind_combo.addItem(self.tr("Every kind"), None)
        for kind in ALERT_KINDS:
            self.kind_combo.addItem(alert_kind_icon(kind), alert_kind_label(kind), kind)
        self.period = PeriodPicker("alertPeriod", self.tr("When the alerts were raised"), self)
        today = self._today()
        self.period.prefill(today.replace(day=1), today)
        self.open_only = QCheckBox(self.tr("Unacknowledged only"), self)
        self.open_only.setObjectName("unacknowledgedOnlyCheck")
        self.open_only.setChecked(True)
        self.count_label = QLabel(self.tr("Loading alerts…"), self)
        self.count_label.setObjectName("alertCountLabel")
        self.ack_button: QPushButton | None = None
        if actor.can(Resource.ALERT, Action.UPDATE):  # an auditor reads, and no more
            self.ack_button = QPushButton(self.tr("Acknowledge…"), self)
            self.ack_button.setObjectName("acknowledgeButton")
            self.ack_button.setEnabled(False)
            self.ack_button.clicked.connect(self.acknowledge_selected)
        self.message = QuietMessageLabel("alertsMessage", self)

        self.table = self._build_table()
        self._stack = TableOrEmpty(self.table, "alertsEmptyLabel", self)
        self.empty_label = self._stack.empty_label

        filters = QWidget(self)
        bar = FlowLayout(filters)
        for widget in (self.kind_combo, self.period, self.open_only):
            bar.addWidget(widget)
        self.lay_out(filters, self.count_label, self.ack_button, self.message, self._stack)

        self.kind_combo.currentIndexChanged.connect(self._apply_filters)
        self.period.period_did_change.connect(self._apply_filters)
        self.open_only.toggled.connect(self._apply_filters)
        self.model.count_did_change.connect(self._show_count)
        self.model.load_did_fail.connect(self._show_error)
        self.model.modelReset.connect(self._selection_changed)
        ops.changes_did_happen.connect(self._on_changes)

    def _build_table(self) -> QTableView:
        table = list_table(self, self.model, "alertTable")
        table.horizontalHeader().setStretchLastSection(True)
        self._size_columns(table)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        table.activated.connect(lambda _: self.acknowledge_selected())
        return table

    def _size_columns(self, table: QTableView) -> None:
        """Widths from the words shown in this language: a title is never cut."""
        metrics, header = table.fontMetrics(), table.horizontalHeader()
        samples = {
            "at": ["2026-12-31 23:59"], "acknowledged_at": ["2026-12-31 23:59"],
            "kind": [alert_kind_label(k) + "MM" for k in ALERT_KINDS],
            "severity": [severity_label(s) for s in ("low", "medium", "high", "critical")],
        }
        for number, (key, _) in enumerate(COLUMNS):
            title = str(self.model.headerData(number, Qt.Orientation.Horizontal))
            texts = [title, *samples.get(key, [])]
            least = metrics.averageCharWidth() * _WIDTHS.get(key, 0)
            header.resizeSection(number, max(least, *(metrics.horizontalAdvance(t) + 24
                                                      for t in texts)))

    # --- loading --------------------------------------------------------------------------------

    def read_again(self) -> None:
        self._apply_filters()

    def query(self) -> AlertQuery:
        kind = self.kind_combo.currentData()
        since, until = self.period.moments(self._today())
        return AlertQuery(kinds=(kind,) if kind else None, since=since, until=until,
                          acknowledged=False if self.open_only.isChecked() else None)

    def _apply_filters(self) -> None:
        self.message.clear_message()
        self.model.set_query(self.query())

    def _today(self) -> date:
        return self._session.clock.now().astimezone().date()

    def _on_changes(self, changes: OpChanges) -> None:
        self.refresh_if_changed(any(changes.touches(e) for e in REFRESHED_BY))

    # --- what the page shows --------------------------------------------------------------------

    def _show_error(self, text: str) -> None:
        if isValid(self):
            self.message.show_error(text)

    def _show_count(self, total: int) -> None:
        self.count_label.setText(self.tr("%n alert(s)", "", total))
        self._stack.show_count(total, self._empty_text)

    def _empty_text(self) -> str:
        narrowed = self.kind_combo.currentIndex() > 0 or self.period.narrowed()
        if narrowed:
            return self.tr("No alert matches these filters.")
        if self.open_only.isChecked():
            return self.tr("No alert is waiting: every alert has been acknowledged.")
        return self.tr("No alerts yet. Exports, bulk deletes, bursts of reveals or failed "
                       "sign-ins, role changes, departures, restores and a changed audit "
                       "log raise one here.")

    def selected_alert(self) -> AlertView | None:
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if not rows or not index.isValid():
            return None
        return self.model.alert_at(index.row())

    def _selection_changed(self) -> None:
        if self.ack_button is not None:
            alert = self.selected_alert()
            self.ack_button.setEnabled(alert is not None and not alert.acknowledged)

    # --- acknowledging --------------------------------------------------------------------------

    def acknowledge_selected(self) -> None:
        alert = self.selected_alert()
        if self.ack_button is None or alert is None or alert.acknowledged:
            return
        dialog = AcknowledgeDialog(alert, self)
        dialog.note_submitted.connect(self._acknowledge)
        dialog.finished.connect(dialog.deleteLater)
        self.ack_dialog = dialog
        dialog.open()

    def _acknowledge(self, alert_id: str, note: str) -> None:
        alerts = self._session.alerts
        dialog = self.ack_dialog
        self._ops.run(lambda: alerts.acknowledge(alert_id, note), lane=Lane.WRITE, context=self,
                      changes=OpChanges(frozenset({ALERT_ENTITY, "audit"}), origin=self),
                      on_success=lambda alert: self._acknowledged(dialog, alert),
                      on_failure=lambda error: self._acknowledge_failed(dialog, error))

    def _acknowledged(self, dialog: AcknowledgeDialog | None, alert: AlertView) -> None:
        if dialog is not None and isValid(dialog):
            dialog.accept()
        self.ack_dialog = None
        self.message.show_progress(self.tr("Alert acknowledged."))
        self.alert_did_acknowledge.emit(alert.id)  # the change broadcast reads the list again

    def _acknowledge_failed(self, dialog: AcknowledgeDialog | None, error: Exception) -> None:
        if dialog is not None and isValid(dialog):
            dialog.show_error(error_text(error))
        else:
            self._show_error(error_text(error))

