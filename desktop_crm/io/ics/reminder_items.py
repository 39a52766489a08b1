"""A reminder, given as plain values, as the calendar items that carry it to other programs.

A one-off reminder is one item. A repeating one is its series (the rule made portable, its
UNTIL in UTC for a timed series, a skipped occurrence as an exception date) plus one
RECURRENCE-ID item per occurrence that was moved, or completed when done ones are wanted; a
completed occurrence is otherwise an exception date too, so another calendar shows only what
is still to do.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desktop_crm.domain.recurrence import parse_key
from desktop_crm.io.ics.item import CalendarItem, Moment
from desktop_crm.io.ics.rules import portable_rule, rfc_until

PRODUCT_ID = "-//Desktop CRM//Reminders//EN"
UID_SUFFIX = "@desktop-crm"


@dataclass(frozen=True)
class OccurrenceChange:
    """One occurrence of a repeating reminder that differs from its rule."""

    key: str  # domain.recurrence.key_text of its original start
    skipped: bool = False
    moved_to: datetime | None = None  # UTC; all-day: 00:00 UTC of the new date
    done: bool = False


@dataclass(frozen=True)
class ReminderFields:
    """A reminder as stored: times in UTC, an all-day one at 00:00 UTC of its date."""

    id: str
    kind: str
    title: str
    due_at: datetime
    all_day: bool
    ends_at: datetime | None = None  # all-day: its last day; timed: exclusive
    notes: str = ""
    rrule: str = ""
    time_zone: str = ""
    done: bool = False
    customer_name: str = ""
    changes: tuple[OccurrenceChange, ...] = ()


def reminder_items(reminder: ReminderFields, *, include_done: bool) -> list[CalendarItem]:
    """The calendar items of one reminder (none when it is done and done ones are not wanted)."""
    if reminder.done and not include_done:
        return []
    shape = _Shape(reminder)
    common = {"uid": reminder.id + UID_SUFFIX, "title": reminder.title,
              "description": reminder.notes, "all_day": reminder.all_day,
              "categories": (reminder.kind,), "customer_name": reminder.customer_name}
    start = shape.at(reminder.due_at)
    if not reminder.rrule:
        return [CalendarItem(start=start, end=shape.end_for(reminder.due_at),
                             done=reminder.done, **common)]
    exdates: list[Moment] = []
    changed: list[CalendarItem] = []
    for change in sorted(reminder.changes, key=lambda c: c.key):
        original = shape.original(change.key)
        if change.skipped or (change.done and not include_done):
            exdates.append(original)
        elif change.moved_to is not None or change.done:
            moved = change.moved_to or shape.stored(original)
            changed.append(CalendarItem(start=shape.at(moved), end=shape.end_for(moved),
                                        recurrence_id=original, done=change.done, **common))
    first_day = start.date() if isinstance(start, datetime) else start
    rule = rfc_until(portable_rule(reminder.rrule, first_day),
                     None if reminder.all_day else shape.zone)
    series = CalendarItem(start=start, end=shape.end_for(reminder.due_at), rrule=rule,
                          exdates=tuple(exdates), done=reminder.done, **common)
    return [series, *changed]


class _Shape:
    """How one reminder's stored moments read in its calendar items."""

    def __init__(self, reminder: ReminderFields) -> None:
        self.all_day = reminder.all_day
        self.duration = reminder.ends_at - reminder.due_at if reminder.ends_at else None
        # UTC itself is written as "Z" times rather than as a zone named UTC
        self.zone: tzinfo = UTC
        # a zone this computer does not know stays UTC: the instants are right all the same
        with suppress(ZoneInfoNotFoundError, ValueError):
            if reminder.time_zone not in ("", "UTC"):
                self.zone = ZoneInfo(reminder.time_zone)

    def at(self, stored: datetime) -> Moment:
        """A stored moment as the item holds it: a date, or a time in the reminder's zone."""
        return stored.date() if self.all_day else stored.astimezone(self.zone)

    def end_for(self, stored_start: datetime) -> Moment | None:
        if self.duration is None:
            return None
        end = stored_start + self.duration
        # an all-day reminder keeps its last day; DTEND is the day after it
        return end.date() + timedelta(days=1) if self.all_day else end.astimezone(self.zone)

    def original(self, key: str) -> Moment:
        """An occurrence's original start from its key (local wall time in the zone)."""
        parsed = parse_key(key, all_day=self.all_day)
        return parsed.replace(tzinfo=self.zone) if isinstance(parsed, datetime) else parsed

    def stored(self, moment: Moment) -> datetime:
        if isinstance(moment, datetime):
            return moment.astimezone(UTC)
        return datetime(moment.year, moment.month, moment.day, tzinfo=UTC)
