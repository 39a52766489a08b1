"""Rows written straight through Core into a storage test vault, as the services and bulk
paths write them, so that the report summary's triggers see every kind of write; the
`writer` fixture (conftest) sets the company zone first."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, Table, insert, update

from desktop_crm.domain.ids import new_id
from desktop_crm.storage import report_summary
from desktop_crm.storage.models import (
    Complaint,
    Contract,
    Customer,
    Interaction,
    Order,
    PaymentPlan,
    Receipt,
    Reminder,
    SatisfactionResponse,
)

from .conftest import customer_row

ZONE = "Asia/Shanghai"
T0 = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


class Writer:
    """Rows written through Core, as the services and bulk paths write them."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, table: Any, **values: Any) -> str:
        row = {"id": new_id(), "created_at": T0, "updated_at": T0, **values}
        with self.engine.begin() as conn:
            conn.execute(insert(table), [row])
        return str(row["id"])

    def change(self, table: Any, row_id: str, **values: Any) -> None:
        target: Table = table.__table__
        with self.engine.begin() as conn:
            conn.execute(update(target).where(target.c.id == row_id).values(**values))

    def customer(self, name: str = "张伟", owner: str = "u1", **fields: Any) -> str:
        row = {**customer_row(name, owner=owner), "created_at": T0, **fields}
        with self.engine.begin() as conn:
            conn.execute(insert(Customer), [row])
        return str(row["id"])

    def call(self, customer: str, at: datetime = T0) -> str:
        return self.add(Interaction, customer_id=customer, started_at=at)

    def order(self, customer: str, amount: int = 1000, at: datetime = T0) -> str:
        return self.add(Order, customer_id=customer, ordered_at=at, amount_minor=amount)

    def answer(self, customer: str, *, csat: int | None = None, nps: int | None = None,
               at: datetime = T0) -> str:
        return self.add(SatisfactionResponse, customer_id=customer, responded_at=at, csat=csat,
                        nps=nps)

    def complaint(self, customer: str, at: datetime = T0, **fields: Any) -> str:
        return self.add(Complaint, customer_id=customer, opened_at=at, **fields)

    def visit(self, customer: str | None, at: datetime = T0, *, kind: str = "return_visit",
              **fields: Any) -> str:
        return self.add(Reminder, owner_id="u1", customer_id=customer, kind=kind, title="回访",
                        due_at=at, **fields)

    def contract(self, customer: str) -> str:
        return self.add(Contract, customer_id=customer, number=new_id()[:8],
                        start_date=date(2026, 1, 1), end_date=date(2026, 12, 31))

    def plan(self, contract: str, due: date = date(2026, 3, 31), amount: int = 5000) -> str:
        return self.add(PaymentPlan, contract_id=contract, instalment=1, due_date=due,
                        amount_minor=amount)

    def receipt(self, contract: str, amount: int = 2000, at: datetime = T0) -> str:
        return self.add(Receipt, contract_id=contract, amount_minor=amount, received_at=at)




def open_writer(engine: Engine) -> Writer:
    """A writer on `engine`, whose summary counts months in ZONE."""
    with engine.begin() as conn:
        report_summary.use_time_zone(conn, ZONE)
    return Writer(engine)
