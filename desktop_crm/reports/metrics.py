"""The satisfaction figures as pure functions of what the storage queries count.

The queries hand over sums and tallies, never customers one by one: a tally is a number of
customers sharing the facts a definition looks at (contacted and answered; orders in the
period and ordered before; active at the start and at the end, with stage and tier). The
definitions themselves (what is a repurchase, who is retained) are applied here, once, and a
test builds tallies of one customer each to check them by hand. A figure without data is
None, never 0 (reports.definitions says what each one counts).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import NamedTuple

from desktop_crm.domain.enums import LifecycleStage, Tier
from desktop_crm.reports.definitions import KPI_ORDER, TREND_KEYS, higher_is_better, unit
from desktop_crm.reports.report_model import Figure, SalespersonRow, Share, Trend, TrendPoint

MS_PER_HOUR = 3_600_000
STAGES = tuple(stage.value for stage in LifecycleStage)  # 1 = suspect ... 5 = advocate
TIERS = (*(tier.value for tier in Tier), "none")
NPS_GROUPS = ("detractor", "passive", "promoter")


@dataclass(frozen=True)
class ActivitySums:
    """The monthly summary's counters summed over some customers and months (the field
    names are its columns; `is_new` sums to the customers created)."""

    is_new: int = 0
    referred: int = 0
    contacts: int = 0
    orders: int = 0
    order_minor: int = 0
    responses: int = 0
    csat_count: int = 0
    csat_sum: int = 0
    csat_1: int = 0
    csat_2: int = 0
    csat_3: int = 0
    csat_4: int = 0
    csat_5: int = 0
    nps_count: int = 0
    promoters: int = 0
    passives: int = 0
    detractors: int = 0
    complaints: int = 0
    responded: int = 0
    response_ms: int = 0
    resolved: int = 0
    resolution_ms: int = 0
    visits_due: int = 0
    visits_done: int = 0
    planned_minor: int = 0
    collected_minor: int = 0

    def __add__(self, other: ActivitySums) -> ActivitySums:
        return ActivitySums(*(a + b for a, b in zip(_values(self), _values(other),
                                                     strict=True)))


SUM_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(ActivitySums))
NO_ACTIVITY = ActivitySums()


def _values(sums: ActivitySums) -> tuple[int, ...]:
    return tuple(getattr(sums, name) for name in SUM_COLUMNS)


def total(sums: Iterable[ActivitySums]) -> ActivitySums:
    result = NO_ACTIVITY
    for item in sums:
        result = result + item
    return result


@dataclass(frozen=True)
class ContactTally:
    """Customers by whether they were contacted in the period and answered a survey in it."""

    contacted: bool
    answered: bool
    customers: int = 1


@dataclass(frozen=True)
class BuyerTally:
    """Customers who ordered in the period, by their orders in it (a query may count
    "two or more" as 2) and whether they had ordered before it."""

    orders: int
    ordered_before: bool
    customers: int = 1


@dataclass(frozen=True)
class ActivityCohort:
    """Customers by whether they were active at the start and at the end of the period,
    with their (current) stage and tier."""

    active_at_start: bool
    active_at_end: bool
    stage: str
    tier: str | None
    customers: int = 1


class Balance(NamedTuple):
    """One contract's instalments due by the end of the period and receipts received by
    then, in minor units (a plain pair: a large vault has a hundred thousand of them)."""

    due_minor: int
    received_minor: int


@dataclass(frozen=True)
class PeriodFacts:
    """Everything the figures of one period are computed from."""

    sums: ActivitySums = NO_ACTIVITY
    contacts: tuple[ContactTally, ...] = ()
    buyers: tuple[BuyerTally, ...] = ()
    cohorts: tuple[ActivityCohort, ...] = ()
    response_ms: tuple[int, ...] = ()  # complaints opened in the period that have a response
    resolution_ms: tuple[int, ...] = ()  # complaints resolved in the period
    balances: Sequence[tuple[int, int]] = ()  # Balance pairs


def ratio(part: float, whole: float, scale: float = 1.0) -> float | None:
    """part / whole x scale, or None (no data) when whole is 0."""
    return None if whole == 0 else part * scale / whole


def percent(part: float, whole: float) -> float | None:
    return ratio(part, whole, 100.0)


# --- satisfaction ----------------------------------------------------------------------


def csat(sums: ActivitySums) -> float | None:
    return ratio(sums.csat_sum, sums.csat_count)


def nps(sums: ActivitySums) -> float | None:
    return percent(sums.promoters - sums.detractors, sums.nps_count)


def csat_distribution(sums: ActivitySums) -> tuple[Share, ...]:
    counts = (sums.csat_1, sums.csat_2, sums.csat_3, sums.csat_4, sums.csat_5)
    return tuple(Share(str(score), count) for score, count in enumerate(counts, start=1))


def nps_groups(sums: ActivitySums) -> tuple[Share, ...]:
    counts = (sums.detractors, sums.passives, sums.promoters)
    return tuple(Share(group, count) for group, count in zip(NPS_GROUPS, counts, strict=True))


def collection_rate(tallies: Iterable[ContactTally]) -> float | None:
    contacted = answered = 0
    for tally in tallies:
        if tally.contacted:
            contacted += tally.customers
            answered += tally.customers if tally.answered else 0
    return percent(answered, contacted)


# --- complaints ------------------------------------------------------------------------


def complaints_per_100(sums: ActivitySums, active_customers: int) -> float | None:
    return ratio(sums.complaints, active_customers, 100.0)


def median_hours(durations_ms: Sequence[int]) -> float | None:
    if not durations_ms:
        return None
    return statistics.median(durations_ms) / MS_PER_HOUR


def first_response_mean_hours(sums: ActivitySums) -> float | None:
    return ratio(sums.response_ms, sums.responded * MS_PER_HOUR)


def resolution_mean_hours(sums: ActivitySums) -> float | None:
    return ratio(sums.resolution_ms, sums.resolved * MS_PER_HOUR)


# --- loyalty ---------------------------------------------------------------------------


def active_customers(cohorts: Iterable[ActivityCohort], *, at_end: bool = True) -> int:
    return sum(c.customers for c in cohorts
               if (c.active_at_end if at_end else c.active_at_start))


def retention(cohorts: Iterable[ActivityCohort]) -> float | None:
    at_start = still = 0
    for cohort in cohorts:
        if cohort.active_at_start:
            at_start += cohort.customers
            still += cohort.customers if cohort.active_at_end else 0
    return percent(still, at_start)


def is_repurchase(tally: BuyerTally) -> bool:
    """Ordered before the period, or twice or more in it; one order ever is not."""
    return tally.ordered_before or tally.orders >= 2


def repurchase_rate(tallies: Iterable[BuyerTally]) -> float | None:
    buyers = repeat = 0
    for tally in tallies:
        if tally.orders > 0:
            buyers += tally.customers
            repeat += tally.customers if is_repurchase(tally) else 0
    return percent(repeat, buyers)


def referral_rate(sums: ActivitySums) -> float | None:
    return percent(sums.referred, sums.is_new)


def stage_shares(cohorts: Iterable[ActivityCohort]) -> tuple[Share, ...]:
    """The customers active at the end over the five stages, in order (an unknown stage
    is left out)."""
    counts = dict.fromkeys(STAGES, 0)
    for cohort in cohorts:
        if cohort.active_at_end and cohort.stage in counts:
            counts[cohort.stage] += cohort.customers
    return tuple(Share(stage, count) for stage, count in counts.items())


def tier_shares(cohorts: Iterable[ActivityCohort]) -> tuple[Share, ...]:
    """The customers active at the end over the three tiers, then those with none."""
    counts = dict.fromkeys(TIERS, 0)
    for cohort in cohorts:
        if cohort.active_at_end:
            tier = cohort.tier if cohort.tier in counts else "none"
            counts[tier] += cohort.customers
    return tuple(Share(tier, count) for tier, count in counts.items())


def loyalty_score(stages: Iterable[Share]) -> float | None:
    """(mean stage - 1) / 4 x 100, stage 1 = suspect ... 5 = advocate."""
    weight = {stage: rank for rank, stage in enumerate(STAGES, start=1)}
    customers = stage_sum = 0
    for share in stages:
        customers += share.count
        stage_sum += weight[share.key] * share.count
    mean = ratio(stage_sum, customers)
    return None if mean is None else (mean - 1) / 4 * 100


# --- receivables and return visits -----------------------------------------------------


def overdue_amount(balances: Iterable[tuple[int, int]]) -> int:
    """Per contract what was due less what was received (Balance pairs), never below zero,
    summed: money paid ahead on one contract does not hide what another owes."""
    return sum(max(0, due - received) for due, received in balances)


def return_visit_completion(sums: ActivitySums) -> float | None:
    return percent(sums.visits_done, sums.visits_due)


# --- one period, two periods, twelve periods -------------------------------------------


def trend_figures(
    sums: ActivitySums, contacts: Iterable[ContactTally], buyers: Iterable[BuyerTally]
) -> dict[str, float | None]:
    """The figures a trend follows, from what every period of a trend has."""
    return {
        "csat": csat(sums),
        "nps": nps(sums),
        "complaints": float(sums.complaints),
        "collection_rate": collection_rate(contacts),
        "repurchase_rate": repurchase_rate(buyers),
        "return_visit_completion": return_visit_completion(sums),
    }


def figures(facts: PeriodFacts) -> dict[str, float | None]:
    """Every KPI of one period, by key."""
    sums = facts.sums
    active = active_customers(facts.cohorts)
    return {
        **trend_figures(sums, facts.contacts, facts.buyers),
        "complaints_per_100": complaints_per_100(sums, active),
        "first_response_median_h": median_hours(facts.response_ms),
        "first_response_mean_h": first_response_mean_hours(sums),
        "resolution_median_h": median_hours(facts.resolution_ms),
        "resolution_mean_h": resolution_mean_hours(sums),
        "retention": retention(facts.cohorts),
        "referral_rate": referral_rate(sums),
        "collected": float(sums.collected_minor),
        "planned": float(sums.planned_minor),
        "overdue_amount": float(overdue_amount(facts.balances)),
        "loyalty_score": loyalty_score(stage_shares(facts.cohorts)),
        "active_customers": float(active),
    }


def kpis(
    current: Mapping[str, float | None], previous: Mapping[str, float | None]
) -> tuple[Figure, ...]:
    """Every KPI beside the same KPI of the period before, in KPI_ORDER."""
    return tuple(
        Figure(key, unit(key), current[key], previous[key], higher_is_better(key))
        for key in KPI_ORDER
    )


def trends(points: Sequence[tuple[str, Mapping[str, float | None]]]) -> tuple[Trend, ...]:
    """Each trend key over (period label, trend figures) pairs, oldest first."""
    return tuple(
        Trend(key, unit(key), tuple(TrendPoint(label, values[key]) for label, values in points))
        for key in TREND_KEYS
    )


def salesperson_row(
    user_id: str, name: str, sums: ActivitySums, cohorts: Iterable[ActivityCohort],
    buyers: Iterable[BuyerTally],
) -> SalespersonRow:
    """One owner's line of the per-salesperson table, from that owner's customers alone."""
    return SalespersonRow(
        user_id=user_id, name=name, active_customers=active_customers(cohorts),
        csat=csat(sums), nps=nps(sums), complaints=sums.complaints,
        repurchase_rate=repurchase_rate(buyers), collected_minor=sums.collected_minor,
    )


__all__ = [
    "MS_PER_HOUR", "NO_ACTIVITY", "NPS_GROUPS", "STAGES", "SUM_COLUMNS", "TIERS",
    "ActivityCohort", "ActivitySums", "Balance", "BuyerTally", "ContactTally", "PeriodFacts",
    "active_customers", "collection_rate", "complaints_per_100", "csat", "csat_distribution",
    "figures", "first_response_mean_hours", "is_repurchase", "kpis", "loyalty_score",
    "median_hours", "nps", "nps_groups", "overdue_amount", "percent", "ratio",
    "referral_rate", "repurchase_rate", "resolution_mean_hours", "retention",
    "return_visit_completion", "salesperson_row", "stage_shares", "tier_shares", "total",
    "trend_figures", "trends",
]
