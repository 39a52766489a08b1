"""RFM segments of the buyers of the 12 months before a period's end.

Each buyer is scored 1-5 on recency, frequency and monetary value by the quintile of their
mid-rank among all the buyers scored together: equal values share a score, and a lone buyer
(or a value everyone shares) sits in the middle, 3. Recency counts whole days from the last
order to the period's end, fewer is better.
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

    days_since_last: int  # whole days from the last order to the period's end
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
    recency = quintile_scores([b.days_since_last for b in buyers], higher_is_better=False)
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
    return segment_counts([b.days_since_last for b in listed], [b.orders for b in listed],
                          [b.amount_minor for b in listed])


def segment_counts(days_since_last: Sequence[int], orders: Sequence[int],
                   amounts: Sequence[int]) -> tuple[Share, ...]:
    """`segments` over the buyers' values column by column: a year of buyers of a large
    vault is a few hundred thousand, so no object per buyer."""
    recency = quintile_scores(days_since_last, higher_is_better=False)
    frequency = quintile_scores(orders)
    monetary = quintile_scores(amounts)
    single = [count == 1 for count in orders]
    alike = Counter(zip(recency, frequency, monetary, single, strict=True))
    counts: Counter[str] = Counter()
    for (r, f, m, one), buyers in alike.items():
        counts[segment(RfmScore(r, f, m), 1 if one else 2)] += buyers
    return tuple(Share(name, counts[name]) for name in RFM_SEGMENTS)


__all__ = [
    "BuyerHistory", "RfmScore", "quintile_scores", "scores", "segment", "segment_counts",
    "segments",
]
