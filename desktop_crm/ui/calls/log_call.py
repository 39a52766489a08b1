"""Log a call in ten seconds: the cursor starts in the summary (or the customer search),
Ctrl+Enter saves, Esc cancels.

Saving runs on the write lane; a refused value comes back as the service's ValidationError and
is shown under its field with the dialog still open and nothing saved. A saved call closes the
dialog, emits `call_did_log` with the InteractionView, and broadcasts what changed (the call,
the follow-up reminder it may have created, and the customer's last follow-up).

With "Record satisfaction" ticked, the customer's answer is captured in the same dialog: the
call and the answer are both checked before anything is saved, then the call is saved and the
answer after it, linked to the call. Should the answer still be refused, the call stays saved,
the dialog says so and keeps the answer's fields, and Save tries the answer again.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.actor import Actor
from desktop_crm.services.interactions import InteractionView
from desktop_crm.services.session import CrmSession
from desktop_crm.ui import prompts
from desktop_crm.ui.calls.call_form import CallForm
from desktop_crm.ui.calls.customer_picker import CustomerPicker
from desktop_crm.ui.calls.outcomes import outcome_choices
from desktop_crm.ui.errors import error_text, validation_text
from desktop_crm.ui.feedback.call_answer import CallAnswer
from desktop_crm.ui.feedback.feedback_errors import feedback_error_text, feedback_validation_text
from desktop_crm.ui.moments import local_date_text
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.widgets import MessageLabel, entry_dialog_buttons

CALL_LOGGED = OpChanges(frozenset({"interaction", "reminder", "customer"}))
ANSWER_SAVED = OpChanges(frozenset({"feedback"}))

# The call log's validation messages, marked for the catalogue (errors.validation_text looks
# them up by their English text).
_SERVICE_MESSAGES = (
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "say what the next step is: it becomes the follow-up reminder's title"),
    QT_TRANSLATE_NOOP("ServiceMessages", "is in the past: a follow-up needs a date to come"),
    QT_TRANSLATE_NOOP("ServiceMessages", "is more than two years ahead"),
    QT_TRANSLATE_NOOP("ServiceMessages", "is more than a year in the future"),
    QT_TRANSLATE_NOOP("ServiceMessages", "must be between 0 seconds and 24 hours"),
)


def follow_up_text(view: InteractionView) -> str:
    """"Follow-up reminder created for <date>" when the call created one, else ""."""
    if view.reminder_id is None or view.next_step_at is None:
        return ""
    return QCoreApplication.translate(
        "LogCallDialog", "Follow-up reminder created for %1").replace(
        "%1", local_date_text(view.next_step_at))


class LogCallDialog(QDialog):
    call_did_log = Signal(object)  # InteractionView

    def __init__(self, session: CrmSession, ops: Operations, actor: Actor,
                 customer: tuple[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logCallDialog")
        self._session = session
        self._ops = ops
        self._customer = customer
        self._busy = False
        self._closed = False  # answers arriving after this find no widgets to fill
        self.logged: InteractionView | None = None  # the call, once saved
        self.answer_saved: object | None = None  # its satisfaction answer, once saved
        self.follow_up_message = ""  # for the main window's status bar once saved
        self.setWindowTitle(self._title())

        self.picker: CustomerPicker | None = None
        self.customer_label: QLabel | None = None
        if customer is None:
            self.picker = CustomerPicker(session.customers, ops, self)
            self.picker.customer_did_pick.connect(self._customer_picked)
            customer_field: QWidget = self.picker
        else:
            self.customer_label = QLabel(customer[1], self)
            self.customer_label.setObjectName("customerLabel")
            self.customer_label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse)
            self.customer_label.setSizePolicy(QSizePolicy.Policy.Preferred,
                                              QSizePolicy.Policy.Maximum)
            customer_field = self.customer_label
        self.form = CallForm(now=session.clock.now(),
                             may_remind=actor.can(Resource.REMINDER, Action.CREATE), parent=self)
        self.form.set_outcomes(outcome_choices([]))
        self.form.layout_.insertRow(0, self.tr("Customer:"), customer_field)
        self.answer = CallAnswer(now=session.clock.now(), parent=self)

        self.message = MessageLabel("logCallMessage", self)
        self.message.setMinimumHeight(0)
        hint = QLabel(self.tr("Ctrl+Enter saves · Esc cancels"), self)
        hint.setObjectName("logCallHint")
        hint.setEnabled(False)  # drawn in the muted colour of the palette
        buttons, self.save_button, self.cancel_button = entry_dialog_buttons(
            self, accept_text=self.tr("Save call"),
            accept_name="saveCallButton", save=self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.answer)
        layout.addWidget(self.message)
        footer = QVBoxLayout()
        footer.addWidget(hint)
        footer.addWidget(buttons)
        layout.addLayout(footer)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self._load_outcomes()

    def _title(self) -> str:
        if self._customer is None:
            return self.tr("Log a call")
        return self.tr("Log a call — %1").replace("%1", self._customer[1])

    def _load_outcomes(self) -> None:
        self._ops.run(self._session.calls.known_outcomes, lane=Lane.READ,
                      on_success=self._show_outcomes,
                      on_failure=lambda _error: None)  # the suggestions are enough

    def _show_outcomes(self, in_use: list[str]) -> None:
        if not self._closed:
            self.form.set_outcomes(outcome_choices(in_use))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._closed = False
        first = self.picker.search_edit if self.picker is not None else self.form.summary_edit
        first.setFocus()

    # --- the customer -------------------------------------------------------------------------

    def customer(self) -> tuple[str, str] | None:
        """(id, name as shown) of the call's customer, picked or given."""
        return self._customer if self.picker is None else self.picker.picked()

    def _customer_picked(self, customer_id: str, name: str) -> None:
        self.form.summary_edit.setFocus()

    # --- saving -------------------------------------------------------------------------------

    def save(self) -> None:
        if self._busy:
            return
        self.form.clear_errors()
        self.answer.clear_errors()
        self.message.clear_message()
        if self.logged is not None:  # the call is in: only its answer is left to save
            self._save_answer(self.logged)
            return
        customer = self.customer()
        if customer is None:
            assert self.picker is not None
            self.picker.show_error(self.tr("Pick the customer this call was with."))
            self.picker.search_edit.setFocus()
            return
        problem = self.form.problem()
        if problem is not None:
            self.form.show_error(*problem)
            return
        answer_problem = self.answer.problem(now=self._session.clock.now())
        if answer_problem is not None:  # refused before anything is saved
            self.answer.show_error(*answer_problem)
            return
        customer_id, values = customer[0], self.form.values()
        interactions = self._session.interactions
        self._set_busy(True)
        self.message.show_progress(self.tr("Saving…"))
        self._ops.run(lambda: interactions.log(customer_id, values), lane=Lane.WRITE,
                      on_success=self._saved, on_failure=self._failed, changes=CALL_LOGGED)

    def _saved(self, view: InteractionView) -> None:
        self.logged = view
        self.follow_up_message = follow_up_text(view)
        if self._closed:  # closed under way (the vault locked): saved all the same
            return
        self.call_did_log.emit(view)
        if self.answer.asking():
            self._save_answer(view)
            return
        self._set_busy(False)
        self.message.clear_message()
        self.accept()

    def _save_answer(self, call: InteractionView) -> None:
        problem = self.answer.problem(now=self._session.clock.now())
        if problem is not None:
            self._set_busy(False)
            self.message.clear_message()
            self.answer.show_error(*problem)
            return
        feedback, values = self._session.feedback, self.answer.values_for(call.id)
        self._set_busy(True)
        self.message.show_progress(self.tr("Saving the satisfaction answer…"))
        self._ops.run(lambda: feedback.record(call.customer_id, values), lane=Lane.WRITE,
                      on_success=self._answer_saved, on_failure=self._answer_failed,
                      changes=ANSWER_SAVED)

    def _answer_saved(self, answer: object) -> None:
        self.answer_saved = answer
        if self._closed:
            return
        self._set_busy(False)
        self.message.clear_message()
        self.accept()

    def _answer_failed(self, error: Exception) -> None:
        """The call is saved; its answer is not: say so, keep the answer to try again."""
        if self._closed:
            return
        self._set_busy(False)
        self.save_button.setText(self.tr("Save answer"))
        self.answer.check.setEnabled(False)  # the answer is what is left to save
        if isinstance(error, ValidationError):
            self.answer.show_error(error.field, feedback_validation_text(error))
        self.message.show_error(self.tr(
            "The call is saved, but its satisfaction answer is not: %1 Correct it and save "
            "again, or close and record it later on the customer's record.").replace(
            "%1", _sentence(feedback_error_text(error))))

    def _failed(self, error: Exception) -> None:
        if self._closed:
            return
        self._set_busy(False)
        self.message.clear_message()
        if isinstance(error, ValidationError) and self.form.show_error(
                error.field, validation_text(error)):
            return
        self.message.show_error(error_text(error))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        call_open = not busy and self.logged is None  # a saved call is not edited here
        for widget in (self.save_button, self.cancel_button, self.answer.fields):
            widget.setEnabled(not busy)
        self.form.setEnabled(call_open)
        self.answer.check.setEnabled(call_open)
        if self.picker is not None:
            self.picker.setEnabled(call_open)

    def done(self, result: int) -> None:
        """Closing by any path: later answers are dropped (the window may be deleted)."""
        self._closed = True
        if self.picker is not None:
            self.picker.cancel()
        super().done(result)

    def reject(self) -> None:
        """Esc or Cancel: ask first when closing would lose what was typed."""
        if self._busy:
            return
        if self.logged is not None:  # the call is saved; only its answer would be lost
            if self.answer.typed_anything() and not prompts.confirm(
                    self, self.tr("Close without the answer?"),
                    self.tr("The call is saved. The satisfaction answer you typed will be lost; "
                            "you can record it later on the customer's record.")):
                return
            self.accept()
            return
        if (self.form.typed_anything() or self.answer.typed_anything()) and not prompts.confirm(
                self, self.tr("Discard this call?"),
                self.tr("What you typed for this call will be lost.")):
            return
        super().reject()


def _sentence(text: str) -> str:
    """A message ending in a full stop, to sit inside a longer one."""
    text = text.strip()
    return text if not text or text[-1] in ".。!！?？" else f"{text}."
