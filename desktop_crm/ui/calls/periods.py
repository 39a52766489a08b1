"""The Calls page's quick periods (today, this week, this month) as moments in UTC.

A period is a range of local calendar days, so "today" starts at local midnight wherever the
computer is; the service filters on aware UTC moments. Pure Python, tested without Qt.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum


class Period(StrEnum):
    ANY = "any"
    TODAY = "today"
    WEEK = "week"
    MONTH = "month"
    CUSTOM = "custom"


def local_days(
    period: Period, today: date, *, first_weekday: int = 0,
    custom: tuple[date, date] | None = None,
) -> tuple[date | None, date | None]:
    """(first day, day after the last) of the period; None for an open end.

    `first_weekday` is Python's numbering (Monday 0) of the locale's first day of the week.
    A custom range includes both of its days, in whichever order they were picked.
    """
    match period:
        case Period.TODAY:
            return today, today + timedelta(days=1)
        case Period.WEEK:
            start = today - timedelta(days=(today.weekday() - first_weekday) % 7)
            return start, start + timedelta(days=7)
        case Period.MONTH:
            start = today.replace(day=1)
            return start, (start + timedelta(days=32)).replace(day=1)
        case Period.CUSTOM if custom is not None:
            first, last = sorted(custom)
            return first, last + timedelta(days=1)
    return None, None


def local_midnight(day: date) -> datetime:
    """The moment (aware, UTC) a local calendar day begins on this computer."""
    return datetime.combine(day, time()).astimezone().astimezone(UTC)


def period_moments(
    period: Period, today: date, *, first_weekday: int = 0,
    custom: tuple[date, date] | None = None,
) -> tuple[datetime | None, datetime | None]:
    """(since, until) for the service's CallFilter: since inclusive, until exclusive."""
    first, after = local_days(period, today, first_weekday=first_weekday, custom=custom)
    return (None if first is None else local_midnight(first),
            None if after is None else local_midnight(after))
