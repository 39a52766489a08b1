"""The report's drawings: a period without data is a gap in the line, never a zero; axes stay
in the unit's range; bars scale to the largest."""

from __future__ import annotations

import pytest
from reportlab.graphics.shapes import Circle, PolyLine, Rect, String

from desktop_crm.reports.charts import Bar, _axis_range, bar_chart, trend_chart
from desktop_crm.reports.pdf_fonts import register_report_font
from desktop_crm.reports.report_model import Trend, TrendPoint, Unit

FONT = register_report_font()


def _trend(values: list[float | None], unit: Unit = Unit.SCORE_5) -> Trend:
    return Trend("csat", unit, tuple(TrendPoint(f"2026-{i + 1:02d}", v)
                                     for i, v in enumerate(values)))


def _shapes(drawing, kind):
    return [shape for shape in drawing.contents if isinstance(shape, kind)]


def _chart(values: list[float | None], unit: Unit = Unit.SCORE_5):
    return trend_chart(_trend(values, unit), width=240, height=150, font=FONT,
                       value_text=lambda v: f"{v:.2f}", no_data="No data")


def test_a_missing_period_breaks_the_line_instead_of_dropping_to_zero() -> None:
    drawing = _chart([4.0, 4.2, None, 4.4, 4.5, 4.1, None, None, 3.9, 4.0, 4.3, 4.6])
    lines = _shapes(drawing, PolyLine)
    assert [len(line.points) // 2 for line in lines] == [2, 3, 4]
    assert len(_shapes(drawing, Circle)) == 9  # one dot a period with data
    lowest_dot = min(dot.cy for dot in _shapes(drawing, Circle))
    axis_bottom = 24.0
    assert lowest_dot > axis_bottom  # 3.9 sits above the axis, not at a zero


def test_the_latest_value_is_written_beside_its_dot() -> None:
    drawing = _chart([None] * 11 + [4.6])
    assert "4.60" in [s.text for s in _shapes(drawing, String)]
    assert _shapes(drawing, PolyLine) == []  # a lone point is a dot, not a line


def test_a_trend_without_any_data_says_so() -> None:
    drawing = _chart([None] * 12, Unit.PERCENT)
    assert "No data" in [s.text for s in _shapes(drawing, String)]
    assert _shapes(drawing, Circle) == []


def test_period_labels_name_the_month_and_the_year_where_it_changes() -> None:
    trend = Trend("nps", Unit.NPS, (TrendPoint("2025-12", 1.0), TrendPoint("2026-01", 2.0),
                                    TrendPoint("2026-02", 3.0)))
    drawing = trend_chart(trend, width=240, height=150, font=FONT, value_text=str,
                          no_data="-")
    texts = [s.text for s in _shapes(drawing, String)]
    assert {"12", "01", "02", "2025", "2026"} <= set(texts)
    assert texts.count("2026") == 1


def test_axes_stay_inside_the_units_range() -> None:
    low, high, _ = _axis_range([4.9, 5.0], Unit.SCORE_5)
    assert high == 5.0 and low >= 1.0
    low, high, _ = _axis_range([99.0, 100.0], Unit.PERCENT)
    assert high == 100.0
    low, high, step = _axis_range([-100.0, 100.0], Unit.NPS)
    assert (low, high) == (-100.0, 100.0) and step > 0
    low, high, _ = _axis_range([3.0, 3.0], Unit.COUNT)  # a flat line still has a span
    assert low < 3.0 < high and low >= 0


def test_bars_scale_to_the_largest_and_show_count_and_share() -> None:
    drawing = bar_chart([Bar("Promoters", 25), Bar("Passives", 50), Bar("Detractors", 0)],
                        width=240, font=FONT,
                        count_text=lambda n, total: f"{n} of {total}")
    coloured = [r for r in _shapes(drawing, Rect) if r.fillColor.hexval() != "0xf3f5f7"]
    widths = sorted(r.width for r in coloured)  # an empty bar draws nothing
    assert len(widths) == 2 and widths[1] == pytest.approx(2 * widths[0])
    assert {"25 of 75", "50 of 75", "0 of 75"} <= {s.text for s in _shapes(drawing, String)}
