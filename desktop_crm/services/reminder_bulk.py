"""Many reminders at once, for a caller that made and checked them itself (the generator).

Core `executemany` for the rows (the ORM costs five times as much per row), then the
occurrence cache over the repeating ones, each loaded once, a few hundred per pass so a
salesperson's 55k birthdays never sit in memory together. No audit event per row: the caller
writes one for the batch, with its counts, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from desktop_crm.domain.ids import new_id
from desktop_crm.services import reminder_series as series
from desktop_crm.services.context import Work
from desktop_crm.storage.models import Reminder

_REQUIRED = frozenset({"owner_id", "kind", "title", "due_at", "all_day"})
# what a row may leave out, and what it then gets (as add_reminder's defaults)
_OPTIONAL: dict[str, Any] = {"customer_id": None, "source": "", "ends_at": None, "notes": "",
                             "rrule": "", "time_zone": ""}
_INSERT_CHUNK = 5000  # rows per executemany: its bound copy of the values stays small
# series loaded and cached per pass: memory stays flat for 55k birthdays, and an IN (...)
# of this many ids stays well below SQLite's variable limit
_CACHE_CHUNK = 500


def add_reminders(w: Work, rows: Sequence[dict[str, Any]]) -> list[str]:
    """Write these validated reminders (each with add_reminder's fields: owner_id, kind,
    title, due_at, all_day, and optionally customer_id, source, ends_at, notes, rrule,
    time_zone) in the caller's unit of work; returns their new ids in the rows' order."""
    records = [_record(w, row) for row in rows]
    if not records:
        return []
    for start in range(0, len(records), _INSERT_CHUNK):
        w.session.execute(Reminder.__table__.insert(), records[start:start + _INSERT_CHUNK])
    repeating = [record["id"] for record in records if record["rrule"]]
    for start in range(0, len(repeating), _CACHE_CHUNK):
        loaded = w.session.execute(select(Reminder).where(
            Reminder.id.in_(repeating[start:start + _CACHE_CHUNK]))).scalars().all()
        series.refresh(w.session, loaded, w.now)
    return [record["id"] for record in records]


def _record(w: Work, row: dict[str, Any]) -> dict[str, Any]:
    missing = _REQUIRED - row.keys()
    unknown = row.keys() - _REQUIRED - _OPTIONAL.keys()
    if missing or unknown:  # a caller's mistake, not a person's: say it like a bad call
        raise TypeError(f"reminder row: missing {sorted(missing)}, unknown {sorted(unknown)}")
    return {**_OPTIONAL, **row, "id": new_id(), "created_at": w.now, "updated_at": w.now,
            "version": 1, "updated_by": w.actor.user_id, "deleted_at": None, "done_at": None,
            "snoozed_until": None}


__all__ = ["add_reminders"]
