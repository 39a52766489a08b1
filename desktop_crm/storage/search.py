"""Read queries behind the customer list and search box, and upkeep of the search index.

The customer service calls these inside its unit of work. They return customer ids (or
id, sort value pairs) in result order; the service applies field permissions and builds rows.
Visibility comes in as `owner_ids` (None: every owner, for an admin) plus `extra_ids`
(records granted to a collaborator); soft-deleted customers are never returned.

Speed rules (DESIGN.md "Speed facts"): never a scan of the customers table; trigram search
ranks a bounded candidate set, not every match of a frequent term; lists page by keyset.
Ranking is by tiers (exact name, prefix, contains, other column), not bm25: cheaper, and
the same whichever plan a user's scope leads to.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Literal

from sqlalchemy import (
    Connection,
    Integer,
    Select,
    and_,
    bindparam,
    case,
    column,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    tuple_,
    union_all,
)
from sqlalchemy.exc import DatabaseError
from sqlalchemy.sql.elements import ColumnElement

from desktop_crm.storage.models import Customer
from desktop_crm.storage.names import SORT_TIEBREAK, fold_latin

SEARCH_TABLE = "customer_fts"

# Trigram hits read (in index order) and ranked at most when searching everyone's customers:
# a frequent term ("138", "wang") matches hundreds of thousands of them, and ranking all
# of them costs ~0.4 s at 1M rows.
CANDIDATE_CAP = 1000

# Up to this many owners, searches and pages read each owner's customers by the owner
# indexes; above it they walk the global indexes and check the owner per row (so many
# owners hold much of the table anyway).
MERGED_OWNERS_MAX = 64

# Above every code point: `name < q + TOP` bounds a prefix range in SQLite's binary order.
_TOP = "\U0010ffff"

# searchable column names the service passes -> FTS5 columns. Pinyin is derived from the
# name, so it is searchable only together with the name.
_FTS_COLUMNS = {
    "name": ("name",),
    "company": ("company",),
    "phones": ("phones",),
    "emails": ("emails",),
    "tags": ("tags",),
    "pinyin": ("name_pinyin", "name_initials"),
}

_PHONE_LIKE = re.compile(r"^[+\d\s().\-]+$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_WHITESPACE = re.compile(r"\s+")

# The triggers that keep the index in step with customers (also created by revision 0001;
# a test holds the two copies equal). Soft delete is an update, so deleted rows stay indexed.
SEARCH_TRIGGERS: dict[str, str] = {
    "customers_fts_insert": """
    CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
        INSERT INTO customer_fts(
            rowid, name, company, phones, emails, tags, name_pinyin, name_initials)
        VALUES (
            new.rowid, new.name, new.company, new.phones, new.emails, new.tags,
            new.name_pinyin, new.name_initials);
    END
    """,
    "customers_fts_delete": """
    CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN
        INSERT INTO customer_fts(
            customer_fts, rowid, name, company, phones, emails, tags, name_pinyin,
            name_initials)
        VALUES (
            'delete', old.rowid, old.name, old.company, old.phones, old.emails, old.tags,
            old.name_pinyin, old.name_initials);
    END
    """,
    "customers_fts_update": """
    CREATE TRIGGER customers_fts_update
    AFTER UPDATE OF name, company, phones, emails, tags, name_pinyin, name_initials
    ON customers BEGIN
        INSERT INTO customer_fts(
            customer_fts, rowid, name, company, phones, emails, tags, name_pinyin,
            name_initials)
        VALUES (
            'delete', old.rowid, old.name, old.company, old.phones, old.emails, old.tags,
            old.name_pinyin, old.name_initials);
        INSERT INTO customer_fts(
            rowid, name, company, phones, emails, tags, name_pinyin, name_initials)
        VALUES (
            new.rowid, new.name, new.company, new.phones, new.emails, new.tags,
            new.name_pinyin, new.name_initials);
    END
    """,
}

customers = Customer.__table__
_c = customers.c
_fts = table(SEARCH_TABLE, column("rowid", Integer))
_customer_rowid = literal_column("customers.rowid", Integer)

Order = Literal["name", "updated"]
PageRow = tuple[str, Any]


# --- index upkeep ------------------------------------------------------------------------------


def is_search_index_table(name: str) -> bool:
    """The FTS table and its shadow tables (kept out of model comparisons)."""
    return name == SEARCH_TABLE or name.startswith(SEARCH_TABLE + "_")


def rebuild_search_index(connection: Connection) -> None:
    """Re-read every customer into the index (after a bulk load with the triggers off)."""
    connection.exec_driver_sql(f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('rebuild')")


def search_index_is_consistent(connection: Connection) -> bool:
    """Whether the index matches the customers table row for row (FTS5 integrity-check).

    Index rows point at customers' implicit rowids (the table has a text key). VACUUM and
    sqlcipher_export() keep rowids on this stack (a test holds VACUUM to it); run this after
    any other copy or restore, and `rebuild_search_index` if it fails.
    """
    try:
        connection.exec_driver_sql(
            f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rank) VALUES ('integrity-check', 1)"
        )
    except DatabaseError as error:  # SQLITE_CORRUPT_VTAB: "database disk image is malformed"
        if "malformed" in str(error.orig):
            return False
        raise
    return True


@contextmanager
def search_index_suspended(connection: Connection) -> Iterator[None]:
    """Bulk-load customers without per-row index upkeep; the index is rebuilt at the end.

    Use inside one transaction: the triggers come back (and the index is rebuilt) before it
    commits, and a rollback restores them with everything else.
    """
    for name in SEARCH_TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER {name}")
    yield
    for ddl in SEARCH_TRIGGERS.values():
        connection.exec_driver_sql(ddl)
    rebuild_search_index(connection)


# --- search ------------------------------------------------------------------------------------


def search_customer_ids(
    conn: Connection,
    query: str,
    *,
    limit: int,
    owner_ids: Collection[str] | None,
    extra_ids: Collection[str] = (),
    searchable_columns: set[str],
) -> list[str]:
    """Ids of visible customers matching `query`, best first, at most `limit`.

    Three characters or more: a trigram match in the columns the user may search (phone
    fragments compared digits only). One or two: name prefix, pinyin initials prefix and
    sort-key prefix. Order: exact name (or pinyin) first, then name prefixes, then names
    containing the query, then the other hits; alphabetical by sort key within each.
    """
    unknown = searchable_columns - _FTS_COLUMNS.keys()
    if unknown:
        raise ValueError(f"unknown searchable columns: {sorted(unknown)}")
    query = _WHITESPACE.sub(" ", _CONTROL.sub(" ", query)).strip()
    if not query or limit <= 0 or _sees_nothing(owner_ids, extra_ids):
        return []
    short = len(query) < 3
    if short and "name" not in searchable_columns:
        return []
    match = None if short else _match_expression(query, searchable_columns)
    if not short and match is None:
        return []
    tier = _tier(query, searchable_columns)
    owners = None if owner_ids is None else list(dict.fromkeys(owner_ids))
    if owners is not None and len(owners) <= MERGED_OWNERS_MAX:
        # A few owners: read their customers by the owner index and keep the matches; this
        # is bounded by what they hold, where a frequent term may match most of the table.
        condition = (
            _short_match(query, searchable_columns)
            if match is None
            else _customer_rowid.in_(select(_fts.c.rowid).where(_matches(match)))
        )
        return _best_first(conn, _owner_arms(condition, owners, extra_ids, tier, limit), limit)
    # Everyone's customers: bounded index ranges, each cut at `limit` (or CANDIDATE_CAP
    # trigram hits in index order), merged and ranked. Owners are checked row by row.
    visible = None if owners is None else _visibility_by_row(owners, extra_ids)
    arms = _prefix_arms(query, searchable_columns, visible, tier, limit)
    if match is not None:
        arms.append(_trigram_arm(match, visible, tier))
    return _best_first(conn, arms, limit)


def _tier(query: str, searchable: set[str]) -> Any:
    """0 exact name or pinyin, 1 name or pinyin prefix, 2 initials prefix or name
    containing the query, 3 any other hit (a company, phone, e-mail or tag)."""
    if "name" not in searchable:
        return literal(3)  # ranking by a hidden name would hint at its value
    whens: list[tuple[ColumnElement[bool], int]] = []
    if _is_chinese(query):
        whens += [(_c.name == query, 0), (_in_range(_c.name, query), 1)]
    else:
        folded = fold_latin(query)
        whens += [
            (_in_range(_c.sort_key, folded + SORT_TIEBREAK), 0),
            (_in_range(_c.sort_key, folded), 1),
            (_in_range(_c.name, query), 1),
        ]
    spelled = query.replace(" ", "").lower()
    if "pinyin" in searchable and spelled.isascii() and spelled.isalpha():
        whens += [
            (or_(_c.name_pinyin == spelled, _c.name_initials == spelled), 0),
            (_in_range(_c.name_pinyin, spelled), 1),
            (_in_range(_c.name_initials, spelled), 2),
        ]
    if len(query) >= 3:
        whens.append((func.instr(func.lower(_c.name), query.lower()) > 0, 2))
    return case(*whens, else_=3)


def _short_match(query: str, searchable: set[str]) -> ColumnElement[bool]:
    """What a one- or two-character query matches (each an index range)."""
    ranges = [_in_range(_c.name, query)]
    if not _is_chinese(query):
        ranges.append(_in_range(_c.sort_key, fold_latin(query)))
    if "pinyin" in searchable and query.isascii() and query.isalpha():
        ranges.append(_in_range(_c.name_initials, query.lower()))
    return or_(*ranges)


def _prefix_arms(
    query: str,
    searchable: set[str],
    visible: ColumnElement[bool] | None,
    tier: Any,
    limit: int,
) -> list[Select[Any]]:
    """One index range scan per way a name can start with the query, in index order."""
    if "name" not in searchable:
        return []
    ranges = [(_c.name, query)]
    if not _is_chinese(query):
        ranges.append((_c.sort_key, fold_latin(query)))
    if len(query) < 3 and "pinyin" in searchable and query.isascii() and query.isalpha():
        ranges.append((_c.name_initials, query.lower()))
    return [
        _candidates(_in_range(col, prefix), visible, tier, order_by=col).limit(limit)
        for col, prefix in ranges
    ]


def _owner_arms(
    condition: ColumnElement[bool],
    owners: list[str],
    extra_ids: Collection[str],
    tier: Any,
    limit: int,
) -> list[Select[Any]]:
    """The owners' matching customers and, apart, the granted ones they do not own.

    Apart, because `owner IN (...) OR id IN (...)` makes SQLite read every owner row before
    the cheap rowid test; on its own the owner index range is filtered by rowid first.
    """
    arms = []
    if owners:
        owned = _candidates(and_(condition, _c.owner_id.in_(owners)), None, tier)
        arms.append(owned.limit(limit))
    if extra_ids:
        granted = _c.id.in_(list(extra_ids))
        if owners:
            granted = and_(granted, or_(_c.owner_id.is_(None), _c.owner_id.not_in(owners)))
        arms.append(_candidates(and_(condition, granted), None, tier).limit(limit))
    return arms


def _trigram_arm(match: str, visible: ColumnElement[bool] | None, tier: Any) -> Select[Any]:
    arm = (
        select(_c.id, _c.sort_key, tier.label("tier"))
        .select_from(_fts.join(customers, _customer_rowid == _fts.c.rowid))
        .where(_matches(match), _c.deleted_at.is_(None))
    )
    if visible is not None:
        arm = arm.where(visible)
    # the first hits in rowid order: ranking every match of a frequent term costs too much
    return arm.limit(CANDIDATE_CAP)


def _candidates(
    condition: ColumnElement[bool],
    visible: ColumnElement[bool] | None,
    tier: Any,
    *,
    order_by: Any = None,
) -> Select[Any]:
    found = select(_c.id, _c.sort_key, tier.label("tier")).where(condition, _c.deleted_at.is_(None))
    if visible is not None:
        found = found.where(visible)
    if order_by is not None:
        return found.order_by(order_by)
    return found.order_by(tier, _c.sort_key, _c.id)


def _best_first(conn: Connection, arms: Sequence[Select[Any]], limit: int) -> list[str]:
    merged = union_all(*(select(a.subquery()) for a in arms)).subquery()
    best = (
        select(merged.c.id)
        .group_by(merged.c.id)
        .order_by(func.min(merged.c.tier), func.min(merged.c.sort_key), merged.c.id)
        .limit(limit)
    )
    return list(conn.scalars(best))


def _matches(match: str) -> ColumnElement[bool]:
    return literal_column(SEARCH_TABLE).op("MATCH")(bindparam("match", match))


def _match_expression(query: str, searchable: set[str]) -> str | None:
    """An FTS5 expression with every user string quoted: no input is FTS syntax."""
    columns = [fts for name in sorted(searchable) for fts in _FTS_COLUMNS[name]]
    if "name" not in searchable:
        columns = [col for col in columns if col not in _FTS_COLUMNS["pinyin"]]
    if not columns:
        return None
    digits = re.sub(r"\D", "", query)
    if _PHONE_LIKE.match(query) and len(digits) >= 3:
        # stored phones are E.164 digits: "138 1234-5678" must find +8613812345678
        parts = []
        if "phones" in columns:
            parts.append(f"{_colset(['phones'])} : {_quoted(digits)}")
        others = [col for col in columns if col != "phones"]
        if others:
            parts.append(f"{_colset(others)} : {_quoted(query)}")
        return " OR ".join(parts)
    tokens = query.split(" ")
    if len(tokens) > 1 and all(len(t) >= 3 for t in tokens):
        # "Smith John" finds John Smith: every word, in any of the columns
        return " AND ".join(f"{_colset(columns)} : {_quoted(t)}" for t in tokens)
    return f"{_colset(columns)} : {_quoted(query)}"


def _colset(columns: Sequence[str]) -> str:
    return "{" + " ".join(columns) + "}"


def _quoted(term: str) -> str:
    # Inside an FTS5 string everything is literal; a double quote is written twice.
    return '"' + term.replace('"', '""') + '"'


def _is_chinese(query: str) -> bool:
    """No Latin letter or digit: matched on the name as typed, not on its sort key.

    (A query that folds to nothing, such as a lone accent, is matched as typed too.)
    """
    return not any(ch.isascii() and ch.isalnum() for ch in query) or not fold_latin(query)


def _in_range(col: Any, prefix: str) -> ColumnElement[bool]:
    """`col` starts with `prefix`, as an index range (LIKE would not use the index)."""
    return and_(col >= prefix, col < prefix + _TOP)


def _sees_nothing(owner_ids: Collection[str] | None, extra_ids: Collection[str]) -> bool:
    return owner_ids is not None and not owner_ids and not extra_ids


def _visibility(
    owner_ids: Collection[str] | None, extra_ids: Collection[str]
) -> ColumnElement[bool] | None:
    """None for every owner; otherwise the owners' customers or the granted ones."""
    if owner_ids is None:
        return None
    clauses = []
    if owner_ids:
        clauses.append(_c.owner_id.in_(list(owner_ids)))
    if extra_ids:
        clauses.append(_c.id.in_(list(extra_ids)))
    return or_(*clauses)


def _visibility_by_row(owners: list[str], extra_ids: Collection[str]) -> ColumnElement[bool]:
    """The same test, written so SQLite checks it per row instead of driving by owner.

    Unary plus keeps the planner off the owner indexes, so a walk along a sort or name
    index stays in order and stops at the limit instead of reading every owner's rows.
    """
    clause = literal_column("+customers.owner_id").in_(owners)
    return or_(clause, _c.id.in_(list(extra_ids))) if extra_ids else clause


# --- the customer list: keyset pages, counts, positions ----------------------------------------


def page_customer_ids(
    conn: Connection,
    *,
    order: Order,
    after: PageRow | None,
    limit: int,
    owner_ids: Collection[str] | None,
    extra_ids: Collection[str] = (),
    descending: bool = False,
) -> list[PageRow]:
    """The next `limit` visible customers as (id, sort value), after the row `after`.

    Pass the last row of the previous page as `after` (None for the first page). Sort value
    is the pinyin sort key for "name" and updated_at for "updated"; ties break on id.
    """
    return _ordered_rows(
        conn,
        order=order,
        after=after,
        offset=0,
        limit=limit,
        owner_ids=owner_ids,
        extra_ids=extra_ids,
        descending=descending,
    )


def customer_ids_at_position(
    conn: Connection,
    *,
    order: Order,
    position: int,
    limit: int,
    owner_ids: Collection[str] | None,
    extra_ids: Collection[str] = (),
    descending: bool = False,
) -> list[PageRow]:
    """Up to `limit` rows from 0-based `position` in the list (a scroll-bar jump).

    OFFSET over the sort index: paging on from the last row returned is keyset again.
    """
    return _ordered_rows(
        conn,
        order=order,
        after=None,
        offset=max(position, 0),
        limit=limit,
        owner_ids=owner_ids,
        extra_ids=extra_ids,
        descending=descending,
    )


def count_customers(
    conn: Connection, owner_ids: Collection[str] | None, extra_ids: Collection[str] = ()
) -> int:
    """How many visible, not deleted customers there are."""
    if _sees_nothing(owner_ids, extra_ids):
        return 0
    visible = _visibility(owner_ids, extra_ids)
    counted = select(func.count()).select_from(customers).where(_c.deleted_at.is_(None))
    if visible is not None:
        counted = counted.where(visible)
    return int(conn.scalar(counted) or 0)


def _ordered_rows(
    conn: Connection,
    *,
    order: Order,
    after: PageRow | None,
    offset: int,
    limit: int,
    owner_ids: Collection[str] | None,
    extra_ids: Collection[str],
    descending: bool,
) -> list[PageRow]:
    if limit <= 0:
        return []
    sort_col = {"name": _c.sort_key, "updated": _c.updated_at}[order]

    def arm(where: ColumnElement[bool] | None, arm_limit: int) -> Select[Any]:
        s = select(_c.id, sort_col.label("value")).where(_c.deleted_at.is_(None))
        if where is not None:
            s = s.where(where)
        if after is not None:
            key = tuple_(sort_col, _c.id)
            bound = tuple_(
                literal(after[1], type_=sort_col.type), literal(after[0], type_=_c.id.type)
            )
            s = s.where(key < bound if descending else key > bound)
        if descending:
            return s.order_by(sort_col.desc(), _c.id.desc()).limit(arm_limit)
        return s.order_by(sort_col, _c.id).limit(arm_limit)

    if _sees_nothing(owner_ids, extra_ids):
        return []
    owners = None if owner_ids is None else list(dict.fromkeys(owner_ids))
    if owners is None:
        return _rows(conn.execute(arm(None, limit).offset(offset or None)))
    if len(owners) > MERGED_OWNERS_MAX:
        # many owners: walk the global sort index and keep theirs (no per-owner merge)
        where = _visibility_by_row(owners, extra_ids)
        return _rows(conn.execute(arm(where, limit).offset(offset or None)))
    # one ordered index range per owner, each at most offset + limit rows, merged
    arms = [arm(_c.owner_id == owner, offset + limit) for owner in owners]
    if extra_ids:
        not_owned = or_(_c.owner_id.is_(None), _c.owner_id.not_in(owners)) if owners else None
        granted = _c.id.in_(list(extra_ids))
        arms.append(arm(granted if not_owned is None else and_(granted, not_owned), offset + limit))
    merged = union_all(*(select(a.subquery()) for a in arms)).subquery()
    ordered = (
        (merged.c.value.desc(), merged.c.id.desc()) if descending else (merged.c.value, merged.c.id)
    )
    top = select(merged.c.id, merged.c.value).order_by(*ordered).limit(limit)
    return _rows(conn.execute(top.offset(offset or None)))


def _rows(result: Any) -> list[PageRow]:
    return [(row[0], row[1]) for row in result]
