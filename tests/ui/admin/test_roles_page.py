"""The Roles page on a real vault: the preview follows a grant edit before saving, saving
persists, bad input is named next to its cause, new and delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_crm.domain.enums import FieldAccess, MaskMode, Scope
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.session import sign_in
from desktop_crm.ui import prompts
from desktop_crm.ui.admin.roles_page import RolesPage
from tests.ui.admin.conftest import shown
from tests.ui.conftest import SALES2_PASSWORD

C = Resource.CUSTOMER


@pytest.fixture
def page(admin, ops, qtbot):
    page = shown(qtbot, RolesPage(admin, ops, admin.me()), 1100, 700)
    qtbot.waitUntil(lambda: page.loaded)
    return page


def _select(page, name):
    for i in range(page.role_list.count()):
        item = page.role_list.item(i)
        if item.data(Qt.ItemDataRole.UserRole).name == name:
            page.role_list.setCurrentItem(item)
            return
    raise AssertionError(f"no role {name}")


def _preview_as(page, qtbot, username):
    combo = page.editor.preview_user
    combo.setCurrentIndex(next(i for i in range(combo.count())
                               if f"({username})" in combo.itemText(i)))
    qtbot.waitUntil(lambda: not page.editor.preview_pending)


def _count_text(page):
    return page.editor.preview_count.text()


def test_editing_a_scope_changes_the_preview_before_saving(page, admin, qtbot):
    _select(page, "sales")
    _preview_as(page, qtbot, "sales2")
    qtbot.waitUntil(lambda: _count_text(page).startswith("Would see 0 "))
    assert "Masked" in page.editor.preview_fields.text()

    page.editor.grid.choose(C, Action.READ, Scope.ALL)
    qtbot.waitUntil(lambda: _count_text(page).startswith("Would see 3 "))
    page.editor.grid.choose(C, Action.READ, Scope.DEPARTMENT)
    qtbot.waitUntil(lambda: _count_text(page).startswith("Would see 0 "))
    page.editor.grid.choose(C, Action.READ, Scope.ALL)
    qtbot.waitUntil(lambda: _count_text(page).startswith("Would see 3 "))
    # nothing saved yet
    sales = next(r for r in admin.roles.list() if r.name == "sales")
    assert {g.scope for g in sales.grants if (g.resource, g.action) == (C, Action.READ)} == {
        Scope.SELF}
    assert page.editor.dirty


def test_saving_persists_and_the_user_sees_it(page, admin, vault, qtbot, ops, opened_sessions):
    _select(page, "sales")
    page.editor.grid.choose(C, Action.READ, Scope.ALL)
    page.editor.fields.mask_combo("phones").setCurrentIndex(
        page.editor.fields.mask_combo("phones").findData(MaskMode.EVERYWHERE.value))
    # a mask makes the field read-only in the table too
    assert page.editor.fields.access_combo("phones").currentData() == FieldAccess.READ.value
    page.editor.description_edit.setText("看全部客户")
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.editor.message.text() == "Saved.")
    assert not page.editor.dirty

    sales = next(r for r in admin.roles.list() if r.name == "sales")
    assert sales.description == "看全部客户"
    assert any(g.scope is Scope.ALL for g in sales.grants if (g.resource, g.action) == (
        C, Action.READ))
    sales2 = sign_in(vault.vault_dir, "sales2", SALES2_PASSWORD)
    opened_sessions.append(sales2)
    assert sales2.customers.count() == 3

    again = RolesPage(admin, ops, admin.me())
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.loaded)
    _select(again, "sales")
    combo = again.editor.grid.combo(C, Action.READ)
    assert combo.currentData() == Scope.ALL.value


def test_bad_input_is_named_and_nothing_is_saved(page, admin, qtbot):
    _select(page, "sales")
    page.editor.title_edit.setText("   ")
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    assert page.editor.title_error.isVisible()
    assert page.editor.title_error.text() == "Give the role a title."

    _select_without_prompt = prompts.scripted(True)  # discard the unsaved title
    with _select_without_prompt:
        _select(page, "admin")
    page.editor.grid.choose(Resource.ROLE, Action.MANAGE, None)
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "must keep" in page.editor.message.text())
    admin_role = next(r for r in admin.roles.list() if r.name == "admin")
    assert any((g.resource, g.action) == (Resource.ROLE, Action.MANAGE)
               for g in admin_role.grants)


def test_specified_departments_are_picked_and_shown(page, admin, qtbot):
    east = next(d.id for d in admin.departments.list())
    _select(page, "sales")
    page.editor.grid.pick_departments = lambda chosen: (east,)
    page.editor.grid.choose(C, Action.READ, Scope.CUSTOM_DEPARTMENTS)
    combo = page.editor.grid.combo(C, Action.READ)
    assert combo.currentText() == "Departments: 华东 East"
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.editor.message.text() == "Saved.")
    sales = next(r for r in admin.roles.list() if r.name == "sales")
    assert [(g.scope, g.department_ids) for g in sales.grants
            if (g.resource, g.action) == (C, Action.READ)] == [
        (Scope.CUSTOM_DEPARTMENTS, (east,))]
    # cancelling the picker keeps what the cell had
    page.editor.grid.pick_departments = lambda chosen: None
    page.editor.grid.choose(C, Action.READ, Scope.CUSTOM_DEPARTMENTS)
    assert page.editor.grid.combo(C, Action.READ).currentText() == "Departments: 华东 East"


def test_new_role_copied_from_another_then_deleted(page, admin, qtbot):
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.new_dialog
    dialog.name_edit.setText("Bad Name")
    dialog.title_edit.setText("华东销售")
    dialog.copy_combo.setCurrentIndex(dialog.copy_combo.findText("Salesperson"))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.name_error.isVisible())
    dialog.name_edit.setText("east_sales")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.editor.role is not None
                    and page.editor.role.name == "east_sales")
    sales = next(r for r in admin.roles.list() if r.name == "sales")
    assert set(page.editor.role.grants) == set(sales.grants)
    assert page.delete_button.isEnabled()

    with prompts.scripted(True) as asked:
        qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "华东销售" in asked[0].text
    qtbot.waitUntil(lambda: all(page.role_list.item(i).data(Qt.ItemDataRole.UserRole).name
                                != "east_sales" for i in range(page.role_list.count())))
    assert "east_sales" not in {r.name for r in admin.roles.list()}
    _select(page, "sales")
    assert not page.delete_button.isEnabled()  # built in


def test_a_reader_without_manage_sees_roles_read_only(vault, ops, qtbot, opened_sessions,
                                                      admin):
    _, password = admin.users.create("auditor1", "审计", roles=["auditor"])
    auditor = sign_in(vault.vault_dir, "auditor1", password)
    opened_sessions.append(auditor)
    page = RolesPage(auditor, ops, auditor.me())
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.loaded)
    assert page.role_list.count() == 5
    assert not page.new_button.isVisibleTo(page)
    assert not page.editor.save_button.isEnabled()
    assert not page.editor.preview_box.isVisibleTo(page)
    assert not page.editor.grid.combo(C, Action.READ).isEnabled()
