"""Calendar entries made by hand, for the views' tests (the views take lists of Entry)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo
from itertools import count

from desktop_crm.services.reminder_views import Entry

_numbers = count(1)


def timed(day: date, at: time, zone: tzinfo, title: str, *, kind: str = "follow_up",
          done: bool = False, occurrence: str | None = None, customer: str = "",
          owner: str = "销售一 Sales One", reminder_id: str | None = None) -> Entry:
    starts = datetime.combine(day, at, tzinfo=zone).astimezone(UTC)
    return _entry(starts, False, title, kind, done, occurrence, customer, owner, reminder_id)


def all_day(day: date, title: str, *, kind: str = "birthday", done: bool = False,
            occurrence: str | None = None, customer: str = "", owner: str = "销售一 Sales One",
            reminder_id: str | None = None) -> Entry:
    starts = datetime.combine(day, time(), tzinfo=UTC)
    return _entry(starts, True, title, kind, done, occurrence, customer, owner, reminder_id)


def _entry(starts: datetime, whole_day: bool, title: str, kind: str, done: bool,
           occurrence: str | None, customer: str, owner: str, reminder_id: str | None) -> Entry:
    number = next(_numbers)
    return Entry(
        reminder_id=reminder_id or f"00000000-0000-4000-8000-{number:012d}",
        occurrence=occurrence, owner_id="owner-1", owner_name=owner,
        customer_id="customer-1" if customer else None, customer_name=customer,
        kind=kind, title=title, starts_at=starts, ends_at=None, all_day=whole_day,
        done_at=starts if done else None, snoozed_until=None, version=1)
