"""The Policies tab of the Admin page: the company's policies as one form, checked field by
field (the message sits next to the field), saved together.

Shown to those who read policies; only POLICY manage may save (the form is read-only for
the others).
"""

from __future__ import annotations

from dataclasses import asdict

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.actor import Actor
from desktop_crm.services.policies import SPECS, PolicySet, validated
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.widgets import FieldErrorLabel, MessageLabel

_LABELS = {
    "idle_lock_minutes": QT_TRANSLATE_NOOP("PoliciesPage", "Lock after idle (minutes):"),
    "remember_me_allowed": QT_TRANSLATE_NOOP("PoliciesPage", "Allow “remember me” on a device"),
    "reveal_burst_count": QT_TRANSLATE_NOOP("PoliciesPage", "Alert after this many reveals:"),
    "reveal_burst_minutes": QT_TRANSLATE_NOOP("PoliciesPage", "…within (minutes):"),
    "contract_expiry_lead_days":
        QT_TRANSLATE_NOOP("PoliciesPage", "Remind of contract expiry (days before):"),
    "password_min_length": QT_TRANSLATE_NOOP("PoliciesPage", "Minimum password length:"),
    "password_letters_and_digits":
        QT_TRANSLATE_NOOP("PoliciesPage", "Passwords need letters and digits"),
    "offline_lease_days": QT_TRANSLATE_NOOP("PoliciesPage", "Offline laptop locks after (days):"),
}


def _labels() -> dict[str, str]:
    return {key: QCoreApplication.translate("PoliciesPage", text) for key, text in _LABELS.items()}


class PoliciesPage(QWidget):
    def __init__(self, session: CrmSession, ops: Operations, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policiesPage")
        self._session, self._ops = session, ops
        self._can_manage = actor.can(Resource.POLICY, Action.MANAGE)
        self._saving = False
        self.loaded: PolicySet | None = None

        labels = _labels()
        self.numbers: dict[str, QLineEdit] = {}
        self.switches: dict[str, QCheckBox] = {}
        self.errors: dict[str, FieldErrorLabel] = {}
        form = QFormLayout()
        for name, spec in SPECS.items():
            self.errors[name] = FieldErrorLabel(f"{name}Error", self)
            if spec.low is None:
                box = QCheckBox(labels[name], self)
                box.setObjectName(f"{name}Check")
                self.switches[name] = box
                form.addRow("", box)
            else:
                edit = QLineEdit(self)
                edit.setObjectName(f"{name}Edit")
                edit.setMaximumWidth(edit.fontMetrics().averageCharWidth() * 10)
                edit.setToolTip(self._range_text(name))
                self.numbers[name] = edit
                form.addRow(labels[name], edit)
            form.addRow("", self.errors[name])

        self.message = MessageLabel("policiesMessage", self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("savePoliciesButton")
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._set_editable()
        self.reload()

    def reload(self) -> None:
        policies = self._session.policies
        self._ops.run(policies.current, on_success=self._show,
                      on_failure=lambda e: self.message.show_error(error_text(e)),
                      lane=Lane.READ, context=self)

    def _show(self, policies: PolicySet) -> None:
        self.loaded = policies
        for name, value in asdict(policies).items():
            if name in self.numbers:
                self.numbers[name].setText(str(value))
            elif name in self.switches:
                self.switches[name].setChecked(bool(value))
        for label in self.errors.values():
            label.clear_message()
        self._set_editable()

    def save(self) -> None:
        if self._saving or not self._can_manage or self.loaded is None:
            return
        self.message.clear_message()
        changes: dict[str, object] = {}
        for label in self.errors.values():
            label.clear_message()
        first_bad = None
        for name, edit in self.numbers.items():
            text = edit.text().strip()
            try:  # the service's own check, before anything is sent
                validated(self.loaded, {name: int(text) if text.isdigit() else text})
            except ValidationError:
                self.errors[name].show_message(self._range_text(name))
                first_bad = first_bad or edit
                continue
            changes[name] = int(text)
        if first_bad is not None:
            first_bad.setFocus()
            return
        for name, box in self.switches.items():
            changes[name] = box.isChecked()
        policies = self._session.policies
        self._set_saving(True)
        self.message.show_progress(self.tr("Saving…"))
        self._ops.run(lambda: policies.update(**changes), on_success=self._saved,
                      on_failure=self._failed,
                      changes=OpChanges(frozenset({"policy"}), origin=self), context=self)

    def _saved(self, policies: PolicySet) -> None:
        self._set_saving(False)
        self._show(policies)
        self.message.show_progress(self.tr("Saved."))

    def _failed(self, error: Exception) -> None:
        self._set_saving(False)
        if isinstance(error, ValidationError) and error.field in self.errors:
            self.message.clear_message()
            self.errors[error.field].show_message(self._range_text(error.field))
        else:
            self.message.show_error(error_text(error))

    def _range_text(self, name: str) -> str:
        spec = SPECS[name]
        return self.tr("Enter a whole number from %1 to %2.").replace(
            "%1", str(spec.low)).replace("%2", str(spec.high))

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self._set_editable()

    def _set_editable(self) -> None:
        editable = self._can_manage and self.loaded is not None and not self._saving
        for widget in (*self.numbers.values(), *self.switches.values(), self.save_button):
            widget.setEnabled(editable)
        self.save_button.setVisible(self._can_manage)

