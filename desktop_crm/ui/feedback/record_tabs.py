"""The tabs beside the customer's form: the timeline first, then Satisfaction, Complaints,
Orders and Contracts (with their instalments and receipts). Each tab reads its lists when it
is first shown for a customer and again after a change to what it lists."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.actor import Actor
from desktop_crm.services.customer_views import CustomerRecord
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.feedback.abilities import RecordAbilities
from desktop_crm.ui.feedback.complaints_panel import ComplaintsPanel
from desktop_crm.ui.feedback.contracts_panel import ContractsPanel
from desktop_crm.ui.feedback.orders_panel import OrdersPanel
from desktop_crm.ui.feedback.record_panel import RecordPanel
from desktop_crm.ui.feedback.satisfaction_panel import SatisfactionPanel
from desktop_crm.ui.ops import Operations


class RecordTabs(QTabWidget):
    def __init__(self, session: CrmSession, ops: Operations, actor: Actor, timeline: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordTabs")
        self.setDocumentMode(True)
        self._actor = actor
        self.timeline = timeline
        self.satisfaction = SatisfactionPanel(session, ops, actor, self)
        self.complaints = ComplaintsPanel(session, ops, actor, self)
        self.orders = OrdersPanel(session, ops, actor, self)
        self.contracts = ContractsPanel(session, ops, actor, self)
        self.addTab(timeline, self.tr("Timeline"))
        self.addTab(self.satisfaction, self.tr("Satisfaction"))
        self.addTab(self.complaints, self.tr("Complaints"))
        self.addTab(self.orders, self.tr("Orders"))
        self.addTab(self.contracts, self.tr("Contracts"))
        self.setTabVisible(self.indexOf(self.complaints),
                           actor.can(Resource.COMPLAINT, Action.READ))

    @property
    def panels(self) -> tuple[RecordPanel, ...]:
        return (self.satisfaction, self.complaints, self.orders, self.contracts)

    def show_customer(self, record: CustomerRecord | None) -> None:
        """The customer's lists with what this user may do with them (None: no customer)."""
        abilities = RecordAbilities.of(self._actor, record)
        customer = (record.id, record.name) if record is not None else None
        for panel in self.panels:
            panel.show_customer(customer, abilities)

    def close_dialogs(self) -> None:
        for panel in self.panels:
            panel.close_dialogs()
