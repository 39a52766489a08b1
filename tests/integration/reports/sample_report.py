"""Satisfaction reports built by hand for the PDF tests: Chinese names, figures without data,
empty and long lists."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from desktop_crm.reports import definitions
from desktop_crm.reports.report_model import (
    ChurnRisk,
    Detractor,
    Figure,
    ReportScope,
    SalespersonRow,
    SatisfactionReport,
    ScopeKind,
    Share,
    Trend,
    TrendPoint,
)

AUDIT_HEAD = "9f2c4e7a1b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8"

# key -> (value, previous): None where a period had no data
FIGURES: dict[str, tuple[float | None, float | None]] = {
    "csat": (4.3157, 4.2),
    "nps": (-12.5, 3.0),
    "collection_rate": (37.25, 37.21),
    "complaints": (23, 31),
    "complaints_per_100": (1.875, 2.5),
    "first_response_median_h": (5.25, None),
    "first_response_mean_h": (7.75, 9.0),
    "resolution_median_h": (None, 40.0),
    "resolution_mean_h": (None, None),
    "retention": (91.4, 93.0),
    "repurchase_rate": (28.57, 25.0),
    "referral_rate": (12.0, 12.0),
    "collected": (123456789, 98765400),
    "planned": (150000000, 140000000),
    "overdue_amount": (2650050, 3100000),
    "return_visit_completion": (66.7, 50.0),
    "loyalty_score": (47.5, 46.25),
    "active_customers": (1226, 1198),
}

# markup characters in a customer's own words must print as typed
CHINESE_COMMENT = "送货晚了三天，客服电话一直占线，希望改进。<b>不是标签</b> & 符号"
SALESPEOPLE_NAMES = ("张伟", "王芳", "李娜", "刘洋", "陈静", "Oliver Smith")


def _months(last_year: int, last_month: int, count: int) -> list[str]:
    labels = []
    year, month = last_year, last_month
    for _ in range(count):
        labels.append(f"{year}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return labels[::-1]


def _trend(key: str, periods: list[str]) -> Trend:
    base = FIGURES[key][0] or 50.0
    values: list[float | None] = [base * (0.8 + 0.03 * i) for i in range(len(periods))]
    values[3] = None  # a gap in every line
    values[4] = None
    values[-1] = FIGURES[key][0]
    if key == "return_visit_completion":
        values = [None] * len(periods)  # a chart with no data at all
    return Trend(key, definitions.unit(key), tuple(
        TrendPoint(p, v) for p, v in zip(periods, values, strict=True)))


def company_report(*, churn_count: int = 3, detractor_count: int = 4) -> SatisfactionReport:
    periods = _months(2026, 10, 12)
    kpis = tuple(
        Figure(key, definitions.unit(key), FIGURES[key][0], FIGURES[key][1],
               definitions.higher_is_better(key))
        for key in definitions.KPI_ORDER)
    at = datetime(2026, 10, 20, 6, 30, tzinfo=UTC)
    churn = tuple(
        ChurnRisk(f"c-{i}", f"客户{i:03d} 上海星辰贸易有限公司" if i % 2 else f"赵{i:03d}",
                  f"138****{i:04d}", "张伟",
                  "complained_no_purchase" if i % 2 else "high_value_no_contact",
                  at - timedelta(days=i))
        for i in range(churn_count))
    detractors = tuple(
        Detractor(f"d-{i}", f"孙{i:03d}", f"139****{i:04d}" if i % 3 else "", "王芳",
                  nps=i % 7, csat=None if i % 2 else 2,
                  comment=CHINESE_COMMENT if i % 2 else "Late delivery; nobody called back.",
                  responded_at=at - timedelta(hours=5 * i))
        for i in range(detractor_count))
    return SatisfactionReport(
        period="2026-10", previous_period="2026-09",
        scope=ReportScope(ScopeKind.COMPANY, None, "星辰贸易"),
        time_zone="Asia/Shanghai", generated_by="周经理",
        generated_at=datetime(2026, 11, 2, 1, 15, tzinfo=UTC),
        kpis=kpis,
        trends=tuple(_trend(key, periods) for key in definitions.TREND_KEYS),
        csat_distribution=tuple(Share(str(k), n) for k, n in
                                zip(range(1, 6), (4, 9, 30, 80, 97), strict=True)),
        nps_groups=(Share("detractor", 40), Share("passive", 35), Share("promoter", 25)),
        loyalty_stages=(Share("suspect", 300), Share("prospect", 420),
                        Share("first_time_buyer", 260), Share("repeat_buyer", 180),
                        Share("advocate", 66)),
        tiers=(Share("high_value", 150), Share("potential", 500), Share("dormant", 376),
               Share("none", 200)),
        rfm_segments=tuple(Share(k, n) for k, n in zip(
            definitions.RFM_SEGMENTS, (40, 85, 120, 33, 61, 210), strict=True)),
        salespeople=tuple(
            SalespersonRow(f"u-{i}", name, 200 + i * 17, 4.1 + i / 20 if i != 2 else None,
                           10.0 - i * 7.5, i, 25.0 + i if i != 4 else None,
                           12345678 * (i + 1))
            for i, name in enumerate(SALESPEOPLE_NAMES)),
        churn_risks=churn, churn_risk_total=churn_count + 17,
        detractors=detractors, detractor_total=detractor_count,
        audit_head=AUDIT_HEAD,
    )


def salesperson_report() -> SatisfactionReport:
    """One salesperson's own report: no salespeople table, no lists, every figure empty."""
    report = company_report(churn_count=0, detractor_count=0)
    empty = tuple(replace(f, value=None, previous=None) for f in report.kpis)
    return replace(report, scope=ReportScope(ScopeKind.USER, "u-0", "张伟"), kpis=empty,
                   salespeople=(), churn_risks=(), churn_risk_total=0, detractors=(),
                   detractor_total=0,
                   csat_distribution=tuple(Share(s.key, 0) for s in report.csat_distribution),
                   nps_groups=tuple(Share(s.key, 0) for s in report.nps_groups),
                   trends=tuple(replace(t, points=tuple(replace(p, value=None)
                                                        for p in t.points))
                                for t in report.trends),
                   generated_by="张伟")
