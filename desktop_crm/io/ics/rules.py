"""RRULE text as it crosses between the app and other calendars.

The app repeats a yearly reminder started on Feb 29 on Feb 28 in common years (a birthday that
shows once in four years is a missed birthday); RFC 5545 would skip those years. Written as
"the last day of February" other calendars show the same days. The app reads an UNTIL given
as a date or a local time in the series' own zone; RFC 5545 wants it in UTC beside a zoned
start (and a date beside a date), so it is written that way. Coming in, a week start (WKST)
that changes nothing is dropped, since the app's rules always start the week on Monday.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, tzinfo

_DEFAULT_WEEK_START = "MO"
_UNTIL = re.compile(r"(\d{8})(?:T(\d{6})(Z?))?")


def _parts(rule: str) -> list[tuple[str, str]]:
    body = rule.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:"):]
    parts = []
    for part in body.split(";"):
        name, _, value = part.partition("=")
        if name.strip():
            parts.append((name.strip().upper(), value.strip().upper()))
    return parts


def _text(parts: list[tuple[str, str]]) -> str:
    return ";".join(f"{name}={value}" for name, value in parts)


def portable_rule(rule: str, first_day: date) -> str:
    """The rule as other calendars should read it, for a series whose first day is given."""
    parts = _parts(rule)
    values = dict(parts)
    leap_day_yearly = (
        (first_day.month, first_day.day) == (2, 29)
        and values.get("FREQ") == "YEARLY"
        and not {"BYDAY", "BYSETPOS", "BYYEARDAY", "BYWEEKNO"} & values.keys()
        and values.get("BYMONTH", "2") == "2"
        and values.get("BYMONTHDAY", "29") == "29"
    )
    if not leap_day_yearly:
        return rule
    kept = [(n, v) for n, v in parts if n not in ("BYMONTH", "BYMONTHDAY")]
    return _text([*kept, ("BYMONTH", "2"), ("BYMONTHDAY", "-1")])


def without_idle_week_start(rule: str) -> str:
    """The rule without a WKST that cannot change its days.

    The week start matters only where a rule counts weeks with more than one weekday in them:
    WEEKLY with an INTERVAL above 1 or a BYSETPOS (and BYWEEKNO, which the app refuses anyway).
    A WKST that matters and is not Monday is kept, so the app refuses the rule by name.
    """
    parts = _parts(rule)
    values = dict(parts)
    start = values.get("WKST")
    if start is None:
        return rule
    several_days = len(values.get("BYDAY", "").split(",")) > 1
    counts_weeks = values.get("FREQ") == "WEEKLY" and several_days and (
        values.get("INTERVAL", "1") not in ("", "1") or "BYSETPOS" in values)
    if start != _DEFAULT_WEEK_START and (counts_weeks or "BYWEEKNO" in values):
        return rule
    return _text([(n, v) for n, v in parts if n != "WKST"])


def rfc_until(rule: str, zone: tzinfo | None) -> str:
    """The rule with UNTIL as RFC 5545 wants it: in UTC ("Z") for a series timed in `zone`,
    a date for an all-day series (`zone` None). The instants stay as the app reads them: a
    date means through the end of that day, a time without Z is wall time in the zone."""
    parts = _parts(rule)
    until = dict(parts).get("UNTIL")
    match = _UNTIL.fullmatch(until or "")
    if match is None:
        return rule  # no UNTIL (or one the rule check has already refused)
    day_text, time_text, utc = match.groups()
    if zone is None:
        written = day_text
    elif utc:
        return rule
    else:
        try:
            day = datetime.strptime(day_text, "%Y%m%d").date()
            wall = (datetime.strptime(time_text, "%H%M%S").time() if time_text
                    else time(23, 59, 59))
        except ValueError:
            return rule
        moment = datetime.combine(day, wall, tzinfo=zone).astimezone(UTC)
        written = moment.strftime("%Y%m%dT%H%M%SZ")
    return _text([(name, written if name == "UNTIL" else value) for name, value in parts])
