"""The churn-risk list: customers who complained and bought nothing soon after, and
high-value customers nobody has contacted for a long while.

The complaints are few and read by time. High-value customers are many (a tenth of the
base), so how many went silent is counted from the report summary: the high-value groups'
customers created before the end (group_months.is_new), less those with a contact in the
window (customer_months) and created before the end, where the customers whose one
contact fell in the window's first, partly covered month are found among that part's calls
read by time. The silent customers themselves are read only when the list has room for
them (a large scope's list is full of complaints).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from sqlalchemy import Connection

from desktop_crm.storage.report_filters import (
    GroupIds,
    OwnerIds,
    covers_nobody,
    group_filter,
    owner_filter,
)
from desktop_crm.storage.report_queries import (
    DAY_MS,
    ListedCustomer,
    customers_by_id,
    live_customers_only,
)

COMPLAINED_WITHIN_DAYS = 90
PURCHASE_WITHIN_DAYS = 30
CONTACT_WITHIN_DAYS = 90
HIGH_VALUE = "high_value"
# the live high-value customers' own index (id, created_at); its condition written as a
# literal, since only then may SQLite use a partial index
_HIGH_VALUE_INDEX = "ix_customers_high_value"
_IS_HIGH_VALUE = f"{{c}}.tier = '{HIGH_VALUE}' AND {{c}}.deleted_at IS NULL"


class ChurnRow(NamedTuple):
    customer: ListedCustomer
    reason: str  # "complained_no_purchase" or "high_value_no_contact"
    since: int  # the complaint, or the last contact (the customer's creation if none)


class _Complained(NamedTuple):
    since: int  # the latest such complaint
    customer: bytes  # as stored
    silent_high_value: bool  # also a high-value customer without contact


def churn_risks(
    conn: Connection, end: int, owner_ids: OwnerIds, group_ids: GroupIds, *, limit: int
) -> tuple[int, list[ChurnRow]]:
    """The customers at risk at `end` (a month's start), and the first `limit` of them:
    those who complained in the 90 days before and ordered nothing in the 30 days after
    (newest complaint first), then high-value customers with no contact in the 90 days
    before (longest silence first). A customer who is both is counted and listed once, for
    the complaint. `group_ids` are the report groups of `owner_ids`.

    Each part finds (moment, customer) pairs first; names and phones are read for the
    listed customers only."""
    if covers_nobody(owner_ids) or covers_nobody(group_ids):
        return 0, []
    complained = _complained_without_purchase(conn, end, owner_ids)
    silent = _silent_high_value_count(conn, end, owner_ids, group_ids)
    total = len(complained) + silent - sum(c.silent_high_value for c in complained)
    room = limit - len(complained)
    quiet = _silent_high_value(conn, end, owner_ids, {c.customer for c in complained},
                               room) if room > 0 and silent else []
    chosen = ([(c.since, c.customer, "complained_no_purchase") for c in complained]
              + [(at, customer, "high_value_no_contact") for at, customer in quiet])[:limit]
    found = customers_by_id(conn, [customer for _, customer, _ in chosen])
    return total, [ChurnRow(found[customer], reason, at) for at, customer, reason in chosen]


def _no_contact(customer: str) -> str:
    """SQL: no live interaction of `customer` in [?, ?)."""
    return (f"NOT EXISTS (SELECT 1 FROM interactions AS i WHERE i.customer_id = {customer}"
            " AND i.deleted_at IS NULL AND i.started_at >= ? AND i.started_at < ?)")


def _complained_without_purchase(
    conn: Connection, end: int, owner_ids: OwnerIds
) -> list[_Complained]:
    """Each live covered customer's latest such complaint, newest first, and whether the
    customer is also a silent high-value one."""
    window = PURCHASE_WITHIN_DAYS * DAY_MS
    per_customer = (
        "SELECT k.customer_id AS customer_id, max(k.opened_at) AS since FROM complaints AS k"
        " WHERE k.deleted_at IS NULL AND k.opened_at >= ? AND k.opened_at <= ?"
        " AND NOT EXISTS (SELECT 1 FROM orders AS o WHERE o.customer_id = k.customer_id"
        "  AND o.deleted_at IS NULL AND o.ordered_at >= k.opened_at"
        f"  AND o.ordered_at < k.opened_at + {window})"
        " GROUP BY k.customer_id")
    high_value = (f"EXISTS (SELECT 1 FROM customers AS h INDEXED BY {_HIGH_VALUE_INDEX}"
                  f" WHERE h.id = t.customer_id AND {_IS_HIGH_VALUE.format(c='h')}"
                  f" AND h.created_at < ?) AND {_no_contact('t.customer_id')}")
    sql, params = live_customers_only(
        per_customer, f"t.since, t.customer_id, {high_value}", owner_ids)
    silence = (end - CONTACT_WITHIN_DAYS * DAY_MS, end)
    # the 30 days after the complaint must have passed by the end
    bound = (end, *silence, end - COMPLAINED_WITHIN_DAYS * DAY_MS, end - window, *params)
    rows = [_Complained(at, customer, bool(flag))
            for at, customer, flag in conn.exec_driver_sql(sql, bound)]
    return sorted(rows, key=lambda c: (-c.since, c.customer))


def _silent_high_value_count(
    conn: Connection, end: int, owner_ids: OwnerIds, group_ids: GroupIds
) -> int:
    """How many live high-value customers of these owners (and their groups), created
    before `end`, had no live interaction in the 90 days before it: those created before
    it, less those contacted in the window, where the contacted who were created later (a
    customer entered with its history) are found by creation through their own index."""
    where, params = group_filter(group_ids, "id")
    groups = [row[0] for row in conn.exec_driver_sql(
        f"SELECT id FROM report_groups WHERE tier = ?{where}", (HIGH_VALUE, *params))]
    if not groups:
        return 0
    start = end - CONTACT_WITHIN_DAYS * DAY_MS
    first = conn.exec_driver_sql(
        "SELECT month, starts_at, (SELECT min(starts_at) FROM report_months"
        "  WHERE starts_at > r.starts_at) FROM report_months AS r WHERE starts_at <= ?"
        " ORDER BY starts_at DESC LIMIT 1", (start,)).first()
    last = conn.exec_driver_sql(
        "SELECT max(month) FROM report_months WHERE starts_at < ?", (end,)).scalar()
    if first is None or last is None:
        return 0
    first_month, first_starts, second_starts = first
    in_groups, group_params = group_filter(groups)
    created = conn.exec_driver_sql(
        f"SELECT coalesce(sum(is_new), 0) FROM group_months WHERE month <= ?{in_groups}",
        (last, *group_params)).scalar_one()
    # A contact in a month wholly inside the window counts; one in its first month only
    # when it was on or after the window's start: those customers are found among that
    # part's calls, read by time (looking each customer's calls up would read far more).
    whole = 1 if first_starts == start else 0
    called_in_part = (
        "SELECT h.rowid FROM interactions AS i INDEXED BY ix_interactions_started"
        f" CROSS JOIN customers AS h INDEXED BY {_HIGH_VALUE_INDEX} ON h.id = i.customer_id"
        f" AND {_IS_HIGH_VALUE.format(c='h')}"
        " WHERE i.deleted_at IS NULL AND i.started_at >= ? AND i.started_at < ?")
    contacted = conn.exec_driver_sql(
        "SELECT count(*) FROM (SELECT customer_ref, max(month) AS latest FROM customer_months"
        f" WHERE month BETWEEN ? AND ? AND contacts > 0{in_groups}"
        " GROUP BY group_id, customer_ref) AS t"
        f" WHERE t.latest > ? OR ? OR t.customer_ref IN ({called_in_part})",
        (first_month, last, *group_params, first_month, whole, start,
         min(end, second_starts or end))).scalar_one()
    owners, owner_params = owner_filter(owner_ids)
    created_later = conn.exec_driver_sql(
        f"SELECT count(*) FROM customers AS c INDEXED BY {_HIGH_VALUE_INDEX}"
        f" WHERE {_IS_HIGH_VALUE.format(c='c')} AND c.created_at >= ?"
        f"{owners} AND NOT {_no_contact('c.id')}",
        (end, *owner_params, start, end)).scalar_one()
    return int(created) - (int(contacted) - int(created_later))


def _silent_high_value(
    conn: Connection, end: int, owner_ids: OwnerIds, taken: Collection[bytes], room: int
) -> list[tuple[int, bytes]]:
    """The `room` live covered high-value customers silent longest in the 90 days before
    `end` (those `taken` aside): (last contact, or creation when never contacted; customer
    as stored). The whole table is read in order for every owner (a walk of an index would
    fetch each row out of order, several times slower)."""
    where, params = owner_filter(owner_ids)
    last_contact = ("(SELECT max(i.started_at) FROM interactions AS i WHERE i.customer_id = c.id"
                    " AND i.deleted_at IS NULL AND i.started_at < ?)")
    rows = conn.exec_driver_sql(
        f"SELECT coalesce({last_contact}, c.created_at) AS since, c.id"
        f" FROM customers AS c{' NOT INDEXED' if owner_ids is None else ''}"
        f" WHERE {_IS_HIGH_VALUE.format(c='c')} AND c.created_at < ?{where}"
        f" AND {_no_contact('c.id')} ORDER BY since, c.id",
        (end, end, *params, end - CONTACT_WITHIN_DAYS * DAY_MS, end))
    return [(at, customer) for at, customer in rows if customer not in taken][:room]


__all__ = ["COMPLAINED_WITHIN_DAYS", "CONTACT_WITHIN_DAYS", "HIGH_VALUE",
           "PURCHASE_WITHIN_DAYS", "ChurnRow", "churn_risks"]
