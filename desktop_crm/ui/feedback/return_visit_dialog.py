"""Completing a return visit (回访): the customer's answer on five levels (1 very unhappy ..
5 very happy), an optional comment and how the visit was made. The answer is recorded as CSAT
and the visit marked done together (session.return_visits.complete)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QWidget

from desktop_crm.services.feedback import RECORD_CHANNELS
from desktop_crm.services.reminder_views import Entry
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.feedback.entry_form import EntryDialog, about_label, text_edit
from desktop_crm.ui.feedback.feedback_labels import channel_label, csat_words
from desktop_crm.ui.feedback.score_input import ScoreButtons
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.ops import Operations

VISIT_DONE = frozenset({"reminder", "feedback"})


class ReturnVisitDialog(EntryDialog):
    def __init__(self, session: CrmSession, ops: Operations, entry: Entry,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, object_name="returnVisitDialog", accept_name="saveVisitButton",
                         changes=VISIT_DONE, parent=parent)
        self.setWindowTitle(filled(self.tr("Return visit — %1"), entry.customer_name)
                            if entry.customer_name else self.tr("Return visit"))
        self.save_button.setText(self.tr("Done"))
        self._session = session
        self.entry = entry
        self.form.addRow(about_label(entry.title, self.body, "visitTitle"))
        self.form.addRow(about_label(self.tr(
            "How satisfied is the customer? Their answer counts as a satisfaction (CSAT) "
            "score."), self.body, "visitQuestion"))
        self.answer = ScoreButtons(1, 5, stars=True, words=csat_words, object_name="visitAnswer",
                                   accessible_name=self.tr("The customer's answer"),
                                   parent=self.body)
        self.comment_edit = text_edit(self.body, "visitCommentEdit",
                                      self.tr("What the customer said (optional)"), 3)
        self.channel_combo = QComboBox(self.body)
        self.channel_combo.setObjectName("visitChannelCombo")
        self.channel_combo.addItem(channel_label("return_visit"), None)
        for channel in RECORD_CHANNELS:
            self.channel_combo.addItem(channel_label(channel), channel)
        self.fields.add(self.tr("Answer:"), self.answer, "answer")
        self.fields.add(self.tr("Comment:"), self.comment_edit, "comment")
        self.fields.add(self.tr("Made by:"), self.channel_combo, "channel")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.answer.setFocus()

    def problem(self) -> tuple[str, str] | None:
        if self.answer.score() is None:
            return "answer", self.tr("Choose the customer's answer, from 1 to 5.")
        return None

    def work(self) -> Callable[[], Any]:
        visits, reminder_id = self._session.return_visits, self.entry.reminder_id
        answer, comment = self.answer.score(), self.comment_edit.toPlainText().strip()
        channel = self.channel_combo.currentData()
        assert answer is not None  # problem() said so
        return lambda: visits.complete(reminder_id, answer, comment=comment, channel=channel)
