"""Where each user left their window: geometry, splitters and list columns, per user.

Two people sharing one Windows account (a shop's front desk) each get their own layout.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings


class WindowState:
    def __init__(self, store: QSettings, username: str) -> None:
        self._store = store
        self._prefix = f"layout/{username}/"

    def load(self, name: str) -> QByteArray | None:
        value = self._store.value(self._prefix + name)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save(self, name: str, state: QByteArray) -> None:
        self._store.setValue(self._prefix + name, state)
        self._store.sync()
