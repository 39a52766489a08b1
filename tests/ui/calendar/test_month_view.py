"""The month grid over lists of entries: six Monday-first weeks, counts per kind per day,
other months dimmed, today marked, double-clicks and drops asking for what they mean."""

from __future__ import annotations

from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from desktop_crm.ui.calendar.entry_mime import entries_mime
from desktop_crm.ui.calendar.month_model import (
    IN_MONTH_ROLE,
    SUMMARY_ROLE,
    TODAY_ROLE,
    MonthModel,
)
from desktop_crm.ui.calendar.month_view import MonthView
from tests.ui.calendar.entries import all_day, timed

SHANGHAI = ZoneInfo("Asia/Shanghai")
MAY_14 = date(2026, 5, 14)  # a Thursday; May 1st is a Friday


@pytest.fixture
def month(qtbot):
    model = MonthModel(MAY_14, SHANGHAI, first_weekday=0, today=MAY_14)
    view = MonthView(model)
    qtbot.addWidget(view)
    view.resize(900, 640)
    view.show()
    qtbot.waitExposed(view)
    return model, view


def test_the_grid_is_six_weeks_starting_on_monday_with_the_month_in_it(month, qtmodeltester):
    model, _view = month
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (6, 7)
    assert model.first_day == date(2026, 4, 27)  # the Monday before May 1st
    assert model.end_day == date(2026, 6, 8)
    assert model.index(0, 0).data(IN_MONTH_ROLE) is False  # 27 April, dimmed
    assert model.index_of(date(2026, 5, 1)).data(IN_MONTH_ROLE) is True
    assert model.index_of(date(2026, 5, 31)).data(IN_MONTH_ROLE) is True
    assert model.index_of(date(2026, 6, 1)).data(IN_MONTH_ROLE) is False
    assert model.index_of(MAY_14).data(TODAY_ROLE) is True
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Mon"
    assert model.headerData(6, Qt.Orientation.Horizontal) == "Sun"


def test_a_sunday_first_locale_starts_the_grid_on_sunday(qtbot):
    model = MonthModel(MAY_14, SHANGHAI, first_weekday=6, today=MAY_14)
    assert model.first_day == date(2026, 4, 26)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Sun"


def test_each_day_counts_its_entries_per_kind_and_says_so_in_words(month, qtmodeltester):
    model, view = month
    day = date(2026, 5, 6)
    model.set_entries([
        timed(day, time(9), SHANGHAI, "回访张伟"),
        timed(day, time(15), SHANGHAI, "再次回访"),
        timed(day, time(10), SHANGHAI, "拜访李娜", kind="visit"),
        all_day(day, "王芳生日"),
        timed(date(2026, 5, 7), time(0, 30), SHANGHAI, "just after midnight here"),
    ])
    qtmodeltester.check(model)
    summary = model.index_of(day).data(SUMMARY_ROLE)
    assert summary.counts == (("follow_up", 2), ("visit", 1), ("birthday", 1))
    # all-day first, then by time
    assert [entry.title for entry in summary.entries] == ["王芳生日", "回访张伟", "拜访李娜",
                                                          "再次回访"]
    # 00:30 in Shanghai is the 6th in UTC, but the viewer's day is the 7th
    assert model.index_of(date(2026, 5, 7)).data(SUMMARY_ROLE).total == 1
    assert model.index_of(date(2026, 5, 8)).data(SUMMARY_ROLE) is None
    words = model.index_of(day).data(Qt.ItemDataRole.ToolTipRole)
    assert "Follow-up 2" in words and "Visit 1" in words and "Birthday 1" in words
    assert "nothing planned" in model.index_of(date(2026, 5, 8)).data(
        Qt.ItemDataRole.ToolTipRole)
    # the cell draws one count per kind, and the titles that fit
    layout = view.cell_layout(day)
    assert [(kind, count) for _icon, _text, kind, count in layout.chips] == list(summary.counts)
    assert [entry.title for _rect, entry in layout.lines] == [e.title for e in summary.entries]


def test_a_crowded_day_shows_what_fits_and_how_many_more(month):
    model, view = month
    day = date(2026, 5, 20)
    model.set_entries([timed(day, time(8, n), SHANGHAI, f"客户 {n}") for n in range(30)])
    layout = view.cell_layout(day)
    assert layout.more is not None
    assert len(layout.lines) + layout.more[1] == 30
    assert layout.lines and layout.lines[0][1].title == "客户 0"


def _colour_at(view: MonthView, day: date) -> QColor:
    rect = view.visualRect(view.month_model.index_of(day))
    image = view.viewport().grab().toImage()
    return image.pixelColor(rect.right() - 4, rect.bottom() - 4)


def test_days_of_other_months_are_dimmed_and_today_is_marked(month):
    model, view = month
    inside = _colour_at(view, date(2026, 5, 20))
    outside = _colour_at(view, date(2026, 6, 3))
    assert inside != outside
    assert _colour_at(view, date(2026, 4, 28)) == outside
    today_rect = view.visualRect(model.index_of(MAY_14))
    image = view.viewport().grab().toImage()
    highlight = view.palette().highlight().color()
    ring = {image.pixelColor(x, y).name() for x in range(today_rect.left(), today_rect.left() + 30)
            for y in range(today_rect.top(), today_rect.top() + 24)}
    assert highlight.name() in ring


def test_a_double_click_on_a_day_asks_for_a_new_reminder_there(month, qtbot):
    _model, view = month
    day = date(2026, 5, 22)
    with qtbot.waitSignal(view.create_requested) as asked:
        QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton,
                          pos=view.day_position(day))
    assert asked.args == [day]


def test_a_double_click_on_an_entry_asks_to_open_it(month, qtbot):
    model, view = month
    entry = timed(date(2026, 5, 6), time(9), SHANGHAI, "回访张伟")
    model.set_entries([entry])
    position = view.entry_position(entry)
    assert position is not None
    assert view.entry_at(position) == entry
    with qtbot.waitSignal(view.open_requested) as asked:
        QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert asked.args == [entry]


def test_dropping_an_entry_on_another_day_asks_to_move_it_there(month, qtbot):
    model, _view = month
    entry = timed(date(2026, 5, 6), time(9), SHANGHAI, "回访张伟", occurrence="20260506T010000Z")
    model.set_entries([entry])
    target = model.index_of(date(2026, 5, 12))
    data = entries_mime([entry])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    with qtbot.waitSignal(model.move_requested) as asked:
        assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    assert asked.args == [entry, date(2026, 5, 12)]


def test_a_drop_on_its_own_day_or_of_something_else_moves_nothing(month, qtbot):
    model, _view = month
    entry = timed(date(2026, 5, 6), time(9), SHANGHAI, "回访张伟")
    stranger = timed(date(2026, 5, 6), time(9), SHANGHAI, "not loaded here")
    model.set_entries([entry])
    text = QMimeData()
    text.setText("hello")
    with qtbot.assertNotEmitted(model.move_requested):
        assert not model.dropMimeData(entries_mime([entry]), Qt.DropAction.MoveAction, -1, -1,
                                      model.index_of(date(2026, 5, 6)))
        assert not model.canDropMimeData(text, Qt.DropAction.MoveAction, -1, -1,
                                         model.index_of(date(2026, 5, 7)))
        assert not model.dropMimeData(entries_mime([stranger]), Qt.DropAction.MoveAction,
                                      -1, -1, model.index_of(date(2026, 5, 7)))


def test_three_thousand_entries_in_a_month_are_summed_per_day(month):
    """Summaries are made once per load; a paint only lays out what each cell shows (the
    time it takes is measured by benchmarks/bench_calendar.py, not asserted here)."""
    model, view = month
    kinds = ["follow_up", "visit", "receivable", "birthday", "complaint"]
    entries = [timed(date(2026, 4, 27) + timedelta(days=n % 42), time(8 + n % 10, n % 60),
                     SHANGHAI, f"客户回访 {n}", kind=kinds[n % 5]) for n in range(3000)]
    model.set_entries(entries)
    view.viewport().repaint()
    assert sum(model.summary(day).total for day in (model.first_day + timedelta(days=n)
                                                    for n in range(42))) == 3000
