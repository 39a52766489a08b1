"""Who was active when: the report's active customers, retention and loyalty counts per
report group, for windows of months (first, last; yyyymm).

"Active in a window" is an interaction or an order in one of its months: a customer_months
row. Counted from activity_gaps (activity_gaps_sql.py explains it): a customer active in
months a..b has exactly one row there whose gap reaches back before a, so a window's count
is a sum over a few thousand (group, month, gap) rows. "Active in two windows" is
|A| + |B| - |A or B|, where "A or B" is one window when the two overlap or touch, as the
report's sliding windows do. Windows that leave a hole between them (a quarter with an
activity policy of one or two months) are counted by a pass over customer_months instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

from sqlalchemy import Connection

from desktop_crm.storage.activity_gaps_sql import GAP_CAP, month_index
from desktop_crm.storage.report_filters import GroupIds, covers_nobody, group_filter

Window = tuple[int, int]  # first and last month


class CohortRow(NamedTuple):
    """The customers of one group active in each window asked about (in that order), and
    of those, how many were active in the next window too."""

    group_id: int
    active: tuple[int, ...]
    still_active: tuple[int, ...]  # one fewer: active in window i and in window i + 1


def activity_cohorts(
    conn: Connection, windows: Sequence[Window], group_ids: GroupIds
) -> list[CohortRow]:
    """The cohorts of each group with a customer active in any of the windows (in time
    order)."""
    if not windows or covers_nobody(group_ids):
        return []
    if not _countable_from_gaps(windows):
        return _scanned(conn, windows, group_ids)
    active = [_active(conn, window, group_ids) for window in windows]
    either = [_active(conn, (first[0], second[1]), group_ids)
              for first, second in pairwise(windows)]
    groups = sorted(set().union(*active))
    return [CohortRow(
        group,
        tuple(counts.get(group, 0) for counts in active),
        tuple(active[i].get(group, 0) + active[i + 1].get(group, 0) - either[i].get(group, 0)
              for i in range(len(either))),
    ) for group in groups]


def _countable_from_gaps(windows: Sequence[Window]) -> bool:
    """Whether each window and each pair of neighbours' span is one run of months short
    enough for the capped gaps."""
    def length(first: int, last: int) -> int:
        return _index(last) - _index(first) + 1

    pairs = pairwise(windows)
    return (all(length(*w) < GAP_CAP for w in windows)
            and all(a[0] <= b[0] and _index(b[0]) <= _index(a[1]) + 1 and a[1] <= b[1]
                    and length(a[0], b[1]) < GAP_CAP for a, b in pairs))


def _index(month: int) -> int:
    """month_index in Python."""
    return month // 100 * 12 + month % 100


def _active(conn: Connection, window: Window, group_ids: GroupIds) -> dict[int, int]:
    """Group -> its customers active in the window: each counted by its first active month
    there, the one whose gap reaches back before the window."""
    where, params = group_filter(group_ids)
    sql = (f"SELECT group_id, sum(customers) FROM activity_gaps"
           f" WHERE month BETWEEN ? AND ?{where}"
           f" AND gap > {month_index('month')} - ? GROUP BY group_id")
    first, last = window
    return dict(conn.exec_driver_sql(sql, (first, last, *params, _index(first))).fetchall())


def _scanned(conn: Connection, windows: Sequence[Window], group_ids: GroupIds) -> list[CohortRow]:
    """The cohorts from one pass over customer_months in its own order (group, customer,
    month), with nothing to sort: NOT INDEXED keeps SQLite off any index by month, which
    would make it sort every row by customer."""
    count = len(windows)
    flags = ", ".join(f"max(month BETWEEN ? AND ?) AS a{i}" for i in range(count))
    sums = ", ".join([f"sum(a{i})" for i in range(count)]
                     + [f"sum(a{i} AND a{i + 1})" for i in range(count - 1)])
    where, params = group_filter(group_ids)
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
            for row in rows if any(row[1:1 + count])]


__all__ = ["CohortRow", "Window", "activity_cohorts"]
