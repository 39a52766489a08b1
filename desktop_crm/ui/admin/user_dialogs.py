"""The admin's user dialogs: a new or changed user, and a one-time password shown once.

The dialogs collect and show; the Users page runs the service calls and tells a dialog what
went wrong, so the dialog stays open with the person's input until the save succeeds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.org_views import DepartmentNode, RoleView, UserView
from desktop_crm.ui.errors import error_text, validation_text
from desktop_crm.ui.labels import role_title
from desktop_crm.ui.secret_panel import SecretPanel
from desktop_crm.ui.widgets import FieldErrorLabel, MessageLabel, dialog_buttons


@dataclass(frozen=True)
class UserChoices:
    """What the user dialog offers: roles, the department tree, possible superiors."""

    roles: Sequence[RoleView]
    departments: Sequence[DepartmentNode]
    superiors: Sequence[tuple[str, str]]  # (user id, shown name), departed people left out


@dataclass(frozen=True)
class UserForm:
    """What the admin filled in. Department and superior are "" for none."""

    username: str
    display_name: str
    roles: tuple[str, ...]
    department_id: str
    superior_id: str


def department_entries(nodes: Sequence[DepartmentNode], depth: int = 0) -> list[tuple[str, str]]:
    """(id, indented name) in tree order, for a combo box."""
    entries: list[tuple[str, str]] = []
    for node in nodes:
        entries.append((node.id, "\u2003" * depth + node.name))
        entries.extend(department_entries(node.children, depth + 1))
    return entries


class UserDialog(QDialog):
    """New user (`user` None) or edit one; `submitted` carries the form to save."""

    submitted = Signal(object)  # UserForm

    def __init__(self, choices: UserChoices, user: UserView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userDialog")
        self.user = user
        self.setWindowTitle(self.tr("New user") if user is None else self.tr("Edit user"))
        self.username_edit = QLineEdit(self)
        self.username_edit.setObjectName("userNameEdit")
        self.username_edit.setMaxLength(64)
        self.display_edit = QLineEdit(self)
        self.display_edit.setObjectName("displayNameEdit")
        self.display_edit.setMaxLength(100)
        self.role_checks: dict[str, QCheckBox] = {}
        roles_box = QVBoxLayout()
        roles_box.setSpacing(2)
        for role in choices.roles:
            check = QCheckBox(role_title(role.name), self)
            check.setObjectName(f"roleCheck_{role.name}")
            check.setToolTip(role.description)
            self.role_checks[role.name] = check
            roles_box.addWidget(check)
        self.department_combo = QComboBox(self)
        self.department_combo.setObjectName("departmentCombo")
        self.department_combo.addItem(self.tr("(no department)"), "")
        for dept_id, name in department_entries(choices.departments):
            self.department_combo.addItem(name, dept_id)
        self.superior_combo = QComboBox(self)
        self.superior_combo.setObjectName("superiorCombo")
        self.superior_combo.addItem(self.tr("(no superior)"), "")
        for user_id, name in choices.superiors:
            if user is None or user_id != user.id:
                self.superior_combo.addItem(name, user_id)
        self.errors = {key: FieldErrorLabel(f"{key}Error", self) for key in (
            "username", "display_name", "roles", "department", "superior")}

        form = QFormLayout()
        form.addRow(self.tr("Sign-in name:"), self.username_edit)
        form.addRow("", self.errors["username"])
        form.addRow(self.tr("Display name:"), self.display_edit)
        form.addRow("", self.errors["display_name"])
        form.addRow(self.tr("Roles:"), roles_box)
        form.addRow("", self.errors["roles"])
        form.addRow(self.tr("Department:"), self.department_combo)
        form.addRow("", self.errors["department"])
        form.addRow(self.tr("Reports to:"), self.superior_combo)
        form.addRow("", self.errors["superior"])
        self.message = MessageLabel("userDialogMessage", self)
        buttons, self.save_button, self.cancel_button = dialog_buttons(
            self, accept_text=self.tr("Create user") if user is None else self.tr("Save"),
            accept_name="saveUserButton", reject_text=self.tr("Cancel"))
        self.save_button.clicked.connect(self._submit)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        if user is not None:
            self._fill(user)

    def _fill(self, user: UserView) -> None:
        self.username_edit.setText(user.username)
        self.username_edit.setReadOnly(True)  # the sign-in name never changes
        self.username_edit.setEnabled(False)
        self.display_edit.setText(user.display_name)
        for name, check in self.role_checks.items():
            check.setChecked(name in user.roles)
        self.department_combo.setCurrentIndex(
            max(self.department_combo.findData(user.department_id or ""), 0))
        self.superior_combo.setCurrentIndex(
            max(self.superior_combo.findData(user.superior_id or ""), 0))

    def form(self) -> UserForm:
        return UserForm(
            username=self.username_edit.text().strip(),
            display_name=self.display_edit.text().strip(),
            roles=tuple(name for name, check in self.role_checks.items() if check.isChecked()),
            department_id=self.department_combo.currentData() or "",
            superior_id=self.superior_combo.currentData() or "",
        )

    def _submit(self) -> None:
        self.clear_errors()
        form = self.form()
        if not form.roles:
            self.errors["roles"].show_message(self.tr("Give the user at least one role."))
            return
        self.set_busy(True)
        self.message.show_progress(self.tr("Saving…"))
        self.submitted.emit(form)

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear_message()
        self.message.clear_message()

    def show_error(self, error: Exception) -> None:
        """The save failed: say why next to the field, or under the form."""
        self.set_busy(False)
        self.message.clear_message()
        if isinstance(error, ValidationError) and error.field in self.errors:
            self.errors[error.field].show_message(validation_text(error))
        else:
            self.message.show_error(error_text(error))

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)


class OneTimePasswordDialog(QDialog):
    """Shows a one-time password this once, with a Copy button; forgets it when closed."""

    def __init__(self, title: str, intro: str, password: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("oneTimePasswordDialog")
        self.setWindowTitle(title)
        self._password = password
        intro_label = QLabel(intro, self)
        intro_label.setObjectName("oneTimePasswordIntro")
        intro_label.setWordWrap(True)
        frame = SecretPanel("oneTimePasswordLabel", least_points=14.0, scale=1.5,
                            vertical_margin=12, parent=self)
        self.password_label = frame.label
        self.password_label.setText(password)
        warning = QLabel(self.tr(
            "This password will not be shown again. Hand it over in person; it must be "
            "changed at the first sign-in."), self)
        warning.setObjectName("oneTimePasswordWarning")
        warning.setWordWrap(True)
        self.copied_label = QLabel("", self)
        self.copied_label.setObjectName("copiedLabel")
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setObjectName("copyPasswordButton")
        self.copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(self)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("closePasswordButton")
        close.setDefault(True)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.AcceptRole)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addWidget(frame)
        layout.addWidget(warning)
        layout.addWidget(self.copied_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 55)
        self.finished.connect(lambda _result: self._forget())

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self._password)
        self.copied_label.setText(self.tr("Copied to the clipboard."))

    def _forget(self) -> None:
        self._password = ""
        self.password_label.clear()
