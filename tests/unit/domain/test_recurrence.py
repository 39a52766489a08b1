"""The occurrence engine: wall time across DST, all-day dates, leap-day birthdays, exceptions,
COUNT and UNTIL, cost that does not grow with a rule's age, and bad rules refused by name."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.recurrence import (
    ExpansionStats,
    Recurrence,
    key_text,
    next_after,
    occurrences,
    parse_key,
    parse_rrule,
)

NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
SHANGHAI = ZoneInfo("Asia/Shanghai")


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def utc_starts(recurrence: Recurrence, start: datetime, end: datetime) -> list[datetime]:
    return [o.utc_start for o in occurrences(recurrence, start, end)]


def test_new_york_daily_nine_oclock_keeps_its_wall_time_across_the_march_dst_change():
    daily = Recurrence("FREQ=DAILY", datetime(2026, 3, 6, 9, 0), "America/New_York")
    found = occurrences(daily, utc(2026, 3, 6), utc(2026, 3, 10))
    # EST is UTC-5 until 2026-03-08 02:00, EDT (UTC-4) after.
    assert [o.utc_start for o in found] == [
        utc(2026, 3, 6, 14), utc(2026, 3, 7, 14), utc(2026, 3, 8, 13), utc(2026, 3, 9, 13)]
    assert {(o.local_start.hour, o.local_start.minute) for o in found} == {(9, 0)}
    assert [o.key for o in found][2] == datetime(2026, 3, 8, 9, 0)


def test_a_wall_time_skipped_by_dst_shows_an_hour_later_and_keeps_its_key():
    daily = Recurrence("FREQ=DAILY;COUNT=3", datetime(2026, 3, 7, 2, 30), "America/New_York")
    found = occurrences(daily, utc(2026, 3, 1), utc(2026, 3, 12))
    skipped = found[1]
    assert skipped.key == datetime(2026, 3, 8, 2, 30)
    assert skipped.local_start.replace(tzinfo=None) == datetime(2026, 3, 8, 3, 30)
    assert skipped.utc_start == utc(2026, 3, 8, 7, 30)


def test_berlin_weekly_follow_up_crosses_the_october_dst_change():
    # 2026-10-25 03:00 CEST falls back to 02:00 CET; Sundays 2026-10-18 and 2026-10-25.
    weekly = Recurrence("FREQ=WEEKLY", datetime(2026, 10, 18, 10, 0), "Europe/Berlin")
    assert utc_starts(weekly, utc(2026, 10, 1), utc(2026, 11, 2)) == [
        utc(2026, 10, 18, 8), utc(2026, 10, 25, 9), utc(2026, 11, 1, 9)]


def test_shanghai_has_no_dst_so_the_utc_time_never_moves():
    monthly = Recurrence("FREQ=MONTHLY;BYMONTHDAY=15", datetime(2026, 1, 15, 14, 0),
                         "Asia/Shanghai")
    found = occurrences(monthly, utc(2026, 1, 1), utc(2027, 1, 1))
    assert len(found) == 12
    assert {(o.utc_start.hour, o.utc_start.day) for o in found} == {(6, 15)}


def test_an_all_day_rule_stays_on_its_date_for_viewers_in_any_zone():
    payday = Recurrence("FREQ=MONTHLY", date(2026, 3, 10), "Asia/Shanghai", all_day=True)
    for viewer in (NEW_YORK, BERLIN, SHANGHAI, ZoneInfo("Pacific/Auckland")):
        march = datetime(2026, 3, 1, tzinfo=viewer)
        found = occurrences(payday, march, datetime(2026, 4, 1, tzinfo=viewer))
        assert [o.day for o in found] == [date(2026, 3, 10)]
        assert found[0].local_start == datetime(2026, 3, 10, tzinfo=viewer)
        assert found[0].key == date(2026, 3, 10)


def test_an_all_day_occurrence_on_the_windows_last_day_is_not_lost_to_a_utc_offset():
    daily = Recurrence("FREQ=DAILY", date(2026, 5, 1), "Europe/Berlin", all_day=True)
    beijing_day = datetime(2026, 5, 20, tzinfo=SHANGHAI)
    found = occurrences(daily, beijing_day, beijing_day + timedelta(days=1))
    assert [o.day for o in found] == [date(2026, 5, 20)]


def test_a_leap_day_birthday_shows_on_feb_28_in_other_years():
    birthday = Recurrence("FREQ=YEARLY", date(2024, 2, 29), "Asia/Shanghai", all_day=True)
    found = occurrences(birthday, datetime(2024, 1, 1, tzinfo=SHANGHAI),
                        datetime(2029, 1, 1, tzinfo=SHANGHAI))
    assert [o.day for o in found] == [
        date(2024, 2, 29), date(2025, 2, 28), date(2026, 2, 28), date(2027, 2, 28),
        date(2028, 2, 29)]


def test_a_leap_day_birthday_with_a_count_counts_the_feb_28_years():
    birthday = Recurrence("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=3", date(2024, 2, 29),
                          "UTC", all_day=True)
    found = occurrences(birthday, utc(2020, 1, 1), utc(2040, 1, 1))
    assert [o.day for o in found] == [date(2024, 2, 29), date(2025, 2, 28), date(2026, 2, 28)]


def test_completing_one_weekly_follow_up_leaves_the_others():
    weekly = Recurrence("FREQ=WEEKLY;BYDAY=TU", datetime(2026, 6, 2, 15, 0), "Asia/Shanghai")
    done = weekly.with_exception(datetime(2026, 6, 9, 15, 0))
    keys = [o.key for o in occurrences(done, utc(2026, 6, 1), utc(2026, 6, 24))]
    assert keys == [datetime(2026, 6, 2, 15), datetime(2026, 6, 16, 15),
                    datetime(2026, 6, 23, 15)]
    assert weekly.exceptions == frozenset()


def test_an_exception_given_as_a_utc_instant_names_the_same_occurrence():
    weekly = Recurrence("FREQ=WEEKLY", datetime(2026, 6, 2, 15, 0), "Asia/Shanghai",
                        exceptions=frozenset({utc(2026, 6, 9, 7)}))
    assert weekly.exceptions == frozenset({datetime(2026, 6, 9, 15, 0)})
    assert [o.day for o in occurrences(weekly, utc(2026, 6, 1), utc(2026, 6, 17))] == [
        date(2026, 6, 2), date(2026, 6, 16)]


def test_count_stops_the_rule_and_an_exception_does_not_extend_it():
    three = Recurrence("FREQ=DAILY;INTERVAL=2;COUNT=3", datetime(2026, 1, 1, 8, 0), "UTC",
                       exceptions=frozenset({datetime(2026, 1, 3, 8, 0)}))
    assert utc_starts(three, utc(2025, 12, 1), utc(2026, 3, 1)) == [
        utc(2026, 1, 1, 8), utc(2026, 1, 5, 8)]


def test_until_is_inclusive_and_a_date_until_keeps_that_whole_day():
    timed = Recurrence("FREQ=WEEKLY;UNTIL=20260115T010000Z", datetime(2026, 1, 1, 9, 0),
                       "Asia/Shanghai")
    assert [o.day for o in occurrences(timed, utc(2025, 12, 1), utc(2026, 3, 1))] == [
        date(2026, 1, 1), date(2026, 1, 8), date(2026, 1, 15)]
    all_day = Recurrence("FREQ=DAILY;UNTIL=20260103", date(2026, 1, 1), "UTC", all_day=True)
    assert [o.day for o in occurrences(all_day, utc(2025, 12, 1), utc(2026, 3, 1))] == [
        date(2026, 1, 1), date(2026, 1, 2), date(2026, 1, 3)]


def test_monthly_last_workday_with_bysetpos():
    rule = "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"
    last_workday = Recurrence(rule, date(2026, 1, 30), "UTC", all_day=True)
    assert [o.day for o in occurrences(last_workday, utc(2026, 1, 1), utc(2026, 6, 1))] == [
        date(2026, 1, 30), date(2026, 2, 27), date(2026, 3, 31), date(2026, 4, 30),
        date(2026, 5, 29)]


def test_a_ten_year_old_weekly_rule_expands_one_month_from_near_the_window():
    since_2016 = Recurrence("FREQ=WEEKLY;BYDAY=MO,TH", datetime(2016, 1, 4, 9, 0),
                            "Europe/Berlin")
    stats = ExpansionStats()
    found = occurrences(since_2016, datetime(2026, 3, 1, tzinfo=BERLIN),
                        datetime(2026, 4, 1, tzinfo=BERLIN), stats=stats)
    assert [o.day.day for o in found] == [2, 5, 9, 12, 16, 19, 23, 26, 30]
    # Ten years from the start would be over a thousand candidates.
    assert stats.candidates <= len(found) + 4


def test_a_ten_year_old_count_rule_skips_ahead_by_arithmetic():
    count_rule = Recurrence("FREQ=WEEKLY;BYDAY=WE,FR;COUNT=1100", datetime(2016, 1, 1, 9, 0),
                            "UTC")
    stats = ExpansionStats()
    # 2016-01-01 is a Friday: 1 in the first week, then 2 a week; the 1045th is in 2026-01.
    found = occurrences(count_rule, utc(2026, 1, 1), utc(2026, 2, 1), stats=stats)
    assert [o.day for o in found] == [
        date(2026, 1, 2), date(2026, 1, 7), date(2026, 1, 9), date(2026, 1, 14),
        date(2026, 1, 16), date(2026, 1, 21), date(2026, 1, 23), date(2026, 1, 28),
        date(2026, 1, 30)]
    assert stats.candidates <= len(found) + 4
    # 1044 and 1045 fall in week 522 (from 2025-12-29); 1100 is the Wednesday of week 550,
    # 28 weeks on: 2026-07-15.
    assert [o.day for o in occurrences(count_rule, utc(2026, 7, 6), utc(2026, 8, 10))] == [
        date(2026, 7, 8), date(2026, 7, 10), date(2026, 7, 15)]


def test_next_after_gives_what_is_due_next_or_none_when_the_rule_has_ended():
    weekly = Recurrence("FREQ=WEEKLY;COUNT=2", datetime(2026, 6, 2, 15, 0), "Asia/Shanghai")
    assert next_after(weekly, utc(2026, 6, 2, 7)).key == datetime(2026, 6, 9, 15)
    assert next_after(weekly, utc(2026, 6, 1)).key == datetime(2026, 6, 2, 15)
    assert next_after(weekly, utc(2026, 6, 9, 7)) is None
    birthday = Recurrence("FREQ=YEARLY", date(2024, 2, 29), "UTC", all_day=True)
    assert next_after(birthday, utc(2026, 3, 1)).day == date(2027, 2, 28)


@pytest.mark.parametrize("text", [
    "", "FREQ=HOURLY", "FREQ=SECONDLY", "INTERVAL=2", "FREQ=WEEKLY;BYHOUR=9",
    "FREQ=YEARLY;BYWEEKNO=20", "FREQ=DAILY;WKST=SU", "FREQ=DAILY;COUNT=0",
    "FREQ=DAILY;COUNT=2;UNTIL=20270101", "FREQ=DAILY;INTERVAL=-1", "FREQ=DAILY;INTERVAL=x",
    "FREQ=WEEKLY;BYDAY=XX", "FREQ=WEEKLY;BYDAY=2MO", "FREQ=MONTHLY;BYDAY=0MO",
    "FREQ=MONTHLY;BYMONTHDAY=32", "FREQ=YEARLY;BYMONTH=13", "FREQ=MONTHLY;BYSETPOS=1",
    "FREQ=DAILY;UNTIL=20261340", "FREQ=DAILY;UNTIL=tomorrow", "FREQ=DAILY;FREQ=WEEKLY",
    "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=WEEKLY;BYMONTHDAY=1", "FREQ=DAILY;UNTIL=20251231", "garbage",
])
def test_bad_rules_are_refused_naming_the_rrule_field(text: str):
    with pytest.raises(ValidationError) as raised:
        Recurrence(text, date(2026, 1, 1), "UTC", all_day=True)
    assert raised.value.field == "rrule"
    assert raised.value.message


def test_a_rule_that_could_never_land_on_its_days_is_refused():
    with pytest.raises(ValidationError, match="never lands"):
        Recurrence("FREQ=DAILY;INTERVAL=7;BYDAY=MO", date(2026, 1, 6), "UTC", all_day=True)
    with pytest.raises(ValidationError, match="never lands"):
        Recurrence("FREQ=MONTHLY;INTERVAL=12;BYMONTH=3", date(2026, 1, 6), "UTC", all_day=True)


def test_bad_start_zone_and_window_are_refused_by_name():
    with pytest.raises(ValidationError) as raised:
        Recurrence("FREQ=DAILY", datetime(2026, 1, 1, 9), "Mars/Olympus")
    assert raised.value.field == "time_zone"
    with pytest.raises(ValidationError) as raised:
        Recurrence("FREQ=DAILY", datetime(2026, 1, 1, 9), "UTC", all_day=True)
    assert raised.value.field == "start"
    daily = Recurrence("FREQ=DAILY", datetime(2026, 1, 1, 9), "UTC")
    with pytest.raises(ValidationError) as raised:
        occurrences(daily, datetime(2026, 1, 1), utc(2026, 2, 1))
    assert raised.value.field == "window_start"
    with pytest.raises(ValidationError) as raised:
        occurrences(daily, utc(2026, 2, 1), utc(2026, 1, 1))
    assert raised.value.field == "window_end"


def test_rrule_text_is_read_case_insensitively_with_an_optional_prefix():
    rule = parse_rrule("rrule:freq=monthly;byday=-1fr;interval=2")
    assert (rule.freq, rule.interval, rule.by_day) == ("MONTHLY", 2, ((-1, 4),))


RULES = st.builds(
    lambda freq, interval, days, month_days, months, set_pos, count: ";".join(
        part for part in (
            f"FREQ={freq}", f"INTERVAL={interval}",
            f"BYDAY={','.join(days)}" if days else "",
            f"BYMONTHDAY={','.join(map(str, month_days))}" if month_days else "",
            f"BYMONTH={','.join(map(str, months))}" if months else "",
            f"BYSETPOS={set_pos}" if set_pos else "",
            f"COUNT={count}" if count else "") if part),
    st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]), st.integers(1, 5),
    st.lists(st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]), max_size=3,
             unique=True),
    st.lists(st.sampled_from([1, 15, 28, 30, 31, -1]), max_size=2, unique=True),
    st.lists(st.integers(1, 12), max_size=2, unique=True),
    st.sampled_from([0, 0, 1, -1, 2]), st.sampled_from([None, None, 40, 400]))


@settings(max_examples=150, deadline=None)
@given(rule=RULES, start=st.dates(date(2000, 1, 1), date(2020, 12, 31)),
       window=st.dates(date(2000, 1, 1), date(2030, 12, 31)))
def test_skipping_ahead_finds_exactly_what_expanding_from_the_start_finds(
        rule: str, start: date, window: date):
    assume((start.month, start.day) != (2, 29))  # the leap-day birthday is ours on purpose
    try:
        recurrence = Recurrence(rule, start, "UTC", all_day=True)
    except ValidationError:
        assume(False)
    end = window + timedelta(days=45)
    from_start = []
    for moment in rrulestr(f"RRULE:{rule}", dtstart=datetime.combine(start, time())):
        if moment.date() >= end:
            break
        if moment.date() >= window:
            from_start.append(moment.date())
    found = occurrences(recurrence, datetime.combine(window, time(), tzinfo=UTC),
                        datetime.combine(end, time(), tzinfo=UTC))
    assert [o.day for o in found] == from_start


@settings(max_examples=100, deadline=None)
@given(rule=RULES, start=st.datetimes(datetime(2000, 1, 1), datetime(2020, 12, 31)),
       window=st.dates(date(2000, 1, 1), date(2030, 12, 31)))
def test_a_timed_rule_in_a_dst_zone_skips_ahead_to_the_same_wall_times(
        rule: str, start: datetime, window: date):
    assume((start.month, start.day) != (2, 29))
    start = start.replace(second=0, microsecond=0)
    try:
        recurrence = Recurrence(rule, start, "America/New_York")
    except ValidationError:
        assume(False)
    window_start = datetime.combine(window, time(), tzinfo=NEW_YORK)
    window_end = window_start + timedelta(days=45)
    from_start = []
    for moment in rrulestr(f"RRULE:{rule}", dtstart=start):
        instant = moment.replace(tzinfo=NEW_YORK).astimezone(UTC)
        if instant >= window_end:
            break
        if instant >= window_start:
            from_start.append(moment)
    found = occurrences(recurrence, window_start, window_end)
    assert [o.key for o in found] == from_start
    after = window_start + timedelta(days=3)
    following = [o for o in found if o.utc_start > after]
    if following:
        assert next_after(recurrence, after) == following[0]


def test_occurrence_keys_round_trip_through_stored_text():
    assert key_text(date(2028, 2, 29)) == "2028-02-29"
    assert key_text(datetime(2026, 3, 8, 9, 0)) == "2026-03-08T09:00:00"
    assert parse_key("2028-02-29", all_day=True) == date(2028, 2, 29)
    assert parse_key("2026-03-08T09:00:00", all_day=False) == datetime(2026, 3, 8, 9, 0)
    for text, all_day in [("2026-03-08", False), ("2026-03-08T09:00:00+08:00", False),
                          ("2026-02-30", True), ("soon", True)]:
        with pytest.raises(ValidationError) as raised:
            parse_key(text, all_day=all_day)
        assert raised.value.field == "exceptions"
