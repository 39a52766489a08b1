"""A reminder's fields as a person or an import gives them, checked and turned into what is
stored; every refusal names its field."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desktop_crm.domain import validation as v
from desktop_crm.domain.enums import ReminderKind
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.local_zone import local_zone_name
from desktop_crm.domain.recurrence import Recurrence
from desktop_crm.storage.types import as_stored

FIELDS = ("kind", "title", "due_at", "all_day", "ends_at", "notes", "rrule", "time_zone",
          "customer_id", "owner_id")
TITLE_MAX = 200
NOTES_MAX = 4000
EARLIEST_YEAR, LATEST_YEAR = 1900, 2200


def validate_reminder(data: Mapping[str, Any]) -> dict[str, Any]:
    """kind, title, due_at, all_day, ends_at, notes, rrule and time_zone as stored."""
    unknown = set(data) - set(FIELDS)
    if unknown:
        raise ValidationError(sorted(unknown)[0], "is not a reminder field")
    all_day = data.get("all_day", False)
    if not isinstance(all_day, bool):
        raise ValidationError("all_day", "must be true or false")
    due_at = moment("due_at", data.get("due_at"), all_day=all_day)
    ends_at = None
    if data.get("ends_at") not in (None, ""):
        ends_at = moment("ends_at", data.get("ends_at"), all_day=all_day)
        if ends_at < due_at or (ends_at == due_at and not all_day):
            raise ValidationError("ends_at", "the end is before the start")
    zone = data.get("time_zone") or local_zone_name()
    rrule = str(data.get("rrule") or "").strip()
    if rrule.upper().startswith("RRULE:"):
        rrule = rrule[len("RRULE:"):]
    if rrule:
        # the rule must be valid and able to land on its days from this start
        Recurrence(rrule, due_at.date() if all_day else due_at.replace(tzinfo=UTC), zone,
                   all_day)
    else:
        _check_zone(zone)
    return {
        "kind": v.enum_value("kind", data.get("kind") or ReminderKind.FOLLOW_UP,
                             ReminderKind).value,
        "title": v.required_text("title", data.get("title"), max_length=TITLE_MAX),
        "due_at": due_at, "all_day": all_day, "ends_at": ends_at,
        "notes": _notes(data.get("notes")), "rrule": rrule, "time_zone": zone,
    }


def moment(field: str, value: Any, *, all_day: bool) -> datetime:
    """A stored moment in UTC; an all-day one at 00:00 UTC of its date."""
    if value in (None, ""):
        raise ValidationError(field, "must not be empty")
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value) if all_day and len(value) == 10 \
                else datetime.fromisoformat(value)
        except ValueError:
            raise ValidationError(field, f"“{value}” is not a date and time") from None
    if all_day and isinstance(value, date):
        day = value if not isinstance(value, datetime) else value.date()  # its own date
        result = datetime.combine(day, time(), tzinfo=UTC)
    elif isinstance(value, datetime) and value.tzinfo is not None:
        result = value.astimezone(UTC)
    else:
        raise ValidationError(field, "must be a date and time with its time zone")
    if not EARLIEST_YEAR <= result.year <= LATEST_YEAR:
        raise ValidationError(field, f"must fall between {EARLIEST_YEAR} and {LATEST_YEAR}")
    return as_stored(result)


def _notes(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError("notes", "must be text")
    if len(value) > NOTES_MAX:
        raise ValidationError("notes", f"must be at most {NOTES_MAX} characters")
    return value


def _check_zone(name: str) -> None:
    # a one-off reminder keeps its zone for when it is made repeating later
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError("time_zone", f"“{name}” is not an IANA time zone") from None
