"""The one table `make bench` prints."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from benchmarks.measure import Result

HEADER = ("figure", "user", "measured", "raw-SQL lower bound", "goal", "")


def render_table(results: Sequence[Result]) -> str:
    rows = [HEADER] + [
        (r.figure, r.user, r.measured, r.lower_bound, r.goal, "PASS" if r.passed else "MISS")
        for r in results
    ]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(HEADER))]
    lines = ["  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip()
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _width(text: str) -> int:
    """Columns a terminal gives the text: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def print_table(results: Sequence[Result], *, customers: int) -> None:
    misses = sum(not r.passed for r in results)
    print(f"\nDesktop CRM benchmarks: demo vault of {customers:,} customers\n")
    print(render_table(results))
    verdict = f"{misses} MISS" if misses else "all PASS"
    print(f"\n{len(results)} figures, {verdict}")
