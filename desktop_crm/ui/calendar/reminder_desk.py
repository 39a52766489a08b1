"""Everything reminders add to the main window, built and wired in one place: the to-do hub,
the calendar, the due banner with its watcher and tray messages, and the daily upkeep.

The main window only places the pages and the banner, starts or stops the desk, and shows
its `problem` sentences in the status bar; the pieces talk to each other here.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop_crm.domain.errors import VaultLocked
from desktop_crm.services.actor import Actor
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.calendar.banner import DueBanner
from desktop_crm.ui.calendar.calendar_page import CalendarPage
from desktop_crm.ui.calendar.due_watcher import DueWatcher
from desktop_crm.ui.calendar.hub_page import HubPage
from desktop_crm.ui.calendar.upkeep import ReminderUpkeep
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.ops import Operations
from desktop_crm.ui.tray import TrayNotifier


class ReminderDesk(QObject):
    customer_requested = Signal(str)
    hub_requested = Signal()  # the banner's "Show all": the window brings the hub forward
    problem = Signal(str)  # a short sentence for the status bar: the day's upkeep failed

    def __init__(self, session: CrmSession, ops: Operations, actor: Actor, *,
                 notifier: TrayNotifier | None, upkeep: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub_page = HubPage(session, ops, actor)
        self.calendar_page = CalendarPage(session, ops, actor)
        self.banner = DueBanner(session, ops)
        self.banner.hide()
        self.watcher = DueWatcher(session, ops, notifier=notifier, parent=self)
        self.upkeep = ReminderUpkeep(session, ops, actor, parent=self) if upkeep else None
        if self.upkeep is not None:
            self.upkeep.did_fail.connect(self._upkeep_failed)
        self.watcher.due_did_change.connect(self.banner.show_entries)
        self.banner.dismiss_requested.connect(self.watcher.dismiss)
        self.banner.show_all_requested.connect(self.hub_requested)
        for source in (self.hub_page, self.calendar_page, self.banner):
            source.customer_requested.connect(self.customer_requested)

    def start(self) -> None:
        """The window is shown: look for what is due, and do the day's upkeep."""
        if self.upkeep is not None:
            self.upkeep.start()
        self.watcher.start()

    def stop(self) -> None:
        """The session locks: no more looks, and open reminder dialogs go."""
        self.watcher.stop()
        if self.upkeep is not None:
            self.upkeep.stop()
        self.hub_page.close_dialogs()
        self.calendar_page.close_dialogs()
        self.banner.close_dialogs()

    def _upkeep_failed(self, error: Exception) -> None:
        """Say so: generated reminders and the calendar may be out of date until a retry."""
        if isinstance(error, VaultLocked):
            return  # the window is locking; the lock screen says so
        self.problem.emit(filled(self.tr("Reminders could not be brought up to date: %1"),
                                 error_text(error)))
