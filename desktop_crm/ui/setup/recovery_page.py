"""Wizard page 3: the recovery code, shown this once; Finish waits for "I have stored it"."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget, QWizardPage

from desktop_crm.security.recovery import GROUP_SIZE
from desktop_crm.ui.secret_panel import SecretPanel

GROUPS_PER_LINE = 7
STORED_FIELD = "recoveryCodeStored*"  # the star makes QWizard require the box before Finish


def code_for_display(code: str) -> str:
    """Two lines of seven groups: easy to copy by hand, and the parser ignores the line break."""
    groups = code.split("-")
    lines = ["-".join(groups[i : i + GROUPS_PER_LINE])
             for i in range(0, len(groups), GROUPS_PER_LINE)]
    return "\n".join(lines)


class RecoveryCodePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryCodePage")
        self.setTitle(self.tr("Your recovery code"))
        self.setSubTitle(self.tr(
            "If the administrator's password is ever lost, this code is the only way back "
            "into the vault. It is shown only now and is not stored on this computer."))
        self.setFinalPage(True)

        frame = SecretPanel("recoveryCodeLabel", least_points=16.0, scale=1.6,
                            vertical_margin=16, parent=self)
        self.code_label = frame.label

        hints = QLabel(self.tr(
            "• Write it on paper, or print it, and keep it somewhere safe away from this "
            "computer.\n"
            "• Or select the code, copy it with Ctrl+C into a password manager; do not leave "
            "it in a plain file or an e-mail.\n"
            "• Letters O, I and B may be typed as 0, 1 and 8; dashes and spaces are ignored."),
            self)
        hints.setObjectName("recoveryHintsLabel")
        hints.setWordWrap(True)

        self.stored_check = QCheckBox(
            self.tr("I have stored the recovery code in a safe place"), self)
        self.stored_check.setObjectName("storedCheck")
        self.registerField(STORED_FIELD, self.stored_check)

        layout = QVBoxLayout(self)
        layout.addWidget(frame)
        layout.addSpacing(8)
        layout.addWidget(hints)
        layout.addSpacing(16)
        layout.addWidget(self.stored_check)
        layout.addStretch(1)

    def show_code(self, code: str) -> None:
        self.code_label.setText(code_for_display(code))
        # Wide enough for a whole line of groups at this font size.
        width = self.code_label.fontMetrics().horizontalAdvance(
            "X" * (GROUPS_PER_LINE * (GROUP_SIZE + 1)))
        self.code_label.setMinimumWidth(width)

    def forget_code(self) -> None:
        self.code_label.clear()
