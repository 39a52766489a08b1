"""The search box's query, and upkeep of the customer search index.

The customer service calls these inside its unit of work. The search returns customer ids
in result order; the service applies field permissions and builds rows. Visibility comes in
as `owner_ids` (None: every owner, for an admin) plus `extra_ids` (records granted to a
collaborator); soft-deleted customers are never returned. The list's pages and jumps live
in customer_list; what a query matches, and how a candidate is confirmed, in search_match.

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
from desktop_crm.storage.list_sql import marks, visibility
from desktop_crm.storage.row_filter import NO_ROW_FILTER, RowFilter
from desktop_crm.storage.search_match import (
    FTS_COLUMNS,
    MatchPlan,
    Sql,
    confirmation,
    fts_expression,
    in_range,
    is_chinese,
    match_plan,
)
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

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_WHITESPACE = re.compile(r"\s+")

# FTS5 adds a segment to the index with every commit and by default merges segments inside
# every 64th commit: on a million customers that commit takes 40-60 ms more. Saves leave it
# off (FTS5 still merges a level at once when it reaches 16 segments, a few small pages)
# and the idle thread merges MERGE_STEP_PAGES at a time (~5-10 ms a step, the longest a save
# then waits for the write lock). Revision 0012 stores the setting in the index.
SAVE_AUTOMERGE = 0
REBUILD_AUTOMERGE = 4  # FTS5's default
MERGE_STEP_PAGES = 64

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
    """Re-read every customer into the index (after a bulk load with the triggers off).

    The rebuild writes hundreds of segments in one go, so it merges them as it goes; saves
    afterwards leave merging to the idle thread again.
    """
    _command(connection, "automerge", REBUILD_AUTOMERGE)
    connection.exec_driver_sql(f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('rebuild')")
    _command(connection, "automerge", SAVE_AUTOMERGE)


def merge_search_segments(db: Any) -> bool:
    """One idle step of merging the index's segments, in its own transaction on a raw
    connection (see idle_upkeep); False when no level held enough segments to merge."""
    before = db.total_changes
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute(f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rank)"
                   f" VALUES ('merge', {MERGE_STEP_PAGES})")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return db.total_changes - before >= 2  # FTS5's sign that the merge found work


def _command(connection: Connection, name: str, value: int) -> None:
    connection.exec_driver_sql(
        f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rank) VALUES ('{name}', {int(value)})")


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
    unknown = searchable_columns - FTS_COLUMNS.keys()
    if unknown:
        raise ValueError(f"unknown searchable columns: {sorted(unknown)}")
    query = _WHITESPACE.sub(" ", _CONTROL.sub(" ", query)).strip()
    if not query or limit <= 0 or sees_nothing(owner_ids, extra_ids):
        return []
    short = len(query) < 3
    if short and "name" not in searchable_columns:
        return []
    plan = None if short else match_plan(query, searchable_columns)
    if not short and not plan:
        return []
    visible = Sql("")
    few: tuple[list[bytes | str], list[int]] | None = None  # a small sight's owners, grants
    if owner_ids is not None:
        owners = list(dict.fromkeys(owner_ids))
        granted = granted_rowids(conn, extra_ids, extra_owner_ids)
        # a few customers in sight: read them by owner; many: drive by the match instead
        by_owner = not owners or holds_few(conn, owners)
        stored = [uuid_to_bytes(owner) for owner in owners]
        visible = Sql(*visibility(stored, granted, by_entry=not by_owner))
        few = (stored, granted) if by_owner else None
    tests, test_params = where.sql()
    visible = Sql(visible.text + tests, visible.params + test_params)
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
            arms += _owned_arms(plan, *few, Sql(tests, test_params), cap)
    return _best_first(conn, arms, tier, limit)


def _best_first(conn: Connection, arms: Sequence[Sql], tier: Sql, limit: int) -> list[str]:
    union = " UNION ALL ".join(f"SELECT * FROM ({arm.text})" for arm in arms)
    order = ", ".join(t for t in (tier.text, "sort_key", "name", "id") if t)
    sql = f"SELECT id FROM ({union}) GROUP BY id ORDER BY {order} LIMIT ?"
    params = [p for arm in arms for p in arm.params] + tier.params + [limit]
    return [id_from_stored(row[0]) for row in conn.exec_driver_sql(sql, tuple(params))]


_CANDIDATE = (
    "SELECT customers.id, sort_key, name, name_pinyin, name_initials FROM customers"
)


def _tier(query: str, searchable: set[str]) -> Sql:
    """0 exact name or pinyin, 1 name or pinyin prefix, 2 initials prefix or name
    containing the query, 3 any other hit (a company, phone, e-mail or tag)."""
    if "name" not in searchable:
        return Sql("")  # no tiers: ranking by a hidden name would hint at its value
    whens: list[tuple[str, list[Any], int]] = []
    if is_chinese(query):
        whens += [("name = ?", [query], 0), in_range("name", query, 1)]
    else:
        folded = fold_latin(query)
        whens += [
            ("sort_key = ?", [folded], 0),
            in_range("sort_key", folded, 1),
            in_range("name", query, 1),
        ]
    spelled = query.replace(" ", "").lower()
    if "pinyin" in searchable and spelled.isascii() and spelled.isalpha():
        whens += [
            ("(name_pinyin = ? OR name_initials = ?)", [spelled, spelled], 0),
            in_range("name_pinyin", spelled, 1),
            in_range("name_initials", spelled, 2),
        ]
    if len(query) >= 3:
        whens.append(("instr(lower(name), ?) > 0", [query.lower()], 2))
    text = "CASE" + "".join(f" WHEN {test} THEN {tier}" for test, _, tier in whens) + " ELSE 3 END"
    return Sql(text, [p for _, params, _ in whens for p in params])


def _prefix_arms(query: str, searchable: set[str], visible: Sql, limit: int) -> list[Sql]:
    """One index range scan per way a name can start with the query, in index order."""
    arms = []
    for col, prefix in _prefix_ranges(query, searchable):
        test, params, _ = in_range(col, prefix, 0)
        if col in ("name_pinyin", "name_initials"):
            test += f" AND {col} <> ''"  # what the partial index covers
        arms.append(Sql(
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
    if not is_chinese(query):
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
) -> Sql | None:
    """Every customer of a small known set holding the query: a name that starts with it,
    or (three characters or more) the query confirmed in the searchable columns."""
    tests, params = [], []
    for col, prefix in _prefix_ranges(query, searchable):
        test, range_params, _ = in_range(col, prefix, 0)
        tests.append(test)
        params += range_params
    if plan:
        confirm = confirmation(plan, always=True)
        tests.append(confirm.text.removeprefix(" AND "))
        params += confirm.params
    if not tests:
        return None
    return Sql(
        f"{_CANDIDATE} WHERE rowid IN (SELECT value FROM json_each(?))"
        f" AND deleted_at IS NULL AND ({' OR '.join(tests)})",
        [json.dumps(rowids), *params],
    )


def _trigram_arm(plan: MatchPlan, visible: Sql, cap: int) -> Sql:
    """The first `cap` visible trigram hits in rowid order (ranking every match of a
    frequent term costs too much), each confirmed unless the hit is exact already."""
    confirm = confirmation(plan)
    # The hits drive a join and stop at the cap; `rowid IN (hits)` would first collect
    # every hit of a frequent term (59 ms for "ang" among 1M customers, against 0.2 ms).
    hits = f"(SELECT rowid AS hit FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH ?) AS hits"
    return Sql(
        f"{_CANDIDATE} JOIN {hits} ON customers.rowid = hits.hit"
        f" WHERE deleted_at IS NULL{visible.text}{confirm.text} LIMIT ?",
        [fts_expression(plan), *visible.params, *confirm.params, cap],
    )


def _owned_arms(
    plan: MatchPlan, owners: list[bytes | str], granted: list[int], tests: Sql, cap: int
) -> list[Sql]:
    """The first `cap` customers of these owners, and of the granted ones, holding the
    query: read through the owner index and by rowid, each tested as a trigram hit is
    confirmed (the sight holds few)."""
    confirm = confirmation(plan, always=True)
    arms = []
    for source, params in ((f"owner_id IN ({marks(owners)})", owners),
                           (f"rowid IN ({marks(granted)})", granted)):
        if params:
            arms.append(Sql(
                f"{_CANDIDATE} WHERE {source} AND deleted_at IS NULL{tests.text}{confirm.text}"
                " LIMIT ?",
                [*params, *tests.params, *confirm.params, cap],
            ))
    return arms
