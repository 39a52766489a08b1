"""The right half of the Roles page: one role's title, grants and field policies, Save and
Revert, and a preview of what a chosen user would see with the edits not yet saved.

The preview is asked again (off the GUI thread, on the read lane) a moment after each change;
an answer for an older draft is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.permissions import DEFAULT_ROLES, Action, Resource
from desktop_crm.services.actor import Actor
from desktop_crm.services.role_preview import Preview
from desktop_crm.services.roles import RoleDetail
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.admin.admin_labels import field_label
from desktop_crm.ui.admin.role_editor_fields import FieldPolicyTable
from desktop_crm.ui.admin.role_editor_grid import GrantGrid
from desktop_crm.ui.errors import error_text, validation_text
from desktop_crm.ui.labels import role_title
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.widgets import FieldErrorLabel, MessageLabel

PREVIEW_DELAY_MS = 250


class RoleEditor(QWidget):
    role_did_save = Signal(object)  # RoleDetail

    def __init__(self, session: CrmSession, ops: Operations, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roleEditor")
        self._session, self._ops = session, ops
        self._can_manage = actor.can(Resource.ROLE, Action.MANAGE)
        self._role: RoleDetail | None = None
        self._preview_asked = 0  # the number of the newest preview asked for
        self._user_roles: dict[str, tuple[str, ...]] = {}
        self._saving = False

        self.name_label = QLabel(self)
        self.name_label.setObjectName("roleNameLabel")
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("roleTitleEdit")
        self.title_error = FieldErrorLabel("roleTitleError", self)
        self.description_edit = QLineEdit(self)
        self.description_edit.setObjectName("roleDescriptionEdit")
        form = QFormLayout()
        form.addRow(self.tr("Code name:"), self.name_label)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow("", self.title_error)
        form.addRow(self.tr("Description:"), self.description_edit)

        self.grid = GrantGrid(self)
        self.fields = FieldPolicyTable(self)
        tabs = QTabWidget(self)
        tabs.setObjectName("roleEditorTabs")
        tabs.addTab(self.grid, self.tr("Permissions and data scope"))
        tabs.addTab(self.fields, self.tr("Customer fields"))

        self.preview_box = QGroupBox(self.tr("What can this user see?"), self)
        self.preview_box.setObjectName("previewBox")
        self.preview_user = QComboBox(self.preview_box)
        self.preview_user.setObjectName("previewUserCombo")
        self.preview_count = QLabel(self.preview_box)
        self.preview_count.setObjectName("previewCountLabel")
        self.preview_fields = QLabel(self.preview_box)
        self.preview_fields.setObjectName("previewFieldsLabel")
        self.preview_fields.setWordWrap(True)
        preview_layout = QFormLayout(self.preview_box)
        preview_layout.addRow(self.tr("User:"), self.preview_user)
        preview_layout.addRow(self.preview_count)
        preview_layout.addRow(self.preview_fields)
        self.preview_box.setVisible(self._can_manage)

        self.message = MessageLabel("roleMessage", self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveRoleButton")
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.revert_button.setObjectName("revertRoleButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.preview_box)
        layout.addLayout(buttons)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._ask_preview)
        self.grid.grants_did_change.connect(self._edited)
        self.fields.rules_did_change.connect(self._edited)
        self.title_edit.textEdited.connect(self._edited)
        self.description_edit.textEdited.connect(self._edited)
        self.preview_user.currentIndexChanged.connect(lambda _i: self._preview_timer.start())
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self._set_editable()

    # --- what the page tells it --------------------------------------------------------------

    def set_choices(self, users: Sequence[tuple[str, str, tuple[str, ...]]],
                    departments: Sequence[tuple[str, str]]) -> None:
        """Active users to preview as (id, shown name, role names) and departments for the
        picker."""
        kept = self.preview_user.currentData()
        self._user_roles = {user_id: roles for user_id, _, roles in users}
        self.preview_user.blockSignals(True)
        self.preview_user.clear()
        for user_id, name, _ in users:
            self.preview_user.addItem(name, user_id)
        index = self.preview_user.findData(kept)
        self.preview_user.setCurrentIndex(max(index, 0))
        self.preview_user.blockSignals(False)
        self.grid.department_names = dict(departments)

    def show_role(self, role: RoleDetail | None) -> None:
        self._role = role
        self.title_error.clear_message()
        self.message.clear_message()
        self.name_label.setText("" if role is None else role.name)
        self.title_edit.setText("" if role is None else role_title_for(role))
        self.description_edit.setText("" if role is None else role.description)
        self.grid.set_grants(() if role is None else role.grants)
        self.fields.set_rules(() if role is None else role.field_rules)
        self._set_editable()
        self._preview_a_holder()
        self._preview_timer.start()

    def _preview_a_holder(self) -> None:
        """Preview someone holding the role, when the chosen user does not."""
        role = self._role
        if role is None or role.name in self._user_roles.get(self.preview_user.currentData(), ()):
            return
        holder = next((u for u, roles in self._user_roles.items() if role.name in roles), None)
        if holder is not None:
            self.preview_user.blockSignals(True)
            self.preview_user.setCurrentIndex(self.preview_user.findData(holder))
            self.preview_user.blockSignals(False)

    @property
    def role(self) -> RoleDetail | None:
        return self._role

    @property
    def dirty(self) -> bool:
        role = self._role
        if role is None:
            return False
        return (self.title_edit.text().strip() != role_title_for(role)
                or self.description_edit.text().strip() != role.description
                or set(self.grid.grants()) != set(role.grants)
                or set(self.fields.rules()) != set(role.field_rules))

    # --- saving ------------------------------------------------------------------------------

    def save(self) -> None:
        role = self._role
        if role is None or self._saving or not self._can_manage:
            return
        self.title_error.clear_message()
        self.message.clear_message()
        title = self.title_edit.text().strip()
        if not title:
            self.title_error.show_message(self.tr("Give the role a title."))
            self.title_edit.setFocus()
            return
        description = self.description_edit.text().strip()
        grants, rules = self.grid.grants(), self.fields.rules()
        # a built-in role's title stays translated unless the admin changed its words
        if title == role_title_for(role):
            title = role.title
        roles = self._session.roles

        def work() -> RoleDetail:
            return roles.save(role.id, title=title, description=description, grants=grants,
                              field_policies=rules)

        self._set_saving(True)
        self.message.show_progress(self.tr("Saving…"))
        self._ops.run(work, on_success=self._saved, on_failure=self._save_failed,
                      changes=OpChanges(frozenset({"role"}), origin=self), context=self)

    def revert(self) -> None:
        self.show_role(self._role)

    def _saved(self, role: RoleDetail) -> None:
        self._set_saving(False)
        self.show_role(role)
        self.message.show_progress(self.tr("Saved."))
        self.role_did_save.emit(role)

    def _save_failed(self, error: Exception) -> None:
        self._set_saving(False)
        if isinstance(error, ValidationError) and error.field == "title":
            self.message.clear_message()
            self.title_error.show_message(validation_text(error))
        elif isinstance(error, ValidationError) and error.field == "grants" \
                and "must keep" in error.message:
            self.message.show_error(self.tr(
                "The administrator role must keep reading and managing users and roles, "
                "or nobody could reach this console."))
        else:
            self.message.show_error(error_text(error))

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self._set_editable()

    def _set_editable(self) -> None:
        editable = self._can_manage and self._role is not None and not self._saving
        for widget in (self.title_edit, self.description_edit, self.save_button,
                       self.revert_button):
            widget.setEnabled(editable)
        self.grid.set_editable(editable)
        self.fields.set_editable(editable)

    # --- the preview -------------------------------------------------------------------------

    def _edited(self, *_args: object) -> None:
        self.message.clear_message()
        self._preview_timer.start()

    def _ask_preview(self) -> None:
        user_id = self.preview_user.currentData()
        role = self._role
        if not self._can_manage or role is None or user_id is None:
            self.preview_count.clear()
            self.preview_fields.clear()
            return
        self._preview_asked += 1
        asked = self._preview_asked
        grants, rules = self.grid.grants(), self.fields.rules()
        roles = self._session.roles
        self.preview_count.setText(self.tr("Counting…"))
        self._ops.run(
            lambda: roles.preview(role.id, user_id=user_id, grants=grants,
                                  field_policies=rules),
            on_success=lambda p: self._show_preview(asked, p),
            on_failure=lambda e: self._preview_failed(asked, e),
            lane=Lane.READ, context=self)

    def _show_preview(self, asked: int, preview: Preview) -> None:
        if asked != self._preview_asked:
            return  # an older draft's answer
        text = self.tr("Would see %n customer(s)", "", preview.customers)
        if not preview.holds_role:
            text += " " + self.tr("(if they held this role)")
        self.preview_count.setText(text)
        parts = []
        if preview.hidden_fields:
            parts.append(self.tr("Hidden: %1").replace(
                "%1", "、".join(field_label(f) for f in preview.hidden_fields)))
        if preview.masked_in_lists or preview.masked_in_records:
            masked = dict.fromkeys((*preview.masked_in_records, *preview.masked_in_lists))
            parts.append(self.tr("Masked: %1").replace(
                "%1", "、".join(field_label(f) for f in masked)))
        self.preview_fields.setText("; ".join(parts) if parts
                                    else self.tr("Every customer field in full."))

    def _preview_failed(self, asked: int, error: Exception) -> None:
        if asked != self._preview_asked:
            return
        self.preview_count.setText(error_text(error))
        self.preview_fields.clear()

    @property
    def preview_pending(self) -> bool:
        """Whether a preview is waiting to be asked for or answered (for tests)."""
        return self._preview_timer.isActive() or self.preview_count.text() == \
            self.tr("Counting…")


def role_title_for(role: RoleDetail) -> str:
    """A built-in role's title in the person's language; one an admin wrote as written."""
    return role_title(role.name) if role.builtin and role.title == _ENGLISH_TITLES.get(
        role.name) else role.title


_ENGLISH_TITLES = {spec.name: spec.title for spec in DEFAULT_ROLES}
