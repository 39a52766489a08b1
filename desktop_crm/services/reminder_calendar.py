"""Reading the calendar: the entries of some owners over some local days.

One-off reminders come straight from their (owner, due) index. Repeating ones come from the
occurrence cache where it is current and covers the days, and are expanded afresh otherwise
(reminder_series). An all-day entry is matched by its own date, a timed one by its instant in
the viewer's zone, so each kind has its own range; SQL reads the envelope of the two.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, tzinfo

from sqlalchemy import ColumnElement, and_, false, or_, select

from desktop_crm.services import reminder_series as series
from desktop_crm.services.activity_access import display_names
from desktop_crm.services.context import Work
from desktop_crm.services.customer_sight import sight_of
from desktop_crm.services.customer_views import field_view, shown
from desktop_crm.services.reminder_views import Entry
from desktop_crm.storage.models import (
    Customer,
    Reminder,
    ReminderOccurrence,
    ReminderSpan,
)
from desktop_crm.storage.types import as_stored

_CHUNK = 500  # ids per IN list


@dataclass(frozen=True)
class Days:
    """Local days [first, end) in a zone, as the two stored ranges they match."""

    first: date
    end: date
    zone: tzinfo

    @property
    def all_day(self) -> tuple[datetime, datetime]:
        return _utc_midnight(self.first), _utc_midnight(self.end)

    @property
    def timed(self) -> tuple[datetime, datetime]:
        return _local_midnight(self.first, self.zone), _local_midnight(self.end, self.zone)

    @property
    def envelope(self) -> tuple[datetime, datetime]:
        (a_lo, a_hi), (t_lo, t_hi) = self.all_day, self.timed
        return min(a_lo, t_lo), max(a_hi, t_hi)

    def matches(self, starts_at: ColumnElement, all_day: ColumnElement) -> ColumnElement:
        (a_lo, a_hi), (t_lo, t_hi) = self.all_day, self.timed
        return or_(and_(all_day, starts_at >= a_lo, starts_at < a_hi),
                   and_(~all_day, starts_at >= t_lo, starts_at < t_hi))

    def holds(self, starts_at: datetime, all_day: bool) -> bool:
        lo, hi = self.all_day if all_day else self.timed
        return lo <= starts_at < hi


@dataclass(frozen=True)
class Found:
    """An entry before names are attached."""

    reminder: Reminder
    occurrence: str | None
    starts_at: datetime
    done_at: datetime | None
    snoozed_until: datetime | None


def _utc_midnight(day: date) -> datetime:
    return as_stored(datetime.combine(day, time(), tzinfo=UTC))


def _local_midnight(day: date, zone: tzinfo) -> datetime:
    return as_stored(datetime.combine(day, time(), tzinfo=zone).astimezone(UTC))


def find(w: Work, days: Days, owner_ids: Collection[str], *,
         kinds: Collection[str] | None = None, include_done: bool = True) -> list[Found]:
    """Every entry of these owners on these days, in no particular order."""
    return (_one_offs(w, days, owner_ids, kinds, include_done)
            + _cached(w, days, owner_ids, kinds, include_done)
            + _expanded(w, days, owner_ids, kinds, include_done))


def chunks(ids: Collection[str]) -> Iterable[list[str]]:
    wanted = sorted(ids)
    for start in range(0, len(wanted), _CHUNK):
        yield wanted[start:start + _CHUNK]


def _live(kinds: Collection[str] | None) -> ColumnElement:
    condition = Reminder.deleted_at.is_(None)
    if kinds is not None:
        condition = and_(condition, Reminder.kind.in_(list(kinds)) if kinds else false())
    return condition


def _one_offs(w: Work, days: Days, owner_ids: Collection[str], kinds: Collection[str] | None,
              include_done: bool) -> list[Found]:
    lo, hi = days.envelope
    found = []
    for chunk in chunks(owner_ids):
        query = select(Reminder).where(
            Reminder.owner_id.in_(chunk), Reminder.due_at >= lo, Reminder.due_at < hi,
            Reminder.rrule == "", _live(kinds), days.matches(Reminder.due_at, Reminder.all_day))
        if not include_done:
            query = query.where(Reminder.done_at.is_(None))
        found += [Found(r, None, r.due_at, r.done_at, r.snoozed_until)
                  for r in w.session.execute(query).scalars()]
    return found


def _covering(lo: datetime, hi: datetime) -> ColumnElement:
    return and_(ReminderSpan.series_version == Reminder.version,
                ReminderSpan.owner_id == Reminder.owner_id,
                ReminderSpan.covers_from <= lo, ReminderSpan.covers_until >= hi)


def _cached(w: Work, days: Days, owner_ids: Collection[str], kinds: Collection[str] | None,
            include_done: bool) -> list[Found]:
    lo, hi = days.envelope
    o = ReminderOccurrence
    found = []
    for chunk in chunks(owner_ids):
        query = (select(o.occurrence, o.starts_at, o.done_at, o.snoozed_until, Reminder)
                 .join(Reminder, Reminder.id == o.reminder_id)
                 .join(ReminderSpan, ReminderSpan.reminder_id == o.reminder_id)
                 .where(o.owner_id.in_(chunk), o.starts_at >= lo, o.starts_at < hi,
                        days.matches(o.starts_at, o.all_day),
                        o.series_version == Reminder.version, Reminder.owner_id == o.owner_id,
                        Reminder.rrule != "", _live(kinds), _covering(lo, hi)))
        if not include_done:
            query = query.where(o.done_at.is_(None))
        found += [Found(r, key, starts, done, snoozed)
                  for key, starts, done, snoozed, r in w.session.execute(query).tuples()]
    return found


def _expanded(w: Work, days: Days, owner_ids: Collection[str], kinds: Collection[str] | None,
              include_done: bool) -> list[Found]:
    """Repeating reminders the cache does not answer for, expanded now."""
    lo, hi = days.envelope
    stale = []
    for chunk in chunks(owner_ids):
        query = (select(Reminder)
                 .outerjoin(ReminderSpan, ReminderSpan.reminder_id == Reminder.id)
                 .where(Reminder.owner_id.in_(chunk), Reminder.rrule != "", _live(kinds),
                        or_(ReminderSpan.reminder_id.is_(None), ~_covering(lo, hi))))
        stale += list(w.session.execute(query).scalars())
    if not stale:
        return []
    changes = series.changes_of(w.session, [r.id for r in stale])
    found = []
    for reminder in stale:
        for occ in series.expand(reminder, changes.get(reminder.id, []), lo, hi):
            if days.holds(occ.starts_at, occ.all_day) and (include_done or occ.done_at is None):
                found.append(Found(reminder, occ.key, occ.starts_at, occ.done_at,
                                   occ.snoozed_until))
    return found


def entries(w: Work, found: list[Found]) -> list[Entry]:
    """Entries with owner and customer names, the names masked as the user's lists show them."""
    owners = display_names(w, {f.reminder.owner_id for f in found})
    customers = _customers(w, {f.reminder.customer_id for f in found
                               if f.reminder.customer_id is not None})
    result = []
    for f in found:
        r = f.reminder
        duration = r.ends_at - r.due_at if r.ends_at is not None else None
        result.append(Entry(
            reminder_id=r.id, occurrence=f.occurrence, owner_id=r.owner_id,
            owner_name=owners.get(r.owner_id, ""), customer_id=r.customer_id,
            customer_name=customers.get(r.customer_id, "") if r.customer_id else "",
            kind=r.kind, title=r.title, starts_at=f.starts_at,
            ends_at=f.starts_at + duration if duration is not None else None,
            all_day=r.all_day, done_at=f.done_at, snoozed_until=f.snoozed_until,
            version=r.version))
    return result


def _customers(w: Work, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    sight = sight_of(w)
    own = field_view(w.actor, in_list=True, shared_only=False)
    shared = field_view(w.actor, in_list=True, shared_only=True)
    names = {}
    for chunk in chunks(ids):
        for cid, name, owner in w.session.execute(
                select(Customer.id, Customer.name, Customer.owner_id)
                .where(Customer.id.in_(chunk), Customer.deleted_at.is_(None))).tuples():
            if not sight.sees({"id": cid, "owner_id": owner}):
                continue  # a teammate's reminder may point at a customer this user cannot see
            view = shared if sight.shared_only(owner) else own
            names[cid] = shown(view, "name", name) or ""
    return names


def in_order(items: list[Entry], zone: tzinfo) -> list[Entry]:
    """By day, all-day first, then start, then title."""
    return sorted(items, key=lambda e: (e.day(zone), not e.all_day, e.starts_at, e.title,
                                        e.reminder_id))
