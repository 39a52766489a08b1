"""Reading the calendar: the entries of some owners over some local days.

One-off reminders come straight from their (owner, due) index. Repeating ones come from the
occurrence cache where it is current and covers the days, and are expanded afresh otherwise
(reminder_series). An all-day entry is matched by its own date, a timed one by its instant in
the viewer's zone, so each kind has its own range; SQL reads the envelope of the two.

A month grid holds thousands of entries, so reminders are read as plain column rows (Item),
not ORM objects, and each series' columns once, not once per cached occurrence: loading,
instrumenting and expiring an object per row made a month of 4,400 entries take ~300 ms
instead of ~100 ms (benchmarks/bench_calendar.py).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, tzinfo
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, and_, false, or_, select

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


class Item(NamedTuple):
    """The columns of a reminder the calendar reads (a series' rule fields included). A
    tuple of plain values: the garbage collector stops tracking it, so thousands of them
    do not make every collection slower."""

    id: str
    owner_id: str
    customer_id: str | None
    kind: str
    title: str
    due_at: datetime
    ends_at: datetime | None
    all_day: bool
    done_at: datetime | None
    snoozed_until: datetime | None
    version: int
    rrule: str
    time_zone: str


ITEM_COLUMNS = tuple(getattr(Reminder, name) for name in Item._fields)


def select_items() -> Select[Any]:
    """SELECT the Item columns of reminders; add the conditions."""
    return select(*ITEM_COLUMNS)


def column_rows(w: Work, query: Select[Any]) -> Iterable[Any]:
    """The rows of a column query, straight from Core: the ORM's loading steps cost a third
    more per row, and these rows make no objects."""
    return w.session.connection().execute(query).all()  # one fetch, not a call per row


def read_items(w: Work, query: Select[Any]) -> list[Item]:
    """The reminders of a select_items() query."""
    return [Item(*row) for row in column_rows(w, query)]


def one_off(row: Any) -> Found:
    """A found one-off reminder from a select_items() row."""
    item = Item(*row)
    return Found(item, None, item.due_at, item.done_at, item.snoozed_until)


class Found(NamedTuple):
    """An entry before names are attached."""

    reminder: Item
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
        query = select_items().where(
            Reminder.owner_id.in_(chunk), Reminder.due_at >= lo, Reminder.due_at < hi,
            Reminder.rrule == "", _live(kinds), days.matches(Reminder.due_at, Reminder.all_day))
        if not include_done:
            query = query.where(Reminder.done_at.is_(None))
        found += [one_off(row) for row in column_rows(w, query)]
    return found


def _covering(lo: datetime, hi: datetime) -> ColumnElement:
    return and_(ReminderSpan.series_version == Reminder.version,
                ReminderSpan.owner_id == Reminder.owner_id,
                ReminderSpan.covers_from <= lo, ReminderSpan.covers_until >= hi)


def _cached(w: Work, days: Days, owner_ids: Collection[str], kinds: Collection[str] | None,
            include_done: bool) -> list[Found]:
    """Cached occurrences of series whose span covers the days for their current version.

    The rows come from the (owner, start) index alone, and each series they belong to is
    read and checked once (joining the reminder and its span on every row, or naming the
    series in IN lists, cost a third of a month view)."""
    lo, hi = days.envelope
    o = ReminderOccurrence
    found = []
    for chunk in chunks(owner_ids):
        in_days = and_(o.owner_id.in_(chunk), o.starts_at >= lo, o.starts_at < hi,
                       days.matches(o.starts_at, o.all_day))
        if not include_done:
            in_days = and_(in_days, o.done_at.is_(None))
        covered = {item.id: item for item in read_items(w, select_items()
                   .join(ReminderSpan, ReminderSpan.reminder_id == Reminder.id)
                   .where(Reminder.id.in_(select(o.reminder_id).where(in_days)),
                          Reminder.owner_id.in_(chunk), Reminder.rrule != "", _live(kinds),
                          _covering(lo, hi)))}
        for rid, version, key, starts, done, snoozed in column_rows(w, select(
                o.reminder_id, o.series_version, o.occurrence, o.starts_at, o.done_at,
                o.snoozed_until).where(in_days)):
            item = covered.get(rid)
            if item is not None and item.version == version:
                found.append(Found(item, key, starts, done, snoozed))
    return found


def _expanded(w: Work, days: Days, owner_ids: Collection[str], kinds: Collection[str] | None,
              include_done: bool) -> list[Found]:
    """Repeating reminders the cache does not answer for, expanded now."""
    lo, hi = days.envelope
    stale = []
    for chunk in chunks(owner_ids):
        query = (select_items()
                 .outerjoin(ReminderSpan, ReminderSpan.reminder_id == Reminder.id)
                 .where(Reminder.owner_id.in_(chunk), Reminder.rrule != "", _live(kinds),
                        or_(ReminderSpan.reminder_id.is_(None), ~_covering(lo, hi))))
        stale += read_items(w, query)
    if not stale:
        return []
    changes = series.changes_of(w.session, [r.id for r in stale], within=(lo, hi))
    found = []
    for reminder in stale:
        mine = changes.get(reminder.id, [])
        if reminder.due_at >= hi and not mine:
            continue  # it starts after these days and none of its occurrences moved into them
        for occ in series.expand(reminder, mine, lo, hi):
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
