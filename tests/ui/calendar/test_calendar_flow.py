"""The path the issue asks to see: create a reminder in the month view, drag it to another
day, snooze it and complete it through its context menu in the agenda."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from desktop_crm.domain.local_zone import local_zone
from desktop_crm.ui.calendar.agenda_model import COLUMNS
from desktop_crm.ui.calendar.entry_menu import EntryMenu
from desktop_crm.ui.calendar.entry_mime import entries_mime
from desktop_crm.ui.calendar.month_model import SUMMARY_ROLE
from desktop_crm.ui.calendar.reminder_dialog import ReminderDialog
from tests.ui.calendar.conftest import NOW, wait_idle


def _context_menu(page, entry) -> EntryMenu:
    """Right-click the entry's row in the day's agenda beside the grid."""
    tree = page.views.day_agenda.tree
    rect = tree.visualRect(page.views.day_agenda.model.entry_index(entry))
    position = rect.center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, position,
                              tree.viewport().mapToGlobal(position))
    QApplication.sendEvent(tree.viewport(), event)
    menu = page.menu
    assert isinstance(menu, EntryMenu) and menu.entry == entry and menu.isVisible()
    return menu


def _choose(menu: EntryMenu, name: str) -> None:
    action = menu.findChild(QAction, name)
    assert action is not None and action.isEnabled(), name
    action.trigger()
    menu.close()


def _only_entry(page, day: date):
    summary = page.views.month_model.index_of(day).data(SUMMARY_ROLE)
    assert summary is not None and summary.total == 1
    return summary.entries[0]


def test_create_in_the_month_drag_to_another_day_snooze_and_complete(
        signed_in, open_page, qtbot, ops):
    admin = signed_in("admin")
    zone = local_zone()  # the reminder dialog shows this computer's clock
    page = open_page(admin, zone=zone)
    month = page.views.month_view

    # 1. a double-click on the 20th opens a new reminder on that day
    QTest.mouseDClick(month.viewport(), Qt.MouseButton.LeftButton,
                      pos=month.day_position(date(2026, 5, 20)))
    dialog = page.dialog
    assert isinstance(dialog, ReminderDialog) and dialog.isVisible()
    dialog.findChild(QLineEdit, "titleEdit").setText("回访张伟：报价")
    dialog.findChild(QPushButton, "saveReminderButton").click()
    wait_idle(qtbot, ops)
    qtbot.waitUntil(lambda: page.dialog is None)
    created = _only_entry(page, date(2026, 5, 20))
    assert created.title == "回访张伟：报价"
    local_time = created.starts_at.astimezone(zone).time()

    # 2. dragged to the 22nd: the same time of day there
    model = page.views.month_model
    assert model.dropMimeData(entries_mime([created]), Qt.DropAction.MoveAction, -1, -1,
                              model.index_of(date(2026, 5, 22)))
    wait_idle(qtbot, ops)
    moved = _only_entry(page, date(2026, 5, 22))
    assert moved.reminder_id == created.reminder_id
    assert moved.starts_at.astimezone(zone).time() == local_time
    assert page.views.month_model.index_of(date(2026, 5, 20)).data(SUMMARY_ROLE) is None

    # 3. snoozed for 15 minutes from the agenda's context menu
    month.select_day(date(2026, 5, 22))
    _choose(_context_menu(page, moved), "snooze15m")
    wait_idle(qtbot, ops)
    assert admin.reminders.get(moved.reminder_id).snoozed_until == NOW + timedelta(minutes=15)

    # 4. completed from the same menu: struck through in the day's agenda
    snoozed = _only_entry(page, date(2026, 5, 22))
    _choose(_context_menu(page, snoozed), "entryCompleteAction")
    wait_idle(qtbot, ops)
    assert admin.reminders.get(moved.reminder_id).done_at is not None
    done = _only_entry(page, date(2026, 5, 22))
    assert done.done_at is not None
    agenda = page.views.day_agenda.model
    title = agenda.entry_index(done, COLUMNS.index("title"))
    assert title.data(Qt.ItemDataRole.FontRole).strikeOut()
    # and a done one offers Reopen instead
    menu = _context_menu(page, done)
    assert menu.findChild(QAction, "entryReopenAction") is not None
    assert menu.findChild(QAction, "entryCompleteAction") is None
    menu.close()
