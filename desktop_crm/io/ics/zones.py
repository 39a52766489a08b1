"""Which IANA zone a calendar file's TZID means: IANA names, Outlook's Windows names, paths."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

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


def zone_named(tzid: str) -> ZoneInfo | None:
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
