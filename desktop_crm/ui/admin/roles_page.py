"""The Roles tab of the Admin page: the roles on the left, the selected one's editor on the
right; new role (optionally a copy of another) and delete.

Shown to those who read roles (ROLE read); only ROLE manage may change anything, so for the
others the editor stays read-only and the preview is hidden.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.enums import UserStatus
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.actor import Actor
from desktop_crm.services.roles import RoleDetail
from desktop_crm.services.session import CrmSession
from desktop_crm.ui import prompts
from desktop_crm.ui.admin.department_picker import DepartmentPickerDialog
from desktop_crm.ui.admin.role_editor import RoleEditor, role_title_for
from desktop_crm.ui.admin.role_editor_dialogs import NewRoleDialog, NewRoleForm
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.widgets import QuietMessageLabel

ROLES_CHANGED = OpChanges(frozenset({"role"}))
_REFRESH_ON = ("role", "user", "department")


@dataclass(frozen=True)
class _Loaded:
    roles: list[RoleDetail]
    users: list[tuple[str, str, tuple[str, ...]]]  # active users: (id, shown name, roles)
    departments: list[tuple[str, str]]


class RolesPage(QWidget):
    def __init__(self, session: CrmSession, ops: Operations, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rolesPage")
        self._session, self._ops = session, ops
        self._can_manage = actor.can(Resource.ROLE, Action.MANAGE)
        self._reads_users = actor.can(Resource.USER, Action.READ)
        self._reads_departments = actor.can(Resource.DEPARTMENT, Action.READ)
        self._shown_id: str | None = None
        self.loaded = False
        self.new_dialog: NewRoleDialog | None = None

        self.role_list = QListWidget(self)
        self.role_list.setObjectName("roleList")
        self.new_button = QPushButton(self.tr("New role…"), self)
        self.new_button.setObjectName("newRoleButton")
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("deleteRoleButton")
        for button in (self.new_button, self.delete_button):
            button.setVisible(self._can_manage)
        self.message = QuietMessageLabel("rolesPageMessage", self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.role_list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.message)

        self.editor = RoleEditor(session, ops, actor, self)
        self.editor.grid.pick_departments = self._pick_departments
        self._departments: list[tuple[str, str]] = []
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 780])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.role_list.currentItemChanged.connect(self._selected)
        self.new_button.clicked.connect(self.open_new_role)
        self.delete_button.clicked.connect(self.delete_selected)
        self.editor.role_did_save.connect(lambda role: self.reload(select=role.id))
        ops.changes_did_happen.connect(self._changes_happened)
        self.reload()

    # --- loading -----------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        session, reads_users = self._session, self._reads_users
        reads_departments = self._reads_departments

        def work() -> _Loaded:
            users = [] if not reads_users or not self._can_manage else [
                (u.id, f"{u.display_name} ({u.username})", u.roles)
                for u in session.users.list(include_departed=False)
                if u.status == UserStatus.ACTIVE.value]
            departments = [(d.id, d.name) for d in session.departments.list()] \
                if reads_departments else []
            return _Loaded(session.roles.list(), users, departments)

        wanted = select or self._shown_id
        self._ops.run(work, on_success=lambda loaded: self._show(loaded, wanted),
                      on_failure=lambda e: self.message.show_error(error_text(e)),
                      lane=Lane.READ, context=self)

    def _show(self, loaded: _Loaded, wanted: str | None) -> None:
        self._departments = loaded.departments
        self.editor.set_choices(loaded.users, loaded.departments)
        self.role_list.blockSignals(True)
        self.role_list.clear()
        chosen = first = None
        for role in loaded.roles:
            item = QListWidgetItem(self._item_text(role), self.role_list)
            item.setData(Qt.ItemDataRole.UserRole, role)
            first = first or item
            if role.id == wanted:
                chosen = item
        chosen = chosen or first
        self.role_list.blockSignals(False)
        if chosen is not None:
            self.role_list.setCurrentItem(chosen)  # shows it through _selected
        self.loaded = True

    def _item_text(self, role: RoleDetail) -> str:
        return self.tr("%1 · %n people", "", role.holders).replace("%1", role_title_for(role))

    def _selected(self, current: QListWidgetItem | None,
                  previous: QListWidgetItem | None) -> None:
        role: RoleDetail | None = None if current is None else current.data(
            Qt.ItemDataRole.UserRole)
        if (previous is not None and self.editor.dirty and (role is None or
                                                            role.id != self._shown_id)
                and not prompts.confirm(self, self.tr("Unsaved changes"), self.tr(
                    "Discard the changes to this role?"))):
            self.role_list.blockSignals(True)
            self.role_list.setCurrentItem(previous)
            self.role_list.blockSignals(False)
            return
        self._shown_id = None if role is None else role.id
        self.editor.show_role(role)
        self.delete_button.setEnabled(role is not None and not role.builtin)

    def _changes_happened(self, changes: OpChanges) -> None:
        if changes.origin is self.editor or changes.origin is self:
            return
        if any(changes.touches(entity) for entity in _REFRESH_ON) and not self.editor.dirty:
            self.reload()

    # --- new and delete ----------------------------------------------------------------------

    def open_new_role(self) -> None:
        roles = [(self.role_list.item(i).data(Qt.ItemDataRole.UserRole))
                 for i in range(self.role_list.count())]
        dialog = NewRoleDialog([(r.id, role_title_for(r)) for r in roles], self)
        dialog.submitted.connect(lambda form: self._create(dialog, form))
        self.new_dialog = dialog
        dialog.open()

    def _create(self, dialog: NewRoleDialog, form: NewRoleForm) -> None:
        roles = self._session.roles

        def created(role: RoleDetail) -> None:
            dialog.accept()
            self.reload(select=role.id)

        self._ops.run(lambda: roles.create(form.name, form.title, copy_from=form.copy_from),
                      on_success=created, on_failure=dialog.show_error,
                      changes=OpChanges(frozenset({"role"}), origin=self), context=dialog)

    def delete_selected(self) -> None:
        role = self.editor.role
        if role is None or role.builtin:
            return
        if not prompts.confirm(self, self.tr("Delete role"), self.tr(
                "Delete the role “%1”? This cannot be undone.").replace(
                    "%1", role_title_for(role))):
            return
        roles = self._session.roles
        self.message.clear_message()
        self._shown_id = None
        self._ops.run(lambda: roles.delete(role.id), on_success=lambda _r: self.reload(),
                      on_failure=lambda e: self.message.show_error(error_text(e)),
                      changes=OpChanges(frozenset({"role"}), origin=self), context=self)

    def _pick_departments(self, chosen: tuple[str, ...]) -> tuple[str, ...] | None:
        dialog = DepartmentPickerDialog.for_scope(self._departments, chosen, self)
        try:
            return dialog.ticked() if dialog.exec() else None
        finally:
            dialog.deleteLater()
