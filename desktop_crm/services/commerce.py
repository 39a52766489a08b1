"""Orders, contracts, payment plans (回款计划) and receipts (回款), entered on a customer's
record. Whoever may update the customer writes them; whoever sees the customer reads them.
Money is whole minor units (fen, cents) above zero plus a currency code (default CNY).

One service, written in three parts: orders (commerce_orders), contracts
(commerce_contracts), instalments and receipts with their derived states (commerce_payments).
"""

from __future__ import annotations

from desktop_crm.services.commerce_contracts import ContractOps
from desktop_crm.services.commerce_orders import OrderOps
from desktop_crm.services.commerce_payments import PaymentOps
from desktop_crm.services.commerce_views import (
    ContractView,
    InstalmentView,
    OrderView,
    ReceiptView,
    instalment_state,
)
from desktop_crm.services.context import ServiceContext

__all__ = ["CommerceService", "ContractView", "InstalmentView", "OrderView", "ReceiptView",
           "instalment_state"]


class CommerceService(OrderOps, ContractOps, PaymentOps):
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
