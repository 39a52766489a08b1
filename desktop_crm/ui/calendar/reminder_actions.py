"""Done and snooze for one reminder entry, run on the write lane for any screen that offers them.

The to-do hub and the due banner both use it. Each action tells every open view that reminders
changed (the hub reloads, the watcher drops what is no longer due) and says what went wrong in
words when the service refuses.

Done on a return visit (回访) first asks for the customer's answer (ReturnVisitDialog): the
visit is done when its answer is recorded, never without one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from desktop_crm.domain.enums import ReminderKind
from desktop_crm.services.reminder_views import Entry
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.calendar.reminder_messages import reminder_error_text
from desktop_crm.ui.feedback.return_visit_dialog import ReturnVisitDialog
from desktop_crm.ui.ops import Lane, OpChanges, Operations

REMINDER_CHANGED = frozenset({"reminder"})


def asks_for_an_answer(entry: Entry) -> bool:
    """A return visit to a customer is completed with the customer's answer."""
    return entry.kind == ReminderKind.RETURN_VISIT and entry.customer_id is not None \
        and not entry.recurring and entry.done_at is None


class ReminderActions(QObject):
    action_did_finish = Signal(object)  # the Entry acted on
    action_did_fail = Signal(str)  # what went wrong, in words

    def __init__(self, session: CrmSession, ops: Operations, *,
                 origin: object | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._ops = ops
        self._origin = origin  # the view that need not reload for its own change
        self.visit_dialog: ReturnVisitDialog | None = None

    def complete(self, entry: Entry) -> None:
        if asks_for_an_answer(entry):
            self.ask_visit_answer(entry)
            return
        reminders = self._session.reminders
        self._run(entry, lambda: reminders.complete(entry.reminder_id, entry.occurrence))

    def ask_visit_answer(self, entry: Entry) -> None:
        """The return visit's answer; the visit is done once it is saved."""
        if self.visit_dialog is not None and isValid(self.visit_dialog):
            self.visit_dialog.raise_()
            return
        parent = self.parent()
        dialog = ReturnVisitDialog(self._session, self._ops, entry,
                                   parent if isinstance(parent, QWidget) else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.did_save.connect(lambda _done: self.action_did_finish.emit(entry))
        dialog.finished.connect(lambda _result: self._forget_visit_dialog())
        self.visit_dialog = dialog
        dialog.open()

    def _forget_visit_dialog(self) -> None:
        self.visit_dialog = None

    def close_dialogs(self) -> None:
        """The session locks: an open answer dialog closes without saving."""
        if self.visit_dialog is not None and isValid(self.visit_dialog):
            self.visit_dialog.done(0)

    def snooze(self, entry: Entry, until: datetime) -> None:
        reminders = self._session.reminders
        self._run(entry, lambda: reminders.snooze(entry.reminder_id, until,
                                                  occurrence=entry.occurrence))

    def _run(self, entry: Entry, work: Callable[[], object]) -> None:
        self._ops.run(work, lane=Lane.WRITE, context=self,
                      changes=OpChanges(REMINDER_CHANGED, origin=self._origin),
                      on_success=lambda _result: self.action_did_finish.emit(entry),
                      on_failure=self._failed)

    def _failed(self, error: Exception) -> None:
        self.action_did_fail.emit(reminder_error_text(error))
