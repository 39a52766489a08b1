"""The Calls page on a real vault: newest first, filters by kind and period, click-through to
the customer, a salesperson's narrower sight, refresh after a change, and paging."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.ui.calls import calls_model
from desktop_crm.ui.calls.calls_page import CallsPage
from desktop_crm.ui.calls.columns import column_index
from desktop_crm.ui.calls.log_call import CALL_LOGGED
from desktop_crm.ui.calls.periods import Period
from tests.ui.calls.conftest import customer_named

CUSTOMER, KIND, SUMMARY, BY = (column_index(k) for k in ("customer", "kind", "summary", "by"))
NOW = datetime.now(UTC)
FORTY_DAYS_AGO = NOW - timedelta(days=40)  # before this month and this week, whatever today is


@pytest.fixture
def calls_logged(signed_in):
    """张伟 called now by admin, 李娜 visited 40 days ago, 王芳 (sales2's) called now by sales2."""
    admin = signed_in("admin")
    zhang, lina = customer_named(admin, "张伟"), customer_named(admin, "李娜")
    admin.interactions.log(zhang[0], {"summary": "报价\n第二行", "outcome": "有意向",
                                      "started_at": NOW - timedelta(minutes=5),
                                      "duration_seconds": 600})
    admin.interactions.log(lina[0], {"summary": "拜访工厂", "kind": "visit",
                                     "started_at": FORTY_DAYS_AGO, "outcome": "需跟进"})
    sales2 = signed_in("sales2")
    wang = sales2.customers.create({"name": "王芳"})
    sales2.interactions.log(wang.id, {"summary": "first call", "started_at": NOW})
    return {"admin": admin, "sales2": sales2, "张伟": zhang[0], "李娜": lina[0], "王芳": wang.id}


def open_page(qtbot, session, ops, actor=None) -> CallsPage:
    page = CallsPage(session, ops, actor or session.me())
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    wait_loaded(qtbot, page)
    return page


def wait_loaded(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.count_label.text() != "Loading calls…"
                    and not page.model.loading and not page._ops.busy, timeout=10_000)


def column(page, number: int) -> list[str]:
    model = page.model
    return [model.index(row, number).data() for row in range(model.rowCount())]


def choose(qtbot, page, combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))
    wait_loaded(qtbot, page)


def test_calls_show_newest_first_with_their_customer_kind_and_author(qtbot, ops, calls_logged,
                                                                     qtmodeltester):
    page = open_page(qtbot, calls_logged["admin"], ops)
    assert column(page, CUSTOMER) == ["王芳", "张伟", "李娜"]
    assert column(page, KIND) == ["Call", "Call", "Visit"]
    assert column(page, SUMMARY)[1] == "报价"  # the first line; the whole text as a tooltip
    assert page.model.index(1, SUMMARY).data(Qt.ItemDataRole.ToolTipRole) == "报价\n第二行"
    assert column(page, BY) == ["Sales Two", "管理员 Admin", "管理员 Admin"]
    assert page.count_label.text().startswith("3 call")
    assert page.filter_bar.owner_combo.isVisibleTo(page)  # admin sees two people's calls
    qtmodeltester.check(page.model)


def test_filters_by_kind_outcome_and_period(qtbot, ops, calls_logged):
    page = open_page(qtbot, calls_logged["admin"], ops)
    bar = page.filter_bar
    choose(qtbot, page, bar.kind_combo, "visit")
    assert column(page, CUSTOMER) == ["李娜"]
    assert bar.clear_button.isVisibleTo(page)

    choose(qtbot, page, bar.kind_combo, "email")
    assert page.empty_label.isVisibleTo(page)
    assert page.empty_label.text() == "No call matches these filters."
    assert page.count_label.text().startswith("0 call")

    bar.clear()
    wait_loaded(qtbot, page)
    assert page.model.rowCount() == 3
    qtbot.waitUntil(lambda: bar.outcome_combo.findData("需跟进") > 0, timeout=10_000)
    choose(qtbot, page, bar.outcome_combo, "需跟进")
    assert column(page, CUSTOMER) == ["李娜"]
    bar.clear()
    wait_loaded(qtbot, page)

    for period in (Period.TODAY, Period.WEEK, Period.MONTH):
        choose(qtbot, page, bar.period_combo, period.value)
        assert "李娜" not in column(page, CUSTOMER), period
        assert "王芳" in column(page, CUSTOMER), period  # logged this very moment

    choose(qtbot, page, bar.period_combo, Period.CUSTOM.value)
    assert bar.from_edit.isVisibleTo(page) and bar.to_edit.isVisibleTo(page)
    day = FORTY_DAYS_AGO.astimezone().date()
    bar.from_edit.setDate(QDate(day.year, day.month, day.day))
    bar.to_edit.setDate(QDate(day.year, day.month, day.day))
    wait_loaded(qtbot, page)
    assert column(page, CUSTOMER) == ["李娜"]


def test_double_click_or_enter_asks_for_the_customer(qtbot, ops, calls_logged):
    page = open_page(qtbot, calls_logged["admin"], ops)
    asked: list[str] = []
    page.customer_requested.connect(asked.append)
    table = page.table
    rect = table.visualRect(page.model.index(1, CUSTOMER))
    # a double-click as the system delivers it: press, release, then the double-click
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert asked == [calls_logged["张伟"]]  # once, not twice

    table.setCurrentIndex(page.model.index(2, 0))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert asked == [calls_logged["张伟"], calls_logged["李娜"]]
    assert page.selected_customer() == (calls_logged["李娜"], "李娜")


def test_a_salesperson_sees_only_calls_on_customers_in_their_sight(qtbot, ops, calls_logged):
    page = open_page(qtbot, calls_logged["sales2"], ops)
    assert column(page, CUSTOMER) == ["王芳"]
    assert page.count_label.text().startswith("1 call")
    assert not page.filter_bar.owner_combo.isVisibleTo(page)  # only their own: no choice
    assert page.log_button is not None and page.log_button.isVisibleTo(page)
    with qtbot.waitSignal(page.log_call_requested, timeout=1_000):
        page.log_button.click()


def test_a_role_that_may_not_log_calls_gets_no_log_button(qtbot, ops, calls_logged):
    session = calls_logged["admin"]
    actor = session.me()
    grants = {k: v for k, v in actor.grants.items() if k != (Resource.INTERACTION, Action.CREATE)}
    page = open_page(qtbot, session, ops, replace(actor, grants=grants))
    assert page.log_button is None
    assert page.findChild(type(page.table), "logCallButton") is None


def test_a_logged_call_shows_up_and_a_hidden_page_catches_up_when_shown(qtbot, ops,
                                                                        calls_logged):
    session = calls_logged["admin"]
    page = open_page(qtbot, session, ops)
    zhang = calls_logged["张伟"]
    with qtbot.waitSignal(ops.changes_did_happen, timeout=10_000):
        ops.run(lambda: session.interactions.log(zhang, {"summary": "又打了一次"}),
                changes=CALL_LOGGED)
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10_000)
    assert column(page, SUMMARY)[0] == "又打了一次"

    page.hide()
    with qtbot.waitSignal(ops.changes_did_happen, timeout=10_000):
        ops.run(lambda: session.interactions.log(zhang, {"summary": "第三次"}),
                changes=CALL_LOGGED)
    assert page.model.rowCount() == 4  # nothing read while hidden
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=10_000)


def test_copy_puts_the_rows_as_shown_on_the_clipboard(qtbot, ops, calls_logged):
    page = open_page(qtbot, calls_logged["admin"], ops)
    page.table.selectRow(2)
    page.copy_selection()
    copied = QApplication.clipboard().text().split("\t")
    assert copied[CUSTOMER] == "李娜" and copied[KIND] == "Visit"


def test_pages_arrive_as_the_list_scrolls(qtbot, ops, signed_in, monkeypatch):
    monkeypatch.setattr(calls_model, "PAGE_SIZE", 4)
    admin = signed_in("admin")
    zhang = customer_named(admin, "张伟")[0]
    for n in range(11):
        admin.interactions.log(zhang, {"summary": f"call {n:02d}",
                                       "started_at": NOW - timedelta(hours=n)})
    page = open_page(qtbot, admin, ops)
    page.resize(900, 200)  # a few rows on screen
    assert page.count_label.text().startswith("11 call")
    qtbot.waitUntil(lambda: not page.model.loading, timeout=10_000)
    for _ in range(10):
        if page.model.rowCount() == 11:
            break
        page.table.scrollToBottom()
        qtbot.waitUntil(lambda: not page.model.loading, timeout=10_000)
        QApplication.processEvents()
    assert column(page, SUMMARY) == [f"call {n:02d}" for n in range(11)]
    assert not page.model.canFetchMore()


def test_answers_arriving_after_the_page_was_deleted_are_dropped(qtbot, ops, calls_logged):
    session = calls_logged["admin"]
    page = CallsPage(session, ops, session.me())
    page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    page.show()  # the count, first page and choices are being read
    with qtbot.waitSignal(page.destroyed, timeout=5_000):
        page.close()  # as when the vault locks
    qtbot.waitUntil(lambda: not ops.busy, timeout=10_000)
    ops.run(lambda: None, changes=CALL_LOGGED)  # a broadcast reaches no deleted page
    qtbot.waitUntil(lambda: not ops.busy, timeout=10_000)
