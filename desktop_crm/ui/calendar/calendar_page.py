"""The Calendar page: the month grid, the week or the agenda over the reminders this user
reads, filtered by kind and (for managers) by person.

Entries load with `session.reminders.window` on the read lane, for the days the view shows.
A drop reschedules the entry (a timed one keeps its time of day on the local clock; of a
repeating reminder only that occurrence moves); the context menu snoozes, completes, opens
the customer or logs the call that completes it. Every write runs on the write lane and the
page reads again when any operation changed reminders.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, tzinfo

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QMenu, QVBoxLayout, QWidget
from shiboken6 import isValid

from desktop_crm.domain.local_zone import local_zone
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.actor import Actor
from desktop_crm.services.reminder_views import Entry
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.calendar.calendar_days import ViewMode, loaded_days, step
from desktop_crm.ui.calendar.calendar_toolbar import EVERYONE, CalendarToolbar
from desktop_crm.ui.calendar.calendar_views import CalendarViews
from desktop_crm.ui.calendar.entry_menu import DayMenu, EntryMenu
from desktop_crm.ui.calendar.ics_dialogs import (
    PathChooser,
    ask_open_path,
    ask_save_path,
    export_ics,
    import_ics,
)
from desktop_crm.ui.calendar.reminder_actions import ReminderActions, asks_for_an_answer
from desktop_crm.ui.calendar.reminder_dialog import ReminderDialog
from desktop_crm.ui.calls.log_call import LogCallDialog
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.list_page import ListPage
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.widgets import QuietMessageLabel

REMINDERS = frozenset({"reminder"})


class CalendarPage(ListPage):
    customer_requested = Signal(str)  # "Open customer" from an entry's menu
    entries_did_load = Signal()

    def __init__(self, session: CrmSession, ops: Operations, actor: Actor, *,
                 zone: tzinfo | None = None, first_weekday: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarPage")
        self._session = session
        self._ops = ops
        self._actor = actor
        self.zone = zone or local_zone()
        if first_weekday is None:  # the locale's first day of the week (Qt counts Monday 1)
            first_weekday = QLocale().firstDayOfWeek().value - 1
        self.first_weekday = first_weekday
        self.mode = ViewMode.MONTH
        self.anchor = self.today()
        self.entries: list[Entry] = []
        self.loading = False
        self._load_number = 0
        self._owners_loaded = False
        self._owners: list[tuple[str, str]] = []  # (id, name) of whose reminders it reads
        self.dialog: QDialog | None = None  # the reminder or call dialog open now
        self.menu: QMenu | None = None  # the context menu last built

        self.toolbar = CalendarToolbar(self)
        self.toolbar.new_button.setEnabled(self._may(Action.CREATE))
        self.toolbar.import_action.setEnabled(self._may(Action.CREATE))
        self.message = QuietMessageLabel("calendarMessage", self)
        # Done on a return visit asks for the customer's answer first
        self.visit_answers = ReminderActions(session, ops, origin=self, parent=self)
        self.visit_answers.action_did_fail.connect(self.message.show_error)
        self.views = CalendarViews(self.anchor, self.zone, first_weekday=first_weekday,
                                   today=self.anchor, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.message)
        layout.addWidget(self.views, 1)

        self.toolbar.step_requested.connect(self._step)
        self.toolbar.today_requested.connect(lambda: self.show_day(self.today()))
        self.toolbar.mode_did_change.connect(self.set_mode)
        self.toolbar.filter_did_change.connect(self._filters_changed)
        self.toolbar.new_requested.connect(lambda: self.create_on(self._chosen_day()))
        self.toolbar.import_requested.connect(lambda: self.import_calendar_file())
        self.toolbar.export_requested.connect(lambda: self.export_calendar_file())
        self.views.create_requested.connect(self.create_on)
        self.views.open_requested.connect(self.open_entry)
        self.views.move_requested.connect(self.move_entry)
        self.views.entry_menu_requested.connect(self._show_entry_menu)
        self.views.day_menu_requested.connect(self._show_day_menu)
        self.views.day_selected.connect(self._day_selected)
        for keys, forward in ((QKeySequence.StandardKey.MoveToPreviousPage, False),
                              (QKeySequence.StandardKey.MoveToNextPage, True)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda forward=forward: self._step(forward))
        ops.changes_did_happen.connect(self._on_changes)
        self._show_title()

    # --- what it shows ------------------------------------------------------------------------

    def today(self) -> date:
        return self._session.clock.now().astimezone(self.zone).date()

    def set_mode(self, mode: ViewMode) -> None:
        self.mode = mode
        self.toolbar.set_mode(mode)
        self.views.set_mode(mode)
        self._period_changed()

    def show_day(self, day: date) -> None:
        """Move to the period holding `day` and select it."""
        self.anchor = day
        self._period_changed()

    def _step(self, forward: bool) -> None:
        self.show_day(step(self.mode, self.anchor, forward))

    def _period_changed(self) -> None:
        self.views.set_period(self.anchor, self.today())
        self._show_title()
        if self._started:  # a page not yet shown reads when it is
            self._load()

    def _day_selected(self, day: date) -> None:
        """A day picked in the grid becomes the one the week and the agenda open at (a
        dimmed day of the month beside does not turn the page)."""
        if (day.year, day.month) == (self.anchor.year, self.anchor.month):
            self.anchor = day

    def _chosen_day(self) -> date:
        if self.mode is ViewMode.MONTH:
            return self.views.month_view.selected_day() or self.anchor
        return self.anchor

    def _show_title(self) -> None:
        locale = QLocale()
        if self.mode is ViewMode.WEEK:
            first, end = loaded_days(self.mode, self.anchor, self.first_weekday)
            last = date.fromordinal(end.toordinal() - 1)
            day_format = self.tr("d MMM yyyy")
            text = f"{locale.toString(_qdate(first), day_format)} – " \
                   f"{locale.toString(_qdate(last), day_format)}"
        else:
            text = locale.toString(_qdate(self.anchor), self.tr("MMMM yyyy"))
        self.toolbar.title_label.setText(text)

    # --- loading ------------------------------------------------------------------------------

    def read_again(self) -> None:
        if not self._owners_loaded:
            self._load_owners()
        self._load()

    def _load_owners(self) -> None:
        reminders = self._session.reminders
        self._ops.run(reminders.owners, lane=Lane.READ, context=self,
                      on_success=self._show_owners, on_failure=self._show_error)

    def _show_owners(self, owners: list[tuple[str, str]]) -> None:
        self._owners_loaded = True
        self._owners = owners
        self.toolbar.set_owners(owners, self._actor.user_id)

    def _owner_ids(self) -> list[str] | None:
        chosen = self.toolbar.chosen_owner()
        if chosen is None:
            return None  # the service's default: the user's own
        if chosen == EVERYONE:
            return [user_id for user_id, _name in self._owners]
        return [chosen]

    def _filters_changed(self) -> None:
        if self._started:
            self._load()

    def _load(self) -> None:
        self._load_number += 1
        number = self._load_number
        mode, zone = self.mode, self.zone
        first, end = loaded_days(mode, self.anchor, self.first_weekday)
        kinds, owners = self.toolbar.chosen_kinds(), self._owner_ids()
        include_done = self.toolbar.show_done()
        if kinds == []:  # nothing ticked: nothing to ask for
            self._show_entries(number, mode, [])
            return
        reminders = self._session.reminders
        self.loading = True
        self._ops.run(
            lambda: reminders.window(first, end, zone=zone, kinds=kinds, owner_ids=owners,
                                     include_done=include_done),
            lane=Lane.READ, context=self,
            on_success=lambda entries: self._show_entries(number, mode, entries),
            on_failure=lambda error: self._load_failed(number, error))

    def _show_entries(self, number: int, mode: ViewMode, entries: list[Entry]) -> None:
        if number != self._load_number or not isValid(self):
            return  # a later load is on its way
        self.loading = False
        self.entries = entries
        self.message.clear_message()
        show_owner = self.toolbar.chosen_owner() is not None
        self.views.set_entries(mode, entries, self.zone, today=self.today(),
                               show_owner=show_owner)
        self.entries_did_load.emit()

    def _load_failed(self, number: int, error: Exception) -> None:
        if number == self._load_number:
            self.loading = False
            self._show_error(error)

    def _show_error(self, error: Exception) -> None:
        if isValid(self):
            self.message.show_error(error_text(error))

    def _on_changes(self, changes: OpChanges) -> None:
        self.refresh_if_changed(changes.touches("reminder"))

    # --- acting on entries ----------------------------------------------------------------------

    def _may(self, action: str) -> bool:
        return self._actor.can(Resource.REMINDER, action)

    def move_entry(self, entry: Entry, day: date) -> None:
        """Reschedule `entry` to `day`: a timed one keeps its local time of day; of a
        repeating reminder only this occurrence moves."""
        if entry.all_day:
            to: date | datetime = day
        else:
            local_start = entry.starts_at.astimezone(self.zone)
            to = datetime.combine(day, local_start.time(), tzinfo=self.zone).astimezone(UTC)
        reminders = self._session.reminders
        self._write(lambda: reminders.reschedule(entry.reminder_id, to,
                                                 occurrence=entry.occurrence))

    def snooze(self, entry: Entry, until: datetime) -> None:
        reminders = self._session.reminders
        self._write(lambda: reminders.snooze(entry.reminder_id, until,
                                             occurrence=entry.occurrence))

    def complete(self, entry: Entry) -> None:
        if asks_for_an_answer(entry):
            self.visit_answers.ask_visit_answer(entry)
            return
        reminders = self._session.reminders
        self._write(lambda: reminders.complete(entry.reminder_id, entry.occurrence))

    def reopen(self, entry: Entry) -> None:
        reminders = self._session.reminders
        self._write(lambda: reminders.reopen(entry.reminder_id, entry.occurrence))

    def _write(self, work: Callable[[], object]) -> None:
        self.message.clear_message()
        self._ops.run(work, lane=Lane.WRITE, context=self,
                      changes=OpChanges(REMINDERS, origin=self),
                      on_failure=self._show_error)

    def create_on(self, day: date) -> None:
        if self._may(Action.CREATE):
            self._open_dialog(ReminderDialog(self._session, self._ops, day=day, parent=self))

    def open_entry(self, entry: Entry) -> None:
        self._open_dialog(ReminderDialog(self._session, self._ops,
                                         reminder_id=entry.reminder_id, parent=self))

    def log_call(self, entry: Entry) -> None:
        """The call dialog for the entry's customer; a logged call completes the entry."""
        customer = (entry.customer_id, entry.customer_name) if entry.customer_id else None
        dialog = LogCallDialog(self._session, self._ops, self._actor, customer, parent=self)
        dialog.call_did_log.connect(lambda _call: self.complete(entry))
        self._open_dialog(dialog)

    def _open_dialog(self, dialog: ReminderDialog | LogCallDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        dialog.open()

    def _forget_dialog(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def close_dialogs(self) -> None:
        """The session locks: the open dialog and menu close without asking."""
        if self.menu is not None and isValid(self.menu):
            if isinstance(self.menu, EntryMenu) and self.menu.snooze_menu.custom_dialog:
                self.menu.snooze_menu.custom_dialog.done(0)
            self.menu.close()
        if self.dialog is not None and isValid(self.dialog):
            self.dialog.done(0)
        self.visit_answers.close_dialogs()

    def import_calendar_file(self, choose_path: PathChooser = ask_open_path) -> None:
        """Pick an .ics file, preview it, import it (the page reads again once it has)."""
        import_ics(self, self._session, self._ops, choose_path=choose_path, zone=self.zone)

    def export_calendar_file(self, choose_path: PathChooser = ask_save_path) -> None:
        """Write the user's own reminders to an .ics file they pick."""
        export_ics(self, self._session, self._ops, choose_path=choose_path)

    # --- context menus ------------------------------------------------------------------------

    def menu_for(self, entry: Entry) -> EntryMenu:
        """The entry's context menu, built (not shown), for the views and the tests."""
        menu = EntryMenu(entry, self._session.clock, may_change=self._may(Action.UPDATE),
                         may_log_call=self._actor.can(Resource.INTERACTION, Action.CREATE),
                         parent=self)
        menu.open_chosen.connect(self.open_entry)
        menu.snooze_chosen.connect(self.snooze)
        menu.complete_chosen.connect(self.complete)
        menu.reopen_chosen.connect(self.reopen)
        menu.customer_chosen.connect(self.customer_requested)
        menu.log_call_chosen.connect(self.log_call)
        self._keep_menu(menu)
        return menu

    def day_menu_for(self, day: date) -> DayMenu:
        menu = DayMenu(day, may_create=self._may(Action.CREATE), parent=self)
        menu.create_chosen.connect(self.create_on)
        self._keep_menu(menu)
        return menu

    def _keep_menu(self, menu: QMenu) -> None:
        if self.menu is not None and isValid(self.menu):
            self.menu.deleteLater()
        self.menu = menu

    def _show_entry_menu(self, entry: Entry, position: QPoint) -> None:
        self.menu_for(entry).popup(position)

    def _show_day_menu(self, day: date, position: QPoint) -> None:
        self.day_menu_for(day).popup(position)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
