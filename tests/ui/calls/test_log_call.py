"""The Log-a-call dialog on a real vault: the ten-second path, the follow-up reminder, messages
at their fields with nothing saved, the customer picker, and Esc."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QLabel

from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.ui import prompts
from desktop_crm.ui.calls.log_call import LogCallDialog
from tests.ui.calls.conftest import customer_named

CTRL = Qt.KeyboardModifier.ControlModifier


def open_dialog(qtbot, session, ops, customer=None, actor=None) -> LogCallDialog:
    dialog = LogCallDialog(session, ops, actor or session.me(), customer)
    # closed at the end without the "discard?" question a person would get
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)  # so focus can be asserted
    return dialog


def saved_calls(session, customer_id: str) -> list:
    return session.interactions.for_customer(customer_id)


def test_a_call_with_a_next_step_is_saved_with_its_follow_up_reminder(qtbot, ops, signed_in):
    session = signed_in("admin")
    zhang = customer_named(session, "张伟")
    dialog = open_dialog(qtbot, session, ops, zhang)
    assert dialog.windowTitle() == "Log a call — 张伟"
    form = dialog.form
    qtbot.waitUntil(form.summary_edit.hasFocus, timeout=2_000)  # the cursor starts here
    assert not form.next_step_at_edit.isEnabled()  # no reminder unless asked for

    qtbot.keyClicks(form.summary_edit, "quote ")  # typed; QTest types ASCII only
    form.summary_edit.insertPlainText("谈了新报价，客户想要分期付款")
    form.duration_edit.setText("1:05")
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("visit"))
    form.outcome_combo.setEditText("有意向")
    form.needs_edit.setPlainText("分期付款")
    form.next_step_edit.setText("寄报价单")
    form.remind_check.setChecked(True)
    assert form.next_step_at_edit.isEnabled()
    due = form.next_step_at_edit.dateTime()
    tomorrow = QDateTime.currentDateTime().addDays(1)
    assert (due.date(), due.time().hour(), due.time().minute()) == (tomorrow.date(), 10, 0)

    with qtbot.waitSignal(dialog.call_did_log, timeout=10_000) as logged:
        qtbot.keyClick(form.summary_edit, Qt.Key.Key_Return, CTRL)
    view = logged.args[0]
    assert not dialog.isVisible()

    [call] = saved_calls(session, zhang[0])
    assert (call.kind, call.summary, call.duration_seconds, call.outcome, call.needs) == (
        "visit", "quote 谈了新报价，客户想要分期付款", 65 * 60, "有意向", "分期付款")
    assert call.started_at.tzinfo is not None
    assert abs(call.started_at - datetime.now(UTC)) < timedelta(minutes=2)
    [reminder] = session.reminders.list()
    assert (reminder.id, reminder.title, reminder.customer_id) == (
        view.reminder_id, "寄报价单", zhang[0])
    assert reminder.due_at.astimezone().hour == 10
    assert dialog.follow_up_message.startswith("Follow-up reminder created for ")
    assert str(reminder.due_at.astimezone().day) in dialog.follow_up_message


def test_a_call_without_a_dated_next_step_creates_no_reminder(qtbot, ops, signed_in):
    session = signed_in("admin")
    zhang = customer_named(session, "张伟")
    dialog = open_dialog(qtbot, session, ops, zhang)
    dialog.form.summary_edit.setPlainText("问候")
    dialog.form.next_step_edit.setText("下月再联系")  # words only: no date, no reminder
    with qtbot.waitSignal(dialog.call_did_log, timeout=10_000):
        dialog.save_button.click()
    [call] = saved_calls(session, zhang[0])
    assert (call.next_step, call.next_step_at) == ("下月再联系", None)
    assert session.reminders.list() == []
    assert dialog.follow_up_message == ""


def error_shown(dialog, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None, name
    return label.text() if label.isVisibleTo(dialog) else ""


def test_an_unreadable_duration_is_shown_at_its_field_and_nothing_is_saved(qtbot, ops,
                                                                           signed_in):
    session = signed_in("admin")
    zhang = customer_named(session, "张伟")
    dialog = open_dialog(qtbot, session, ops, zhang)
    dialog.form.summary_edit.setPlainText("报价")
    dialog.form.duration_edit.setText("一会儿")
    dialog.save_button.click()
    assert "1:30" in error_shown(dialog, "durationSecondsError")
    assert dialog.form.duration_edit.hasFocus()
    assert dialog.isVisible() and not ops.busy
    assert saved_calls(session, zhang[0]) == []

    dialog.form.duration_edit.setText("25:00")  # read, but the service allows 24 hours
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not ops.busy, timeout=10_000)
    assert error_shown(dialog, "durationSecondsError") == (
        "Must be between 0 seconds and 24 hours")
    assert dialog.isVisible()
    assert saved_calls(session, zhang[0]) == []

    dialog.form.duration_edit.setText("20 min")
    with qtbot.waitSignal(dialog.call_did_log, timeout=10_000):
        dialog.save_button.click()
    assert error_shown(dialog, "durationSecondsError") == ""
    assert [c.duration_seconds for c in saved_calls(session, zhang[0])] == [20 * 60]


def test_a_missing_summary_or_next_step_is_shown_at_its_field(qtbot, ops, signed_in):
    session = signed_in("admin")
    zhang = customer_named(session, "张伟")
    dialog = open_dialog(qtbot, session, ops, zhang)
    dialog.save_button.click()
    assert error_shown(dialog, "summaryError") == "Say in a few words what was discussed."

    dialog.form.summary_edit.setPlainText("报价")
    dialog.form.remind_check.setChecked(True)  # a date, but no words for the reminder
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not ops.busy, timeout=10_000)
    assert error_shown(dialog, "summaryError") == ""
    assert error_shown(dialog, "nextStepError").startswith("Say what the next step is")
    assert dialog.form.next_step_edit.hasFocus()

    dialog.form.next_step_edit.setText("回电话")
    dialog.form.next_step_at_edit.setDateTime(QDateTime.currentDateTime().addDays(-2))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not ops.busy, timeout=10_000)
    assert error_shown(dialog, "nextStepAtError").startswith("Is in the past")
    assert saved_calls(session, zhang[0]) == []
    assert session.reminders.list() == []


def test_the_customer_is_picked_by_typing_with_arrows_and_enter(qtbot, ops, signed_in):
    session = signed_in("admin")
    session.customers.create({"name": "李雷", "company": "上海明辉贸易", "city": "上海"})
    dialog = open_dialog(qtbot, session, ops)
    picker = dialog.picker
    assert dialog.windowTitle() == "Log a call"
    qtbot.waitUntil(picker.search_edit.hasFocus, timeout=2_000)

    dialog.form.summary_edit.setPlainText("报价")
    dialog.save_button.click()  # nobody picked yet
    assert error_shown(dialog, "customerError") == "Pick the customer this call was with."
    assert picker.search_edit.hasFocus()

    qtbot.keyClicks(picker.search_edit, "li")  # 李娜 and 李雷
    qtbot.waitUntil(lambda: picker.matches.count() >= 2 and not picker.searching,
                    timeout=10_000)
    captions = [picker.matches.item(i).text() for i in range(picker.matches.count())]
    assert "李雷 — 上海明辉贸易 · 上海" in captions
    first = captions[0]
    qtbot.keyClick(picker.search_edit, Qt.Key.Key_Down)
    chosen = picker.matches.currentItem().text()
    assert chosen != first
    qtbot.keyClick(picker.search_edit, Qt.Key.Key_Return)  # picks; never saves the dialog
    assert picker.picked() is not None and not picker.matches.isVisible()
    assert dialog.isVisible()
    assert dialog.form.summary_edit.hasFocus()

    customer_id, name = picker.picked()
    assert chosen.startswith(name)
    with qtbot.waitSignal(dialog.call_did_log, timeout=10_000):
        qtbot.keyClick(dialog.form.summary_edit, Qt.Key.Key_Enter, CTRL)
    assert [c.summary for c in saved_calls(session, customer_id)] == ["报价"]


def test_enter_before_the_matches_arrive_picks_the_first_match(qtbot, ops, signed_in):
    session = signed_in("admin")
    dialog = open_dialog(qtbot, session, ops)
    picker = dialog.picker
    qtbot.keyClicks(picker.search_edit, "zw")
    qtbot.keyClick(picker.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: picker.picked() is not None, timeout=10_000)
    assert picker.picked()[1] == "张伟"
    qtbot.keyClicks(picker.search_edit, "x")  # typing again drops the pick
    assert picker.picked() is None


def test_a_search_without_matches_says_so(qtbot, ops, signed_in):
    session = signed_in("admin")
    dialog = open_dialog(qtbot, session, ops)
    dialog.picker.search_edit.setText("没有这个人")
    dialog.picker.search_edit.textEdited.emit("没有这个人")  # as typed through an input method
    qtbot.waitUntil(lambda: error_shown(dialog, "customerError") != "", timeout=10_000)
    assert "没有这个人" in error_shown(dialog, "customerError")
    assert not dialog.picker.matches.isVisible()


def test_esc_asks_before_losing_what_was_typed(qtbot, ops, signed_in):
    session = signed_in("admin")
    dialog = open_dialog(qtbot, session, ops, customer_named(session, "张伟"))
    with prompts.scripted() as asked:
        qtbot.keyClick(dialog.form.summary_edit, Qt.Key.Key_Escape)
    assert asked == [] and not dialog.isVisible()  # nothing typed: closes at once

    dialog = open_dialog(qtbot, session, ops, customer_named(session, "张伟"))
    qtbot.keyClicks(dialog.form.summary_edit, "ok")
    with prompts.scripted(False) as asked:
        qtbot.keyClick(dialog.form.summary_edit, Qt.Key.Key_Escape)
    assert [a.title for a in asked] == ["Discard this call?"]
    assert dialog.isVisible()
    with prompts.scripted(True):
        qtbot.keyClick(dialog.form.summary_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert saved_calls(session, customer_named(session, "张伟")[0]) == []


def test_a_role_without_reminders_gets_no_reminder_to_set(qtbot, ops, signed_in):
    session = signed_in("admin")
    actor = session.me()
    grants = {key: scopes for key, scopes in actor.grants.items()
              if key != (Resource.REMINDER, Action.CREATE)}
    dialog = open_dialog(qtbot, session, ops, customer_named(session, "张伟"),
                         actor=replace(actor, grants=grants))
    assert not dialog.form.remind_check.isVisibleTo(dialog)
    assert not dialog.form.next_step_at_edit.isVisibleTo(dialog)
    assert dialog.form.next_step_edit.isVisibleTo(dialog)  # the words are still kept


def test_outcomes_in_use_come_first(qtbot, ops, signed_in):
    session = signed_in("admin")
    zhang = customer_named(session, "张伟")
    session.interactions.log(zhang[0], {"summary": "a", "outcome": "等回复"})
    dialog = open_dialog(qtbot, session, ops, zhang)
    combo = dialog.form.outcome_combo
    qtbot.waitUntil(lambda: combo.count() and combo.itemText(0) == "等回复", timeout=10_000)
    assert "No answer" in [combo.itemText(i) for i in range(combo.count())]
    assert combo.currentText() == ""  # nothing chosen for the person


def test_answers_arriving_after_the_dialog_was_deleted_are_dropped(qtbot, ops, signed_in):
    session = signed_in("admin")
    dialog = LogCallDialog(session, ops, session.me())  # its outcomes are being read
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.picker.search_edit.setText("zw")
    dialog.picker.search_edit.textEdited.emit("zw")
    qtbot.keyClick(dialog.picker.search_edit, Qt.Key.Key_Return)  # the search starts now
    with qtbot.waitSignal(dialog.destroyed, timeout=5_000):
        dialog.done(0)  # as when the vault locks
    qtbot.waitUntil(lambda: not ops.busy, timeout=10_000)  # and no error from a late answer
