"""The report's customer counts from the summary (active customers and retention from
activity_gaps, contacted customers and buyers from month_tallies, the churn-risk total)
against the same definitions worked out customer by customer in Python, on random activity
written through the triggers."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Connection, Engine

from desktop_crm.reports.metrics import overdue_amount
from desktop_crm.reports.periods import active_window, add_months
from desktop_crm.storage.models import Customer
from desktop_crm.storage.report_activity import activity_cohorts
from desktop_crm.storage.report_churn import churn_risks
from desktop_crm.storage.report_queries import balances, customer_tallies
from desktop_crm.storage.types import id_from_stored

from .summary_writer import ZONE, Writer, open_writer

T_END = datetime(2026, 3, 1, tzinfo=ZoneInfo(ZONE))  # a month's start in the company zone
DAY = timedelta(days=1)
OWNERS = ("u1", "u2")
TIERS = ("high_value", "potential", None)


@pytest.fixture
def writer(engine: Engine) -> Writer:
    return open_writer(engine)


def _month(at: datetime) -> int:
    local = at.astimezone(ZoneInfo(ZONE))
    return local.year * 100 + local.month


def _random_base(rows: Writer, rng: random.Random) -> dict[str, dict[str, Any]]:
    """Customers with calls, orders and complaints at random moments of the last three
    years (a few just around the edges of the churn windows); some deleted."""
    made: dict[str, dict[str, Any]] = {}
    for number in range(14):
        created = T_END - DAY * rng.choice([1200, 400, 100, 95, 10, -5])
        fields = {"tier": rng.choice(TIERS), "created_at": created.astimezone(UTC)}
        customer = rows.customer(f"客户{number}", owner=rng.choice(OWNERS), **fields)
        facts: dict[str, Any] = {**fields, "calls": [], "orders": [], "complaints": []}
        for kind, add in (("calls", rows.call), ("orders", rows.order)):
            for _ in range(rng.randrange(4)):
                at = T_END - DAY * rng.choice([1100, 700, 365, 200, 91, 90, 89, 60, 20, 1])
                at += timedelta(hours=rng.randrange(24))
                add(customer, at=at.astimezone(UTC))
                facts[kind].append(at)
        for _ in range(rng.randrange(3)):
            at = T_END - DAY * rng.choice([95, 80, 45, 31, 10])
            rows.complaint(customer, at=at.astimezone(UTC))
            facts["complaints"].append(at)
        if rng.random() < 0.15:
            rows.change(Customer, customer, deleted_at=T_END.astimezone(UTC))
            continue
        made[customer] = facts
    return made


def _groups(conn: Connection) -> dict[int, tuple[Any, ...]]:
    return {row[0]: tuple(row[1:]) for row in conn.exec_driver_sql(
        "SELECT id, owner_id, tier FROM report_groups")}


def _owner_of(conn: Connection) -> dict[str, Any]:
    return {id_from_stored(stored): owner for stored, owner in conn.exec_driver_sql(
        "SELECT id, owner_id FROM customers")}


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("kind", ["month", "quarter, one active month"])
def test_active_customers_and_retention_match_each_customer(
        writer: Writer, engine: Engine, seed: int, kind: str) -> None:
    rng = random.Random(seed)
    base = _random_base(writer, rng)
    end_month = _month(T_END)
    step, months = (1, 12) if kind == "month" else (3, 1)
    instants = [add_months(end_month, -2 * step), add_months(end_month, -step), end_month]
    windows = [active_window(at, months) for at in instants]

    def active(facts: dict[str, Any], window: tuple[int, int]) -> bool:
        return any(window[0] <= _month(at) <= window[1]
                   for at in facts["calls"] + facts["orders"])

    with engine.connect() as conn:
        groups = _groups(conn)
        rows = activity_cohorts(conn, windows, None)
        owners = _owner_of(conn)
    got: dict[tuple[Any, ...], list[int]] = defaultdict(lambda: [0] * 5)
    for row in rows:
        counts = got[groups[row.group_id]]
        for i, value in enumerate((*row.active, *row.still_active)):
            counts[i] += value
    expected: dict[tuple[Any, ...], list[int]] = defaultdict(lambda: [0] * 5)
    for customer, facts in base.items():
        flags = [active(facts, w) for w in windows]
        counts = expected[(owners[customer], facts["tier"])]
        for i, flag in enumerate((*flags, flags[0] and flags[1], flags[1] and flags[2])):
            counts[i] += flag
    assert {k: v for k, v in got.items() if any(v)} == {
        k: v for k, v in expected.items() if any(v)}


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("step", [1, 3], ids=["months", "quarters"])
def test_contacted_customers_and_buyers_match_each_customer(
        writer: Writer, engine: Engine, seed: int, step: int) -> None:
    base = _random_base(writer, random.Random(seed))
    first = add_months(_month(T_END), -40)
    ranges = [(add_months(first, i), add_months(first, i + step - 1))
              for i in range(0, 40, step)]

    def tally(facts: dict[str, Any], span: tuple[int, int]) -> tuple[int, ...]:
        orders = [_month(at) for at in facts["orders"]]
        calls = [_month(at) for at in facts["calls"]]
        bought = sum(span[0] <= m <= span[1] for m in orders)
        before = any(m < span[0] for m in orders)
        return (any(span[0] <= m <= span[1] for m in calls), bought == 1 and not before,
                bought == 1 and before, bought >= 2)

    with engine.connect() as conn:
        groups = _groups(conn)
        owners = _owner_of(conn)
        rows = customer_tallies(conn, ranges, None, by_group=True)
    got: dict[tuple[Any, ...], list[int]] = defaultdict(lambda: [0] * 4)
    for row in rows:
        counts = got[(row.period, *groups[row.group_id])]
        for i, value in enumerate(row[2:]):
            counts[i] += value
    expected: dict[tuple[Any, ...], list[int]] = defaultdict(lambda: [0] * 4)
    for customer, facts in base.items():
        for span in ranges:
            counts = expected[(span[0], owners[customer], facts["tier"])]
            for i, flag in enumerate(tally(facts, span)):
                counts[i] += flag
    assert {k: v for k, v in got.items() if any(v)} == {
        k: v for k, v in expected.items() if any(v)}


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("months_back", [0, 1], ids=["window of whole months", "part month"])
def test_the_churn_total_matches_each_customer(writer: Writer, engine: Engine,
                                               seed: int, months_back: int) -> None:
    base = _random_base(writer, random.Random(seed))
    # 90 days before March 1 is December 1; before February 1, a day in November
    end = T_END.replace(month=T_END.month - months_back).astimezone(UTC)

    def complained(facts: dict[str, Any]) -> bool:
        return any(end - 90 * DAY <= at <= end - 30 * DAY
                   and not any(at <= o < at + 30 * DAY for o in facts["orders"])
                   for at in facts["complaints"])

    def silent(facts: dict[str, Any]) -> bool:
        return (facts["tier"] == "high_value" and facts["created_at"] < end
                and not any(end - 90 * DAY <= at < end for at in facts["calls"]))

    expected = sum(complained(f) or silent(f) for f in base.values())
    with engine.connect() as conn:
        at = int(end.timestamp() * 1000)
        total, listed = churn_risks(conn, at, None, None, limit=50)
        groups = _groups(conn)
        by_owner = sum(churn_risks(conn, at, {owner}, {g for g, (o, _) in groups.items()
                                                       if o == owner}, limit=50)[0]
                       for owner in OWNERS)
    assert total == expected == len(listed) == by_owner


def test_what_one_contract_paid_ahead_does_not_hide_what_another_owes(
        writer: Writer, engine: Engine) -> None:
    customer = writer.customer("钱多")
    ahead, owing, settled = (writer.contract(customer) for _ in range(3))
    writer.plan(ahead, date(2026, 2, 10), amount=5_000)
    writer.receipt(ahead, amount=8_000, at=datetime(2026, 2, 11, tzinfo=UTC))
    writer.plan(owing, date(2026, 2, 10), amount=3_000)
    writer.plan(owing, date(2026, 3, 10), amount=9_000)  # due after the end: not yet owed
    writer.plan(settled, date(2026, 1, 10), amount=1_000)
    writer.receipt(settled, amount=1_000, at=datetime(2026, 1, 12, tzinfo=UTC))
    end = T_END.astimezone(UTC)
    with engine.connect() as conn:
        rows = balances(conn, [(date(2026, 3, 1), int(end.timestamp() * 1000))], None)
    assert rows == [(3_000, 0)]
    assert overdue_amount(rows) == 3_000
