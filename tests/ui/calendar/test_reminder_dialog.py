"""The reminder dialog: a new reminder with a customer and a weekly repeat is saved as typed;
a bad rule is named as it is typed; refused values (end before start, a date out of range)
come back under their field with the dialog open and nothing saved; an edit loads the
reminder and saves with its version, and a stale version is refused in words."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt, QTime

from desktop_crm.services.reminder_views import ReminderView
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.ui import prompts
from desktop_crm.ui.calendar.reminder_dialog import ReminderDialog
from desktop_crm.ui.calendar.reminder_repeat import CUSTOM, WEEKLY
from desktop_crm.ui.ops import Operations
from tests.ui.conftest import SALES2_PASSWORD, Template

MONDAY = date(2031, 3, 10)


@pytest.fixture
def sales2(vault: Template, opened_sessions: list[CrmSession]) -> CrmSession:
    session = sign_in(vault.vault_dir, "sales2", SALES2_PASSWORD)
    opened_sessions.append(session)
    return session


def opened(qtbot: Any, dialog: ReminderDialog) -> ReminderDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)
    return dialog


def saved_views(dialog: ReminderDialog) -> list[ReminderView]:
    views: list[ReminderView] = []
    dialog.reminder_did_save.connect(views.append)
    return views


def choose_repeat(dialog: ReminderDialog, choice: str) -> None:
    combo = dialog.form.repeat.combo
    combo.setCurrentIndex(combo.findData(choice))


def test_a_new_weekly_reminder_for_a_customer_is_saved_as_typed(
        qtbot: Any, ops: Operations, sales2: CrmSession) -> None:
    customer = sales2.customers.create({"name": "王芳"})
    dialog = opened(qtbot, ReminderDialog(sales2, ops, day=MONDAY))
    views = saved_views(dialog)
    form = dialog.form
    assert dialog.windowTitle() == "New reminder"
    assert form.date_edit.date() == QDate(2031, 3, 10)
    assert form.start_edit.time() == QTime(9, 0)  # another day: the morning
    # the repeat choices speak of the reminder's own day
    texts = [form.repeat.combo.itemText(i) for i in range(form.repeat.combo.count())]
    assert "Weekly on Monday" in texts and "Monthly on day 10" in texts
    assert "Yearly on Mar 10" in texts

    form.kind_combo.setCurrentIndex(form.kind_combo.findData("visit"))
    qtbot.keyClicks(form.title_edit, "Visit the new office")
    qtbot.keyClicks(dialog.picker.search_edit, "wf")
    qtbot.keyClick(dialog.picker.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.picker.picked() is not None, timeout=10_000)
    form.start_edit.setTime(QTime(14, 30))
    form.end_check.setChecked(True)
    form.end_edit.setTime(QTime(15, 15))
    choose_repeat(dialog, WEEKLY)
    form.notes_edit.setPlainText("Bring the samples")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(views), timeout=10_000)

    assert not dialog.isVisible()
    stored = sales2.reminders.get(views[0].id)
    local = datetime.combine(MONDAY, time(14, 30)).astimezone()
    assert (stored.kind, stored.title, stored.customer_id) == (
        "visit", "Visit the new office", customer.id)
    assert stored.due_at == local.astimezone(UTC) and not stored.all_day
    assert stored.ends_at == datetime.combine(MONDAY, time(15, 15)).astimezone().astimezone(UTC)
    assert stored.rrule == "FREQ=WEEKLY" and stored.notes == "Bring the samples"


def test_an_all_day_birthday_keeps_its_date(
        qtbot: Any, ops: Operations, sales2: CrmSession) -> None:
    dialog = opened(qtbot, ReminderDialog(sales2, ops, day=date(2032, 2, 29)))
    views = saved_views(dialog)
    form = dialog.form
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("birthday"))
    assert form.all_day_check.isChecked()  # a birthday is a whole day
    assert not form.start_edit.isVisibleTo(dialog)
    assert "Yearly on Feb 29" in [form.repeat.combo.itemText(i)
                                  for i in range(form.repeat.combo.count())]
    qtbot.keyClicks(form.title_edit, "Birthday")
    choose_repeat(dialog, "yearly")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(views), timeout=10_000)
    stored = sales2.reminders.get(views[0].id)
    assert stored.all_day and stored.due_at.date() == date(2032, 2, 29)
    assert stored.rrule == "FREQ=YEARLY" and stored.ends_at is None


def test_a_custom_rule_is_checked_as_it_is_typed(
        qtbot: Any, ops: Operations, sales2: CrmSession) -> None:
    dialog = opened(qtbot, ReminderDialog(sales2, ops, day=MONDAY))
    form = dialog.form
    qtbot.keyClicks(form.title_edit, "Weekly report")
    choose_repeat(dialog, CUSTOM)
    repeat = form.repeat
    assert repeat.rule_edit.isVisibleTo(dialog)
    qtbot.keyClicks(repeat.rule_edit, "FREQ=HOURLY")
    assert repeat.rule_message.text() == (
        "FREQ=HOURLY is not supported: use DAILY, WEEKLY, MONTHLY or YEARLY")
    assert repeat.rule_message.isVisibleTo(dialog)
    dialog.save_button.click()  # refused here: nothing reaches the service
    assert dialog.isVisible() and not ops.busy
    assert sales2.reminders.window(MONDAY, date(2031, 3, 11)) == []

    repeat.rule_edit.setText("FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20310301")
    assert repeat.rule_message.text() == "UNTIL is before the start"
    repeat.rule_edit.setText("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6")
    assert repeat.rule_message.isHidden()
    views = saved_views(dialog)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(views), timeout=10_000)
    assert sales2.reminders.get(views[0].id).rrule == "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6"


@pytest.mark.parametrize(("change", "row", "message"), [
    ("end_before_start", "when", "The end is before the start"),
    ("year_1850", "when", "Must fall between 1900 and 2200"),
])
def test_a_refused_value_is_named_at_its_field_and_nothing_is_saved(
        qtbot: Any, ops: Operations, sales2: CrmSession, change: str, row: str,
        message: str) -> None:
    dialog = opened(qtbot, ReminderDialog(sales2, ops, day=MONDAY))
    form = dialog.form
    qtbot.keyClicks(form.title_edit, "Call back")
    if change == "end_before_start":
        form.start_edit.setTime(QTime(16, 0))
        form.end_check.setChecked(True)
        form.end_edit.setTime(QTime(15, 0))
    else:
        form.date_edit.setDate(QDate(1850, 1, 1))
    dialog.save_button.click()
    error = form.errors[row]
    qtbot.waitUntil(lambda: not error.isHidden(), timeout=10_000)
    assert error.text() == message
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert sales2.reminders.list(include_done=True) == []


def test_an_edit_loads_the_reminder_and_saves_with_its_version(
        qtbot: Any, ops: Operations, sales2: CrmSession) -> None:
    customer = sales2.customers.create({"name": "李雷"})
    view = sales2.reminders.create({
        "title": "Send the quote", "kind": "follow_up", "customer_id": customer.id,
        "due_at": datetime.combine(MONDAY, time(10, 0)).astimezone(),
        "rrule": "FREQ=WEEKLY;BYDAY=MO", "notes": "Price list v2"})
    dialog = opened(qtbot, ReminderDialog(sales2, ops, reminder_id=view.id))
    form = dialog.form
    assert dialog.windowTitle() == "Edit reminder"
    assert form.title_edit.text() == "Send the quote"
    assert dialog.picker.search_edit.text() == "李雷"  # the customer by name
    assert form.start_edit.time() == QTime(10, 0)
    assert form.repeat.combo.currentData() == WEEKLY  # BYDAY=MO on a Monday reads as weekly
    assert form.series_note.isVisibleTo(dialog)
    assert form.notes_edit.toPlainText() == "Price list v2"

    form.title_edit.setText("Send the revised quote")
    views = saved_views(dialog)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(views), timeout=10_000)
    stored = sales2.reminders.get(view.id)
    assert stored.title == "Send the revised quote" and stored.customer_id == customer.id
    assert stored.version == view.version + 1


def test_an_edit_made_elsewhere_meanwhile_is_not_overwritten(
        qtbot: Any, ops: Operations, sales2: CrmSession) -> None:
    view = sales2.reminders.create({
        "title": "Visit", "due_at": datetime.combine(MONDAY, time(10, 0)).astimezone()})
    dialog = opened(qtbot, ReminderDialog(sales2, ops, reminder_id=view.id))
    sales2.reminders.update(view.id, {"title": "Visit (moved)"}, version=view.version)
    dialog.form.title_edit.setText("Visit with the boss")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(dialog.message.text()) and not ops.busy, timeout=10_000)
    assert dialog.message.text() == "This reminder was changed meanwhile; reload and retry"
    assert dialog.isVisible()
    assert sales2.reminders.get(view.id).title == "Visit (moved)"


def test_cancel_asks_before_dropping_what_was_typed(
        qtbot: Any, ops: Operations, sales2: CrmSession) -> None:
    dialog = opened(qtbot, ReminderDialog(sales2, ops, day=MONDAY))
    dialog.reject()  # nothing typed: closes at once
    assert not dialog.isVisible()
    dialog = opened(qtbot, ReminderDialog(sales2, ops, day=MONDAY))
    qtbot.keyClicks(dialog.form.title_edit, "Half typed")
    with prompts.scripted(False) as asked:
        dialog.reject()
    assert [a.kind for a in asked] == ["confirm"] and dialog.isVisible()
    with prompts.scripted(True):
        dialog.reject()
    assert not dialog.isVisible()
