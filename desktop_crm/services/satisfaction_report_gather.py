"""Gathering one report's figures: the storage queries of the period, the one before and the
trend, turned into the plain inputs of reports.metrics, and the two lists masked for the
viewer.

Runs inside the caller's read transaction. The receivables, a third of the dashboard's
time, are read meanwhile on a second read connection in a worker thread (SQLite runs the
two at once on two cores). That connection's snapshot begins as the gathering does: a
write committed in that instant shows in the receivables and not yet in the rest, until
the next refresh.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import Connection

from desktop_crm.reports import metrics, rfm
from desktop_crm.reports.metrics import (
    ActivityCohort,
    ActivitySums,
    BuyerTally,
    ContactTally,
    PeriodFacts,
)
from desktop_crm.reports.periods import Period, active_window, add_months
from desktop_crm.reports.report_model import (
    ChurnRisk,
    Detractor,
    Figure,
    SalespersonRow,
    Share,
    Trend,
)
from desktop_crm.services.actor import Actor
from desktop_crm.services.customer_views import FieldView, field_view, shown
from desktop_crm.storage import report_queries as q
from desktop_crm.storage.report_activity import CohortRow, activity_cohorts
from desktop_crm.storage.report_churn import ChurnRow, churn_risks
from desktop_crm.storage.types import from_millis

TREND_PERIODS = 12
RFM_MONTHS = 12  # RFM looks at the buyers of the year before the period's end
LIST_LENGTH = 50  # churn risks and detractors listed (the totals count them all)


class Parts(Enum):
    """What to gather: the whole report, or what the dashboard shows (no RFM, no
    per-salesperson table, no detractors; the collection and repurchase trends only for the
    period and the one before)."""

    REPORT = "report"
    DASHBOARD = "dashboard"


@dataclass(frozen=True)
class Gathered:
    kpis: tuple[Figure, ...]
    trends: tuple[Trend, ...]
    csat_distribution: tuple[Share, ...]
    nps_groups: tuple[Share, ...]
    loyalty_stages: tuple[Share, ...]
    tiers: tuple[Share, ...]
    rfm_segments: tuple[Share, ...]
    salespeople: tuple[SalespersonRow, ...]
    churn_risks: tuple[ChurnRisk, ...]
    churn_risk_total: int
    detractors: tuple[Detractor, ...]
    detractor_total: int


class _Steps:
    """Calls progress(done, total) after each step of the gathering."""

    def __init__(self, total: int, progress: Callable[[int, int], None] | None) -> None:
        self.total = total
        self.done = 0
        self.progress = progress

    def step(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


def gather(
    conn: Connection, side: Connection, actor: Actor, period: Period,
    owner_ids: frozenset[str] | None, *, active_months: int, parts: Parts,
    progress: Callable[[int, int], None] | None = None,
) -> Gathered:
    """The figures of `period`, read on `conn` and (the receivables) on `side`, a second
    read connection this call may use from another thread."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="receivables") as worker:
        return _gather(conn, side, worker, actor, period, owner_ids,
                       active_months=active_months, parts=parts, progress=progress)


def _gather(
    conn: Connection, side: Connection, worker: ThreadPoolExecutor, actor: Actor,
    period: Period, owner_ids: frozenset[str] | None, *, active_months: int, parts: Parts,
    progress: Callable[[int, int], None] | None,
) -> Gathered:
    whole = parts is Parts.REPORT
    steps = _Steps(9 if whole else 6, progress)
    before = period.previous()
    trend = period.last(TREND_PERIODS)
    rfm_from = add_months(period.end_month, -RFM_MONTHS)
    starts = q.month_starts(conn, (rfm_from, *(m for p in trend for m in (p.first_month,
                                                                           p.end_month))))
    receivables = worker.submit(
        q.balances, side, ((period.end_day, starts[period.end_month]),
                           (before.end_day, starts[period.first_month])), owner_ids)
    groups = q.report_groups(conn, owner_ids)
    group_ids = None if owner_ids is None else frozenset(groups)

    by_month = q.sums_by_month(conn, trend[0].first_month, period.last_month, group_ids)
    steps.step()
    # the customers contacted, answering and buying: every trend period for the report; the
    # dashboard counts them for the period and the one before only (its two trend lines of
    # these show those two points), since each period costs a look at every answer given
    # in it (and, for quarters, a pass over the summary)
    counted = trend if whole else (before, period)
    tallies = {t.period: t for t in q.customer_tallies(
        conn, [(p.first_month, p.last_month) for p in counted], group_ids)}
    answered = q.answered_and_contacted(conn, [q.PeriodSpan(
        p.first_month, p.last_month, starts[p.first_month], starts[p.end_month])
        for p in counted], owner_ids)
    steps.step()
    instants = (before.first_month, period.first_month, period.end_month)
    cohorts = [_Cohort(groups[row.group_id], row) for row in activity_cohorts(
        conn, [active_window(at, active_months) for at in instants], group_ids)]
    steps.step()
    durations = {p: q.complaint_durations(conn, starts[p.first_month], starts[p.end_month],
                                          owner_ids) for p in (before, period)}
    steps.step()
    balances = receivables.result()
    steps.step()

    def contacts(p: Period) -> list[ContactTally]:
        return _contacts(tallies.get(p.first_month), answered.get(p.first_month, 0))

    def buyers(p: Period) -> list[BuyerTally]:
        return _buyers(tallies.get(p.first_month))

    columns = list(zip(*balances, strict=True)) or [(), (), (), ()]
    facts = {p: PeriodFacts(
        sums=_period_sums(p, by_month), contacts=tuple(contacts(p)), buyers=tuple(buyers(p)),
        cohorts=tuple(_cohorts(cohorts, index)), response_ms=tuple(durations[p][0]),
        resolution_ms=tuple(durations[p][1]),
        # (due, received) of the period, then of the one before
        balances=tuple(zip(columns[2 * (1 - index)], columns[2 * (1 - index) + 1],
                           strict=True)),
    ) for index, p in ((0, before), (1, period))}
    sums = facts[period].sums
    trend_points = [(p.label, metrics.trend_figures(_period_sums(p, by_month), contacts(p),
                                                    buyers(p))) for p in trend]
    period_cohorts = facts[period].cohorts

    churn_total, churn_rows = churn_risks(conn, starts[period.end_month], owner_ids,
                                          group_ids, limit=LIST_LENGTH)
    steps.step()
    rfm_segments: tuple[Share, ...] = ()
    salespeople: tuple[SalespersonRow, ...] = ()
    detractor_total, detractor_rows = 0, []
    if whole:
        since, orders, amounts = q.buyer_histories(
            conn, starts[rfm_from], starts[period.end_month], owner_ids)
        rfm_segments = rfm.segment_counts(since, orders, amounts)
        steps.step()
        salespeople = _salespeople(conn, period, groups, group_ids, cohorts)
        steps.step()
        detractor_total, detractor_rows = q.detractors(
            conn, starts[period.first_month], starts[period.end_month], owner_ids,
            limit=LIST_LENGTH)
        steps.step()

    owners = {row.customer.owner_id for row in (*churn_rows, *detractor_rows)}
    names = q.user_names(conn, {o for o in owners if o is not None})
    view = field_view(actor, in_list=True, shared_only=False)
    return Gathered(
        kpis=metrics.kpis(metrics.figures(facts[period]), metrics.figures(facts[before])),
        trends=metrics.trends(trend_points),
        csat_distribution=metrics.csat_distribution(sums),
        nps_groups=metrics.nps_groups(sums),
        loyalty_stages=metrics.stage_shares(period_cohorts),
        tiers=metrics.tier_shares(period_cohorts),
        rfm_segments=rfm_segments,
        salespeople=salespeople,
        churn_risks=tuple(_churn_risk(row, view, names) for row in churn_rows),
        churn_risk_total=churn_total,
        detractors=tuple(_detractor(row, view, names) for row in detractor_rows),
        detractor_total=detractor_total,
    )


# --- the query results as metric inputs --------------------------------------------------


def _sums(values: Sequence[int]) -> ActivitySums:
    return ActivitySums(*values)


def _period_sums(period: Period, by_month: dict[int, tuple[int, ...]]) -> ActivitySums:
    return metrics.total(_sums(by_month[m]) for m in period.months if m in by_month)


def _contacts(tally: q.PeriodTally | None, answered: int) -> list[ContactTally]:
    """The contacted customers of one period, `answered` of whom answered a survey in it."""
    contacted = tally.contacted if tally is not None else 0
    return [ContactTally(True, True, answered), ContactTally(True, False, contacted - answered)]


def _buyers(tally: q.PeriodTally | None) -> list[BuyerTally]:
    if tally is None:
        return []
    return [BuyerTally(1, False, tally.once_first), BuyerTally(1, True, tally.once_again),
            BuyerTally(2, False, tally.twice)]


@dataclass(frozen=True)
class _Cohort:
    """A cohort row with its group's owner, stage and tier."""

    group: q.ReportGroup
    row: CohortRow


def _cohorts(cohorts: Iterable[_Cohort], index: int) -> list[ActivityCohort]:
    """The cohorts of one period: active in window `index` (before its start) and in
    window `index + 1` (before its end), of the windows before the start of the period
    before, the start and the end."""
    tallies = []
    for c in cohorts:
        at_start, at_end = c.row.active[index], c.row.active[index + 1]
        both = c.row.still_active[index]
        stage, tier = c.group.stage, c.group.tier
        tallies += [ActivityCohort(True, True, stage, tier, both),
                    ActivityCohort(True, False, stage, tier, at_start - both),
                    ActivityCohort(False, True, stage, tier, at_end - both)]
    return tallies


def _salespeople(conn: Connection, period: Period, groups: dict[int, q.ReportGroup],
                 group_ids: frozenset[int] | None,
                 cohorts: Sequence[_Cohort]) -> tuple[SalespersonRow, ...]:
    """One row per owner (a user) with customers in the period or active at its end."""
    by_group = q.sums_by_group(conn, period.first_month, period.last_month, group_ids)
    buyers = {t.group_id: t for t in q.customer_tallies(
        conn, [(period.first_month, period.last_month)], group_ids, by_group=True)}
    owned: dict[str, set[int]] = defaultdict(set)
    for group_id, group in groups.items():
        if group.owner_id is not None:
            owned[group.owner_id].add(group_id)
    active = {c.row.group_id for c in cohorts if c.row.active[2]}
    owners = [o for o, ids in owned.items() if ids & (set(by_group) | active)]
    names = q.user_names(conn, owners)
    rows = []
    for owner in owners:
        if owner not in names:
            continue  # not a user: no line of their own
        ids = owned[owner]
        rows.append(metrics.salesperson_row(
            owner, names[owner],
            metrics.total(_sums(by_group[g]) for g in ids if g in by_group),
            _cohorts([c for c in cohorts if c.row.group_id in ids], 1),
            [b for g in ids for b in _buyers(buyers.get(g))]))
    return tuple(sorted(rows, key=lambda row: (row.name, row.user_id)))


# --- the lists, masked -------------------------------------------------------------------


def _name_and_phone(customer: q.ListedCustomer, view: FieldView) -> tuple[str, str]:
    name = shown(view, "name", customer.name) or ""
    phones = shown(view, "phones", tuple(customer.phones.split("\n")) if customer.phones
                   else ())
    return name, phones[0] if phones else ""


def _churn_risk(row: ChurnRow, view: FieldView, names: dict[str, str]) -> ChurnRisk:
    name, phone = _name_and_phone(row.customer, view)
    owner = row.customer.owner_id
    return ChurnRisk(customer_id=row.customer.customer_id, name=name, phone=phone,
                     owner_name=names.get(owner, "") if owner else "", reason=row.reason,
                     since=from_millis(row.since))


def _detractor(row: q.DetractorRow, view: FieldView, names: dict[str, str]) -> Detractor:
    name, phone = _name_and_phone(row.customer, view)
    owner = row.customer.owner_id
    return Detractor(customer_id=row.customer.customer_id, name=name, phone=phone,
                     owner_name=names.get(owner, "") if owner else "", nps=row.nps,
                     csat=row.csat, comment=row.comment,
                     responded_at=from_millis(row.responded_at))


__all__ = ["LIST_LENGTH", "RFM_MONTHS", "TREND_PERIODS", "Gathered", "Parts", "gather"]
