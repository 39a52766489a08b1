"""A calendar item read from a file as the fields of a new reminder (the service checks them).

Our own files keep each reminder's kind (their CATEGORIES); anything else becomes a custom
reminder. A timed item repeats in the zone its TZID names; a series given in UTC stays in UTC.
Each reminder remembers where it came from as "ics:<UID>" (a digest when the UID is long), so
the same file imported again is recognised.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from desktop_crm.domain.enums import ReminderKind
from desktop_crm.domain.recurrence import Recurrence, key_text, occurrences
from desktop_crm.io.ics.item import CalendarItem, Moment
from desktop_crm.io.ics.reminder_items import PRODUCT_ID
from desktop_crm.io.ics.rules import without_idle_week_start

SOURCE_MAX = 64  # the width of a reminder's source
_OUR_PRODUCER = PRODUCT_ID.rsplit("//", 1)[0]  # any language of our PRODID


def written_by_us(producers: Iterable[str]) -> bool:
    return any(producer.startswith(_OUR_PRODUCER) for producer in producers)


def reminder_data(item: CalendarItem, *, ours: bool, zone_name: str, untitled: str,
                  title_max: int, notes_max: int) -> tuple[dict[str, Any], bool]:
    """The reminder fields for `item`, and whether its title or notes had to be shortened.

    `zone_name` is the zone of an all-day reminder and of a one-off given in UTC.
    """
    title = " ".join(item.title.split()) or untitled
    notes = item.description
    data = {
        "kind": _kind(item, ours),
        "title": title if len(title) <= title_max else title[:title_max - 1] + "…",
        "notes": notes if len(notes) <= notes_max else notes[:notes_max - 1] + "…",
        "all_day": item.all_day,
        "due_at": item.start,
        "ends_at": _ends_at(item),
        "rrule": without_idle_week_start(item.rrule) if item.rrule else "",
        "time_zone": _series_zone(item, zone_name),
    }
    return data, len(title) > title_max or len(notes) > notes_max


def _kind(item: CalendarItem, ours: bool) -> str:
    if not ours:
        return ReminderKind.CUSTOM.value
    known = {kind.value for kind in ReminderKind}
    return next((c for c in item.categories if c in known), ReminderKind.FOLLOW_UP.value)


def _ends_at(item: CalendarItem) -> Moment | None:
    if item.end is None:
        return None
    if item.all_day:  # DTEND is the day after; a reminder keeps its last day
        last = item.end - timedelta(days=1)
        return last if last > item.start else None
    return item.end if item.end > item.start else None


def _series_zone(item: CalendarItem, zone_name: str) -> str:
    zone = item.start.tzinfo if isinstance(item.start, datetime) else None
    if isinstance(zone, ZoneInfo) and zone.key != "UTC":
        return zone.key
    return "UTC" if item.rrule and not item.all_day else zone_name


def excepted_keys(item: CalendarItem, *, rrule: str, due_at: datetime,
                  time_zone: str) -> tuple[str, ...]:
    """The occurrence keys of the item's exception dates, for the checked rule, start (UTC)
    and zone; a date that is no occurrence of the rule is dropped, as RFC 5545 ignores it."""
    if not rrule or not item.exdates:
        return ()
    zone = ZoneInfo(time_zone)
    rule = Recurrence(rrule, due_at.date() if item.all_day else due_at, time_zone,
                      item.all_day)
    keys = []
    for moment in item.exdates:
        if isinstance(moment, datetime):
            key: date | datetime = moment.astimezone(zone).replace(tzinfo=None)
            around = moment.astimezone(UTC)
        else:
            key, around = moment, datetime.combine(moment, time(), tzinfo=UTC)
        near = occurrences(rule, around - timedelta(days=2), around + timedelta(days=2))
        if any(found.key == key for found in near):
            keys.append(key_text(key))
    return tuple(dict.fromkeys(keys))


def source_of(uid: str) -> str:
    source = f"ics:{uid}"
    if len(source) <= SOURCE_MAX:
        return source
    return "ics:sha256:" + hashlib.sha256(uid.encode()).hexdigest()[:40]
