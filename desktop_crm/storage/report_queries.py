"""Read queries of the satisfaction report: sums over the report summary (group_months and
customer_months, see report_summary), complaint durations, receivables, and the two lists.

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

from desktop_crm.storage.report_summary import COUNTERS
from desktop_crm.storage.types import id_from_stored, uuid_to_bytes

OwnerIds = Collection[str] | None
GroupIds = Collection[int] | None
DAY_MS = 86_400_000


def _in(column: str, values: Sequence[Any]) -> str:
    return f" AND {column} IN ({', '.join('?' for _ in values)})"


def _owners(owner_ids: OwnerIds, column: str = "c.owner_id") -> tuple[str, list[Any]]:
    """` AND column IN (...)` and its parameters; nothing for every owner."""
    if owner_ids is None:
        return "", []
    stored = [uuid_to_bytes(owner) for owner in sorted(owner_ids)]
    return _in(column, stored), stored


def _groups(group_ids: GroupIds) -> tuple[str, list[Any]]:
    if group_ids is None:
        return "", []
    wanted = sorted(group_ids)
    return _in("group_id", wanted), wanted


def _nobody(ids: Collection[Any] | None) -> bool:
    return ids is not None and not ids


def _owner(value: bytes | str | None) -> str | None:
    return None if value is None else id_from_stored(value)


def month_starts(conn: Connection, months: Collection[int]) -> dict[int, int]:
    """yyyymm -> the instant it begins in the company time zone (months outside the table
    are left out)."""
    wanted = sorted(set(months))
    if not wanted:
        return {}
    sql = f"SELECT month, starts_at FROM report_months WHERE 1{_in('month', wanted)}"
    return {month: starts_at for month, starts_at in conn.exec_driver_sql(sql, tuple(wanted))}


class ReportGroup(NamedTuple):
    owner_id: str | None
    stage: str
    tier: str | None


def report_groups(conn: Connection, owner_ids: OwnerIds) -> dict[int, ReportGroup]:
    """The report groups of these owners (every group for None), by id."""
    if _nobody(owner_ids):
        return {}
    where, params = _owners(owner_ids, "owner_id")
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
    if _nobody(group_ids):
        return {}
    where, params = _groups(group_ids)
    sql = (f"SELECT month, {_SUMS} FROM group_months"
           f" WHERE month BETWEEN ? AND ?{where} GROUP BY month")
    return {row[0]: tuple(row[1:]) for row in conn.exec_driver_sql(sql, (first, last, *params))}


def sums_by_group(
    conn: Connection, first: int, last: int, group_ids: GroupIds
) -> dict[int, tuple[int, ...]]:
    """The counters of months first..last summed per group (COUNTERS order)."""
    if _nobody(group_ids):
        return {}
    where, params = _groups(group_ids)
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

    A customer's facts are gathered over the whole period first (contacted in one month of
    a quarter and ordering in another counts as both); "ordered before" looks at the
    customer's earlier months, only for the one-order buyers it decides. Months need no
    gathering: a customer has one summary row a month.
    """
    if not ranges or _nobody(group_ids):
        return []
    where, params = _groups(group_ids)
    before = ("o = 1 AND EXISTS (SELECT 1 FROM customer_months AS e WHERE e.group_id = t.g"
              " AND e.customer_ref = t.customer_ref AND e.month < t.p AND e.orders > 0)")
    if all(first == last for first, last in ranges):
        per_customer = ("SELECT group_id AS g, customer_ref, month AS p, contacts AS c,"
                        " orders AS o FROM customer_months")
        grouped, period_params = "", []
    else:
        cases = " ".join("WHEN month BETWEEN ? AND ? THEN ?" for _ in ranges)
        per_customer = (f"SELECT group_id AS g, customer_ref, CASE {cases} END AS p,"
                        " sum(contacts) AS c, sum(orders) AS o FROM customer_months")
        grouped = " GROUP BY group_id, customer_ref, p"
        period_params = [v for first, last in ranges for v in (first, last, first)]
    group = "g" if by_group else "NULL"
    sql = (f"SELECT p, {group}, sum(c > 0), sum(o = 1 AND NOT b), sum(b), sum(o >= 2)"
           f" FROM (SELECT g, p, c, o, {before} AS b"
           f"  FROM ({per_customer} WHERE month BETWEEN ? AND ?{where}{grouped}) AS t)"
           f" GROUP BY p{', g' if by_group else ''}")
    first, last = ranges[0][0], ranges[-1][1]
    rows = conn.exec_driver_sql(sql, (*period_params, first, last, *params))
    return [PeriodTally(*row) for row in rows]


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
    if not periods or _nobody(owner_ids):
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
    sql, params = _of_live_customers(per_answer, "t.p, t.customer_id", owner_ids)
    bounds = [v for p in periods for v in (p.start, p.end, p.first_month)]
    span = (min(p.start for p in periods), max(p.end for p in periods))
    rows = conn.exec_driver_sql(
        f"SELECT p, count(DISTINCT customer_id) FROM ({sql}) GROUP BY p",
        (*bounds, *span, *params))
    return dict(rows.fetchall())


class CohortRow(NamedTuple):
    """The customers of one group active in each window asked about (in that order), and
    of those, how many were active in the next window too."""

    group_id: int
    active: tuple[int, ...]
    still_active: tuple[int, ...]  # one fewer: active in window i and in window i + 1


def activity_cohorts(
    conn: Connection, windows: Sequence[tuple[int, int]], group_ids: GroupIds
) -> list[CohortRow]:
    """Who was active in each window of months (first, last; in time order): an
    interaction or an order in it (the summary keeps a customer's months with either, and
    no others). One pass over the summary in its own order (group, customer, month) covers
    every window, with nothing to sort: NOT INDEXED keeps SQLite off any index by month,
    which would make it sort every row by customer."""
    if not windows or _nobody(group_ids):
        return []
    count = len(windows)
    flags = ", ".join(f"max(month BETWEEN ? AND ?) AS a{i}" for i in range(count))
    sums = ", ".join([f"sum(a{i})" for i in range(count)]
                     + [f"sum(a{i} AND a{i + 1})" for i in range(count - 1)])
    where, params = _groups(group_ids)
    sql = (
        f"SELECT group_id, {sums}"
        f" FROM (SELECT group_id, {flags} FROM customer_months NOT INDEXED"
        f"  WHERE month BETWEEN ? AND ?{where} GROUP BY group_id, customer_ref)"
        " GROUP BY group_id"
    )
    bounds = [v for window in windows for v in window]
    first, last = min(w[0] for w in windows), max(w[1] for w in windows)
    rows = conn.exec_driver_sql(sql, (*bounds, first, last, *params))
    return [CohortRow(row[0], tuple(row[1:1 + count]), tuple(row[1 + count:]))
            for row in rows]


def buyer_histories(
    conn: Connection, start: int, end: int, owner_ids: OwnerIds
) -> tuple[list[int], list[int], list[int]]:
    """Of each live customer who ordered in [start, end), column by column: whole days from
    their last order to `end`, their orders and their amount in minor units. A year of
    orders is a large share of them: read through, not looked up by time one by one."""
    if _nobody(owner_ids):
        return [], [], []
    per_customer = (
        f"SELECT o.customer_id AS customer_id, (? - max(o.ordered_at)) / {DAY_MS} AS since,"
        " count(*) AS n, sum(o.amount_minor) AS amount FROM orders AS o NOT INDEXED"
        " WHERE o.deleted_at IS NULL AND o.ordered_at >= ? AND o.ordered_at < ?"
        " GROUP BY o.customer_id")
    sql, params = _of_live_customers(per_customer, "t.since, t.n, t.amount", owner_ids)
    rows = conn.exec_driver_sql(sql, (end, start, end, *params)).fetchall()
    if not rows:
        return [], [], []
    since, orders, amounts = zip(*rows, strict=True)
    return list(since), list(orders), list(amounts)


def _of_live_customers(
    per_customer: str, columns: str, owner_ids: OwnerIds
) -> tuple[str, list[Any]]:
    """SQL keeping the rows of `per_customer` (one per `customer_id`, as `t`) of live
    customers of these owners, and its parameters. For every owner only the few deleted
    customers are looked up; for some, each row's customer by its id."""
    if owner_ids is None:
        return (f"SELECT {columns} FROM ({per_customer}) AS t WHERE t.customer_id NOT IN"
                " (SELECT id FROM customers WHERE deleted_at IS NOT NULL)", [])
    where, params = _owners(owner_ids)
    return (f"SELECT {columns} FROM ({per_customer}) AS t"
            " CROSS JOIN customers AS c ON c.id = t.customer_id"
            f" WHERE c.deleted_at IS NULL{where}", params)


# --- receivables ---------------------------------------------------------------------------


def balances(
    conn: Connection, ends: Sequence[tuple[date, int]], owner_ids: OwnerIds
) -> list[tuple[int, ...]]:
    """Per live customer with a live contract, for each end (the first day after a period,
    the instant it ends): what its instalments had fallen due before that day and what its
    receipts had brought in before that instant (due, received, due, received ...).

    Instalments and receipts are summed per contract in their contract index's order, then
    per customer in the contracts' customer order: nothing sorted, and the customers' own
    rows are not read on the company path."""
    if not ends or _nobody(owner_ids):
        return []
    n = len(ends)
    due = ", ".join(f"sum(CASE WHEN due_date < ? THEN amount_minor ELSE 0 END) AS d{i}"
                    for i in range(n))
    received = ", ".join(
        f"sum(CASE WHEN received_at < ? THEN amount_minor ELSE 0 END) AS r{i}" for i in range(n))
    sums = ", ".join(f"coalesce(sum(p.d{i}), 0) AS d{i}, coalesce(sum(r.r{i}), 0) AS r{i}"
                     for i in range(n))
    per_customer = (
        f"WITH p AS MATERIALIZED (SELECT contract_id, {due} FROM payment_plans"
        "  WHERE deleted_at IS NULL AND due_date < ? GROUP BY contract_id),"
        f" r AS MATERIALIZED (SELECT contract_id, {received} FROM receipts"
        "  WHERE deleted_at IS NULL AND received_at < ? GROUP BY contract_id)"
        f" SELECT k.customer_id AS customer_id, {sums}"
        " FROM contracts AS k INDEXED BY ix_contracts_customer_id"
        " LEFT JOIN p ON p.contract_id = k.id LEFT JOIN r ON r.contract_id = k.id"
        " WHERE k.deleted_at IS NULL GROUP BY k.customer_id")
    columns = ", ".join(f"t.d{i}, t.r{i}" for i in range(n))
    sql, params = _of_live_customers(per_customer, columns, owner_ids)
    days = [day.isoformat() for day, _ in ends]
    instants = [at for _, at in ends]
    bound = (*days, max(days), *instants, max(instants), *params)
    return [tuple(row) for row in conn.exec_driver_sql(sql, bound)]


# --- complaints ----------------------------------------------------------------------------


def complaint_durations(
    conn: Connection, start: int, end: int, owner_ids: OwnerIds
) -> tuple[list[int], list[int]]:
    """(opened -> first response of the complaints opened in [start, end) that have one,
    opened -> resolved of the complaints resolved in [start, end)), in milliseconds, of
    live complaints of live covered customers. Complaints are few: read through."""
    if _nobody(owner_ids):
        return [], []
    opened = ("SELECT k.customer_id AS customer_id, k.first_response_at - k.opened_at AS ms"
              " FROM complaints AS k WHERE k.deleted_at IS NULL AND k.opened_at >= ?"
              " AND k.opened_at < ? AND k.first_response_at IS NOT NULL")
    resolved = ("SELECT k.customer_id AS customer_id, k.resolved_at - k.opened_at AS ms"
                " FROM complaints AS k NOT INDEXED WHERE k.deleted_at IS NULL"
                " AND k.resolved_at >= ? AND k.resolved_at < ?")
    found = []
    for per_complaint in (opened, resolved):
        sql, params = _of_live_customers(per_complaint, "t.ms", owner_ids)
        found.append([row[0] for row in conn.exec_driver_sql(sql, (start, end, *params))])
    return found[0], found[1]


# --- the lists -----------------------------------------------------------------------------


class ListedCustomer(NamedTuple):
    """A customer on a report list, as stored (phones newline-joined)."""

    customer_id: str
    name: str
    phones: str
    owner_id: str | None


class ChurnRow(NamedTuple):
    customer: ListedCustomer
    reason: str  # "complained_no_purchase" or "high_value_no_contact"
    since: int  # the complaint, or the last contact (the customer's creation if none)


COMPLAINED_WITHIN_DAYS = 90
PURCHASE_WITHIN_DAYS = 30
CONTACT_WITHIN_DAYS = 90
HIGH_VALUE = "high_value"


def churn_risks(
    conn: Connection, end: int, owner_ids: OwnerIds, *, limit: int
) -> tuple[int, list[ChurnRow]]:
    """The customers at risk at `end`, and the first `limit` of them: those who complained
    in the 90 days before and ordered nothing in the 30 days after (newest complaint
    first), then high-value customers with no contact in the 90 days before (longest
    silence first). A customer who is both is listed once, for the complaint.

    Each part finds (moment, customer) pairs first; names and phones are read for the
    listed customers only."""
    if _nobody(owner_ids):
        return 0, []
    complained = _complained_without_purchase(conn, end, owner_ids)
    taken = {customer for _, customer in complained}
    silent, quiet = _high_value_without_contact(conn, end, owner_ids, taken,
                                                room=limit - len(complained))
    chosen = ([(at, customer, "complained_no_purchase") for at, customer in complained]
              + [(at, customer, "high_value_no_contact") for at, customer in quiet])[:limit]
    found = _customers_by_id(conn, [customer for _, customer, _ in chosen])
    return len(complained) + silent, [
        ChurnRow(found[customer], reason, at) for at, customer, reason in chosen]


_CUSTOMER = "c.id, c.name, c.phones, c.owner_id"


def _listed(row: Sequence[Any]) -> ListedCustomer:
    return ListedCustomer(id_from_stored(row[0]), row[1], row[2] or "", _owner(row[3]))


def _customers_by_id(conn: Connection, stored_ids: Sequence[bytes]) -> dict[bytes, ListedCustomer]:
    if not stored_ids:
        return {}
    sql = f"SELECT {_CUSTOMER} FROM customers AS c WHERE 1{_in('c.id', stored_ids)}"
    return {row[0]: _listed(row) for row in conn.exec_driver_sql(sql, tuple(stored_ids))}


def _complained_without_purchase(
    conn: Connection, end: int, owner_ids: OwnerIds
) -> list[tuple[int, bytes]]:
    """(latest such complaint, customer as stored) of each live covered customer, newest
    first."""
    window = PURCHASE_WITHIN_DAYS * DAY_MS
    per_customer = (
        "SELECT k.customer_id AS customer_id, max(k.opened_at) AS since FROM complaints AS k"
        " WHERE k.deleted_at IS NULL AND k.opened_at >= ? AND k.opened_at <= ?"
        " AND NOT EXISTS (SELECT 1 FROM orders AS o WHERE o.customer_id = k.customer_id"
        "  AND o.deleted_at IS NULL AND o.ordered_at >= k.opened_at"
        f"  AND o.ordered_at < k.opened_at + {window})"
        " GROUP BY k.customer_id")
    sql, params = _of_live_customers(per_customer, "t.since, t.customer_id", owner_ids)
    # the 30 days after the complaint must have passed by the end
    bound = (end - COMPLAINED_WITHIN_DAYS * DAY_MS, end - window, *params)
    rows = conn.exec_driver_sql(sql, bound).fetchall()
    return sorted(((at, customer) for at, customer in rows), key=lambda r: (-r[0], r[1]))


def _high_value_without_contact(
    conn: Connection, end: int, owner_ids: OwnerIds, taken: Collection[bytes], room: int
) -> tuple[int, list[tuple[int, bytes]]]:
    """How many live covered high-value customers had no contact in the 90 days before
    `end` (those `taken` aside), and the `room` silent longest: (last contact, or creation
    when never contacted; customer as stored). The last contacts are looked up only when
    the list has room for some of them (a large scope's list is full of complaints)."""
    where, params = _owners(owner_ids)
    silent = (f" FROM customers AS c {_by_tier(conn)}"
              f" WHERE c.deleted_at IS NULL AND c.tier = ? AND c.created_at < ?{where}"
              " AND NOT EXISTS (SELECT 1 FROM interactions AS i WHERE i.customer_id = c.id"
              "  AND i.deleted_at IS NULL AND i.started_at >= ? AND i.started_at < ?)")
    bound = (HIGH_VALUE, end, *params, end - CONTACT_WITHIN_DAYS * DAY_MS, end)
    found = [row[0] for row in conn.exec_driver_sql(f"SELECT c.id{silent}", bound)
             if row[0] not in taken]
    if room <= 0 or not found:
        return len(found), []
    last_contact = ("(SELECT max(i.started_at) FROM interactions AS i WHERE i.customer_id = c.id"
                    " AND i.deleted_at IS NULL AND i.started_at < ?)")
    rows = conn.exec_driver_sql(
        f"SELECT coalesce({last_contact}, c.created_at) AS since, c.id{silent}"
        " ORDER BY since, c.id", (end, *bound))
    listed = [(at, customer) for at, customer in rows if customer not in taken][:room]
    return len(found), listed


def _by_tier(conn: Connection) -> str:
    """How to read customers by tier: through an index that leads with the tier when the
    vault has one, else the table itself (NOT INDEXED: a walk of another index would fetch
    each row out of order, several times slower than reading them all in order)."""
    for _, name, *_ in conn.exec_driver_sql("PRAGMA index_list(customers)"):
        columns = conn.exec_driver_sql(f"PRAGMA index_info({name})").fetchall()
        if columns and columns[0][2] == "tier":
            return f"INDEXED BY {name}"
    return "NOT INDEXED"


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
    if _nobody(owner_ids):
        return 0, []
    per_answer = (
        "SELECT r.customer_id AS customer_id, r.nps AS nps, r.csat AS csat,"
        " r.comment AS comment, r.responded_at AS responded_at, r.id AS id"
        " FROM satisfaction_responses AS r WHERE r.deleted_at IS NULL"
        " AND r.responded_at >= ? AND r.responded_at < ? AND (r.nps <= 6 OR r.csat <= 2)")
    sql, params = _of_live_customers(
        per_answer, "t.customer_id, t.nps, t.csat, t.comment, t.responded_at, t.id", owner_ids)
    rows = sorted(conn.exec_driver_sql(sql, (start, end, *params)),
                  key=lambda row: (-row[4], row[5]))
    found = _customers_by_id(conn, [row[0] for row in rows[:limit]])
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
    "COMPLAINED_WITHIN_DAYS", "CONTACT_WITHIN_DAYS", "DAY_MS", "HIGH_VALUE",
    "PURCHASE_WITHIN_DAYS", "ChurnRow", "CohortRow", "DetractorRow", "GroupIds",
    "ListedCustomer", "OwnerIds", "PeriodSpan", "PeriodTally", "ReportGroup",
    "activity_cohorts", "answered_and_contacted", "balances", "buyer_histories",
    "churn_risks", "complaint_durations", "customer_tallies", "detractors", "month_starts",
    "report_groups", "sums_by_group", "sums_by_month", "user_names",
]
