"""The record's Complaints tab: the customer's complaints, newest first, each with its status
(overdue ones marked), severity, who handles it and what is due; open a new one, and take a
selected one's next step — only the steps its status allows, for those who may handle it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QWidget

from desktop_crm.services.actor import Actor
from desktop_crm.services.complaints import ComplaintView
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.calls.columns import first_line
from desktop_crm.ui.feedback.columns_model import Column, ColumnsModel, local_day
from desktop_crm.ui.feedback.complaint_dialog import ComplaintDialog
from desktop_crm.ui.feedback.complaint_dialogs import OpenComplaintDialog
from desktop_crm.ui.feedback.complaint_steps import (
    STEP_ORDER,
    ComplaintActions,
    legal,
    step_text,
    step_tip,
)
from desktop_crm.ui.feedback.complaint_view_text import due_text, status_text
from desktop_crm.ui.feedback.list_section import ListSection
from desktop_crm.ui.feedback.record_panel import RecordPanel
from desktop_crm.ui.labels import severity_label
from desktop_crm.ui.moments import local_text
from desktop_crm.ui.ops import Operations
from desktop_crm.ui.widgets import ERROR_COLOUR


def _late(row: ComplaintView) -> QColor | None:
    return QColor(ERROR_COLOUR) if row.overdue else None


COLUMNS: tuple[Column[ComplaintView], ...] = (
    Column(QT_TRANSLATE_NOOP("ComplaintColumns", "Opened"), lambda r: local_day(r.opened_at),
           lambda r: local_text(r.opened_at)),
    Column(QT_TRANSLATE_NOOP("ComplaintColumns", "Status"), status_text, colour=_late,
           bold=lambda r: r.overdue),
    Column(QT_TRANSLATE_NOOP("ComplaintColumns", "Severity"),
           lambda r: severity_label(r.severity),
           bold=lambda r: r.severity in ("high", "critical")),
    Column(QT_TRANSLATE_NOOP("ComplaintColumns", "Summary"), lambda r: first_line(r.summary),
           lambda r: r.summary.strip(), stretch=True),
    Column(QT_TRANSLATE_NOOP("ComplaintColumns", "Handled by"), lambda r: r.assignee_name),
    Column(QT_TRANSLATE_NOOP("ComplaintColumns", "Due"), due_text, colour=_late),
)


class ComplaintsPanel(RecordPanel):
    entities = frozenset({"complaint"})
    customer_requested = Signal(str)

    def __init__(self, session: CrmSession, ops: Operations, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, ops, actor, "complaintsPanel", parent)
        self.section = ListSection("complaints",
                                   ColumnsModel("ComplaintColumns", COLUMNS, self), self)
        self.actions = ComplaintActions(session, ops, self)
        self.actions.action_did_fail.connect(self.message.show_error)
        self.open_button = self.section.add_button(
            "openComplaintButton", self.tr("Open complaint…"),
            self.tr("Record a complaint from this customer"), self.open_complaint)
        self.details_button = self.section.add_button(
            "complaintDetailsButton", self.tr("Details…"),
            self.tr("Everything about the selected complaint"), self.show_details)
        self.step_buttons: dict[str, QPushButton] = {}
        for step in STEP_ORDER:
            self.step_buttons[step] = self.section.add_button(
                f"{step}ComplaintButton", step_text(step), step_tip(step),
                lambda s=step: self.take(s))
        self.section.on_selection(self.show_abilities)
        self.section.on_activate(self.show_details)
        self.layout_.addWidget(self.section, 1)

    def read_work(self, customer_id: str) -> Callable[[], Any]:
        complaints = self.session.complaints
        return lambda: complaints.for_customer(customer_id)

    def show_answer(self, answer: list[ComplaintView] | None) -> None:
        self.section.show_rows(answer or [], lambda: self.tr("No complaint from this customer."))

    def selected(self) -> ComplaintView | None:
        row: ComplaintView | None = self.section.selected()
        return row

    def show_abilities(self) -> None:
        self.open_button.setVisible(self.abilities.open_complaints)
        chosen = self.selected()
        self.details_button.setEnabled(chosen is not None)
        may_handle = self.abilities.handle_complaints or (
            chosen is not None and self.abilities.may_handle(chosen.assignee_id))
        for step, button in self.step_buttons.items():
            button.setVisible(may_handle)
            button.setEnabled(chosen is not None and legal(step, chosen.status))

    def open_complaint(self) -> None:
        if self.customer is not None and self.abilities.open_complaints:
            self.open_dialog(OpenComplaintDialog(self.session, self.ops, self.customer,
                                                 parent=self))

    def show_details(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        dialog = ComplaintDialog(self.session, self.ops, chosen.id,
                                 user_id=self.abilities.user_id,
                                 handles_any=self.abilities.handle_complaints, parent=self)
        dialog.customer_requested.connect(self.customer_requested)
        self.open_dialog(dialog)

    def take(self, step: str) -> None:
        chosen = self.selected()
        if chosen is not None and self.step_buttons[step].isEnabled() \
                and self.abilities.may_handle(chosen.assignee_id):
            self.message.clear_message()
            self.actions.take(step, chosen)

    def close_dialogs(self) -> None:
        self.actions.close_dialogs()
        super().close_dialogs()
