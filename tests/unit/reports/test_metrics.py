"""The figures of one period, against values worked out by hand in the comments."""

from __future__ import annotations

import pytest

from desktop_crm.reports import definitions
from desktop_crm.reports.metrics import (
    ActivityCohort,
    ActivitySums,
    Balance,
    BuyerTally,
    ContactTally,
    PeriodFacts,
    active_customers,
    collection_rate,
    complaints_per_100,
    csat,
    csat_distribution,
    figures,
    first_response_mean_hours,
    kpis,
    loyalty_score,
    median_hours,
    nps,
    nps_groups,
    overdue_amount,
    referral_rate,
    repurchase_rate,
    resolution_mean_hours,
    retention,
    return_visit_completion,
    salesperson_row,
    stage_shares,
    tier_shares,
    total,
    trends,
)
from desktop_crm.reports.report_model import Share, Unit

HOUR = 3_600_000


def test_a_period_without_answers_has_no_csat_and_no_nps() -> None:
    quiet = ActivitySums(contacts=4, orders=1)
    assert csat(quiet) is None
    assert nps(quiet) is None
    assert [s.count for s in csat_distribution(quiet)] == [0, 0, 0, 0, 0]


def test_csat_is_the_mean_answer_with_its_distribution() -> None:
    # answers 5, 4, 4, 2: sum 15 over 4 = 3.75
    sums = ActivitySums(csat_count=4, csat_sum=15, csat_2=1, csat_4=2, csat_5=1)
    assert csat(sums) == 3.75
    assert csat_distribution(sums) == (Share("1", 0), Share("2", 1), Share("3", 0),
                                       Share("4", 2), Share("5", 1))


def test_nps_is_promoters_less_detractors_in_percent() -> None:
    # 10 answers: 5 promoters, 3 passives, 2 detractors -> 50 % - 20 % = 30
    sums = ActivitySums(nps_count=10, promoters=5, passives=3, detractors=2)
    assert nps(sums) == pytest.approx(30.0)
    assert [(s.key, s.count) for s in nps_groups(sums)] == [
        ("detractor", 2), ("passive", 3), ("promoter", 5)]


def test_nps_of_all_passives_is_zero_and_its_bounds_are_reached() -> None:
    assert nps(ActivitySums(nps_count=3, passives=3)) == 0.0
    assert nps(ActivitySums(nps_count=2, promoters=2)) == 100.0
    assert nps(ActivitySums(nps_count=2, detractors=2)) == -100.0


def test_collection_rate_counts_contacted_customers_who_answered() -> None:
    # contacted: A (answered), B, C, D (answered); E answered without a contact: not counted.
    # 2 of 4 contacted answered = 50 %
    tallies = [ContactTally(True, True), ContactTally(True, False, customers=2),
               ContactTally(True, True), ContactTally(False, True)]
    assert collection_rate(tallies) == 50.0
    assert collection_rate([ContactTally(False, True)]) is None  # nobody contacted


def test_complaints_per_100_active_customers() -> None:
    # 3 complaints, 40 active customers: 3 / 40 x 100 = 7.5
    assert complaints_per_100(ActivitySums(complaints=3), 40) == 7.5
    assert complaints_per_100(ActivitySums(complaints=3), 0) is None


def test_median_of_an_even_count_is_the_mean_of_the_middle_two() -> None:
    # 1 h, 2 h, 4 h, 10 h: the middle two 2 h and 4 h -> 3 h
    assert median_hours([10 * HOUR, 1 * HOUR, 4 * HOUR, 2 * HOUR]) == 3.0
    assert median_hours([5 * HOUR, 1 * HOUR, 2 * HOUR]) == 2.0
    assert median_hours([]) is None


def test_mean_response_and_resolution_hours_come_from_the_sums() -> None:
    # 2 responses taking 1 h and 4 h: 5 h / 2 = 2.5 h; 1 resolution of 30 h
    sums = ActivitySums(responded=2, response_ms=5 * HOUR, resolved=1, resolution_ms=30 * HOUR)
    assert first_response_mean_hours(sums) == 2.5
    assert resolution_mean_hours(sums) == 30.0
    assert first_response_mean_hours(ActivitySums()) is None


def test_retention_with_a_customer_that_lapsed() -> None:
    # active at the start: A (still at the end), B (lapsed), C (still); D became active
    # during the period and does not count. Retained 2 of 3 = 66.67 %
    cohorts = [
        ActivityCohort(True, True, "repeat_buyer", None),
        ActivityCohort(True, False, "prospect", None),
        ActivityCohort(True, True, "advocate", "high_value"),
        ActivityCohort(False, True, "suspect", None),
    ]
    assert retention(cohorts) == pytest.approx(200 / 3)
    assert active_customers(cohorts) == 3  # A, C, D at the end
    assert active_customers(cohorts, at_end=False) == 3  # A, B, C at the start
    assert retention([ActivityCohort(False, True, "suspect", None)]) is None


def test_one_order_is_not_a_repurchase_but_two_in_the_period_are() -> None:
    # A: one order, never before -> no. B: two orders in the period -> yes.
    # C: one order, ordered last year -> yes. 2 of 3 = 66.67 %
    assert repurchase_rate([BuyerTally(1, False)]) == 0.0
    assert repurchase_rate([BuyerTally(2, False)]) == 100.0
    tallies = [BuyerTally(1, False), BuyerTally(2, False), BuyerTally(1, True)]
    assert repurchase_rate(tallies) == pytest.approx(200 / 3)
    assert repurchase_rate([]) is None


def test_referral_rate_of_new_customers() -> None:
    # 8 customers created, 2 referred: 25 %
    assert referral_rate(ActivitySums(is_new=8, referred=2)) == 25.0
    assert referral_rate(ActivitySums()) is None


def test_overdue_is_never_below_zero_per_contract() -> None:
    # contract A owes 1000 and got 400 -> 600; B got 500 ahead of a 300 instalment -> 0,
    # not -200; C got exactly its due -> 0. Total 600 (B's prepayment does not hide A's debt)
    balances = [Balance(1000, 400), Balance(300, 500), Balance(700, 700)]
    assert overdue_amount(balances) == 600
    assert overdue_amount([]) == 0


def test_return_visit_completion() -> None:
    # 4 due, 3 done: 75 %
    assert return_visit_completion(ActivitySums(visits_due=4, visits_done=3)) == 75.0
    assert return_visit_completion(ActivitySums()) is None


def test_loyalty_stages_tiers_and_score() -> None:
    # active at the end: suspect, prospect x2, advocate; the lapsed repeat buyer is left out
    cohorts = [
        ActivityCohort(True, True, "suspect", None),
        ActivityCohort(False, True, "prospect", "potential", customers=2),
        ActivityCohort(True, True, "advocate", "high_value"),
        ActivityCohort(True, False, "repeat_buyer", "dormant"),
    ]
    stages = stage_shares(cohorts)
    assert [(s.key, s.count) for s in stages] == [
        ("suspect", 1), ("prospect", 2), ("first_time_buyer", 0), ("repeat_buyer", 0),
        ("advocate", 1)]
    assert [(s.key, s.count) for s in tier_shares(cohorts)] == [
        ("high_value", 1), ("potential", 2), ("dormant", 0), ("none", 1)]
    # mean stage (1 + 2 + 2 + 5) / 4 = 2.5 -> (2.5 - 1) / 4 x 100 = 37.5
    assert loyalty_score(stages) == 37.5


def test_loyalty_score_bounds() -> None:
    suspects = stage_shares([ActivityCohort(True, True, "suspect", None, customers=9)])
    advocates = stage_shares([ActivityCohort(True, True, "advocate", None, customers=9)])
    assert loyalty_score(suspects) == 0.0
    assert loyalty_score(advocates) == 100.0
    assert loyalty_score(stage_shares([])) is None


def test_sums_add_field_by_field() -> None:
    both = total([ActivitySums(contacts=2, csat_5=1), ActivitySums(contacts=3, orders=1)])
    assert (both.contacts, both.orders, both.csat_5) == (5, 1, 1)


def test_every_kpi_of_a_period_with_its_previous_value() -> None:
    current = PeriodFacts(
        sums=ActivitySums(csat_count=2, csat_sum=9, complaints=2, responded=2,
                          response_ms=6 * HOUR, collected_minor=5_000, planned_minor=8_000,
                          visits_due=2, visits_done=1),
        contacts=(ContactTally(True, True), ContactTally(True, False)),
        buyers=(BuyerTally(1, True),),
        cohorts=(ActivityCohort(True, True, "repeat_buyer", None, customers=4),),
        response_ms=(2 * HOUR, 4 * HOUR),
        balances=(Balance(8_000, 5_000),),
    )
    now, before = figures(current), figures(PeriodFacts())
    figures_by_key = {f.key: f for f in kpis(now, before)}
    assert tuple(figures_by_key) == definitions.KPI_ORDER
    assert figures_by_key["csat"].value == 4.5  # 9 / 2
    assert figures_by_key["csat"].previous is None  # no answers before: no data
    assert figures_by_key["complaints_per_100"].value == 50.0  # 2 per 4 active
    assert figures_by_key["first_response_median_h"].value == 3.0
    assert figures_by_key["first_response_mean_h"].value == 3.0
    assert figures_by_key["overdue_amount"].value == 3_000
    assert figures_by_key["overdue_amount"].higher_is_better is False
    assert figures_by_key["collection_rate"].value == 50.0
    assert figures_by_key["repurchase_rate"].value == 100.0
    assert figures_by_key["retention"].value == 100.0
    assert figures_by_key["loyalty_score"].value == 75.0  # stage 4: (4 - 1) / 4
    assert figures_by_key["complaints"].change == 2.0  # 2 against 0
    assert figures_by_key["nps"].unit is Unit.NPS


def test_trends_follow_each_trend_key_oldest_first() -> None:
    points = [("2026-09", {key: None for key in definitions.TREND_KEYS}),
              ("2026-10", {key: 1.0 for key in definitions.TREND_KEYS})]
    made = trends(points)
    assert [t.key for t in made] == list(definitions.TREND_KEYS)
    assert [(p.period, p.value) for p in made[0].points] == [("2026-09", None), ("2026-10", 1.0)]


def test_a_salesperson_row_from_their_customers() -> None:
    row = salesperson_row(
        "u1", "张伟", ActivitySums(nps_count=4, promoters=3, detractors=1, complaints=1,
                                   collected_minor=900),
        [ActivityCohort(True, True, "prospect", None, customers=7)],
        [BuyerTally(1, False), BuyerTally(3, False)])
    # NPS (3 - 1) / 4 = 50; repurchase 1 of 2 = 50 %
    assert (row.active_customers, row.csat, row.nps, row.repurchase_rate) == (7, None, 50.0, 50.0)
    assert (row.complaints, row.collected_minor) == (1, 900)
