"""The admin's Users tab on a real vault: a new user's one-time password is shown once and
opens the vault (with a forced change), a reset password replaces the old one at once, edits,
suspension, the filter and the departure request."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop_crm.domain.errors import PasswordChangeRequired, WrongPassword
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.storage.models import User
from desktop_crm.ui import prompts
from desktop_crm.ui.admin.users_model import COLUMNS
from desktop_crm.ui.admin.users_page import UsersPage
from tests.ui.admin.conftest import shown, wait_idle
from tests.ui.conftest import SALES2_PASSWORD, Template


@pytest.fixture
def page(qtbot, admin: CrmSession, ops) -> Iterator[UsersPage]:
    widget = shown(qtbot, UsersPage(admin, ops, admin.me()), 1100, 500)
    wait_idle(qtbot, widget)
    yield widget
    for dialog in (widget.user_dialog, widget.password_dialog):
        if dialog is not None:
            dialog.reject()


def cell(page: UsersPage, username: str, column: str) -> str:
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).user.username == username)
    return model.index(row, COLUMNS.index(column)).data()


def shown_usernames(page: UsersPage) -> list[str]:
    proxy = page.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def select(qtbot, page: UsersPage, username: str) -> None:
    user_id = next(page.model.row_at(r).user.id for r in range(page.model.rowCount())
                   if page.model.row_at(r).user.username == username)
    assert page.select_user(user_id)


def visible_texts() -> list[str]:
    labels: list[str] = []
    for top in QApplication.topLevelWidgets():
        if top.isVisible():
            labels += [label.text() for label in top.findChildren(QLabel) if label.isVisible()]
    return labels


def test_the_table_shows_each_user_with_never_for_no_sign_in(page: UsersPage) -> None:
    assert shown_usernames(page) == ["admin", "sales1", "sales2"]
    assert cell(page, "sales1", "display_name") == "销售一 Sales One"
    assert cell(page, "sales1", "department") == "华东 East"
    assert cell(page, "sales1", "roles") == "Salesperson"
    assert cell(page, "sales1", "status") == "Active"
    assert cell(page, "sales1", "last_sign_in") == "never"
    assert cell(page, "admin", "last_sign_in") != "never"  # signed in for this test
    assert cell(page, "sales2", "devices") == "0"


def test_a_new_user_sees_the_one_time_password_once_and_must_change_it(
        qtbot, page: UsersPage, vault: Template) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.user_dialog is not None, timeout=10_000)
    dialog = page.user_dialog
    dialog.username_edit.setText("wang_fang")
    dialog.display_edit.setText("王芳")
    dialog.role_checks["sales"].setChecked(True)
    dialog.department_combo.setCurrentIndex(dialog.department_combo.findText(
        "华东 East", Qt.MatchFlag.MatchContains))
    dialog.superior_combo.setCurrentIndex(dialog.superior_combo.findText(
        "Sales Two", Qt.MatchFlag.MatchContains))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.password_dialog is not None, timeout=10_000)

    shown = page.password_dialog
    password = shown.password_label.text()
    assert len(password) >= 16
    assert "will not be shown again" in shown.findChild(QLabel, "oneTimePasswordWarning").text()
    qtbot.mouseClick(shown.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == password
    assert page.user_dialog is None
    qtbot.mouseClick(shown.findChild(QWidget, "closePasswordButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.password_dialog is None)
    assert password not in visible_texts()  # nowhere to see it again
    wait_idle(qtbot, page)
    assert page.selected_user().username == "wang_fang"
    assert cell(page, "wang_fang", "superior") == "Sales Two"
    assert cell(page, "wang_fang", "department") == "华东 East"

    newcomer = sign_in(vault.vault_dir, "wang_fang", password)
    try:
        with pytest.raises(PasswordChangeRequired):
            newcomer.require_own_password()
    finally:
        newcomer.lock()


def test_a_taken_name_keeps_the_dialog_open_with_the_reason(qtbot, page: UsersPage) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.user_dialog is not None, timeout=10_000)
    dialog = page.user_dialog
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["roles"].text() == "Give the user at least one role."
    dialog.username_edit.setText("sales1")
    dialog.role_checks["sales"].setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["username"].isVisible(), timeout=10_000)
    assert dialog.errors["username"].text() == "“sales1” is already taken"
    assert page.user_dialog is dialog and page.password_dialog is None


def test_reset_password_shows_a_new_one_and_the_old_one_fails(
        qtbot, page: UsersPage, vault: Template) -> None:
    select(qtbot, page, "sales2")
    assert page.reset_button.isEnabled()
    with prompts.scripted(True) as asked:
        qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    assert asked[0].title == "Reset password"
    qtbot.waitUntil(lambda: page.password_dialog is not None, timeout=10_000)
    password = page.password_dialog.password_label.text()
    page.password_dialog.accept()

    renewed = sign_in(vault.vault_dir, "sales2", password)
    try:
        with pytest.raises(PasswordChangeRequired):
            renewed.require_own_password()
    finally:
        renewed.lock()
    with pytest.raises(WrongPassword):
        sign_in(vault.vault_dir, "sales2", SALES2_PASSWORD)


def test_no_reset_without_confirmation_and_never_ones_own(qtbot, page: UsersPage) -> None:
    select(qtbot, page, "sales2")
    with prompts.scripted(False):
        qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    assert not page._ops.busy and page.password_dialog is None
    select(qtbot, page, "admin")
    assert not page.reset_button.isEnabled()
    assert not page.status_button.isEnabled()
    assert not page.departure_button.isEnabled()


def test_edit_refuses_a_reporting_cycle_then_saves(qtbot, page: UsersPage,
                                                  admin: CrmSession) -> None:
    ids = {u.username: u.id for u in admin.users.list()}
    admin.users.update(ids["sales2"], superior_id=ids["sales1"])
    page.reload()
    wait_idle(qtbot, page)
    select(qtbot, page, "sales1")
    page.edit_user()
    qtbot.waitUntil(lambda: page.user_dialog is not None, timeout=10_000)
    dialog = page.user_dialog
    assert not dialog.username_edit.isEnabled()
    dialog.superior_combo.setCurrentIndex(dialog.superior_combo.findData(ids["sales2"]))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["superior"].isVisible(), timeout=10_000)
    assert "report" in dialog.errors["superior"].text()
    dialog.superior_combo.setCurrentIndex(0)  # no superior
    dialog.display_edit.setText("销售一号")
    dialog.role_checks["manager"].setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.user_dialog is None, timeout=10_000)
    wait_idle(qtbot, page)
    assert cell(page, "sales1", "display_name") == "销售一号"
    assert cell(page, "sales1", "roles") == "Manager, Salesperson"


def test_suspend_and_reactivate_after_confirming(qtbot, page: UsersPage) -> None:
    select(qtbot, page, "sales1")
    assert page.status_button.text() == "Suspend…"
    with prompts.scripted(True) as asked:
        qtbot.mouseClick(page.status_button, Qt.MouseButton.LeftButton)
    assert "Suspend" in asked[0].text
    qtbot.waitUntil(lambda: cell(page, "sales1", "status") == "Suspended", timeout=10_000)
    wait_idle(qtbot, page)
    assert page.status_button.text() == "Reactivate…"
    with prompts.scripted(True):
        qtbot.mouseClick(page.status_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cell(page, "sales1", "status") == "Active", timeout=10_000)


def test_filter_and_departure_request(qtbot, page: UsersPage) -> None:
    page.filter_edit.setText("销售")
    assert shown_usernames(page) == ["sales1"]
    page.filter_edit.clear()
    assert len(shown_usernames(page)) == 3
    select(qtbot, page, "sales2")
    button = page.findChild(QWidget, "startDepartureButton")
    with qtbot.waitSignal(page.departure_requested) as requested:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert requested.args == [page.selected_user().id]


def test_departed_people_show_only_when_asked_and_cannot_be_changed(
        qtbot, page: UsersPage, admin: CrmSession) -> None:
    sales1 = next(u.id for u in admin.users.list() if u.username == "sales1")
    with admin._ctx.writing() as w:  # the departure workflow is the lead's: mark it here
        w.session.get(User, sales1).status = "departed"
    page.reload()
    wait_idle(qtbot, page)
    assert shown_usernames(page) == ["admin", "sales2"]
    page.departed_check.setChecked(True)
    wait_idle(qtbot, page)
    assert shown_usernames(page) == ["admin", "sales1", "sales2"]
    assert cell(page, "sales1", "status") == "Departed"
    select(qtbot, page, "sales1")
    assert not any(b.isEnabled() for b in (page.edit_button, page.status_button,
                                           page.reset_button, page.departure_button))


def test_the_table_models_pass_the_model_tester(qtmodeltester, page: UsersPage) -> None:
    qtmodeltester.check(page.model)
    page.filter_edit.setText("sales")
    qtmodeltester.check(page.proxy)
