"""A complaint's life through the record's dialogs: opened, answered first, resolved; each
step offered only where the complaint's status allows it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_crm.ui import prompts
from tests.ui.feedback.conftest import customer_id, saved, show_tab, wait_for_record, wait_idle

STEPS = ("respond", "resolve", "close", "reopen", "assign")


def offered(buttons) -> set[str]:
    """The steps whose buttons may be pressed now."""
    return {step for step in STEPS if buttons[step].isEnabled() and buttons[step].isVisible()}


def test_a_complaint_is_opened_answered_and_resolved_through_the_dialogs(
        qtbot, ops, admin, make_page, qtmodeltester):
    cid = customer_id(admin, "张伟")
    page = make_page(admin)
    wait_for_record(qtbot, page, cid)
    panel = page.tabs.complaints
    show_tab(qtbot, page, panel)

    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    dialog.save_button.click()  # no summary: refused at the field
    assert dialog.fields.errors["summary"].text() == (
        "Say in a few words what the complaint is about.")
    dialog.summary_edit.setPlainText("安装延误三天，客户很不满")
    dialog.severity_combo.setCurrentIndex(dialog.severity_combo.findData("high"))
    dialog.category_edit.setText("交付")
    opened = saved(qtbot, dialog)
    assert (opened.status, opened.severity, opened.category) == ("open", "high", "交付")
    assert opened.assignee_name == "管理员 Admin"  # the customer's owner by default

    section = panel.section
    qtbot.waitUntil(lambda: section.model.rowCount() == 1, timeout=10_000)
    section.table.selectRow(0)
    assert section.model.index(0, 1).data() == "Open"
    assert offered(panel.step_buttons) == {"respond", "assign"}  # not resolve before a response

    panel.step_buttons["respond"].click()
    respond = panel.actions.dialog
    assert respond.objectName() == "respondDialog"
    respond.text_edit.setPlainText("已致电道歉，明天上门安装")
    assert saved(qtbot, respond).status == "in_progress"
    qtbot.waitUntil(lambda: section.model.index(0, 1).data() == "In progress", timeout=10_000)
    assert offered(panel.step_buttons) == {"resolve", "assign"}

    panel.step_buttons["resolve"].click()
    resolve = panel.actions.dialog
    resolve.save_button.click()  # no resolution typed: refused, nothing saved
    assert resolve.fields.errors["resolution"].isVisibleTo(resolve)
    resolve.text_edit.setPlainText("已上门安装完毕，赠送延保一年")
    done = saved(qtbot, resolve)
    assert (done.status, done.resolution) == ("resolved", "已上门安装完毕，赠送延保一年")
    qtbot.waitUntil(lambda: section.model.index(0, 1).data() == "Resolved", timeout=10_000)
    assert offered(panel.step_buttons) == {"close", "reopen"}

    qtmodeltester.check(section.model)
    [stored] = admin.complaints.for_customer(cid)
    assert stored.response == "已致电道歉，明天上门安装" and stored.resolved_at is not None
    # resolving scheduled the return visit
    assert any(r.kind == "return_visit" for r in admin.reminders.list())


def test_the_complaint_dialog_offers_only_the_legal_next_steps(qtbot, ops, admin, make_page):
    cid = customer_id(admin, "李娜")
    complaint = admin.complaints.open(cid, {"summary": "发票开错了"})
    admin.complaints.respond(complaint.id, "马上重开")
    page = make_page(admin)
    wait_for_record(qtbot, page, cid)
    panel = page.tabs.complaints
    show_tab(qtbot, page, panel)
    panel.section.table.selectRow(0)
    panel.details_button.click()
    dialog = panel.dialog
    qtbot.waitUntil(lambda: dialog.complaint is not None, timeout=10_000)
    assert dialog.values["summary"].text() == "发票开错了"
    assert dialog.values["response"].text().startswith("马上重开")
    assert offered(dialog.step_buttons) == {"resolve", "assign"}

    dialog.step_buttons["resolve"].click()
    resolve = dialog.actions.dialog
    resolve.text_edit.setPlainText("已重开发票")
    saved(qtbot, resolve)
    qtbot.waitUntil(lambda: dialog.complaint.status == "resolved", timeout=10_000)
    assert offered(dialog.step_buttons) == {"close", "reopen"}
    dialog.step_buttons["close"].click()
    qtbot.waitUntil(lambda: dialog.complaint.status == "closed", timeout=10_000)
    assert offered(dialog.step_buttons) == {"reopen"}

    with prompts.scripted(True) as asked:  # reopening clears the resolution: asked first
        dialog.step_buttons["reopen"].click()
    assert asked[0].title == "Reopen the complaint"
    qtbot.waitUntil(lambda: dialog.complaint.status == "in_progress", timeout=10_000)
    assert dialog.values["resolution"].text() == "—"
    assert offered(dialog.step_buttons) == {"resolve", "assign"}
    wait_idle(qtbot, ops)


def test_routing_shows_the_services_refusal_at_the_assignee(qtbot, ops, admin, add_user,
                                                            make_page):
    add_user("service1", "客服 小李", "service")
    cid = customer_id(admin, "Alice Martin")
    admin.complaints.open(cid, {"summary": "Wrong colour delivered"})
    page = make_page(admin)
    wait_for_record(qtbot, page, cid)
    panel = page.tabs.complaints
    show_tab(qtbot, page, panel)
    panel.section.table.selectRow(0)
    panel.step_buttons["assign"].click()
    route = panel.actions.dialog
    combo = route.assignee_combo
    qtbot.waitUntil(lambda: combo.findText("客服 小李 (service1)") >= 0, timeout=10_000)
    assert combo.findText("管理员 Admin (admin)") < 0  # it is theirs already
    route.save_button.click()  # nobody chosen
    assert route.fields.errors["assignee_id"].text() == "Choose who handles the complaint."

    combo.setCurrentIndex(combo.findText("Sales Two (sales2)"))
    route.save_button.click()
    qtbot.waitUntil(lambda: not route.busy, timeout=10_000)
    assert route.fields.errors["assignee_id"].text() == (
        "This user may not handle this customer's complaints")
    combo.setCurrentIndex(combo.findText("客服 小李 (service1)"))
    routed = saved(qtbot, route)
    assert routed.assignee_name == "客服 小李"
    qtbot.waitUntil(lambda: panel.section.model.index(0, 4).data() == "客服 小李",
                    timeout=10_000)
