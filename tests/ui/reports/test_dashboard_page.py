"""The dashboard on a real vault: it loads for the period and scope picked, offers a
salesperson only themselves, reads again after a change, and says when there is nothing."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from desktop_crm.reports.report_model import ScopeKind
from desktop_crm.services.org_views import UserView
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.ops import OpChanges, Operations
from desktop_crm.ui.reports.dashboard_page import DashboardPage
from desktop_crm.ui.reports.report_scopes import Reach
from tests.ui.reports.conftest import NOW, SHANGHAI, wait_idle
from tests.ui.reports.sample_report import sample_report


def open_dashboard(qtbot, ops: Operations, session: CrmSession,
                   size: tuple[int, int] = (1000, 700)) -> DashboardPage:
    page = DashboardPage(session, ops, session.me(), zone=SHANGHAI)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    wait_idle(qtbot, ops)
    return page


def customer_named(session: CrmSession, name: str) -> str:
    return next(c.id for c in session.customers.search(name) if c.name == name)


def test_the_admin_sees_the_month_for_everyone_with_departments_and_people(
        qtbot, ops, signed_in):
    admin = signed_in("admin")
    zhang = customer_named(admin, "张伟")
    admin.feedback.record(zhang, {"csat": 5, "nps": 10, "comment": "很满意",
                                  "responded_at": NOW - timedelta(days=1)})
    admin.feedback.record(zhang, {"csat": 3, "responded_at": NOW - timedelta(hours=2)})
    page = open_dashboard(qtbot, ops, admin)
    assert page.period_picker.period() == "2026-05"
    assert page.state_text() == ""
    assert page.view.tiles["csat"].shown_value == "4.0 / 5"
    assert page.view.tiles["nps"].shown_value == "+100"
    assert page.view.tiles["csat"].change_text() == "2026-04: No data"
    offered = page.scope_picker.offered()
    assert [(s.kind, s.label) for s in offered[:2]] == [
        (ScopeKind.COMPANY, "All I can see"), (ScopeKind.DEPARTMENT, "华东 East")]
    assert sorted(s.label for s in offered if s.kind is ScopeKind.USER) == [
        "Sales Two", "管理员 Admin", "销售一 Sales One"]


def test_a_salesperson_is_offered_only_themselves(qtbot, ops, signed_in):
    page = open_dashboard(qtbot, ops, signed_in("sales2"))
    offered = page.scope_picker.offered()
    assert [(s.kind, s.label) for s in offered] == [
        (ScopeKind.COMPANY, "All I can see"), (ScopeKind.USER, "Sales Two")]
    assert page.state_text() == "No data for this period."  # they own no customer yet


def test_picking_another_period_or_person_reads_again(qtbot, ops, signed_in):
    admin = signed_in("admin")
    admin.feedback.record(customer_named(admin, "李娜"), {"csat": 4, "responded_at": NOW})
    page = open_dashboard(qtbot, ops, admin)
    assert page.view.tiles["csat"].shown_value == "4.0 / 5"
    page.period_picker.choose("2026-04")
    wait_idle(qtbot, ops)
    assert page.state_text() == "No data for this period."
    page.period_picker.choose("2026-05")
    wait_idle(qtbot, ops)
    assert page.view.tiles["csat"].shown_value == "4.0 / 5"
    sales2 = next(s for s in page.scope_picker.offered() if s.label == "Sales Two")
    page.scope_picker.choose(ScopeKind.USER, sales2.id)
    wait_idle(qtbot, ops)
    assert page.report is not None and page.report.scope.id == sales2.id
    assert page.state_text() == "No data for this period."


def test_a_change_to_what_the_figures_count_reads_them_again(qtbot, ops, signed_in):
    admin = signed_in("admin")
    page = open_dashboard(qtbot, ops, admin)
    assert page.state_text() == "No data for this period."
    customer = customer_named(admin, "Alice Martin")
    ops.run(lambda: admin.feedback.record(customer, {"csat": 2, "responded_at": NOW}),
            changes=OpChanges(frozenset({"feedback"})))
    wait_idle(qtbot, ops)
    assert page.view.tiles["csat"].shown_value == "2.0 / 5"
    ops.changes_did_happen.emit(OpChanges(frozenset({"alert"})))
    assert not page.loading  # a change the figures do not count reads nothing


def test_a_churn_risk_opens_its_customer_from_the_page(qtbot, ops, signed_in):
    page = open_dashboard(qtbot, ops, signed_in("admin"), size=(1200, 900))
    page._show_report(sample_report())
    table = page.view.churn_table
    qtbot.waitUntil(table.isVisible)
    page.scroll.ensureWidgetVisible(table)
    rect = table.visualRect(table.model().index(0, 0))
    with qtbot.waitSignal(page.customer_requested) as asked:
        # a double-click is a press, then the double-click on the same row
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert asked.args == ["00000000-0000-4000-8000-000000000000"]


def test_a_refused_scope_is_said_in_words_with_a_way_to_try_again(qtbot, ops, signed_in):
    sales2 = signed_in("sales2")
    admin_id = signed_in("admin").user_id
    page = open_dashboard(qtbot, ops, sales2)
    # a choice the list no longer offers (the person left the viewer's team meanwhile)
    stale = UserView(admin_id, "admin", "管理员 Admin", None, None, (), "active", False)
    page.scope_picker.set_reach(Reach((), (stale,)))
    page.scope_picker.choose(ScopeKind.USER, admin_id)
    wait_idle(qtbot, ops)
    assert page.state_text() == "This record does not exist or is outside your view."
    assert page.retry_button.isVisibleTo(page) and page.report is None
    page.scope_picker.set_reach(Reach((), ()))  # the list read again: back to their own
    wait_idle(qtbot, ops)
    assert page.state_text() == "No data for this period."
    assert not page.retry_button.isVisibleTo(page)
