"""The context menu of one calendar entry: Open, Snooze ▸ (15 minutes / 1 hour / tomorrow /
custom), Complete (or Reopen), Open customer, Log call. It only says what was chosen; the
page runs it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from desktop_crm.domain.clock import Clock
from desktop_crm.services.reminder_views import Entry
from desktop_crm.ui.calendar.snooze_menu import SnoozeMenu


class EntryMenu(QMenu):
    open_chosen = Signal(object)  # Entry
    snooze_chosen = Signal(object, object)  # Entry, aware datetime
    complete_chosen = Signal(object)
    reopen_chosen = Signal(object)
    customer_chosen = Signal(str)  # customer id
    log_call_chosen = Signal(object)

    def __init__(self, entry: Entry, clock: Clock, *, may_change: bool, may_log_call: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryMenu")
        self.entry = entry
        done = entry.done_at is not None
        self._add("entryOpenAction", self.tr("Open…"), lambda: self.open_chosen.emit(entry))
        self.addSeparator()
        self.snooze_menu = SnoozeMenu(clock, self)
        self.snooze_menu.until_chosen.connect(lambda until: self.snooze_chosen.emit(entry, until))
        snooze = self.addMenu(self.snooze_menu)
        snooze.setObjectName("entrySnoozeAction")
        snooze.setEnabled(may_change and not done)
        if done:
            self._add("entryReopenAction", self.tr("Reopen"),
                      lambda: self.reopen_chosen.emit(entry)).setEnabled(may_change)
        else:
            self._add("entryCompleteAction", self.tr("Complete"),
                      lambda: self.complete_chosen.emit(entry)).setEnabled(may_change)
        self.addSeparator()
        customer = self._add("entryOpenCustomerAction", self.tr("Open customer"),
                             lambda: self.customer_chosen.emit(entry.customer_id or ""))
        customer.setEnabled(entry.customer_id is not None)
        log_call = self._add("entryLogCallAction", self.tr("Log call…"),
                             lambda: self.log_call_chosen.emit(entry))
        log_call.setEnabled(may_log_call and not done)
        log_call.setToolTip(self.tr("Log the call and mark this reminder done"))
        self.setToolTipsVisible(True)

    def _add(self, name: str, text: str, chosen: Callable[[], None]) -> QAction:
        action = self.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(lambda _=False: chosen())
        return action


class DayMenu(QMenu):
    """The context menu of a day: a new reminder on it."""

    create_chosen = Signal(object)  # date

    def __init__(self, day: date, *, may_create: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayMenu")
        action = self.addAction(self.tr("New reminder on this day…"))
        action.setObjectName("dayCreateAction")
        action.setEnabled(may_create)
        action.triggered.connect(lambda _=False: self.create_chosen.emit(day))
