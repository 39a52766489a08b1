"""The week view and the agenda over lists of entries: days in order, all-day apart, times on
the viewer's wall clock across a DST change, done entries struck through, drags between
days asking to move."""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest

from desktop_crm.ui.calendar.agenda_model import COLUMNS, ENTRY_ROLE
from desktop_crm.ui.calendar.agenda_view import AgendaView
from desktop_crm.ui.calendar.entry_mime import entries_mime
from desktop_crm.ui.calendar.entry_text import tooltip_text
from desktop_crm.ui.calendar.week_view import WeekView
from tests.ui.calendar.entries import all_day, timed

BERLIN = ZoneInfo("Europe/Berlin")  # summer time starts on Sunday 29 March 2026
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def week(qtbot):
    view = WeekView(date(2026, 3, 26), BERLIN, first_weekday=0, today=date(2026, 3, 26))
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


def _texts(model) -> list[str]:
    return [model.index(row).data() for row in range(model.rowCount())]


def test_the_week_lists_each_days_entries_in_time_order_with_all_day_apart(week, qtmodeltester):
    assert week.days()[0] == date(2026, 3, 23) and week.end_day == date(2026, 3, 30)
    wednesday = date(2026, 3, 25)
    week.set_entries([
        timed(wednesday, time(15), BERLIN, "拜访李娜", kind="visit"),
        timed(wednesday, time(9, 30), BERLIN, "回访张伟"),
        all_day(wednesday, "王芳生日"),
        timed(date(2026, 3, 27), time(8), BERLIN, "Friday call", done=True),
    ], BERLIN)
    assert _texts(week.all_day_lists[2].day_model) == ["王芳生日"]
    assert _texts(week.timed_lists[2].day_model) == ["09:30 回访张伟", "15:00 拜访李娜"]
    friday = week.timed_lists[4].day_model
    assert friday.index(0).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert week.timed_lists[0].day_model.rowCount() == 0
    for day_list in week.timed_lists + week.all_day_lists:
        qtmodeltester.check(day_list.day_model)
    assert "Wed 25" in week.headers[2].text()
    assert week.headers[3].font().bold()  # today, Thursday the 26th


def test_a_week_across_the_dst_change_shows_nine_oclock_at_nine_both_sides(week):
    saturday, sunday = date(2026, 3, 28), date(2026, 3, 29)
    before = timed(saturday, time(9), BERLIN, "weekly", occurrence="20260328T080000Z")
    after = timed(sunday, time(9), BERLIN, "weekly", occurrence="20260329T070000Z")
    assert (before.starts_at.hour, after.starts_at.hour) == (8, 7)  # UTC moves, the wall not
    week.set_entries([before, after], BERLIN)
    assert _texts(week.timed_lists[5].day_model) == ["09:00 weekly"]
    assert _texts(week.timed_lists[6].day_model) == ["09:00 weekly"]


def test_an_entry_dropped_on_another_day_of_the_week_asks_to_move_there(week, qtbot):
    entry = timed(date(2026, 3, 24), time(10), BERLIN, "回访张伟")
    week.set_entries([entry], BERLIN)
    source = week.timed_lists[1].day_model
    data = source.mimeData([source.index(0)])
    target = week.all_day_lists[4].day_model  # any part of Friday takes it
    assert target.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    with qtbot.waitSignal(week.move_requested) as asked:
        assert target.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert asked.args == [entry, date(2026, 3, 27)]
    with qtbot.assertNotEmitted(week.move_requested):  # its own day: no move
        source.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())


def test_a_double_click_on_a_days_empty_space_asks_for_a_reminder_that_day(week, qtbot):
    timed_list = week.timed_lists[3]
    with qtbot.waitSignal(week.create_requested) as asked:
        QTest.mouseDClick(timed_list.viewport(), Qt.MouseButton.LeftButton,
                          pos=timed_list.viewport().rect().center())
    assert asked.args == [date(2026, 3, 26)]


@pytest.fixture
def agenda(qtbot):
    view = AgendaView(SHANGHAI)
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    return view


def test_the_agenda_groups_entries_by_day_and_strikes_through_done_ones(agenda, qtmodeltester):
    first, second = date(2026, 5, 6), date(2026, 5, 9)
    done = timed(first, time(14), SHANGHAI, "回款第二期", kind="receivable", done=True,
                 customer="李娜")
    agenda.set_entries([
        timed(second, time(9), SHANGHAI, "拜访", kind="visit", customer="Alice Martin"),
        done,
        all_day(first, "王芳生日"),
    ], today=first)
    model = agenda.model
    qtmodeltester.check(model)
    assert agenda.showing_entries()
    assert model.days() == [first, second]
    assert "today" in model.index(0, 0).data()
    day_one = model.index(0, 0)
    rows = [[model.index(row, column, day_one).data() for column in range(len(COLUMNS))]
            for row in range(model.rowCount(day_one))]
    assert rows == [["All day", "Birthday", "王芳生日", "", "销售一 Sales One"],
                    ["14:00", "Receivable", "回款第二期", "李娜", "销售一 Sales One"]]
    struck = model.index(1, COLUMNS.index("title"), day_one)
    assert struck.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert struck.data(ENTRY_ROLE) == done
    assert not model.index(0, COLUMNS.index("title"), day_one).data(Qt.ItemDataRole.FontRole)
    assert agenda.tree.isColumnHidden(COLUMNS.index("owner"))  # only managers see owners
    agenda.set_entries([done], show_owner=True)
    assert not agenda.tree.isColumnHidden(COLUMNS.index("owner"))
    assert entries_mime([done]).data("application/x-desktop-crm-reminder-entry") == \
        model.mimeData([model.entry_index(done)]).data("application/x-desktop-crm-reminder-entry")


def test_an_empty_agenda_says_nothing_is_planned(agenda):
    agenda.set_entries([])
    assert not agenda.showing_entries()
    assert agenda.empty_label.text() == "Nothing planned"


def test_enter_on_an_agenda_entry_asks_to_open_it(agenda, qtbot):
    entry = timed(date(2026, 5, 6), time(9), SHANGHAI, "回访张伟")
    agenda.set_entries([entry])
    agenda.tree.setFocus()
    agenda.tree.setCurrentIndex(agenda.model.entry_index(entry))
    with qtbot.waitSignal(agenda.open_requested) as asked:
        QTest.keyClick(agenda.tree, Qt.Key.Key_Return)
    assert asked.args == [entry]


def test_an_entrys_tooltip_says_everything_in_words():
    entry = timed(date(2026, 5, 6), time(9), SHANGHAI, "回访张伟", customer="张伟", done=True,
                  occurrence="20260506T010000Z")
    text = tooltip_text(entry, SHANGHAI, show_owner=True)
    assert text.splitlines() == ["回访张伟", "Follow-up · 09:00", "Customer: 张伟",
                                 "Owner: 销售一 Sales One", "Repeats", "Done"]
    assert "Owner" not in tooltip_text(entry, SHANGHAI)
