"""Messages from the system tray: the seam that due reminders and new alerts go through.

`TrayNotifier` is what the watchers call; tests hand them a recorder, because an offscreen Qt
has no tray. `SystemTrayNotifier` is the real one, shown only where the desktop has a tray.
A window keeps one tray icon: `sharing()` gives a second notifier on the same icon (reminders
come with an information sign, alerts with a warning).
"""

from __future__ import annotations

import copy
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

MessageIcon = QSystemTrayIcon.MessageIcon


class TrayNotifier(Protocol):
    def notify(self, title: str, text: str) -> None: ...


class SystemTrayNotifier:
    """Shows a message from the system tray icon, where the desktop has a tray."""

    def __init__(self, icon: QIcon, parent: QObject | None = None, *,
                 message_icon: MessageIcon = MessageIcon.Warning) -> None:
        self._tray: QSystemTrayIcon | None = None
        self._message_icon = message_icon
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray = QSystemTrayIcon(icon, parent)
            self._tray.show()

    def sharing(self, message_icon: MessageIcon) -> SystemTrayNotifier:
        """A notifier on this same tray icon whose messages carry `message_icon`."""
        other = copy.copy(self)  # shallow: the same QSystemTrayIcon
        other._message_icon = message_icon
        return other

    @property
    def tray(self) -> QSystemTrayIcon | None:
        """The icon itself (None without a tray), for a window that answers its clicks."""
        return self._tray

    def notify(self, title: str, text: str) -> None:
        if self._tray is not None and QSystemTrayIcon.supportsMessages():
            self._tray.showMessage(title, text, self._message_icon)

    def hide(self) -> None:
        if self._tray is not None:
            self._tray.hide()
