"""Events and to-dos of a calendar file as items, or the reason each one was left out."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any, NamedTuple

from icalendar import Component

from desktop_crm.domain.errors import ValidationError
from desktop_crm.io.ics import reasons
from desktop_crm.io.ics.item import CUSTOMER_PROPERTY, DONE_PROPERTY, CalendarItem, Moment, in_zone
from desktop_crm.io.ics.reasons import Reason
from desktop_crm.io.ics.syntax import parse_calendars, text_of
from desktop_crm.io.ics.zones import zone_named


class SkippedEntry(NamedTuple):
    """An entry left out of an import: where it is (its UID, or "#n" when it has none) and why."""

    where: str
    reason: Reason
    title: str = ""  # its SUMMARY, so a preview can name it
    start: Moment | None = None  # its start when it has a readable one

    @property
    def text(self) -> str:
        return self.reason.text


@dataclass(frozen=True)
class ImportResult:
    items: tuple[CalendarItem, ...]
    skipped: tuple[SkippedEntry, ...] = field(default=())
    producers: tuple[str, ...] = ()  # each calendar's PRODID, in file order


def import_ics(data: bytes, *, floating_zone: tzinfo = UTC) -> ImportResult:
    """Read an .ics file's events and to-dos as items.

    Times without a zone ("floating") are read in the calendar's X-WR-TIMEZONE when it names one
    we know, else in `floating_zone` (the caller passes the user's local zone).
    """
    calendars = parse_calendars(text_of(data))
    items: list[CalendarItem] = []
    skipped: list[SkippedEntry] = []
    changed: list[tuple[str, Component, tzinfo]] = []
    seen: set[str] = set()
    position = 0
    producers = tuple(str(calendar.get("PRODID", "")) for calendar in calendars)
    for calendar in calendars:
        default_zone = zone_named(str(calendar.get("X-WR-TIMEZONE", ""))) or floating_zone
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
                skipped.append(SkippedEntry(where, Reason(reasons.DUPLICATE_UID),
                                        str(component.get("SUMMARY", ""))))
                continue
            seen.add(where)
            outcome = _item_for(component, where, default_zone)
            (skipped if isinstance(outcome, SkippedEntry) else items).append(outcome)
    for where, component, default_zone in changed:
        _apply_changed_occurrence(items, skipped, where, component, default_zone)
    return ImportResult(items=tuple(items), skipped=tuple(skipped), producers=producers)


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
    title = str(component.get("SUMMARY", ""))
    start_property = (component.get("DUE") or component.get("DTSTART")) if is_todo else (
        component.get("DTSTART")
    )
    start = _moment(start_property, default_zone) if start_property is not None else None

    def skip(code: str, detail: str = "") -> SkippedEntry:
        return SkippedEntry(where, Reason(code, detail), title, start)

    if _is_cancelled(component):
        return skip(reasons.CANCELLED)
    if start is None:
        return skip(reasons.NO_DUE if is_todo else reasons.NO_START)
    # extra dates or an exception rule would be lost: better left out than half-imported
    if component.get("RDATE") is not None:
        return skip(reasons.EXTRA_DATES)
    if component.get("EXRULE") is not None:
        return skip(reasons.EXCEPTION_RULE)
    all_day = not isinstance(start, datetime)
    end = None if is_todo else _end_of(component, start, default_zone)
    rrules = component.get("RRULE")
    if isinstance(rrules, list):
        return skip(reasons.SEVERAL_RRULES)
    if getattr(component, "errors", None) and any(n == "RRULE" for n, _ in component.errors):
        return skip(reasons.UNREADABLE_RRULE)
    done = (
        str(component.get(DONE_PROPERTY, "")).upper() == "TRUE"
        or str(component.get("STATUS", "")).upper() == "COMPLETED"
        or component.get("COMPLETED") is not None
    )
    try:
        return CalendarItem(
            uid=where if where[:1] != "#" else _uid_from_content(component),
            title=title,
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
        return skip(*_reason_for(error))


def _reason_for(error: ValidationError) -> Reason:
    if error.field == "rrule":
        # "is not a valid RRULE (BYMONTHDAY=40 is out of range 1..31)": keep what is in brackets
        detail = error.message.partition("(")[2].rstrip(")") or error.message
        return Reason(reasons.INVALID_RRULE, detail)
    if error.field == "end":
        return Reason(reasons.END_BEFORE_START)
    return Reason(reasons.INVALID, f"{error.field} {error.message}")


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
            moments.append(_like_start(_moment(value, default_zone), start))
    return tuple(moments)


def _like_start(moment: Moment, start: Moment) -> Moment:
    """An exception date in its series' form; some programs write a bare date for a timed one."""
    if not isinstance(start, datetime):
        return moment.date() if isinstance(moment, datetime) else moment
    if not isinstance(moment, datetime):
        return datetime.combine(moment, start.timetz())
    return in_zone(moment, start.tzinfo)


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
    zone = zone_named(str(value.params.get("TZID", "")))
    if zone is not None:
        return moment.replace(tzinfo=zone)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=default_zone)
    # A zone we cannot name (a custom VTIMEZONE): icalendar placed the instant; keep it as UTC.
    return moment.astimezone(UTC)


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
            moved_from = _like_start(moved_from, series.start)
            if moved_from not in series.exdates:
                items[index] = replace(series, exdates=(*series.exdates, moved_from))
            break
    if _is_cancelled(component):
        return
    outcome = _item_for(component, f"{where}/{moved_from.isoformat()}", default_zone)
    if isinstance(outcome, CalendarItem):
        items.append(replace(outcome, rrule="", exdates=()))
    else:
        skipped.append(outcome)


def _is_cancelled(component: Component) -> bool:
    return str(component.get("STATUS", "")).upper() == "CANCELLED"


def _uid_from_content(component: Component) -> str:
    """A UID for an entry that has none, the same each time the same file is imported."""
    return hashlib.sha256(component.to_ical()).hexdigest()[:32] + "@import"
