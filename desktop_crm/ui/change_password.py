"""First sign-in with a one-time password: the user chooses their own before anything else.

The vault's password rules are read once the dialog opens (off the GUI thread): a hint line
says them, and the new password is checked against them as it is typed, so the service's
refusal is rarely the first the person hears of a rule.
"""

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
from desktop_crm.services.policies import PasswordRules
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.errors import error_text, service_text, validation_text
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.widgets import FieldErrorLabel, MessageLabel, dialog_buttons

USERS_CHANGED = OpChanges(frozenset({"user"}))
SAME_AS_BEFORE = "must differ from the current password"  # the service's words, translated


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
        self._rules: PasswordRules | None = None  # until the vault's rules are read
        self.setWindowTitle(self.tr("Choose your password — Desktop CRM"))

        intro = QLabel(self.tr(
            "You signed in with a one-time password from your administrator. Choose your own "
            "password now; nobody else will know it."), self)
        intro.setWordWrap(True)
        self.rules_hint = QLabel(self)
        self.rules_hint.setObjectName("passwordRulesHint")
        self.rules_hint.setWordWrap(True)
        self.rules_hint.hide()
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
        layout.addWidget(self.rules_hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.new_edit.textEdited.connect(self._check_as_typed)
        ops.run(session.policies.password_rules, on_success=self._rules_read,
                on_failure=lambda _error: None,  # the service still checks them on save
                lane=Lane.READ, context=self)

    # --- the rules ----------------------------------------------------------------------------

    @property
    def rules(self) -> PasswordRules | None:
        return self._rules

    def _rules_read(self, rules: PasswordRules) -> None:
        self._rules = rules
        hint = self.tr("Your password needs at least %1 characters.") if not \
            rules.letters_and_digits else \
            self.tr("Your password needs at least %1 characters, with both letters and digits.")
        self.rules_hint.setText(hint.replace("%1", str(rules.min_length)))
        self.rules_hint.show()
        self._check_as_typed(self.new_edit.text())

    def _problem(self, password: str) -> str | None:
        """What is wrong with `password` by the rules known here, in the person's words."""
        if self._rules is not None:
            problem = self._rules.problem(password)
            if problem is not None:
                return service_text(problem)
        if password == self._old_password:
            return service_text(SAME_AS_BEFORE)
        return None

    def _check_as_typed(self, password: str) -> None:
        problem = self._problem(password) if password else None
        self.new_error.show_message(problem or "")

    # --- saving -------------------------------------------------------------------------------

    def save(self) -> None:
        if self._busy:
            return
        self.new_error.clear_message()
        self.confirm_error.clear_message()
        self.message.clear_message()
        new_password = self.new_edit.text()
        problem = self._problem(new_password)
        if problem is not None:
            self.new_error.show_message(problem)
            self.new_edit.setFocus()
            return
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
