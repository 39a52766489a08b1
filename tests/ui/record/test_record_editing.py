"""The record page edits a customer: inline validation, saving, conflicts and leaving."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit

from desktop_crm.ui.prompts import SaveChoice, scripted
from tests.ui.record.conftest import customer_id, wait_for_record


def _type(qtbot, edit: QLineEdit, text: str) -> None:
    """Replace the field's text as a person would: keys for ASCII, the input method (as a
    pinyin keyboard commits) for Chinese."""
    edit.setFocus()
    edit.selectAll()
    if text.isascii():
        qtbot.keyClicks(edit, text)
        return
    commit = QInputMethodEvent()
    commit.setCommitString(text)
    QCoreApplication.sendEvent(edit, commit)


def test_a_new_customer_with_a_bad_email_is_refused_at_the_field_then_saved(
        qtbot, admin, make_page):
    page = make_page(admin)
    before = admin.customers.count()
    page.new_customer()
    assert page.header.delete_button.isHidden() and page.header.log_call_button.isHidden()
    _type(qtbot, page.form.editor("name"), "王芳")
    emails = page.form.editor("emails")
    _type(qtbot, emails.line_edits()[0], "wangfang-at-example")
    saved: list[str] = []
    page.customer_did_save.connect(saved.append)

    page.save()
    qtbot.waitUntil(lambda: page.form.error_text("emails") != "")
    assert "not an email address" in page.form.error_text("emails")
    assert emails.property("invalid") is True
    assert admin.customers.count() == before and saved == []
    assert page.has_unsaved_changes()

    _type(qtbot, emails.line_edits()[0], "wangfang@example.com")
    with qtbot.waitSignal(page.customer_did_save):
        page.save()
    assert page.form.error_text("emails") == "" and not emails.property("invalid")
    assert admin.customers.count() == before + 1
    record = admin.customers.get(saved[0])
    assert (record.name, record.emails) == ("王芳", ("wangfang@example.com",))
    assert page.header.name_label.text() == "王芳"
    assert not page.has_unsaved_changes()
    # saved once, it is a record like any other: its timeline and its actions appear
    assert page.timeline.isVisibleTo(page) and page.header.log_call_button.isVisibleTo(page)


def test_edits_save_with_ctrl_s_and_phones_come_back_normalised(qtbot, admin, make_page):
    page = make_page(admin)
    cid = customer_id(admin, "李娜")
    wait_for_record(qtbot, page, cid)
    phones = page.form.editor("phones")
    _type(qtbot, phones.line_edits()[0], "138 1234 5678")
    qtbot.mouseClick(phones.add_button, Qt.MouseButton.LeftButton)
    _type(qtbot, phones.line_edits()[1], "021 6234 5678")
    page.form.editor("tier").setCurrentIndex(page.form.editor("tier").findData("potential"))
    with qtbot.waitSignal(page.customer_did_save):
        qtbot.keySequence(page.form.editor("name"), QKeySequence.StandardKey.Save)
    record = admin.customers.get(cid)
    assert record.phones == ("+8613812345678", "+862162345678")
    assert record.tier == "potential"
    assert [e.text() for e in phones.line_edits()] == list(record.phones)
    assert page.header.tier_badge.text() == "Potential"


def test_leaving_with_unsaved_changes_asks_save_discard_or_cancel(qtbot, admin, make_page):
    page = make_page(admin)
    cid = customer_id(admin, "张伟")
    wait_for_record(qtbot, page, cid)
    backs: list[bool] = []
    page.back_requested.connect(lambda: backs.append(True))
    assert page.confirm_leave()  # nothing changed: no question

    _type(qtbot, page.form.editor("city"), "杭州")
    with scripted(SaveChoice.CANCEL) as asked:
        qtbot.keyClick(page.form.editor("city"), Qt.Key.Key_Escape)
    assert [a.text for a in asked] == ["Save your changes to “张伟” before leaving?"]
    assert backs == [] and page.form.editor("city").text() == "杭州"

    with scripted(SaveChoice.DISCARD):
        assert page.confirm_leave()
    assert page.form.editor("city").text() == "" and not page.has_unsaved_changes()

    _type(qtbot, page.form.editor("city"), "杭州")
    with scripted(SaveChoice.SAVE):
        assert page.confirm_leave()
    assert admin.customers.get(cid).city == "杭州"


def test_a_failed_save_on_leaving_keeps_the_page(qtbot, admin, make_page):
    page = make_page(admin)
    cid = customer_id(admin, "张伟")
    wait_for_record(qtbot, page, cid)
    _type(qtbot, page.form.editor("phones").line_edits()[0], "12345")
    with scripted(SaveChoice.SAVE):
        assert not page.confirm_leave()
    assert page.form.error_text("phones") == "“12345” is not a valid phone number"
    assert admin.customers.get(cid).phones == ()
    assert page.has_unsaved_changes()


def test_someone_elses_save_in_between_is_a_conflict_with_a_reload(
        qtbot, admin, sign_in_as, make_page):
    page = make_page(admin)
    cid = customer_id(admin, "张伟")
    wait_for_record(qtbot, page, cid)
    sign_in_as("admin").customers.update(cid, {"company": "另一家公司"})  # another desktop
    _type(qtbot, page.form.editor("title"), "总经理")
    page.save()
    qtbot.waitUntil(lambda: page.banner.isVisibleTo(page))
    assert admin.customers.get(cid).title == ""  # nothing of ours was saved
    qtbot.mouseClick(page.banner.reload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.form.editor("company").text() == "另一家公司")
    assert not page.banner.isVisibleTo(page) and not page.has_unsaved_changes()


def test_log_a_call_and_back_are_signals_for_the_main_window(qtbot, admin, make_page):
    page = make_page(admin)
    cid = customer_id(admin, "Alice Martin")
    wait_for_record(qtbot, page, cid)
    with qtbot.waitSignal(page.log_call_requested) as asked:
        qtbot.mouseClick(page.header.log_call_button, Qt.MouseButton.LeftButton)
    assert asked.args == [cid, "Alice Martin"]
    with qtbot.waitSignal(page.back_requested):
        qtbot.keySequence(page.form.editor("name"), QKeySequence("Alt+Left"))


def test_tags_complete_the_one_being_typed_from_tags_in_use(qtbot, admin, make_page):
    admin.customers.update(customer_id(admin, "李娜"), {"tags": ["老客户", "华东"]})
    page = make_page(admin)
    wait_for_record(qtbot, page, customer_id(admin, "张伟"))
    tags = page.form.editor("tags")
    qtbot.waitUntil(lambda: tags.completer().model().rowCount() == 2)
    _type(qtbot, tags, "VIP, 老")
    completer = tags.completer()
    assert completer.completionCount() == 1  # matched on the last tag only
    # choosing it keeps the tags typed before and completes the last one
    assert completer.currentCompletion() == "VIP, 老客户"
    tags.setText(completer.currentCompletion())
    assert page.form.changes() == {"tags": ["VIP", "老客户"]}
