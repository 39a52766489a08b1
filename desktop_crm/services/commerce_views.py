"""Orders, contracts, instalments (回款计划) and receipts (回款) as plain frozen rows, and an
instalment's state as of one day (derived, never stored)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop_crm.domain.enums import InstalmentState
from desktop_crm.storage.models import Contract, Order, PaymentPlan, Receipt


@dataclass(frozen=True)
class OrderView:
    id: str
    customer_id: str
    ordered_at: datetime
    amount_minor: int
    currency: str
    description: str
    version: int
    return_visit_id: str | None = None  # the return visit this order scheduled just now


@dataclass(frozen=True)
class ContractView:
    id: str
    customer_id: str
    number: str
    title: str
    start_date: date
    end_date: date
    amount_minor: int
    currency: str
    status: str
    version: int


@dataclass(frozen=True)
class InstalmentView:
    id: str
    contract_id: str
    contract_number: str
    contract_status: str
    instalment: int
    due_date: date
    amount_minor: int
    currency: str
    received_minor: int  # receipts booked against this instalment
    outstanding_minor: int  # what is still to come, never below zero
    state: InstalmentState
    version: int


@dataclass(frozen=True)
class ReceiptView:
    id: str
    contract_id: str
    plan_id: str | None  # the instalment it pays, if it was booked against one
    amount_minor: int
    currency: str
    received_at: datetime
    version: int


def instalment_state(amount_minor: int, received_minor: int, due_date: date,
                     today: date) -> tuple[InstalmentState, int]:
    """(state, outstanding) of an instalment on `today`: paid when nothing is outstanding;
    overdue when past its due date with anything outstanding (partly paid or not); partly
    paid when something came and the rest is not yet due; due otherwise."""
    outstanding = max(0, amount_minor - received_minor)
    if outstanding == 0:
        return InstalmentState.PAID, 0
    if due_date < today:
        return InstalmentState.OVERDUE, outstanding
    if received_minor > 0:
        return InstalmentState.PARTLY_PAID, outstanding
    return InstalmentState.DUE, outstanding


def order_view(o: Order, return_visit_id: str | None = None) -> OrderView:
    return OrderView(o.id, o.customer_id, o.ordered_at, o.amount_minor, o.currency,
                     o.description, o.version, return_visit_id)


def contract_view(c: Contract) -> ContractView:
    return ContractView(c.id, c.customer_id, c.number, c.title, c.start_date, c.end_date,
                        c.amount_minor, c.currency, c.status, c.version)


def instalment_view(p: PaymentPlan, contract: Contract, received_minor: int,
                    today: date) -> InstalmentView:
    state, outstanding = instalment_state(p.amount_minor, received_minor, p.due_date, today)
    return InstalmentView(p.id, p.contract_id, contract.number, contract.status, p.instalment,
                          p.due_date, p.amount_minor, p.currency, received_minor, outstanding,
                          state, p.version)


def receipt_view(r: Receipt) -> ReceiptView:
    return ReceiptView(r.id, r.contract_id, r.plan_id, r.amount_minor, r.currency,
                       r.received_at, r.version)
