"""The report summary equals a recount from scratch after every kind of write.

The recount is written here on its own: plain grouped SQL per source table, with months
worked out by Python's zoneinfo (not report_months) and the customer's owner, stage and
tier read from the customers table (not report_groups).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, Engine

from desktop_crm.storage import report_summary
from desktop_crm.storage.activity_gaps_sql import GAP_CAP
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
from desktop_crm.storage.types import uuid_to_bytes

from .summary_writer import T0, ZONE, Writer, open_writer

Key = tuple[Any, ...]

# counter names -> SQL giving (customer_id, local_month, values...) for live source rows
_RECOUNT: list[tuple[tuple[str, ...], str]] = [
    (("is_new", "referred"),
     "SELECT id, local_month(created_at), count(*), count(CASE WHEN length(referred_by) > 0"
     " OR lower(source) IN ('referral', '转介绍') THEN 1 END)"
     " FROM customers WHERE deleted_at IS NULL GROUP BY 1, 2"),
    (("contacts",),
     "SELECT customer_id, local_month(started_at), count(*) FROM interactions"
     " WHERE deleted_at IS NULL GROUP BY 1, 2"),
    (("orders", "order_minor"),
     "SELECT customer_id, local_month(ordered_at), count(*), total(amount_minor) FROM orders"
     " WHERE deleted_at IS NULL GROUP BY 1, 2"),
    (("responses", "csat_count", "csat_sum", "csat_1", "csat_2", "csat_3", "csat_4", "csat_5",
      "nps_count", "promoters", "passives", "detractors"),
     "SELECT customer_id, local_month(responded_at), count(*), count(csat), total(csat),"
     " count(CASE csat WHEN 1 THEN 1 END), count(CASE csat WHEN 2 THEN 1 END),"
     " count(CASE csat WHEN 3 THEN 1 END), count(CASE csat WHEN 4 THEN 1 END),"
     " count(CASE csat WHEN 5 THEN 1 END), count(nps), count(CASE WHEN nps >= 9 THEN 1 END),"
     " count(CASE WHEN nps IN (7, 8) THEN 1 END), count(CASE WHEN nps < 7 THEN 1 END)"
     " FROM satisfaction_responses WHERE deleted_at IS NULL GROUP BY 1, 2"),
    (("complaints", "responded", "response_ms"),
     "SELECT customer_id, local_month(opened_at), count(*), count(first_response_at),"
     " total(first_response_at - opened_at) FROM complaints WHERE deleted_at IS NULL"
     " GROUP BY 1, 2"),
    (("resolved", "resolution_ms"),
     "SELECT customer_id, local_month(resolved_at), count(*), total(resolved_at - opened_at)"
     " FROM complaints WHERE deleted_at IS NULL AND resolved_at IS NOT NULL GROUP BY 1, 2"),
    (("visits_due", "visits_done"),
     "SELECT customer_id, local_month(due_at), count(*), count(done_at) FROM reminders"
     " WHERE deleted_at IS NULL AND kind = 'return_visit' AND customer_id IS NOT NULL"
     " GROUP BY 1, 2"),
    (("planned_minor",),
     "SELECT k.customer_id, CAST(strftime('%Y%m', p.due_date) AS INTEGER), total(p.amount_minor)"
     " FROM payment_plans AS p JOIN contracts AS k ON k.id = p.contract_id"
     " WHERE p.deleted_at IS NULL AND k.deleted_at IS NULL GROUP BY 1, 2"),
    (("collected_minor",),
     "SELECT k.customer_id, local_month(r.received_at), total(r.amount_minor)"
     " FROM receipts AS r JOIN contracts AS k ON k.id = r.contract_id"
     " WHERE r.deleted_at IS NULL AND k.deleted_at IS NULL GROUP BY 1, 2"),
]


def recount(conn: Connection, zone: str) -> tuple[dict[Key, dict[str, int]], dict[Key, Key]]:
    """(owner, stage, tier, month) -> summed counters; (customer id, month) -> (owner, stage,
    tier, contacts, orders). Rows that hold nothing are left out."""
    tz = ZoneInfo(zone)

    def local_month(millis: int | None) -> int | None:
        if millis is None:
            return None
        local = (datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=millis)).astimezone(tz)
        return local.year * 100 + local.month if 2000 <= local.year <= 2100 else None

    conn.connection.driver_connection.create_function("local_month", 1, local_month)
    per_customer: dict[Key, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for names, sql in _RECOUNT:
        for customer_id, month, *values in conn.exec_driver_sql(sql):
            if month is not None and 200001 <= month <= 210012:
                for name, value in zip(names, values, strict=True):
                    per_customer[(customer_id, month)][name] += int(value)
    groups = {row[0]: row[1:] for row in conn.exec_driver_sql(
        "SELECT id, owner_id, lifecycle_stage, tier FROM customers WHERE deleted_at IS NULL")}
    by_group: dict[Key, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    customers: dict[Key, Key] = {}
    for (customer_id, month), counters in per_customer.items():
        if customer_id not in groups:
            continue
        for name, value in counters.items():
            by_group[(*groups[customer_id], month)][name] += value
        kept = tuple(counters.get(name, 0) for name in report_summary.CUSTOMER_COUNTERS)
        if any(kept):
            customers[(customer_id, month)] = (*groups[customer_id], *kept)
    sums = {key: {n: v for n, v in c.items() if v} for key, c in by_group.items()}
    return {key: c for key, c in sums.items() if c}, customers


def stored(conn: Connection) -> tuple[dict[Key, dict[str, int]], dict[Key, Key]]:
    names = report_summary.COUNTERS
    by_group: dict[Key, dict[str, int]] = {}
    for owner, stage, tier, month, *values in conn.exec_driver_sql(
            f"SELECT g.owner_id, g.lifecycle_stage, g.tier, m.month, {', '.join(names)}"
            " FROM group_months AS m JOIN report_groups AS g ON g.id = m.group_id"):
        assert (owner, stage, tier, month) not in by_group, "a group is stored twice"
        counters = zip(names, values, strict=True)
        by_group[(owner, stage, tier, month)] = {n: v for n, v in counters if v}
    kept = ", ".join(f"m.{name}" for name in report_summary.CUSTOMER_COUNTERS)
    customers = {(row[0], row[1]): tuple(row[2:]) for row in conn.exec_driver_sql(
        f"SELECT c.id, m.month, g.owner_id, g.lifecycle_stage, g.tier, {kept}"
        " FROM customer_months AS m JOIN customers AS c ON c.rowid = m.customer_ref"
        " JOIN report_groups AS g ON g.id = m.group_id")}
    return by_group, customers


def gaps_of(customers: dict[Key, Key]) -> dict[Key, int]:
    """(owner, stage, tier, month, gap) -> customers, worked out from the customer months
    one customer at a time (the months since its previous active month, capped)."""
    def index(month: int) -> int:
        return month // 100 * 12 + month % 100

    months: dict[Any, list[int]] = defaultdict(list)
    for customer_id, month in customers:
        months[customer_id].append(month)
    tally: dict[Key, int] = defaultdict(int)
    for (customer_id, month), (owner, stage, tier, *_) in customers.items():
        earlier = [m for m in months[customer_id] if m < month]
        gap = min(GAP_CAP, index(month) - index(max(earlier))) if earlier else GAP_CAP
        tally[(owner, stage, tier, month, gap)] += 1
    return dict(tally)


def stored_gaps(conn: Connection) -> dict[Key, int]:
    return {tuple(row[:5]): row[5] for row in conn.exec_driver_sql(
        "SELECT g.owner_id, g.lifecycle_stage, g.tier, a.month, a.gap, a.customers"
        " FROM activity_gaps AS a JOIN report_groups AS g ON g.id = a.group_id")}


def tallies_of(customers: dict[Key, Key]) -> dict[Key, tuple[int, ...]]:
    """(owner, stage, tier, month) -> (contacted, once, twice, first_once), worked out one
    customer month at a time (first: no order in an earlier month)."""
    order_months: dict[Any, list[int]] = defaultdict(list)
    for (customer_id, month), (*_, orders) in customers.items():
        if orders:
            order_months[customer_id].append(month)
    tally: dict[Key, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for (customer_id, month), (owner, stage, tier, contacts, orders) in customers.items():
        counts = tally[(owner, stage, tier, month)]
        first = min(order_months[customer_id], default=None) == month
        for index, holds in enumerate((contacts > 0, orders == 1, orders >= 2,
                                       orders == 1 and first)):
            counts[index] += holds
    return {key: tuple(counts) for key, counts in tally.items() if any(counts)}


def stored_tallies(conn: Connection) -> dict[Key, tuple[int, ...]]:
    return {tuple(row[:4]): tuple(row[4:]) for row in conn.exec_driver_sql(
        "SELECT g.owner_id, g.lifecycle_stage, g.tier, t.month, t.contacted, t.once,"
        " t.twice, t.first_once FROM month_tallies AS t"
        " JOIN report_groups AS g ON g.id = t.group_id")}


def assert_summary_right(engine: Engine, zone: str = ZONE) -> None:
    with engine.connect() as conn:
        expected = recount(conn, zone)
        assert stored(conn) == expected
        assert stored_gaps(conn) == gaps_of(expected[1])
        assert stored_tallies(conn) == tallies_of(expected[1])


@pytest.fixture
def writer(engine: Engine) -> Writer:
    return open_writer(engine)


def group_row(engine: Engine, owner: str, month: int) -> dict[str, int]:
    with engine.connect() as conn:
        by_group, _ = stored(conn)
    rows = [c for (o, _, _, m), c in by_group.items() if o == owner and m == month]
    total: dict[str, int] = defaultdict(int)
    for counters in rows:
        for name, value in counters.items():
            total[name] += value
    return dict(total)


# --- every kind of write ------------------------------------------------------------------


def test_each_kind_of_row_counts_where_and_as_it_should(writer: Writer, engine: Engine) -> None:
    zhang = writer.customer(source="转介绍")
    writer.call(zhang)
    writer.call(zhang, T0 + timedelta(days=1))
    writer.order(zhang, 1200)
    writer.answer(zhang, csat=4)
    writer.answer(zhang, nps=9)
    writer.answer(zhang, nps=7, csat=2)
    writer.complaint(zhang, first_response_at=T0 + timedelta(hours=2),
                     resolved_at=T0 + timedelta(days=30))  # resolved in April
    writer.visit(zhang, done_at=T0)
    writer.visit(zhang)
    writer.visit(zhang, kind="follow_up")  # not a return visit
    contract = writer.contract(zhang)
    writer.plan(contract, amount=5000)
    writer.receipt(contract, amount=2000)

    assert group_row(engine, "u1", 202603) == {
        "is_new": 1, "referred": 1, "contacts": 2, "orders": 1, "order_minor": 1200,
        "responses": 3, "csat_count": 2, "csat_sum": 6, "csat_2": 1, "csat_4": 1,
        "nps_count": 2, "promoters": 1, "passives": 1, "complaints": 1, "responded": 1,
        "response_ms": 2 * 3600_000, "visits_due": 2, "visits_done": 1,
        "planned_minor": 5000, "collected_minor": 2000}
    assert group_row(engine, "u1", 202604) == {"resolved": 1, "resolution_ms": 30 * 86400_000}
    with engine.connect() as conn:
        _, customers = stored(conn)
    assert customers == {(uuid_to_bytes(zhang), 202603): ("u1", "suspect", None, 2, 1)}
    assert_summary_right(engine)


def test_updates_move_contributions_to_other_months(writer: Writer, engine: Engine) -> None:
    wang = writer.customer("王芳")
    call = writer.call(wang)
    order = writer.order(wang, 500)
    answer = writer.answer(wang, csat=5)
    complaint = writer.complaint(wang)
    visit = writer.visit(wang)
    contract = writer.contract(wang)
    plan = writer.plan(contract)
    receipt = writer.receipt(contract)
    later = T0 + timedelta(days=40)
    writer.change(Interaction, call, started_at=later)
    writer.change(Order, order, ordered_at=later, amount_minor=700)
    writer.change(SatisfactionResponse, answer, responded_at=later, csat=None, nps=3)
    writer.change(Complaint, complaint, first_response_at=later, resolved_at=later)
    writer.change(Reminder, visit, due_at=later, done_at=later)
    writer.change(PaymentPlan, plan, due_date=date(2026, 5, 1), amount_minor=9000)
    writer.change(Receipt, receipt, received_at=later)
    assert group_row(engine, "u1", 202603) == {
        "is_new": 1, "complaints": 1, "responded": 1, "response_ms": 40 * 86400_000}
    assert group_row(engine, "u1", 202604)["contacts"] == 1
    assert group_row(engine, "u1", 202605)["planned_minor"] == 9000
    assert_summary_right(engine)
    writer.change(Reminder, visit, kind="follow_up")  # no longer a return visit
    writer.change(Interaction, call, started_at=T0)  # and back
    assert_summary_right(engine)


def test_soft_deletes_stop_counting_and_restores_count_again(
        writer: Writer, engine: Engine) -> None:
    li = writer.customer("李娜")
    contract = writer.contract(li)
    rows = [(Interaction, writer.call(li)), (Order, writer.order(li)),
            (SatisfactionResponse, writer.answer(li, nps=10)),
            (Complaint, writer.complaint(li, resolved_at=T0)), (Reminder, writer.visit(li)),
            (PaymentPlan, writer.plan(contract)), (Receipt, writer.receipt(contract))]
    for table, row_id in rows:
        writer.change(table, row_id, deleted_at=T0)
    assert group_row(engine, "u1", 202603) == {"is_new": 1}
    assert_summary_right(engine)
    for table, row_id in rows:
        writer.change(table, row_id, deleted_at=None)
    assert group_row(engine, "u1", 202603)["collected_minor"] == 2000
    assert_summary_right(engine)


def test_a_customer_moves_its_whole_contribution(writer: Writer, engine: Engine) -> None:
    zhao = writer.customer("赵磊")
    other = writer.customer("钱进")
    writer.call(zhao)
    writer.order(zhao, 300, T0 + timedelta(days=35))
    writer.answer(zhao, csat=3)
    contract = writer.contract(zhao)
    writer.plan(contract)
    writer.call(other)
    writer.change(Customer, zhao, owner_id="u2")  # assigned
    assert group_row(engine, "u2", 202603)["csat_sum"] == 3
    assert group_row(engine, "u1", 202603) == {"is_new": 1, "contacts": 1}
    writer.change(Customer, zhao, lifecycle_stage="first_time_buyer", tier="high_value")
    assert_summary_right(engine)
    writer.change(Customer, zhao, deleted_at=T0)
    assert group_row(engine, "u2", 202603) == {}
    assert_summary_right(engine)
    writer.change(Customer, zhao, deleted_at=None, owner_id="u3")  # restored to someone else
    assert group_row(engine, "u3", 202604) == {"orders": 1, "order_minor": 300}
    writer.change(Customer, zhao, created_at=T0 + timedelta(days=60), source="referral")
    assert_summary_right(engine)


def test_a_contract_moved_or_deleted_moves_its_money(writer: Writer, engine: Engine) -> None:
    first = writer.customer("孙丽")
    second = writer.customer("周强", owner="u2")
    contract = writer.contract(first)
    writer.plan(contract, amount=8000)
    writer.receipt(contract, amount=3000)
    writer.change(Contract, contract, customer_id=second)
    assert "planned_minor" not in group_row(engine, "u1", 202603)
    assert group_row(engine, "u2", 202603)["planned_minor"] == 8000
    assert_summary_right(engine)
    writer.change(Contract, contract, deleted_at=T0)
    assert "collected_minor" not in group_row(engine, "u2", 202603)
    writer.change(Contract, contract, deleted_at=None, customer_id=first)
    assert_summary_right(engine)


def test_hard_deletes_subtract_what_was_added(writer: Writer, engine: Engine) -> None:
    wu = writer.customer("吴敏")
    contract = writer.contract(wu)
    plan = writer.plan(contract)
    receipt = writer.receipt(contract)
    call = writer.call(wu)
    with engine.begin() as conn:
        for table, row_id in ((Receipt, receipt), (PaymentPlan, plan), (Contract, contract),
                              (Interaction, call)):
            target = table.__table__
            conn.execute(target.delete().where(target.c.id == row_id))
    assert_summary_right(engine)
    with engine.begin() as conn:
        conn.execute(Customer.__table__.delete().where(Customer.__table__.c.id == wu))
    assert group_row(engine, "u1", 202603) == {}
    assert_summary_right(engine)


# --- a random sequence of writes -----------------------------------------------------------

_TABLES = {"call": Interaction, "order": Order, "answer": SatisfactionResponse,
           "complaint": Complaint, "visit": Reminder}
_steps = st.lists(st.tuples(
    st.sampled_from(["add", "add", "add", "move", "move", "delete", "restore", "assign",
                     "stage", "drop_customer", "restore_customer", "move_contract"]),
    st.sampled_from([*sorted(_TABLES), "plan", "receipt"]),
    st.integers(0, 2),  # which customer
    # days from T0 (the 10th): -1500 is over GAP_CAP months back, -400 over a year
    st.sampled_from([0, -1500, -400, -40, -12, 3, 12, 25, 40, 90]),
    st.integers(0, 10),  # a score or an amount
), min_size=1, max_size=25)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=_steps)
def test_any_sequence_of_writes_keeps_the_summary_right(
        writer: Writer, engine: Engine, steps: list[tuple[str, str, int, int, int]]) -> None:
    with engine.begin() as conn:  # the fixture's vault is shared by every example
        for table in ("receipts", "payment_plans", "contracts", "interactions", "orders",
                      "satisfaction_responses", "complaints", "reminders", "customers"):
            conn.exec_driver_sql(f"DELETE FROM {table}")
        report_summary.rebuild(conn)  # so a slip in one example cannot spill into the next
    customers = [writer.customer(name, owner=owner)
                 for name, owner in (("甲", "u1"), ("乙", "u2"), ("丙", "u1"))]
    contracts = [writer.contract(c) for c in customers]
    made: list[tuple[Any, str]] = []
    for action, kind, who, days, number in steps:
        at = T0 + timedelta(days=days, hours=number)
        if action == "add" or not made:
            made.append(_add(writer, kind, customers[who], contracts[who], at, number))
        elif action in ("move", "delete", "restore"):
            table, row_id = made[number % len(made)]
            writer.change(table, row_id, **_moved(table, action, at, customers[who], number))
        elif action == "assign":
            writer.change(Customer, customers[who], owner_id=f"u{number % 3 + 1}")
        elif action == "stage":
            writer.change(Customer, customers[who], tier=("high_value", None)[number % 2],
                          lifecycle_stage=("prospect", "advocate")[number % 2])
        elif action in ("drop_customer", "restore_customer"):
            writer.change(Customer, customers[who],
                          deleted_at=T0 if action == "drop_customer" else None)
        else:
            writer.change(Contract, contracts[number % 3], customer_id=customers[who])
    assert_summary_right(engine)


def _add(writer: Writer, kind: str, customer: str, contract: str, at: datetime,
         number: int) -> tuple[Any, str]:
    if kind == "plan":
        return PaymentPlan, writer.plan(contract, at.date(), amount=number * 100)
    if kind == "receipt":
        return Receipt, writer.receipt(contract, amount=number * 100 + 1, at=at)
    adders = {
        "call": lambda: writer.call(customer, at),
        "order": lambda: writer.order(customer, number * 100, at),
        "answer": lambda: writer.answer(customer, csat=number % 5 + 1 if number % 2 else None,
                                        nps=number, at=at),
        "complaint": lambda: writer.complaint(
            customer, at, resolved_at=at + timedelta(days=number) if number % 2 else None),
        "visit": lambda: writer.visit(customer, at, done_at=at if number % 2 else None),
    }
    return _TABLES[kind], adders[kind]()


def _moved(table: Any, action: str, at: datetime, customer: str, number: int
           ) -> dict[str, Any]:
    if action != "move":
        return {"deleted_at": T0 if action == "delete" else None}
    if table is PaymentPlan:
        return {"due_date": at.date(), "amount_minor": number * 10}
    if table is Receipt:
        return {"received_at": at}
    moment = {Interaction: "started_at", Order: "ordered_at", SatisfactionResponse:
              "responded_at", Complaint: "opened_at", Reminder: "due_at"}[table]
    values: dict[str, Any] = {moment: at, "customer_id": customer}
    if table is Complaint:
        values["first_response_at"] = at + timedelta(hours=number)
    return values


