"""Reminders as iCalendar files (.ics, RFC 5545): export for Outlook and Google, import from them.

Plain values only: the reminder service maps its rows to `CalendarItem` and back; nothing here
knows the database or the acting user.

Completed reminders: a VEVENT has no COMPLETED status (only TENTATIVE, CONFIRMED, CANCELLED), and
CANCELLED would make Outlook and Google show or drop the entry as called off. So a completed item
is exported like any other, marked `X-DESKTOP-CRM-DONE:TRUE`, which other programs ignore and our
import reads back; the caller leaves done items out of `items` when the user wants only open ones.
The customer's name travels the same way (`X-DESKTOP-CRM-CUSTOMER`). Every event is TRANSPARENT:
a reminder never marks the user busy.

Import takes VEVENTs and VTODOs (a to-do's DUE is its moment). A file that cannot be read at all,
or a date that cannot be parsed, raises `ValidationError("file", ...)` and nothing is returned; an
entry that reads but cannot become a reminder (no start, cancelled, end before start, a broken
RRULE) is skipped with its reason. A changed occurrence of a repeating event (RECURRENCE-ID)
becomes an exception date of its series plus a one-off item of its own.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rrulestr
from icalendar import Calendar, Component, Event, vRecur
from icalendar.parser import Contentline
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from desktop_crm.domain.clock import Clock, SystemClock
from desktop_crm.domain.errors import ValidationError

CUSTOMER_PROPERTY = "X-DESKTOP-CRM-CUSTOMER"
DONE_PROPERTY = "X-DESKTOP-CRM-DONE"

# The zone names Outlook writes most often for our users; icalendar's full table covers the rest.
WINDOWS_ZONES = {
    "China Standard Time": "Asia/Shanghai",
    "(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi": "Asia/Shanghai",
    "Taipei Standard Time": "Asia/Taipei",
    "Tokyo Standard Time": "Asia/Tokyo",
    "Korea Standard Time": "Asia/Seoul",
    "Singapore Standard Time": "Asia/Singapore",
    "India Standard Time": "Asia/Kolkata",
    "GMT Standard Time": "Europe/London",
    "W. Europe Standard Time": "Europe/Berlin",
    "Romance Standard Time": "Europe/Paris",
    "Russian Standard Time": "Europe/Moscow",
    "Eastern Standard Time": "America/New_York",
    "Central Standard Time": "America/Chicago",
    "Pacific Standard Time": "America/Los_Angeles",
    "AUS Eastern Standard Time": "Australia/Sydney",
}

Moment = datetime | date


@dataclass(frozen=True)
class CalendarItem:
    """One reminder as a calendar entry.

    All-day items hold dates; timed items hold aware datetimes (a ZoneInfo zone is kept as the
    event's TZID, any other zone is written as UTC). `end`, like DTEND, is exclusive: an all-day
    item ending the next day lasts one day. `rrule` is RFC 5545 RRULE text without the "RRULE:"
    name, kept in icalendar's canonical order.
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

    def __post_init__(self) -> None:
        if not self.uid.strip() or any(c in self.uid for c in "\r\n"):
            raise ValidationError("uid", "must be one line of text")
        for name, moment in [("start", self.start), ("end", self.end)]:
            if moment is not None:
                _check_moment(name, moment, self.all_day)
        for moment in self.exdates:
            _check_moment("exdates", moment, self.all_day)
        if self.end is not None and not _before(self.start, self.end, self.all_day):
            raise ValidationError("end", "is before the start")
        if self.rrule:
            object.__setattr__(self, "rrule", _canonical_rrule(self.rrule))


class SkippedEntry(NamedTuple):
    """An entry left out of an import: where it is (its UID, or "#n" when it has none) and why."""

    where: str
    reason: str


@dataclass(frozen=True)
class ImportResult:
    items: tuple[CalendarItem, ...]
    skipped: tuple[SkippedEntry, ...] = field(default=())


def export_ics(
    items: Iterable[CalendarItem],
    *,
    calendar_name: str,
    product_id: str,
    clock: Clock | None = None,
) -> bytes:
    """The items as one VCALENDAR: UTF-8, folded lines, CRLF, a VTIMEZONE for every TZID."""
    calendar = Calendar()
    calendar.add("prodid", product_id)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", calendar_name)
    calendar.add("x-wr-calname", calendar_name)
    stamp = (clock or SystemClock()).now().astimezone(UTC)
    for item in items:
        calendar.add_component(_event_for(item, stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _event_for(item: CalendarItem, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", _written(item.start))
    if item.end is not None:
        event.add("dtend", _written(item.end))
    event.add("summary", item.title)
    if item.description:
        event.add("description", item.description)
    if item.rrule:
        event.add("rrule", vRecur.from_ical(item.rrule))
    if item.exdates:
        # EXDATE must match DTSTART's form, so timed ones are written in the start's zone.
        zone = item.start.tzinfo if isinstance(item.start, datetime) else None
        event.add("exdate", [_written(_in_zone(moment, zone)) for moment in item.exdates])
    if item.categories:
        event.add("categories", list(item.categories))
    if item.customer_name:
        event.add(CUSTOMER_PROPERTY, item.customer_name)
    if item.done:
        event.add(DONE_PROPERTY, "TRUE")
    event.add("transp", "TRANSPARENT")
    return event


def _written(moment: Moment) -> Moment:
    """A ZoneInfo datetime keeps its zone (TZID); any other aware one is written as UTC."""
    if isinstance(moment, datetime) and not isinstance(moment.tzinfo, ZoneInfo):
        return moment.astimezone(UTC)
    return moment


def import_ics(data: bytes, *, floating_zone: tzinfo = UTC) -> ImportResult:
    """Read an .ics file's events and to-dos as items.

    Times without a zone ("floating") are read in the calendar's X-WR-TIMEZONE when it names one
    we know, else in `floating_zone` (the caller passes the user's local zone).
    """
    calendars = _parse(_text_of(data))
    items: list[CalendarItem] = []
    skipped: list[SkippedEntry] = []
    changed: list[tuple[str, Component, tzinfo]] = []
    seen: set[str] = set()
    position = 0
    for calendar in calendars:
        default_zone = _zone_named(str(calendar.get("X-WR-TIMEZONE", ""))) or floating_zone
        for component in calendar.walk():
            if component.name not in ("VEVENT", "VTODO"):
                continue
            position += 1
            where = str(component.get("UID", "")).strip() or f"#{position}"
            _raise_for_broken_dates(component, where)
            if component.get("RECURRENCE-ID") is not None:
                changed.append((where, component, default_zone))
                continue
            if where in seen:
                skipped.append(SkippedEntry(where, "another entry has the same UID"))
                continue
            seen.add(where)
            outcome = _item_for(component, where, default_zone)
            (skipped if isinstance(outcome, SkippedEntry) else items).append(outcome)
    for where, component, default_zone in changed:
        _apply_changed_occurrence(items, skipped, where, component, default_zone)
    return ImportResult(items=tuple(items), skipped=tuple(skipped))


def _text_of(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            "file", f"is not UTF-8 text (byte {error.start} cannot be read)"
        ) from None


def _parse(text: str) -> list[Calendar]:
    body = text.strip()
    if not body.upper().startswith("BEGIN:VCALENDAR"):
        raise ValidationError("file", "is not an iCalendar file: it does not begin a VCALENDAR")
    if not body.upper().endswith("END:VCALENDAR"):
        raise ValidationError("file", "is cut short: the closing END:VCALENDAR is missing")
    lines = _content_lines(body)
    _check_structure(lines)
    try:
        calendars = Calendar.from_ical(body, multiple=True)
    except (ValueError, KeyError, IndexError) as error:
        raise ValidationError("file", _where_value_failed(lines, str(error))) from None
    if not calendars or any(calendar.name != "VCALENDAR" for calendar in calendars):
        raise ValidationError("file", "holds something other than a VCALENDAR")
    return list(calendars)


class _Line(NamedTuple):
    number: int  # where the (possibly folded) line begins, counting from 1
    name: str
    value: str


def _content_lines(body: str) -> list[_Line]:
    """The unfolded lines as (number, NAME, value); a line that is not NAME;PARAMS:value fails."""
    raw = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines: list[_Line] = []
    first, unfolded = 0, ""
    for number, line in enumerate([*raw, "END-OF-TEXT:"], start=1):
        if line[:1] in (" ", "\t"):
            unfolded += line[1:]
            continue
        if unfolded:
            try:
                name, _params, value = Contentline(unfolded).parts()
            except ValueError:
                raise ValidationError(
                    "file", f"line {first} is not an iCalendar content line"
                ) from None
            lines.append(_Line(first, name.upper(), value))
        first, unfolded = number, line
    return lines


def _check_structure(lines: list[_Line]) -> None:
    """Every BEGIN has its own END, so a cut or spliced file never parses half-way."""
    open_blocks: list[_Line] = []
    for line in lines:
        if line.name == "BEGIN":
            open_blocks.append(line)
        elif line.name == "END":
            if not open_blocks:
                raise ValidationError("file", f"line {line.number}: END:{line.value} has no BEGIN")
            opened = open_blocks.pop()
            if opened.value.upper() != line.value.upper():
                raise ValidationError(
                    "file",
                    f"line {line.number}: END:{line.value} closes BEGIN:{opened.value}"
                    f" of line {opened.number}",
                )
    if open_blocks:
        opened = open_blocks[-1]
        raise ValidationError(
            "file", f"line {opened.number}: BEGIN:{opened.value} is never closed"
        )


def _where_value_failed(lines: list[_Line], problem: str) -> str:
    """icalendar names the bad value but not its line; find the line so the user can."""
    bad_value = problem.rsplit(": ", 1)[-1].strip()
    for line in lines:
        if bad_value and bad_value in line.value:
            return f"line {line.number}: {line.name} holds a value that cannot be read ({problem})"
    return f"holds a value that cannot be read ({problem})"


_DATE_PROPERTIES = ("DTSTART", "DTEND", "DUE", "EXDATE", "RECURRENCE-ID", "DURATION")


def _raise_for_broken_dates(component: Component, where: str) -> None:
    for name, problem in getattr(component, "errors", []):
        if name in _DATE_PROPERTIES:
            raise ValidationError(
                "file", f"entry {where}: {name} is not a valid date or time ({problem})"
            )


def _item_for(
    component: Component, where: str, default_zone: tzinfo
) -> CalendarItem | SkippedEntry:
    is_todo = component.name == "VTODO"
    status = str(component.get("STATUS", "")).upper()
    if status == "CANCELLED":
        return SkippedEntry(where, "the entry is cancelled")
    start_property = (component.get("DUE") or component.get("DTSTART")) if is_todo else (
        component.get("DTSTART")
    )
    if start_property is None:
        missing = "DUE date" if is_todo else "start (DTSTART)"
        return SkippedEntry(where, f"the entry has no {missing}")
    start = _moment(start_property, default_zone)
    all_day = not isinstance(start, datetime)
    end = None if is_todo else _end_of(component, start, default_zone)
    rrules = component.get("RRULE")
    if isinstance(rrules, list):
        return SkippedEntry(where, "the entry has more than one RRULE")
    if getattr(component, "errors", None) and any(n == "RRULE" for n, _ in component.errors):
        return SkippedEntry(where, "its RRULE cannot be read")
    done = (
        str(component.get(DONE_PROPERTY, "")).upper() == "TRUE"
        or status == "COMPLETED"
        or component.get("COMPLETED") is not None
    )
    try:
        return CalendarItem(
            uid=where if where[:1] != "#" else _uid_from_content(component),
            title=str(component.get("SUMMARY", "")),
            description=str(component.get("DESCRIPTION", "")),
            start=start,
            end=end,
            all_day=all_day,
            rrule=rrules.to_ical().decode() if rrules is not None else "",
            exdates=_exdates_of(component, start, default_zone),
            categories=_categories_of(component),
            customer_name=str(component.get(CUSTOMER_PROPERTY, "")),
            done=done,
        )
    except ValidationError as error:
        return SkippedEntry(where, f"{error.field} {error.message}")


def _end_of(component: Component, start: Moment, default_zone: tzinfo) -> Moment | None:
    if component.get("DTEND") is not None:
        return _moment(component["DTEND"], default_zone)
    duration = component.get("DURATION")
    if duration is not None and isinstance(duration.dt, timedelta):
        return start + duration.dt
    return None


def _exdates_of(component: Component, start: Moment, default_zone: tzinfo) -> tuple[Moment, ...]:
    listed = component.get("EXDATE")
    if listed is None:
        return ()
    moments: list[Moment] = []
    for dates in listed if isinstance(listed, list) else [listed]:
        for value in dates.dts:
            moment = _moment(value, default_zone)
            if isinstance(start, datetime):
                moments.append(_in_zone(moment, start.tzinfo))
            else:
                moments.append(moment.date() if isinstance(moment, datetime) else moment)
    return tuple(moments)


def _categories_of(component: Component) -> tuple[str, ...]:
    listed = component.get("CATEGORIES")
    if listed is None:
        return ()
    names: list[str] = []
    for categories in listed if isinstance(listed, list) else [listed]:
        names.extend(str(name) for name in categories.cats)
    return tuple(names)


def _moment(value: Any, default_zone: tzinfo) -> Moment:
    """A property's date, or its datetime made aware in the zone its TZID names."""
    moment = value.dt
    if not isinstance(moment, datetime):
        return moment
    zone = _zone_named(str(value.params.get("TZID", "")))
    if zone is not None:
        return moment.replace(tzinfo=zone)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=default_zone)
    # A zone we cannot name (a custom VTIMEZONE): icalendar placed the instant; keep it as UTC.
    return moment.astimezone(UTC)


def _zone_named(tzid: str) -> ZoneInfo | None:
    """The IANA zone a TZID means: an IANA name, a Windows name, or a path ending in one."""
    tzid = tzid.strip().strip('"')
    if not tzid:
        return None
    parts = tzid.split("/")
    candidates = [
        tzid,
        WINDOWS_ZONES.get(tzid, ""),
        WINDOWS_TO_OLSON.get(tzid, ""),
        "/".join(parts[-2:]),  # e.g. "/mozilla.org/20050126_1/Asia/Shanghai"
    ]
    for key in candidates:
        if not key:
            continue
        try:
            return ZoneInfo(key)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return None


def _apply_changed_occurrence(
    items: list[CalendarItem],
    skipped: list[SkippedEntry],
    where: str,
    component: Component,
    default_zone: tzinfo,
) -> None:
    """The series skips the changed date; the changed occurrence, unless cancelled, stands alone."""
    moved_from = _moment(component["RECURRENCE-ID"], default_zone)
    for index, series in enumerate(items):
        if series.uid == where and series.rrule:
            if isinstance(series.start, datetime) and isinstance(moved_from, datetime):
                moved_from = _in_zone(moved_from, series.start.tzinfo)
            elif not isinstance(series.start, datetime) and isinstance(moved_from, datetime):
                moved_from = moved_from.date()
            if moved_from not in series.exdates:
                items[index] = replace(series, exdates=(*series.exdates, moved_from))
            break
    label = moved_from.isoformat()
    outcome = _item_for(component, f"{where}/{label}", default_zone)
    if isinstance(outcome, CalendarItem):
        outcome = replace(outcome, rrule="", exdates=())
        items.append(outcome)
    elif not outcome.reason.endswith("cancelled"):
        skipped.append(outcome)


def _uid_from_content(component: Component) -> str:
    """A UID for an entry that has none, the same each time the same file is imported."""
    return hashlib.sha256(component.to_ical()).hexdigest()[:32] + "@import"


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


def _in_zone(moment: Moment, zone: tzinfo | None) -> Moment:
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
