"""`make bench`: build or reuse the demo vault, run every figure, print one table.

Exits 1 when any figure misses its goal. `python -m benchmarks.run search paging` runs only
the figures named; BENCH_CUSTOMERS sets the vault size (default one million).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence

from benchmarks import (
    bench_calendar,
    bench_gui,
    bench_paging,
    bench_report,
    bench_rss,
    bench_save,
    bench_search,
    bench_size,
    bench_unlock,
)
from benchmarks.context import Bench, opened_bench
from benchmarks.demo_vault import ensure_demo_vault
from benchmarks.measure import Result
from benchmarks.settings import customer_count, use_production_kdf
from benchmarks.table import print_table

# Size first, before the save figure adds its customers; the CLI's memory last, on its own.
FIGURES: dict[str, Callable[[Bench], list[Result]]] = {
    "size": bench_size.run,
    "unlock": bench_unlock.run,
    "search": bench_search.run,
    "paging": bench_paging.run,
    "save": bench_save.run,
    "rss": bench_rss.run,
    "gui": bench_gui.run,
    "calendar": bench_calendar.run,  # its own vault of 50,000 reminders, not the demo's
    "report": bench_report.run,
}


def main(argv: Sequence[str]) -> int:
    chosen = list(argv) or list(FIGURES)
    unknown = [name for name in chosen if name not in FIGURES]
    if unknown:
        print(f"unknown figure {unknown[0]!r}; choose from {', '.join(FIGURES)}",
              file=sys.stderr)
        return 2
    use_production_kdf()
    customers = customer_count()
    vault_dir = ensure_demo_vault(customers)
    results: list[Result] = []
    with opened_bench(vault_dir, customers) as bench:
        for name in chosen:
            started = time.perf_counter()
            print(f"running {name} ...", file=sys.stderr, flush=True)
            results += FIGURES[name](bench)
            print(f"  {name} took {time.perf_counter() - started:.0f} s", file=sys.stderr,
                  flush=True)
    print_table(results, customers=customers)
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
