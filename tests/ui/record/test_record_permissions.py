"""What each role may do on the record page: masks, reveal, owner changes, delete, links."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication, QKeySequence

from desktop_crm.domain.errors import NotFound
from desktop_crm.ui import prompts
from tests.ui.record.conftest import (
    audit_actions,
    customer_id,
    opened,
    share_with,
    wait_for_record,
)

PHONE = "+8613812345678"
MASKED_PHONE = "138****5678"


def _with_contacts(admin, name: str = "张伟") -> str:
    cid = customer_id(admin, name)
    admin.customers.update(cid, {"phones": [PHONE], "emails": ["zhangwei@example.com"]})
    return cid


def test_a_salesperson_sees_a_shared_record_masked_and_read_only(
        qtbot, admin, sign_in_as, make_page):
    cid = _with_contacts(admin)
    share_with(admin, cid, "sales2")
    page = make_page(sign_in_as("sales2"))
    wait_for_record(qtbot, page, cid)
    form = page.form
    phones = form.editor("phones")
    assert [e.text() for e in phones.line_edits()] == [MASKED_PHONE]
    assert [e.text() for e in form.editor("emails").line_edits()] == ["zh***@example.com"]
    assert all(e.isReadOnly() for e in phones.line_edits())
    assert phones.link_buttons() == [] and phones.add_button.isHidden()
    assert form.reveal_button("phones").isHidden() and form.reveal_button("emails").isHidden()
    assert form.editor("name").isReadOnly() and not form.editor("tier").isEnabled()
    header = page.header
    for absent in (header.save_button, header.delete_button, header.change_owner_button):
        assert absent.isHidden(), absent.objectName()
    assert header.owner_label.text() == "Owner: 管理员 Admin"
    # copying the field copies what it shows: the mask
    phones.line_edits()[0].setFocus()
    qtbot.keySequence(phones.line_edits()[0], QKeySequence.StandardKey.SelectAll)
    qtbot.keySequence(phones.line_edits()[0], QKeySequence.StandardKey.Copy)
    assert QGuiApplication.clipboard().text() == MASKED_PHONE
    assert not page.has_unsaved_changes()


def test_a_role_that_may_reveal_sees_the_value_once_and_the_reveal_is_audited(
        qtbot, admin, add_user, make_page):
    cid = _with_contacts(admin)
    service = add_user("service1", "客服 小李", "service")
    page = make_page(service)
    wait_for_record(qtbot, page, cid)
    phones = page.form.editor("phones")
    assert [e.text() for e in phones.line_edits()] == [MASKED_PHONE]
    assert phones.link_buttons() == []  # nothing to dial behind a mask
    reveal = page.form.reveal_button("phones")
    assert reveal.isVisibleTo(page)
    assert ("customer.reveal", cid) not in audit_actions(admin)

    qtbot.mouseClick(reveal, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [e.text() for e in phones.line_edits()] == [PHONE])
    assert reveal.isHidden() and all(e.isReadOnly() for e in phones.line_edits())
    assert audit_actions(admin).count(("customer.reveal", cid)) == 1
    assert [e.text() for e in page.form.editor("emails").line_edits()] == [
        "zh***@example.com"]  # one field revealed, not the others
    qtbot.mouseClick(phones.link_buttons()[0], Qt.MouseButton.LeftButton)
    assert opened(page) == [QUrl(f"tel:{PHONE}")]

    # for this view only: opening the customer again shows the mask again
    wait_for_record(qtbot, page, cid)
    assert [e.text() for e in phones.line_edits()] == [MASKED_PHONE]


def test_admin_sees_plain_values_with_links_and_no_reveal(qtbot, admin, make_page):
    cid = _with_contacts(admin)
    page = make_page(admin)
    wait_for_record(qtbot, page, cid)
    assert page.form.reveal_button("phones").isHidden()
    emails = page.form.editor("emails")
    qtbot.mouseClick(emails.link_buttons()[0], Qt.MouseButton.LeftButton)
    assert opened(page) == [QUrl("mailto:zhangwei@example.com")]


def test_delete_asks_naming_the_customer_and_soft_deletes(qtbot, admin, make_page):
    cid = customer_id(admin, "李娜")
    page = make_page(admin)
    wait_for_record(qtbot, page, cid)
    with prompts.scripted(False) as asked:
        qtbot.mouseClick(page.header.delete_button, Qt.MouseButton.LeftButton)
    assert "“李娜”" in asked[0].text
    assert admin.customers.get(cid).name == "李娜"

    with prompts.scripted(True), qtbot.waitSignal(page.customer_did_delete) as deleted, \
            qtbot.waitSignal(page.back_requested):
        qtbot.mouseClick(page.header.delete_button, Qt.MouseButton.LeftButton)
    assert deleted.args == [cid]
    try:
        admin.customers.get(cid)
        raise AssertionError("the customer is still there")
    except NotFound:
        pass
    assert ("customer.delete", cid) in audit_actions(admin)
    assert page.confirm_leave()  # nothing left to save


def test_a_salesperson_may_not_delete_or_change_the_owner_of_their_own_customer(
        qtbot, sign_in_as, make_page):
    sales = sign_in_as("sales2")
    cid = sales.customers.create({"name": "赵敏"}).id
    page = make_page(sales)
    wait_for_record(qtbot, page, cid)
    assert page.header.save_button.isVisibleTo(page)
    assert page.header.delete_button.isHidden()
    assert page.header.change_owner_button.isHidden()


def test_change_owner_picks_an_assignable_user_with_a_reason(qtbot, admin, make_page):
    cid = customer_id(admin, "Alice Martin")
    page = make_page(admin)
    wait_for_record(qtbot, page, cid)
    qtbot.mouseClick(page.header.change_owner_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.owner_dialog is not None and page.owner_dialog.isVisible())
    dialog = page.owner_dialog
    assert not dialog.accept_button.isEnabled()  # still the current owner
    dialog.owner_combo.setCurrentIndex(dialog.owner_combo.findText("Sales Two (sales2)"))
    dialog.reason_edit.setText("moved to the east team")
    with qtbot.waitSignal(page.customer_did_save):
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    sales2 = admin.users.find_by_username("sales2")
    assert admin.customers.get(cid).owner_id == sales2.id
    assert page.header.owner_label.text() == "Owner: Sales Two"
    assert ("customer.assign", cid) in audit_actions(admin)
