"""The report summary's raw reads on the demo vault: each company-wide one well under 1 s.

Four queries a monthly report is built from, as plain SQL on a keyed raw connection:
customers active at the end of a month by owner, stage and tier (company-wide and for one
salesperson), one month's sums by owner, and twelve months' sums by month. Each is timed
a few times (the best and the worst are printed); the lower bound beside it is one bare
pass over the table it reads. The size of the summary tables is printed on its own line.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import sqlcipher3

from benchmarks.context import Bench, run_standalone
from benchmarks.measure import Result, mib, ms, timed
from benchmarks.settings import TODAY
from desktop_crm.storage.report_summary import COUNTERS
from desktop_crm.storage.types import uuid_to_bytes

ROUNDS = 5
GOAL_S = 1.0
ACTIVE_MONTHS = 12  # the active_months policy's default
OWNER = "sales_east1"


def _month_before(yyyymm: int, months: int) -> int:
    index = (yyyymm // 100) * 12 + yyyymm % 100 - 1 - months
    return (index // 12) * 100 + index % 12 + 1


# the last whole month before the demo's "today"
MONTH = _month_before(TODAY.year * 100 + TODAY.month, 1)
FIRST_ACTIVE = _month_before(MONTH, ACTIVE_MONTHS - 1)

_SUMS = ", ".join(f"sum(m.{name})" for name in COUNTERS)
ACTIVE_BY_GROUP = (
    "SELECT g.owner_id, g.lifecycle_stage, g.tier, a.customers"
    " FROM (SELECT group_id, count(*) AS customers FROM (SELECT DISTINCT group_id,"
    "  customer_ref FROM customer_months WHERE month BETWEEN ? AND ?{owner})"
    "  GROUP BY group_id) AS a JOIN report_groups AS g ON g.id = a.group_id"
)
OWNERS_GROUPS = " AND group_id IN (SELECT id FROM report_groups WHERE owner_id = ?)"
MONTH_BY_OWNER = (
    f"SELECT g.owner_id, {_SUMS} FROM group_months AS m"
    " JOIN report_groups AS g ON g.id = m.group_id WHERE m.month = ? GROUP BY g.owner_id"
)
YEAR_BY_MONTH = (
    f"SELECT m.month, {_SUMS} FROM group_months AS m WHERE m.month BETWEEN ? AND ?"
    " GROUP BY m.month"
)
CUSTOMER_MONTHS_PASS = "SELECT count(*), sum(contacts) FROM customer_months"
GROUP_MONTHS_PASS = "SELECT count(*), sum(contacts) FROM group_months"


def run(bench: Bench) -> list[Result]:
    conn = bench.raw
    owner = _user_id(conn, OWNER)
    queries: list[tuple[str, str, Callable[[], Any], str]] = [
        ("customers active at a month's end by owner, stage, tier", "company",
         _query(conn, ACTIVE_BY_GROUP.format(owner=""), FIRST_ACTIVE, MONTH),
         CUSTOMER_MONTHS_PASS),
        ("customers active at a month's end by owner, stage, tier", OWNER,
         _query(conn, ACTIVE_BY_GROUP.format(owner=OWNERS_GROUPS), FIRST_ACTIVE, MONTH,
                owner), CUSTOMER_MONTHS_PASS),
        ("one month's sums by owner", "company", _query(conn, MONTH_BY_OWNER, MONTH),
         GROUP_MONTHS_PASS),
        ("12 months' sums by month", "company",
         _query(conn, YEAR_BY_MONTH, _month_before(MONTH, 11), MONTH), GROUP_MONTHS_PASS),
    ]
    results = []
    for figure, user, query, bare in queries:
        query()  # warm the cache, as a report that follows another one finds it
        samples = [timed(query) for _ in range(ROUNDS)]
        floor = min(timed(lambda b=bare: conn.execute(b).fetchall()) for _ in range(ROUNDS))
        results.append(Result(
            figure=f"summary: {figure}", user=user,
            measured=f"{ms(min(samples))} .. {ms(max(samples))}",
            lower_bound=f"{ms(floor)} (one pass over the table)",
            goal=f"<= {GOAL_S:.0f} s", passed=max(samples) <= GOAL_S))
    results.append(_sizes(conn))
    return results


def _query(conn: sqlcipher3.Connection, sql: str, *params: Any) -> Callable[[], Any]:
    return lambda: conn.execute(sql, params).fetchall()


def _user_id(conn: sqlcipher3.Connection, username: str) -> bytes:
    row = conn.execute("SELECT id FROM users WHERE username = ?", (username,)).fetchone()
    if row is None:
        raise LookupError(f"no demo user {username}")
    return bytes(row[0]) if not isinstance(row[0], str) else uuid_to_bytes(row[0])


def _sizes(conn: sqlcipher3.Connection) -> Result:
    """The summary's rows (its pages are not countable here: no dbstat in SQLCipher)."""
    counts = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
              for table in ("customer_months", "group_months", "report_groups")}
    text = ", ".join(f"{table} {count:,}" for table, count in counts.items())
    page = int(conn.execute("PRAGMA page_size").fetchone()[0])
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    return Result("summary: rows", "-", text, f"database {mib(page * pages)}", "-", True)


if __name__ == "__main__":
    sys.exit(run_standalone(run))
