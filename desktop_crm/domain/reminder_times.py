"""When a snoozed reminder comes back: the presets people pick most."""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo

from desktop_crm.domain.errors import ValidationError

SNOOZE_PRESETS = ("15m", "1h", "tomorrow")
MORNING = time(9, 0)  # "tomorrow" means the start of tomorrow's working day


def snooze_until(preset: str, now: datetime, zone: tzinfo) -> datetime:
    """The moment (UTC) a reminder snoozed now with `preset` is due again.

    "tomorrow" is 09:00 tomorrow on the wall clock of `zone`, across a DST change too.
    """
    if now.tzinfo is None:
        raise ValidationError("now", "must be a date and time with its time zone")
    if preset == "15m":
        return now + timedelta(minutes=15)
    if preset == "1h":
        return now + timedelta(hours=1)
    if preset == "tomorrow":
        tomorrow = now.astimezone(zone).date() + timedelta(days=1)
        return datetime.combine(tomorrow, MORNING, tzinfo=zone).astimezone(now.tzinfo)
    raise ValidationError("preset", f"“{preset}” is not one of {', '.join(SNOOZE_PRESETS)}")
