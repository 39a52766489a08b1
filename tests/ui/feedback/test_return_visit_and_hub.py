"""The to-do hub: Done on a return visit asks for the customer's answer and records it; the
complaints waiting on the user show the overdue ones first, marked, and open the complaint."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop_crm.ui.calendar.hub_page import HubPage
from desktop_crm.ui.calendar.hub_section import ComplaintRow, EntryRow
from tests.ui.feedback.conftest import wait_idle


def shown_hub(qtbot: Any, session, ops) -> HubPage:
    page = HubPage(session, ops, session.me())
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    qtbot.waitUntil(lambda: page.hub is not None and not page.loading and not ops.busy,
                    timeout=10_000)
    return page


def visit_row(page: HubPage) -> EntryRow:
    rows = [row for section in page.sections.values() for row in section.rows
            if isinstance(row, EntryRow) and row.entry.kind == "return_visit"]
    assert len(rows) == 1, [r.entry.title for r in rows]
    return rows[0]


def test_done_on_a_return_visit_asks_for_the_answer_and_records_it(qtbot, ops, add_user):
    sales = add_user("sales9", "销售九", "sales")
    customer = sales.customers.create({"name": "陈静"}).id
    ten_days_ago = sales.clock.now() - timedelta(days=10)
    order = sales.commerce.create_order(customer, {"amount_minor": 880_00,
                                                   "ordered_at": ten_days_ago})
    assert order.return_visit_id is not None  # due today: its day has passed
    page = shown_hub(qtbot, sales, ops)
    row = visit_row(page)
    assert row.toolTip().startswith("Return visit · ")

    qtbot.mouseClick(row.done_button, Qt.MouseButton.LeftButton)
    dialog = page.actions.visit_dialog
    assert dialog is not None and dialog.windowTitle() == "Return visit — 陈静"
    assert sales.reminders.get(order.return_visit_id).done_at is None  # not done yet
    dialog.save_button.click()  # no answer: asked for at the field
    assert dialog.fields.errors["answer"].text() == "Choose the customer's answer, from 1 to 5."
    dialog.answer.setFocus()
    qtbot.keyClick(dialog.answer, Qt.Key.Key_4)
    assert dialog.answer.words_label.text() == "4 — Happy"
    dialog.comment_edit.setPlainText("净化器效果不错，希望滤芯便宜点")
    with qtbot.waitSignal(page.actions.action_did_finish, timeout=10_000):
        dialog.save_button.click()
    wait_idle(qtbot, ops)

    [answer] = sales.feedback.for_customer(customer)
    assert (answer.csat, answer.comment, answer.channel, answer.reminder_id) == (
        4, "净化器效果不错，希望滤芯便宜点", "return_visit", order.return_visit_id)
    assert sales.reminders.get(order.return_visit_id).done_at is not None
    qtbot.waitUntil(lambda: not [r for s in page.sections.values() for r in s.rows
                                 if isinstance(r, EntryRow) and r.entry.kind == "return_visit"],
                    timeout=10_000)


def test_overdue_complaints_come_first_marked_and_open_the_complaint(qtbot, ops, add_user):
    sales = add_user("sales8", "销售八", "sales")
    customer = sales.customers.create({"name": "周强"}).id
    fresh = sales.complaints.open(customer, {"summary": "包装破损"})
    late = sales.complaints.open(customer, {
        "summary": "两天没人回电话", "opened_at": sales.clock.now() - timedelta(days=2)})
    page = shown_hub(qtbot, sales, ops)
    rows = page.sections["complaints"].rows
    assert [r.item.id for r in rows] == [late.id, fresh.id]  # type: ignore[attr-defined]
    first, second = rows
    assert isinstance(first, ComplaintRow) and isinstance(second, ComplaintRow)
    assert first.overdue_label.isVisibleTo(page)
    assert first.overdue_label.text() == "⚠ Overdue"
    assert not second.overdue_label.isVisibleTo(page)

    qtbot.mouseClick(first.findChild(QWidget, "hubOpenComplaintButton"),
                     Qt.MouseButton.LeftButton)
    dialog = page.complaint_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.complaint is not None, timeout=10_000)
    assert dialog.values["summary"].text() == "两天没人回电话"
    assert dialog.values["status"].text() == "Open · ⚠ Overdue"
    buttons = dialog.step_buttons
    assert buttons["respond"].isEnabled() and not buttons["resolve"].isEnabled()
    assert buttons["respond"].isVisible()  # the assignee handles it, whatever the role


def test_done_on_a_return_visit_in_the_calendar_asks_for_the_answer_too(qtbot, ops, add_user):
    from desktop_crm.ui.calendar.calendar_page import CalendarPage

    sales = add_user("sales7", "销售七", "sales")
    customer = sales.customers.create({"name": "陈静"}).id
    order = sales.commerce.create_order(customer, {"amount_minor": 880_00,
                                                   "ordered_at": sales.clock.now()})
    page = CalendarPage(sales, ops, sales.me())
    qtbot.addWidget(page)
    page.show()
    wait_idle(qtbot, ops)
    today = sales.clock.now().date()
    [entry] = [e for e in sales.reminders.window(today, today + timedelta(days=40))
               if e.reminder_id == order.return_visit_id]
    page.complete(entry)
    dialog = page.visit_answers.visit_dialog
    assert dialog is not None and dialog.isVisible()
    assert sales.reminders.get(order.return_visit_id).done_at is None  # waits for the answer
    page.close_dialogs()
    assert not dialog.isVisible()
