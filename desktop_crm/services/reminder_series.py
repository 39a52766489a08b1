"""Repeating reminders: their occurrences with single-occurrence changes applied, and the
local cache that keeps a month view from expanding every rule on every look.

A rule expands from the period just before a window (domain.recurrence), yet 50,000
reminders with thousands of rules still cost ~100 µs per rule per look. So every write to a
repeating reminder re-expands it over a span around today into reminder_occurrences, and a
read takes cached rows only where the span covers the window and the cached version is the
reminder's version and owner; anything else is expanded afresh. A write path that forgets the cache
(a sync download, a bulk move) makes the calendar slower, never wrong.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, delete, insert, or_, select
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.recurrence import Recurrence, key_text, occurrences, parse_key
from desktop_crm.storage.models import (
    Reminder,
    ReminderOccurrence,
    ReminderOverride,
    ReminderSpan,
)
from desktop_crm.storage.types import as_stored

log = logging.getLogger(__name__)

SPAN_BACK = timedelta(days=400)  # last year's view stays fast
SPAN_AHEAD = timedelta(days=800)  # as far ahead as anyone pages in a month grid
REFRESH_BEFORE = timedelta(days=400)  # extend a span when its end comes this close
_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of a repeating reminder, its changes applied."""

    key: str  # key_text of its original start
    starts_at: datetime  # UTC; all-day: 00:00 UTC of its date
    all_day: bool
    done_at: datetime | None
    snoozed_until: datetime | None


class Series(Protocol):
    """What expansion reads of a repeating reminder: a Reminder, or the calendar's row."""

    @property
    def rrule(self) -> str: ...
    @property
    def due_at(self) -> datetime: ...
    @property
    def all_day(self) -> bool: ...
    @property
    def time_zone(self) -> str: ...


def recurrence_of(reminder: Series, changes: Sequence[ReminderOverride] = ()) -> Recurrence:
    """The rule of a repeating reminder, skipped and moved occurrences excepted."""
    excepted = frozenset(parse_key(c.occurrence, all_day=reminder.all_day) for c in changes
                         if c.deleted_at is None and (c.skipped or c.moved_to is not None))
    return Recurrence(reminder.rrule, series_start(reminder), reminder.time_zone or "UTC",
                      reminder.all_day, excepted)


def series_start(reminder: Series) -> date | datetime:
    """The first occurrence as the rule counts it: a date, or an aware UTC moment."""
    due = reminder.due_at.replace(tzinfo=UTC) if reminder.due_at.tzinfo is None \
        else reminder.due_at
    return due.date() if reminder.all_day else due


def occurrence_start(key: str, reminder: Series) -> datetime:
    """Where an occurrence starts by its rule (UTC; all-day at 00:00 UTC of its date)."""
    parsed = parse_key(key, all_day=reminder.all_day)
    if isinstance(parsed, datetime):
        zone = ZoneInfo(reminder.time_zone or "UTC")
        return as_stored(parsed.replace(tzinfo=zone).astimezone(UTC))
    return as_stored(datetime.combine(parsed, time(), tzinfo=UTC))


def expand(reminder: Series, changes: Sequence[ReminderOverride], lo: datetime,
           hi: datetime) -> list[Occurrence]:
    """The occurrences starting in [lo, hi) (UTC; all-day ones by 00:00 UTC of their date),
    completed, snoozed and moved ones as changed, skipped ones left out."""
    live = [c for c in changes if c.deleted_at is None]
    by_key = {c.occurrence: c for c in live}
    found = []
    try:
        rule = recurrence_of(reminder, live)
        # all-day occurrences are matched by their date at UTC midnight: widen by a day so
        # the expansion's own overlap test keeps every date that starts inside [lo, hi)
        expanded = occurrences(rule, lo - _DAY, hi + _DAY)
    except ValidationError as error:
        # a rule written past the checks (an old import, a foreign sync peer) hides its one
        # reminder, never the whole calendar or the cache upkeep of everyone
        log.warning("reminder %s has a rule the calendar cannot expand: %s", reminder.id, error)
        expanded = []
    for occ in expanded:
        key = key_text(occ.key)
        starts = datetime.combine(occ.key, time(), tzinfo=UTC) \
            if reminder.all_day and not isinstance(occ.key, datetime) else occ.utc_start
        starts = as_stored(starts)
        if lo <= starts < hi:
            change = by_key.get(key)
            found.append(Occurrence(key, starts, reminder.all_day,
                                    change.done_at if change else None,
                                    change.snoozed_until if change else None))
    for change in live:
        if change.moved_to is not None and not change.skipped and lo <= change.moved_to < hi:
            found.append(Occurrence(change.occurrence, change.moved_to, reminder.all_day,
                                    change.done_at, change.snoozed_until))
    found.sort(key=lambda o: o.starts_at)
    return found


def changes_of(session: Session, reminder_ids: Iterable[str], *,
               within: tuple[datetime, datetime] | None = None,
               ) -> dict[str, list[ReminderOverride]]:
    """The single-occurrence changes of these reminders, by reminder; with `within` (UTC
    [lo, hi), as expand takes it) only those that can matter to an expansion of that span."""
    wanted = list(set(reminder_ids))
    found: dict[str, list[ReminderOverride]] = defaultdict(list)
    for start in range(0, len(wanted), 500):
        query = select(ReminderOverride).where(
            ReminderOverride.reminder_id.in_(wanted[start:start + 500]))
        if within is not None:
            query = query.where(_mattering(*within))
        for change in session.execute(query).scalars():
            found[change.reminder_id].append(change)
    return found


def _mattering(lo: datetime, hi: datetime) -> ColumnElement[bool]:
    """A change matters to [lo, hi) when it names an occurrence there or moves one into it.

    Keys are local wall dates (and times) as text, which sort as they read; a local date is
    within a day of its UTC date, and expand looks a day beyond the span, so keys from two
    days before lo to two days after hi cover every occurrence it can meet. (A series ticked
    off weekly for years has hundreds of changes; reading every one made a month expanded on
    the spot several times slower.)
    """
    first, end = (key_text(lo.date() - 2 * _DAY), key_text(hi.date() + 3 * _DAY))
    o = ReminderOverride
    return or_(and_(o.occurrence >= first, o.occurrence < end),
               and_(o.moved_to >= lo, o.moved_to < hi))


def span_around(now: datetime) -> tuple[datetime, datetime]:
    """The span cached for each repeating reminder: whole UTC days around `now`."""
    today = datetime.combine(now.astimezone(UTC).date(), time(), tzinfo=UTC)
    return as_stored(today - SPAN_BACK), as_stored(today + SPAN_AHEAD)


def refresh(session: Session, reminders: Sequence[Reminder], now: datetime) -> int:
    """Re-expand these reminders into the cache (dropping one-off or deleted ones from it);
    returns the number of occurrence rows written."""
    ids = [r.id for r in reminders]
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        session.execute(delete(ReminderOccurrence).where(
            ReminderOccurrence.reminder_id.in_(chunk)))
        session.execute(delete(ReminderSpan).where(ReminderSpan.reminder_id.in_(chunk)))
    repeating = [r for r in reminders if r.rrule and r.deleted_at is None]
    if not repeating:
        return 0
    lo, hi = span_around(now)
    changes = changes_of(session, [r.id for r in repeating])
    rows, spans = [], []
    for reminder in repeating:
        for occ in expand(reminder, changes.get(reminder.id, []), lo, hi):
            rows.append({"reminder_id": reminder.id, "occurrence": occ.key,
                         "owner_id": reminder.owner_id, "starts_at": occ.starts_at,
                         "all_day": occ.all_day, "done_at": occ.done_at,
                         "snoozed_until": occ.snoozed_until,
                         "series_version": reminder.version})
        spans.append({"reminder_id": reminder.id, "owner_id": reminder.owner_id,
                      "series_version": reminder.version,
                      "covers_from": lo, "covers_until": hi})
    if rows:
        # written in calendar order, so a month of many series' occurrences sits on few
        # pages: a window then decrypts tens of pages instead of one per occurrence
        rows.sort(key=lambda row: (row["owner_id"], row["starts_at"]))
        session.execute(insert(ReminderOccurrence), rows)
    session.execute(insert(ReminderSpan), spans)
    return len(rows)


def stale_series(session: Session, now: datetime, limit: int = 2000) -> list[Reminder]:
    """Repeating reminders whose cache is missing, outdated or about to run out."""
    soon = as_stored(now + SPAN_AHEAD - REFRESH_BEFORE)
    query = (select(Reminder)
             .outerjoin(ReminderSpan, ReminderSpan.reminder_id == Reminder.id)
             .where(Reminder.rrule != "", Reminder.deleted_at.is_(None))
             .where((ReminderSpan.reminder_id.is_(None))
                    | (ReminderSpan.series_version != Reminder.version)
                    | (ReminderSpan.owner_id != Reminder.owner_id)
                    | (ReminderSpan.covers_until < soon))
             .limit(limit))
    return list(session.execute(query).scalars())
