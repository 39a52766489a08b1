"""The set-up wizard: vault folder -> first administrator -> recovery code (shown once)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from desktop_crm.ui import prompts
from desktop_crm.ui.backend import Backend
from desktop_crm.ui.ops import Operations
from desktop_crm.ui.setup.admin_page import FirstAdminPage
from desktop_crm.ui.setup.location_page import VaultLocationPage
from desktop_crm.ui.setup.recovery_page import RecoveryCodePage


class SetupWizard(QWizard):
    """Emits `setup_did_finish(vault_dir, admin_username)` when there is a vault to sign in to.

    `admin_username` is empty when the person picked a folder that already held a vault.
    """

    setup_did_finish = Signal(object, str)

    LOCATION, ADMIN, RECOVERY = range(3)

    def __init__(
        self, backend: Backend, ops: Operations, default_dir: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Set up Desktop CRM"))
        self.setWizardStyle(
            QWizard.WizardStyle.MacStyle if sys.platform == "darwin"
            else QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create vault"))
        self.setMinimumSize(640, 520)

        self.location_page = VaultLocationPage(default_dir, backend.vault_exists, self)
        self.admin_page = FirstAdminPage(
            backend.initialize_vault, ops, self.location_page.chosen_dir, self)
        self.recovery_page = RecoveryCodePage(self)
        self.setPage(self.LOCATION, self.location_page)
        self.setPage(self.ADMIN, self.admin_page)
        self.setPage(self.RECOVERY, self.recovery_page)
        self.location_page.existing_vault_was_chosen.connect(self._use_existing)

    def initializePage(self, page_id: int) -> None:
        super().initializePage(page_id)
        if page_id == self.RECOVERY:
            self.recovery_page.show_code(self.admin_page.recovery_code)

    @property
    def vault_created(self) -> bool:
        return self.admin_page.created_dir is not None

    def accept(self) -> None:
        self._finish()
        super().accept()

    def reject(self) -> None:
        if self.admin_page.busy:
            return  # the vault is being written; it cannot be half-abandoned
        if self.vault_created:
            if not self.recovery_page.stored_check.isChecked() and not prompts.confirm(
                self, self.tr("Recovery code"),
                self.tr("Close without confirming that you stored the recovery code? "
                        "It will not be shown again."),
            ):
                return
            self._finish()  # the vault exists: go on to sign in either way
        super().reject()

    def _finish(self) -> None:
        created = self.admin_page.created_dir
        self.recovery_page.forget_code()
        self.admin_page.recovery_code = ""
        if created is not None:
            self.setup_did_finish.emit(created, self.admin_page.admin_username)

    def _use_existing(self, directory: Path) -> None:
        self.setup_did_finish.emit(directory, "")
        super().accept()
