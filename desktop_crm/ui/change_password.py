"""First sign-in with a one-time password: the user chooses their own before anything else."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.errors import error_text, validation_text
from desktop_crm.ui.ops import OpChanges, Operations
from desktop_crm.ui.widgets import FieldErrorLabel, MessageLabel, dialog_buttons

USERS_CHANGED = OpChanges(frozenset({"user"}))


class ChangePasswordDialog(QDialog):
    """Accepted once the new password is set; rejected means the user gave up (lock again)."""

    def __init__(
        self,
        session: CrmSession,
        ops: Operations,
        one_time_password: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self._session = session
        self._ops = ops
        self._old_password = one_time_password
        self._busy = False
        self.setWindowTitle(self.tr("Choose your password — Desktop CRM"))

        intro = QLabel(self.tr(
            "You signed in with a one-time password from your administrator. Choose your own "
            "password now; nobody else will know it."), self)
        intro.setWordWrap(True)
        self.new_edit = QLineEdit(self)
        self.new_edit.setObjectName("newPasswordEdit")
        self.new_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_error = FieldErrorLabel("newPasswordError", self)
        self.confirm_edit = QLineEdit(self)
        self.confirm_edit.setObjectName("confirmPasswordEdit")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_error = FieldErrorLabel("confirmPasswordError", self)
        self.new_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 50)
        form = QFormLayout()
        form.addRow(self.tr("New password:"), self.new_edit)
        form.addRow("", self.new_error)
        form.addRow(self.tr("Repeat it:"), self.confirm_edit)
        form.addRow("", self.confirm_error)
        self.message = MessageLabel("changePasswordMessage", self)

        buttons, self.save_button, self.cancel_button = dialog_buttons(
            self, accept_text=self.tr("Set password"), accept_name="setPasswordButton",
            reject_text=self.tr("Sign out"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        # A small form: the dialog keeps the size its content asks for.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> None:
        if self._busy:
            return
        self.new_error.clear_message()
        self.confirm_error.clear_message()
        self.message.clear_message()
        new_password = self.new_edit.text()
        if new_password != self.confirm_edit.text():
            self.confirm_error.show_message(self.tr("The two passwords differ."))
            self.confirm_edit.setFocus()
            return
        self._set_busy(True)
        self.message.show_progress(self.tr("Saving your password…"))
        session, old_password = self._session, self._old_password
        self._ops.run(lambda: session.change_password(old_password, new_password),
                      on_success=self._saved, on_failure=self._failed, changes=USERS_CHANGED)

    def _saved(self, _result: object) -> None:
        self._set_busy(False)
        self._old_password = ""
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, ValidationError) and error.field in ("new_password", "password"):
            self.message.clear_message()
            self.new_error.show_message(validation_text(error))
            self.new_edit.setFocus()
        else:
            self.message.show_error(error_text(error))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.new_edit, self.confirm_edit, self.save_button, self.cancel_button):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:
            self._old_password = ""
            super().reject()
