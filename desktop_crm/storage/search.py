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
from typing import Any

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
    union_all,
)
from sqlalchemy.exc import DatabaseError
from sqlalchemy.sql.elements import ColumnElement

from desktop_crm.storage.customer_list import granted_rowids, holds_few, sees_nothing
from desktop_crm.storage.models import Customer
from desktop_crm.storage.text_match import COLUMN_SEPARATOR, CONTAINS_FUNCTION
from desktop_crm.storage.text_match import fold as fold_latin
from desktop_crm.storage.types import uuid_to_bytes

SEARCH_TABLE = "customer_fts"

# Trigram hits read (in index order) and ranked at most, per result wanted: a frequent term
# ("138", "wang") matches hundreds of thousands of customers, and ranking all of them costs
# ~0.4 s at 1M rows. Names starting with the query come from their own index ranges.
CANDIDATES_PER_RESULT = 4


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

# The triggers that keep the index in step with customers (also created by revision 0003;
# a test holds the two copies equal). Soft delete is an update, so deleted rows stay indexed.
SEARCH_COLUMNS = "name, company, phones, emails, tags, name_pinyin, name_initials"
_NEW = "new.rowid, new." + SEARCH_COLUMNS.replace(", ", ", new.")
_OLD = "old.rowid, old." + SEARCH_COLUMNS.replace(", ", ", old.")
SEARCH_TRIGGERS: dict[str, str] = {
    "customers_fts_insert": f"""
    CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
        INSERT INTO customer_fts(rowid, {SEARCH_COLUMNS}) VALUES ({_NEW});
    END
    """,
    "customers_fts_delete": f"""
    CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN
        INSERT INTO customer_fts(customer_fts, rowid, {SEARCH_COLUMNS})
        VALUES ('delete', {_OLD});
    END
    """,
    "customers_fts_update": f"""
    CREATE TRIGGER customers_fts_update AFTER UPDATE OF {SEARCH_COLUMNS} ON customers BEGIN
        INSERT INTO customer_fts(customer_fts, rowid, {SEARCH_COLUMNS})
        VALUES ('delete', {_OLD});
        INSERT INTO customer_fts(rowid, {SEARCH_COLUMNS}) VALUES ({_NEW});
    END
    """,
}

customers = Customer.__table__
_c = customers.c
_fts = table(SEARCH_TABLE, column("rowid", Integer))
_customer_rowid = literal_column("customers.rowid", Integer)



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

    Three characters or more: a trigram match, each candidate confirmed in the columns the
    user may search (phone fragments compared digits only). One or two: name prefix, pinyin
    initials prefix and sort-key prefix. Order: exact name (or pinyin) first, then name
    prefixes, then names containing the query, then the other hits; within each by sort
    key, homophones by name.

    Arms are driven by the match (an index range or the trigram index) with the owner
    checked per row, so a frequent term or a manager's many customers never make SQLite
    read all of someone's customers first; owners holding few customers are read by owner.
    """
    unknown = searchable_columns - _FTS_COLUMNS.keys()
    if unknown:
        raise ValueError(f"unknown searchable columns: {sorted(unknown)}")
    query = _WHITESPACE.sub(" ", _CONTROL.sub(" ", query)).strip()
    if not query or limit <= 0 or sees_nothing(owner_ids, extra_ids):
        return []
    short = len(query) < 3
    if short and "name" not in searchable_columns:
        return []
    plan = None if short else _match_plan(query, searchable_columns)
    if not short and not plan:
        return []
    tier = _tier(query, searchable_columns)
    visible = None
    if owner_ids is not None:
        owners = list(dict.fromkeys(owner_ids))
        granted = granted_rowids(conn, extra_ids)
        # a few customers in sight: read them by owner; many: drive by the match instead
        by_owner = not owners or holds_few(conn, owners)
        visible = _visibility(owners, granted, by_owner)
    arms = _prefix_arms(query, searchable_columns, visible, tier, limit)
    if plan:
        arms.append(_trigram_arm(plan, visible, tier).limit(CANDIDATES_PER_RESULT * limit))
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
            (_c.sort_key == folded, 0),
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
        _candidates(_in_range(col, prefix), visible, tier).order_by(col).limit(limit)
        for col, prefix in ranges
    ]


def _trigram_arm(
    plan: list[tuple[tuple[str, ...], tuple[str, ...]]],
    visible: ColumnElement[bool] | None,
    tier: Any,
) -> Select[Any]:
    hits = select(_fts.c.rowid).where(_matches(_fts_expression(plan)))
    arm = _candidates(_customer_rowid.in_(hits), visible, tier)
    confirmed = _confirmation(plan)
    if confirmed is not None:
        arm = arm.where(confirmed)
    return arm  # the first hits in rowid order: ranking every match costs too much


def _candidates(
    condition: ColumnElement[bool], visible: ColumnElement[bool] | None, tier: Any
) -> Select[Any]:
    found = select(_c.id, _c.sort_key, _c.name, tier.label("tier")).where(
        condition, _c.deleted_at.is_(None)
    )
    return found if visible is None else found.where(visible)


def _best_first(conn: Connection, arms: Sequence[Select[Any]], limit: int) -> list[str]:
    merged = union_all(*(select(a.subquery()) for a in arms)).subquery()
    best = (
        select(merged.c.id)
        .group_by(merged.c.id)
        .order_by(
            func.min(merged.c.tier), func.min(merged.c.sort_key), func.min(merged.c.name),
            merged.c.id,
        )
        .limit(limit)
    )
    return list(conn.scalars(best))


# --- what a query matches: alternatives of (columns, words) ------------------------------------

MatchPlan = list[tuple[tuple[str, ...], tuple[str, ...]]]


def _match_plan(query: str, searchable: set[str]) -> MatchPlan:
    """Alternatives, each: every word must occur in one of these FTS columns.

    A phone-like query is its digits against the phones (stored phones are E.164 digits:
    "138 1234-5678" must find +8613812345678) or the text as typed elsewhere. Several
    words of three characters or more each match anywhere ("Smith John" finds John Smith).
    """
    columns = [fts for name in sorted(searchable) for fts in _FTS_COLUMNS[name]]
    if "name" not in searchable:
        columns = [col for col in columns if col not in _FTS_COLUMNS["pinyin"]]
    if not columns:
        return []
    digits = re.sub(r"\D", "", query)
    if _PHONE_LIKE.match(query) and len(digits) >= 3:
        plan: MatchPlan = []
        if "phones" in columns:
            plan.append((("phones",), (digits,)))
        others = tuple(col for col in columns if col != "phones")
        if others:
            plan.append((others, (query,)))
        return plan
    tokens = query.split(" ")
    if len(tokens) > 1 and all(len(t) >= 3 for t in tokens):
        return [(tuple(columns), tuple(tokens))]
    return [(tuple(columns), (query,))]


def _fts_expression(plan: MatchPlan) -> str:
    """Every trigram of every word, quoted (no input is FTS syntax): the index keeps no
    positions, so a word is found as all of its trigrams and confirmed afterwards."""
    alternatives = []
    for _columns, words in plan:
        grams = dict.fromkeys(_quoted(w[i : i + 3]) for w in words for i in range(len(w) - 2))
        alternatives.append("(" + " AND ".join(grams) + ")")
    return " OR ".join(alternatives)


def _confirmation(plan: MatchPlan) -> ColumnElement[bool] | None:
    """The SQL test that a candidate holds each word in the allowed columns; None when the
    trigram hit is already exact (one trigram, and every indexed column may be searched)."""
    every = tuple(col for cols in _FTS_COLUMNS.values() for col in cols)
    if all(set(cols) == set(every) and all(len(w) == 3 for w in words) for cols, words in plan):
        return None
    tests = []
    for columns, words in plan:
        text = _c[columns[0]]
        for col in columns[1:]:
            text = text + COLUMN_SEPARATOR + _c[col]
        tests.append(and_(*(
            getattr(func, CONTAINS_FUNCTION)(text, fold_latin(word)) for word in words
        )))
    return or_(*tests)


def _matches(match: str) -> ColumnElement[bool]:
    return literal_column(SEARCH_TABLE).op("MATCH")(bindparam("match", match))


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


def _visibility(
    owners: list[str], granted_rowids: list[int], by_owner: bool
) -> ColumnElement[bool]:
    """Owned by one of `owners` or granted.

    Unless `by_owner`, a unary plus keeps the planner off the owner indexes, so a walk
    along a name index or the trigram hits stops at the limit instead of first reading
    every owner's rows.
    """
    stored = [uuid_to_bytes(owner) for owner in owners]
    owner = _c.owner_id if by_owner else literal_column("+customers.owner_id")
    clause = owner.in_(stored) if stored else literal(False)
    if granted_rowids:
        clause = or_(clause, _customer_rowid.in_(granted_rowids))
    return clause
