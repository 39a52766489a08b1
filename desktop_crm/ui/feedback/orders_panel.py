"""The record's Orders tab: the customer's orders, newest first; enter, change and delete
them for those who may update the customer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from desktop_crm.services.actor import Actor
from desktop_crm.services.commerce import OrderView
from desktop_crm.services.session import CrmSession
from desktop_crm.ui import prompts
from desktop_crm.ui.feedback.columns_model import Column, ColumnsModel, local_day
from desktop_crm.ui.feedback.list_section import ListSection
from desktop_crm.ui.feedback.money import money_text
from desktop_crm.ui.feedback.order_dialog import ORDER_CHANGED, OrderDialog
from desktop_crm.ui.feedback.record_panel import RecordPanel
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.moments import local_text
from desktop_crm.ui.ops import Operations

COLUMNS: tuple[Column[OrderView], ...] = (
    Column(QT_TRANSLATE_NOOP("OrderColumns", "Ordered"), lambda r: local_day(r.ordered_at),
           lambda r: local_text(r.ordered_at)),
    Column(QT_TRANSLATE_NOOP("OrderColumns", "Amount"),
           lambda r: money_text(r.amount_minor, r.currency), right=True),
    Column(QT_TRANSLATE_NOOP("OrderColumns", "Description"), lambda r: r.description,
           stretch=True),
)


class OrdersPanel(RecordPanel):
    entities = frozenset({"order"})

    def __init__(self, session: CrmSession, ops: Operations, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, ops, actor, "ordersPanel", parent)
        self.section = ListSection("orders", ColumnsModel("OrderColumns", COLUMNS, self), self)
        self.add_button = self.section.add_button(
            "addOrderButton", self.tr("New order…"), self.tr("Enter an order of this customer"),
            self.add_order)
        self.edit_button = self.section.add_button(
            "editOrderButton", self.tr("Change…"), self.tr("Change the selected order"),
            self.change_order)
        self.delete_button = self.section.add_button(
            "deleteOrderButton", self.tr("Delete…"), self.tr("Delete the selected order"),
            self.delete_order)
        self.section.on_selection(self.show_abilities)
        self.section.on_activate(self.change_order)
        self.layout_.addWidget(self.section, 1)

    def read_work(self, customer_id: str) -> Callable[[], Any]:
        commerce = self.session.commerce
        return lambda: commerce.orders(customer_id)

    def show_answer(self, answer: list[OrderView] | None) -> None:
        self.section.show_rows(answer or [], lambda: self.tr("No order from this customer yet."))

    def show_abilities(self) -> None:
        may = self.abilities.write_commerce
        chosen = self.section.selected() is not None
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setVisible(may)
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def add_order(self) -> None:
        if self.customer is not None and self.abilities.write_commerce:
            self.open_dialog(OrderDialog(self.session, self.ops, self.customer, parent=self))

    def change_order(self) -> None:
        order = self.section.selected()
        if self.customer is not None and order is not None and self.abilities.write_commerce:
            self.open_dialog(OrderDialog(self.session, self.ops, self.customer, order,
                                         parent=self))

    def delete_order(self) -> None:
        order: OrderView | None = self.section.selected()
        if order is None or not self.abilities.write_commerce:
            return
        if not prompts.confirm(self, self.tr("Delete order"), filled(self.tr(
                "Delete the order of %1 over %2?"), local_text(order.ordered_at),
                money_text(order.amount_minor, order.currency))):
            return
        commerce = self.session.commerce
        self.run_write(lambda: commerce.delete_order(order.id), ORDER_CHANGED)
