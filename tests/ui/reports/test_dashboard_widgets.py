"""The dashboard's pieces on a report made by hand: tiles, the trend's gaps, the bars, the
churn-risk list, and the grids that reflow with the width."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from PySide6.QtCore import QRectF, Qt

from desktop_crm.reports.report_model import Share, Trend, TrendPoint, Unit
from desktop_crm.ui.reports.churn_model import ChurnRiskModel
from desktop_crm.ui.reports.dashboard_view import DashboardView
from desktop_crm.ui.reports.distribution_chart import bar_geometry
from desktop_crm.ui.reports.figure_text import DOWN, FLAT, UP
from desktop_crm.ui.reports.trend_chart import trend_geometry, value_range
from tests.ui.reports.sample_report import sample_report


def open_view(qtbot, width: int = 1000) -> DashboardView:
    view = DashboardView("en")
    qtbot.addWidget(view)
    view.resize(width, 1600)
    view.show_report(sample_report())
    view.show()
    return view


def test_tiles_show_values_no_data_and_arrows(qtbot):
    view = open_view(qtbot)
    csat = view.tiles["csat"]
    assert csat.shown_value == "4.3 / 5"
    assert csat.change_text() == f"{UP} +0.2 vs 2026-04"
    assert "better than 2026-04" in csat.accessibleDescription()
    complaints = view.tiles["complaints"]
    assert complaints.change_text() == f"{DOWN} -4 vs 2026-04"
    assert "better than 2026-04" in complaints.accessibleDescription()
    overdue = view.tiles["overdue_amount"]
    assert overdue.shown_value == "26,543.21"
    assert overdue.change_text().startswith(UP)
    assert "worse than 2026-04" in overdue.accessibleDescription()
    assert view.tiles["repurchase_rate"].change_text() == f"{FLAT} 0.0 pts vs 2026-04"
    # a figure without data this period: no arrow, the previous period's value instead
    resolution = view.tiles["resolution_median_h"]
    assert resolution.shown_value == "No data"
    assert resolution.change_text() == "2026-04: 30.0"
    assert view.tiles["resolution_mean_h"].change_text() == "2026-04: No data"
    assert "mean hours from opening to resolution" in view.tiles["resolution_mean_h"].toolTip()


def trend(*values: float | None, unit: Unit = Unit.SCORE_5) -> Trend:
    return Trend("csat", unit, tuple(TrendPoint(f"2026-{n + 1:02d}", v)
                                     for n, v in enumerate(values)))


def test_the_trend_line_breaks_at_a_period_without_data():
    values = (4.1, 4.0, None, 4.3, 4.1, None, None, 3.9, None, 4.1, 4.0, 4.2)
    geometry = trend_geometry(trend(*values), QRectF(0, 0, 400, 160), lambda t: 7.0 * len(t),
                              14)
    assert [p is None for p in geometry.points] == [v is None for v in values]
    # runs of consecutive values: (4.1, 4.0), (4.3, 4.1), (3.9,) alone, (4.1, 4.0, 4.2)
    assert [len(run) for run in geometry.runs] == [2, 2, 1, 3]
    highest = min(p.y() for p in geometry.points if p is not None)
    assert highest == geometry.points[3].y()  # 4.3 is the top of the line
    assert all(geometry.plot.contains(p) for p in geometry.points if p is not None)


def test_the_trend_labels_that_fit_always_include_the_report_period():
    values = tuple(float(n) for n in range(12))
    wide = trend_geometry(trend(*values, unit=Unit.COUNT), QRectF(0, 0, 1200, 160),
                          lambda t: 7.0 * len(t), 14)
    assert [i for i, _ in wide.x_labels] == list(range(12))
    narrow = trend_geometry(trend(*values, unit=Unit.COUNT), QRectF(0, 0, 260, 160),
                            lambda t: 7.0 * len(t), 14)
    shown = [i for i, _ in narrow.x_labels]
    assert shown[-1] == 11 and len(shown) < 12
    xs = [narrow.x_positions[i] for i in shown]
    assert all(b - a >= 7.0 * 7 for a, b in pairwise(xs))


def test_a_trend_without_any_data_is_all_gaps():
    geometry = trend_geometry(trend(*(None,) * 12), QRectF(0, 0, 300, 160), lambda t: 40, 14)
    assert geometry.runs == () and all(p is None for p in geometry.points)
    assert geometry.y_ticks  # the axis stays, so the empty chart reads as a chart


def test_the_value_axis_stays_inside_what_the_unit_can_take():
    low, high, _ = value_range(Unit.PERCENT, [97.0, 99.5])
    assert high == 100 and low <= 97
    low, high, _ = value_range(Unit.SCORE_5, [4.9, 5.0])
    assert high == 5 and low >= 1
    low, _, _ = value_range(Unit.COUNT, [40, 50])
    assert low == 0
    assert value_range(Unit.COUNT, [0, 0, 0]) == (0, 1, 1)  # whole complaints, never halves


def test_the_hovered_period_is_the_nearest_point():
    geometry = trend_geometry(trend(*(4.0,) * 12), QRectF(0, 0, 400, 160), lambda t: 40, 14)
    assert geometry.index_at(geometry.x_positions[5] + 3) == 5
    assert geometry.index_at(geometry.x_positions[-1] + 400) is None


def test_a_trend_tooltip_gives_the_exact_value_or_no_data(qtbot):
    view = open_view(qtbot)
    chart = view.trend_charts["csat"]
    assert chart.point_text(11) == "2026-05: 4.3 / 5"
    assert chart.point_text(3) == "2025-09: No data"


def test_bars_are_as_long_as_their_count_and_a_funnel_is_centred():
    shares = (Share("a", 50), Share("b", 100), Share("c", 0))
    rows = bar_geometry(shares, ("A", "B", "C"), QRectF(0, 0, 400, 100), lambda t: 10.0, 20,
                        ("50", "100", "0")).rows
    assert rows[1].bar.width() == 2 * rows[0].bar.width()
    assert rows[2].bar.width() == 0
    assert rows[0].percent == 100 / 3 and rows[0].bar.left() == rows[1].bar.left()
    funnel = bar_geometry(shares, ("A", "B", "C"), QRectF(0, 0, 400, 100), lambda t: 10.0, 20,
                          ("50", "100", "0"), funnel=True).rows
    assert funnel[0].bar.center().x() == funnel[1].bar.center().x()
    empty = bar_geometry((Share("a", 0),), ("A",), QRectF(0, 0, 400, 100), lambda t: 10.0, 20,
                         ("0",)).rows
    assert empty[0].percent is None and empty[0].bar.width() == 0


def test_a_double_click_on_a_churn_risk_asks_for_the_customer(qtbot):
    view = open_view(qtbot)
    qtbot.waitExposed(view)
    assert view.churn_label.text() == "The 12 most urgent of 42 customers at risk."
    table = view.churn_table
    assert table.model().index(1, 0).data() == "李强"
    rect = table.visualRect(table.model().index(1, 0))
    with qtbot.waitSignal(view.customer_requested) as asked:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert asked.args == ["00000000-0000-4000-8000-000000000001"]
    table.setFocus()
    table.setCurrentIndex(table.model().index(2, 0))
    with qtbot.waitSignal(view.customer_requested) as entered:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert entered.args == ["00000000-0000-4000-8000-000000000002"]


def test_the_tiles_reflow_with_the_width(qtbot):
    view = open_view(qtbot, width=1600)
    qtbot.waitUntil(lambda: view.tile_grid.columns == 6)
    view.resize(700, 1600)
    qtbot.waitUntil(lambda: view.tile_grid.columns == 3)
    view.resize(380, 1600)
    qtbot.waitUntil(lambda: view.tile_grid.columns == 1)
    tile = view.tiles["csat"]
    assert tile.width() >= 190 and tile.geometry().right() <= view.width()


def test_an_empty_distribution_is_left_out(qtbot):
    view = open_view(qtbot)
    assert view.distributions["rfm"].isVisibleTo(view)
    view.show_report(replace(sample_report(), rfm_segments=()))
    assert not view.distributions["rfm"].isVisibleTo(view)


def test_the_churn_risk_model_keeps_qts_rules(qtbot, qtmodeltester):
    model = ChurnRiskModel("zh")
    model.set_rows(sample_report().churn_risks)
    qtmodeltester.check(model)
    assert model.index(0, 3).data() == "投诉后 30 天内未购买"
    assert model.index(0, 2).data() == "销售一 Sales One"
