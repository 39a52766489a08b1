"""What is due: the entries whose alarm has come, for notifications and the to-do hub.

The alarm of an entry is its start (an all-day one: 09:00 of its day), or later when it is
snoozed. A missed one-off reminder stays overdue until it is done. A repeating reminder counts
only its latest occurrence of the last week: last Monday's missed weekly call is overdue,
the three before it have lapsed, and a done latest occurrence means nothing is overdue.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime, time, timedelta, tzinfo

from sqlalchemy import and_, func, or_, select

from desktop_crm.services import reminder_calendar as calendar
from desktop_crm.services import reminder_series as series
from desktop_crm.services.context import Work
from desktop_crm.services.reminder_views import ALL_DAY_ALARM, Entry
from desktop_crm.storage.models import Reminder, ReminderOverride
from desktop_crm.storage.types import as_stored

LAPSE = timedelta(days=7)  # a repeating reminder's missed occurrence stays overdue this long
_MS = timedelta(milliseconds=1)  # the stored resolution: (since, until] as [since + 1 ms, ...]
_DAY = timedelta(days=1)


def due_entries(w: Work, until: datetime, since: datetime | None, zone: tzinfo, *,
                owner_ids: Collection[str] | None = None) -> list[Entry]:
    """Undone entries of these owners (default: the user) with alarm in (since, until], by
    alarm; with no `since` every overdue one as the module docstring counts them."""
    owners = frozenset(owner_ids) if owner_ids is not None else frozenset({w.actor.user_id})
    until = as_stored(until.astimezone(UTC))
    if since is None:
        one_offs, _ = overdue_one_offs(w, owners, until, zone, limit=None)
        found = one_offs + missed_occurrences(w, owners, until, zone)
    else:
        since = as_stored(since.astimezone(UTC))
        found = _one_offs_between(w, owners, since, until) + _distinct(
            _occurrences_between(w, owners, since, until, zone)
            + _snoozed_occurrences(w, owners, since, until))
    made = calendar.entries(w, found)
    chosen = [e for e in made if e.done_at is None and e.alarm(zone) <= until
              and (since is None or e.alarm(zone) > since)]
    return sorted(chosen, key=lambda e: (e.alarm(zone), e.title, e.reminder_id))


def overdue_one_offs(w: Work, owners: Collection[str], until: datetime, zone: tzinfo, *,
                     limit: int | None) -> tuple[list[calendar.Found], int]:
    """Undone one-off reminders with alarm at or before `until`: the latest `limit` of them
    and how many there are in all."""
    # an all-day reminder's alarm is 09:00 on its day: due once that day is on or before
    # the local date of (until - 9 h)
    morning = timedelta(hours=ALL_DAY_ALARM.hour, minutes=ALL_DAY_ALARM.minute)
    last_day = (until.astimezone(zone) - morning).date()
    cut = as_stored(datetime.combine(last_day + _DAY, time(), tzinfo=UTC))
    condition = and_(
        # the bound both kinds share: one range of the (owner, due) index, read once (each
        # kind's own range made SQLite read the owner's past twice, or all of it newest first)
        Reminder.due_at < max(until + _MS, cut),
        Reminder.rrule == "", Reminder.deleted_at.is_(None), Reminder.done_at.is_(None),
        or_(and_(~Reminder.all_day, Reminder.due_at <= until),
            and_(Reminder.all_day, Reminder.due_at < cut)),
        or_(Reminder.snoozed_until.is_(None), Reminder.snoozed_until <= until))
    found: list[calendar.Found] = []
    total = 0
    for chunk in calendar.chunks(owners):
        where = and_(Reminder.owner_id.in_(chunk), condition)
        query = calendar.select_items().where(where).order_by(Reminder.due_at.desc())
        if limit is not None:
            total += w.session.execute(select(func.count()).where(where)).scalar_one()
            query = query.limit(limit)
        rows = [calendar.one_off(row) for row in calendar.column_rows(w, query)]
        if limit is None:
            total += len(rows)  # all of them are here: no second pass to count them
        found += rows
    found.sort(key=lambda f: f.starts_at, reverse=True)
    return (found[:limit] if limit is not None else found), total


def _one_offs_between(w: Work, owners: Collection[str], since: datetime,
                      until: datetime) -> list[calendar.Found]:
    """Candidates: due around the span (an all-day alarm is up to a day from its stored
    midnight), or snoozed into it."""
    live = and_(Reminder.rrule == "", Reminder.deleted_at.is_(None),
                Reminder.done_at.is_(None))
    by_id: dict[str, calendar.Found] = {}
    for chunk in calendar.chunks(owners):
        for condition in (and_(Reminder.due_at > since - _DAY, Reminder.due_at <= until + _DAY),
                          and_(Reminder.snoozed_until > since,
                               Reminder.snoozed_until <= until)):
            for row in calendar.column_rows(w, calendar.select_items().where(
                    Reminder.owner_id.in_(chunk), live, condition)):
                found = calendar.one_off(row)
                by_id[found.reminder.id] = found
    return list(by_id.values())


def _occurrences_between(w: Work, owners: Collection[str], since: datetime, until: datetime,
                         zone: tzinfo) -> list[calendar.Found]:
    days = calendar.Days(since.astimezone(zone).date() - _DAY,
                         until.astimezone(zone).date() + 2 * _DAY, zone)
    return [f for f in calendar.find(w, days, owners, include_done=False)
            if f.occurrence is not None]


def missed_occurrences(w: Work, owners: Collection[str], until: datetime,
                       zone: tzinfo) -> list[calendar.Found]:
    """The overdue occurrences of repeating reminders: per reminder its latest occurrence of
    the last week if not done, and any occurrence whose snooze has run out."""
    return _distinct(_latest_missed(w, owners, until, zone)
                     + _snoozed_occurrences(w, owners, None, until))


def _latest_missed(w: Work, owners: Collection[str], until: datetime,
                   zone: tzinfo) -> list[calendar.Found]:
    days = calendar.Days((until - LAPSE).astimezone(zone).date(),
                         until.astimezone(zone).date() + _DAY, zone)
    latest: dict[str, calendar.Found] = {}
    for f in calendar.find(w, days, owners, include_done=True):
        # by its own alarm, not its stored start: this morning's all-day occurrence, not yet
        # announced at 08:00, must not hide yesterday's missed one
        if f.occurrence is None or _first_alarm(f, zone) > until:
            continue
        held = latest.get(f.reminder.id)
        if held is None or f.starts_at > held.starts_at:
            latest[f.reminder.id] = f
    return [f for f in latest.values() if f.done_at is None]


def _first_alarm(found: calendar.Found, zone: tzinfo) -> datetime:
    """When an occurrence is first due, snooze aside (all-day: 09:00 of its day)."""
    if not found.reminder.all_day:
        return found.starts_at
    return datetime.combine(found.starts_at.date(), ALL_DAY_ALARM, tzinfo=zone)


def _snoozed_occurrences(w: Work, owners: Collection[str], since: datetime | None,
                         until: datetime) -> list[calendar.Found]:
    """Occurrences snoozed to a moment in (since, until], however long ago they started."""
    c = ReminderOverride
    found = []
    for chunk in calendar.chunks(owners):
        query = (select(c.occurrence, c.moved_to, c.snoozed_until, *calendar.ITEM_COLUMNS)
                 .join(Reminder, Reminder.id == c.reminder_id)
                 .where(Reminder.owner_id.in_(chunk), Reminder.rrule != "",
                        Reminder.deleted_at.is_(None), c.deleted_at.is_(None),
                        c.done_at.is_(None), ~c.skipped, c.snoozed_until <= until))
        if since is not None:
            query = query.where(c.snoozed_until > since)
        for key, moved_to, snoozed, *columns in w.session.execute(query).tuples():
            item = calendar.Item(*columns)
            starts = moved_to if moved_to is not None else series.occurrence_start(key, item)
            found.append(calendar.Found(item, key, starts, None, snoozed))
    return found


def _distinct(found: list[calendar.Found]) -> list[calendar.Found]:
    """One entry per (reminder, occurrence), the later-read one winning."""
    return list({(f.reminder.id, f.occurrence): f for f in found}.values())
