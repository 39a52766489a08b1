"""The sorted customer list: the next page of 200 at any depth (<= 5 ms) and a jump (<= 50 ms).

Both sort orders a list offers are measured: by name (ascending) and by last update (newest
first). "At any depth" is a set of depths from the top to the bottom of each user's list; a
figure is the slowest depth's median, so one scheduler hiccup on a shared machine does not
decide it but a slow region of the list does.
"""

from __future__ import annotations

import os
import statistics
import sys
from collections.abc import Callable
from typing import Any

from benchmarks import raw
from benchmarks.context import Bench, BenchUser, run_standalone
from benchmarks.measure import Result, ms, timed

PAGE = 200
ROUNDS_SWITCH = "BENCH_PAGING_ROUNDS"
DEFAULT_ROUNDS = 5
DEPTHS = (0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0)  # share of the list, 1.0 = the last page
NEXT_PAGE_GOAL = 0.005
JUMP_GOAL = 0.050
ORDERS = (("name", False, "by name"), ("updated", True, "by last update"))


def run(bench: Bench) -> list[Result]:
    rounds = int(os.environ.get(ROUNDS_SWITCH, DEFAULT_ROUNDS))
    results = []
    for order, descending, label in ORDERS:
        for user in bench.users:
            positions = _positions(user.visible)
            next_page, next_raw, jump, jump_raw = _measure(
                bench, user, order, descending, positions, rounds)
            results.append(Result(
                f"next page of {PAGE} {label}", user.name,
                f"worst depth {ms(next_page)}", f"worst depth {ms(next_raw)}",
                "<= 5 ms", next_page <= NEXT_PAGE_GOAL))
            results.append(Result(
                f"jump to a position {label}", user.name,
                f"worst position {ms(jump)}", f"worst position {ms(jump_raw)}",
                "<= 50 ms", jump <= JUMP_GOAL))
    return results


def _positions(visible: int) -> list[int]:
    last = max(visible - PAGE, 0)
    return sorted({min(int(visible * share), last) for share in DEPTHS})


def _measure(
    bench: Bench, user: BenchUser, order: Any, descending: bool, positions: list[int],
    rounds: int,
) -> tuple[float, float, float, float]:
    customers = user.session.customers
    next_page, next_raw, jump, jump_raw = [], [], [], []
    for position in positions:
        # where the page at this depth ends: the service's own key, and the raw one
        start = customers.page_at(position, order=order, limit=PAGE, descending=descending)
        after = start.next_after
        raw_after = raw.sort_key_at(bench.raw, order=order, descending=descending,
                                    position=position + PAGE - 1, owners=user.owner_ids)
        if after is not None:
            next_page.append(_median(rounds, lambda a=after: customers.list_page(
                order=order, after=a, limit=PAGE, descending=descending)))
        if raw_after is not None:
            next_raw.append(_median(rounds, lambda a=raw_after: raw.page_after(
                bench.raw, order=order, descending=descending, after=a,
                owners=user.owner_ids, limit=PAGE)))
        jump.append(_median(rounds, lambda p=position: customers.page_at(
            p, order=order, limit=PAGE, descending=descending)))
        jump_raw.append(_median(rounds, lambda p=position: raw.page_at(
            bench.raw, order=order, descending=descending, position=p,
            owners=user.owner_ids, limit=PAGE)))
    # a list shorter than two pages has no next page: its first page stands in
    if not next_page:
        next_page = [_median(rounds, lambda: customers.list_page(
            order=order, limit=PAGE, descending=descending))]
    if not next_raw:
        next_raw = [_median(rounds, lambda: raw.page_after(
            bench.raw, order=order, descending=descending, after=None,
            owners=user.owner_ids, limit=PAGE))]
    return max(next_page), max(next_raw), max(jump), max(jump_raw)


def _median(rounds: int, call: Callable[[], Any]) -> float:
    return statistics.median(timed(call) for _ in range(rounds))


if __name__ == "__main__":
    sys.exit(run_standalone(run))
