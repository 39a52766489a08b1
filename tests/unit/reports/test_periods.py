"""Report periods: parsing, the months they cover, the ones before, and activity windows."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_crm.domain.errors import ValidationError
from desktop_crm.reports.periods import (
    Period,
    PeriodKind,
    active_window,
    add_months,
    months_from,
)


def test_a_month_parses_and_covers_itself() -> None:
    october = Period.parse("2026-10")
    assert october == Period.month(2026, 10)
    assert october.label == "2026-10"
    assert october.months == (202610,)
    assert october.end_month == 202611
    assert (october.first_day, october.end_day) == (date(2026, 10, 1), date(2026, 11, 1))


def test_a_quarter_parses_and_covers_three_months() -> None:
    q4 = Period.parse("2026-q4")
    assert q4 == Period.quarter(2026, 4)
    assert q4.label == "2026-Q4"
    assert q4.months == (202610, 202611, 202612)
    assert q4.end_month == 202701  # the quarter ends as January begins
    assert q4.end_day == date(2027, 1, 1)
    assert Period.parse(" 2026-3 ").label == "2026-03"


def test_the_period_before_crosses_years() -> None:
    assert Period.parse("2026-01").previous() == Period.month(2025, 12)
    assert Period.parse("2026-Q1").previous() == Period.quarter(2025, 4)
    assert Period.parse("2026-Q3").previous().months == (202604, 202605, 202606)


def test_the_last_twelve_periods_end_with_the_period() -> None:
    months = Period.parse("2026-03").last(12)
    assert [p.label for p in months][:3] == ["2025-04", "2025-05", "2025-06"]
    assert months[-1].label == "2026-03" and len(months) == 12
    quarters = Period.parse("2026-Q1").last(12)
    # 12 quarters back from 2026-Q1: 2023-Q2 .. 2026-Q1
    assert (quarters[0].label, quarters[-1].label) == ("2023-Q2", "2026-Q1")


def test_periods_before_the_first_year_are_left_out_of_a_trend() -> None:
    assert [p.label for p in Period.parse("2001-02").last(4)] == [
        "2000-11", "2000-12", "2001-01", "2001-02"]
    assert len(Period.month(2000, 2).last(12)) == 2


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026-Q5", "26-10", "2026/10", "",
                                  "October", "2000-05", "2100-01"])
def test_a_bad_period_is_refused_with_its_field(text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        Period.parse(text)
    assert refused.value.field == "period"


def test_the_period_containing_a_day() -> None:
    assert Period.containing(date(2026, 11, 30), PeriodKind.QUARTER).label == "2026-Q4"
    assert Period.containing(date(2026, 11, 30), PeriodKind.MONTH).label == "2026-11"


def test_month_arithmetic() -> None:
    assert add_months(202601, -1) == 202512
    assert add_months(202612, 1) == 202701
    assert add_months(202610, -25) == 202409
    assert months_from(202511, 202602) == (202511, 202512, 202601, 202602)


def test_the_active_window_is_the_whole_months_before_the_instant() -> None:
    # Active as November 2026 begins: an interaction or order in Nov 2025 .. Oct 2026.
    assert active_window(202611, 12) == (202511, 202610)
    assert active_window(202701, 6) == (202607, 202612)
