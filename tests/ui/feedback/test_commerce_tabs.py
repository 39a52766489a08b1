"""Orders, a contract with two instalments and a partial receipt entered on the record: the
instalments read "overdue" and "partly paid" with what is outstanding, in words and marks."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt

from desktop_crm.ui import prompts
from desktop_crm.ui.feedback.entry_form import picked_date
from tests.ui.feedback.conftest import customer_id, saved, show_tab, wait_for_record


def set_day(edit, day: date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))
    assert picked_date(edit) == day


def test_an_order_is_entered_with_its_amount_typed_in_the_locale(qtbot, ops, admin, make_page):
    cid = customer_id(admin, "张伟")
    page = make_page(admin)
    wait_for_record(qtbot, page, cid)
    panel = page.tabs.orders
    show_tab(qtbot, page, panel)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    dialog.amount.edit.setText("12,34")  # not an amount: said at the field
    dialog.save_button.click()
    assert dialog.fields.errors["amount_minor"].text() == "Type an amount like 1,234.50."
    dialog.amount.edit.setText("1,234.50")
    dialog.description_edit.setText("空气净化器两台")
    order = saved(qtbot, dialog)
    assert (order.amount_minor, order.currency, order.description) == (123450, "CNY",
                                                                       "空气净化器两台")
    assert order.return_visit_id is not None  # a first order schedules a return visit
    model = panel.section.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10_000)
    assert model.index(0, 1).data() == "CNY 1,234.50"

    panel.section.table.selectRow(0)
    with prompts.scripted(False):  # asked, and kept
        panel.delete_button.click()
    assert admin.commerce.orders(cid) != []
    with prompts.scripted(True) as asked:
        panel.delete_button.click()
    assert asked[0].text == "Delete the order of " + model.index(0, 0).data(
        Qt.ItemDataRole.ToolTipRole) + " over CNY 1,234.50?"
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=10_000)
    assert admin.commerce.orders(cid) == []


def test_a_contract_shows_its_overdue_and_partly_paid_instalments(qtbot, ops, admin, make_page,
                                                                  qtmodeltester):
    cid = customer_id(admin, "李娜")
    page = make_page(admin)
    wait_for_record(qtbot, page, cid)
    panel = page.tabs.contracts
    show_tab(qtbot, page, panel)
    today = admin.clock.now().astimezone().date()

    panel.buttons["add_contract"].click()
    dialog = panel.dialog
    dialog.number_edit.setText("HT-2026-018")
    dialog.title_edit.setText("净水设备年度维保")
    set_day(dialog.start_edit, today - timedelta(days=60))
    set_day(dialog.end_edit, today - timedelta(days=61))
    dialog.amount.edit.setText("10000")
    dialog.save_button.click()  # ends before it starts: said at the end date
    assert dialog.fields.errors["end_date"].text() == "The contract must end after it starts."
    set_day(dialog.end_edit, today + timedelta(days=300))
    contract = saved(qtbot, dialog)
    assert (contract.number, contract.amount_minor) == ("HT-2026-018", 1_000_000)
    qtbot.waitUntil(lambda: panel.contract() is not None, timeout=10_000)

    for due, amount in ((today - timedelta(days=10), "5000"),
                        (today + timedelta(days=20), "5,000.00")):
        panel.buttons["add_instalment"].click()
        instalment = panel.dialog
        set_day(instalment.due_edit, due)
        instalment.amount.edit.setText(amount)
        saved(qtbot, instalment)
    instalments = panel.instalments.model
    qtbot.waitUntil(lambda: instalments.rowCount() == 2, timeout=10_000)
    assert [instalments.index(r, 0).data() for r in range(2)] == ["1", "2"]

    panel.instalments.table.selectRow(1)  # money received for the second instalment
    panel.buttons["add_receipt"].click()
    receipt = panel.dialog
    assert receipt.plan_combo.currentData() == instalments.row_at(1).id
    receipt.amount.edit.setText("2000")
    saved(qtbot, receipt)
    qtbot.waitUntil(lambda: panel.receipts.model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: instalments.row_at(1).received_minor == 200_000, timeout=10_000)

    states = [instalments.index(r, 4).data() for r in range(2)]
    assert states == ["⚠ Overdue · CNY 5,000.00 outstanding",
                      "◐ Partly paid · CNY 3,000.00 outstanding"]
    overdue_font = instalments.index(0, 4).data(Qt.ItemDataRole.FontRole)
    assert overdue_font is not None and overdue_font.bold()
    assert panel.receipts.model.index(0, 2).data() == "Instalment 2"
    for model in (panel.contracts.model, instalments, panel.receipts.model):
        qtmodeltester.check(model)
