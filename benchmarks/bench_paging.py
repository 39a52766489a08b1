"""The sorted customer list: the next page of 200 at any depth (<= 5 ms) and a jump (<= 50 ms).

Both sort orders a list offers are measured: by name (ascending) and by last update (newest
first). "At any depth" is a set of depths from the top to the bottom of each user's list; a
figure is the slowest depth's median, so one scheduler hiccup on a shared machine does not
decide it but a slow region of the list does.

Filtered lists are measured by name, for a common, a middling and a rare value: the count
(its first call: later ones are remembered until the data changes), the next page, the
first jump to the end and later jumps, each beside the plain SQL that walks the list testing
each row. A filter few
customers pass is served from their keys, collected by the count, so its pages and jumps
can beat that SQL. The filter bar's choices (cities and tags) are measured beside the raw
probes they sample.
"""

from __future__ import annotations

import os
import statistics
import sys
from collections.abc import Callable, Sequence
from typing import Any

import sqlcipher3

from benchmarks import raw
from benchmarks.context import Bench, BenchUser, run_standalone
from benchmarks.measure import Result, ms, timed
from desktop_crm.services.customer_filters import CustomerFilter
from desktop_crm.storage.row_filter import RowFilter
from desktop_crm.storage.types import id_tag

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
    return results + _filtered(bench, rounds) + _choices(bench)


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


# --- filtered lists -----------------------------------------------------------------------------

FILTER_DEPTHS = (0.0, 0.5, 1.0)
FILTERED_COUNT_GOAL = 1.5
FILTERED_PAGE_GOAL = 0.050
FIRST_JUMP_GOAL = 1.5
CHOICES_GOAL = 0.5
CHOICE_PROBES = 4096


def _filtered(bench: Bench, rounds: int) -> list[Result]:
    results = []
    for label, chosen in _filter_values(bench):
        tests, params = RowFilter(
            lifecycle_stage=chosen.lifecycle_stage, tier=chosen.tier, tag=chosen.tag,
            city=chosen.city).sql()
        for user in bench.users:
            where = _RawWhere(user.owner_ids, tests, params)
            customers = user.session.customers
            counted = timed(lambda c=customers, f=chosen: c.count(filters=f))
            raw_counted = timed(lambda w=where: w.count(bench.raw))
            results.append(Result(
                f"count {label}", user.name, f"first call {ms(counted)}", ms(raw_counted),
                "<= 1.5 s", counted <= FILTERED_COUNT_GOAL))
            results += _filtered_pages(bench, user, chosen, label, where, rounds)
    return results


def _filtered_pages(
    bench: Bench, user: BenchUser, chosen: CustomerFilter, label: str, where: _RawWhere,
    rounds: int,
) -> list[Result]:
    customers = user.session.customers
    matches = customers.count(filters=chosen)
    last = max(matches - PAGE, 0)
    positions = sorted({min(int(matches * share), last) for share in FILTER_DEPTHS})
    # straight to the end of a list not jumped into before: every checkpoint is made now
    first_jump = timed(lambda: customers.page_at(last, limit=PAGE, filters=chosen))
    first_jump_raw = timed(lambda: where.page(bench.raw, after=None, position=last))
    next_page, next_raw, jump, jump_raw = [], [], [], []
    for position in positions:
        after = customers.page_at(position, limit=PAGE, filters=chosen).next_after
        if after is not None:
            next_page.append(_median(rounds, lambda a=after: customers.list_page(
                after=a, limit=PAGE, filters=chosen)))
            # by name the service's key holds the sort value as stored
            next_raw.append(_median(rounds, lambda a=after: where.page(
                bench.raw, after=(a[1], id_tag(a[2]), a[3]), position=0)))
        jump.append(_median(rounds, lambda p=position: customers.page_at(
            p, limit=PAGE, filters=chosen)))
        # one round: deep in a filtered list an OFFSET reads most of the list
        jump_raw.append(timed(lambda p=position: where.page(bench.raw, after=None, position=p)))
    if not next_page:  # a list shorter than two pages: its first page stands in
        next_page = [_median(rounds, lambda: customers.list_page(limit=PAGE, filters=chosen))]
        next_raw = [_median(rounds, lambda: where.page(bench.raw, after=None, position=0))]
    return [
        Result(f"next page of {PAGE} {label}", user.name, f"worst depth {ms(max(next_page))}",
               f"worst depth {ms(max(next_raw))}", "<= 50 ms",
               max(next_page) <= FILTERED_PAGE_GOAL),
        Result(f"first jump to the end {label}", user.name, ms(first_jump),
               ms(first_jump_raw), "<= 1.5 s", first_jump <= FIRST_JUMP_GOAL),
        Result(f"jump to a position {label}", user.name, f"worst position {ms(max(jump))}",
               f"worst position {ms(max(jump_raw))}", "<= 50 ms", max(jump) <= JUMP_GOAL),
    ]


def _filter_values(bench: Bench) -> list[tuple[str, CustomerFilter]]:
    """A tier one customer in ten holds, a city one in fifty and the rarest city, as the
    demo data has them (two scans of the table)."""
    conn = bench.raw
    total = raw.visible_count(conn, None)
    tiers = dict(conn.execute(
        "SELECT tier, count(*) FROM customers WHERE deleted_at IS NULL AND tier IS NOT NULL"
        " GROUP BY tier").fetchall())
    cities = dict(conn.execute(
        "SELECT city, count(*) FROM customers WHERE deleted_at IS NULL AND city <> ''"
        " GROUP BY city").fetchall())
    tier = min(tiers, key=lambda t: abs(tiers[t] - total / 10))
    middling = min(cities, key=lambda c: abs(cities[c] - total / 50))
    rare = min(cities, key=lambda c: cities[c])

    def share(count: int) -> str:
        return f"(1 in {round(total / count):,})"

    return [
        (f"by tier {share(tiers[tier])}", CustomerFilter(tier=tier)),
        (f"by city {share(cities[middling])}", CustomerFilter(city=middling)),
        (f"by city {share(cities[rare])}", CustomerFilter(city=rare)),
    ]


class _RawWhere:
    """A filtered list by name in plain SQL: the list index walked, each row tested."""

    def __init__(self, owners: frozenset[str] | None, tests: str, params: list[Any]) -> None:
        owner_sql, owner_params = raw.list_owner_filter(owners)
        self.sql = f" WHERE deleted_at IS NULL{owner_sql}{tests}"
        self.params = [*owner_params, *params]

    def count(self, conn: sqlcipher3.Connection) -> int:
        sql = f"SELECT count(*) FROM customers{self.sql}"
        return int(conn.execute(sql, self.params).fetchone()[0])

    def page(
        self, conn: sqlcipher3.Connection, *, after: Sequence[Any] | None, position: int
    ) -> list[tuple[Any, ...]]:
        keyset, keyset_params = "", []
        if after is not None:
            keyset, keyset_params = (f" AND (sort_key, {raw.OWNER_TAG}, rowid) > (?, ?, ?)",
                                     list(after))
        sql = (f"SELECT {raw.LIST_COLUMNS}, sort_key, {raw.OWNER_TAG}, rowid FROM customers"
               f"{self.sql}{keyset} ORDER BY sort_key, {raw.OWNER_TAG}, rowid LIMIT ? OFFSET ?")
        return conn.execute(sql, [*self.params, *keyset_params, PAGE, position]).fetchall()


def _choices(bench: Bench) -> list[Result]:
    """The filter bar's cities and tags (first call), beside one pass of raw probes."""
    results = []
    for user in bench.users:
        first = timed(user.session.customers.filter_choices)
        where = _RawWhere(user.owner_ids, "", [])
        probed = timed(lambda w=where: _raw_probes(bench.raw, w))
        results.append(Result(
            "filter bar choices (cities, tags)", user.name, f"first call {ms(first)}",
            f"{CHOICE_PROBES} probes {ms(probed)}", "<= 500 ms", first <= CHOICES_GOAL))
    return results


def _raw_probes(conn: sqlcipher3.Connection, where: _RawWhere) -> list[tuple[Any, ...]]:
    top = conn.execute("SELECT max(rowid) FROM customers").fetchone()[0] or 0
    step = max(1, -(-top // CHOICE_PROBES))
    sql = (
        "WITH RECURSIVE probe(at) AS (SELECT ? UNION ALL SELECT at + ? FROM probe"
        " WHERE at + ? <= ?) SELECT city, tags FROM probe"
        f" JOIN customers ON customers.rowid = probe.at{where.sql}"
    )
    return conn.execute(sql, [step // 2 + 1, step, step, top, *where.params]).fetchall()


if __name__ == "__main__":
    sys.exit(run_standalone(run))
