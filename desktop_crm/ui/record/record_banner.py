"""The record page's notice that someone else saved the customer first, with the way out:
reload."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_crm.ui.widgets import ERROR_COLOUR


class ConflictBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictBanner")
        self.setStyleSheet(f"QFrame#conflictBanner {{ border: 1px solid {ERROR_COLOUR}; "
                           "border-radius: 4px; }")
        self.text = QLabel(self.tr(
            "Someone else saved this customer after you opened it, so your changes were not "
            "saved. Reload to see their version (your changes here will be lost), then edit "
            "again."), self)
        self.text.setObjectName("conflictText")
        self.text.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.reload_button.setObjectName("reloadButton")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.reload_button)
        self.hide()
