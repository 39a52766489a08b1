"""Items to one VCALENDAR file that Outlook and Google Calendar accept."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vRecur

from desktop_crm.domain.clock import Clock, SystemClock
from desktop_crm.io.ics.item import CUSTOMER_PROPERTY, DONE_PROPERTY, CalendarItem, Moment, in_zone


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
    if item.recurrence_id is not None:
        # the occurrence's original start, in DTSTART's form, as RFC 5545 asks
        zone = item.start.tzinfo if isinstance(item.start, datetime) else None
        event.add("recurrence-id", _written(in_zone(item.recurrence_id, zone)))
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
        event.add("exdate", [_written(in_zone(moment, zone)) for moment in item.exdates])
    if item.categories:
        event.add("categories", list(item.categories))
    if item.customer_name:
        # CONTACT is the standard place other programs may show; ours reads the X- property
        event.add("contact", item.customer_name)
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
