"""The role editor's dialog for a new role (optionally a copy of another); the picker of
"specified departments" is the console's DepartmentPickerDialog."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.errors import ValidationError
from desktop_crm.ui.errors import error_text, validation_text
from desktop_crm.ui.widgets import FieldErrorLabel, MessageLabel, dialog_buttons


@dataclass(frozen=True)
class NewRoleForm:
    name: str
    title: str
    copy_from: str | None  # a role id


class NewRoleDialog(QDialog):
    """Collects a new role; the Roles page creates it and tells the dialog what went wrong."""

    submitted = Signal(object)  # NewRoleForm

    def __init__(self, roles: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newRoleDialog")
        self.setWindowTitle(self.tr("New role"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("newRoleNameEdit")
        self.name_edit.setPlaceholderText(self.tr("e.g. east_sales"))
        self.name_error = FieldErrorLabel("newRoleNameError", self)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("newRoleTitleEdit")
        self.title_error = FieldErrorLabel("newRoleTitleError", self)
        self.copy_combo = QComboBox(self)
        self.copy_combo.setObjectName("copyFromCombo")
        self.copy_combo.addItem(self.tr("Nothing (an empty role)"), None)
        for role_id, title in roles:
            self.copy_combo.addItem(title, role_id)
        form = QFormLayout()
        form.addRow(self.tr("Code name:"), self.name_edit)
        form.addRow("", self.name_error)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow("", self.title_error)
        form.addRow(self.tr("Copy permissions from:"), self.copy_combo)
        self.message = MessageLabel("newRoleMessage", self)
        buttons, self.create_button, cancel = dialog_buttons(
            self, accept_text=self.tr("Create"), accept_name="createRoleButton",
            reject_text=self.tr("Cancel"))
        self.create_button.clicked.connect(self._submit)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _submit(self) -> None:
        self.name_error.clear_message()
        self.title_error.clear_message()
        self.message.clear_message()
        if not self.title_edit.text().strip():
            self.title_error.show_message(self.tr("Give the role a title."))
            return
        self.create_button.setEnabled(False)
        self.submitted.emit(NewRoleForm(self.name_edit.text().strip(),
                                        self.title_edit.text().strip(),
                                        self.copy_combo.currentData()))

    def show_error(self, error: Exception) -> None:
        self.create_button.setEnabled(True)
        if isinstance(error, ValidationError) and error.field == "name":
            self.name_error.show_message(self.tr(
                "Use 2–40 lower-case letters, digits, dots, dashes or underscores; "
                "each role needs its own.") if "taken" not in error.message
                else validation_text(error))
        elif isinstance(error, ValidationError) and error.field == "title":
            self.title_error.show_message(validation_text(error))
        else:
            self.message.show_error(error_text(error))
