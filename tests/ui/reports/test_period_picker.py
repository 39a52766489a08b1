"""The period picker: the last 24 months or 8 quarters, the current month by default."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_crm.reports.periods import PeriodKind
from desktop_crm.ui.reports.period_picker import ReportPeriodPicker, recent_periods


def test_months_and_quarters_count_back_from_today_across_years():
    months = recent_periods(date(2026, 2, 1), PeriodKind.MONTH)
    assert len(months) == 24 and months[:3] == ["2026-02", "2026-01", "2025-12"]
    assert months[-1] == "2024-03"
    quarters = recent_periods(date(2026, 2, 1), PeriodKind.QUARTER)
    assert quarters == ["2026-Q1", "2025-Q4", "2025-Q3", "2025-Q2", "2025-Q1", "2024-Q4",
                        "2024-Q3", "2024-Q2"]


def test_the_picker_starts_on_the_current_month_and_says_each_change_once(qtbot):
    picker = ReportPeriodPicker(date(2026, 5, 1))
    qtbot.addWidget(picker)
    assert picker.period() == "2026-05"
    assert picker.period_combo.currentText() == "2026-05"
    told: list[str] = []
    picker.period_did_change.connect(told.append)
    picker.kind_combo.setCurrentIndex(1)
    assert picker.period() == "2026-Q2" and picker.period_combo.currentText() == "2026 Q2"
    picker.choose("2025-11")
    assert picker.period() == "2025-11"
    assert told == ["2026-Q2", "2025-11"]
    with pytest.raises(ValueError, match="not offered"):
        picker.choose("2020-01")
