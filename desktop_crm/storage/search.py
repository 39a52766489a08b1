"""The search box's query, and upkeep of the customer search index.

The customer service calls these inside its unit of work. The search returns customer ids
in result order; the service applies field permissions and builds rows. Visibility comes in
as `owner_ids` (None: every owner, for an admin) plus `extra_ids` (records granted to a
collaborator); soft-deleted customers are never returned. The list's pages and jumps live
in customer_list.

Speed rules (DESIGN.md "Speed facts"): never a scan of the customers table; trigram search
ranks a bounded candidate set, not every match of a frequent term.
Ranking is by tiers (exact name, prefix, contains, other column), not bm25: cheaper, and
the same whichever plan a user's scope leads to.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DatabaseError

from desktop_crm.storage.customer_list import (
    granted_rowids,
    holds_few,
    sees_nothing,
    selective_rowids,
)
from desktop_crm.storage.list_sql import visibility
from desktop_crm.storage.row_filter import NO_ROW_FILTER, RowFilter
from desktop_crm.storage.text_match import COLUMN_SEPARATOR, CONTAINS_FUNCTION
from desktop_crm.storage.text_match import fold as fold_latin
from desktop_crm.storage.types import id_from_stored, uuid_to_bytes

SEARCH_TABLE = "customer_fts"

# Trigram hits read (in index order) and ranked at most, per result wanted: a frequent term
# ("138", "wang") matches hundreds of thousands of customers, and ranking all of them costs
# ~0.4 s at 1M rows. Names starting with the query come from their own index ranges.
CANDIDATES_PER_RESULT = 4


# A filter's passing customers (when collected) are searched one by one up to this many
# (~5 µs each, so ~100 ms at most); the usual arms, testing the filter on each name or
# term hit, are quicker for a common name but can read hundreds of thousands of hits.
AMONG_MAX = 20_000

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
    """Bulk-load customers inside this one transaction without per-row index upkeep; the
    triggers come back and the index is rebuilt before it commits (a rollback restores
    them with everything else)."""
    drop_search_triggers(connection)
    yield
    restore_search_index(connection)


def drop_search_triggers(connection: Connection) -> None:
    for name in SEARCH_TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def restore_search_index(connection: Connection) -> None:
    """Put the triggers back and re-read every customer into the index."""
    for ddl in SEARCH_TRIGGERS.values():
        connection.exec_driver_sql(ddl)
    rebuild_search_index(connection)


def search_customer_ids(
    conn: Connection,
    query: str,
    *,
    limit: int,
    owner_ids: Collection[str] | None,
    extra_ids: Collection[str] = (),
    searchable_columns: set[str],
    extra_owner_ids: Collection[str] | None = None,
    where: RowFilter = NO_ROW_FILTER,
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
    `extra_owner_ids` and `where` narrow the hits as they narrow a list (see customer_list).
    The statement is written out as SQL: built through the expression language it cost
    more than SQLite's own work.
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
    visible = _Sql("")
    few: tuple[list[bytes | str], list[int]] | None = None  # a small sight's owners, grants
    if owner_ids is not None:
        owners = list(dict.fromkeys(owner_ids))
        granted = granted_rowids(conn, extra_ids, extra_owner_ids)
        # a few customers in sight: read them by owner; many: drive by the match instead
        by_owner = not owners or holds_few(conn, owners)
        stored = [uuid_to_bytes(owner) for owner in owners]
        visible = _Sql(*visibility(stored, granted, by_entry=not by_owner))
        few = (stored, granted) if by_owner else None
    tests, test_params = where.sql()
    visible = _Sql(visible.text + tests, visible.params + test_params)
    tier = _tier(query, searchable_columns)
    if few is None and not where.empty:
        # a filter few customers pass: test those few rather than a name range or a
        # term's hits among everyone (a rare city at a million: 0.2-0.5 s so, ~10 ms)
        rowids = selective_rowids(conn, owner_ids=owner_ids, extra_ids=extra_ids,
                                  extra_owner_ids=extra_owner_ids, where=where)
        if rowids is not None and len(rowids) <= AMONG_MAX:
            among = _among(rowids, query, searchable_columns, plan)
            return [] if among is None else _best_first(conn, [among], tier, limit)
    arms = _prefix_arms(query, searchable_columns, visible, limit)
    if arms:
        found = _best_first(conn, arms, tier, limit)
        # names starting with the query outrank every other trigram hit: a full page of
        # them needs no trigram search (for "Smith" or "wangfang" the costly part)
        if not plan or len(found) == limit:
            return found
    if plan:
        cap = CANDIDATES_PER_RESULT * limit
        if few is None:
            arms.append(_trigram_arm(plan, visible, cap))
        else:  # testing each of a few customers beats reading a frequent term's hits among
            # everyone's (0.6 s for "wang" at a million, for someone who holds a hundred)
            arms += _owned_arms(plan, *few, _Sql(tests, test_params), cap)
    return _best_first(conn, arms, tier, limit)


def _best_first(conn: Connection, arms: Sequence[_Sql], tier: _Sql, limit: int) -> list[str]:
    union = " UNION ALL ".join(f"SELECT * FROM ({arm.text})" for arm in arms)
    order = ", ".join(t for t in (tier.text, "sort_key", "name", "id") if t)
    sql = f"SELECT id FROM ({union}) GROUP BY id ORDER BY {order} LIMIT ?"
    params = [p for arm in arms for p in arm.params] + tier.params + [limit]
    return [id_from_stored(row[0]) for row in conn.exec_driver_sql(sql, tuple(params))]


class _Sql:
    """A piece of SQL and its parameters, in order."""

    def __init__(self, text: str, params: Sequence[Any] = ()) -> None:
        self.text = text
        self.params = list(params)


_CANDIDATE = (
    "SELECT customers.id, sort_key, name, name_pinyin, name_initials FROM customers"
)


def _tier(query: str, searchable: set[str]) -> _Sql:
    """0 exact name or pinyin, 1 name or pinyin prefix, 2 initials prefix or name
    containing the query, 3 any other hit (a company, phone, e-mail or tag)."""
    if "name" not in searchable:
        return _Sql("")  # no tiers: ranking by a hidden name would hint at its value
    whens: list[tuple[str, list[Any], int]] = []
    if _is_chinese(query):
        whens += [("name = ?", [query], 0), _in_range("name", query, 1)]
    else:
        folded = fold_latin(query)
        whens += [
            ("sort_key = ?", [folded], 0),
            _in_range("sort_key", folded, 1),
            _in_range("name", query, 1),
        ]
    spelled = query.replace(" ", "").lower()
    if "pinyin" in searchable and spelled.isascii() and spelled.isalpha():
        whens += [
            ("(name_pinyin = ? OR name_initials = ?)", [spelled, spelled], 0),
            _in_range("name_pinyin", spelled, 1),
            _in_range("name_initials", spelled, 2),
        ]
    if len(query) >= 3:
        whens.append(("instr(lower(name), ?) > 0", [query.lower()], 2))
    text = "CASE" + "".join(f" WHEN {test} THEN {tier}" for test, _, tier in whens) + " ELSE 3 END"
    return _Sql(text, [p for _, params, _ in whens for p in params])


def _prefix_arms(query: str, searchable: set[str], visible: _Sql, limit: int) -> list[_Sql]:
    """One index range scan per way a name can start with the query, in index order."""
    arms = []
    for col, prefix in _prefix_ranges(query, searchable):
        test, params, _ = _in_range(col, prefix, 0)
        if col == "name_pinyin":
            test += " AND name_pinyin <> ''"  # what the partial index covers
        arms.append(_Sql(
            f"{_CANDIDATE} WHERE {test} AND deleted_at IS NULL{visible.text}"
            f" ORDER BY {col} LIMIT ?",
            [*params, *visible.params, limit],
        ))
    return arms


def _prefix_ranges(query: str, searchable: set[str]) -> list[tuple[str, str]]:
    """(column, prefix): each way a name can start with the query."""
    if "name" not in searchable:
        return []
    ranges = [("name", query)]
    if not _is_chinese(query):
        ranges.append(("sort_key", fold_latin(query)))
    spelled = query.replace(" ", "").lower()
    if "pinyin" in searchable and spelled.isascii() and spelled.isalpha():
        if len(query) < 3:
            ranges.append(("name_initials", spelled))
        else:
            ranges.append(("name_pinyin", spelled))
    return ranges


def _among(
    rowids: list[int], query: str, searchable: set[str], plan: MatchPlan | None
) -> _Sql | None:
    """Every customer of a small known set holding the query: a name that starts with it,
    or (three characters or more) the query confirmed in the searchable columns."""
    tests, params = [], []
    for col, prefix in _prefix_ranges(query, searchable):
        test, range_params, _ = _in_range(col, prefix, 0)
        tests.append(test)
        params += range_params
    if plan:
        confirm = _confirmation(plan, always=True)
        tests.append(confirm.text.removeprefix(" AND "))
        params += confirm.params
    if not tests:
        return None
    return _Sql(
        f"{_CANDIDATE} WHERE rowid IN (SELECT value FROM json_each(?))"
        f" AND deleted_at IS NULL AND ({' OR '.join(tests)})",
        [json.dumps(rowids), *params],
    )


def _trigram_arm(plan: MatchPlan, visible: _Sql, cap: int) -> _Sql:
    """The first `cap` visible trigram hits in rowid order (ranking every match of a
    frequent term costs too much), each confirmed unless the hit is exact already."""
    confirm = _confirmation(plan)
    # The hits drive a join and stop at the cap; `rowid IN (hits)` would first collect
    # every hit of a frequent term (59 ms for "ang" among 1M customers, against 0.2 ms).
    hits = f"(SELECT rowid AS hit FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH ?) AS hits"
    return _Sql(
        f"{_CANDIDATE} JOIN {hits} ON customers.rowid = hits.hit"
        f" WHERE deleted_at IS NULL{visible.text}{confirm.text} LIMIT ?",
        [_fts_expression(plan), *visible.params, *confirm.params, cap],
    )


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


def _owned_arms(
    plan: MatchPlan, owners: list[bytes | str], granted: list[int], tests: _Sql, cap: int
) -> list[_Sql]:
    """The first `cap` customers of these owners, and of the granted ones, holding the
    query: read through the owner index and by rowid, each tested as a trigram hit is
    confirmed (the sight holds few)."""
    confirm = _confirmation(plan, always=True)
    arms = []
    for source, params in ((f"owner_id IN ({_marks(owners)})", owners),
                           (f"rowid IN ({_marks(granted)})", granted)):
        if params:
            arms.append(_Sql(
                f"{_CANDIDATE} WHERE {source} AND deleted_at IS NULL{tests.text}{confirm.text}"
                " LIMIT ?",
                [*params, *tests.params, *confirm.params, cap],
            ))
    return arms


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def _confirmation(plan: MatchPlan, *, always: bool = False) -> _Sql:
    """The test that a candidate holds each word in the allowed columns; nothing when the
    trigram hit is already exact (one trigram, and every indexed column may be searched)
    unless `always`."""
    every = tuple(col for cols in _FTS_COLUMNS.values() for col in cols)
    exact = all(set(cols) == set(every) and all(len(w) == 3 for w in words)
                for cols, words in plan)
    if exact and not always:
        return _Sql("")
    tests, params = [], []
    for columns, words in plan:
        text = f" || char({ord(COLUMN_SEPARATOR)}) || ".join(columns)
        tests.append(" AND ".join(f"{CONTAINS_FUNCTION}({text}, ?)" for _ in words))
        params += [fold_latin(word) for word in words]
    return _Sql(" AND (" + " OR ".join(f"({t})" for t in tests) + ")", params)


def _quoted(term: str) -> str:
    # Inside an FTS5 string everything is literal; a double quote is written twice.
    return '"' + term.replace('"', '""') + '"'


def _is_chinese(query: str) -> bool:
    """No Latin letter or digit: matched on the name as typed, not on its sort key.

    (A query that folds to nothing, such as a lone accent, is matched as typed too.)
    """
    return not any(ch.isascii() and ch.isalnum() for ch in query) or not fold_latin(query)


def _in_range(col: str, prefix: str, tier: int) -> tuple[str, list[Any], int]:
    """`col` starts with `prefix`, as an index range (LIKE would not use the index)."""
    return f"({col} >= ? AND {col} < ?)", [prefix, prefix + _TOP], tier
