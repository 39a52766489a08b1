"""The audit viewer's details pane: the chosen event in full, and the user, role or
department it names (when that still exists)."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop_crm.services.audit_log import AuditEntry, EntityDetails
from desktop_crm.ui.admin.admin_labels import resource_label
from desktop_crm.ui.moments import local_text


class AuditDetailsPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDetailsPane")
        self.title = QLabel(self.tr("Pick an event to see it in full."), self)
        self.title.setObjectName("auditDetailsTitle")
        self.title.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("auditDetailsText")
        self.text.setReadOnly(True)
        self.record = QLabel(self)
        self.record.setObjectName("auditRecordLabel")
        self.record.setWordWrap(True)
        self.record.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.record)
        layout.addWidget(self.text, 1)

    def show_entry(self, entry: AuditEntry | None) -> None:
        self.record.hide()
        if entry is None:
            self.title.setText(self.tr("Pick an event to see it in full."))
            self.text.clear()
            return
        self.title.setText(self.tr("Event #%1: %2").replace("%1", str(entry.seq))
                           .replace("%2", entry.action))
        lines = [
            self.tr("Time: %1").replace("%1", local_text(entry.at)),
            self.tr("Who: %1").replace("%1", entry.actor_name or entry.actor_id or "—"),
            self.tr("Record: %1 %2").replace("%1", resource_label(entry.entity) or "—")
            .replace("%2", entry.entity_id),
            "",
            json.dumps(dict(entry.detail), ensure_ascii=False, indent=2, sort_keys=True,
                       default=str),
        ]
        self.text.setPlainText("\n".join(lines))

    def show_record(self, details: EntityDetails | None, entity: str) -> None:
        """What the event's user, role or department is now (or that it is gone)."""
        if details is None:
            text = self.tr("This %1 no longer exists.").replace("%1", resource_label(entity))
        else:
            facts = ", ".join(f"{what}: {value}" for what, value in details.facts)
            text = self.tr("%1 now: %2").replace("%1", resource_label(entity)).replace(
                "%2", details.title + (f" ({facts})" if facts else ""))
        self.record.setText(text)
        self.record.show()
