"""The statements of the customer list, written out as SQL: ordered reads of page keys,
the bounds that continue after a key, and the visibility test.

Written out because a page is ~0.4 ms of SQLite work, and building the same statement
through the expression language cost ten times that.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection

from desktop_crm.storage.stored_values import StoredRow
from desktop_crm.storage.types import to_millis


@lru_cache(maxsize=256)
def select_keys(
    column: str, descending: bool, bound: str, visible: str, columns: tuple[str, ...] = ()
) -> str:
    """One ordered read of page keys; `bound`: "" from the top, else after a key whose
    owner is known ("owner", or "row value" for a seek) or SQL NULL ("no owner")."""
    extra = "".join(f", {name}" for name in columns)
    sql = (
        f"SELECT id, {column}, owner_id, rowid{extra} FROM customers"
        f" WHERE deleted_at IS NULL{visible}"
    )
    if bound == "row value":  # rows after (value, owner, rowid) with an owner
        sql += f" AND ({column}, owner_id, rowid) {'<' if descending else '>'} (?, ?, ?)"
    elif bound:
        sql += _keyset(column, descending, owner_known=bound == "owner")
    way = " DESC" if descending else ""
    return sql + f" ORDER BY {column}{way}, owner_id{way}, rowid{way}"


def _keyset(column: str, descending: bool, owner_known: bool) -> str:
    """Rows after (value, owner, rowid) in list order; SQL NULL owners come first.

    Bounded by `value >=` (or `<=`) so SQLite reads an index range; the rest is a filter
    on the few rows that share the bound's value.
    """
    if descending:
        first, beyond = f"{column} <= ?", f"{column} < ?"
        tie = ("(owner_id = ? AND rowid < ?) OR owner_id < ? OR owner_id IS NULL"
               if owner_known else "owner_id IS NULL AND rowid < ?")
    else:
        first, beyond = f"{column} >= ?", f"{column} > ?"
        tie = ("(owner_id = ? AND rowid > ?) OR owner_id > ?"
               if owner_known else "(owner_id IS NULL AND rowid > ?) OR owner_id IS NOT NULL")
    return f" AND {first} AND ({beyond} OR ({column} = ? AND ({tie})))"


def after_params(after: Sequence[Any] | None) -> list[Any]:
    if after is None:
        return []
    _, value, owner, row = after
    stored = to_millis(value) if isinstance(value, datetime) else value
    if owner is None:
        return [stored, stored, stored, row]
    return [stored, stored, stored, owner, row, owner]


def visibility(
    owners: Sequence[bytes | str], granted: Sequence[int], *, by_entry: bool
) -> tuple[str, list[Any]]:
    """` AND (...)` for customers owned by one of `owners` (as stored) or granted, and its
    parameters.

    `by_entry`: tested on each entry of the index being walked (owner and rowid are in
    every list index); a unary plus keeps SQLite walking that index in order instead of
    reading every owner's rows first. Otherwise SQLite may read by owner.
    """
    tests = [f"{'+' if by_entry else ''}owner_id IN ({marks(owners)})"] if owners else []
    if granted:
        tests.append(f"rowid IN ({marks(granted)})")
    if not tests:
        return " AND 0", []  # only grants, on records that no longer exist
    return f" AND ({' OR '.join(tests)})", [*owners, *granted]


def marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def rows_by_id(
    conn: Connection, rowids: list[int], column: str, columns: tuple[str, ...]
) -> list[StoredRow]:
    """Page rows for these rowids, in this order."""
    if not rowids:
        return []
    extra = "".join(f", {name}" for name in columns)
    sql = (f"SELECT id, {column}, owner_id, rowid{extra} FROM customers"
           f" WHERE rowid IN ({marks(rowids)})")
    found = {row[3]: row for row in conn.exec_driver_sql(sql, tuple(rowids))}
    return [found[rowid] for rowid in rowids]


def has_ownerless(conn: Connection, column: str, value: Any) -> bool:
    """Whether any live customer without an owner has this sort value (an index probe)."""
    sql = (f"SELECT 1 FROM customers WHERE deleted_at IS NULL AND {column} = ?"
           " AND owner_id IS NULL LIMIT 1")
    return conn.exec_driver_sql(sql, (value,)).first() is not None
