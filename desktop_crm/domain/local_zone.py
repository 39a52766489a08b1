"""The time zone this computer is set to, by IANA name, so repeating reminders keep their
wall-clock time across DST wherever the laptop travels."""

from __future__ import annotations

from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import tzlocal

FALLBACK = "UTC"


@cache
def local_zone_name() -> str:
    """The system zone ("Asia/Shanghai"); UTC when the system names none we can load."""
    try:
        name = tzlocal.get_localzone_name()
    except (LookupError, ValueError, OSError):  # an unset or unreadable system zone
        return FALLBACK
    if not name:
        return FALLBACK
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return FALLBACK
    return name


def local_zone() -> ZoneInfo:
    return ZoneInfo(local_zone_name())
