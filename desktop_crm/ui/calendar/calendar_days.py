"""Which days each calendar view covers. Pure Python, tested without Qt.

`first_weekday` uses Python's numbering (Monday 0) for the locale's first day of the week.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

GRID_DAYS = 42  # six weeks: every month fits, and the grid never changes height


class ViewMode(StrEnum):
    MONTH = "month"
    WEEK = "week"
    AGENDA = "agenda"


def week_start(day: date, first_weekday: int = 0) -> date:
    """The first day of the week holding `day`."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    """The first of the month after the one holding `day`."""
    return (month_start(day) + timedelta(days=32)).replace(day=1)


def previous_month(day: date) -> date:
    """The first of the month before the one holding `day`."""
    return (month_start(day) - timedelta(days=1)).replace(day=1)


def grid_start(day: date, first_weekday: int = 0) -> date:
    """The first cell of the month grid showing `day`'s month: the week holding the 1st."""
    return week_start(month_start(day), first_weekday)


def grid_days(day: date, first_weekday: int = 0) -> list[date]:
    """The 42 days of the month grid showing `day`'s month, row by row."""
    first = grid_start(day, first_weekday)
    return [first + timedelta(days=n) for n in range(GRID_DAYS)]


def loaded_days(mode: ViewMode, anchor: date, first_weekday: int = 0) -> tuple[date, date]:
    """[first, end) of the days a view shows around `anchor`: the whole grid for the month
    (the dimmed days of the months beside it too), the week, or the month for the agenda."""
    if mode is ViewMode.MONTH:
        first = grid_start(anchor, first_weekday)
        return first, first + timedelta(days=GRID_DAYS)
    if mode is ViewMode.WEEK:
        first = week_start(anchor, first_weekday)
        return first, first + timedelta(days=7)
    return month_start(anchor), next_month(anchor)


def step(mode: ViewMode, anchor: date, forward: bool) -> date:
    """The anchor one page later (or earlier): a month, or a week."""
    if mode is ViewMode.WEEK:
        return anchor + timedelta(days=7 if forward else -7)
    target = next_month(anchor) if forward else previous_month(anchor)
    # keep the day of the month where the month has it, so the selected day stays put
    last = (next_month(target) - timedelta(days=1)).day
    return target.replace(day=min(anchor.day, last))
