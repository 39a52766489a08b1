"""The sign-in dialog: user name and password, or a device that remembers the user, open
the vault (off the GUI thread).

Whether a device may remember anyone is the vault's policy, known only once it is open: the
worker reads it right after unlocking. When it forbids remembering, a ticked box is not
honoured and a device that remembers the user forgets them; the dialog then says so in one
line and waits for Continue before it closes.
"""

from __future__ import annotations

import logging
import math
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.errors import CrmError, PasswordChangeRequired, SignInThrottled
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.backend import Backend, DeviceNote, SignedIn
from desktop_crm.ui.errors import error_text, keyring_text, throttled_text
from desktop_crm.ui.ops import Operations
from desktop_crm.ui.widgets import MessageLabel, dialog_buttons

log = logging.getLogger(__name__)


class SignInDialog(QDialog):
    """Emits `sign_in_did_succeed(SignedIn, password)` and then closes itself.

    The password travels on only for a first sign-in with a one-time password, where the
    change-password dialog needs it as the "old" one.
    """

    sign_in_did_succeed = Signal(object, str)

    def __init__(
        self,
        backend: Backend,
        ops: Operations,
        vault_dir: Path,
        *,
        username: str = "",
        notice: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self._backend = backend
        self._ops = ops
        self._vault_dir = vault_dir
        self._busy = False
        # a sign-in that succeeded, held while the dialog tells what happened to the device
        self._held: tuple[SignedIn, str] | None = None
        self._retry_deadline = 0.0
        self._countdown = QTimer(self)
        self._countdown.setInterval(250)
        self._countdown.timeout.connect(self._tick_countdown)
        self._build(username, notice)

    def _build(self, username: str, notice: str) -> None:
        self.setWindowTitle(self.tr("Sign in — Desktop CRM"))
        heading = QLabel(self.tr("Sign in to open the customer vault"), self)
        heading.setObjectName("signInHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        location = QLabel(self.tr("Vault: %1").replace("%1", str(self._vault_dir)), self)
        location.setObjectName("vaultLocationLabel")
        location.setWordWrap(True)
        location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.username_edit = QLineEdit(username, self)
        self.username_edit.setObjectName("usernameEdit")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        field_width = self.fontMetrics().averageCharWidth() * 50  # follows the font and scaling
        self.username_edit.setMinimumWidth(field_width)
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username_edit)
        form.addRow(self.tr("Password:"), self.password_edit)

        self.remember_check = QCheckBox(self.tr("Remember me on this device"), self)
        self.remember_check.setObjectName("rememberCheck")
        self.remember_reason = QLabel(self)
        self.remember_reason.setObjectName("rememberReasonLabel")
        self.remember_reason.setWordWrap(True)
        small = self.remember_reason.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.remember_reason.setFont(small)
        self._offer_remember_me()
        # once remembered, a salesperson opens the vault with one click, no password
        self.device_button = QPushButton(self.tr("Sign in with this device"), self)
        self.device_button.setObjectName("deviceSignInButton")
        self.device_button.setToolTip(self.tr(
            "This computer remembers you: no password needed. Anyone using this computer "
            "as you can do the same, so lock it when you leave it."))
        self.device_button.clicked.connect(self.attempt_device_sign_in)
        self._device_checked_for: str | None = None
        self.username_edit.editingFinished.connect(self._offer_device_sign_in)

        self.message = MessageLabel("signInMessage", self)
        if notice:
            self.message.show_progress(notice)

        buttons, self.sign_in_button, self.cancel_button = dialog_buttons(
            self, accept_text=self.tr("Sign in"), accept_name="signInButton",
            reject_text=self.tr("Quit"))
        self.sign_in_button.clicked.connect(self.attempt_sign_in)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        # A small form: the dialog keeps the size its content asks for.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.addWidget(heading)
        layout.addWidget(location)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.remember_check)
        layout.addWidget(self.remember_reason)
        layout.addWidget(self.device_button)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        (self.password_edit if username else self.username_edit).setFocus()
        self._offer_device_sign_in()

    def _offer_remember_me(self) -> None:
        """The checkbox appears only when a trusted keyring can hold the device secret."""
        status = self._backend.keyring_status()
        if not status.available:
            reason = keyring_text(status.reason)
        elif self._backend.remember_device is None:
            reason = self.tr("This version of the app cannot remember you on this device.")
        else:
            reason = ""
        self._remember_offered = reason == ""
        self.remember_check.setVisible(self._remember_offered)
        self.remember_reason.setVisible(reason != "")
        self.remember_reason.setText(reason)
        self.remember_reason.setToolTip(reason)

    def _offer_device_sign_in(self) -> None:
        """The one-click button shows only for a user this device remembers.

        Asked for the name as typed, once per name: a key-file read and a keyring lookup.
        A damaged key file or a failing keyring only hides the button; the password
        sign-in then reports what is wrong.
        """
        remembers = self._backend.device_remembers
        username = self.username_edit.text().strip()
        if username == self._device_checked_for:
            return
        self._device_checked_for = username
        offered = False
        if (self._backend.sign_in_remembered is not None and remembers is not None
                and username and self._backend.keyring_status().available):
            try:
                offered = remembers(self._vault_dir, username)
            except CrmError:
                offered = False
        self.device_button.setVisible(offered)

    # --- signing in -------------------------------------------------------------------------

    def attempt_sign_in(self) -> None:
        if self._held is not None:  # the button reads "Continue" now
            self._finish(*self._held)
            return
        if self._busy or self._retry_deadline > time.monotonic():
            return
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username:
            self.message.show_error(self.tr("Enter your user name."))
            self.username_edit.setFocus()
            return
        if not password:
            self.message.show_error(self.tr("Enter your password."))
            self.password_edit.setFocus()
            return
        remember = self._remember_offered and self.remember_check.isChecked()
        self._set_busy(True)
        self.message.show_progress(self.tr("Opening the vault…"))
        backend, vault_dir = self._backend, self._vault_dir

        def work() -> SignedIn:
            session = backend.sign_in(vault_dir, username, password)
            try:
                return _signed_in(session, backend, vault_dir, username, remember=remember,
                                  remembered=None)
            except BaseException:
                session.lock()
                raise

        self._ops.run(work, on_success=lambda s: self._succeeded(s, password),
                      on_failure=self._failed)

    def attempt_device_sign_in(self) -> None:
        sign_in_remembered = self._backend.sign_in_remembered
        username = self.username_edit.text().strip()
        if self._busy or sign_in_remembered is None or not username:
            return
        self._set_busy(True)
        self.message.show_progress(self.tr("Opening the vault…"))
        backend, vault_dir = self._backend, self._vault_dir

        def work() -> SignedIn:
            session = sign_in_remembered(vault_dir, username)
            try:
                # a one-time password is replaced only through the password sign-in
                session.require_own_password()
                if not session.policies.current().remember_me_allowed:
                    # forbidden since this device was remembered: forget it, and the
                    # password opens the vault this time too
                    _settle_device(session, backend, vault_dir, username, remember=False,
                                   remembered=True, allowed=False)
                    raise DeviceSignInForbidden
                return _signed_in(session, backend, vault_dir, username, remember=False,
                                  remembered=True)
            except BaseException:
                session.lock()
                raise

        self._ops.run(work, on_success=lambda s: self._succeeded(s, ""),
                      on_failure=self._device_failed)

    def _device_failed(self, error: Exception) -> None:
        self._device_checked_for = None
        self._offer_device_sign_in()  # a stale entry is gone now: so is the button
        if isinstance(error, PasswordChangeRequired | DeviceSignInForbidden):
            self._set_busy(False)
            self.message.show_error(self.tr(
                "Your password must be changed first: sign in with your password.")
                if isinstance(error, PasswordChangeRequired) else self.tr(
                "This computer no longer remembers you: your company's policy does not "
                "allow it any more. Sign in with your password."))
            self.password_edit.setFocus()
            return
        self._failed(error)

    def _succeeded(self, signed_in: SignedIn, password: str) -> None:
        self._set_busy(False)
        self.password_edit.clear()
        note = self._device_note_text(signed_in.device_note)
        if not note:
            self._finish(signed_in, password)
            return
        self._held = (signed_in, password)
        self._device_checked_for = None
        self.device_button.hide()
        self.remember_check.setChecked(False)
        for widget in (self.username_edit, self.password_edit, self.remember_check,
                       self.cancel_button):
            widget.setEnabled(False)
        self.sign_in_button.setText(self.tr("Continue"))
        self.sign_in_button.setFocus()
        self.message.show_progress(note)

    def _device_note_text(self, note: DeviceNote) -> str:
        if note is DeviceNote.NOT_REMEMBERED:
            return self.tr("Signed in. This computer will not remember you: your company's "
                           "policy does not allow it.")
        if note is DeviceNote.FORGOTTEN:
            return self.tr("Signed in. This computer no longer remembers you: your company's "
                           "policy does not allow it any more.")
        return ""

    def _finish(self, signed_in: SignedIn, password: str) -> None:
        self._held = None
        self.message.clear_message()
        self.sign_in_did_succeed.emit(signed_in, password)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.password_edit.clear()
        self.password_edit.setFocus()
        if isinstance(error, SignInThrottled):
            self._start_countdown(error.retry_after_seconds)
        else:
            self.message.show_error(error_text(error))

    def _start_countdown(self, seconds: float) -> None:
        self._retry_deadline = time.monotonic() + seconds
        self.sign_in_button.setEnabled(False)
        self._countdown.start()
        self._tick_countdown()

    def _tick_countdown(self) -> None:
        remaining = self._retry_deadline - time.monotonic()
        if remaining <= 0:
            self._countdown.stop()
            self._retry_deadline = 0.0
            self.sign_in_button.setEnabled(not self._busy)
            self.message.show_progress(self.tr("You can try again now."))
            return
        self.message.show_error(throttled_text(math.ceil(remaining)))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.username_edit, self.password_edit, self.remember_check,
                       self.device_button, self.cancel_button):
            widget.setEnabled(not busy)
        self.sign_in_button.setEnabled(not busy and self._retry_deadline <= time.monotonic())

    def reject(self) -> None:
        if self._busy or self._held is not None:
            return  # the vault is open or opening: closing now would leave nobody to lock it
        super().reject()

    @property
    def throttled(self) -> bool:
        return self._countdown.isActive()

    @property
    def remember_me_offered(self) -> bool:
        return self._remember_offered

    @property
    def device_note(self) -> str:
        """The line telling what the policy did to this device, while it waits (for tests)."""
        return self.message.text() if self._held is not None else ""


class DeviceSignInForbidden(CrmError):
    """The vault's policy no longer lets a device sign anyone in without the password."""


def _signed_in(session: CrmSession, backend: Backend, vault_dir: Path, username: str, *,
               remember: bool, remembered: bool | None) -> SignedIn:
    """Who signed in and the policies their window follows, read on the worker thread, with
    this device's remember-me settled by the vault's policy. `remembered`: whether this device
    remembers the user (None: ask)."""
    policies = session.policies.current()
    note = _settle_device(session, backend, vault_dir, username, remember=remember,
                          remembered=remembered, allowed=policies.remember_me_allowed)
    return SignedIn(session, session.me(), policies.idle_lock_after, note)


def _settle_device(session: CrmSession, backend: Backend, vault_dir: Path, username: str, *,
                   remember: bool, remembered: bool | None, allowed: bool) -> DeviceNote:
    if allowed:
        if remember and backend.remember_device is not None:
            backend.remember_device(session)
        return DeviceNote.NONE
    if backend.forget_device is not None:
        if remembered is None:
            remembered = _device_remembers(backend, vault_dir, username)
        if remembered:
            try:
                backend.forget_device(session)
            except CrmError as error:  # a locked keyring: forgotten at a later sign-in
                log.warning("could not forget this device: %s", error)
            else:
                return DeviceNote.FORGOTTEN
    return DeviceNote.NOT_REMEMBERED if remember else DeviceNote.NONE


def _device_remembers(backend: Backend, vault_dir: Path, username: str) -> bool:
    if backend.device_remembers is None:
        return False
    try:
        return backend.device_remembers(vault_dir, username)
    except CrmError:  # a failing keyring: nothing this sign-in can forget
        return False
