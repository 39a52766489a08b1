"""The raw-SQL lower bounds: the same work as a service call, straight on a sqlcipher3 connection.

No SQLAlchemy, no permission checks, no audit: what is left is what SQLCipher itself costs on
this file, so the table shows how much the service layer adds. Visibility is kept (the same
owner filter), so each bound answers the same question as the service call it stands beside.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

import sqlcipher3

from desktop_crm.storage.text_match import fold
from desktop_crm.storage.types import id_tag_sql, id_tags, uuid_to_bytes

# The columns a customer list row shows (what CustomerService builds its rows from).
LIST_COLUMNS = (
    "id, kind, name, company, phones, emails, city, lifecycle_stage, tier, tags, owner_id,"
    " updated_at"
)
SORT_COLUMNS = {"name": "sort_key", "updated": "updated_at"}
OWNER_TAG = id_tag_sql("owner_id")  # what the list indexes hold of the owner
SEARCHABLE = ("name", "company", "phones", "emails", "tags", "name_pinyin", "name_initials")
TOP = "\U0010ffff"  # above every code point: closes a prefix range
_PHONE_LIKE = re.compile(r"^[+\d\s().\-]+$")


def _owner_filter(
    owners: Collection[str] | None, column: str = "owner_id"
) -> tuple[str, list[str]]:
    """`AND column IN (...)` for a restricted user; nothing for someone who sees everyone.

    A unary plus keeps SQLite off the owner indexes: walking a sort or search order and
    testing the owner per row is the fast plan when the owners hold a large share.
    """
    if owners is None:
        return "", []
    marks = ", ".join("?" for _ in owners)
    return f" AND +{column} IN ({marks})", [uuid_to_bytes(owner) for owner in owners]


def list_owner_filter(owners: Collection[str] | None) -> tuple[str, list[Any]]:
    """The owner filter of a list walk: the owner's tag on each index entry (the list
    indexes hold the tag, not the id). The demo's users have distinct tags, so the tag
    decides, as the service finds too (list_sql.tags_decide)."""
    if owners is None:
        return "", []
    tags = id_tags(uuid_to_bytes(owner) for owner in owners)
    return f" AND +{OWNER_TAG} IN ({', '.join('?' for _ in tags)})", tags


def fts_expression(query: str) -> str:
    """The plainest FTS5 expression for a query: digits against phones, else every word.

    The index keeps no positions, so a word is all of its trigrams (confirmed afterwards).
    """
    digits = re.sub(r"\D", "", query)
    words = [digits] if _PHONE_LIKE.match(query) and len(digits) >= 3 else query.split()
    grams = dict.fromkeys(
        '"' + w[i : i + 3].replace('"', '""') + '"' for w in words for i in range(len(w) - 2))
    return " AND ".join(grams)


def _confirmation(query: str) -> tuple[str, list[str]]:
    """Each word of more than three characters confirmed in the searchable text."""
    digits = re.sub(r"\D", "", query)
    words = [digits] if _PHONE_LIKE.match(query) and len(digits) >= 3 else query.split()
    longer = [fold(w) for w in words if len(w) > 3]
    text = " || char(31) || ".join(f"c.{col}" for col in SEARCHABLE)  # COLUMN_SEPARATOR
    return "".join(f" AND crm_contains({text}, ?)" for _ in longer), longer


def search(
    conn: sqlcipher3.Connection, query: str, owners: Collection[str] | None, limit: int
) -> list[tuple[Any, ...]]:
    """The first `limit` visible hits with their list columns, unranked.

    Three characters or more: a trigram MATCH. Fewer: a prefix range on the name (Chinese)
    or on the pinyin initials (ASCII letters), each an index range.
    """
    owner_sql, owner_args = _owner_filter(owners, "c.owner_id")
    cols = ", ".join(f"c.{col.strip()}" for col in LIST_COLUMNS.split(","))
    if len(query) >= 3:
        confirm_sql, confirm_args = _confirmation(query)
        sql = (
            f"SELECT {cols} FROM customer_fts JOIN customers c ON c.rowid = customer_fts.rowid"
            f" WHERE customer_fts MATCH ? AND c.deleted_at IS NULL{owner_sql}{confirm_sql}"
            " LIMIT ?"
        )
        args = [fts_expression(query), *owner_args, *confirm_args, limit]
        return conn.execute(sql, args).fetchall()
    column = "name_initials" if query.isascii() and query.isalpha() else "name"
    value = query.lower() if column == "name_initials" else query
    indexed = " AND c.name_initials <> ''" if column == "name_initials" else ""  # partial
    sql = (
        f"SELECT {cols} FROM customers c WHERE c.{column} >= ? AND c.{column} < ?{indexed}"
        f" AND c.deleted_at IS NULL{owner_sql} LIMIT ?"
    )
    return conn.execute(sql, [value, value + TOP, *owner_args, limit]).fetchall()


def count_matches(conn: sqlcipher3.Connection, query: str) -> int:
    """How many customers a query matches at all (to check a term occurs in the demo)."""
    if len(query) >= 3:
        sql = "SELECT count(*) FROM customer_fts WHERE customer_fts MATCH ?"
        return int(conn.execute(sql, [fts_expression(query)]).fetchone()[0])
    column = "name_initials" if query.isascii() and query.isalpha() else "name"
    value = query.lower() if column == "name_initials" else query
    indexed = " AND name_initials <> ''" if column == "name_initials" else ""  # partial
    sql = f"SELECT count(*) FROM customers WHERE {column} >= ? AND {column} < ?{indexed}"
    return int(conn.execute(sql, [value, value + TOP]).fetchone()[0])


def _order(order: str, descending: bool) -> tuple[str, str, str]:
    """The list order (sort value, owner tag, rowid): exactly the order of the list indexes."""
    col = SORT_COLUMNS[order]
    if descending:
        return col, f"{col} DESC, {OWNER_TAG} DESC, rowid DESC", "<"
    return col, f"{col}, {OWNER_TAG}, rowid", ">"


PageKey = tuple[Any, Any, int]  # (sort value, owner tag, rowid)


def page_after(
    conn: sqlcipher3.Connection, *, order: str, descending: bool, after: PageKey | None,
    owners: Collection[str] | None, limit: int,
) -> list[tuple[Any, ...]]:
    """A keyset page of list rows: the `limit` rows after (sort value, owner tag, rowid)."""
    col, order_by, cmp = _order(order, descending)
    owner_sql, owner_args = list_owner_filter(owners)
    keyset, keyset_args = "", []
    if after is not None:
        keyset, keyset_args = f" AND ({col}, {OWNER_TAG}, rowid) {cmp} (?, ?, ?)", list(after)
    sql = (
        f"SELECT {LIST_COLUMNS}, {col}, {OWNER_TAG}, rowid FROM customers"
        f" WHERE deleted_at IS NULL{owner_sql}{keyset} ORDER BY {order_by} LIMIT ?"
    )
    return conn.execute(sql, [*owner_args, *keyset_args, limit]).fetchall()


def page_at(
    conn: sqlcipher3.Connection, *, order: str, descending: bool, position: int,
    owners: Collection[str] | None, limit: int,
) -> list[tuple[Any, ...]]:
    """The `limit` list rows from a position: OFFSET over the sort index."""
    col, order_by, _ = _order(order, descending)
    owner_sql, owner_args = list_owner_filter(owners)
    sql = (
        f"SELECT {LIST_COLUMNS}, {col}, {OWNER_TAG}, rowid FROM customers"
        f" WHERE deleted_at IS NULL{owner_sql} ORDER BY {order_by} LIMIT ? OFFSET ?"
    )
    return conn.execute(sql, [*owner_args, limit, position]).fetchall()


def sort_key_at(
    conn: sqlcipher3.Connection, *, order: str, descending: bool, position: int,
    owners: Collection[str] | None,
) -> PageKey | None:
    """The key of the row at a position: where a keyset page at that depth starts."""
    rows = page_at(conn, order=order, descending=descending, position=position, owners=owners,
                   limit=1)
    return (rows[0][-3], rows[0][-2], rows[0][-1]) if rows else None


def visible_count(conn: sqlcipher3.Connection, owners: Collection[str] | None) -> int:
    owner_sql, owner_args = _owner_filter(owners)
    sql = f"SELECT count(*) FROM customers WHERE deleted_at IS NULL{owner_sql}"
    return int(conn.execute(sql, owner_args).fetchone()[0])
