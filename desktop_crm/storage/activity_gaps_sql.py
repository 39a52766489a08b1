"""The SQL that keeps activity_gaps right: how many customers of a report group were active
in a month after how long a pause, so that "active in these months" is counted from a few
hundred sums instead of a pass over every customer's months (report_activity.py reads it).

A customer's active months are its customer_months rows (an interaction or an order in the
month). Each row's gap is the number of months since the customer's previous active month
in the same group, GAP_CAP for a first one (or one after GAP_CAP months or more). A
customer was active in months a..b exactly when it has a row there whose gap reaches back
before a: its first row of the window, counted once. Triggers on customer_months keep the
counts as rows come, go and move between groups; a row that arrives or leaves between two
others changes its successor's gap too.
"""

from __future__ import annotations

GAP_CAP = 48  # windows up to 47 months long are counted exactly (active_months <= 36)
GAP_TRIGGERS = ("customer_months_gaps_insert", "customer_months_gaps_delete",
                "customer_months_gaps_move")


def month_index(month: str) -> str:
    """SQL: months since year 0 of a yyyymm number, so that differences are month counts."""
    return f"(({month}) / 100 * 12 + ({month}) % 100)"


def gap(later: str, earlier: str) -> str:
    """SQL: the gap of an active month `later` after the active month `earlier` (NULL for
    none), capped."""
    return (f"min({GAP_CAP}, coalesce({month_index(later)} - {month_index(earlier)},"
            f" {GAP_CAP}))")


def _neighbour(r: str, pick: str, compare: str) -> str:
    return (f"(SELECT {pick}(month) FROM customer_months WHERE group_id = {r}.group_id"
            f" AND customer_ref = {r}.customer_ref AND month {compare} {r}.month)")


def _add(group: str, month: str, gap_sql: str, delta: int) -> str:
    return ("INSERT INTO activity_gaps (group_id, month, gap, customers)"
            f" SELECT {group}, m, g, {delta} FROM (SELECT {month} AS m, {gap_sql} AS g)"
            " WHERE m IS NOT NULL"
            " ON CONFLICT (group_id, month, gap) DO UPDATE SET"
            " customers = customers + excluded.customers")


def _linked(r: str, sign: int) -> list[str]:
    """The counts changed by row `r` arriving (sign 1, the row already there) or leaving
    (sign -1, the row already gone): its own gap, and its successor's gap now measured to
    it instead of to its predecessor (or back)."""
    before, after = _neighbour(r, "max", "<"), _neighbour(r, "min", ">")
    return [
        _add(f"{r}.group_id", f"{r}.month", gap(f"{r}.month", before), sign),
        _add(f"{r}.group_id", after, gap(after, before), -sign),
        _add(f"{r}.group_id", after, gap(after, f"{r}.month"), sign),
        f"DELETE FROM activity_gaps WHERE group_id = {r}.group_id AND customers = 0"
        f" AND month IN ({r}.month, coalesce({after}, {r}.month))",
    ]


def customer_months_trigger(name: str, event: str, statements: list[str],
                            when: str = "") -> str:
    """SQL: an AFTER `event` trigger on customer_months running `statements`."""
    body = "".join(f"\n    {statement};" for statement in statements)
    condition = f" WHEN {when}" if when else ""
    return f"CREATE TRIGGER {name} AFTER {event} ON customer_months{condition} BEGIN{body}\nEND"


def gap_triggers() -> dict[str, str]:
    """Trigger name -> CREATE TRIGGER statement."""
    insert, delete, move = GAP_TRIGGERS
    key = ("group_id", "customer_ref", "month")
    moved = " OR ".join(f"old.{column} IS NOT new.{column}" for column in key)
    return {
        insert: customer_months_trigger(insert, "INSERT", _linked("new", 1)),
        delete: customer_months_trigger(delete, "DELETE", _linked("old", -1)),
        move: customer_months_trigger(move, f"UPDATE OF {', '.join(key)}",
                       _linked("old", -1) + _linked("new", 1), moved),
    }


def refill_statements() -> list[str]:
    """SQL: activity_gaps recounted from customer_months, in its own order (no sort by
    customer: the window runs over the primary key)."""
    previous = "lag(month) OVER (PARTITION BY group_id, customer_ref ORDER BY month)"
    return [
        "DELETE FROM activity_gaps",
        "INSERT INTO activity_gaps (group_id, month, gap, customers)"
        f" SELECT group_id, month, g, count(*) FROM (SELECT group_id, month,"
        f" {gap('month', previous)} AS g FROM customer_months)"
        " WHERE true GROUP BY group_id, month, g",
    ]
