"""Holidays for greeting reminders: the Chinese lunar calendar, the holiday tables, and the
plain-text list an admin edits.

Lunar dates come from the standard compact table of the Chinese calendar for lunar years
1900–2100 (one word per year, below), so no dependency and no astronomy at run time. A date
outside the table is refused with a ValidationError, never guessed.

The editable list holds one holiday per line, `lunar 08-15 Mid-Autumn Festival | 中秋节` or
`solar 12-25 Christmas`; blank lines and lines starting with `#` are skipped. A holiday's key
is its calendar and date ("lunar-08-15"), so renaming a holiday does not make it new again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from desktop_crm.domain.errors import ValidationError

FIRST_LUNAR_YEAR = 1900
LAST_LUNAR_YEAR = 2100
# Lunar 1900-01-01 fell on this Gregorian date; every other lunar date counts from it.
_LUNAR_EPOCH = date(1900, 1, 31)

# One word per lunar year from 1900: bits 15..4 say whether months 1..12 have 30 days (else 29),
# bits 3..0 name the leap month (0: none), bit 16 says whether the leap month has 30 days.
# Ten years a row from 1900. Copies of this table disagree on a few words; these were chosen by
# checking every month start against computed new moons (Beijing time): 2033 has its leap month
# after the 11th (0x04afb), and 2060's 4th and 2097's 7th month start a day later than in some
# copies (0x092e0, 0x0a4d0).
_LUNAR_YEAR_WORDS = (
    0x04BD8, 0x04AE0, 0x0A570, 0x054D5, 0x0D260, 0x0D950, 0x16554, 0x056A0, 0x09AD0, 0x055D2,
    0x04AE0, 0x0A5B6, 0x0A4D0, 0x0D250, 0x1D255, 0x0B540, 0x0D6A0, 0x0ADA2, 0x095B0, 0x14977,
    0x04970, 0x0A4B0, 0x0B4B5, 0x06A50, 0x06D40, 0x1AB54, 0x02B60, 0x09570, 0x052F2, 0x04970,
    0x06566, 0x0D4A0, 0x0EA50, 0x06E95, 0x05AD0, 0x02B60, 0x186E3, 0x092E0, 0x1C8D7, 0x0C950,
    0x0D4A0, 0x1D8A6, 0x0B550, 0x056A0, 0x1A5B4, 0x025D0, 0x092D0, 0x0D2B2, 0x0A950, 0x0B557,
    0x06CA0, 0x0B550, 0x15355, 0x04DA0, 0x0A5B0, 0x14573, 0x052B0, 0x0A9A8, 0x0E950, 0x06AA0,
    0x0AEA6, 0x0AB50, 0x04B60, 0x0AAE4, 0x0A570, 0x05260, 0x0F263, 0x0D950, 0x05B57, 0x056A0,
    0x096D0, 0x04DD5, 0x04AD0, 0x0A4D0, 0x0D4D4, 0x0D250, 0x0D558, 0x0B540, 0x0B6A0, 0x195A6,
    0x095B0, 0x049B0, 0x0A974, 0x0A4B0, 0x0B27A, 0x06A50, 0x06D40, 0x0AF46, 0x0AB60, 0x09570,
    0x04AF5, 0x04970, 0x064B0, 0x074A3, 0x0EA50, 0x06B58, 0x05AC0, 0x0AB60, 0x096D5, 0x092E0,
    0x0C960, 0x0D954, 0x0D4A0, 0x0DA50, 0x07552, 0x056A0, 0x0ABB7, 0x025D0, 0x092D0, 0x0CAB5,
    0x0A950, 0x0B4A0, 0x0BAA4, 0x0AD50, 0x055D9, 0x04BA0, 0x0A5B0, 0x15176, 0x052B0, 0x0A930,
    0x07954, 0x06AA0, 0x0AD50, 0x05B52, 0x04B60, 0x0A6E6, 0x0A4E0, 0x0D260, 0x0EA65, 0x0D530,
    0x05AA0, 0x076A3, 0x096D0, 0x04AFB, 0x04AD0, 0x0A4D0, 0x1D0B6, 0x0D250, 0x0D520, 0x0DD45,
    0x0B5A0, 0x056D0, 0x055B2, 0x049B0, 0x0A577, 0x0A4B0, 0x0AA50, 0x1B255, 0x06D20, 0x0ADA0,
    0x14B63, 0x09370, 0x049F8, 0x04970, 0x064B0, 0x168A6, 0x0EA50, 0x06B20, 0x1A6C4, 0x0AAE0,
    0x092E0, 0x0D2E3, 0x0C960, 0x0D557, 0x0D4A0, 0x0DA50, 0x05D55, 0x056A0, 0x0A6D0, 0x055D4,
    0x052D0, 0x0A9B8, 0x0A950, 0x0B4A0, 0x0B6A6, 0x0AD50, 0x055A0, 0x0ABA4, 0x0A5B0, 0x052B0,
    0x0B273, 0x06930, 0x07337, 0x06AA0, 0x0AD50, 0x14B55, 0x04B60, 0x0A570, 0x054E4, 0x0D160,
    0x0E968, 0x0D520, 0x0DAA0, 0x16AA6, 0x056D0, 0x04AE0, 0x0A9D4, 0x0A4D0, 0x0D150, 0x0F252,
    0x0D520,
)


def lunar_months(year: int) -> list[tuple[int, bool, int]]:
    """The months of one lunar year in order: (month 1–12, is the leap month, days)."""
    word = _year_word(year)
    leap = word & 0xF
    months: list[tuple[int, bool, int]] = []
    for month in range(1, 13):
        months.append((month, False, 30 if word & (0x10000 >> month) else 29))
        if month == leap:
            months.append((month, True, 30 if word & 0x10000 else 29))
    return months


def _year_word(year: int) -> int:
    if not FIRST_LUNAR_YEAR <= year <= LAST_LUNAR_YEAR:
        raise ValidationError(
            "year", f"{year} is outside the lunar calendar table "
            f"({FIRST_LUNAR_YEAR}–{LAST_LUNAR_YEAR})")
    return _LUNAR_YEAR_WORDS[year - FIRST_LUNAR_YEAR]


def _new_year_offsets() -> tuple[int, ...]:
    """Days from the epoch to each lunar new year, one more than there are years."""
    offsets = [0]
    for year in range(FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR + 1):
        offsets.append(offsets[-1] + sum(days for _, _, days in lunar_months(year)))
    return tuple(offsets)


_NEW_YEAR_OFFSETS = _new_year_offsets()
LAST_LUNAR_DAY = _LUNAR_EPOCH + timedelta(days=_NEW_YEAR_OFFSETS[-1] - 1)


@dataclass(frozen=True)
class LunarDate:
    year: int
    month: int
    day: int
    leap: bool = False  # a day of the leap (intercalary) month after `month`


def lunar_to_solar(year: int, month: int, day: int, *, leap: bool = False) -> date:
    """The Gregorian date of a lunar date (lunar 2025-08-15 -> 2025-10-06)."""
    if not 1 <= month <= 12:
        raise ValidationError("month", f"lunar month {month} does not exist")
    months = lunar_months(year)  # refuses a year outside the table
    offset = _NEW_YEAR_OFFSETS[year - FIRST_LUNAR_YEAR]
    for number, is_leap, days in months:
        if (number, is_leap) == (month, leap):
            if not 1 <= day <= days:
                raise ValidationError(
                    "day", f"lunar {year}-{month:02d}{' (leap)' if leap else ''} "
                    f"has {days} days, not {day}")
            return _LUNAR_EPOCH + timedelta(days=offset + day - 1)
        offset += days
    raise ValidationError("month", f"lunar year {year} has no leap month {month}")


def solar_to_lunar(day: date) -> LunarDate:
    """The lunar date of a Gregorian date inside the table."""
    if not _LUNAR_EPOCH <= day <= LAST_LUNAR_DAY:
        raise ValidationError(
            "date", f"{day.isoformat()} is outside the lunar calendar table "
            f"({_LUNAR_EPOCH.isoformat()} – {LAST_LUNAR_DAY.isoformat()})")
    offset = (day - _LUNAR_EPOCH).days
    index = bisect_right(_NEW_YEAR_OFFSETS, offset) - 1
    year = FIRST_LUNAR_YEAR + index
    offset -= _NEW_YEAR_OFFSETS[index]
    for month, leap, days in lunar_months(year):
        if offset < days:
            return LunarDate(year, month, offset + 1, leap)
        offset -= days
    raise AssertionError("a lunar year's months cover all its days")  # pragma: no cover


# ---- holiday rules and tables ----------------------------------------------------------------

Calendar = Literal["solar", "lunar"]
_CALENDAR_WORDS: dict[str, Calendar] = {"solar": "solar", "lunar": "lunar"}
_SOLAR_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
MAX_NAME_LENGTH = 80


@dataclass(frozen=True)
class HolidayRule:
    """A holiday that falls on the same solar or lunar month and day every year.

    A lunar day 30 in a 29-day month falls on the month's last day (so New Year's Eve,
    lunar 12-30, works every year); a solar Feb 29 falls on Feb 28 in common years.
    """

    key: str
    name_en: str
    name_zh: str
    calendar: Calendar
    month: int
    day: int


def holiday_key(calendar: Calendar, month: int, day: int) -> str:
    return f"{calendar}-{month:02d}-{day:02d}"


def _rule(name_en: str, name_zh: str, calendar: Calendar, month: int, day: int) -> HolidayRule:
    return HolidayRule(holiday_key(calendar, month, day), name_en, name_zh, calendar, month, day)


CN_HOLIDAYS: tuple[HolidayRule, ...] = (
    _rule("New Year's Day", "元旦", "solar", 1, 1),
    _rule("Spring Festival", "春节", "lunar", 1, 1),
    _rule("Lantern Festival", "元宵节", "lunar", 1, 15),
    _rule("Labour Day", "劳动节", "solar", 5, 1),
    _rule("Dragon Boat Festival", "端午节", "lunar", 5, 5),
    _rule("Mid-Autumn Festival", "中秋节", "lunar", 8, 15),
    _rule("National Day", "国庆节", "solar", 10, 1),
)

GENERIC_HOLIDAYS: tuple[HolidayRule, ...] = (
    _rule("New Year's Day", "元旦", "solar", 1, 1),
    _rule("Valentine's Day", "情人节", "solar", 2, 14),
    _rule("International Women's Day", "妇女节", "solar", 3, 8),
    _rule("Christmas", "圣诞节", "solar", 12, 25),
)


def _date_in(rule: HolidayRule, lunar_year: int) -> date:
    if rule.calendar == "solar":
        day = rule.day
        if (rule.month, day) == (2, 29) and not _is_leap_year(lunar_year):
            day = 28
        return date(lunar_year, rule.month, day)
    days = next(n for month, leap, n in lunar_months(lunar_year)
                if month == rule.month and not leap)
    return lunar_to_solar(lunar_year, rule.month, min(rule.day, days))


def _is_leap_year(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


@dataclass(frozen=True)
class HolidayDay:
    """One holiday on one day; `year` is the holiday's own year (the lunar year for a lunar
    holiday), so two days of one rule in the same Gregorian year stay apart."""

    rule: HolidayRule
    day: date
    year: int


def holiday_days(rules: Iterable[HolidayRule], year: int) -> list[HolidayDay]:
    """Every day in Gregorian `year` on which one of `rules` falls, in date order.

    A lunar holiday late in the lunar year (the 12th month) may fall in January of the next
    Gregorian year, so a lunar rule can fall zero, one or two times in one Gregorian year.
    """
    found: list[HolidayDay] = []
    for rule in rules:
        if rule.calendar == "solar":
            found.append(HolidayDay(rule, _date_in(rule, year), year))
            continue
        if not FIRST_LUNAR_YEAR < year <= LAST_LUNAR_YEAR:  # needs lunar year - 1 too
            raise ValidationError(
                "year", f"{year} is outside the lunar calendar table "
                f"({FIRST_LUNAR_YEAR + 1}–{LAST_LUNAR_YEAR} for lunar holidays)")
        for lunar_year in (year - 1, year):
            day = _date_in(rule, lunar_year)
            if day.year == year:
                found.append(HolidayDay(rule, day, lunar_year))
    found.sort(key=lambda holiday: (holiday.day, holiday.rule.key))
    return found


def holiday_dates(rules: Iterable[HolidayRule], year: int) -> list[tuple[HolidayRule, date]]:
    """(rule, day) for every holiday day in Gregorian `year`, in date order."""
    return [(holiday.rule, holiday.day) for holiday in holiday_days(rules, year)]


def holidays_between(rules: Sequence[HolidayRule], first_day: date,
                     end_day: date) -> list[HolidayDay]:
    """The holidays on days in [first_day, end_day), in date order."""
    return [holiday
            for year in range(first_day.year, end_day.year + 1)
            for holiday in holiday_days(rules, year)
            if first_day <= holiday.day < end_day]


# ---- the list an admin edits -----------------------------------------------------------------

# Each problem a line can have, with its English text; the GUI translates by code and values.
PROBLEM_TEXTS = {
    "layout": "write a calendar, a month-day and a name, like "
              "“lunar 08-15 Mid-Autumn Festival | 中秋节”",
    "calendar": "unknown calendar “{0}”: write solar or lunar",
    "month_day": "“{0}” is not a month-day like 08-15",
    "month": "month {0} does not exist",
    "solar_day": "{month_name} has no day {1}",
    "lunar_day": "a lunar month has no day {0} (days run 1 to 30)",
    "no_name": "the holiday has no name",
    "names": "write at most two names, separated by one “|”",
    "name_length": "a name is longer than {0} characters",
    "repeat": "{0} {1} is already on line {2}",
}


@dataclass(frozen=True)
class LineProblem:
    line: int  # counted from 1, as an editor shows it
    code: str  # a key of PROBLEM_TEXTS
    values: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        month_name = _MONTH_NAMES[int(self.values[0]) - 1] if self.code == "solar_day" else ""
        return PROBLEM_TEXTS[self.code].format(*self.values, month_name=month_name)


class HolidayListError(ValidationError):
    """The holiday list has lines the app cannot read; each problem names its line."""

    def __init__(self, problems: Sequence[LineProblem], *, field: str = "holidays") -> None:
        super().__init__(field, "; ".join(
            f"line {problem.line}: {problem.message}" for problem in problems))
        self.problems = tuple(problems)


class _BadLine(Exception):
    def __init__(self, code: str, *values: object) -> None:
        super().__init__(code)
        self.code, self.values = code, tuple(str(value) for value in values)


_LINE = re.compile(r"(\S+)\s+(\S+)(?:\s+(.*))?")
_MONTH_DAY = re.compile(r"(\d{1,2})-(\d{1,2})")


def parse_holidays(text: str) -> list[HolidayRule]:
    """Read the admin's holiday list; every bad line is reported at once, by number."""
    rules: list[HolidayRule] = []
    problems: list[LineProblem] = []
    first_line_of: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            rule = _parse_line(line)
        except _BadLine as bad:
            problems.append(LineProblem(number, bad.code, bad.values))
            continue
        if rule.key in first_line_of:
            problems.append(LineProblem(number, "repeat", (
                rule.calendar, f"{rule.month:02d}-{rule.day:02d}",
                str(first_line_of[rule.key]))))
            continue
        first_line_of[rule.key] = number
        rules.append(rule)
    if problems:
        raise HolidayListError(problems)
    return rules


def _parse_line(line: str) -> HolidayRule:
    match = _LINE.fullmatch(line)
    if match is None:
        raise _BadLine("layout")
    calendar_word, month_day, names = match.group(1), match.group(2), match.group(3) or ""
    calendar = _CALENDAR_WORDS.get(calendar_word.lower())
    if calendar is None:
        raise _BadLine("calendar", calendar_word)
    parts = _MONTH_DAY.fullmatch(month_day)
    if parts is None:
        raise _BadLine("month_day", month_day)
    month, day = int(parts.group(1)), int(parts.group(2))
    if not 1 <= month <= 12:
        raise _BadLine("month", month)
    if calendar == "solar" and not 1 <= day <= _SOLAR_MONTH_DAYS[month - 1]:
        raise _BadLine("solar_day", month, day)
    if calendar == "lunar" and not 1 <= day <= 30:
        raise _BadLine("lunar_day", day)
    name_en, name_zh = _parse_names(names)
    return _rule(name_en, name_zh, calendar, month, day)


def _parse_names(names: str) -> tuple[str, str]:
    pieces = [piece.strip() for piece in names.split("|")]
    if len(pieces) > 2:
        raise _BadLine("names")
    name_en, name_zh = pieces[0], pieces[1] if len(pieces) == 2 else ""
    if not name_en:
        raise _BadLine("no_name")
    if max(len(name_en), len(name_zh)) > MAX_NAME_LENGTH:
        raise _BadLine("name_length", MAX_NAME_LENGTH)
    return name_en, name_zh


def format_holidays(rules: Iterable[HolidayRule]) -> str:
    """The list as the admin edits it; parse_holidays reads it back to the same rules."""
    return "".join(
        f"{rule.calendar} {rule.month:02d}-{rule.day:02d} {rule.name_en}"
        + (f" | {rule.name_zh}" if rule.name_zh else "") + "\n"
        for rule in rules)


DEFAULT_HOLIDAYS: tuple[HolidayRule, ...] = CN_HOLIDAYS + tuple(
    rule for rule in GENERIC_HOLIDAYS if rule.key not in {r.key for r in CN_HOLIDAYS})
DEFAULT_HOLIDAY_TEXT = format_holidays(DEFAULT_HOLIDAYS)
