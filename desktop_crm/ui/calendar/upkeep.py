"""The calendar's housekeeping while someone is signed in: generated reminders (birthdays,
contract expiries, instalments, follow-up gaps, holidays) and the occurrence cache, once at
sign-in and again when the local date changes.

The date is checked on a timer at most an hour apart rather than one long timer to
midnight, so a laptop that slept through midnight catches up at its next tick.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_crm.domain.local_zone import local_zone
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.actor import Actor
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.i18n import installed_language
from desktop_crm.ui.ops import Lane, OpChanges, Operations

CHECK_MS = 60 * 60 * 1000  # look at the date hourly
CACHE_BATCH = 2000  # repeating reminders re-expanded per step, so no step holds the lock long
REMINDERS_CHANGED = OpChanges(frozenset({"reminder", "audit"}))  # a run is audited


class ReminderUpkeep(QObject):
    did_finish = Signal(object)  # the generation report, or None when nothing was generated
    did_fail = Signal(object)  # the exception

    def __init__(self, session: CrmSession, ops: Operations, actor: Actor, *,
                 today: Callable[[], date] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._ops = ops
        self._generates = actor.can(Resource.REMINDER, Action.CREATE)
        self._today = today or (lambda: session.clock.now().astimezone(local_zone()).date())
        self._done_for: date | None = None
        self._running = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        self._timer.start()
        self.check()

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> None:
        """Run the day's upkeep unless it ran today or is running."""
        today = self._today()
        if self._running or self._done_for == today:
            return
        self._running = True
        self._ops.run(lambda: self._work(today), lane=Lane.WRITE, context=self,
                      on_success=lambda report: self._finished(today, report),
                      on_failure=self._failed)

    def _work(self, today: date) -> object:
        report = None
        if self._generates:
            language = "zh" if installed_language().startswith("zh") else "en"
            report = self._session.reminder_generation.run(today=today, language=language)
        while self._session.reminders.refresh_cache(limit=CACHE_BATCH) == CACHE_BATCH:
            pass
        return report

    def _finished(self, today: date, report: object) -> None:
        self._running = False
        self._done_for = today
        if report is not None and getattr(report, "total", 0):
            self._ops.changes_did_happen.emit(REMINDERS_CHANGED)
        self.did_finish.emit(report)

    def _failed(self, error: Exception) -> None:
        # a busy or locked vault: try again at the next tick; the calendar stays correct
        self._running = False
        self.did_fail.emit(error)
