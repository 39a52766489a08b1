"""Which window is open: set-up -> sign-in -> (password change) -> main window -> lock -> sign-in.

The flow owns the one signed-in session and is the only place that locks it, so "Lock", the
idle timer and quitting all end in the same `session.lock()`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop_crm.services.session import CrmSession
from desktop_crm.ui.backend import Backend, SignedIn
from desktop_crm.ui.change_password import ChangePasswordDialog
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.ops import Operations
from desktop_crm.ui.settings import Preferences
from desktop_crm.ui.setup.wizard import SetupWizard
from desktop_crm.ui.sign_in import SignInDialog

log = logging.getLogger(__name__)


class AppFlow(QObject):
    """Opens one window at a time; emits `flow_did_end` when the person quits."""

    flow_did_end = Signal()
    session_did_lock = Signal()

    def __init__(
        self,
        backend: Backend,
        ops: Operations,
        preferences: Preferences,
        vault_dir: Path,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._ops = ops
        self._preferences = preferences
        self.vault_dir = vault_dir
        self.session: CrmSession | None = None
        self.window: QWidget | None = None  # the one window showing now
        ops.access_did_end.connect(self._access_ended)

    def start(self) -> None:
        if self._backend.vault_exists(self.vault_dir):
            self.show_sign_in()
        else:
            self.show_setup()

    # --- set-up -------------------------------------------------------------------------------

    def show_setup(self) -> None:
        wizard = SetupWizard(self._backend, self._ops, self.vault_dir)
        wizard.setup_did_finish.connect(self._setup_finished)
        wizard.rejected.connect(lambda: self._end_unless_moved_on(wizard))
        self._show(wizard)

    def _setup_finished(self, directory: Path, admin_username: str) -> None:
        if directory != self.vault_dir:
            self._preferences.remember_vault_dir(directory)  # the next start opens it
            self.vault_dir = directory
        notice = QCoreApplication.translate(
            "AppFlow", "The vault is ready. Sign in as its administrator.") if admin_username \
            else ""
        self.show_sign_in(username=admin_username, notice=notice)

    # --- signing in ---------------------------------------------------------------------------

    def show_sign_in(self, *, username: str = "", notice: str = "") -> None:
        dialog = SignInDialog(self._backend, self._ops, self.vault_dir, username=username,
                              notice=notice)
        dialog.sign_in_did_succeed.connect(self._signed_in)
        dialog.rejected.connect(lambda: self._end_unless_moved_on(dialog))
        self._show(dialog)

    def _signed_in(self, signed_in: SignedIn, password: str) -> None:
        self.session = signed_in.session
        if signed_in.actor.must_change_password:
            dialog = ChangePasswordDialog(signed_in.session, self._ops, password)
            dialog.accepted.connect(lambda: self._password_changed(signed_in))
            dialog.rejected.connect(lambda: self._lock_and_sign_in(dialog))
            self._show(dialog)
        else:
            self.show_main(signed_in)

    def _password_changed(self, signed_in: SignedIn) -> None:
        self._ops.run(signed_in.session.me,
                      on_success=lambda actor: self.show_main(
                          SignedIn(signed_in.session, actor, signed_in.idle_lock_after)),
                      on_failure=lambda error: self._lock_and_sign_in(None))

    # --- the main window ----------------------------------------------------------------------

    def show_main(self, signed_in: SignedIn) -> None:
        idle_lock_after = self._backend.idle_lock_after or signed_in.idle_lock_after
        window = MainWindow(signed_in, self._ops, idle_lock_after=idle_lock_after,
                            window_state=self._preferences.window_state(
                                signed_in.actor.username))
        window.user_did_request_lock.connect(lambda: self.lock())
        window.idle_did_lock.connect(lambda: self.lock(idle=True))
        window.user_did_request_quit.connect(self.quit)
        self._show(window)

    def lock(self, *, idle: bool = False, notice: str = "") -> None:
        """Drop the session's keys and go back to sign-in."""
        window = self.window
        self._lock_session()
        if isinstance(window, MainWindow):
            window.close_for_lock()
        if not notice:
            notice = QCoreApplication.translate(
                "AppFlow", "The vault was locked after a period of inactivity.") if idle else \
                QCoreApplication.translate("AppFlow", "The vault is locked.")
        self.show_sign_in(notice=notice)

    def _access_ended(self, error: Exception) -> None:
        """A service call found the session over (key rotated elsewhere, account revoked or
        suspended): lock at once and say why, instead of failing view by view."""
        if self.session is not None and isinstance(self.window, MainWindow):
            self.lock(notice=error_text(error))

    def quit(self) -> None:
        self._lock_session()
        window, self.window = self.window, None
        if isinstance(window, MainWindow):
            window.close_for_lock()
        elif window is not None:
            window.close()
        self.flow_did_end.emit()

    # --- helpers ------------------------------------------------------------------------------

    def _lock_and_sign_in(self, _dialog: QWidget | None) -> None:
        self._lock_session()
        self.show_sign_in()

    def _lock_session(self) -> None:
        # On the GUI thread on purpose: the keys must be gone before the next window shows.
        # Disposing the engines is quick; a worker still using them fails with VaultLocked.
        session, self.session = self.session, None
        self._ops.session_ended()
        if session is not None:
            session.lock()
            self.session_did_lock.emit()

    def _show(self, window: QWidget) -> None:
        previous, self.window = self.window, window
        window.show()
        window.raise_()
        window.activateWindow()
        if previous is not None and previous is not window:
            previous.deleteLater()

    def _end_unless_moved_on(self, window: QWidget) -> None:
        """A dialog closed: quit, unless it already opened the next window."""
        if self.window is window:
            self.quit()
