"""A satisfaction answer captured right after logging a call, in the same dialog: linked to
the call, checked before anything is saved, and kept for another try if it is refused after
the call was saved."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_crm.domain.errors import ValidationError
from desktop_crm.ui.calls.log_call import LogCallDialog
from tests.ui.feedback.conftest import customer_id, wait_idle

CTRL = Qt.KeyboardModifier.ControlModifier


def open_dialog(qtbot, session, ops, name: str) -> LogCallDialog:
    dialog = LogCallDialog(session, ops, session.me(), (customer_id(session, name), name))
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)  # for the window's shortcuts
    return dialog


def test_a_csat_answer_given_on_the_call_is_saved_linked_to_it(qtbot, ops, admin):
    dialog = open_dialog(qtbot, admin, ops, "张伟")
    assert not dialog.answer.frame.isVisible()  # one line until asked for
    dialog.form.summary_edit.setPlainText("回访安装情况")
    dialog.answer.check.setChecked(True)
    assert dialog.answer.frame.isVisible()
    fields = dialog.answer.fields
    fields.csat.setFocus()
    qtbot.keyClick(fields.csat, Qt.Key.Key_5)  # the digit picks the score
    assert fields.csat.score() == 5
    fields.comment_edit.setPlainText("很满意")

    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        qtbot.keyClick(dialog.form.summary_edit, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter saves
    call = dialog.logged
    assert call is not None
    [answer] = admin.feedback.for_customer(call.customer_id)
    assert (answer.csat, answer.nps, answer.comment, answer.channel, answer.interaction_id) == (
        5, None, "很满意", "phone", call.id)
    assert dialog.answer_saved == answer


def test_nothing_is_saved_while_the_answer_would_be_refused(qtbot, ops, admin):
    dialog = open_dialog(qtbot, admin, ops, "李娜")
    dialog.form.summary_edit.setPlainText("问候")
    dialog.answer.check.setChecked(True)
    dialog.save_button.click()  # the answer has no score yet
    assert dialog.answer.fields.fields.errors["csat"].isVisibleTo(dialog)
    assert dialog.isVisible() and dialog.logged is None
    cid = customer_id(admin, "李娜")
    assert admin.interactions.for_customer(cid) == []
    assert admin.feedback.for_customer(cid) == []


def test_an_answer_refused_after_the_call_is_kept_to_try_again(qtbot, ops, admin,
                                                                monkeypatch):
    dialog = open_dialog(qtbot, admin, ops, "Alice Martin")
    dialog.form.summary_edit.setPlainText("Checked the delivery")
    dialog.answer.check.setChecked(True)
    fields = dialog.answer.fields
    fields.nps.buttons[8].click()
    fields.comment_edit.setPlainText("Would recommend us")
    real_record = admin.feedback.record
    refusals = [ValidationError("comment", "is longer than 2000 characters")]

    def record_once_refused(customer, data):
        if refusals:
            raise refusals.pop()
        return real_record(customer, data)

    monkeypatch.setattr(admin.feedback, "record", record_once_refused)
    with qtbot.waitSignal(dialog.call_did_log, timeout=10_000):
        dialog.save_button.click()
    wait_idle(qtbot, ops)
    assert dialog.isVisible() and dialog.logged is not None
    assert dialog.message.text().startswith("The call is saved, but its satisfaction answer "
                                            "is not: Is longer than 2000 characters.")
    assert fields.fields.errors["comment"].text() == "Is longer than 2000 characters"
    assert fields.nps.score() == 8 and fields.comment_edit.toPlainText() == "Would recommend us"
    assert not dialog.form.isEnabled() and dialog.save_button.text() == "Save answer"
    cid = customer_id(admin, "Alice Martin")
    assert len(admin.interactions.for_customer(cid)) == 1
    assert admin.feedback.for_customer(cid) == []

    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.save_button.click()  # again: the answer alone, linked to the saved call
    [answer] = admin.feedback.for_customer(cid)
    assert (answer.nps, answer.interaction_id) == (8, dialog.logged.id)
    assert len(admin.interactions.for_customer(cid)) == 1  # the call was not saved twice
