"""Record a customer's satisfaction answer on their record, or change one recorded before."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop_crm.services.feedback import SatisfactionView
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.feedback.answer_fields import AnswerFields
from desktop_crm.ui.feedback.entry_form import EntryDialog
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.ops import Operations

FEEDBACK_CHANGED = frozenset({"feedback"})


class SatisfactionDialog(EntryDialog):
    def __init__(self, session: CrmSession, ops: Operations, customer: tuple[str, str],
                 answer: SatisfactionView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ops, object_name="satisfactionDialog", accept_name="saveFeedbackButton",
                         changes=FEEDBACK_CHANGED, parent=parent)
        self.setWindowTitle(filled(self.tr("Record feedback — %1"), customer[1]) if answer is None
                            else filled(self.tr("Change feedback — %1"), customer[1]))
        self.save_button.setText(self.tr("Save feedback"))
        self._session = session
        self._customer_id = customer[0]
        self._answer = answer
        self.answer_fields = AnswerFields(now=session.clock.now(), parent=self.body)
        self.fields = self.answer_fields.fields
        self.form.addRow(self.answer_fields)
        if answer is not None:
            self.answer_fields.load(answer)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.answer_fields.csat.setFocus()

    def problem(self) -> tuple[str, str] | None:
        return self.answer_fields.problem(now=self._session.clock.now())

    def work(self) -> Callable[[], Any] | None:
        feedback, answer = self._session.feedback, self._answer
        if answer is None:
            values = self.answer_fields.values()
            customer_id = self._customer_id
            return lambda: feedback.record(customer_id, values)
        changes = self.answer_fields.changes(answer)
        if not changes:
            return None
        return lambda: feedback.update(answer.id, changes)
