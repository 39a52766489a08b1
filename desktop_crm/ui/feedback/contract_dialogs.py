"""The contract dialogs: a contract (number, title, term, amount, status), an instalment of
its payment plan (回款计划: number, due date, amount) and money received (回款: amount, when,
and the instalment it pays, or the contract as a whole). Instalments and receipts are in the
contract's currency."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from desktop_crm.domain.enums import ContractStatus
from desktop_crm.services.commerce import ContractView, InstalmentView, ReceiptView
from desktop_crm.services.commerce_contracts import NUMBER_MAX, TITLE_MAX
from desktop_crm.services.commerce_payments import INSTALMENT_MAX
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.feedback.amount_field import AmountField
from desktop_crm.ui.feedback.entry_form import (
    EntryDialog,
    about_label,
    changed_moment,
    date_edit,
    moment_edit,
    picked_date,
    show_moment,
)
from desktop_crm.ui.feedback.feedback_labels import contract_status_label
from desktop_crm.ui.feedback.money import money_text
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.ops import Operations

CONTRACT_CHANGED = frozenset({"contract"})
INSTALMENT_CHANGED = frozenset({"instalment"})
RECEIPT_CHANGED = frozenset({"receipt"})


def _changed(values: dict[str, Any], before: object) -> dict[str, Any]:
    return {k: v for k, v in values.items() if getattr(before, k) != v}


def contract_name(contract: ContractView) -> str:
    return f"{contract.number} · {contract.title}" if contract.title else contract.number


def instalment_name(instalment: InstalmentView) -> str:
    """"No. 2 · due 2026-06-30 · CNY 5,000.00"."""
    return filled(QCoreApplication.translate("ContractDialogs", "No. %1 · due %2 · %3"),
                  instalment.instalment, instalment.due_date.isoformat(),
                  money_text(instalment.amount_minor, instalment.currency))


class ContractDialog(EntryDialog):
    def __init__(self, session: CrmSession, ops: Operations, customer: tuple[str, str],
                 contract: ContractView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ops, object_name="contractDialog", accept_name="saveContractButton",
                         changes=CONTRACT_CHANGED, parent=parent)
        self.setWindowTitle(filled(self.tr("New contract — %1"), customer[1])
                            if contract is None
                            else filled(self.tr("Change contract — %1"), customer[1]))
        self.save_button.setText(self.tr("Save contract"))
        self._session = session
        self._customer_id = customer[0]
        self._contract = contract
        today = session.clock.now().astimezone().date()
        self.number_edit = QLineEdit(self.body)
        self.number_edit.setObjectName("contractNumberEdit")
        self.number_edit.setMaxLength(NUMBER_MAX)
        self.number_edit.setPlaceholderText(self.tr("e.g. HT-2026-001"))
        self.title_edit = QLineEdit(self.body)
        self.title_edit.setObjectName("contractTitleEdit")
        self.title_edit.setMaxLength(TITLE_MAX)
        self.start_edit = date_edit(self.body, "contractStartEdit", today)
        self.end_edit = date_edit(self.body, "contractEndEdit",
                                  today + timedelta(days=365))
        self.amount = AmountField("contractAmount", parent=self.body)
        self.status_combo = QComboBox(self.body)
        self.status_combo.setObjectName("contractStatusCombo")
        for status in ContractStatus:
            self.status_combo.addItem(contract_status_label(status), status.value)
        self.status_combo.setCurrentIndex(self.status_combo.findData(ContractStatus.ACTIVE))
        self.fields.add(self.tr("Number:"), self.number_edit, "number")
        self.fields.add(self.tr("Title:"), self.title_edit, "title")
        self.fields.add(self.tr("Starts:"), self.start_edit, "start_date")
        self.fields.add(self.tr("Ends:"), self.end_edit, "end_date")
        self.fields.add(self.tr("Amount:"), self.amount, "amount_minor",
                        focus=self.amount.edit, also=("currency",))
        self.fields.add(self.tr("Status:"), self.status_combo, "status")
        if contract is not None:
            self.number_edit.setText(contract.number)
            self.title_edit.setText(contract.title)
            self.start_edit.setDate(_qdate(contract.start_date))
            self.end_edit.setDate(_qdate(contract.end_date))
            self.amount.set_minor(contract.amount_minor, contract.currency)
            self.status_combo.setCurrentIndex(self.status_combo.findData(contract.status))

    def problem(self) -> tuple[str, str] | None:
        if not self.number_edit.text().strip():
            return "number", self.tr("Type the contract's number.")
        if picked_date(self.end_edit) <= picked_date(self.start_edit):
            return "end_date", self.tr("The contract must end after it starts.")
        problem = self.amount.problem()
        return ("amount_minor", problem) if problem else None

    def work(self) -> Callable[[], Any] | None:
        values: dict[str, Any] = {
            "number": self.number_edit.text().strip(), "title": self.title_edit.text().strip(),
            "start_date": picked_date(self.start_edit), "end_date": picked_date(self.end_edit),
            "amount_minor": self.amount.minor(), "currency": self.amount.currency(),
            "status": self.status_combo.currentData(),
        }
        commerce, contract = self._session.commerce, self._contract
        if contract is None:
            customer_id = self._customer_id
            return lambda: commerce.create_contract(customer_id, values)
        changes = _changed(values, contract)
        return (lambda: commerce.update_contract(contract.id, changes)) if changes else None


class InstalmentDialog(EntryDialog):
    def __init__(self, session: CrmSession, ops: Operations, contract: ContractView,
                 instalment: InstalmentView | None = None, *,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, object_name="instalmentDialog",
                         accept_name="saveInstalmentButton", changes=INSTALMENT_CHANGED,
                         parent=parent)
        self.setWindowTitle(filled(self.tr("New instalment — %1"), contract.number)
                            if instalment is None
                            else filled(self.tr("Change instalment — %1"), contract.number))
        self.save_button.setText(self.tr("Save instalment"))
        self._session = session
        self._contract = contract
        self._instalment = instalment
        self.number_spin = QSpinBox(self.body)
        self.number_spin.setObjectName("instalmentNumberSpin")
        # 0 reads "next": the service numbers a new instalment after the contract's last
        self.number_spin.setRange(0 if instalment is None else 1, INSTALMENT_MAX)
        self.number_spin.setSpecialValueText(self.tr("next"))
        self.number_spin.setValue(instalment.instalment if instalment else 0)
        self.number_spin.setMaximumWidth(self.number_spin.sizeHint().width() * 2)
        due = instalment.due_date if instalment else max(
            contract.start_date, session.clock.now().astimezone().date())
        self.due_edit = date_edit(self.body, "instalmentDueEdit", due)
        self.amount = AmountField("instalmentAmount", currency=contract.currency,
                                  fixed_currency=True, parent=self.body)
        self.form.addRow(about_label(contract_name(contract), self.body, "contractAbout"))
        self.fields.add(self.tr("Instalment:"), self.number_spin, "instalment")
        self.fields.add(self.tr("Due:"), self.due_edit, "due_date")
        self.fields.add(self.tr("Amount:"), self.amount, "amount_minor",
                        focus=self.amount.edit, also=("currency",))
        if instalment is not None:
            self.amount.set_minor(instalment.amount_minor, instalment.currency)

    def problem(self) -> tuple[str, str] | None:
        problem = self.amount.problem()
        return ("amount_minor", problem) if problem else None

    def work(self) -> Callable[[], Any] | None:
        values: dict[str, Any] = {"due_date": picked_date(self.due_edit),
                                  "amount_minor": self.amount.minor()}
        if self.number_spin.value():
            values["instalment"] = self.number_spin.value()
        commerce, instalment = self._session.commerce, self._instalment
        if instalment is None:
            contract_id = self._contract.id
            return lambda: commerce.add_instalment(contract_id, values)
        changes = _changed(values, instalment)
        return (lambda: commerce.update_instalment(instalment.id, changes)) if changes else None


class ReceiptDialog(EntryDialog):
    def __init__(self, session: CrmSession, ops: Operations, contract: ContractView,
                 instalments: Sequence[InstalmentView], receipt: ReceiptView | None = None, *,
                 for_instalment: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ops, object_name="receiptDialog", accept_name="saveReceiptButton",
                         changes=RECEIPT_CHANGED, parent=parent)
        self.setWindowTitle(filled(self.tr("Money received — %1"), contract.number)
                            if receipt is None
                            else filled(self.tr("Change receipt — %1"), contract.number))
        self.save_button.setText(self.tr("Save receipt"))
        self._session = session
        self._contract = contract
        self._receipt = receipt
        self.amount = AmountField("receiptAmount", currency=contract.currency,
                                  fixed_currency=True, parent=self.body)
        self.received_edit = moment_edit(self.body, "receivedEdit", session.clock.now())
        self.plan_combo = QComboBox(self.body)
        self.plan_combo.setObjectName("receiptPlanCombo")
        self.plan_combo.addItem(self.tr("The contract as a whole"), None)
        for instalment in instalments:
            self.plan_combo.addItem(instalment_name(instalment), instalment.id)
        chosen = receipt.plan_id if receipt is not None else for_instalment
        self.plan_combo.setCurrentIndex(max(0, self.plan_combo.findData(chosen)))
        self.form.addRow(about_label(contract_name(contract), self.body, "contractAbout"))
        self.fields.add(self.tr("Amount:"), self.amount, "amount_minor",
                        focus=self.amount.edit, also=("currency",))
        self.fields.add(self.tr("Received:"), self.received_edit, "received_at")
        self.fields.add(self.tr("Pays:"), self.plan_combo, "plan_id")
        if receipt is not None:
            self.amount.set_minor(receipt.amount_minor, receipt.currency)
            show_moment(self.received_edit, receipt.received_at)

    def problem(self) -> tuple[str, str] | None:
        problem = self.amount.problem()
        return ("amount_minor", problem) if problem else None

    def work(self) -> Callable[[], Any] | None:
        values: dict[str, Any] = {
            "amount_minor": self.amount.minor(),
            "plan_id": self.plan_combo.currentData(),
        }
        received = changed_moment(self.received_edit)
        if received is not None:  # unchanged: now (a new receipt) or as it was (a change)
            values["received_at"] = received
        commerce, receipt = self._session.commerce, self._receipt
        if receipt is None:
            contract_id = self._contract.id
            return lambda: commerce.add_receipt(contract_id, values)
        changes = _changed(values, receipt)
        return (lambda: commerce.update_receipt(receipt.id, changes)) if changes else None


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
