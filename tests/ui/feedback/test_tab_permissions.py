"""What each user may do on the record's tabs: a salesperson looking at a customer shared
with them read-only sees the lists but no Add, change or step buttons; customer service
records feedback and complaints for every customer but enters no orders or contracts."""

from __future__ import annotations

from tests.ui.feedback.conftest import customer_id, show_tab, wait_for_record
from tests.ui.record.conftest import share_with


def add_buttons(page) -> dict[str, bool]:
    tabs = page.tabs
    return {
        "feedback": tabs.satisfaction.add_button.isVisibleTo(tabs.satisfaction),
        "complaint": tabs.complaints.open_button.isVisibleTo(tabs.complaints),
        "order": tabs.orders.add_button.isVisibleTo(tabs.orders),
        "contract": tabs.contracts.buttons["add_contract"].isVisibleTo(tabs.contracts),
    }


def test_a_salesperson_on_a_shared_read_only_customer_sees_no_add_buttons(
        qtbot, admin, sign_in_as, make_page):
    cid = customer_id(admin, "张伟")
    admin.feedback.record(cid, {"csat": 2, "comment": "等太久"})
    complaint = admin.complaints.open(cid, {"summary": "送货晚了"})
    share_with(admin, cid, "sales2")
    page = make_page(sign_in_as("sales2"))
    wait_for_record(qtbot, page, cid)
    assert add_buttons(page) == {"feedback": False, "complaint": False, "order": False,
                                 "contract": False}

    tabs = page.tabs
    show_tab(qtbot, page, tabs.satisfaction)
    assert tabs.satisfaction.section.model.rowCount() == 1  # read, not written
    tabs.satisfaction.section.table.selectRow(0)
    assert not tabs.satisfaction.edit_button.isVisibleTo(tabs.satisfaction)
    show_tab(qtbot, page, tabs.complaints)
    assert [c.id for c in tabs.complaints.section.model.rows] == [complaint.id]
    tabs.complaints.section.table.selectRow(0)
    assert not any(b.isVisibleTo(tabs.complaints)
                   for b in tabs.complaints.step_buttons.values())


def test_the_owner_sees_every_add_button(qtbot, admin, make_page):
    page = make_page(admin)
    wait_for_record(qtbot, page, customer_id(admin, "李娜"))
    assert add_buttons(page) == {"feedback": True, "complaint": True, "order": True,
                                 "contract": True}


def test_customer_service_records_feedback_and_complaints_but_no_commerce(
        qtbot, admin, add_user, make_page):
    service = add_user("service1", "客服 小李", "service")
    page = make_page(service)
    wait_for_record(qtbot, page, customer_id(admin, "Alice Martin"))
    assert add_buttons(page) == {"feedback": True, "complaint": True, "order": False,
                                 "contract": False}
