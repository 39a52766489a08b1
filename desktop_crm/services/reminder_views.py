"""What the reminder service hands out: a reminder as stored, and one occurrence in a window.

Times are UTC. An all-day reminder keeps its calendar date as 00:00 UTC of that date, so the
date stays the same wherever it is shown: read it with `day_of`, never by converting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

ALL_DAY_ALARM = time(9, 0)  # an all-day reminder is announced at the start of the working day


@dataclass(frozen=True)
class ReminderView:
    id: str
    owner_id: str
    customer_id: str | None
    kind: str
    title: str
    due_at: datetime  # UTC; for an all-day reminder 00:00 UTC of its date
    all_day: bool
    done_at: datetime | None
    version: int
    ends_at: datetime | None = None
    notes: str = ""
    rrule: str = ""  # "" for a one-off reminder
    time_zone: str = ""  # the zone a timed series repeats in (09:00 stays 09:00 across DST)
    snoozed_until: datetime | None = None
    source: str = ""  # "" when a person made it; generated ones name their origin


@dataclass(frozen=True)
class Entry:
    """One reminder, or one occurrence of a repeating one, as the calendar and to-do lists
    show it."""

    reminder_id: str
    occurrence: str | None  # the occurrence key of a repeating reminder; None for a one-off
    owner_id: str
    owner_name: str
    customer_id: str | None
    customer_name: str  # masked or blank as the user's list field policy shows names
    kind: str
    title: str
    starts_at: datetime  # UTC; all-day: 00:00 UTC of its date
    ends_at: datetime | None
    all_day: bool
    done_at: datetime | None
    snoozed_until: datetime | None
    version: int  # the reminder's (the series') version

    @property
    def recurring(self) -> bool:
        return self.occurrence is not None

    @property
    def alarm_at(self) -> datetime:
        """When it is due for its owner: its start, or later when snoozed."""
        if self.snoozed_until is not None and self.snoozed_until > self.starts_at:
            return self.snoozed_until
        return self.starts_at

    def alarm(self, zone: tzinfo) -> datetime:
        """When it is due, as alarm_at, but an all-day one at 09:00 of its day in `zone`."""
        if not self.all_day:
            return self.alarm_at
        morning = datetime.combine(self.starts_at.date(), ALL_DAY_ALARM, tzinfo=zone)
        if self.snoozed_until is not None and self.snoozed_until > morning:
            return self.snoozed_until
        return morning.astimezone(self.starts_at.tzinfo)

    def day(self, zone: tzinfo) -> date:
        """The calendar day it shows on for a viewer in `zone`."""
        return day_of(self.starts_at, self.all_day, zone)


def day_of(moment: datetime, all_day: bool, zone: tzinfo) -> date:
    """The local date of a stored moment: an all-day one keeps its own date."""
    return moment.date() if all_day else moment.astimezone(zone).date()
