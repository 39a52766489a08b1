"""Which days each view loads, and how prev / next step through them."""

from __future__ import annotations

from datetime import date

from desktop_crm.ui.calendar.calendar_days import ViewMode, grid_days, loaded_days, step


def test_the_month_grid_always_holds_the_whole_month_in_six_weeks():
    for month in range(1, 13):
        days = grid_days(date(2026, month, 15))
        assert len(days) == 42 and days[0].weekday() == 0
        assert date(2026, month, 1) in days
        assert days.index(date(2026, month, 1)) < 7
    # February 2027 begins on a Monday: the grid starts on the 1st itself
    assert grid_days(date(2027, 2, 10))[0] == date(2027, 2, 1)


def test_each_mode_loads_its_own_days():
    anchor = date(2026, 5, 14)
    assert loaded_days(ViewMode.MONTH, anchor) == (date(2026, 4, 27), date(2026, 6, 8))
    assert loaded_days(ViewMode.WEEK, anchor) == (date(2026, 5, 11), date(2026, 5, 18))
    assert loaded_days(ViewMode.WEEK, anchor, 6) == (date(2026, 5, 10), date(2026, 5, 17))
    assert loaded_days(ViewMode.AGENDA, anchor) == (date(2026, 5, 1), date(2026, 6, 1))


def test_stepping_keeps_the_day_of_the_month_where_the_month_has_it():
    assert step(ViewMode.MONTH, date(2026, 1, 31), True) == date(2026, 2, 28)
    assert step(ViewMode.MONTH, date(2026, 3, 31), False) == date(2026, 2, 28)
    assert step(ViewMode.AGENDA, date(2026, 12, 5), True) == date(2027, 1, 5)
    assert step(ViewMode.WEEK, date(2026, 12, 29), True) == date(2027, 1, 5)
