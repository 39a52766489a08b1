"""RFM scores and segments, worked out by hand in the comments."""

from __future__ import annotations

from desktop_crm.reports.definitions import RFM_SEGMENTS
from desktop_crm.reports.rfm import (
    BuyerHistory,
    RfmScore,
    quintile_scores,
    scores,
    segment,
    segments,
)


def test_quintiles_by_mid_rank_with_ties_sharing_a_score() -> None:
    # n = 5. Value 1 x3: mid-rank (0 + 3/2) / 5 = 0.3 -> 1 + int(1.5) = 2;
    # value 2: (3 + 0.5) / 5 = 0.7 -> 1 + int(3.5) = 4; value 3: (4 + 0.5) / 5 = 0.9 -> 5
    assert quintile_scores([1, 1, 1, 2, 3]) == [2, 2, 2, 4, 5]


def test_fewer_days_since_the_last_order_score_higher() -> None:
    # worst first: 11 -> (0 + .5) / 4 = .125 -> 1; 5 -> .375 -> 2; 1 -> .625 -> 4; 0 -> .875 -> 5
    assert quintile_scores([0, 1, 5, 11], higher_is_better=False) == [5, 4, 2, 1]


def test_a_lone_buyer_or_a_shared_value_sits_in_the_middle() -> None:
    assert quintile_scores([7]) == [3]
    assert quintile_scores([2, 2, 2]) == [3, 3, 3]
    assert quintile_scores([]) == []


BUYERS = [
    BuyerHistory(0, 3, 9_000),  # A
    BuyerHistory(0, 1, 500),  # B
    BuyerHistory(2, 2, 3_000),  # C
    BuyerHistory(8, 2, 4_000),  # D
    BuyerHistory(11, 1, 100),  # E
]


def test_scores_of_five_buyers() -> None:
    # recency, worst first: E 11 -> .1 -> 1; D 8 -> .3 -> 2; C 2 -> .5 -> 3;
    #   A and B 0 -> (3 + 1) / 5 = .8 -> 5
    # frequency: B, E 1 -> (0 + 1) / 5 = .2 -> 2; C, D 2 -> (2 + 1) / 5 = .6 -> 4; A 3 -> .9 -> 5
    # monetary: E .1 -> 1; B .3 -> 2; C .5 -> 3; D .7 -> 4; A .9 -> 5
    assert scores(BUYERS) == [RfmScore(5, 5, 5), RfmScore(5, 2, 2), RfmScore(3, 4, 3),
                              RfmScore(2, 4, 4), RfmScore(1, 2, 1)]


def test_segments_of_five_buyers() -> None:
    # A (5, 5, 5) champions; B (5, 2, 2) one order -> new; C (3, 4, 3) loyal;
    # D (2, 4, 4) frequent but not lately -> at risk; E (1, 2, 1) hibernating
    shares = segments(BUYERS)
    assert [s.key for s in shares] == list(RFM_SEGMENTS)
    assert {s.key: s.count for s in shares} == {
        "champions": 1, "loyal": 1, "potential": 0, "new": 1, "at_risk": 1,
        "hibernating": 1}


def test_each_buyer_takes_the_first_segment_that_fits() -> None:
    assert segment(RfmScore(3, 2, 5), orders=1) == "potential"
    assert segment(RfmScore(4, 4, 4), orders=1) == "champions"  # before "new"
    assert segment(RfmScore(4, 3, 1), orders=1) == "new"  # before "loyal"
    assert segment(RfmScore(4, 3, 1), orders=2) == "loyal"
    assert segment(RfmScore(2, 2, 5), orders=2) == "hibernating"


def test_no_buyers_no_segments() -> None:
    assert [s.count for s in segments([])] == [0] * len(RFM_SEGMENTS)
