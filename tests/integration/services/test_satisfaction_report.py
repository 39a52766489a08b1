"""The satisfaction report on a small organisation whose figures were worked out by hand.

The company time zone is Asia/Shanghai (UTC+8, no DST); the report's period P is 2026-10
(it begins 2026-09-30 16:00 UTC and ends 2026-10-31 16:00 UTC), the period before, P', is
2026-09. Customers (owner, created, stage, tier):
  A  sales_east1   2025-05-10  repeat_buyer      high_value
  B  sales_east1   2026-10-05  first_time_buyer  potential   referred by A
  C  sales_east2   2026-10-12  prospect          -
  D  sales_south2  2025-03-01  advocate          high_value
  E  sales_east1   2025-01-15  suspect           high_value
  F  sales_east2   2024-01-01  prospect          potential
Contacts: A 09-10 and 10-03; B 10-31 15:30 UTC (23:30 local: October); C 10-20 and 10-31
16:30 UTC (00:30 local: November); D 2026-06-15; E 2025-10-15; F 10-15.
Orders: A 2026-03-01 5,000 and 10-08 10,000; B 10-09 3,000 and 10-25 2,000; C 10-21 1,500;
D 2025-12-01 8,000.
Answers: A 09-12 CSAT 3 and 10-04 CSAT 5; B 10-30 NPS 9 + CSAT 4; C 10-22 NPS 3 ("太慢了");
D 10-11 NPS 7 + CSAT 2.
Complaints: C opened 10-02 02:00, answered +4 h, resolved +48 h; A opened 10-10 00:00,
answered +2 h; D opened 09-20 00:00, answered +10 h, resolved 10-01 00:00 UTC (08:00 local,
October: 264 h); E opened 10-20, no answer.
Return visits of A due in October: one done, one not.
Contracts: A's instalments 09-15 4,000 and 10-15 6,000, receipts 09-20 4,000 and 10-20
1,000; B's instalment 10-10 2,000, receipt 2026-08-01 5,000 (paid ahead).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desktop_crm.domain.errors import NotFound, PermissionDenied, ValidationError
from desktop_crm.reports.metrics import SUM_COLUMNS
from desktop_crm.reports.report_model import ReportScope, SatisfactionReport, ScopeKind
from desktop_crm.services.audit import recent_events
from desktop_crm.services.bulk import ActivityBatch, ActivityImport
from desktop_crm.storage.report_summary import COUNTERS
from tests.integration.services.conftest import Org

ZONE = "Asia/Shanghai"
COMPANY = ReportScope(ScopeKind.COMPANY)
PHONE = "+8613812345678"


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


@dataclass(frozen=True)
class Placed:
    vault_dir: Path
    passwords: dict[str, str]
    ids: dict[str, str]
    customers: dict[str, str]


def _place(org: Org) -> dict[str, str]:
    admin = org.session("admin")
    admin.policies.update(company_time_zone=ZONE)  # the summary is re-counted in it
    ids = org.ids

    def create(letter: str, owner: str, created: datetime, **fields: object) -> str:
        org.clock.advance(created - org.clock.now())
        data = {"name": f"客户{letter}", "phones": [PHONE], "owner_id": ids[owner], **fields}
        return admin.customers.create(data).id

    c = {"A": create("A", "sales_east1", utc(2025, 5, 10, 3), lifecycle_stage="repeat_buyer",
                     tier="high_value")}
    c["B"] = create("B", "sales_east1", utc(2026, 10, 5, 3), lifecycle_stage="first_time_buyer",
                    tier="potential", referred_by=c["A"])
    c["C"] = create("C", "sales_east2", utc(2026, 10, 12, 3), lifecycle_stage="prospect",
                    source="web")
    c["D"] = create("D", "sales_south2", utc(2025, 3, 1, 3), lifecycle_stage="advocate",
                    tier="high_value")
    c["E"] = create("E", "sales_east1", utc(2025, 1, 15, 3), lifecycle_stage="suspect",
                    tier="high_value")
    c["F"] = create("F", "sales_east2", utc(2024, 1, 1, 3), lifecycle_stage="prospect",
                    tier="potential")
    org.clock.advance(utc(2026, 11, 23, 9) - org.clock.now())

    def call(who: str, at: datetime) -> dict[str, object]:
        return {"customer_id": c[who], "started_at": at}

    def order(who: str, at: datetime, amount: int) -> dict[str, object]:
        return {"customer_id": c[who], "ordered_at": at, "amount_minor": amount}

    def answer(who: str, at: datetime, *, csat: int | None = None, nps: int | None = None,
               comment: str = "") -> dict[str, object]:
        return {"customer_id": c[who], "responded_at": at, "csat": csat, "nps": nps,
                "comment": comment}

    def complaint(who: str, opened: datetime, response_h: int | None = None,
                  resolved: datetime | None = None) -> dict[str, object]:
        return {"customer_id": c[who], "opened_at": opened, "summary": "投诉",
                "first_response_at": None if response_h is None
                else opened + timedelta(hours=response_h),
                "resolved_at": resolved,
                "status": "resolved" if resolved else "in_progress" if response_h else "open"}

    def visit(due: datetime, done: datetime | None) -> dict[str, object]:
        return {"owner_id": ids["sales_east1"], "customer_id": c["A"], "kind": "return_visit",
                "title": "回访", "due_at": due, "done_at": done}

    contract_a, contract_b = "0b6c0e4a-0000-4000-8000-00000000000a", \
        "0b6c0e4a-0000-4000-8000-00000000000b"
    batch = ActivityBatch(
        interactions=[call("A", utc(2026, 9, 10, 2)), call("A", utc(2026, 10, 3, 2)),
                      call("B", utc(2026, 10, 31, 15, 30)), call("C", utc(2026, 10, 20, 2)),
                      call("C", utc(2026, 10, 31, 16, 30)), call("D", utc(2026, 6, 15, 2)),
                      call("E", utc(2025, 10, 15, 2)), call("F", utc(2026, 10, 15, 2))],
        orders=[order("A", utc(2026, 3, 1, 2), 5_000), order("A", utc(2026, 10, 8, 2), 10_000),
                order("B", utc(2026, 10, 9, 2), 3_000), order("B", utc(2026, 10, 25, 2), 2_000),
                order("C", utc(2026, 10, 21, 2), 1_500), order("D", utc(2025, 12, 1, 2), 8_000)],
        satisfaction=[answer("A", utc(2026, 9, 12, 2), csat=3),
                      answer("A", utc(2026, 10, 4, 2), csat=5),
                      answer("B", utc(2026, 10, 30, 2), csat=4, nps=9),
                      answer("C", utc(2026, 10, 22, 2), nps=3, comment="太慢了"),
                      answer("D", utc(2026, 10, 11, 2), csat=2, nps=7)],
        complaints=[complaint("C", utc(2026, 10, 2, 2), 4, utc(2026, 10, 4, 2)),
                    complaint("A", utc(2026, 10, 10), 2),
                    complaint("D", utc(2026, 9, 20), 10, utc(2026, 10, 1)),
                    complaint("E", utc(2026, 10, 20))],
        reminders=[visit(utc(2026, 10, 12, 2), utc(2026, 10, 12, 3)),
                   visit(utc(2026, 10, 26, 2), None)],
        contracts=[{"id": contract_a, "customer_id": c["A"], "number": "HT-A",
                    "start_date": date(2026, 9, 1), "end_date": date(2027, 8, 31),
                    "amount_minor": 10_000},
                   {"id": contract_b, "customer_id": c["B"], "number": "HT-B",
                    "start_date": date(2026, 7, 1), "end_date": date(2027, 6, 30),
                    "amount_minor": 2_000}],
        payment_plans=[{"contract_id": contract_a, "instalment": 1,
                        "due_date": date(2026, 9, 15), "amount_minor": 4_000},
                       {"contract_id": contract_a, "instalment": 2,
                        "due_date": date(2026, 10, 15), "amount_minor": 6_000},
                       {"contract_id": contract_b, "instalment": 1,
                        "due_date": date(2026, 10, 10), "amount_minor": 2_000}],
        receipts=[{"contract_id": contract_a, "amount_minor": 4_000,
                   "received_at": utc(2026, 9, 20, 2)},
                  {"contract_id": contract_a, "amount_minor": 1_000,
                   "received_at": utc(2026, 10, 20, 2)},
                  {"contract_id": contract_b, "amount_minor": 5_000,
                   "received_at": utc(2026, 8, 1, 2)}],
    )
    ActivityImport(admin.customers.ctx).create(batch)
    return c


@pytest.fixture(scope="module")
def placed(org_template: tuple[Path, dict, dict],
           tmp_path_factory: pytest.TempPathFactory) -> Placed:
    template, passwords, ids = org_template
    vault_dir = tmp_path_factory.mktemp("report-template") / "vault"
    shutil.copytree(template, vault_dir)
    org = Org(vault_dir, dict(passwords), dict(ids))
    try:
        customers = _place(org)
    finally:
        org.close()
    return Placed(vault_dir, dict(passwords), dict(ids), customers)


@pytest.fixture
def org(placed: Placed, tmp_path: Path) -> Iterator[Org]:
    vault_dir = tmp_path / "vault"
    shutil.copytree(placed.vault_dir, vault_dir)
    org = Org(vault_dir, dict(placed.passwords), dict(placed.ids))
    yield org
    org.close()


def values(report: SatisfactionReport) -> dict[str, tuple[float | None, float | None]]:
    return {f.key: (f.value, f.previous) for f in report.kpis}


def shares(items: tuple) -> dict[str, int]:
    return {share.key: share.count for share in items}


def test_the_summary_columns_are_the_metric_inputs() -> None:
    assert SUM_COLUMNS == COUNTERS


def test_the_company_report_has_the_hand_worked_figures(org: Org, placed: Placed) -> None:
    report = org.session("admin").reports.build("2026-10", COMPANY, language="zh",
                                                 record=False)
    assert (report.period, report.previous_period, report.time_zone) == (
        "2026-10", "2026-09", ZONE)
    got = values(report)
    # CSAT: A 5, B 4, D 2 -> 11 / 3; before: A 3. NPS: B promoter, C detractor, D passive
    # -> 0 (none before: no data)
    assert got["csat"][0] == pytest.approx(11 / 3)
    assert got["csat"][1] == 3.0
    assert got["nps"] == (0.0, None)
    # contacted in October: A, B (23:30 local), C, F; answered: A, B, C -> 75 %; September:
    # A contacted and answered -> 100 %
    assert got["collection_rate"] == (75.0, 100.0)
    # opened: C, A, E (D in September); active at the end: A, B, C, D, F (5), of September:
    # A, D, E (3) -> 3 / 5 = 60 per 100, 1 / 3
    assert got["complaints"] == (3.0, 1.0)
    assert got["complaints_per_100"][0] == 60.0
    assert got["complaints_per_100"][1] == pytest.approx(100 / 3)
    # first response: C 4 h, A 2 h -> median and mean 3 h; September D 10 h
    assert got["first_response_median_h"] == (3.0, 10.0)
    assert got["first_response_mean_h"] == (3.0, 10.0)
    # resolved in October: C 48 h, D 264 h (10-01 08:00 local) -> 156 h; none in September
    assert got["resolution_median_h"] == (156.0, None)
    assert got["resolution_mean_h"] == (156.0, None)
    # active at the start: A, D, E; at the end A and D still (E lapsed) -> 2 / 3;
    # September: A, D, E throughout -> 100 %
    assert got["retention"][0] == pytest.approx(200 / 3)
    assert got["retention"][1] == 100.0
    # buyers A (ordered in March), B (twice), C (once, first ever) -> 2 / 3; none before
    assert got["repurchase_rate"][0] == pytest.approx(200 / 3)
    assert got["repurchase_rate"][1] is None
    # created in October: B (referred), C -> 50 %; nobody in September
    assert got["referral_rate"] == (50.0, None)
    assert got["collected"] == (1_000.0, 4_000.0)
    assert got["planned"] == (8_000.0, 4_000.0)
    # A owes 10,000 - 5,000; B paid 5,000 for 2,000 due: 0, not -3,000. September: 0
    assert got["overdue_amount"] == (5_000.0, 0.0)
    assert got["return_visit_completion"] == (50.0, None)
    # stages at the end 4, 3, 2, 5, 2 -> mean 3.2 -> 55; September A 4, D 5, E 1 -> 58.33
    assert got["loyalty_score"][0] == pytest.approx(55.0)
    assert got["loyalty_score"][1] == pytest.approx(175 / 3)
    assert got["active_customers"] == (5.0, 3.0)

    assert shares(report.csat_distribution) == {"1": 0, "2": 1, "3": 0, "4": 1, "5": 1}
    assert shares(report.nps_groups) == {"detractor": 1, "passive": 1, "promoter": 1}
    assert shares(report.loyalty_stages) == {
        "suspect": 0, "prospect": 2, "first_time_buyer": 1, "repeat_buyer": 1, "advocate": 1}
    assert shares(report.tiers) == {"high_value": 2, "potential": 2, "dormant": 0, "none": 1}
    # RFM of the orders since 2025-10-31 16:00 UTC, days to the end: A 23 (2 orders,
    # 15,000), B 6 (2, 5,000), C 10 (1, 1,500), D 334 (1, 8,000). Recency, worst first: D 1,
    # A 2, C 4, B 5; frequency: C, D 2, A, B 4; monetary: C 1, B 2, D 4, A 5. So A (2, 4, 5)
    # frequent but not lately: at risk; B (5, 4, 2) loyal; C (4, 2, 1) one order: new;
    # D (1, 2, 4) hibernating
    assert shares(report.rfm_segments) == {"champions": 0, "loyal": 1, "potential": 0,
                                           "new": 1, "at_risk": 1, "hibernating": 1}


def test_trends_cover_twelve_months(org: Org) -> None:
    report = org.session("admin").reports.build("2026-10", COMPANY, language="en",
                                                 record=False)
    trends = {t.key: t for t in report.trends}
    complaints = trends["complaints"].points
    assert complaints[0].period == "2025-11"
    assert [(p.period, p.value) for p in complaints][-2:] == [("2026-09", 1.0),
                                                              ("2026-10", 3.0)]
    csat = [p.value for p in trends["csat"].points]
    assert csat[:10] == [None] * 10 and csat[10] == 3.0
    assert csat[11] == pytest.approx(11 / 3)


def test_the_lists_and_the_salespeople(org: Org, placed: Placed) -> None:
    report = org.session("admin").reports.build("2026-10", COMPANY, language="zh",
                                                 record=False)
    c = placed.customers
    # D complained 09-20 and bought nothing in 30 days; E is high value and silent since
    # 2025-10-15; A (high value) was called on 10-03; C's complaint is under 30 days old
    assert report.churn_risk_total == 2
    assert [(r.customer_id, r.reason, r.since) for r in report.churn_risks] == [
        (c["D"], "complained_no_purchase", utc(2026, 9, 20)),
        (c["E"], "high_value_no_contact", utc(2025, 10, 15, 2))]
    assert report.churn_risks[0].name == "客户D"
    assert report.churn_risks[0].phone == PHONE  # an administrator sees phones unmasked
    assert report.churn_risks[0].owner_name == "sales_south2"
    # detractors: C (NPS 3), D (CSAT 2), newest first
    assert report.detractor_total == 2
    assert [(d.customer_id, d.nps, d.csat, d.comment) for d in report.detractors] == [
        (c["C"], 3, None, "太慢了"), (c["D"], 7, 2, "")]
    rows = {row.name: row for row in report.salespeople}
    assert set(rows) == {"sales_east1", "sales_east2", "sales_south2"}
    east1 = rows["sales_east1"]  # A and B active; CSAT 5, 4; NPS B 9; complaints A, E
    assert (east1.active_customers, east1.csat, east1.nps, east1.complaints,
            east1.repurchase_rate, east1.collected_minor) == (2, 4.5, 100.0, 2, 100.0, 1_000)
    east2 = rows["sales_east2"]  # C and F; C's NPS 3; C's complaint; C bought once
    assert (east2.active_customers, east2.csat, east2.nps, east2.complaints,
            east2.repurchase_rate) == (2, None, -100.0, 1, 0.0)
    south2 = rows["sales_south2"]  # D: CSAT 2, NPS 7, no order in October
    assert (south2.active_customers, south2.csat, south2.nps, south2.repurchase_rate) == (
        1, 2.0, 0.0, None)


def test_a_salesperson_report_covers_only_their_customers(org: Org, placed: Placed) -> None:
    me = org.session("sales_east1")
    report = me.reports.build("2026-10", COMPANY, language="zh", record=False)
    got = values(report)
    # A, B and E only: CSAT 5, 4; NPS B; contacted A, B both answered; complaints A, E;
    # active at the start A, E, at the end A, B (E lapsed)
    assert got["csat"][0] == 4.5
    assert got["nps"][0] == 100.0
    assert got["collection_rate"][0] == 100.0
    assert got["complaints"][0] == 2.0
    assert got["retention"][0] == 50.0
    assert got["active_customers"][0] == 2.0
    assert report.salespeople == ()  # a one-person report
    assert [r.customer_id for r in report.churn_risks] == [placed.customers["E"]]
    assert report.churn_risks[0].phone == "138****5678"  # list-only mask of the sales role
    assert report.detractor_total == 0
    mine = ReportScope(ScopeKind.USER, placed.ids["sales_east1"])
    assert values(me.reports.build("2026-10", mine, language="zh", record=False)) == got
    with pytest.raises(NotFound):  # a colleague's report does not exist for them
        me.reports.build("2026-10", ReportScope(ScopeKind.USER, placed.ids["sales_east2"]),
                          language="zh", record=False)


def test_a_manager_report_covers_their_department_and_subordinates(
        org: Org, placed: Placed) -> None:
    manager = org.session("mgr_east").reports
    report = manager.build("2026-10", COMPANY, language="en", record=False)
    got = values(report)
    # A, B, C, E, F (D belongs to sales_south2, outside the team): CSAT 5, 4 -> 4.5;
    # NPS B 9, C 3 -> 0; complaints C, A, E
    assert got["csat"][0] == 4.5
    assert got["nps"][0] == 0.0
    assert got["complaints"][0] == 3.0
    assert got["active_customers"][0] == 4.0  # A, B, C, F
    assert {r.name for r in report.salespeople} == {"sales_east1", "sales_east2"}
    assert [r.reason for r in report.churn_risks] == ["high_value_no_contact"]  # E, not D
    assert [d.customer_id for d in report.detractors] == [placed.customers["C"]]
    assert report.detractors[0].phone == "138****5678"

    east = manager.build("2026-10", ReportScope(ScopeKind.DEPARTMENT, placed.ids["dept:East"]),
                         language="en", record=False)
    assert east.scope.label == "华东 East"
    assert values(east)["complaints"][0] == 3.0
    # South reaches the team only through sales_south1 (reporting to the manager), who has
    # no customers: sales_south2's D is not counted
    south = manager.build("2026-10",
                          ReportScope(ScopeKind.DEPARTMENT, placed.ids["dept:South"]),
                          language="en", record=False)
    assert values(south)["csat"] == (None, None)
    assert values(south)["active_customers"] == (0.0, 0.0)

    for outside in (ReportScope(ScopeKind.DEPARTMENT, placed.ids["dept:Service"]),
                    ReportScope(ScopeKind.USER, placed.ids["sales_south2"]),
                    ReportScope(ScopeKind.DEPARTMENT, "00000000-0000-4000-8000-000000000000")):
        with pytest.raises(NotFound):
            manager.build("2026-10", outside, language="en", record=False)


def test_a_report_is_audited_and_carries_the_chain_head(org: Org) -> None:
    admin = org.session("admin")
    steps: list[tuple[int, int]] = []
    report = admin.reports.build("2026-10", COMPANY, language="zh",
                                 progress=lambda done, total: steps.append((done, total)))
    assert steps[-1][0] == steps[-1][1] == len(steps)  # every step said, the last one done
    head = admin.verify_audit()
    assert head.ok and report.audit_head == head.head_hash
    with admin.customers.ctx.reading() as w:
        event = recent_events(w.session, limit=1)[0]
    assert event.action == "report.satisfaction"
    assert event.detail == {"period": "2026-10", "scope": "company", "scope_id": "",
                            "active_customers": 5, "salespeople": 3, "churn_risks": 2,
                            "detractors": 2}
    assert "客户" not in str(event.detail)  # counts, never customer data


def test_the_dashboard_shows_the_report_figures_without_an_audit_event(org: Org) -> None:
    admin = org.session("admin")
    with admin.customers.ctx.reading() as w:
        before = recent_events(w.session, limit=1)[0].seq
    dashboard = admin.reports.dashboard("2026-10", COMPANY, "zh")
    report = admin.reports.build("2026-10", COMPANY, language="zh", record=False)
    assert dashboard.kpis == report.kpis
    shown = {t.key: t.points for t in dashboard.trends}
    for trend in report.trends:
        if trend.key in ("collection_rate", "repurchase_rate"):  # the last two periods
            assert shown[trend.key][-2:] == trend.points[-2:]
            assert all(p.value is None for p in shown[trend.key][:-2])
        else:
            assert shown[trend.key] == trend.points
    assert dashboard.churn_risks == report.churn_risks
    assert dashboard.rfm_segments == () and dashboard.detractors == ()
    with admin.customers.ctx.reading() as w:
        assert recent_events(w.session, limit=1)[0].seq == before


def test_a_quarter_report(org: Org) -> None:
    report = org.session("admin").reports.build("2026-Q4", COMPANY, language="zh",
                                                 record=False)
    assert (report.period, report.previous_period) == ("2026-Q4", "2026-Q3")
    got = values(report)
    assert got["csat"][0] == pytest.approx(11 / 3)  # no answers in November or December
    assert got["csat"][1] == 3.0  # A's September answer
    assert got["complaints"] == (3.0, 1.0)
    # contacted in Q4: A, B, C (October and November), F; answered A, B, C; in Q3 only A
    assert got["collection_rate"] == (75.0, 100.0)
    assert [p.period for p in report.trends[0].points][-2:] == ["2026-Q3", "2026-Q4"]


def test_who_may_not_read_reports_is_refused(org: Org) -> None:
    for name in ("auditor", "service1"):
        with pytest.raises(PermissionDenied):
            org.session(name).reports.build("2026-10", COMPANY, language="zh")


def test_a_bad_period_or_language_is_refused(org: Org) -> None:
    service = org.session("admin").reports
    with pytest.raises(ValidationError) as bad:
        service.build("2026-13", COMPANY, language="zh")
    assert bad.value.field == "period"
    with pytest.raises(ValidationError) as bad:
        service.dashboard("2026-10", COMPANY, "fr")
    assert bad.value.field == "language"
