"""The call log across customers: newest-first keyset pages, counts, and the outcomes in use.

A page walks the live calls by start time (ix_interactions_started; for one person's calls
ix_interactions_user_started) from the newest down, looks each call's customer up by id and
keeps the calls whose customer the reader sees: one owned by `owner_ids` or shared with them
(`customer_ids`). The order is (started_at, customer_id, rowid) descending, the start-time
index's own order, so calls that started at the same moment page without a gap or a repeat;
a page key is that triple. One person's index holds (their id's tag, started_at, rowid):
calls of theirs sharing a start time are sorted among themselves, a few at a time.

Visibility follows the customer, so a reader who sees a few owners' customers walks past the
calls of the others: at 0.95M calls, a salesperson holding 15 % of the customers reads about
seven calls per call shown. Kind and outcome are tested on the call's row, not on an index.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import Connection

from desktop_crm.storage.types import (
    from_millis,
    id_from_stored,
    id_tag,
    id_tag_sql,
    to_millis,
    uuid_to_bytes,
)

PageKey = tuple[datetime, str, int]  # (started_at, customer_id, rowid) of a page's last call

_BY_START = "ix_interactions_started"
_BY_USER = "ix_interactions_user_started"
_ORDER = "i.started_at DESC, i.customer_id DESC, i.rowid DESC"
_COLUMNS = ("i.rowid, i.id, i.customer_id, c.name, c.owner_id, i.user_id, i.kind, i.direction,"
            " i.started_at, i.duration_seconds, i.outcome, i.summary, i.next_step_at")


@dataclass(frozen=True)
class CallQuery:
    """Which calls: whose customers, and the filters (all optional)."""

    owner_ids: Collection[str] | None = None  # customers of these owners; None: every owner
    customer_ids: Collection[str] = ()  # and these customers (shared with the reader)
    since: datetime | None = None  # started at or after
    until: datetime | None = None  # started before
    user_id: str | None = None  # logged by
    outcome: str | None = None
    kind: str | None = None

    @property
    def sees_nothing(self) -> bool:
        return self.owner_ids is not None and not self.owner_ids and not self.customer_ids


class CallRecord(NamedTuple):
    """One call with its customer's name and owner, as stored (ids as text, times aware)."""

    rowid: int
    id: str
    customer_id: str
    customer_name: str
    customer_owner_id: str | None
    user_id: str | None
    kind: str
    direction: str
    started_at: datetime
    duration_seconds: int
    outcome: str
    summary: str
    next_step_at: datetime | None

    @property
    def key(self) -> PageKey:
        return (self.started_at, self.customer_id, self.rowid)


def page_calls(
    conn: Connection, query: CallQuery, *, after: PageKey | None, limit: int
) -> list[CallRecord]:
    """The next `limit` calls after the key `after` (None: from the newest)."""
    if limit <= 0 or query.sees_nothing:
        return []
    sql, params = page_statement(query, after=after, limit=limit)
    return [_record(row) for row in conn.exec_driver_sql(sql, params)]


def page_statement(
    query: CallQuery, *, after: PageKey | None, limit: int
) -> tuple[str, tuple[Any, ...]]:
    """The SQL of one page and its parameters (a test reads its query plan)."""
    walk, params = _walk(query, after)
    sql = f"SELECT {_COLUMNS}{walk} ORDER BY {_ORDER} LIMIT ?"
    return sql, (*params, limit)


def count_calls(conn: Connection, query: CallQuery, *, at_most: int | None = None) -> int:
    """How many calls match, counting no further than `at_most` (None: all of them).

    Every owner's calls in a period are counted from the start-time index alone, less the
    calls of deleted customers. Otherwise each call is walked and its customer looked up.
    """
    if query.sees_nothing or (at_most is not None and at_most <= 0):
        return 0
    if query.owner_ids is None and not query.customer_ids and query.user_id is None \
            and query.outcome is None and query.kind is None:
        total = _count_in_period(conn, query) - _count_of_deleted_customers(conn, query)
        return total if at_most is None else min(total, at_most)
    walk, params = _walk(query, None)
    sql = f"SELECT count(*) FROM (SELECT 1{walk} LIMIT ?)"
    return int(conn.exec_driver_sql(sql, (*params, -1 if at_most is None else at_most))
               .scalar_one())


def outcomes_in_use(conn: Connection, query: CallQuery, *, sample: int, limit: int) -> list[str]:
    """The outcomes of the newest `sample` matching calls, most used first."""
    if query.sees_nothing or sample <= 0 or limit <= 0:
        return []
    walk, params = _walk(query, None)
    sql = (f"SELECT outcome FROM (SELECT i.outcome AS outcome{walk} ORDER BY {_ORDER} LIMIT ?)"
           " WHERE outcome <> '' GROUP BY outcome ORDER BY count(*) DESC, outcome LIMIT ?")
    return [row[0] for row in conn.exec_driver_sql(sql, (*params, sample, limit))]


def callers_in_use(conn: Connection, query: CallQuery, *, sample: int) -> list[str]:
    """The users who logged the newest `sample` matching calls, most calls first."""
    if query.sees_nothing or sample <= 0:
        return []
    walk, params = _walk(query, None)
    sql = (f"SELECT user_id FROM (SELECT i.user_id AS user_id{walk} ORDER BY {_ORDER} LIMIT ?)"
           " WHERE user_id IS NOT NULL GROUP BY user_id ORDER BY count(*) DESC")
    return [id_from_stored(row[0]) for row in conn.exec_driver_sql(sql, (*params, sample))]


def _walk(query: CallQuery, after: PageKey | None) -> tuple[str, list[Any]]:
    """FROM and WHERE of the walk down the start-time index, and their parameters.

    CROSS JOIN keeps the calls as the outer loop: SQLite would otherwise start from the
    owners' customers and sort all of their calls for every page.
    """
    index = _BY_USER if query.user_id is not None else _BY_START
    sql = (f" FROM interactions AS i INDEXED BY {index}"
           " CROSS JOIN customers AS c ON c.id = i.customer_id"
           " WHERE i.deleted_at IS NULL AND c.deleted_at IS NULL")
    params: list[Any] = []
    if query.user_id is not None:
        # the tag on the index entry, the id itself on the row the page reads anyway
        user = uuid_to_bytes(query.user_id)
        sql += f" AND {id_tag_sql('i.user_id')} = ? AND i.user_id = ?"
        params += [id_tag(user), user]
    period, period_params = _period("i.", query)
    sql += period
    params += period_params
    if query.kind is not None:
        sql += " AND i.kind = ?"
        params.append(query.kind)
    if query.outcome is not None:
        sql += " AND i.outcome = ?"
        params.append(query.outcome)
    if query.owner_ids is not None:
        owners = [uuid_to_bytes(o) for o in query.owner_ids]
        customers = [uuid_to_bytes(c) for c in query.customer_ids]
        tests = []
        if owners:
            tests.append(f"c.owner_id IN ({_marks(owners)})")
        if customers:
            tests.append(f"c.id IN ({_marks(customers)})")
        sql += f" AND ({' OR '.join(tests)})"
        params += owners + customers
    if after is not None:
        sql += " AND (i.started_at, i.customer_id, i.rowid) < (?, ?, ?)"
        params += [to_millis(after[0]), uuid_to_bytes(after[1]), after[2]]
    return sql, params


def _period(prefix: str, query: CallQuery) -> tuple[str, list[Any]]:
    sql, params = "", []
    if query.since is not None:
        sql += f" AND {prefix}started_at >= ?"
        params.append(to_millis(query.since))
    if query.until is not None:
        sql += f" AND {prefix}started_at < ?"
        params.append(to_millis(query.until))
    return sql, params


def _count_in_period(conn: Connection, query: CallQuery) -> int:
    period, params = _period("", query)
    sql = (f"SELECT count(*) FROM interactions INDEXED BY {_BY_START}"
           f" WHERE deleted_at IS NULL{period}")
    return int(conn.exec_driver_sql(sql, tuple(params)).scalar_one())


def _count_of_deleted_customers(conn: Connection, query: CallQuery) -> int:
    """Live calls in the period whose customer is deleted (a deleted customer's calls stay,
    hidden with it); deleted customers are few and indexed apart."""
    period, params = _period("i.", query)
    sql = ("SELECT count(*) FROM customers AS c INDEXED BY ix_customers_deleted"
           " CROSS JOIN interactions AS i ON i.customer_id = c.id"
           f" WHERE c.deleted_at IS NOT NULL AND i.deleted_at IS NULL{period}")
    return int(conn.exec_driver_sql(sql, tuple(params)).scalar_one())


def _record(row: Any) -> CallRecord:
    (rowid, call_id, customer_id, name, owner_id, user_id, kind, direction, started_at,
     duration, outcome, summary, next_step_at) = row
    return CallRecord(
        rowid, id_from_stored(call_id), id_from_stored(customer_id), name,
        None if owner_id is None else _person_id(owner_id),
        None if user_id is None else _person_id(user_id), kind, direction,
        from_millis(started_at), duration, outcome, summary,
        None if next_step_at is None else from_millis(next_step_at))


# owners and callers are few and repeat on every page: decode each once
_person_id = lru_cache(maxsize=1024)(id_from_stored)


def _marks(values: Collection[Any]) -> str:
    return ", ".join("?" for _ in values)
