"""The calendar's raw-SQL lower bounds: the rows a calendar call must read, read straight on a
sqlcipher3 connection from the same indexes (no SQLAlchemy, no rule expansion, no names).

A window reads the owner's one-off reminders in the window's envelope (all-day ones by their
UTC midnight, timed ones by their instant) from (owner, due) and the cached occurrences from
(owner, start). Where the cache cannot answer, the series rows and their occurrence changes
are read too; expanding them is CPU the bound leaves out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

import sqlcipher3

from desktop_crm.storage.types import to_millis, uuid_to_bytes

ONE_OFF_COLUMNS = ("id, kind, title, due_at, ends_at, all_day, done_at, snoozed_until,"
                   " customer_id, version")
_ONE_OFFS = (f"SELECT {ONE_OFF_COLUMNS} FROM reminders WHERE owner_id = ? AND due_at >= ?"
             " AND due_at < ? AND rrule = '' AND deleted_at IS NULL")
_OCCURRENCES = ("SELECT reminder_id, occurrence, starts_at, all_day, done_at, snoozed_until"
                " FROM reminder_occurrences WHERE owner_id = ? AND starts_at >= ?"
                " AND starts_at < ?")
_SERIES = ("SELECT id, kind, title, due_at, ends_at, all_day, rrule, time_zone, customer_id,"
           " version FROM reminders WHERE owner_id = ? AND rrule <> '' AND deleted_at IS NULL")
_CHANGES = ("SELECT reminder_id, occurrence, done_at, snoozed_until, moved_to, skipped"
            " FROM reminder_overrides WHERE reminder_id IN (SELECT id FROM reminders"
            " WHERE owner_id = ? AND rrule <> '' AND deleted_at IS NULL)")
_OVERDUE = ("FROM reminders WHERE owner_id = ? AND due_at <= ? AND rrule = ''"
            " AND deleted_at IS NULL AND done_at IS NULL")


@dataclass(frozen=True)
class Envelope:
    """The stored range [lo, hi) holding the local days [first, end) in a zone."""

    lo: int
    hi: int

    @classmethod
    def of(cls, first: date, end: date, zone: tzinfo) -> Envelope:
        def at(day: date, where: tzinfo) -> int:
            return to_millis(datetime.combine(day, time(), tzinfo=where).astimezone(UTC))

        return cls(min(at(first, UTC), at(first, zone)), max(at(end, UTC), at(end, zone)))


def _rows(conn: sqlcipher3.Connection, sql: str, args: list[Any]) -> list[tuple[Any, ...]]:
    return conn.execute(sql, args).fetchall()


def cached_window(conn: sqlcipher3.Connection, owner: str, days: Envelope) -> int:
    """One-offs and cached occurrences in the envelope; returns the rows read."""
    who = uuid_to_bytes(owner)
    return (len(_rows(conn, _ONE_OFFS, [who, days.lo, days.hi]))
            + len(_rows(conn, _OCCURRENCES, [who, days.lo, days.hi])))


def expanded_window(conn: sqlcipher3.Connection, owner: str, days: Envelope) -> int:
    """One-offs in the envelope, every live series of the owner and their changes."""
    who = uuid_to_bytes(owner)
    return (len(_rows(conn, _ONE_OFFS, [who, days.lo, days.hi]))
            + len(_rows(conn, _SERIES, [who])) + len(_rows(conn, _CHANGES, [who])))


def overdue(conn: sqlcipher3.Connection, owner: str, now: datetime,
            limit: int | None) -> tuple[int, int]:
    """Undone one-offs due by now (the newest `limit`) and how many there are."""
    who, until = uuid_to_bytes(owner), to_millis(now)
    total = int(conn.execute(f"SELECT count(*) {_OVERDUE}", [who, until]).fetchone()[0])
    sql = f"SELECT {ONE_OFF_COLUMNS} {_OVERDUE} ORDER BY due_at DESC"
    args: list[Any] = [who, until]
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    return len(_rows(conn, sql, args)), total


def hub(conn: sqlcipher3.Connection, owner: str, now: datetime, zone: tzinfo,
        bucket: int) -> int:
    """The hub's index ranges: the overdue count and newest `bucket`, and the one-offs and
    occurrences from a week back (missed repeats) to a month ahead (contracts)."""
    read, _total = overdue(conn, owner, now, bucket)
    today = now.astimezone(zone).date()
    return read + cached_window(conn, owner, Envelope.of(today - timedelta(days=7),
                                                         today + timedelta(days=31), zone))


def due(conn: sqlcipher3.Connection, owner: str, now: datetime, zone: tzinfo) -> int:
    """Every overdue one-off, and the occurrences of the last week."""
    read, _total = overdue(conn, owner, now, None)
    today = now.astimezone(zone).date()
    return read + cached_window(conn, owner, Envelope.of(today - timedelta(days=7),
                                                         today + timedelta(days=1), zone))
