"""The reminder dialog: a new reminder with a customer and a weekly repeat is saved as typed;
a bad rule is named as it is typed; refused values (end before start, a date out of range)
come back under their field with the dialog open and nothing saved; an edit loads the
reminder and saves with its version, and a stale version is refused in words; an edit sends
only what changed, so a stored rule, zone and start (and a series' done occurrences) stay as
they were; a multi-day all-day reminder keeps its last day."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, Qt, QTime

from desktop_crm.services.reminder_views import ReminderView
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.ui import prompts
from desktop_crm.ui.calendar.reminder_dialog import ReminderDialog
from desktop_crm.ui.calendar.reminder_repeat import (
    CUSTOM,
    DAILY,
    MONTHLY,
    WEEKLY,
    YEARLY,
    RepeatChoice,
)
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


def _weekly_with_a_done_monday(session: CrmSession, **more: Any) -> tuple[ReminderView, str]:
    """A weekly Monday reminder whose second occurrence is done and first is snoozed."""
    zone = ZoneInfo("Asia/Shanghai")
    view = session.reminders.create({
        "title": "Weekly call", "due_at": datetime.combine(MONDAY, time(10, 0), zone),
        "rrule": "FREQ=WEEKLY;BYDAY=MO", "time_zone": "Asia/Shanghai", **more})
    [second] = session.reminders.window(date(2031, 3, 17), date(2031, 3, 18), zone=zone)
    session.reminders.complete(view.id, second.occurrence)
    return session.reminders.get(view.id), second.occurrence or ""


def _done_on_the_second_monday(session: CrmSession) -> bool:
    zone = ZoneInfo("Asia/Shanghai")
    [second] = session.reminders.window(date(2031, 3, 17), date(2031, 3, 18), zone=zone)
    return second.done_at is not None


def _save_and_wait(qtbot: Any, dialog: ReminderDialog) -> ReminderView:
    views = saved_views(dialog)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(views), timeout=10_000)
    return views[0]


def test_a_title_edit_keeps_the_rule_and_its_done_occurrences(
        qtbot: Any, ops: Operations, sales2: CrmSession) -> None:
    view, _ = _weekly_with_a_done_monday(sales2)
    dialog = opened(qtbot, ReminderDialog(sales2, ops, reminder_id=view.id))
    assert dialog.form.repeat.rule() == "FREQ=WEEKLY;BYDAY=MO"  # read back as stored
    dialog.form.title_edit.setText("Weekly call with the boss")
    _save_and_wait(qtbot, dialog)
    stored = sales2.reminders.get(view.id)
    assert stored.title == "Weekly call with the boss"
    assert stored.rrule == "FREQ=WEEKLY;BYDAY=MO"
    assert _done_on_the_second_monday(sales2)


def test_seconds_in_a_stored_start_are_no_change(
        qtbot: Any, ops: Operations, sales2: CrmSession) -> None:
    zone = ZoneInfo("Asia/Shanghai")
    view = sales2.reminders.create({
        "title": "Imported", "due_at": datetime.combine(MONDAY, time(10, 0, 30), zone),
        "rrule": "FREQ=DAILY", "time_zone": "Asia/Shanghai"})
    [second] = sales2.reminders.window(date(2031, 3, 11), date(2031, 3, 12), zone=zone)
    sales2.reminders.complete(view.id, second.occurrence)
    dialog = opened(qtbot, ReminderDialog(sales2, ops, reminder_id=view.id))
    with updates_sent(sales2) as sent:
        dialog.form.notes_edit.setPlainText("From the old calendar")
        _save_and_wait(qtbot, dialog)
    assert sent == [{"notes": "From the old calendar"}]
    stored = sales2.reminders.get(view.id)
    assert stored.due_at == view.due_at  # the seconds stay
    [second] = sales2.reminders.window(date(2031, 3, 11), date(2031, 3, 12), zone=zone)
    assert second.done_at is not None


@contextmanager
def updates_sent(session: CrmSession) -> Iterator[list[dict[str, Any]]]:
    """The changes each reminders.update call is given while the block runs."""
    sent: list[dict[str, Any]] = []
    update = session.reminders.update

    def recording(reminder_id: str, changes: Any, **kwargs: Any) -> ReminderView:
        sent.append(dict(changes))
        return update(reminder_id, changes, **kwargs)

    session.reminders.update = recording  # type: ignore[method-assign]
    try:
        yield sent
    finally:
        del session.reminders.update


def test_only_the_fields_changed_are_sent(
        qtbot: Any, ops: Operations, sales2: CrmSession) -> None:
    view, _ = _weekly_with_a_done_monday(sales2)
    dialog = opened(qtbot, ReminderDialog(sales2, ops, reminder_id=view.id))
    with updates_sent(sales2) as sent:
        dialog.form.title_edit.setText("Weekly call, shorter")
        dialog.form.kind_combo.setCurrentIndex(dialog.form.kind_combo.findData("visit"))
        _save_and_wait(qtbot, dialog)
    assert sent == [{"title": "Weekly call, shorter", "kind": "visit"}]


@pytest.mark.parametrize(("rule", "choice"), [
    ("FREQ=WEEKLY;BYDAY=MO", WEEKLY),
    ("FREQ=WEEKLY", WEEKLY),
    ("FREQ=MONTHLY;BYMONTHDAY=10", MONTHLY),
    ("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=10", YEARLY),
    ("FREQ=DAILY", DAILY),
    ("FREQ=MONTHLY;BYDAY=2MO", CUSTOM),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR", CUSTOM),
])
def test_a_stored_rule_reads_as_a_choice_that_saves_the_same_rule(
        qtbot: Any, rule: str, choice: str) -> None:
    repeat = RepeatChoice()
    qtbot.addWidget(repeat)
    repeat.set_start(datetime.combine(MONDAY, time(10, 0)), False)
    repeat.set_rule(rule)
    assert repeat.combo.currentData() == choice
    assert repeat.rule() == rule
    if choice == CUSTOM:
        assert repeat.rule_edit.text() == rule and not repeat.rule_edit.isHidden()
    # another day: the choice now says Tuesday, and saves what it says
    if choice == WEEKLY:
        repeat.set_start(datetime.combine(MONDAY + timedelta(days=1), time(10, 0)), False)
        assert repeat.rule() == "FREQ=WEEKLY"


def test_a_multi_day_all_day_reminder_keeps_its_end(
        qtbot: Any, ops: Operations, sales2: CrmSession) -> None:
    view = sales2.reminders.create({
        "title": "Trade fair", "all_day": True, "due_at": date(2031, 3, 10),
        "ends_at": date(2031, 3, 12)})
    dialog = opened(qtbot, ReminderDialog(sales2, ops, reminder_id=view.id))
    form = dialog.form
    assert form.end_check.isChecked() and form.end_date_edit.isVisibleTo(dialog)
    assert form.end_date_edit.date() == QDate(2031, 3, 12)
    form.title_edit.setText("Trade fair in Guangzhou")
    _save_and_wait(qtbot, dialog)
    assert sales2.reminders.get(view.id).ends_at == datetime(2031, 3, 12, tzinfo=UTC)

    dialog = opened(qtbot, ReminderDialog(sales2, ops, reminder_id=view.id))
    dialog.form.date_edit.setDate(QDate(2031, 3, 17))  # moved a week on: the end goes along
    assert dialog.form.end_date_edit.date() == QDate(2031, 3, 19)
    _save_and_wait(qtbot, dialog)
    stored = sales2.reminders.get(view.id)
    assert stored.due_at == datetime(2031, 3, 17, tzinfo=UTC)
    assert stored.ends_at == datetime(2031, 3, 19, tzinfo=UTC)


def test_a_new_all_day_reminder_can_span_days(
        qtbot: Any, ops: Operations, sales2: CrmSession) -> None:
    dialog = opened(qtbot, ReminderDialog(sales2, ops, day=MONDAY))
    form = dialog.form
    qtbot.keyClicks(form.title_edit, "Holiday")
    form.all_day_check.setChecked(True)
    assert form.end_check.isVisibleTo(dialog) and not form.end_edit.isVisibleTo(dialog)
    form.end_check.setChecked(True)
    form.end_date_edit.setDate(QDate(2031, 3, 14))
    view = _save_and_wait(qtbot, dialog)
    stored = sales2.reminders.get(view.id)
    assert stored.all_day and stored.ends_at == datetime(2031, 3, 14, tzinfo=UTC)
