"""The main window as a salesperson moves through it: list -> record -> back, a new customer
found again by search, the sidebar by role, and no way out past unsaved changes unasked."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent

from desktop_crm.services.session import sign_in
from desktop_crm.ui import prompts
from tests.ui.conftest import ADMIN_PASSWORD, CUSTOMERS, SALES2_PASSWORD


def type_text(widget, text: str) -> None:
    """What an input method commits (Chinese arrives this way, not as key presses)."""
    widget.setFocus()
    widget.clear()
    commit = QInputMethodEvent()
    commit.setCommitString(text)
    QCoreApplication.sendEvent(widget, commit)


def test_enter_opens_the_record_and_escape_goes_back_to_the_list(vault, open_main_window,
                                                                 qtbot):
    window = open_main_window(vault.vault_dir, "admin", ADMIN_PASSWORD)
    page = window.customers_page
    page.table.setFocus()
    page.table.selectRow(1)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.record_page
    qtbot.waitUntil(lambda: window.record_page.record is not None, timeout=10_000)
    assert window.record_page.record.name == CUSTOMERS[2]  # 李娜, second in pinyin order
    window.record_page.go_back()
    assert window.pages.currentWidget() is page


def test_a_new_customer_is_saved_then_found_by_pinyin_initials(vault, open_main_window,
                                                                qtbot):
    window = open_main_window(vault.vault_dir, "admin", ADMIN_PASSWORD)
    window.new_customer_action.trigger()
    record = window.record_page
    assert window.pages.currentWidget() is record
    type_text(record.form.editor("name"), "欧阳娜娜")
    with qtbot.waitSignal(record.customer_did_save, timeout=10_000):
        record.save()
    page = window.customers_page
    qtbot.waitUntil(lambda: page.model.rowCount() == len(CUSTOMERS) + 1, timeout=10_000)
    window.search_edit.setText("oynn")
    assert window.pages.currentWidget() is page  # searching brings the list forward
    qtbot.waitUntil(lambda: page.model.query.text == "oynn" and not page.model.loading,
                    timeout=10_000)
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == ["欧阳娜娜"]
    window.search_edit.setText("阳娜娜")  # and by a Chinese substring of it
    qtbot.waitUntil(lambda: page.model.query.text == "阳娜娜" and not page.model.loading,
                    timeout=10_000)
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == ["欧阳娜娜"]


def test_leaving_unsaved_changes_by_the_sidebar_or_quit_asks_first(vault, open_main_window,
                                                                   qtbot):
    window = open_main_window(vault.vault_dir, "admin", ADMIN_PASSWORD)
    window.new_customer_action.trigger()
    type_text(window.record_page.form.editor("name"), "未保存")
    sidebar = window.sidebar
    customers_row = window.sidebar_entries().index("navCustomers")
    stay = prompts.SaveChoice.CANCEL
    with prompts.scripted(stay, stay, stay) as asked:
        qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton,
                         pos=sidebar.visualItemRect(sidebar.item(customers_row)).center())
        assert window.pages.currentWidget() is window.record_page
        window.quit_action.trigger()
        assert window.isVisible()
        window.lock_action.trigger()
    assert window.isVisible() and len(asked) == 3  # one question each, no more
    assert "未保存" in asked[0].text
    with prompts.scripted(prompts.SaveChoice.DISCARD):
        qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton,
                         pos=sidebar.visualItemRect(sidebar.item(customers_row)).center())
    assert window.pages.currentWidget() is window.customers_page


def test_a_salesperson_sees_only_what_their_role_may_use(vault, open_main_window, qtbot):
    window = open_main_window(vault.vault_dir, "sales2", SALES2_PASSWORD)
    assert window.sidebar_entries() == ["navTodo", "navCustomers", "navCalendar", "navCalls",
                                        "navDashboard", "navReports"]
    assert window.new_customer_action is not None  # salespeople create their own customers
    assert window.log_call_action is not None
    bar, model = window.customers_page.filter_bar, window.customers_page.model
    # their scope offers "my customers" and "shared with me": the list follows the combo
    qtbot.waitUntil(lambda: bar.view_combo.count() == 2 and not model.loading, timeout=10_000)
    assert model.query.filters.view == bar.current().view == "mine"


def test_ctrl_l_logs_a_call_for_the_chosen_customer_and_its_follow_up_appears(
        vault, open_main_window, qtbot):
    window = open_main_window(vault.vault_dir, "admin", ADMIN_PASSWORD)
    page = window.customers_page
    page.table.selectRow(2)  # 张伟
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.log_call_dialog is not None, timeout=2_000)
    dialog = window.log_call_dialog
    customer_id, name = dialog.customer()
    assert (customer_id, name) == page.selected_customer() and name == "张伟"
    form = dialog.form
    type_text(form.summary_edit, "谈了续约价格")
    type_text(form.next_step_edit, "发报价单")
    form.remind_check.setChecked(True)
    dialog.save()
    qtbot.waitUntil(lambda: window.log_call_dialog is None, timeout=10_000)
    assert window.statusBar().currentMessage().startswith("Follow-up reminder created for ")
    [reminder] = window._session.reminders.list()
    assert reminder.title == "发报价单" and reminder.customer_id == customer_id


def test_the_calls_page_opens_from_the_sidebar_and_leads_to_the_customer(
        vault, open_main_window, qtbot):
    window = open_main_window(vault.vault_dir, "admin", ADMIN_PASSWORD)
    session = window._session
    [zhang] = session.customers.search("张伟")
    session.interactions.log(zhang.id, {"summary": "问了交期"})
    assert window.sidebar_entries() == ["navTodo", "navCustomers", "navCalendar", "navCalls",
                                        "navDashboard", "navReports", "navAdmin"]
    window.sidebar.setCurrentRow(window.sidebar_entries().index("navCalls"))
    calls = window.calls_page
    assert window.pages.currentWidget() is calls
    qtbot.waitUntil(lambda: calls.model.rowCount() == 1, timeout=10_000)
    calls.customer_requested.emit(zhang.id)  # what Enter or a double-click on the row sends
    assert window.pages.currentWidget() is window.record_page
    qtbot.waitUntil(lambda: window.record_page.record is not None, timeout=10_000)
    assert window.record_page.record.name == "张伟"
    window.record_page.go_back()
    assert window.pages.currentWidget() is calls


def test_a_refresh_keeps_the_row_the_person_was_on(vault, open_main_window, qtbot):
    window = open_main_window(vault.vault_dir, "admin", ADMIN_PASSWORD)
    page = window.customers_page
    page.table.selectRow(2)
    chosen = page.selected_customer()
    window._session.customers.create({"name": "朱小明"})  # added elsewhere: it sorts last
    page.refresh()
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 4,
                    timeout=10_000)
    assert page.selected_customer() == chosen


def test_locking_with_the_log_call_dialog_open_closes_it_quietly(vault, make_flow, qtbot):
    from tests.ui.test_sign_in_and_lock import main_window_with_summary, sign_in_with

    flow = make_flow(vault.vault_dir)
    sign_in_with(qtbot, flow, "admin", ADMIN_PASSWORD)
    window = main_window_with_summary(qtbot, flow)
    window.customers_page.table.selectRow(0)
    window.log_call()
    dialog = window.log_call_dialog
    type_text(dialog.form.summary_edit, "锁定前没保存")
    flow.lock()  # no "discard this call?" question stands in the way of the lock
    assert window.log_call_dialog is None
    assert not window.isVisible()
    qtbot.wait(200)  # late answers (outcomes) reach nothing that is gone


def test_the_admin_page_shows_every_console_tab_to_an_admin(vault, open_main_window, qtbot):
    window = open_main_window(vault.vault_dir, "admin", ADMIN_PASSWORD)
    window.sidebar.setCurrentRow(window.sidebar_entries().index("navAdmin"))
    page = window.admin_page
    assert window.pages.currentWidget() is page
    assert page.tab_keys() == ["usersTab", "departmentsTab", "rolesTab", "departuresTab",
                               "policiesTab", "alertsTab", "auditTab"]
    for key in page.tab_keys():
        assert page.show_tab(key).isVisibleTo(window)


def test_the_admin_entry_counts_the_unacknowledged_alerts(vault, open_main_window, qtbot):
    window = open_main_window(vault.vault_dir, "admin", ADMIN_PASSWORD)
    session = window._session
    item = window.sidebar.item(window.sidebar_entries().index("navAdmin"))
    qtbot.waitUntil(lambda: window.alert_watcher.count is not None, timeout=10_000)
    before = window.alert_watcher.count
    sales = session.users.find_by_username("sales2")
    session.users.set_roles(sales.id, ["sales", "service"])  # a role change raises an alert
    window.alert_watcher.poll()
    qtbot.waitUntil(lambda: item.text() == f"Admin ({before + 1})", timeout=10_000)
    assert item.toolTip().startswith(f"{before + 1} unacknowledged alert")


def test_an_auditor_gets_an_audit_entry_with_only_alerts_and_the_log(
        vault, open_main_window, qtbot):
    admin = sign_in(vault.vault_dir, "admin", ADMIN_PASSWORD)
    try:
        _, password = admin.users.create("auditor1", "审计员", roles=["auditor"])
    finally:
        admin.lock()
    window = open_main_window(vault.vault_dir, "auditor1", password)
    index = window.sidebar_entries().index("navAdmin")
    assert window.sidebar.item(index).text().startswith("Audit")
    assert window.admin_page.tab_keys() == ["alertsTab", "auditTab"]


def test_departure_on_the_users_tab_opens_the_wizard_for_that_user(
        vault, open_main_window, qtbot):
    window = open_main_window(vault.vault_dir, "admin", ADMIN_PASSWORD)
    page = window.admin_page
    sales2 = window._session.users.find_by_username("sales2")
    page.show_tab("usersTab").departure_requested.emit(sales2.id)  # what "Departure…" sends
    departures = page.pages["departuresTab"]
    assert page.tabs.currentWidget().objectName() == "departuresTab"
    wizard = departures.wizard
    assert wizard is not None and wizard.pick_page.preselect == sales2.id
    wizard.reject()
