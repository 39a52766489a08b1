"""The framed panel a secret is shown in this once (a one-time password, the recovery code):
large fixed-width type, so similar characters stay apart, and selectable for copying."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class SecretPanel(QFrame):
    def __init__(self, label_name: str, *, least_points: float, scale: float,
                 vertical_margin: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setObjectName(label_name)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(least_points, font.pointSizeF() * scale))
        font.setBold(True)
        self.label.setFont(font)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner = QVBoxLayout(self)
        inner.setContentsMargins(16, vertical_margin, 16, vertical_margin)
        inner.addWidget(self.label)
