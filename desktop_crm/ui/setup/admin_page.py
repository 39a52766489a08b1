"""Wizard page 2: the first administrator; its Next button creates the vault (off the GUI thread).

This is the wizard's commit page: once the vault exists there is no way back, because the
recovery code on the next page is shown only once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_crm.domain.errors import ValidationError
from desktop_crm.ui.errors import error_text, validation_text
from desktop_crm.ui.ops import Operations
from desktop_crm.ui.widgets import FieldErrorLabel, MessageLabel

# (vault folder, user name, password, display name) -> recovery code
CreateVault = Callable[[Path, str, str, str], str]


class FirstAdminPage(QWizardPage):
    def __init__(
        self,
        create_vault: CreateVault,
        ops: Operations,
        vault_dir: Callable[[], Path],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstAdminPage")
        self._create_vault = create_vault
        self._ops = ops
        self._vault_dir = vault_dir
        self._busy = False
        self.recovery_code = ""
        self.created_dir: Path | None = None
        self.setTitle(self.tr("The first administrator"))
        self.setSubTitle(self.tr(
            "This account manages users, roles and departments. Pick a password only you "
            "know: nobody, not even this app's makers, can read the vault without one."))
        self.setCommitPage(True)

        self.username_edit = self._line_edit("adminUsernameEdit")
        self.username_error = FieldErrorLabel("adminUsernameError", self)
        self.display_name_edit = self._line_edit("adminDisplayNameEdit")
        self.display_name_edit.setPlaceholderText(self.tr("for example 王芳 or Alex Smith"))
        self.display_name_error = FieldErrorLabel("adminDisplayNameError", self)
        self.password_edit = self._line_edit("adminPasswordEdit", password=True)
        self.password_edit.setPlaceholderText(self.tr("at least 10 characters"))
        self.password_error = FieldErrorLabel("adminPasswordError", self)
        self.confirm_edit = self._line_edit("adminConfirmEdit", password=True)
        self.confirm_error = FieldErrorLabel("adminConfirmError", self)
        self.message = MessageLabel("adminPageMessage", self)

        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username_edit)
        form.addRow("", self.username_error)
        form.addRow(self.tr("Display name:"), self.display_name_edit)
        form.addRow("", self.display_name_error)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow("", self.password_error)
        form.addRow(self.tr("Repeat the password:"), self.confirm_edit)
        form.addRow("", self.confirm_error)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._field_errors = {
            "username": self.username_error,
            "display_name": self.display_name_error,
            "password": self.password_error,
        }

    def _line_edit(self, object_name: str, *, password: bool = False) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(object_name)
        if password:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def isComplete(self) -> bool:
        return not self._busy and super().isComplete()

    def validatePage(self) -> bool:
        if self.recovery_code:
            return True  # created: the wizard moves on to the recovery code
        if self._busy:
            return False
        self._clear_messages()
        password = self.password_edit.text()
        if password != self.confirm_edit.text():
            self.confirm_error.show_message(self.tr("The two passwords differ."))
            self.confirm_edit.setFocus()
            return False
        self._start_creating(password)
        return False  # the wizard moves on when the vault exists (see _created)

    def _start_creating(self, password: str) -> None:
        directory = self._vault_dir()
        username = self.username_edit.text().strip()
        display_name = self.display_name_edit.text().strip()
        create = self._create_vault
        self._set_busy(True)
        self.message.show_progress(self.tr(
            "Creating the encrypted vault… this takes a few seconds."))
        self._ops.run(lambda: create(directory, username, password, display_name),
                      on_success=lambda code: self._created(directory, code),
                      on_failure=self._failed)

    def _created(self, directory: Path, recovery_code: str) -> None:
        self.recovery_code = recovery_code
        self.created_dir = directory
        self.password_edit.clear()
        self.confirm_edit.clear()
        self._set_busy(False)
        self.message.clear_message()
        wizard = self.wizard()
        if wizard is not None:
            wizard.next()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, ValidationError) and error.field in self._field_errors:
            self.message.clear_message()
            self._field_errors[error.field].show_message(validation_text(error))
            {"username": self.username_edit, "display_name": self.display_name_edit,
             "password": self.password_edit}[error.field].setFocus()
        else:
            self.message.show_error(error_text(error))

    def _clear_messages(self) -> None:
        for label in (*self._field_errors.values(), self.confirm_error):
            label.clear_message()
        self.message.clear_message()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for edit in (self.username_edit, self.display_name_edit, self.password_edit,
                     self.confirm_edit):
            edit.setEnabled(not busy)
        self.completeChanged.emit()  # Qt re-evaluates the wizard's buttons here...
        wizard = self.wizard()
        if wizard is not None:  # ...so Back and Cancel are held after it, while creating
            for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
                wizard.button(which).setEnabled(not busy)

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def admin_username(self) -> str:
        return self.username_edit.text().strip()
