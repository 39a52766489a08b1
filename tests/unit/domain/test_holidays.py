"""The holiday calendar: lunar dates against published festival dates, years outside the table
refused, the CN and generic tables, and the admin's text list read back with line-numbered
problems."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.holidays import (
    CN_HOLIDAYS,
    DEFAULT_HOLIDAY_TEXT,
    DEFAULT_HOLIDAYS,
    GENERIC_HOLIDAYS,
    LAST_LUNAR_DAY,
    HolidayListError,
    HolidayRule,
    LunarDate,
    format_holidays,
    holiday_dates,
    holidays_between,
    lunar_months,
    lunar_to_solar,
    parse_holidays,
    solar_to_lunar,
)


@pytest.mark.parametrize(("lunar", "expected"), [
    # Spring Festival (lunar 1-1)
    ((2024, 1, 1), date(2024, 2, 10)),
    ((2025, 1, 1), date(2025, 1, 29)),
    ((2026, 1, 1), date(2026, 2, 17)),
    ((2027, 1, 1), date(2027, 2, 6)),
    ((2030, 1, 1), date(2030, 2, 3)),
    ((2000, 1, 1), date(2000, 2, 5)),
    # Mid-Autumn (lunar 8-15)
    ((2024, 8, 15), date(2024, 9, 17)),
    ((2025, 8, 15), date(2025, 10, 6)),
    ((2026, 8, 15), date(2026, 9, 25)),
    # Dragon Boat (lunar 5-5)
    ((2025, 5, 5), date(2025, 5, 31)),
    ((2026, 5, 5), date(2026, 6, 19)),
    # 2033: the leap month follows the 11th, so Mid-Autumn stays in September
    ((2033, 8, 15), date(2033, 9, 8)),
    ((2034, 1, 1), date(2034, 2, 19)),
    # the table's first and last years
    ((1900, 1, 1), date(1900, 1, 31)),
    ((2100, 1, 1), date(2100, 2, 9)),
])
def test_lunar_dates_fall_on_their_published_gregorian_days(
        lunar: tuple[int, int, int], expected: date) -> None:
    assert lunar_to_solar(*lunar) == expected


def test_a_leap_month_follows_the_month_it_repeats() -> None:
    # 2023 had a leap 2nd month (闰二月), 2025 a leap 6th month (闰六月).
    assert [m for m in lunar_months(2023) if m[1]] == [(2, True, 29)]
    assert lunar_to_solar(2023, 2, 1, leap=True) == date(2023, 3, 22)
    assert lunar_to_solar(2023, 3, 1) == date(2023, 4, 20)
    assert lunar_to_solar(2025, 6, 1, leap=True) == date(2025, 7, 25)
    with pytest.raises(ValidationError, match="no leap month 5"):
        lunar_to_solar(2025, 5, 1, leap=True)


def test_every_day_of_the_table_converts_to_lunar_and_back() -> None:
    day, previous = date(1900, 1, 31), None
    while day <= LAST_LUNAR_DAY:
        lunar = solar_to_lunar(day)
        assert lunar_to_solar(lunar.year, lunar.month, lunar.day, leap=lunar.leap) == day
        if previous is not None and lunar.day != 1:
            assert lunar.day == previous.day + 1  # no day is skipped or repeated
        previous = lunar
        day += timedelta(days=1)
    assert solar_to_lunar(date(2025, 10, 6)) == LunarDate(2025, 8, 15)


@pytest.mark.parametrize("year", [1899, 2101, 3000])
def test_a_lunar_year_outside_the_table_is_refused_not_guessed(year: int) -> None:
    with pytest.raises(ValidationError, match=f"{year} is outside the lunar calendar table"):
        lunar_to_solar(year, 1, 1)


def test_dates_outside_the_table_are_refused_both_ways() -> None:
    with pytest.raises(ValidationError, match="1900-01-30 is outside"):
        solar_to_lunar(date(1900, 1, 30))
    with pytest.raises(ValidationError, match="outside"):
        solar_to_lunar(LAST_LUNAR_DAY + timedelta(days=1))
    with pytest.raises(ValidationError, match="2101 is outside"):
        holiday_dates(CN_HOLIDAYS, 2101)
    with pytest.raises(ValidationError, match="1900 is outside"):
        holiday_dates(CN_HOLIDAYS, 1900)  # January 1900 still belongs to lunar 1899


def test_solar_holidays_need_no_table() -> None:
    christmas = [rule for rule in GENERIC_HOLIDAYS if rule.name_en == "Christmas"]
    assert holiday_dates(christmas, 2150) == [(christmas[0], date(2150, 12, 25))]


def test_an_impossible_lunar_day_is_refused() -> None:
    # lunar 2024's 12th month has 29 days
    assert lunar_months(2024)[-1] == (12, False, 29)
    with pytest.raises(ValidationError, match="has 29 days, not 30"):
        lunar_to_solar(2024, 12, 30)
    with pytest.raises(ValidationError, match="month 13"):
        lunar_to_solar(2024, 13, 1)


def test_the_cn_table_in_2025_by_the_lunar_and_solar_calendars() -> None:
    found = [(rule.name_zh, day) for rule, day in holiday_dates(CN_HOLIDAYS, 2025)]
    assert found == [
        ("元旦", date(2025, 1, 1)),
        ("春节", date(2025, 1, 29)),
        ("元宵节", date(2025, 2, 12)),
        ("劳动节", date(2025, 5, 1)),
        ("端午节", date(2025, 5, 31)),
        ("国庆节", date(2025, 10, 1)),
        ("中秋节", date(2025, 10, 6)),  # after National Day this year, in date order
    ]


def test_new_years_eve_lunar_12_30_falls_on_the_last_day_of_a_short_month() -> None:
    eve = parse_holidays("lunar 12-30 Chinese New Year's Eve | 除夕")
    # lunar 2024 ends on its 29th day, 2025-01-28; lunar 2025's eve is 2026-02-16
    assert [day for _, day in holiday_dates(eve, 2025)] == [date(2025, 1, 28)]
    assert [day for _, day in holiday_dates(eve, 2026)] == [date(2026, 2, 16)]


def test_a_late_lunar_holiday_can_fall_twice_or_not_at_all_in_one_gregorian_year() -> None:
    rule = parse_holidays("lunar 11-20 Late")
    assert [day for _, day in holiday_dates(rule, 2002)] == [date(2002, 1, 3),
                                                             date(2002, 12, 23)]
    assert holiday_dates(rule, 2001) == []


def test_a_solar_feb_29_holiday_falls_on_feb_28_in_common_years() -> None:
    rule = parse_holidays("solar 02-29 Leap Day")
    assert [day for _, day in holiday_dates(rule, 2024)] == [date(2024, 2, 29)]
    assert [day for _, day in holiday_dates(rule, 2025)] == [date(2025, 2, 28)]


def test_holidays_between_spans_a_new_year() -> None:
    found = holidays_between(DEFAULT_HOLIDAYS, date(2025, 12, 20), date(2026, 1, 5))
    assert [(h.rule.name_en, h.day, h.year) for h in found] == [
        ("Christmas", date(2025, 12, 25), 2025), ("New Year's Day", date(2026, 1, 1), 2026)]


def test_a_lunar_holidays_year_is_its_lunar_year() -> None:
    # lunar 11-20 falls twice in Gregorian 2002: for lunar 2001 and for lunar 2002
    rule = parse_holidays("lunar 11-20 Late")
    found = holidays_between(rule, date(2002, 1, 1), date(2003, 1, 1))
    assert [(h.day, h.year) for h in found] == [(date(2002, 1, 3), 2001),
                                                (date(2002, 12, 23), 2002)]


def test_the_default_list_is_the_cn_table_and_the_generic_list_without_doubles() -> None:
    keys = [rule.key for rule in DEFAULT_HOLIDAYS]
    assert len(keys) == len(set(keys))
    assert {rule.name_en for rule in DEFAULT_HOLIDAYS} >= {
        "Spring Festival", "Mid-Autumn Festival", "National Day", "Christmas",
        "Valentine's Day"}
    assert parse_holidays(DEFAULT_HOLIDAY_TEXT) == list(DEFAULT_HOLIDAYS)


def test_the_list_reads_both_names_comments_and_blank_lines() -> None:
    text = ("# greetings we send\n"
            "\n"
            "lunar 08-15 Mid-Autumn Festival | 中秋节\n"
            "  SOLAR 12-25   Christmas  \n"
            "solar 3-8 妇女节\n")
    assert parse_holidays(text) == [
        HolidayRule("lunar-08-15", "Mid-Autumn Festival", "中秋节", "lunar", 8, 15),
        HolidayRule("solar-12-25", "Christmas", "", "solar", 12, 25),
        HolidayRule("solar-03-08", "妇女节", "", "solar", 3, 8),
    ]


def test_format_writes_what_parse_reads() -> None:
    rules = parse_holidays("lunar 8-15 Mid-Autumn Festival | 中秋节\nsolar 12-25 Christmas")
    assert format_holidays(rules) == ("lunar 08-15 Mid-Autumn Festival | 中秋节\n"
                                      "solar 12-25 Christmas\n")
    assert parse_holidays(format_holidays(rules)) == rules


@pytest.mark.parametrize(("line", "problem"), [
    ("solar 02-30 Nope", "February has no day 30"),
    ("solar 04-31 Nope", "April has no day 31"),
    ("solar 13-01 Nope", "month 13 does not exist"),
    ("solar 00-10 Nope", "month 0 does not exist"),
    ("lunar 08-31 Nope", "a lunar month has no day 31"),
    ("gregorian 12-25 Christmas", "unknown calendar “gregorian”"),
    ("solar 1225 Christmas", "“1225” is not a month-day"),
    ("solar 12-25", "the holiday has no name"),
    ("solar 12-25 | 圣诞节", "the holiday has no name"),
    ("solar 12-25 A | B | C", "at most two names"),
    ("Christmas", "write a calendar, a month-day and a name"),
])
def test_a_bad_line_names_its_number_and_its_problem(line: str, problem: str) -> None:
    with pytest.raises(HolidayListError) as raised:
        parse_holidays(f"solar 01-01 New Year's Day\n\n{line}\n")
    assert [p.line for p in raised.value.problems] == [3]
    assert problem in raised.value.problems[0].message
    assert str(raised.value).startswith("holidays: line 3: ")


def test_every_bad_line_is_reported_at_once_and_a_repeated_date_names_the_first() -> None:
    text = ("lunar 08-15 Mid-Autumn Festival\n"
            "solar 02-30 Nope\n"
            "lunar 8-15 Moon Festival\n"
            "moon 01-01 Nope\n")
    with pytest.raises(HolidayListError) as raised:
        parse_holidays(text)
    assert [(p.line, p.message) for p in raised.value.problems] == [
        (2, "February has no day 30"),
        (3, "lunar 08-15 is already on line 1"),
        (4, "unknown calendar “moon”: write solar or lunar"),
    ]
    assert raised.value.field == "holidays"
    # the GUI translates a problem from its code and values
    assert [(p.code, p.values) for p in raised.value.problems] == [
        ("solar_day", ("2", "30")), ("repeat", ("lunar", "08-15", "1")), ("calendar", ("moon",))]
