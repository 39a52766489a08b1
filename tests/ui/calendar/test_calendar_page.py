"""The calendar page on a real vault: entries loaded for the days shown, filters by kind and
person, drops rescheduling through the service, a DST week on the wall clock."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from desktop_crm.ui.calendar.agenda_model import COLUMNS
from desktop_crm.ui.calendar.calendar_days import ViewMode
from desktop_crm.ui.calendar.calendar_toolbar import EVERYONE
from desktop_crm.ui.calendar.entry_mime import entries_mime
from desktop_crm.ui.calendar.month_model import SUMMARY_ROLE
from tests.ui.calendar.conftest import SHANGHAI, create, wait_idle


def shanghai(day: int, hour: int, month: int = 5) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=SHANGHAI).astimezone(UTC)


def _summary(page, day: date):
    return page.views.month_model.index_of(day).data(SUMMARY_ROLE)


def _drop(page, entry, day: date) -> None:
    model = page.views.month_model
    assert model.dropMimeData(entries_mime([entry]), Qt.DropAction.MoveAction, -1, -1,
                              model.index_of(day))


def test_the_month_shows_the_grids_days_counted_by_kind(signed_in, open_page):
    admin = signed_in("admin")
    create(admin, "回访张伟", shanghai(6, 9))
    create(admin, "再次回访", shanghai(6, 16))
    create(admin, "拜访李娜", shanghai(6, 10), kind="visit")
    create(admin, "王芳生日", date(2026, 5, 6), all_day=True, kind="birthday")
    create(admin, "六月初", shanghai(3, 9, month=6))  # in the grid, dimmed
    create(admin, "七月", shanghai(1, 9, month=7))  # beyond the grid
    page = open_page(admin)
    assert page.toolbar.title_label.text() == "May 2026"
    summary = _summary(page, date(2026, 5, 6))
    assert summary.counts == (("follow_up", 2), ("visit", 1), ("birthday", 1))
    assert [e.title for e in summary.entries] == ["王芳生日", "回访张伟", "拜访李娜", "再次回访"]
    assert _summary(page, date(2026, 6, 3)).total == 1
    assert len(page.entries) == 5
    # the selected day's agenda sits beside the grid
    page.views.month_view.select_day(date(2026, 5, 6))
    assert page.views.day_agenda.model.entry_count == 4


def test_an_empty_month_still_shows_the_grid_and_the_agenda_says_so(signed_in, open_page, qtbot,
                                                                    ops):
    page = open_page(signed_in("sales2"))
    assert page.entries == []
    assert page.views.currentWidget() is page.views.splitter
    assert page.views.month_view.isVisible()
    page.set_mode(ViewMode.AGENDA)
    wait_idle(qtbot, ops)
    assert page.views.agenda_view.isVisible()
    assert page.views.agenda_view.empty_label.text() == "Nothing planned"
    assert page.views.agenda_view.empty_label.isVisible()


def test_the_kind_filter_leaves_out_the_kinds_not_ticked(signed_in, open_page, qtbot, ops):
    admin = signed_in("admin")
    create(admin, "回访张伟", shanghai(6, 9))
    create(admin, "拜访李娜", shanghai(6, 10), kind="visit")
    page = open_page(admin)
    page.toolbar.kind_actions["follow_up"].setChecked(False)
    wait_idle(qtbot, ops)
    assert _summary(page, date(2026, 5, 6)).counts == (("visit", 1),)
    assert page.toolbar.kind_button.text() == "Kinds: 8 of 9"
    for action in page.toolbar.kind_actions.values():
        action.setChecked(False)
    wait_idle(qtbot, ops)
    assert page.entries == [] and _summary(page, date(2026, 5, 6)) is None
    assert page.views.month_view.isVisible()


def test_a_salesperson_has_no_owner_filter_and_an_admin_picks_a_person(signed_in, open_page,
                                                                       qtbot, ops):
    sales2 = signed_in("sales2")
    create(sales2, "my own call", shanghai(7, 9))
    assert open_page(sales2).toolbar.owner_combo.isHidden()

    admin = signed_in("admin")
    create(admin, "admin's call", shanghai(7, 11))
    page = open_page(admin)
    combo = page.toolbar.owner_combo
    assert combo.isVisible()
    assert [combo.itemText(i) for i in range(combo.count())][:2] == ["Mine",
                                                                     "Everyone I can see"]
    assert [e.title for e in page.entries] == ["admin's call"]  # mine by default
    combo.setCurrentIndex(combo.findText("Sales Two"))
    wait_idle(qtbot, ops)
    assert [e.title for e in page.entries] == ["my own call"]
    combo.setCurrentIndex(combo.findData(EVERYONE))
    wait_idle(qtbot, ops)
    assert sorted(e.title for e in page.entries) == ["admin's call", "my own call"]
    page.set_mode(ViewMode.AGENDA)
    wait_idle(qtbot, ops)
    agenda = page.views.agenda_view
    assert not agenda.tree.isColumnHidden(COLUMNS.index("owner"))  # whose is whose


def test_a_drop_moves_a_timed_reminder_to_the_day_keeping_its_local_time(signed_in, open_page,
                                                                         qtbot, ops):
    admin = signed_in("admin")
    timed_id = create(admin, "回访张伟", shanghai(6, 9))
    whole_id = create(admin, "王芳生日", date(2026, 5, 6), all_day=True, kind="birthday")
    page = open_page(admin)
    timed, whole = sorted(_summary(page, date(2026, 5, 6)).entries, key=lambda e: e.all_day)
    _drop(page, timed, date(2026, 5, 12))
    wait_idle(qtbot, ops)
    assert admin.reminders.get(timed_id).due_at == shanghai(12, 9)
    _drop(page, whole, date(2026, 5, 20))
    wait_idle(qtbot, ops)
    moved = admin.reminders.get(whole_id)
    assert (moved.due_at.date(), moved.all_day) == (date(2026, 5, 20), True)
    # the page read again after its own writes
    assert [e.title for e in _summary(page, date(2026, 5, 12)).entries] == ["回访张伟"]
    assert [e.title for e in _summary(page, date(2026, 5, 20)).entries] == ["王芳生日"]
    assert _summary(page, date(2026, 5, 6)) is None


def test_dropping_one_occurrence_of_a_weekly_reminder_moves_only_that_one(signed_in, open_page,
                                                                          qtbot, ops):
    admin = signed_in("admin")
    create(admin, "周会", shanghai(4, 9), rrule="FREQ=WEEKLY")
    page = open_page(admin)
    mondays = [date(2026, 5, d) for d in (4, 11, 18, 25)]
    assert all(_summary(page, day).total == 1 for day in mondays)
    [second] = _summary(page, date(2026, 5, 11)).entries
    assert second.recurring
    _drop(page, second, date(2026, 5, 13))
    wait_idle(qtbot, ops)
    assert _summary(page, date(2026, 5, 11)) is None
    [moved] = _summary(page, date(2026, 5, 13)).entries
    assert moved.starts_at == shanghai(13, 9)
    assert all(_summary(page, day).total == 1 for day in (mondays[0], *mondays[2:]))


def test_a_week_across_the_dst_change_shows_nine_oclock_on_both_sides(signed_in, open_page,
                                                                      qtbot, ops):
    berlin = ZoneInfo("Europe/Berlin")  # summer time from Sunday 29 March 2026
    admin = signed_in("admin")
    start = datetime(2026, 3, 23, 9, tzinfo=berlin).astimezone(UTC)
    create(admin, "Morgenrunde", start, rrule="FREQ=DAILY", time_zone="Europe/Berlin")
    page = open_page(admin, zone=berlin)
    page.set_mode(ViewMode.WEEK)
    page.show_day(date(2026, 3, 28))
    wait_idle(qtbot, ops)
    week = page.views.week_view
    assert week.days()[5:] == [date(2026, 3, 28), date(2026, 3, 29)]
    texts = [day_list.day_model.index(0).data() for day_list in week.timed_lists]
    assert texts == ["09:00 Morgenrunde"] * 7
    saturday, sunday = (week.timed_lists[n].day_model.entry(0) for n in (5, 6))
    assert (saturday.starts_at.hour, sunday.starts_at.hour) == (8, 7)  # in UTC


def test_previous_today_and_next_move_through_months_and_weeks(signed_in, open_page, qtbot, ops):
    page = open_page(signed_in("sales2"))
    page.toolbar.next_button.click()
    wait_idle(qtbot, ops)
    assert page.toolbar.title_label.text() == "June 2026"
    assert page.views.month_model.first_day == date(2026, 6, 1)
    page.set_mode(ViewMode.WEEK)
    page.toolbar.previous_button.click()
    wait_idle(qtbot, ops)
    assert page.views.week_view.first_day == date(2026, 6, 1)
    page.toolbar.today_button.click()
    wait_idle(qtbot, ops)
    assert page.views.week_view.first_day == date(2026, 5, 11)


def test_a_refused_move_says_why_and_leaves_the_entry_where_it_was(signed_in, open_page, qtbot,
                                                                   ops):
    sales2 = signed_in("sales2")
    reminder_id = create(sales2, "已被删除", shanghai(6, 9))
    page = open_page(sales2)
    [entry] = _summary(page, date(2026, 5, 6)).entries
    sales2.reminders.delete(reminder_id)  # gone behind the page's back
    _drop(page, entry, date(2026, 5, 8))
    wait_idle(qtbot, ops)
    assert page.message.isVisible()
    assert page.message.text() == "This record does not exist or is outside your view."
    assert _summary(page, date(2026, 5, 8)) is None


def test_the_title_names_the_month_or_the_weeks_first_and_last_day(signed_in, open_page, qtbot,
                                                                   ops):
    page = open_page(signed_in("sales2"), size=(640, 520))
    assert page.toolbar.title_label.text() == "May 2026"
    page.set_mode(ViewMode.WEEK)
    wait_idle(qtbot, ops)
    assert page.toolbar.title_label.text() == "11 May 2026 – 17 May 2026"
    # a narrow window wraps the toolbar rather than widen the page
    assert page.width() == 640
    assert page.views.splitter.orientation() == Qt.Orientation.Vertical


def test_the_week_opens_at_the_day_picked_in_the_month(signed_in, open_page, qtbot, ops):
    page = open_page(signed_in("sales2"))
    page.views.month_view.select_day(date(2026, 5, 27))
    page.views.month_view.select_day(date(2026, 6, 2))  # dimmed: next month's, not taken
    page.set_mode(ViewMode.WEEK)
    wait_idle(qtbot, ops)
    assert page.views.week_view.first_day == date(2026, 5, 25)


def test_on_opening_the_agenda_beside_the_month_shows_today(signed_in, open_page):
    admin = signed_in("admin")
    create(admin, "今天回访", shanghai(14, 15))  # the fixed clock's day
    page = open_page(admin)
    assert page.views.month_view.selected_day() == date(2026, 5, 14)
    assert page.views.day_agenda.model.entry_count == 1
