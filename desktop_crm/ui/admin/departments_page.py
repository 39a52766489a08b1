"""The admin's Departments tab: the tree with head counts; new (under the selected one),
rename, move (a picker, or drag and drop in the tree), merge into another, delete (empty ones).

Every change goes to the department service, which decides: a move under the department's own
sub-department, a clashing name or a department with people are refused with its reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.services.actor import Actor
from desktop_crm.services.org_views import DepartmentNode, MergeCounts
from desktop_crm.services.session import CrmSession
from desktop_crm.ui import prompts
from desktop_crm.ui.admin.department_picker import DepartmentPickerDialog
from desktop_crm.ui.admin.departments_dialogs import DepartmentNameDialog
from desktop_crm.ui.admin.departments_model import DepartmentTreeModel
from desktop_crm.ui.admin.user_dialogs import department_entries
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.widgets import QuietMessageLabel

REFRESHED_BY = ("department", "user")
# a merge moves people and customers too: their views read again
MERGE_TOUCHES = frozenset({"department", "user", "customer"})

# The department service's refusals this page may show, marked for the catalogue.
_SERVICE_MESSAGES = (
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "a department cannot move under itself or one of its own sub-departments"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "a department of this name already sits at this place in the tree"),
    QT_TRANSLATE_NOOP("ServiceMessages", "choose another department to merge into"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "a department cannot be merged into one of its own sub-departments"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "move this department's people and sub-departments first"),
    QT_TRANSLATE_NOOP("ServiceMessages", "no such department"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "a role grants access by this department: change the role, or merge the "
                      "department into another instead"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "customers still belong to this department: merge it into another "
                      "department instead"),
)


def subtree_ids(node: DepartmentNode) -> set[str]:
    """The department and every one below it."""
    ids = {node.id}
    for child in node.children:
        ids |= subtree_ids(child)
    return ids


def entries_outside(nodes: Sequence[DepartmentNode],
                    node: DepartmentNode) -> list[tuple[str, str]]:
    """(id, indented name) of the departments a node may go under or into: not itself, nor
    one of its own sub-departments."""
    inside = subtree_ids(node)
    return [(i, name) for i, name in department_entries(nodes) if i not in inside]


def find_node(nodes: Iterable[DepartmentNode], department_id: str) -> DepartmentNode | None:
    for node in nodes:
        if node.id == department_id:
            return node
        found = find_node(node.children, department_id)
        if found is not None:
            return found
    return None


class DepartmentsPage(QWidget):
    def __init__(self, session: CrmSession, ops: Operations, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("departmentsPage")
        self._session = session
        self._ops = ops
        self._actor = actor
        self.loading = False
        self.dialog: DepartmentNameDialog | DepartmentPickerDialog | None = None
        self._select_after_load: str | None = None
        self.model = DepartmentTreeModel(self)
        self.model.move_requested.connect(self.move_department)
        self.tree = self._build_tree()
        self.message = QuietMessageLabel("departmentsMessage", self)

        self.new_button = self._button("newDepartmentButton", self.tr("New…"),
                                       self.new_department)
        self.rename_button = self._button("renameDepartmentButton", self.tr("Rename…"),
                                          self.rename_department)
        self.move_button = self._button("moveDepartmentButton", self.tr("Move…"),
                                        self.choose_new_parent)
        self.merge_button = self._button("mergeDepartmentButton", self.tr("Merge into…"),
                                         self.choose_merge_target)
        self.delete_button = self._button("deleteDepartmentButton", self.tr("Delete…"),
                                          self.delete_department)
        actions = QHBoxLayout()
        for button in (self.new_button, self.rename_button, self.move_button,
                       self.merge_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)
        layout.addLayout(actions)
        self._update_buttons()
        ops.changes_did_happen.connect(self._on_changes)
        self.reload()

    def _build_tree(self) -> QTreeView:
        tree = QTreeView(self)
        tree.setObjectName("departmentTree")
        tree.setModel(self.model)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setDragEnabled(True)
        tree.setAcceptDrops(True)
        tree.setDropIndicatorShown(True)
        tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        tree.setUniformRowHeights(True)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        tree.doubleClicked.connect(lambda _index: self.rename_department())
        tree.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        return tree

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # --- reading -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.loading = True
        self._ops.run(self._session.departments.tree, on_success=self._show_tree,
                      on_failure=self._failed, lane=Lane.READ, context=self)

    def _show_tree(self, nodes: list[DepartmentNode]) -> None:
        wanted = self._select_after_load or self.selected_id()
        self._select_after_load = None
        self.model.set_tree(nodes)
        self.tree.expandAll()
        self.loading = False
        if wanted is not None:
            self.select_department(wanted)
        self._update_buttons()

    def _on_changes(self, changes: OpChanges) -> None:
        if changes.origin is not self and any(changes.touches(e) for e in REFRESHED_BY):
            self.reload()

    # --- selection -----------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        rows = self.tree.selectionModel().selectedRows(0)
        return self.model.department_id(rows[0]) if rows else None

    def selected_node(self) -> DepartmentNode | None:
        chosen = self.selected_id()
        return find_node(self.model.nodes, chosen) if chosen else None

    def select_department(self, department_id: str) -> bool:
        index = self.model.index_of(department_id)
        if not index.isValid():
            return False
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.selectionModel().setCurrentIndex(index, flags)
        self.tree.scrollTo(index)
        return True

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        for button in (self.rename_button, self.move_button, self.merge_button,
                       self.delete_button):
            button.setEnabled(chosen)

    # --- actions -------------------------------------------------------------------------------

    def new_department(self) -> None:
        parent = self.selected_node()
        intro = (self.tr("A new department under %1:").replace("%1", parent.name)
                 if parent else self.tr("A new department at the top level:"))
        dialog = DepartmentNameDialog(self.tr("New department"), intro, parent=self)
        departments, parent_id = self._session.departments, parent.id if parent else None
        dialog.submitted.connect(lambda name: self._change(
            dialog, lambda: departments.create(name, parent_id=parent_id).id,
            self.tr("Department created.")))
        self._open(dialog)

    def rename_department(self) -> None:
        node = self.selected_node()
        if node is None:
            return
        dialog = DepartmentNameDialog(self.tr("Rename department"),
                                      self.tr("New name of %1:").replace("%1", node.name),
                                      node.name, self)
        departments = self._session.departments
        dialog.submitted.connect(lambda name: self._change(
            dialog, lambda: departments.update(node.id, name=name).id,
            self.tr("Department renamed.")))
        self._open(dialog)

    def choose_new_parent(self) -> None:
        node = self.selected_node()
        if node is None:
            return
        dialog = DepartmentPickerDialog(
            self.tr("Move department"),
            self.tr("Move %1, with everything below it, under:").replace("%1", node.name),
            self.tr("Move"), entries_outside(self.model.nodes, node), offer_top_level=True,
            parent=self)
        dialog.choose(node.parent_id)
        departments = self._session.departments
        dialog.submitted.connect(lambda target: self._change(
            dialog, lambda: departments.move(node.id, target).id,
            self.tr("Department moved.")))
        self._open(dialog)

    def move_department(self, department_id: str, new_parent_id: str | None) -> None:
        """A drop in the tree (the model asks): the service moves it or says why not."""
        departments = self._session.departments
        self._select_after_load = department_id
        self._run(lambda: departments.move(department_id, new_parent_id),
                  lambda _view: self._done(self.tr("Department moved.")), self._failed)

    def choose_merge_target(self) -> None:
        node = self.selected_node()
        if node is None:
            return
        dialog = DepartmentPickerDialog(
            self.tr("Merge department"),
            self.tr("Merge %1 into another department. Its people, sub-departments and "
                    "customers move there, and %1 is removed.").replace("%1", node.name),
            self.tr("Merge"), entries_outside(self.model.nodes, node), parent=self)
        dialog.submitted.connect(lambda target: self._confirm_merge(dialog, node, target))
        self._open(dialog)

    def _confirm_merge(self, dialog: DepartmentPickerDialog, node: DepartmentNode,
                       target_id: str | None) -> None:
        target = find_node(self.model.nodes, target_id) if target_id else None
        if target is None:
            return
        if not prompts.confirm(dialog, self.tr("Merge department"), self.tr(
                "Merge %1 into %2? This cannot be undone.")
                .replace("%1", node.name).replace("%2", target.name)):
            dialog.save_button.setEnabled(True)
            return
        departments = self._session.departments
        self._select_after_load = target.id
        self._run(lambda: departments.merge(node.id, target.id),
                  lambda counts: self._merged(dialog, target, counts), dialog.show_error,
                  context=dialog, touched=MERGE_TOUCHES)

    def _merged(self, dialog: DepartmentPickerDialog, target: DepartmentNode,
                counts: MergeCounts) -> None:
        dialog.accept()
        self._done(self.tr("Merged into %1. Moved there: people %2, sub-departments %3, "
                           "customers %4.").replace("%1", target.name)
                   .replace("%2", str(counts.users))
                   .replace("%3", str(counts.sub_departments))
                   .replace("%4", str(counts.customers)))

    def delete_department(self) -> None:
        node = self.selected_node()
        if node is None:
            return
        if not prompts.confirm(self, self.tr("Delete department"), self.tr(
                "Delete the department %1?").replace("%1", node.name)):
            return
        departments = self._session.departments
        self._run(lambda: departments.delete(node.id),
                  lambda _none: self._done(self.tr("Department deleted.")), self._failed)

    # --- helpers -------------------------------------------------------------------------------

    def _open(self, dialog: DepartmentNameDialog | DepartmentPickerDialog) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _change(self, dialog: DepartmentNameDialog | DepartmentPickerDialog,
                work: Callable[[], str], done: str) -> None:
        """Run a change from a dialog: close it when done, keep it open with the reason if not."""
        def succeeded(department_id: str) -> None:
            self._select_after_load = department_id
            dialog.accept()
            self._done(done)

        self._run(work, succeeded, dialog.show_error, context=dialog)

    def _run(self, work: Callable[[], object], on_success: Callable[[object], None],
             on_failure: Callable[[Exception], None], context: QWidget | None = None,
             touched: frozenset[str] = frozenset({"department"})) -> None:
        self.message.clear_message()
        self._ops.run(work, on_success=on_success, on_failure=on_failure,
                      changes=OpChanges(touched, origin=self), context=context or self)

    def _done(self, text: str) -> None:
        self.message.show_progress(text)
        self.reload()

    def _failed(self, error: Exception) -> None:
        self.loading = False
        self.message.show_error(error_text(error))
