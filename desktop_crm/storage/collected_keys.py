"""Lists under a filter few customers pass: every passing customer's list key, read once.

A row filter is tested on each row the list walk reads, and the walk reads rows in list
order, each from a different page of the table (~12 µs a row at a million customers). A
value one customer in ten holds costs ~2,000 row reads a page; one in three thousand costs
a walk over the whole list for each page (seconds). So before walking, the list probes an
evenly spread sample of rows to estimate how many customers pass; when few do, it reads the
list keys of all of them in one pass over the table in storage order (~0.9 s at a million,
sequential pages) and serves pages, jumps and the count from those keys, sorted in list
order, until the database changes.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from desktop_crm.storage.types import id_tag, to_millis

# Estimated below SELECTIVE_MAX passing customers, a filter is collected rather than
# walked; at most COLLECT_MAX are collected (~210 bytes of keys each: 8 MiB at most), and a
# connection keeps LISTS_KEPT collected lists.
SELECTIVE_MAX = 20_000
COLLECT_MAX = 40_000
LISTS_KEPT = 2
ESTIMATE_PROBES = 4096

ListKey = tuple[Any, ...]  # a row's place in list order, compared in Python as in SQLite


def probed(
    conn: Connection, select: str, tests: str, params: Sequence[Any], probes: int
) -> list[Any]:
    """`select` (columns of `customers`) for the live rows passing `tests` among `probes`
    rowids spread evenly over the table: each a primary-key probe (~15 µs)."""
    top = conn.exec_driver_sql("SELECT max(rowid) FROM customers").scalar() or 0
    step = max(1, math.ceil(top / probes))
    sql = (
        "WITH RECURSIVE probe(at) AS (SELECT ? UNION ALL SELECT at + ? FROM probe"
        " WHERE at + ? <= ?)"
        f" SELECT {select} FROM probe JOIN customers ON customers.rowid = probe.at"
        f" WHERE deleted_at IS NULL{tests}"
    )
    start = (step + 1) // 2  # the middle of each step, so the first and last rows weigh alike
    return list(conn.exec_driver_sql(sql, (start, step, step, top, *params)).all())


def estimated_matches(conn: Connection, tests: str, params: Sequence[Any]) -> int:
    """About how many live customers pass `tests` (visibility included), from a sample."""
    top = conn.exec_driver_sql("SELECT max(rowid) FROM customers").scalar() or 0
    hits = len(probed(conn, "1", tests, params, ESTIMATE_PROBES))
    return math.ceil(hits * top / ESTIMATE_PROBES) if top > ESTIMATE_PROBES else hits


@dataclass(frozen=True)
class CollectedKeys:
    """The (sort key, updated at, owner, rowid) of every customer passing a filter, and
    each list order of them once asked for (~250 bytes a customer with one order)."""

    rows: list[tuple[str, int, bytes | str | None, int]]
    _ordered: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.rows)

    def window(
        self, order: str, descending: bool, after: Sequence[Any] | None, offset: int,
        limit: int,
    ) -> list[int]:
        """Rowids of the `limit` rows `offset` past `after` (None: from the top), in list
        order; descending is ascending read backwards (no owner last instead of first)."""
        rows = self._in_order(order)
        key = _KEYS[order]
        if descending:
            end = len(rows) if after is None else bisect_left(
                rows, list_key(*after[1:4]), key=key)
            end -= offset
            return [row[3] for row in reversed(rows[max(0, end - limit):max(0, end)])]
        start = 0 if after is None else bisect_right(rows, list_key(*after[1:4]), key=key)
        start += offset
        return [row[3] for row in rows[start:start + limit]]

    def _in_order(self, order: str) -> list[tuple[Any, ...]]:
        ordered = self._ordered.get(order)
        if ordered is None:
            ordered = self._ordered[order] = sorted(self.rows, key=_KEYS[order])
        return ordered


def collect(
    conn: Connection, source: str, tests: str, params: Sequence[Any]
) -> CollectedKeys | None:
    """The keys of every live customer in `source` (a FROM clause) passing `tests`; None
    when more than COLLECT_MAX pass (the estimate was wrong: walk instead)."""
    sql = (f"SELECT sort_key, updated_at, owner_id, rowid FROM {source}"
           f" WHERE deleted_at IS NULL{tests} LIMIT ?")
    rows = conn.exec_driver_sql(sql, (*params, COLLECT_MAX + 1)).all()
    if len(rows) > COLLECT_MAX:
        return None
    owners: dict[Any, Any] = {}  # one object per owner, not one per row
    return CollectedKeys([(name, updated, owners.setdefault(owner, owner), rowid)
                          for name, updated, owner, rowid in rows])


def list_key(value: Any, owner: bytes | str | None, rowid: int) -> ListKey:
    """(sort value, owner tag, rowid) ordered as SQLite orders them: NULL before text
    before a blob, each type in its own rank so Python never compares across types."""
    if isinstance(value, datetime):
        value = to_millis(value)
    tag = id_tag(owner)
    return (_rank(value), value, _rank(tag), tag, rowid)


_KEYS = {
    "name": lambda row: list_key(row[0], row[2], row[3]),
    "updated": lambda row: list_key(row[1], row[2], row[3]),
}


def _rank(value: Any) -> int:
    # SQLite's order of storage classes: NULL, numbers, text, blob
    if value is None:
        return 0
    if isinstance(value, int | float):
        return 1
    return 2 if isinstance(value, str) else 3
