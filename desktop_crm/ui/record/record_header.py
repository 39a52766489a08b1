"""The top of the record page: back, who the customer is (name, company, stage and tier
badges, owner) and the actions the user's role allows."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.ui.icons import icon
from desktop_crm.ui.labels import stage_label, tier_label

# Tinted pills that read on the light and the dark palette alike.
_STAGE_TINT = "rgba(31, 111, 235, 0.16)"
_TIER_TINTS = {"high_value": "rgba(194, 120, 0, 0.22)", "potential": "rgba(26, 127, 55, 0.2)",
               "dormant": "rgba(120, 130, 140, 0.22)"}


def _badge(object_name: str, parent: QWidget) -> QLabel:
    badge = QLabel(parent)
    badge.setObjectName(object_name)
    badge.setTextFormat(Qt.TextFormat.PlainText)
    badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return badge


def _tint(badge: QLabel, colour: str) -> None:
    badge.setStyleSheet(f"background: {colour}; border-radius: 9px; padding: 1px 8px;")


class RecordHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordHeader")
        self.back_button = QToolButton(self)
        self.back_button.setObjectName("backButton")
        self.back_button.setText(self.tr("‹ Customers"))
        self.back_button.setToolTip(self.tr("Back to the list (Esc, Alt+Left)"))
        self.back_button.setAutoRaise(True)

        self.name_label = QLabel(self)
        self.name_label.setObjectName("recordNameLabel")
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.stage_badge = _badge("stageBadge", self)
        _tint(self.stage_badge, _STAGE_TINT)
        self.tier_badge = _badge("tierBadge", self)
        self.company_label = QLabel(self)
        self.company_label.setObjectName("recordCompanyLabel")
        self.company_label.setTextFormat(Qt.TextFormat.PlainText)
        self.owner_label = QLabel(self)
        self.owner_label.setObjectName("ownerLabel")
        self.owner_label.setTextFormat(Qt.TextFormat.PlainText)
        self.owner_label.setStyleSheet("color: palette(placeholder-text);")

        self.save_button = self._button("saveButton", self.tr("Save"),
                                        self.tr("Save the changes (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.log_call_button = self._button("logCallButton", self.tr("Log a call"),
                                            self.tr("Log a call, visit or message with this "
                                                    "customer"))
        self.log_call_button.setIcon(icon("log-call"))
        self.log_call_button.setIconSize(QSize(16, 16))
        self.change_owner_button = self._button(
            "changeOwnerButton", self.tr("Change owner…"),
            self.tr("Hand this customer to another salesperson (kept in the history)"))
        self.delete_button = self._button("deleteButton", self.tr("Delete…"),
                                          self.tr("Delete this customer"))

        title_line = QHBoxLayout()
        title_line.setSpacing(8)
        title_line.addWidget(self.back_button)
        title_line.addWidget(self.name_label)
        title_line.addWidget(self.stage_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        title_line.addWidget(self.tier_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        title_line.addStretch(1)
        about_line = QHBoxLayout()
        about_line.setSpacing(16)
        about_line.addWidget(self.company_label)
        about_line.addWidget(self.owner_label)
        about_line.addStretch(1)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (self.save_button, self.log_call_button, self.change_owner_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(title_line)
        layout.addLayout(about_line)
        layout.addLayout(buttons)

    def _button(self, object_name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(object_name)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        return button

    def show_customer(self, name: str, company: str, stage: str, tier: str | None,
                      owner_name: str) -> None:
        self.name_label.setText(name)
        self.company_label.setText(company)
        self.company_label.setVisible(bool(company))
        self.stage_badge.setText(stage_label(stage))
        self.stage_badge.show()
        self.tier_badge.setText(tier_label(tier))
        self.tier_badge.setVisible(bool(tier))
        if tier:
            _tint(self.tier_badge, _TIER_TINTS.get(tier, _TIER_TINTS["dormant"]))
        self.owner_label.setText(self.tr("Owner: %1").replace("%1", owner_name)
                                 if owner_name else "")
        self.owner_label.setVisible(bool(owner_name))

    def show_title(self, title: str) -> None:
        """A heading with no customer behind it (yet): a new customer, or loading."""
        self.name_label.setText(title)
        for label in (self.stage_badge, self.tier_badge, self.company_label, self.owner_label):
            label.hide()
