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
from desktop_crm.storage.types import id_tag, id_tag_sql, id_tags, to_millis

# The owner as the global list indexes hold it: a tag of the id (see types.id_tag_sql). The
# list order is (sort value, owner tag, rowid), and a stored row carries the tag after the
# page key's four values (stored_values.StoredRow).
OWNER_TAG = id_tag_sql("owner_id")


@lru_cache(maxsize=256)
def select_keys(
    column: str, descending: bool, bound: str, visible: str, columns: tuple[str, ...] = (),
    one_owner: bool = False,
) -> str:
    """One ordered read of page keys; `bound`: "" from the top, else after a key whose
    owner is known ("owner", or "row value" for a seek) or SQL NULL ("no owner").

    `one_owner`: `visible` pins a single owner, whose tag is then the same on every row; left
    out of the order, the per-owner index's own order is the list order (SQLite cannot tell
    that the tag is fixed, and would sort each run of equal values)."""
    sql = (f"SELECT {stored_columns(column, columns)} FROM customers"
           f" WHERE deleted_at IS NULL{visible}")
    if bound == "row value":  # rows after (value, owner tag, rowid) with an owner
        sql += f" AND ({column}, {OWNER_TAG}, rowid) {'<' if descending else '>'} (?, ?, ?)"
    elif bound:
        sql += _keyset(column, descending, owner_known=bound == "owner")
    way = " DESC" if descending else ""
    tag = "" if one_owner else f" {OWNER_TAG}{way},"
    return sql + f" ORDER BY {column}{way},{tag} rowid{way}"


def stored_columns(column: str, columns: Sequence[str] = ()) -> str:
    """The columns of a stored row: the page key's (id, sort value, owner, rowid), the
    owner's tag, then the customer columns asked for."""
    return ", ".join(("id", column, "owner_id", "rowid", OWNER_TAG, *columns))


def _keyset(column: str, descending: bool, owner_known: bool) -> str:
    """Rows after (value, owner tag, rowid) in list order; SQL NULL owners come first.

    Bounded by `value >=` (or `<=`) so SQLite reads an index range; the rest is a filter
    on the few rows that share the bound's value.
    """
    tag = OWNER_TAG
    if descending:
        first, beyond = f"{column} <= ?", f"{column} < ?"
        tie = (f"({tag} = ? AND rowid < ?) OR {tag} < ? OR {tag} IS NULL"
               if owner_known else f"{tag} IS NULL AND rowid < ?")
    else:
        first, beyond = f"{column} >= ?", f"{column} > ?"
        tie = (f"({tag} = ? AND rowid > ?) OR {tag} > ?"
               if owner_known else f"({tag} IS NULL AND rowid > ?) OR {tag} IS NOT NULL")
    return f" AND {first} AND ({beyond} OR ({column} = ? AND ({tie})))"


def after_params(after: Sequence[Any] | None) -> list[Any]:
    if after is None:
        return []
    _, value, owner, row = after[:4]
    stored = to_millis(value) if isinstance(value, datetime) else value
    if owner is None:
        return [stored, stored, stored, row]
    tag = id_tag(owner)
    return [stored, stored, stored, tag, row, tag]


def visibility(
    owners: Sequence[bytes | str], granted: Sequence[int], *, by_entry: bool,
    tags_decide: bool = False,
) -> tuple[str, list[Any]]:
    """` AND (...)` for customers owned by one of `owners` (as stored) or granted, and its
    parameters.

    `by_entry`: tested on each entry of the index being walked, first the owner's tag (in
    every list index, like the rowid) and then, on the rows that pass, the owner itself; a
    unary plus keeps SQLite walking that index in order instead of reading every owner's
    rows first. Otherwise SQLite may read by owner. `tags_decide` (see `tags_decide`): the
    tag test alone, so a jump's walk past thousands of entries reads none of their rows.
    """
    if not owners and not granted:
        return " AND 0", []  # only grants, on records that no longer exist
    grants = f" OR rowid IN ({marks(granted)})" if granted else ""
    if not owners:
        return f" AND ({grants.removeprefix(' OR ')})", [*granted]
    if not by_entry:
        return f" AND (owner_id IN ({marks(owners)}){grants})", [*owners, *granted]
    tags = id_tags(owners)
    by_tag = f" AND (+{OWNER_TAG} IN ({marks(tags)}){grants})"
    if tags_decide:
        return by_tag, [*tags, *granted]
    return (by_tag + f" AND (+owner_id IN ({marks(owners)}){grants})",
            [*tags, *granted, *owners, *granted])


def tags_decide(conn: Connection, owners: Sequence[bytes | str]) -> bool:
    """Whether no other user's id has the tag of one of these owners' ids, so that the tag
    alone tells their customers apart (every owner is a user: a foreign key)."""
    tags = id_tags(owners)
    sql = (f"SELECT 1 FROM users WHERE {id_tag_sql('id')} IN ({marks(tags)})"
           f" AND id NOT IN ({marks(owners)}) LIMIT 1")
    return conn.exec_driver_sql(sql, (*tags, *owners)).first() is None


def marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def rows_by_id(
    conn: Connection, rowids: list[int], column: str, columns: tuple[str, ...]
) -> list[StoredRow]:
    """Page rows for these rowids, in this order."""
    if not rowids:
        return []
    sql = (f"SELECT {stored_columns(column, columns)} FROM customers"
           f" WHERE rowid IN ({marks(rowids)})")
    found = {row[3]: row for row in conn.exec_driver_sql(sql, tuple(rowids))}
    return [found[rowid] for rowid in rowids]


def has_ownerless(conn: Connection, column: str, value: Any) -> bool:
    """Whether any live customer without an owner has this sort value (an index probe)."""
    sql = (f"SELECT 1 FROM customers WHERE deleted_at IS NULL AND {column} = ?"
           f" AND {OWNER_TAG} IS NULL LIMIT 1")
    return conn.exec_driver_sql(sql, (value,)).first() is not None
