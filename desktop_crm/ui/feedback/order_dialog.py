"""Enter a customer's order, or change one: when, how much, and what was bought. The first
order of a customer schedules a return visit (the service's rule)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_crm.services.commerce import OrderView
from desktop_crm.services.commerce_orders import DESCRIPTION_MAX
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.feedback.amount_field import AmountField
from desktop_crm.ui.feedback.entry_form import EntryDialog, changed_moment, moment_edit, show_moment
from desktop_crm.ui.feedback.report_language import generated_language
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.ops import Operations

# a first order schedules a return visit: the calendar and the hub read again too
ORDER_CHANGED = frozenset({"order", "reminder"})


class OrderDialog(EntryDialog):
    def __init__(self, session: CrmSession, ops: Operations, customer: tuple[str, str],
                 order: OrderView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ops, object_name="orderDialog", accept_name="saveOrderButton",
                         changes=ORDER_CHANGED, parent=parent)
        self.setWindowTitle(filled(self.tr("New order — %1"), customer[1]) if order is None
                            else filled(self.tr("Change order — %1"), customer[1]))
        self.save_button.setText(self.tr("Save order"))
        self._session = session
        self._customer_id = customer[0]
        self._order = order
        self.ordered_edit = moment_edit(self.body, "orderedEdit", session.clock.now())
        self.amount = AmountField("orderAmount", parent=self.body)
        self.description_edit = QLineEdit(self.body)
        self.description_edit.setObjectName("orderDescriptionEdit")
        self.description_edit.setMaxLength(DESCRIPTION_MAX)
        self.description_edit.setPlaceholderText(self.tr("What was bought"))
        self.fields.add(self.tr("Ordered:"), self.ordered_edit, "ordered_at")
        self.fields.add(self.tr("Amount:"), self.amount, "amount_minor",
                        focus=self.amount.edit, also=("currency",))
        self.fields.add(self.tr("Description:"), self.description_edit, "description")
        if order is not None:
            show_moment(self.ordered_edit, order.ordered_at)
            self.amount.set_minor(order.amount_minor, order.currency)
            self.description_edit.setText(order.description)

    def problem(self) -> tuple[str, str] | None:
        problem = self.amount.problem()
        return ("amount_minor", problem) if problem else None

    def work(self) -> Callable[[], Any] | None:
        values: dict[str, Any] = {
            "amount_minor": self.amount.minor(), "currency": self.amount.currency(),
            "description": self.description_edit.text().strip(),
        }
        ordered = changed_moment(self.ordered_edit)
        if ordered is not None:  # unchanged: now (a new order) or as it was (a change)
            values["ordered_at"] = ordered
        commerce, order = self._session.commerce, self._order
        if order is None:
            customer_id, language = self._customer_id, generated_language()
            return lambda: commerce.create_order(customer_id, values, language=language)
        changes = {k: v for k, v in values.items() if getattr(order, k) != v}
        if not changes:
            return None
        return lambda: commerce.update_order(order.id, changes)
