"""Wizard page 1: where the vault lives (one folder, shared by everyone who signs in here)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop_crm.ui import prompts
from desktop_crm.ui.widgets import FieldErrorLabel


class VaultLocationPage(QWizardPage):
    """Refuses a folder that already holds a vault, and offers to sign in to that one instead."""

    existing_vault_was_chosen = Signal(object)  # Path

    def __init__(
        self, default_dir: Path, vault_exists: Callable[[Path], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("vaultLocationPage")
        self._vault_exists = vault_exists
        self.setTitle(self.tr("Where should the vault live?"))
        self.setSubTitle(self.tr(
            "The vault is one encrypted folder holding every customer record. Everyone who "
            "signs in on this computer uses it; on a shared office desktop you may choose a "
            "shared folder."))

        self.path_edit = QLineEdit(str(default_dir), self)
        self.path_edit.setObjectName("vaultPathEdit")
        self.path_edit.textChanged.connect(self._forget_verdict)
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.choose_button.setObjectName("chooseFolderButton")
        self.choose_button.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)

        self.path_error = FieldErrorLabel("vaultPathError", self)
        self.use_existing_button = QPushButton(self.tr("Sign in to this vault instead"), self)
        self.use_existing_button.setObjectName("useExistingVaultButton")
        self.use_existing_button.hide()
        self.use_existing_button.clicked.connect(
            lambda: self.existing_vault_was_chosen.emit(self.chosen_dir()))
        hint = QLabel(self.tr(
            "The folder is created if it does not exist. Without the password of a user of "
            "this vault its files are unreadable."), self)
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Vault folder:"), self))
        layout.addLayout(row)
        layout.addWidget(self.path_error)
        layout.addWidget(self.use_existing_button)
        layout.addSpacing(12)
        layout.addWidget(hint)
        layout.addStretch(1)

    def chosen_dir(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def _choose(self) -> None:
        start = self.chosen_dir()
        while not start.exists() and start != start.parent:
            start = start.parent
        chosen = prompts.choose_directory(self, self.tr("Choose the vault folder"), start)
        if chosen is not None:
            self.path_edit.setText(str(chosen))

    def _forget_verdict(self) -> None:
        self.path_error.clear_message()
        self.use_existing_button.hide()

    def validatePage(self) -> bool:
        self._forget_verdict()
        text = self.path_edit.text().strip()
        if not text:
            self.path_error.show_message(self.tr("Choose a folder for the vault."))
            return False
        directory = self.chosen_dir()
        if not directory.is_absolute():
            self.path_error.show_message(self.tr("Give the full path of the folder."))
            return False
        if directory.exists() and not directory.is_dir():
            self.path_error.show_message(self.tr("This is a file, not a folder."))
            return False
        if self._vault_exists(directory):
            self.path_error.show_message(self.tr(
                "This folder already holds a vault. Sign in to it, or choose another folder."))
            self.use_existing_button.show()
            return False
        if not _writable(directory):
            self.path_error.show_message(self.tr(
                "You cannot create files in this folder. Choose another one."))
            return False
        return True


def _writable(directory: Path) -> bool:
    """Whether the folder, or the nearest existing folder above it, accepts new files."""
    probe = directory
    while not probe.exists():
        if probe == probe.parent:
            return False
        probe = probe.parent
    return os.access(probe, os.W_OK | os.X_OK)
