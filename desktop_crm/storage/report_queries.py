"""Read queries of the satisfaction report: sums over the report summary (group_months and
customer_months, see report_summary), complaint durations, receivables, and the detractor
list (report_activity counts active customers, report_churn lists churn risks).

Whose customers: the summary's figures are kept per report group (an owner, stage and tier
seen on a customer), so a report picks the groups of its owners (`report_groups`) and every
summary query takes those group ids (None: every group, the company path; an empty
collection covers nobody and answers without a query). The summary never joins customers;
the queries over source tables (complaints, receivables, the lists) take `owner_ids` and
read customers by primary key. Months are yyyymm numbers, instants UTC epoch milliseconds.

Queries hand back sums, or counts of customers sharing the facts a definition needs, never
one row per customer where a count will do; the definitions are applied by reports.metrics.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import Connection

from desktop_crm.storage.report_filters import (
    GroupIds,
    OwnerIds,
    covers_nobody,
    group_filter,
    in_list,
    owner_filter,
)
from desktop_crm.storage.report_summary import COUNTERS
from desktop_crm.storage.types import id_from_stored, uuid_to_bytes

DAY_MS = 86_400_000


def _owner(value: bytes | str | None) -> str | None:
    return None if value is None else id_from_stored(value)


def month_starts(conn: Connection, months: Collection[int]) -> dict[int, int]:
    """yyyymm -> the instant it begins in the company time zone (months outside the table
    are left out)."""
    wanted = sorted(set(months))
    if not wanted:
        return {}
    sql = f"SELECT month, starts_at FROM report_months WHERE 1{in_list('month', wanted)}"
    return {month: starts_at for month, starts_at in conn.exec_driver_sql(sql, tuple(wanted))}


class ReportGroup(NamedTuple):
    owner_id: str | None
    stage: str
    tier: str | None


def report_groups(conn: Connection, owner_ids: OwnerIds) -> dict[int, ReportGroup]:
    """The report groups of these owners (every group for None), by id."""
    if covers_nobody(owner_ids):
        return {}
    where, params = owner_filter(owner_ids, "owner_id")
    sql = f"SELECT id, owner_id, lifecycle_stage, tier FROM report_groups WHERE 1{where}"
    return {row[0]: ReportGroup(_owner(row[1]), row[2], row[3])
            for row in conn.exec_driver_sql(sql, tuple(params))}


# --- sums ----------------------------------------------------------------------------------

_SUMS = ", ".join(f"sum({name})" for name in COUNTERS)


def sums_by_month(
    conn: Connection, first: int, last: int, group_ids: GroupIds
) -> dict[int, tuple[int, ...]]:
    """Each month's counters summed over the groups (COUNTERS order); a month with nothing
    is left out."""
    if covers_nobody(group_ids):
        return {}
    where, params = group_filter(group_ids)
    sql = (f"SELECT month, {_SUMS} FROM group_months"
           f" WHERE month BETWEEN ? AND ?{where} GROUP BY month")
    return {row[0]: tuple(row[1:]) for row in conn.exec_driver_sql(sql, (first, last, *params))}


def sums_by_group(
    conn: Connection, first: int, last: int, group_ids: GroupIds
) -> dict[int, tuple[int, ...]]:
    """The counters of months first..last summed per group (COUNTERS order)."""
    if covers_nobody(group_ids):
        return {}
    where, params = group_filter(group_ids)
    sql = (f"SELECT group_id, {_SUMS} FROM group_months"
           f" WHERE month BETWEEN ? AND ?{where} GROUP BY group_id")
    return {row[0]: tuple(row[1:]) for row in conn.exec_driver_sql(sql, (first, last, *params))}


# --- customers by what they did -----------------------------------------------------------


class PeriodTally(NamedTuple):
    """Customers of one period (named by its first month), of one group when asked by
    group: those contacted in it, and its buyers by their orders in it (one, or two or
    more) and, for one order, whether they had ordered before the period."""

    period: int
    group_id: int | None
    contacted: int
    once_first: int  # one order in the period, none before it
    once_again: int  # one order in the period, and an order before it
    twice: int  # two or more orders in the period


def customer_tallies(
    conn: Connection, ranges: Sequence[tuple[int, int]], group_ids: GroupIds, *,
    by_group: bool = False,
) -> list[PeriodTally]:
    """The tallies of each period (first month, last month; in time order), in all or (with
    `by_group`) per group.

    Months are summed from month_tallies. Longer periods gather each customer's facts over
    the whole period first (contacted in one month of a quarter and ordering in another
    counts as both), in a pass over their customer_months; "ordered before" looks at the
    customer's earlier months, only for the one-order buyers it decides.
    """
    if not ranges or covers_nobody(group_ids):
        return []
    if all(first == last for first, last in ranges):
        return _month_tallies(conn, [first for first, _ in ranges], group_ids, by_group)
    where, params = group_filter(group_ids)
    before = ("o = 1 AND EXISTS (SELECT 1 FROM customer_months AS e WHERE e.group_id = t.g"
              " AND e.customer_ref = t.customer_ref AND e.month < t.p AND e.orders > 0)")
    cases = " ".join("WHEN month BETWEEN ? AND ? THEN ?" for _ in ranges)
    per_customer = (f"SELECT group_id AS g, customer_ref, CASE {cases} END AS p,"
                    " sum(contacts) AS c, sum(orders) AS o FROM customer_months")
    period_params = [v for first, last in ranges for v in (first, last, first)]
    group = "g" if by_group else "NULL"
    sql = (f"SELECT p, {group}, sum(c > 0), sum(o = 1 AND NOT b), sum(b), sum(o >= 2)"
           f" FROM (SELECT g, p, c, o, {before} AS b"
           f"  FROM ({per_customer} WHERE month BETWEEN ? AND ?{where}"
           "   GROUP BY group_id, customer_ref, p) AS t)"
           f" GROUP BY p{', g' if by_group else ''}")
    first, last = ranges[0][0], ranges[-1][1]
    rows = conn.exec_driver_sql(sql, (*period_params, first, last, *params))
    return [PeriodTally(*row) for row in rows]


def _month_tallies(
    conn: Connection, months: Sequence[int], group_ids: GroupIds, by_group: bool
) -> list[PeriodTally]:
    where, params = group_filter(group_ids)
    group = "group_id" if by_group else "NULL"
    sql = (f"SELECT month, {group}, sum(contacted), sum(first_once), sum(once - first_once),"
           f" sum(twice) FROM month_tallies WHERE 1{in_list('month', months)}{where}"
           f" GROUP BY month{', group_id' if by_group else ''}")
    return [PeriodTally(*row) for row in conn.exec_driver_sql(sql, (*months, *params))]


class PeriodSpan(NamedTuple):
    """A period as its months and as the instants it begins and ends."""

    first_month: int
    last_month: int
    start: int
    end: int


def answered_and_contacted(
    conn: Connection, periods: Sequence[PeriodSpan], owner_ids: OwnerIds
) -> dict[int, int]:
    """Per period (by its first month): the live covered customers who answered a survey
    in it and had a live interaction started in it. The periods' answers are read by time
    (a few per customer a year at most), each answer's calls by its customer."""
    if not periods or covers_nobody(owner_ids):
        return {}
    cases = " ".join("WHEN r.responded_at >= ? AND r.responded_at < ? THEN ?" for _ in periods)
    starts = " ".join(f"WHEN {p.first_month} THEN {p.start}" for p in periods)
    ends = " ".join(f"WHEN {p.first_month} THEN {p.end}" for p in periods)
    per_answer = (
        "SELECT a.customer_id AS customer_id, a.p AS p FROM"
        f" (SELECT r.customer_id, CASE {cases} END AS p"
        "  FROM satisfaction_responses AS r NOT INDEXED"
        "  WHERE r.deleted_at IS NULL AND r.responded_at >= ? AND r.responded_at < ?) AS a"
        " WHERE EXISTS (SELECT 1 FROM interactions AS i WHERE i.customer_id = a.customer_id"
        f"  AND i.deleted_at IS NULL AND i.started_at >= CASE a.p {starts} END"
        f"  AND i.started_at < CASE a.p {ends} END)")
    sql, params = live_customers_only(per_answer, "t.p, t.customer_id", owner_ids)
    bounds = [v for p in periods for v in (p.start, p.end, p.first_month)]
    span = (min(p.start for p in periods), max(p.end for p in periods))
    rows = conn.exec_driver_sql(
        f"SELECT p, count(DISTINCT customer_id) FROM ({sql}) GROUP BY p",
        (*bounds, *span, *params))
    return dict(rows.fetchall())


def buyer_histories(
    conn: Connection, start: int, end: int, owner_ids: OwnerIds
) -> tuple[list[int], list[int], list[int]]:
    """Of each live customer who ordered in [start, end), column by column: whole days from
    their last order to `end`, their orders and their amount in minor units. A year of
    orders is a large share of them: read through, not looked up by time one by one."""
    if covers_nobody(owner_ids):
        return [], [], []
    per_customer = (
        f"SELECT o.customer_id AS customer_id, (? - max(o.ordered_at)) / {DAY_MS} AS since,"
        " count(*) AS n, sum(o.amount_minor) AS amount FROM orders AS o NOT INDEXED"
        " WHERE o.deleted_at IS NULL AND o.ordered_at >= ? AND o.ordered_at < ?"
        " GROUP BY o.customer_id")
    sql, params = live_customers_only(per_customer, "t.since, t.n, t.amount", owner_ids)
    rows = conn.exec_driver_sql(sql, (end, start, end, *params)).fetchall()
    if not rows:
        return [], [], []
    since, orders, amounts = zip(*rows, strict=True)
    return list(since), list(orders), list(amounts)


def live_customers_only(
    per_customer: str, columns: str, owner_ids: OwnerIds
) -> tuple[str, list[Any]]:
    """SQL keeping the rows of `per_customer` (one per `customer_id`, as `t`) of live
    customers of these owners, and its parameters. For every owner only the few deleted
    customers are looked up; for some, each row's customer by its id."""
    if owner_ids is None:
        return (f"SELECT {columns} FROM ({per_customer}) AS t WHERE t.customer_id NOT IN"
                " (SELECT id FROM customers WHERE deleted_at IS NOT NULL)", [])
    where, params = owner_filter(owner_ids)
    return (f"SELECT {columns} FROM ({per_customer}) AS t"
            " CROSS JOIN customers AS c ON c.id = t.customer_id"
            f" WHERE c.deleted_at IS NULL{where}", params)


# --- receivables ---------------------------------------------------------------------------


def balances(
    conn: Connection, ends: Sequence[tuple[date, int]], owner_ids: OwnerIds
) -> list[tuple[int, ...]]:
    """Per live contract of a live covered customer that owed something at one of the
    ends (the first day after a period, the instant it ends): what its instalments had
    fallen due before that day and what its receipts had brought in before that instant
    (due, received, due, received ...). Contracts that owed nothing at any end are left
    out: they add nothing to what is overdue.

    Each contract's instalments are summed from their narrow contract index, in contract
    order, and its receipts looked up in theirs; only the contracts that owed are then
    looked up (a contract with nothing due before an end owes nothing there)."""
    if not ends or covers_nobody(owner_ids):
        return []
    n = len(ends)
    plans = ", ".join(f"sum(CASE WHEN due_date < ? THEN amount_minor ELSE 0 END) AS d{i}"
                      for i in range(n))
    received = ", ".join(
        "coalesce((SELECT sum(r.amount_minor) FROM receipts AS r"
        " INDEXED BY ix_receipts_contract_received WHERE r.contract_id = p.contract_id"
        f" AND r.deleted_at IS NULL AND r.received_at < ?), 0) AS r{i}" for i in range(n))
    owing = " OR ".join(f"d{i} > r{i}" for i in range(n))
    per_contract = (
        f"SELECT * FROM (SELECT p.*, {received} FROM ("
        f" SELECT contract_id, {plans} FROM payment_plans"
        "  INDEXED BY ix_payment_plans_contract_due"
        "  WHERE deleted_at IS NULL AND due_date < ? GROUP BY contract_id) AS p)"
        f" WHERE {owing}")
    owed = ("SELECT k.customer_id AS customer_id, "
            + ", ".join(f"t.d{i} AS d{i}, t.r{i} AS r{i}" for i in range(n))
            + f" FROM ({per_contract}) AS t CROSS JOIN contracts AS k"
            " INDEXED BY ix_contracts_live_customer ON k.id = t.contract_id"
            " WHERE k.deleted_at IS NULL")
    sql, params = live_customers_only(owed, ", ".join(f"t.d{i}, t.r{i}" for i in range(n)),
                                      owner_ids)
    days = [day.isoformat() for day, _ in ends]
    instants = [at for _, at in ends]
    bound = (*instants, *days, max(days), *params)
    return [tuple(row) for row in conn.exec_driver_sql(sql, bound)]


# --- complaints ----------------------------------------------------------------------------


def complaint_durations(
    conn: Connection, start: int, end: int, owner_ids: OwnerIds
) -> tuple[list[int], list[int]]:
    """(opened -> first response of the complaints opened in [start, end) that have one,
    opened -> resolved of the complaints resolved in [start, end)), in milliseconds, of
    live complaints of live covered customers. Complaints are few: read through."""
    if covers_nobody(owner_ids):
        return [], []
    opened = ("SELECT k.customer_id AS customer_id, k.first_response_at - k.opened_at AS ms"
              " FROM complaints AS k WHERE k.deleted_at IS NULL AND k.opened_at >= ?"
              " AND k.opened_at < ? AND k.first_response_at IS NOT NULL")
    resolved = ("SELECT k.customer_id AS customer_id, k.resolved_at - k.opened_at AS ms"
                " FROM complaints AS k NOT INDEXED WHERE k.deleted_at IS NULL"
                " AND k.resolved_at >= ? AND k.resolved_at < ?")
    found = []
    for per_complaint in (opened, resolved):
        sql, params = live_customers_only(per_complaint, "t.ms", owner_ids)
        found.append([row[0] for row in conn.exec_driver_sql(sql, (start, end, *params))])
    return found[0], found[1]


# --- the lists -----------------------------------------------------------------------------


class ListedCustomer(NamedTuple):
    """A customer on a report list, as stored (phones newline-joined)."""

    customer_id: str
    name: str
    phones: str
    owner_id: str | None


_CUSTOMER = "c.id, c.name, c.phones, c.owner_id"


def _listed(row: Sequence[Any]) -> ListedCustomer:
    return ListedCustomer(id_from_stored(row[0]), row[1], row[2] or "", _owner(row[3]))


def customers_by_id(conn: Connection, stored_ids: Sequence[bytes]) -> dict[bytes, ListedCustomer]:
    if not stored_ids:
        return {}
    sql = f"SELECT {_CUSTOMER} FROM customers AS c WHERE 1{in_list('c.id', stored_ids)}"
    return {row[0]: _listed(row) for row in conn.exec_driver_sql(sql, tuple(stored_ids))}


class DetractorRow(NamedTuple):
    customer: ListedCustomer
    nps: int | None
    csat: int | None
    comment: str
    responded_at: int


def detractors(
    conn: Connection, start: int, end: int, owner_ids: OwnerIds, *, limit: int
) -> tuple[int, list[DetractorRow]]:
    """Answers given in [start, end) with an NPS of 0-6 or a CSAT of 1-2 by live covered
    customers, how many, and the newest `limit` of them."""
    if covers_nobody(owner_ids):
        return 0, []
    per_answer = (
        "SELECT r.customer_id AS customer_id, r.nps AS nps, r.csat AS csat,"
        " r.comment AS comment, r.responded_at AS responded_at, r.id AS id"
        " FROM satisfaction_responses AS r WHERE r.deleted_at IS NULL"
        " AND r.responded_at >= ? AND r.responded_at < ? AND (r.nps <= 6 OR r.csat <= 2)")
    sql, params = live_customers_only(
        per_answer, "t.customer_id, t.nps, t.csat, t.comment, t.responded_at, t.id", owner_ids)
    rows = sorted(conn.exec_driver_sql(sql, (start, end, *params)),
                  key=lambda row: (-row[4], row[5]))
    found = customers_by_id(conn, [row[0] for row in rows[:limit]])
    return len(rows), [DetractorRow(found[row[0]], row[1], row[2], row[3] or "", row[4])
                       for row in rows[:limit]]


def user_names(conn: Connection, user_ids: Collection[str]) -> dict[str, str]:
    """Display names of these users (deleted or departed ones too: they owned customers)."""
    wanted = sorted(set(user_ids))
    if not wanted:
        return {}
    sql = (f"SELECT id, display_name FROM users"
           f" WHERE id IN ({', '.join('?' for _ in wanted)})")
    return {id_from_stored(row[0]): row[1]
            for row in conn.exec_driver_sql(sql, tuple(uuid_to_bytes(u) for u in wanted))}


__all__ = [
    "DAY_MS", "DetractorRow", "GroupIds", "ListedCustomer", "OwnerIds", "PeriodSpan",
    "PeriodTally", "ReportGroup", "answered_and_contacted", "balances", "buyer_histories",
    "complaint_durations", "customer_tallies", "customers_by_id", "detractors",
    "live_customers_only", "month_starts", "report_groups", "sums_by_group", "sums_by_month",
    "user_names",
]
