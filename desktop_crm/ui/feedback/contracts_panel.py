"""The record's Contracts tab: the customer's contracts; below, the selected contract's
instalments (paid, partly paid with what is outstanding, overdue, due — marked in words and
signs, not by colour alone) and the money received for it. Those who may update the customer
enter, change and delete each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QSplitter, QWidget

from desktop_crm.domain.enums import InstalmentState
from desktop_crm.services.actor import Actor
from desktop_crm.services.commerce import ContractView, InstalmentView, ReceiptView
from desktop_crm.services.session import CrmSession
from desktop_crm.ui import prompts
from desktop_crm.ui.feedback.columns_model import Column, ColumnsModel, local_day
from desktop_crm.ui.feedback.contract_dialogs import (
    CONTRACT_CHANGED,
    INSTALMENT_CHANGED,
    RECEIPT_CHANGED,
    ContractDialog,
    InstalmentDialog,
    ReceiptDialog,
    contract_name,
)
from desktop_crm.ui.feedback.feedback_labels import (
    contract_status_label,
    instalment_state_colour,
    instalment_state_text,
)
from desktop_crm.ui.feedback.list_section import ListSection
from desktop_crm.ui.feedback.money import money_text
from desktop_crm.ui.feedback.record_panel import RecordPanel
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.moments import local_text
from desktop_crm.ui.ops import Operations


@dataclass(frozen=True)
class Commerce:
    contracts: list[ContractView]
    instalments: list[InstalmentView]
    receipts: list[ReceiptView]


CONTRACT_COLUMNS: tuple[Column[ContractView], ...] = (
    Column(QT_TRANSLATE_NOOP("ContractColumns", "Number"), lambda r: r.number),
    Column(QT_TRANSLATE_NOOP("ContractColumns", "Title"), lambda r: r.title, stretch=True),
    Column(QT_TRANSLATE_NOOP("ContractColumns", "Term"),
           lambda r: f"{r.start_date.isoformat()} – {r.end_date.isoformat()}"),
    Column(QT_TRANSLATE_NOOP("ContractColumns", "Amount"),
           lambda r: money_text(r.amount_minor, r.currency), right=True),
    Column(QT_TRANSLATE_NOOP("ContractColumns", "Status"),
           lambda r: contract_status_label(r.status)),
)
INSTALMENT_COLUMNS: tuple[Column[InstalmentView], ...] = (
    Column(QT_TRANSLATE_NOOP("InstalmentColumns", "No."), lambda r: str(r.instalment),
           right=True),
    Column(QT_TRANSLATE_NOOP("InstalmentColumns", "Due"), lambda r: r.due_date.isoformat()),
    Column(QT_TRANSLATE_NOOP("InstalmentColumns", "Amount"),
           lambda r: money_text(r.amount_minor, r.currency), right=True),
    Column(QT_TRANSLATE_NOOP("InstalmentColumns", "Received"),
           lambda r: money_text(r.received_minor, r.currency), right=True),
    Column(QT_TRANSLATE_NOOP("InstalmentColumns", "State"),
           lambda r: instalment_state_text(r.state, r.outstanding_minor, r.currency),
           colour=lambda r: instalment_state_colour(r.state),
           bold=lambda r: r.state == InstalmentState.OVERDUE),
)


def _pays(row: ReceiptView, numbers: dict[str, int]) -> str:
    if row.plan_id is None or row.plan_id not in numbers:
        return QCoreApplication.translate("ContractsPanel", "The contract")
    return filled(QCoreApplication.translate("ContractsPanel", "Instalment %1"),
                  numbers[row.plan_id])


class ContractsPanel(RecordPanel):
    entities = frozenset({"contract", "instalment", "receipt"})

    def __init__(self, session: CrmSession, ops: Operations, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, ops, actor, "contractsPanel", parent)
        self._all = Commerce([], [], [])
        self._instalment_numbers: dict[str, int] = {}
        self.contracts = ListSection(
            "contracts", ColumnsModel("ContractColumns", CONTRACT_COLUMNS, self), self)
        self.instalments = ListSection(
            "instalments", ColumnsModel("InstalmentColumns", INSTALMENT_COLUMNS, self), self,
            heading=self.tr("Instalments"))
        receipt_columns: tuple[Column[ReceiptView], ...] = (
            Column(QT_TRANSLATE_NOOP("ReceiptColumns", "Received"),
                   lambda r: local_day(r.received_at), lambda r: local_text(r.received_at)),
            Column(QT_TRANSLATE_NOOP("ReceiptColumns", "Amount"),
                   lambda r: money_text(r.amount_minor, r.currency), right=True),
            Column(QT_TRANSLATE_NOOP("ReceiptColumns", "Pays"),
                   lambda r: _pays(r, self._instalment_numbers)),
        )
        self.receipts = ListSection(
            "receipts", ColumnsModel("ReceiptColumns", receipt_columns, self), self,
            heading=self.tr("Money received"))
        self.buttons = {
            "add_contract": self.contracts.add_button(
                "addContractButton", self.tr("New contract…"),
                self.tr("Enter a contract with this customer"), self.add_contract),
            "edit_contract": self.contracts.add_button(
                "editContractButton", self.tr("Change…"), self.tr("Change the selected contract"),
                self.change_contract),
            "delete_contract": self.contracts.add_button(
                "deleteContractButton", self.tr("Delete…"),
                self.tr("Delete the selected contract with its instalments and receipts"),
                self.delete_contract),
            "add_instalment": self.instalments.add_button(
                "addInstalmentButton", self.tr("New instalment…"),
                self.tr("Add an instalment to the contract's payment plan"),
                self.add_instalment),
            "edit_instalment": self.instalments.add_button(
                "editInstalmentButton", self.tr("Change…"),
                self.tr("Change the selected instalment"), self.change_instalment),
            "delete_instalment": self.instalments.add_button(
                "deleteInstalmentButton", self.tr("Delete…"),
                self.tr("Delete the selected instalment (money received for it stays, as the "
                        "contract's)"), self.delete_instalment),
            "add_receipt": self.receipts.add_button(
                "addReceiptButton", self.tr("Money received…"),
                self.tr("Record money received for the contract or the selected instalment"),
                self.add_receipt),
            "edit_receipt": self.receipts.add_button(
                "editReceiptButton", self.tr("Change…"), self.tr("Change the selected receipt"),
                self.change_receipt),
            "delete_receipt": self.receipts.add_button(
                "deleteReceiptButton", self.tr("Delete…"), self.tr("Delete the selected receipt"),
                self.delete_receipt),
        }
        self.contracts.on_selection(self._contract_chosen)
        self.contracts.on_activate(self.change_contract)
        self.instalments.on_selection(self.show_abilities)
        self.instalments.on_activate(self.change_instalment)
        self.receipts.on_selection(self.show_abilities)
        self.receipts.on_activate(self.change_receipt)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("contractsSplitter")
        self.splitter.setChildrenCollapsible(False)
        for section in (self.contracts, self.instalments, self.receipts):
            self.splitter.addWidget(section)
        self.layout_.addWidget(self.splitter, 1)

    # --- reading ------------------------------------------------------------------------------

    def read_work(self, customer_id: str) -> Callable[[], Any]:
        commerce = self.session.commerce

        def read() -> Commerce:
            return Commerce(commerce.contracts(customer_id), commerce.instalments(customer_id),
                            commerce.receipts(customer_id))

        return read

    def show_answer(self, answer: Commerce | None) -> None:
        self._all = answer or Commerce([], [], [])
        self._instalment_numbers = {i.id: i.instalment for i in self._all.instalments}
        self.contracts.show_rows(self._all.contracts,
                                 lambda: self.tr("No contract with this customer yet."))
        if self.contract() is None and self._all.contracts:
            self.contracts.table.selectRow(0)
        self._contract_chosen()

    def contract(self) -> ContractView | None:
        chosen: ContractView | None = self.contracts.selected()
        return chosen

    def _contract_chosen(self) -> None:
        contract = self.contract()
        contract_id = contract.id if contract else None
        self.instalments.heading.setText(
            filled(self.tr("Instalments of %1"), contract.number) if contract
            else self.tr("Instalments"))
        self.receipts.heading.setText(
            filled(self.tr("Money received for %1"), contract.number) if contract
            else self.tr("Money received"))
        self.instalments.show_rows(
            [i for i in self._all.instalments if i.contract_id == contract_id],
            lambda: self.tr("No instalment planned for this contract.") if contract
            else self.tr("Choose a contract to see its instalments."))
        self.receipts.show_rows(
            [r for r in self._all.receipts if r.contract_id == contract_id],
            lambda: self.tr("No money received for this contract yet.") if contract
            else self.tr("Choose a contract to see the money received."))
        self.show_abilities()

    def show_abilities(self) -> None:
        may = self.abilities.write_commerce
        for button in self.buttons.values():
            button.setVisible(may)
        contract = self.contract() is not None
        b = self.buttons
        b["edit_contract"].setEnabled(contract)
        b["delete_contract"].setEnabled(contract)
        b["add_instalment"].setEnabled(contract)
        b["add_receipt"].setEnabled(contract)
        b["edit_instalment"].setEnabled(self.instalments.selected() is not None)
        b["delete_instalment"].setEnabled(self.instalments.selected() is not None)
        b["edit_receipt"].setEnabled(self.receipts.selected() is not None)
        b["delete_receipt"].setEnabled(self.receipts.selected() is not None)

    # --- contracts ----------------------------------------------------------------------------

    def add_contract(self) -> None:
        if self.customer is not None and self.abilities.write_commerce:
            self.open_dialog(ContractDialog(self.session, self.ops, self.customer, parent=self))

    def change_contract(self) -> None:
        contract = self.contract()
        if self.customer is not None and contract is not None and self.abilities.write_commerce:
            self.open_dialog(ContractDialog(self.session, self.ops, self.customer, contract,
                                            parent=self))

    def delete_contract(self) -> None:
        contract = self.contract()
        if contract is None or not self.abilities.write_commerce:
            return
        if not prompts.confirm(self, self.tr("Delete contract"), filled(self.tr(
                "Delete contract %1 with its instalments and the money received for it?"),
                contract_name(contract))):
            return
        commerce = self.session.commerce
        self.run_write(lambda: commerce.delete_contract(contract.id),
                       CONTRACT_CHANGED | INSTALMENT_CHANGED | RECEIPT_CHANGED)

    # --- instalments --------------------------------------------------------------------------

    def _contract_instalments(self, contract: ContractView) -> list[InstalmentView]:
        return [i for i in self._all.instalments if i.contract_id == contract.id]

    def add_instalment(self) -> None:
        contract = self.contract()
        if contract is None or not self.abilities.write_commerce:
            return
        self.open_dialog(InstalmentDialog(self.session, self.ops, contract, parent=self))

    def change_instalment(self) -> None:
        contract, instalment = self.contract(), self.instalments.selected()
        if contract is not None and instalment is not None and self.abilities.write_commerce:
            self.open_dialog(InstalmentDialog(self.session, self.ops, contract, instalment,
                                              parent=self))

    def delete_instalment(self) -> None:
        instalment: InstalmentView | None = self.instalments.selected()
        if instalment is None or not self.abilities.write_commerce:
            return
        if not prompts.confirm(self, self.tr("Delete instalment"), filled(self.tr(
                "Delete instalment %1 of contract %2? Money received for it stays, as the "
                "contract's."), instalment.instalment, instalment.contract_number)):
            return
        commerce = self.session.commerce
        self.run_write(lambda: commerce.delete_instalment(instalment.id),
                       INSTALMENT_CHANGED | RECEIPT_CHANGED)

    # --- receipts -----------------------------------------------------------------------------

    def add_receipt(self) -> None:
        contract = self.contract()
        if contract is None or not self.abilities.write_commerce:
            return
        instalment: InstalmentView | None = self.instalments.selected()
        self.open_dialog(ReceiptDialog(
            self.session, self.ops, contract, self._contract_instalments(contract),
            for_instalment=instalment.id if instalment else None, parent=self))

    def change_receipt(self) -> None:
        contract, receipt = self.contract(), self.receipts.selected()
        if contract is not None and receipt is not None and self.abilities.write_commerce:
            self.open_dialog(ReceiptDialog(self.session, self.ops, contract,
                                           self._contract_instalments(contract), receipt,
                                           parent=self))

    def delete_receipt(self) -> None:
        receipt: ReceiptView | None = self.receipts.selected()
        if receipt is None or not self.abilities.write_commerce:
            return
        if not prompts.confirm(self, self.tr("Delete receipt"), filled(self.tr(
                "Delete the %1 received on %2?"), money_text(receipt.amount_minor,
                                                         receipt.currency),
                local_text(receipt.received_at))):
            return
        commerce = self.session.commerce
        self.run_write(lambda: commerce.delete_receipt(receipt.id), RECEIPT_CHANGED)
