"""The audit viewer's filters: who, what action (a prefix, typed or picked), which kind of
record, when, and free text. Typing waits a moment before the search runs again."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QWidget

from desktop_crm.services.audit_log import AuditActor
from desktop_crm.ui.admin.admin_labels import resource_label
from desktop_crm.ui.admin.audit_model import AuditQuery
from desktop_crm.ui.admin.audit_period import PeriodPicker
from desktop_crm.ui.flow_layout import FlowLayout
from desktop_crm.ui.widgets import fill_combo, filter_combo

TYPING_PAUSE_MS = 300
# the kinds of record the log names
ENTITIES = ("customer", "interaction", "reminder", "user", "department", "role", "policy",
            "alert", "audit", "vault")


class AuditFilterBar(QWidget):
    filter_did_change = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditFilterBar")
        self.actor_combo = filter_combo(self, "auditActorFilter", self.tr("Who did it"))
        fill_combo(self.actor_combo, self.tr("Anyone"), [])
        self.action_combo: QComboBox = filter_combo(self, "auditActionFilter",
                                                    self.tr("Action (or its beginning)"))
        self.action_combo.setEditable(True)
        self.action_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.action_combo.lineEdit().setPlaceholderText(self.tr("Any action"))
        self.action_combo.setMinimumContentsLength(18)
        self.entity_combo = filter_combo(self, "auditEntityFilter", self.tr("Kind of record"))
        fill_combo(self.entity_combo, self.tr("Any record"),
                   [(e, resource_label(e)) for e in ENTITIES])
        self.period = PeriodPicker("auditPeriod", self.tr("When it happened"), self)
        self.period.prefill(today.replace(day=1), today)
        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("auditTextFilter")
        self.text_edit.setPlaceholderText(self.tr("Text in the details, ids or names"))
        self.text_edit.setAccessibleName(self.tr("Text"))
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 26)
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.setObjectName("clearAuditFiltersButton")
        self.clear_button.clicked.connect(self.clear)

        layout = FlowLayout(self)
        for widget in (self.actor_combo, self.action_combo, self.entity_combo, self.period,
                       self.text_edit, self.clear_button):
            layout.addWidget(widget)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._changed)
        self.text_edit.textChanged.connect(self._typing.start)
        self.action_combo.lineEdit().textEdited.connect(self._typing.start)
        self.action_combo.activated.connect(self._changed)
        self.actor_combo.currentIndexChanged.connect(self._changed)
        self.entity_combo.currentIndexChanged.connect(self._changed)
        self.period.period_did_change.connect(self._changed)
        self._update_clear_button()

    def set_actors(self, actors: Sequence[AuditActor]) -> None:
        if fill_combo(self.actor_combo, self.tr("Anyone"),
                      [(a.id, a.display_name) for a in actors]):
            self._changed()

    def set_actions(self, actions: Sequence[str]) -> None:
        typed = self.action_combo.currentText()
        self.action_combo.blockSignals(True)
        self.action_combo.clear()
        self.action_combo.addItems(list(actions))
        self.action_combo.setEditText(typed)
        self.action_combo.blockSignals(False)

    def query(self, today: date) -> AuditQuery:
        since, until = self.period.moments(today)
        return AuditQuery(
            actor_id=self.actor_combo.currentData(),
            action=self.action_combo.currentText().strip() or None,
            entity=self.entity_combo.currentData(),
            text=self.text_edit.text().strip() or None,
            since=since, until=until)

    def narrowed(self) -> bool:
        return bool(self.actor_combo.currentIndex() > 0 or self.entity_combo.currentIndex() > 0
                    or self.action_combo.currentText().strip() or self.text_edit.text().strip()
                    or self.period.narrowed())

    def clear(self) -> None:
        for widget in (self.actor_combo, self.entity_combo, self.text_edit, self.action_combo):
            widget.blockSignals(True)
        self.actor_combo.setCurrentIndex(0)
        self.entity_combo.setCurrentIndex(0)
        self.action_combo.setEditText("")
        self.text_edit.clear()
        for widget in (self.actor_combo, self.entity_combo, self.text_edit, self.action_combo):
            widget.blockSignals(False)
        self.period.reset()
        self._changed()

    def _changed(self) -> None:
        self._typing.stop()
        self._update_clear_button()
        self.filter_did_change.emit()

    def _update_clear_button(self) -> None:
        self.clear_button.setVisible(self.narrowed())
