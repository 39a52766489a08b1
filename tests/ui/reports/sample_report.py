"""A satisfaction report made by hand for the widget tests and the screenshots: Chinese
names, a gap in the trends, a figure without data, a long churn-risk list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop_crm.reports import definitions
from desktop_crm.reports.report_model import (
    ChurnRisk,
    Figure,
    ReportScope,
    SatisfactionReport,
    ScopeKind,
    Share,
    Trend,
    TrendPoint,
)

PERIOD, PREVIOUS = "2026-05", "2026-04"
MONTHS = tuple(f"{2025 + (m + 5) // 12:04d}-{(m + 5) % 12 + 1:02d}" for m in range(12))
# value, previous
VALUES: dict[str, tuple[float | None, float | None]] = {
    "csat": (4.26, 4.05), "nps": (32.0, 35.0), "collection_rate": (41.5, 41.52),
    "complaints": (7, 11), "complaints_per_100": (1.4, 2.2),
    "first_response_median_h": (3.5, 5.25), "first_response_mean_h": (4.75, 4.0),
    "resolution_median_h": (None, 30.0), "resolution_mean_h": (None, None),
    "retention": (92.3, 91.0), "repurchase_rate": (38.0, 38.0), "referral_rate": (12.5, 8.0),
    "collected": (123456789, 100000000), "planned": (150000000, 140000000),
    "overdue_amount": (2654321, 1200000), "return_visit_completion": (87.5, 90.0),
    "loyalty_score": (61.25, 60.0), "active_customers": (12480, 12011),
}
TRENDS: dict[str, tuple[float | None, ...]] = {
    "csat": (4.1, 4.0, 4.2, None, 4.3, 4.1, 4.0, 3.9, None, 4.1, 4.05, 4.26),
    "nps": (20, 22, 25, 30, None, 28, 31, 35, 33, 30, 35, 32),
    "complaints": (12, 9, 15, 8, 10, 11, 9, 14, 13, 12, 11, 7),
    "collection_rate": (None, None, None, 30.5, 33.0, 35.2, 38.0, 40.1, 39.0, 41.0, 41.52,
                        41.5),
    "repurchase_rate": (30, 31, 33, 35, 34, 36, 37, None, 38, 37.5, 38, 38),
    "return_visit_completion": (70, 75, 80, 82, 85, 84, 86, 88, 90, 91, 90, None),
}
NAMES = ("王芳", "李强", "Alice Martin", "张伟", "刘洋", "陈静", "杨磊", "赵敏", "黄磊",
         "周杰", "吴刚", "徐丽")


def figures(values: dict[str, tuple[float | None, float | None]] = VALUES) -> tuple[Figure, ...]:
    return tuple(Figure(key, definitions.unit(key), *values[key],
                        higher_is_better=definitions.higher_is_better(key))
                 for key in definitions.KPI_ORDER)


def sample_report(*, risks: int = 12, empty: bool = False) -> SatisfactionReport:
    if empty:
        values = {key: (None, None) for key in definitions.KPI_ORDER}
        trends = {key: (None,) * 12 for key in definitions.TREND_KEYS}
    else:
        values, trends = VALUES, TRENDS
    generated = datetime(2026, 5, 14, 2, 0, tzinfo=UTC)
    count = 0 if empty else 1
    return SatisfactionReport(
        period=PERIOD, previous_period=PREVIOUS,
        scope=ReportScope(ScopeKind.COMPANY, None, "示例公司"),
        time_zone="Asia/Shanghai", generated_by="管理员 Admin", generated_at=generated,
        kpis=figures(values),
        trends=tuple(Trend(key, definitions.unit(key),
                           tuple(TrendPoint(m, v) for m, v in zip(MONTHS, trends[key],
                                                                  strict=True)))
                     for key in definitions.TREND_KEYS),
        csat_distribution=tuple(Share(str(n), c * count)
                                for n, c in zip(range(1, 6), (3, 5, 20, 61, 88), strict=True)),
        nps_groups=(Share("detractor", 21 * count), Share("passive", 40 * count),
                    Share("promoter", 70 * count)),
        loyalty_stages=(Share("suspect", 4200 * count), Share("prospect", 3900 * count),
                        Share("first_time_buyer", 2300 * count),
                        Share("repeat_buyer", 1600 * count), Share("advocate", 480 * count)),
        tiers=(Share("high_value", 900 * count), Share("potential", 5200 * count),
               Share("dormant", 2100 * count), Share("none", 4280 * count)),
        rfm_segments=tuple(Share(key, n * count) for key, n in zip(
            definitions.RFM_SEGMENTS, (120, 340, 510, 220, 160, 300), strict=True)),
        salespeople=(),
        churn_risks=() if empty else tuple(
            ChurnRisk(f"00000000-0000-4000-8000-{n:012d}", NAMES[n % len(NAMES)],
                      f"138****{n:04d}", "销售一 Sales One",
                      definitions.CHURN_REASONS[n % 2], generated - timedelta(days=10 + n))
            for n in range(risks)),
        churn_risk_total=0 if empty else risks + 30,
        detractors=(), detractor_total=0,
    )
