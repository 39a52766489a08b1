"""The main window's centre: who is signed in, what the vault holds and whether its audit holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_crm.services.actor import Actor
from desktop_crm.services.session import VaultSummary
from desktop_crm.ui.widgets import ERROR_COLOUR, MessageLabel

HEAD_HASH_SHOWN = 12  # enough to compare by eye with `desktop-crm audit verify`


def role_title(role: str) -> str:
    """The default roles in the person's language; a role an admin added keeps its name."""
    titles = {
        "admin": QCoreApplication.translate("Roles", "Administrator"),
        "manager": QCoreApplication.translate("Roles", "Manager"),
        "sales": QCoreApplication.translate("Roles", "Salesperson"),
        "service": QCoreApplication.translate("Roles", "Customer service"),
        "auditor": QCoreApplication.translate("Roles", "Auditor"),
    }
    return titles.get(role, role)


class OverviewWidget(QWidget):
    """Shows the signed-in user at once and the vault's figures when they arrive."""

    def __init__(self, actor: Actor, vault_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewWidget")
        card = QFrame(self)
        card.setObjectName("overviewCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMinimumWidth(520)
        card.setMaximumWidth(760)

        name = actor.display_name or actor.username
        self.signed_in_label = QLabel(self.tr("Signed in as %1").replace("%1", name), card)
        self.signed_in_label.setObjectName("signedInLabel")
        font = self.signed_in_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.signed_in_label.setFont(font)
        self.signed_in_label.setWordWrap(True)

        self.username_label = self._value_label("usernameLabel", actor.username, card)
        separator = self.tr(", ", "between role names")
        self.roles_label = self._value_label(
            "rolesLabel", separator.join(role_title(r) for r in actor.roles) or self.tr("none"),
            card)
        self.vault_label = self._value_label("vaultLabel", str(vault_dir), card)
        self.customer_count_label = self._value_label(
            "customerCountLabel", self.tr("counting…"), card)
        self.audit_status_label = self._value_label("auditStatusLabel", self.tr("checking…"), card)
        self.message = MessageLabel("overviewMessage", card)
        self.message.setMinimumHeight(0)  # nothing to reserve: it rarely speaks

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("User name:"), self.username_label)
        form.addRow(self.tr("Roles:"), self.roles_label)
        form.addRow(self.tr("Vault:"), self.vault_label)
        form.addRow(self.tr("Customers:"), self.customer_count_label)
        form.addRow(self.tr("Audit log:"), self.audit_status_label)

        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.addWidget(self.signed_in_label)
        inner.addSpacing(12)
        inner.addLayout(form)
        inner.addWidget(self.message)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 6)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def _value_label(self, object_name: str, text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setObjectName(object_name)
        label.setWordWrap(object_name == "vaultLabel")  # only a long path needs to wrap
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_summary(self, summary: VaultSummary) -> None:
        self.message.clear_message()
        self.customer_count_label.setText(self.tr(
            "%n customer(s) in your view", "", summary.customer_count))
        label = self.audit_status_label
        if summary.audit_ok is None:
            label.setStyleSheet("")
            label.setText(self.tr("not shown for your role"))
        elif summary.audit_ok:
            label.setStyleSheet("")
            label.setText(self.tr("chain intact: %n event(s), head %1", "", summary.audit_events)
                          .replace("%1", summary.audit_head[:HEAD_HASH_SHOWN]))
        else:
            label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
            label.setText(self.tr("broken at event %1: the log was altered outside the app")
                          .replace("%1", str(summary.first_broken_seq)))

    def show_error(self, text: str) -> None:
        self.message.show_error(text)
