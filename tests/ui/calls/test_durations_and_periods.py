"""The duration field's accepted forms and the Calls page's quick periods (pure Python)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop_crm.ui.calls.durations import minutes_text, parse_duration
from desktop_crm.ui.calls.periods import Period, local_days, local_midnight


@pytest.mark.parametrize(("typed", "seconds"), [
    ("", 0), ("  ", 0), ("15", 900), ("15 min", 900), ("15m", 900), ("15分钟", 900),
    ("1:30", 5400), ("0:05", 300), ("1h30", 5400), ("2 h", 7200), ("1小时30分", 5400),
    ("1 hour 5 minutes", 3900),
])
def test_typed_durations_are_read(typed: str, seconds: int) -> None:
    assert parse_duration(typed) == seconds


@pytest.mark.parametrize("typed", ["一会儿", "1:75", "-5", "15 sec", "1.5", "h", "1:30:00"])
def test_unreadable_durations_are_refused(typed: str) -> None:
    assert parse_duration(typed) is None


def test_durations_read_back_in_the_form_typed() -> None:
    assert [minutes_text(s) for s in (0, 900, 3600, 5400, 89)] == ["0", "15", "1:00", "1:30", "1"]


WEDNESDAY = date(2024, 5, 15)


def test_quick_periods_are_local_calendar_ranges() -> None:
    assert local_days(Period.TODAY, WEDNESDAY) == (WEDNESDAY, date(2024, 5, 16))
    assert local_days(Period.WEEK, WEDNESDAY) == (date(2024, 5, 13), date(2024, 5, 20))
    sunday_first = local_days(Period.WEEK, WEDNESDAY, first_weekday=6)
    assert sunday_first == (date(2024, 5, 12), date(2024, 5, 19))
    assert local_days(Period.MONTH, date(2024, 12, 31)) == (date(2024, 12, 1), date(2025, 1, 1))
    assert local_days(Period.ANY, WEDNESDAY) == (None, None)


def test_a_custom_range_holds_both_days_in_either_order() -> None:
    picked = (date(2024, 5, 20), date(2024, 5, 10))
    assert local_days(Period.CUSTOM, WEDNESDAY, custom=picked) == (
        date(2024, 5, 10), date(2024, 5, 21))


def test_a_local_day_begins_at_local_midnight(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        assert local_midnight(WEDNESDAY) == datetime(2024, 5, 14, 16, 0, tzinfo=UTC)
    finally:
        monkeypatch.undo()
        time.tzset()
