"""An entry's context menu on the calendar page: open it, open its customer, log the call
that completes it, snooze it to a moment picked by hand; a day's menu creates on that day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtGui import QAction

from desktop_crm.ui.calendar.month_model import SUMMARY_ROLE
from desktop_crm.ui.calendar.reminder_dialog import ReminderDialog
from desktop_crm.ui.calls.log_call import LogCallDialog
from desktop_crm.ui.moments import to_qdatetime
from tests.ui.calendar.conftest import NOW, create, wait_idle


def _customer_id(session, name: str) -> str:
    [row] = session.customers.search(name)
    return row.id


def _entry_on(page, day: date):
    summary = page.views.month_model.index_of(day).data(SUMMARY_ROLE)
    assert summary is not None
    return summary.entries[0]


def _action(menu, name: str) -> QAction:
    action = menu.findChild(QAction, name)
    assert action is not None, name
    return action


def test_open_customer_asks_for_the_entrys_customer_and_is_off_without_one(signed_in,
                                                                           open_page, qtbot):
    admin = signed_in("admin")
    zhang = _customer_id(admin, "张伟")
    create(admin, "回访张伟", datetime(2026, 5, 6, 1, tzinfo=UTC), customer_id=zhang)
    create(admin, "整理名片", datetime(2026, 5, 7, 1, tzinfo=UTC))
    page = open_page(admin)
    with_customer = _entry_on(page, date(2026, 5, 6))
    assert with_customer.customer_name == "张伟"
    with qtbot.waitSignal(page.customer_requested) as asked:
        _action(page.menu_for(with_customer), "entryOpenCustomerAction").trigger()
    assert asked.args == [zhang]
    assert not _action(page.menu_for(_entry_on(page, date(2026, 5, 7))),
                       "entryOpenCustomerAction").isEnabled()


def test_logging_the_call_from_a_reminder_completes_it(signed_in, open_page, qtbot, ops):
    admin = signed_in("admin")
    zhang = _customer_id(admin, "张伟")
    reminder_id = create(admin, "回访张伟", datetime(2026, 5, 6, 1, tzinfo=UTC),
                         customer_id=zhang)
    page = open_page(admin)
    _action(page.menu_for(_entry_on(page, date(2026, 5, 6))), "entryLogCallAction").trigger()
    dialog = page.dialog
    assert isinstance(dialog, LogCallDialog) and dialog.customer_label is not None
    assert dialog.customer_label.text() == "张伟"
    dialog.form.summary_edit.setPlainText("已回访，客户满意")
    dialog.form.next_step_edit.setText("下月再联系")
    with qtbot.waitSignal(dialog.call_did_log, timeout=10_000):
        dialog.save_button.click()
    wait_idle(qtbot, ops)
    assert admin.reminders.get(reminder_id).done_at is not None
    assert _entry_on(page, date(2026, 5, 6)).done_at is not None


def test_open_shows_the_reminder_in_its_dialog(signed_in, open_page, qtbot):
    admin = signed_in("admin")
    reminder_id = create(admin, "回访张伟", datetime(2026, 5, 6, 1, tzinfo=UTC))
    page = open_page(admin)
    _action(page.menu_for(_entry_on(page, date(2026, 5, 6))), "entryOpenAction").trigger()
    dialog = page.dialog
    assert isinstance(dialog, ReminderDialog)
    qtbot.waitUntil(lambda: dialog.loaded is not None, timeout=10_000)
    assert dialog.loaded.id == reminder_id
    dialog.reject()


def test_a_custom_snooze_waits_until_the_moment_picked(signed_in, open_page, qtbot, ops):
    admin = signed_in("admin")
    reminder_id = create(admin, "回访张伟", datetime(2026, 5, 14, 1, tzinfo=UTC))
    page = open_page(admin)
    menu = page.menu_for(_entry_on(page, date(2026, 5, 14)))
    _action(menu, "snoozeCustom").trigger()
    custom = menu.snooze_menu.custom_dialog
    assert custom is not None
    until = NOW + timedelta(days=2, hours=3)
    custom.edit.setDateTime(to_qdatetime(until))
    custom.ok_button.click()
    wait_idle(qtbot, ops)
    assert admin.reminders.get(reminder_id).snoozed_until == until


def test_a_done_reminder_offers_reopen_instead_of_snooze_and_a_call(signed_in, open_page):
    sales2 = signed_in("sales2")
    reminder_id = create(sales2, "done already", datetime(2026, 5, 8, 1, tzinfo=UTC))
    sales2.reminders.complete(reminder_id)
    page = open_page(sales2)
    menu = page.menu_for(_entry_on(page, date(2026, 5, 8)))
    assert not menu.snooze_menu.menuAction().isEnabled()
    assert not _action(menu, "entryLogCallAction").isEnabled()
    assert _action(menu, "entryReopenAction").isEnabled()


def test_a_days_menu_creates_a_reminder_on_that_day(signed_in, open_page):
    page = open_page(signed_in("sales2"))
    menu = page.day_menu_for(date(2026, 5, 27))
    _action(menu, "dayCreateAction").trigger()
    dialog = page.dialog
    assert isinstance(dialog, ReminderDialog)
    assert dialog.form.date_edit.date().toPython() == date(2026, 5, 27)
    dialog.reject()


def test_a_lock_closes_the_open_dialog_without_asking(signed_in, open_page, qtbot):
    page = open_page(signed_in("sales2"))
    _action(page.day_menu_for(date(2026, 5, 27)), "dayCreateAction").trigger()
    dialog = page.dialog
    assert isinstance(dialog, ReminderDialog)
    dialog.form.title_edit.setText("typed, not saved")  # Esc would ask before losing it
    page.close_dialogs()
    qtbot.waitUntil(lambda: page.dialog is None)
