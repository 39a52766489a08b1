"""The SQL that keeps month_tallies right: of a report group's customers in a month, how
many were contacted, ordered once, ordered twice or more, and ordered once for the first
time, so that a month's contacted customers and repurchase counts are a few hundred sums
instead of a pass over every customer's months (report_queries.customer_tallies reads it).

Each count but the last is one of the customer's own customer_months rows. "First time"
is the customer's earliest month with an order in the group, when it holds one order: a
row that gains or loses orders may move that month, so the triggers take the customer's
first-order month away as it was before the write and add it as it is after. A trigger
runs after its write, so "before" is the customer's rows with the written row as it was.
"""

from __future__ import annotations

from desktop_crm.storage.activity_gaps_sql import customer_months_trigger as _trigger

TALLY_TRIGGERS = ("customer_months_tallies_insert", "customer_months_tallies_delete",
                  "customer_months_tallies_update", "customer_months_first_order_insert",
                  "customer_months_first_order_delete", "customer_months_first_order_update")
_COUNTS = ("contacted", "once", "twice", "first_once")


def _own(r: str) -> tuple[str, str, str]:
    """SQL: row `r`'s own contributions (contacted, once, twice)."""
    return f"{r}.contacts > 0", f"{r}.orders = 1", f"{r}.orders >= 2"


def _upsert(values: str, where: str = " WHERE true") -> str:
    # a WHERE keeps "ON CONFLICT" from reading as a join's ON
    updates = ", ".join(f"{name} = {name} + excluded.{name}" for name in _COUNTS)
    return (f"INSERT INTO month_tallies (group_id, month, {', '.join(_COUNTS)}) {values}"
            f"{where} ON CONFLICT (group_id, month) DO UPDATE SET {updates}")


def _add_own(r: str, sign: int) -> str:
    contacted, once, twice = _own(r)
    return _upsert(f"SELECT {r}.group_id, {r}.month, {sign} * ({contacted}),"
                   f" {sign} * ({once}), {sign} * ({twice}), 0")


def _rows(r: str, unless: str = "") -> str:
    """SQL: (month, orders) of the customer of row `r` in its group, `unless` excluded."""
    skip = f" AND NOT ({unless})" if unless else ""
    return (f"SELECT month, orders FROM customer_months WHERE group_id = {r}.group_id"
            f" AND customer_ref = {r}.customer_ref{skip}")


def _add_first(r: str, rows: str, sign: int) -> str:
    """Add `sign` at the first month with orders among `rows` when it holds one order."""
    first = f"SELECT month, orders FROM ({rows}) WHERE orders > 0 ORDER BY month LIMIT 1"
    return _upsert(f"SELECT {r}.group_id, f.month, 0, 0, 0, {sign} FROM ({first}) AS f",
                   " WHERE f.orders = 1")


def _first_moved(r: str, before: str, after: str) -> list[str]:
    return [_add_first(r, before, -1), _add_first(r, after, 1)]


def _as_was(r: str) -> str:
    return f" UNION ALL SELECT {r}.month, {r}.orders"


def _drop_empty(group: str, months: str = "") -> str:
    empty = " AND ".join(f"{name} = 0" for name in _COUNTS)
    only = f" AND month IN ({months})" if months else ""
    return f"DELETE FROM month_tallies WHERE group_id = {group}{only} AND {empty}"


def tally_triggers() -> dict[str, str]:
    """Trigger name -> CREATE TRIGGER statement: a row's own counts on every write, the
    first-order month only when orders came, went or moved (a logged call only changes
    contacts). An UPDATE is taken as the old row leaving (its customer's rows without the
    new one, if that is the same customer) and then the new row arriving."""
    insert, delete, update, first_insert, first_delete, first_update = TALLY_TRIGGERS
    same = ("old.group_id = new.group_id AND old.customer_ref = new.customer_ref"
            " AND month = new.month")
    without_new = _rows("new", "month = new.month")
    old_side = _rows("old", same)
    moved = " OR ".join(f"old.{column} IS NOT new.{column}"
                        for column in ("group_id", "customer_ref", "month"))
    return {
        insert: _trigger(insert, "INSERT", [
            _add_own("new", 1), _drop_empty("new.group_id", "new.month")]),
        delete: _trigger(delete, "DELETE", [
            _add_own("old", -1), _drop_empty("old.group_id", "old.month")]),
        update: _trigger(update, "UPDATE", [
            _add_own("old", -1), _add_own("new", 1),
            _drop_empty("old.group_id", "old.month"),
            _drop_empty("new.group_id", "new.month")]),
        first_insert: _trigger(first_insert, "INSERT", [
            *_first_moved("new", without_new, _rows("new")), _drop_empty("new.group_id")],
            "new.orders > 0"),
        first_delete: _trigger(first_delete, "DELETE", [
            *_first_moved("old", _rows("old") + _as_was("old"), _rows("old")),
            _drop_empty("old.group_id")], "old.orders > 0"),
        first_update: _trigger(first_update, "UPDATE", [
            *_first_moved("old", old_side + _as_was("old"), old_side),
            *_first_moved("new", without_new, _rows("new")),
            _drop_empty("old.group_id"), _drop_empty("new.group_id")],
            f"old.orders IS NOT new.orders OR {moved}"),
    }


def refill_statements() -> list[str]:
    """SQL: month_tallies recounted from customer_months (each customer's first-order month
    by a window over the primary key: no sort by customer)."""
    first = ("min(CASE WHEN orders > 0 THEN month END)"
             " OVER (PARTITION BY group_id, customer_ref)")
    return [
        "DELETE FROM month_tallies",
        f"INSERT INTO month_tallies (group_id, month, {', '.join(_COUNTS)})"
        " SELECT group_id, month, sum(contacts > 0), sum(orders = 1), sum(orders >= 2),"
        f" sum(orders = 1 AND month = first) FROM (SELECT *, {first} AS first"
        " FROM customer_months) WHERE true GROUP BY group_id, month",
    ]
