"""The admin's Departments tab on a real vault: the tree with head counts, new and rename,
move by the picker and by drag and drop (a cycle refused with the service's reason), merge,
and delete of a department that still has people."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop_crm.services.session import CrmSession
from desktop_crm.ui import prompts
from desktop_crm.ui.admin.departments_page import DepartmentsPage
from tests.ui.admin.conftest import shown, wait_idle


@pytest.fixture
def tree_ids(admin: CrmSession) -> dict[str, str]:
    """华东 East (sales1, sales2) > 东一组 Team; 华南 South (empty)."""
    east = next(d.id for d in admin.departments.list() if d.name == "华东 East")
    team = admin.departments.create("东一组 Team", parent_id=east).id
    south = admin.departments.create("华南 South").id
    return {"east": east, "team": team, "south": south}


@pytest.fixture
def page(qtbot, admin: CrmSession, ops, tree_ids) -> Iterator[DepartmentsPage]:
    widget = shown(qtbot, DepartmentsPage(admin, ops, admin.me()), 700, 450)
    wait_idle(qtbot, widget)
    yield widget
    if widget.dialog is not None:
        widget.dialog.reject()


def shown_tree(page: DepartmentsPage, parent: QModelIndex | None = None) -> list:
    """[(name, people, [children...]), ...] as the tree shows them."""
    model, parent = page.model, parent or QModelIndex()
    return [(model.index(r, 0, parent).data(), model.index(r, 1, parent).data(),
             shown_tree(page, model.index(r, 0, parent))) for r in range(model.rowCount(parent))]


def drop(page: DepartmentsPage, moved: str, onto: str | None) -> None:
    """What the view does on a drop: the dragged row's data dropped on the target row."""
    model = page.model
    data = model.mimeData([model.index_of(moved)])
    target = model.index_of(onto) if onto else QModelIndex()
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target) is False


def test_the_tree_shows_departments_with_their_head_counts(page: DepartmentsPage) -> None:
    assert shown_tree(page) == [
        ("华东 East", "2", [("东一组 Team", "0", [])]),
        ("华南 South", "0", []),
    ]
    assert not page.rename_button.isEnabled()


def test_new_department_under_the_selected_and_rename(qtbot, page: DepartmentsPage,
                                                     tree_ids) -> None:
    page.select_department(tree_ids["south"])
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.name_edit.setText("深圳 Shenzhen")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=10_000)
    wait_idle(qtbot, page)
    assert shown_tree(page)[1] == ("华南 South", "0", [("深圳 Shenzhen", "0", [])])
    assert page.model.index_of(page.selected_id()).data() == "深圳 Shenzhen"

    page.select_department(tree_ids["south"])
    qtbot.mouseClick(page.rename_button, Qt.MouseButton.LeftButton)
    page.dialog.name_edit.setText("华东 east")  # a sibling's name
    qtbot.mouseClick(page.dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog.message.text() != "", timeout=10_000)
    assert "already sits at this place" in page.dialog.message.text()
    page.dialog.name_edit.setText("华南 South China")
    qtbot.mouseClick(page.dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=10_000)
    wait_idle(qtbot, page)
    assert shown_tree(page)[1][0] == "华南 South China"


def test_move_with_the_picker_and_by_drag_and_drop(qtbot, page: DepartmentsPage,
                                                   tree_ids) -> None:
    page.select_department(tree_ids["team"])
    qtbot.mouseClick(page.move_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    offered = [dialog.combo.itemData(i) for i in range(dialog.combo.count())]
    assert tree_ids["team"] not in offered  # never under itself
    assert dialog.choose(tree_ids["south"])
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=10_000)
    wait_idle(qtbot, page)
    assert shown_tree(page) == [("华东 East", "2", []),
                                ("华南 South", "0", [("东一组 Team", "0", [])])]

    drop(page, tree_ids["team"], None)  # dropped on the empty area: the top level
    wait_idle(qtbot, page)
    assert [name for name, _, _ in shown_tree(page)] == ["东一组 Team", "华东 East", "华南 South"]
    drop(page, tree_ids["east"], tree_ids["south"])
    wait_idle(qtbot, page)
    assert shown_tree(page)[1] == ("华南 South", "0 (2)", [("华东 East", "2", [])])
    assert page.message.text() == "Department moved."


def test_a_drop_under_its_own_sub_department_is_refused_with_the_reason(
        qtbot, page: DepartmentsPage, tree_ids, admin: CrmSession) -> None:
    before = shown_tree(page)
    drop(page, tree_ids["east"], tree_ids["team"])
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=10_000)
    wait_idle(qtbot, page)
    assert page.message.text() == (
        "A department cannot move under itself or one of its own sub-departments")
    assert shown_tree(page) == before
    assert next(d for d in admin.departments.list() if d.id == tree_ids["east"]).parent_id is None


def test_merge_into_another_department(qtbot, page: DepartmentsPage, tree_ids,
                                       admin: CrmSession) -> None:
    page.select_department(tree_ids["east"])
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    offered = [dialog.combo.itemData(i) for i in range(dialog.combo.count())]
    assert offered == [tree_ids["south"]]  # not itself, not its own sub-department
    with prompts.scripted(True) as asked:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert asked[0].text == "Merge 华东 East into 华南 South? This cannot be undone."
    qtbot.waitUntil(lambda: page.dialog is None, timeout=10_000)
    wait_idle(qtbot, page)
    assert shown_tree(page) == [("华南 South", "2", [("东一组 Team", "0", [])])]
    assert page.message.text() == (
        "Merged into 华南 South. Moved there: people 2, sub-departments 1, customers 0.")
    assert {u.department_id for u in admin.users.list() if u.username.startswith("sales")} == {
        tree_ids["south"]}


def test_delete_only_an_empty_department(qtbot, page: DepartmentsPage, tree_ids) -> None:
    page.select_department(tree_ids["east"])
    with prompts.scripted(True):
        qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=10_000)
    assert page.message.text() == "Move this department's people and sub-departments first"
    page.select_department(tree_ids["south"])
    with prompts.scripted(True):
        qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown_tree(page)) == 1, timeout=10_000)


def test_the_tree_model_passes_the_model_tester(qtmodeltester, page: DepartmentsPage) -> None:
    qtmodeltester.check(page.model)
