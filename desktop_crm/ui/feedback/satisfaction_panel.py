"""The record's Satisfaction tab: the customer's answers (CSAT stars, NPS, channel, survey,
comment, when and by whom), newest first; record, change and delete for those who may."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from desktop_crm.services.actor import Actor
from desktop_crm.services.feedback import SatisfactionView
from desktop_crm.services.session import CrmSession
from desktop_crm.ui import prompts
from desktop_crm.ui.calls.columns import first_line
from desktop_crm.ui.feedback.columns_model import Column, ColumnsModel, local_day
from desktop_crm.ui.feedback.feedback_labels import channel_label, csat_text, nps_text
from desktop_crm.ui.feedback.list_section import ListSection
from desktop_crm.ui.feedback.record_panel import RecordPanel
from desktop_crm.ui.feedback.satisfaction_dialog import FEEDBACK_CHANGED, SatisfactionDialog
from desktop_crm.ui.moments import local_text
from desktop_crm.ui.ops import Operations

COLUMNS: tuple[Column[SatisfactionView], ...] = (
    Column(QT_TRANSLATE_NOOP("SatisfactionColumns", "Answered"),
           lambda r: local_day(r.responded_at), lambda r: local_text(r.responded_at)),
    Column(QT_TRANSLATE_NOOP("SatisfactionColumns", "CSAT"), lambda r: csat_text(r.csat)),
    Column(QT_TRANSLATE_NOOP("SatisfactionColumns", "NPS"), lambda r: nps_text(r.nps)),
    Column(QT_TRANSLATE_NOOP("SatisfactionColumns", "Channel"),
           lambda r: channel_label(r.channel)),
    Column(QT_TRANSLATE_NOOP("SatisfactionColumns", "Survey"), lambda r: r.survey),
    Column(QT_TRANSLATE_NOOP("SatisfactionColumns", "Comment"),
           lambda r: first_line(r.comment), lambda r: r.comment.strip(), stretch=True),
    Column(QT_TRANSLATE_NOOP("SatisfactionColumns", "Recorded by"),
           lambda r: r.user_display_name),
)


class SatisfactionPanel(RecordPanel):
    entities = frozenset({"feedback", "satisfaction"})  # a return visit's answer: "feedback"

    def __init__(self, session: CrmSession, ops: Operations, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, ops, actor, "satisfactionPanel", parent)
        self.section = ListSection("answers", ColumnsModel("SatisfactionColumns", COLUMNS, self),
                                   self)
        self.add_button = self.section.add_button(
            "recordFeedbackButton", self.tr("Record feedback…"),
            self.tr("Record the customer's satisfaction answer"), self.record_feedback)
        self.edit_button = self.section.add_button(
            "editFeedbackButton", self.tr("Change…"), self.tr("Change the selected answer"),
            self.change_feedback)
        self.delete_button = self.section.add_button(
            "deleteFeedbackButton", self.tr("Delete…"), self.tr("Delete the selected answer"),
            self.delete_feedback)
        self.section.on_selection(self.show_abilities)
        self.section.on_activate(self.change_feedback)
        self.layout_.addWidget(self.section, 1)

    def read_work(self, customer_id: str) -> Callable[[], Any]:
        feedback = self.session.feedback
        return lambda: feedback.for_customer(customer_id)

    def show_answer(self, answer: list[SatisfactionView] | None) -> None:
        self.section.show_rows(answer or [], lambda: self.tr(
            "No satisfaction answer yet. Record one after a call or a visit."))

    def show_abilities(self) -> None:
        may = self.abilities.record_feedback
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setVisible(may)
        chosen = self.section.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def record_feedback(self) -> None:
        if self.customer is not None and self.abilities.record_feedback:
            self.open_dialog(SatisfactionDialog(self.session, self.ops, self.customer,
                                                parent=self))

    def change_feedback(self) -> None:
        answer = self.section.selected()
        if self.customer is not None and answer is not None and self.abilities.record_feedback:
            self.open_dialog(SatisfactionDialog(self.session, self.ops, self.customer, answer,
                                                parent=self))

    def delete_feedback(self) -> None:
        answer: SatisfactionView | None = self.section.selected()
        if answer is None or not self.abilities.record_feedback:
            return
        if not prompts.confirm(self, self.tr("Delete feedback"), self.tr(
                "Delete the answer given on %1? It stops counting in the reports.").replace(
                "%1", local_text(answer.responded_at))):
            return
        feedback = self.session.feedback
        self.run_write(lambda: feedback.delete(answer.id), FEEDBACK_CHANGED)
