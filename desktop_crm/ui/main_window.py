"""The main window of a signed-in user: menus, the overview, Lock and idle lock."""

from __future__ import annotations

from datetime import timedelta
from importlib import metadata

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from desktop_crm.services.session import VaultSummary
from desktop_crm.ui import prompts
from desktop_crm.ui.backend import SignedIn
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.idle import IdleWatcher
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.overview import OverviewWidget, role_title

LOCK_SHORTCUT = "Ctrl+Shift+L"


def app_version() -> str:
    try:
        return metadata.version("desktop-crm")
    except metadata.PackageNotFoundError:  # running from a source tree that was not installed
        return ""


class MainWindow(QMainWindow):
    """Asks the flow to lock (menu, shortcut or idle) or to quit; it never locks by itself."""

    user_did_request_lock = Signal()
    idle_did_lock = Signal()
    user_did_request_quit = Signal()
    summary_did_load = Signal(object)  # VaultSummary

    def __init__(
        self,
        signed_in: SignedIn,
        ops: Operations,
        *,
        idle_lock_after: timedelta,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._session = signed_in.session
        self._actor = signed_in.actor
        self._ops = ops
        self._closing_for_lock = False
        self.setWindowTitle(self.tr("Desktop CRM — %1").replace(
            "%1", self._actor.display_name or self._actor.username))
        self.resize(960, 640)

        self.overview = OverviewWidget(self._actor, self._session.vault_dir, self)
        self.setCentralWidget(self.overview)
        self._build_menus()
        self._build_status_bar()

        self.idle_watcher = IdleWatcher(idle_lock_after, self)
        self.idle_watcher.idle_did_expire.connect(self.idle_did_lock)
        ops.changes_did_happen.connect(self._on_changes)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence(LOCK_SHORTCUT))
        self.lock_action.setStatusTip(self.tr("Lock the vault and return to sign-in"))
        self.lock_action.triggered.connect(self.user_did_request_lock)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setObjectName("quitAction")
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.user_did_request_quit)
        file_menu.addAction(self.quit_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        self.about_action = QAction(self.tr("&About Desktop CRM"), self)
        self.about_action.setObjectName("aboutAction")
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        roles = self.tr(", ", "between role names").join(role_title(r) for r in self._actor.roles)
        who = QLabel(self.tr("%1 · %2").replace("%1", self._actor.username).replace("%2", roles))
        who.setObjectName("statusUserLabel")
        self.statusBar().addPermanentWidget(who)

    # --- data ---------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.idle_watcher.running:
            self.idle_watcher.start()
            self.refresh_summary()

    def refresh_summary(self) -> None:
        session = self._session
        self._ops.run(session.summary, on_success=self._show_summary,
                      on_failure=self._summary_failed, lane=Lane.READ)

    def _show_summary(self, summary: VaultSummary) -> None:
        self.overview.show_summary(summary)
        self.summary_did_load.emit(summary)

    def _summary_failed(self, error: Exception) -> None:
        if self._session.locked:
            return  # locked while the figures were on their way: nothing to show
        self.overview.show_error(error_text(error))

    def _on_changes(self, changes: OpChanges) -> None:
        if not self._session.locked and (changes.touches("customer") or
                                         changes.touches("audit")):
            self.refresh_summary()

    def show_about(self) -> None:
        prompts.inform(self, self.tr("About Desktop CRM"), self.tr(
            "Desktop CRM %1\nCustomer records kept in an encrypted vault on this computer.")
            .replace("%1", app_version()))

    # --- closing ------------------------------------------------------------------------------

    def close_for_lock(self) -> None:
        """Close without asking: the flow has locked the session."""
        self.idle_watcher.stop()
        self._closing_for_lock = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle_watcher.stop()
        if not self._closing_for_lock:
            self.user_did_request_quit.emit()
        super().closeEvent(event)
