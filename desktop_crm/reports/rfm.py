"""RFM segments of the buyers of the 12 months before a period's end.

Each buyer is scored 1-5 on recency, frequency and monetary value by the quintile of their
mid-rank among all the buyers scored together: equal values share a score, and a lone buyer
(or a value everyone shares) sits in the middle, 3. Recency counts whole months from the
last order's month to the period's last month (the monthly summary's grain), fewer is better.
Each buyer then takes the first segment that fits (reports.definitions, "rfm").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from desktop_crm.reports.definitions import RFM_SEGMENTS
from desktop_crm.reports.report_model import Share


class BuyerHistory(NamedTuple):
    """One buyer's orders in the 12 months before the end of the period."""

    months_since_last: int  # 0: the last order was in the period's last month
    orders: int
    amount_minor: int


class RfmScore(NamedTuple):
    recency: int
    frequency: int
    monetary: int


def quintile_scores(values: Sequence[int], *, higher_is_better: bool = True) -> list[int]:
    """1-5 per value, by the quintile its mid-rank falls in (ties share a score)."""
    if not values:
        return []
    counts = Counter(values)
    ordered = sorted(counts, reverse=not higher_is_better)  # worst first
    n = len(values)
    score_of: dict[int, int] = {}
    below = 0
    for value in ordered:
        equal = counts[value]
        mid_rank = (below + equal / 2) / n  # the share of buyers worse, ties halved
        score_of[value] = min(5, 1 + int(5 * mid_rank))
        below += equal
    return [score_of[value] for value in values]


def scores(buyers: Sequence[BuyerHistory]) -> list[RfmScore]:
    recency = quintile_scores([b.months_since_last for b in buyers], higher_is_better=False)
    frequency = quintile_scores([b.orders for b in buyers])
    monetary = quintile_scores([b.amount_minor for b in buyers])
    return [RfmScore(*triple) for triple in zip(recency, frequency, monetary, strict=True)]


def segment(score: RfmScore, orders: int) -> str:
    """The first segment that fits this buyer."""
    r, f, m = score
    if r >= 4 and f >= 4 and m >= 4:
        return "champions"
    if r >= 4 and orders == 1:
        return "new"
    if r >= 3 and f >= 3:
        return "loyal"
    if r >= 3:
        return "potential"
    if f >= 3:
        return "at_risk"
    return "hibernating"


def segments(buyers: Iterable[BuyerHistory]) -> tuple[Share, ...]:
    """How many buyers fall in each segment, in RFM_SEGMENTS order."""
    listed = list(buyers)
    counts = Counter(segment(score, buyer.orders)
                     for score, buyer in zip(scores(listed), listed, strict=True))
    return tuple(Share(name, counts[name]) for name in RFM_SEGMENTS)


__all__ = ["BuyerHistory", "RfmScore", "quintile_scores", "scores", "segment", "segments"]
