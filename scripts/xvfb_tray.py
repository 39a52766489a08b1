"""What the real-tray scripts share: a tray host on the bare X server, an event loop that
turns for a while, and the words of Qt's own tray balloon (there is no notification daemon)."""

from __future__ import annotations

import subprocess
import time

from PySide6.QtWidgets import QApplication, QLabel


def start_tray_host() -> subprocess.Popen[bytes]:
    """`trayer` claims the tray selection, so Qt has a system tray to show its icon in."""
    return subprocess.Popen(["trayer", "--edge", "top", "--align", "right", "--width", "10"])


def spin(app: QApplication, seconds: float) -> None:
    end = time.time() + seconds
    while time.time() < end:
        app.processEvents()
        time.sleep(0.01)


def balloon_text(app: QApplication) -> str:
    """The words of the tray balloon on screen, or "" when none shows."""
    for widget in app.topLevelWidgets():
        if widget.metaObject().className() == "QBalloonTip" and widget.isVisible():
            texts = (label.text() for label in widget.findChildren(QLabel))
            return " / ".join(text for text in texts if text)
    return ""
