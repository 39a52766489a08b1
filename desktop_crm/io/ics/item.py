"""One reminder as a calendar entry, checked as RFC 5545 wants it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from dateutil.rrule import rrulestr
from icalendar import vRecur

from desktop_crm.domain.errors import ValidationError

CUSTOMER_PROPERTY = "X-DESKTOP-CRM-CUSTOMER"
DONE_PROPERTY = "X-DESKTOP-CRM-DONE"

Moment = datetime | date


@dataclass(frozen=True)
class CalendarItem:
    """One reminder as a calendar entry.

    All-day items hold dates; timed items hold aware datetimes (a ZoneInfo zone is kept as the
    event's TZID, any other zone is written as UTC). `end`, like DTEND, is exclusive: an all-day
    item ending the next day lasts one day. `rrule` is RFC 5545 RRULE text without the "RRULE:"
    name, kept in icalendar's canonical order.

    `recurrence_id` makes the item a changed occurrence of the repeating item with the same
    uid (RFC 5545 RECURRENCE-ID: the occurrence's original start); it does not repeat itself.
    """

    uid: str
    title: str
    start: Moment
    all_day: bool
    description: str = ""
    end: Moment | None = None
    rrule: str = ""
    exdates: tuple[Moment, ...] = ()
    categories: tuple[str, ...] = ()
    customer_name: str = ""
    done: bool = False
    recurrence_id: Moment | None = None

    def __post_init__(self) -> None:
        if not self.uid.strip() or any(c in self.uid for c in "\r\n"):
            raise ValidationError("uid", "must be one line of text")
        for name, moment in [("start", self.start), ("end", self.end)]:
            if moment is not None:
                _check_moment(name, moment, self.all_day)
        for moment in self.exdates:
            _check_moment("exdates", moment, self.all_day)
        if self.recurrence_id is not None:
            _check_moment("recurrence_id", self.recurrence_id, self.all_day)
            if self.rrule or self.exdates:
                raise ValidationError("recurrence_id", "a changed occurrence does not repeat")
        if self.end is not None and not _before(self.start, self.end, self.all_day):
            raise ValidationError("end", "is before the start")
        if self.rrule:
            object.__setattr__(self, "rrule", _canonical_rrule(self.rrule))


def _check_moment(name: str, moment: Moment, all_day: bool) -> None:
    if all_day and isinstance(moment, datetime):
        raise ValidationError(name, "must be a date for an all-day item")
    if not all_day:
        if not isinstance(moment, datetime):
            raise ValidationError(name, "must be a date and time for a timed item")
        if moment.utcoffset() is None:
            raise ValidationError(name, "must carry a time zone")


def _before(start: Moment, end: Moment, all_day: bool) -> bool:
    # An all-day end is exclusive, so it must fall after the start; a timed one may equal it.
    return start < end if all_day else start <= end


def in_zone(moment: Moment, zone: tzinfo | None) -> Moment:
    if isinstance(moment, datetime) and zone is not None:
        return moment.astimezone(zone)
    return moment


# RFC 5545 3.3.10: the allowed magnitudes of each BYxxx list (negative ones count from the end).
_RRULE_RANGES = {
    "BYSECOND": (0, 60),
    "BYMINUTE": (0, 59),
    "BYHOUR": (0, 23),
    "BYMONTHDAY": (1, 31),
    "BYYEARDAY": (1, 366),
    "BYWEEKNO": (1, 53),
    "BYMONTH": (1, 12),
    "BYSETPOS": (1, 366),
}
_SIGNED = {"BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYSETPOS"}


def _canonical_rrule(text: str) -> str:
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:") :]
    try:
        rule = vRecur.from_ical(body)
        _check_rrule_values(rule)
        canonical = rule.to_ical().decode()
        # dateutil checks what the two checks above let through, such as an empty frequency.
        until_is_utc = canonical.upper().split("UNTIL=")[-1].split(";")[0].endswith("Z")
        anchor = datetime(2000, 1, 1, tzinfo=UTC if until_is_utc else None)
        rrulestr(canonical, dtstart=anchor)
    except (ValueError, TypeError) as error:
        raise ValidationError("rrule", f"is not a valid RRULE ({error})") from None
    return canonical


def _check_rrule_values(rule: vRecur) -> None:
    if "FREQ" not in rule:
        raise ValueError("FREQ is missing")
    if "COUNT" in rule and "UNTIL" in rule:
        raise ValueError("COUNT and UNTIL cannot both be given")
    for name, (lowest, highest) in _RRULE_RANGES.items():
        for value in rule.get(name, []):
            size = abs(int(value)) if name in _SIGNED else int(value)
            if not lowest <= size <= highest or (name in _SIGNED and int(value) == 0):
                raise ValueError(f"{name}={value} is out of range {lowest}..{highest}")
    if "INTERVAL" in rule and int(rule["INTERVAL"][0]) < 1:
        raise ValueError("INTERVAL must be 1 or more")
