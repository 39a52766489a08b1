"""Choosing a customer's new owner, with the reason the ownership history keeps."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.services.customer_filters import OwnerChoice
from desktop_crm.ui.widgets import dialog_buttons

REASON_LIMIT = 200  # what the ownership history keeps


def owner_title(owner: OwnerChoice) -> str:
    name = owner.display_name or owner.username
    return f"{name} ({owner.username})" if owner.display_name else name


class ChangeOwnerDialog(QDialog):
    def __init__(self, owners: Sequence[OwnerChoice], *, current_owner_id: str | None,
                 customer_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeOwnerDialog")
        self.setWindowTitle(self.tr("Change owner"))
        intro = QLabel(self.tr("Who looks after “%1” from now on?").replace("%1", customer_name),
                       self)
        intro.setWordWrap(True)
        self.owner_combo = QComboBox(self)
        self.owner_combo.setObjectName("ownerCombo")
        for owner in owners:
            self.owner_combo.addItem(owner_title(owner), owner.id)
        current = self.owner_combo.findData(current_owner_id)
        self.owner_combo.setCurrentIndex(max(current, 0))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("ownerReasonEdit")
        self.reason_edit.setMaxLength(REASON_LIMIT)
        self.reason_edit.setPlaceholderText(self.tr("e.g. moved to the south region"))
        form = QFormLayout()
        form.addRow(self.tr("New owner:"), self.owner_combo)
        form.addRow(self.tr("Reason:"), self.reason_edit)
        buttons, self.accept_button, _ = dialog_buttons(
            self, accept_text=self.tr("Change owner"), accept_name="confirmOwnerButton",
            reject_text=self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._current = current_owner_id
        self.owner_combo.currentIndexChanged.connect(lambda _i: self._update_accept())
        self._update_accept()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 55)

    def owner_id(self) -> str | None:
        return self.owner_combo.currentData()

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def _update_accept(self) -> None:
        self.accept_button.setEnabled(self.owner_id() not in (None, self._current))
