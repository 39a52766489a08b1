"""User preferences declared in desktop_crm/config.py, stored through QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desktop_crm import config
from desktop_crm.ui.window_state import WindowState


class Preferences:
    """Reads and writes the declared settings; window layouts live in WindowState."""

    def __init__(self, store: QSettings) -> None:
        self._store = store

    @classmethod
    def for_this_user(cls) -> Preferences:
        return cls(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                             config.ORGANIZATION_NAME, config.APP_NAME))

    def get(self, setting: config.Setting) -> object:
        value = self._store.value(setting.key, setting.default)
        return setting.kind(value) if value is not None else setting.default

    def set(self, setting: config.Setting, value: object) -> None:
        if value == setting.default:
            self._store.remove(setting.key)  # the default stays declared in one place
        else:
            self._store.setValue(setting.key, setting.kind(value))
        self._store.sync()

    def window_state(self, username: str) -> WindowState:
        return WindowState(self._store, username)

    def stored_vault_dir(self) -> str:
        return str(self.get(config.VAULT_DIR))

    def remember_vault_dir(self, directory: Path) -> None:
        chosen = "" if directory == config.default_vault_dir() else str(directory)
        self.set(config.VAULT_DIR, chosen)
