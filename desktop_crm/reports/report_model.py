"""The satisfaction report as plain values: what the metrics engine computes, and what the
PDF, the dashboard and the CLI show. No figure is computed here.

A figure without data for its period is `None` ("no data"), never zero: a month without a
single survey has no CSAT, which is not a CSAT of 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Unit(StrEnum):
    """How a figure reads, so every view formats and compares it the same way."""

    SCORE_5 = "score_5"  # 1.0-5.0
    NPS = "nps"  # -100..100
    PERCENT = "percent"  # 0.0-100.0
    COUNT = "count"
    RATE = "rate"  # per 100 active customers
    HOURS = "hours"
    MONEY = "money"  # minor units (fen): 12345 is 123.45
    SCORE_100 = "score_100"  # 0-100


class ScopeKind(StrEnum):
    COMPANY = "company"
    DEPARTMENT = "department"
    USER = "user"


@dataclass(frozen=True)
class ReportScope:
    """Whose customers a report covers; always narrowed further by the viewer's data scope."""

    kind: ScopeKind
    id: str | None = None  # the department or user id; None for the company
    label: str = ""  # the company, department or person's name, for the cover


@dataclass(frozen=True)
class Figure:
    """One KPI for the period, beside the same KPI for the previous period."""

    key: str  # a key of reports.definitions (csat, nps, retention ...)
    unit: Unit
    value: float | None
    previous: float | None
    higher_is_better: bool = True

    @property
    def change(self) -> float | None:
        """value - previous, in the figure's own unit; None when either has no data."""
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


@dataclass(frozen=True)
class TrendPoint:
    period: str  # the period's label, "2026-10" or "2026-Q4"
    value: float | None


@dataclass(frozen=True)
class Trend:
    key: str  # the figure it follows
    unit: Unit
    points: tuple[TrendPoint, ...]  # oldest first, the report's period last


@dataclass(frozen=True)
class Share:
    """One bar of a distribution (CSAT 1-5, NPS groups, loyalty stages, tiers, RFM)."""

    key: str  # "5", "promoter", "repeat_buyer", "high_value", "champions" ...
    count: int


@dataclass(frozen=True)
class SalespersonRow:
    user_id: str
    name: str
    active_customers: int
    csat: float | None
    nps: float | None
    complaints: int
    repurchase_rate: float | None  # percent
    collected_minor: int


@dataclass(frozen=True)
class ChurnRisk:
    customer_id: str
    name: str
    phone: str  # masked as the viewer's role masks it; "" when hidden or none
    owner_name: str
    reason: str  # "complained_no_purchase" or "high_value_no_contact"
    since: datetime  # the complaint, or the last contact


@dataclass(frozen=True)
class Detractor:
    customer_id: str
    name: str
    phone: str  # masked as the viewer's role masks it
    owner_name: str
    nps: int | None
    csat: int | None
    comment: str
    responded_at: datetime


@dataclass(frozen=True)
class SatisfactionReport:
    period: str  # "2026-10" or "2026-Q4"
    previous_period: str
    scope: ReportScope
    time_zone: str  # the company time zone the periods are cut in
    generated_by: str  # the viewer's display name
    generated_at: datetime  # UTC
    kpis: tuple[Figure, ...]  # in reports.definitions.KPI_ORDER
    trends: tuple[Trend, ...]  # the last 12 periods
    csat_distribution: tuple[Share, ...]  # "1".."5"
    nps_groups: tuple[Share, ...]  # "detractor", "passive", "promoter"
    loyalty_stages: tuple[Share, ...]  # the five stages of active customers, in order
    tiers: tuple[Share, ...]  # the three tiers of active customers, then "none"
    rfm_segments: tuple[Share, ...]
    salespeople: tuple[SalespersonRow, ...]  # empty for a one-person report
    churn_risks: tuple[ChurnRisk, ...]  # at most the report's list length...
    churn_risk_total: int  # ...of this many
    detractors: tuple[Detractor, ...]
    detractor_total: int
    audit_head: str = ""  # the audit chain's head hash when the report was made

    def figure(self, key: str) -> Figure:
        for figure in self.kpis:
            if figure.key == key:
                return figure
        raise KeyError(key)
