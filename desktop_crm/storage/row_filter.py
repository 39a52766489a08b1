"""Customer list filters tested row by row: lifecycle stage, tier, tag and city.

None of these columns has an index (a new index costs tens of MiB at a million customers),
so a list walks its usual index in list order and tests each entry's row. A page of a
value one customer in ten holds reads about ten times the rows of an unfiltered page; a
rare value reads far more (the benchmark's filtered figures say how much).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Tags are stored one per line; a tag is exactly one whole line.
_TAG_LINE = "instr(char(10) || tags || char(10), ?) > 0"


@dataclass(frozen=True)
class RowFilter:
    """Exact column values a customer must hold; None means any."""

    lifecycle_stage: str | None = None
    tier: str | None = None
    tag: str | None = None
    city: str | None = None

    @property
    def empty(self) -> bool:
        return self == NO_ROW_FILTER

    def sql(self) -> tuple[str, list[Any]]:
        """` AND ...` tests for a WHERE clause on `customers`, and their parameters."""
        tests: list[str] = []
        params: list[Any] = []
        for column in ("lifecycle_stage", "tier", "city"):
            value = getattr(self, column)
            if value is not None:
                tests.append(f"{column} = ?")
                params.append(value)
        if self.tag is not None:
            if not self.tag or "\n" in self.tag:
                return " AND 0", []  # no stored tag is empty or spans lines
            tests.append(_TAG_LINE)
            params.append(f"\n{self.tag}\n")
        return "".join(f" AND {test}" for test in tests), params


NO_ROW_FILTER = RowFilter()
