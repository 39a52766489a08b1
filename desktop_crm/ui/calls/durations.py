"""A call's duration as a person types it and reads it: minutes, or hours and minutes.

Pure Python (no Qt), so the accepted forms are tested on their own. "15", "15 min",
"15分钟", "1:30", "1h30", "1 小时 30 分" are all understood; an empty field means no duration.
"""

from __future__ import annotations

import re

_HOURS_MINUTES = re.compile(r"^(\d{1,3}):([0-5]\d)$")
_SPELLED = re.compile(
    r"^(?:(?P<hours>\d{1,3})\s*(?:h|hr|hrs|hours?|小时|时)\s*)?"
    r"(?:(?P<minutes>\d{1,5})\s*(?:m|min|mins|minutes?|分钟|分)?)?$",
    re.IGNORECASE,
)


def parse_duration(text: str) -> int | None:
    """Seconds for the typed duration, 0 for nothing typed, None when it cannot be read."""
    text = text.strip()
    if not text:
        return 0
    clock = _HOURS_MINUTES.match(text)
    if clock:
        return (int(clock.group(1)) * 60 + int(clock.group(2))) * 60
    spelled = _SPELLED.match(text)
    if spelled is None or not (spelled.group("hours") or spelled.group("minutes")):
        return None
    hours = int(spelled.group("hours") or 0)
    minutes = int(spelled.group("minutes") or 0)
    return (hours * 60 + minutes) * 60


def minutes_text(seconds: int) -> str:
    """The duration in the short form the field accepts back: "15" or "1:30"."""
    minutes = round(seconds / 60)
    return str(minutes) if minutes < 60 else f"{minutes // 60}:{minutes % 60:02d}"
