"""Done and snooze for one reminder entry, run on the write lane for any screen that offers them.

The to-do hub and the due banner both use it. Each action tells every open view that reminders
changed (the hub reloads, the watcher drops what is no longer due) and says what went wrong in
words when the service refuses.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from desktop_crm.services.reminder_views import Entry
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.calendar.reminder_messages import reminder_error_text
from desktop_crm.ui.ops import Lane, OpChanges, Operations

REMINDER_CHANGED = frozenset({"reminder"})


class ReminderActions(QObject):
    action_did_finish = Signal(object)  # the Entry acted on
    action_did_fail = Signal(str)  # what went wrong, in words

    def __init__(self, session: CrmSession, ops: Operations, *,
                 origin: object | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._ops = ops
        self._origin = origin  # the view that need not reload for its own change

    def complete(self, entry: Entry) -> None:
        reminders = self._session.reminders
        self._run(entry, lambda: reminders.complete(entry.reminder_id, entry.occurrence))

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
