"""The Audit page: the log newest first, filtered off the GUI thread and read lazily by seq;
Verify chain; Export… (audited, and it raises an admin alert).

A double-click opens the customer an event names when it still exists (`open_customer`,
which the admin console connects); a user, role or department shows in the details pane.
The file dialog sits behind `ask_export_path`, a seam a test replaces.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.security.audit_chain import ChainReport
from desktop_crm.services.actor import Actor
from desktop_crm.services.audit_log import (
    AuditActor,
    AuditEntry,
    EntityDetails,
    ExportFailed,
    ExportSummary,
)
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.admin.audit_details import AuditDetailsPane
from desktop_crm.ui.admin.audit_filter_bar import AuditFilterBar
from desktop_crm.ui.admin.audit_model import COLUMNS, AuditTableModel
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.list_page import ListPage
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.widgets import QuietMessageLabel, list_table

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
SHOWN_IN_PANE = (Resource.USER, Resource.ROLE, Resource.DEPARTMENT)
# columns of names and free text start this many average characters wide
_WIDTHS = {"seq": 7, "at": 16, "actor": 14, "action": 22, "entity": 10, "entity_id": 24,
           "detail": 40}

ExportPathAsker = Callable[[QWidget, str, Path], Path | None]


def ask_export_path(parent: QWidget, title: str, start: Path) -> Path | None:
    """The save dialog (tests replace the page's `ask_export_path` instead)."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, title, str(start),
        QCoreApplication.translate("AuditPage", "CSV for Excel (*.csv);;JSON lines (*.jsonl)"))
    return Path(chosen) if chosen else None


class AuditPage(ListPage):
    open_customer = Signal(str)

    def __init__(self, session: CrmSession, ops: Operations, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditPage")
        self._session = session
        self._ops = ops
        self.ask_export_path: ExportPathAsker = ask_export_path
        self.model = AuditTableModel(session.audit, ops, self)

        self.filter_bar = AuditFilterBar(self._today(), self)
        self.filter_bar.filter_did_change.connect(self._apply_filters)
        self.verify_button = QPushButton(self.tr("Verify chain"), self)
        self.verify_button.setObjectName("verifyChainButton")
        self.verify_button.clicked.connect(self.verify_chain)
        self.export_button: QPushButton | None = None
        if actor.can(Resource.AUDIT, Action.EXPORT):
            self.export_button = QPushButton(self.tr("Export…"), self)
            self.export_button.setObjectName("exportAuditButton")
            self.export_button.clicked.connect(self.export_log)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("auditStatusLabel")
        self.chain_label = QuietMessageLabel("chainResultLabel", self)
        self.message = QuietMessageLabel("auditMessage", self)

        self.table = self._build_table()
        self.details = AuditDetailsPane(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.verify_button)
        if self.export_button is not None:
            buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self.filter_bar)
        layout.addLayout(buttons)
        layout.addWidget(self.chain_label)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

        self.model.progress_did_change.connect(self._show_progress)
        self.model.load_did_fail.connect(self._show_error)
        self.model.modelReset.connect(lambda: self.details.show_entry(None))
        ops.changes_did_happen.connect(self._on_changes)

    def _build_table(self) -> QTableView:
        table = list_table(self, self.model, "auditTable")
        table.horizontalHeader().setStretchLastSection(True)
        metrics = table.fontMetrics()
        for number, (key, _) in enumerate(COLUMNS):
            title = str(self.model.headerData(number, Qt.Orientation.Horizontal))
            sample = "2026-12-31 23:59" if key == "at" else ""
            table.horizontalHeader().resizeSection(
                number, max(metrics.horizontalAdvance(title) + 24,
                            metrics.horizontalAdvance(sample) + 18,
                            metrics.averageCharWidth() * _WIDTHS[key]))
        table.selectionModel().currentRowChanged.connect(
            lambda current, _: self.details.show_entry(self.model.entry_at(current.row())))
        table.activated.connect(self._open_index)
        return table

    # --- loading --------------------------------------------------------------------------------

    def read_again(self) -> None:
        self._load_choices()
        self._apply_filters()

    def _load_choices(self) -> None:
        audit = self._session.audit
        self._ops.run(lambda: (audit.actors(), audit.known_actions()), lane=Lane.READ,
                      context=self, on_success=self._show_choices,
                      on_failure=lambda error: self._show_error(error_text(error)))

    def _show_choices(self, answer: tuple[list[AuditActor], list[str]]) -> None:
        actors, actions = answer
        self.filter_bar.set_actors(actors)
        self.filter_bar.set_actions(actions)

    def _apply_filters(self) -> None:
        self.message.clear_message()
        self.model.set_query(self.filter_bar.query(self._today()))

    def _today(self) -> date:
        return self._session.clock.now().astimezone().date()

    def _on_changes(self, changes: OpChanges) -> None:
        # every change writes an audit event; read again unless this page made it
        self.refresh_if_changed(changes.origin is not self)

    # --- what the page shows --------------------------------------------------------------------

    def _show_error(self, text: str) -> None:
        if isValid(self):
            self.message.show_error(text)

    def _show_progress(self, rows: int, searching: bool, searched_to: object) -> None:
        if searching and searched_to is not None:
            text = self.tr("%n event(s) found so far; searching older events (before #%1)…",
                           "", rows).replace("%1", str(searched_to))
        elif searching:
            text = self.tr("Searching…")
        elif rows:
            text = self.tr("%n event(s) shown; scroll for older ones.", "", rows) \
                if self.model.canFetchMore() else self.tr("%n event(s).", "", rows)
        elif self.filter_bar.narrowed():
            text = self.tr("No event matches these filters.")
        else:
            text = self.tr("The audit log is empty.")
        self.status_label.setText(text)

    def _open_index(self, index: QModelIndex) -> None:
        entry = self.model.entry_at(index.row())
        if entry is None:
            return
        self.details.show_entry(entry)
        audit = self._session.audit
        if entry.entity == Resource.CUSTOMER and entry.entity_id:
            self._ops.run(lambda: audit.entity_exists(entry.entity, entry.entity_id),
                          lane=Lane.READ, context=self,
                          on_success=lambda exists: self._open_customer(entry, exists),
                          on_failure=lambda error: self._show_error(error_text(error)))
        elif entry.entity in SHOWN_IN_PANE and entry.entity_id:
            self._ops.run(lambda: audit.entity_details(entry.entity, entry.entity_id),
                          lane=Lane.READ, context=self,
                          on_success=lambda found: self._show_record(entry, found),
                          on_failure=lambda error: self._show_error(error_text(error)))

    def _open_customer(self, entry: AuditEntry, exists: bool) -> None:
        if exists:
            self.open_customer.emit(entry.entity_id)
        else:
            self.message.show_error(self.tr("This customer no longer exists."))

    def _show_record(self, entry: AuditEntry, found: EntityDetails | None) -> None:
        self.details.show_record(found, entry.entity)

    # --- verify ---------------------------------------------------------------------------------

    def verify_chain(self) -> None:
        self.verify_button.setEnabled(False)
        self.chain_label.show_progress(self.tr("Verifying the audit chain…"))
        audit = self._session.audit
        # a break found raises an alert, so the alert views hear of it
        self._ops.run(audit.verify, lane=Lane.READ, context=self,
                      changes=OpChanges(frozenset({"alert"}), origin=self),
                      on_success=self._show_chain, on_failure=self._verify_failed)

    def _show_chain(self, report: ChainReport) -> None:
        self.verify_button.setEnabled(True)
        if report.ok:
            self.chain_label.show_progress(
                self.tr("The audit chain is intact: %n event(s). Head hash %1.", "",
                        report.count).replace("%1", report.head_hash))
        else:
            self.chain_label.show_error(
                self.tr("The audit chain is broken at event #%1: the log was changed there. "
                        "%n event(s) before it are intact.", "", report.count)
                .replace("%1", str(report.first_broken_seq)))

    def _verify_failed(self, error: Exception) -> None:
        self.verify_button.setEnabled(True)
        self.chain_label.show_error(error_text(error))

    # --- export ---------------------------------------------------------------------------------

    def export_log(self) -> None:
        """Ask where, then export the events of the chosen period (all of them for any time)."""
        query = self.filter_bar.query(self._today())
        start = Path.home() / f"audit-{self._today().isoformat()}.csv"
        path = self.ask_export_path(self, self.tr("Export the audit log"), start)
        if path is None:
            return
        fmt = "jsonl" if path.suffix.lower() == ".jsonl" else "csv"
        since, until = query.since or EPOCH, query.until
        audit = self._session.audit
        if self.export_button is not None:
            self.export_button.setEnabled(False)
        self.message.show_progress(self.tr("Exporting…"))
        self._ops.run(lambda: audit.export(path, since=since, until=until, fmt=fmt),
                      lane=Lane.WRITE, context=self,
                      changes=OpChanges(frozenset({"audit", "alert"}), origin=self),
                      on_success=self._exported, on_failure=self._export_failed)

    def _exported(self, summary: ExportSummary) -> None:
        if self.export_button is not None:
            self.export_button.setEnabled(True)
        self.message.show_progress(
            self.tr("Exported %n event(s) to %1.", "", summary.count)
            .replace("%1", summary.path or ""))
        self.model.reload()  # the export is itself an event (the message stays)

    def _export_failed(self, error: Exception) -> None:
        if self.export_button is not None:
            self.export_button.setEnabled(True)
        if isinstance(error, ExportFailed):
            text = self.tr("Could not write the export to %1: %2. Nothing was written; "
                           "choose another place.").replace("%1", error.target) \
                .replace("%2", error.reason)
        else:
            text = error_text(error)
        self.message.show_error(text)
