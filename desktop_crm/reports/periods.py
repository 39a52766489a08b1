"""Report periods: calendar months and quarters, named "2026-10" and "2026-Q4".

A period is a run of whole months, so every query over the monthly summary reads it as a
range of yyyymm numbers (202610); the instants where months begin in the company time zone
live in the summary's month table, not here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desktop_crm.domain.errors import ValidationError

FIRST_YEAR, LAST_YEAR = 2000, 2099  # within the months the vault's month table covers
# A report compares its period with the one before, so the first year is for that alone.
REPORT_FIRST_YEAR = FIRST_YEAR + 1
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_QUARTER = re.compile(r"(\d{4})-[Qq]([1-4])")


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"


def month_number(year: int, month: int) -> int:
    """yyyymm: 2026, 10 -> 202610."""
    return year * 100 + month


def add_months(yyyymm: int, count: int) -> int:
    """The month `count` months after (or before, when negative) yyyymm."""
    index = (yyyymm // 100) * 12 + (yyyymm % 100 - 1) + count
    return month_number(index // 12, index % 12 + 1)


def months_from(first: int, last: int) -> tuple[int, ...]:
    """Every yyyymm from first to last, both included."""
    months = []
    month = first
    while month <= last:
        months.append(month)
        month = add_months(month, 1)
    return tuple(months)


def active_window(instant_month: int, active_months: int) -> tuple[int, int]:
    """The first and last month whose activity makes a customer active at the instant
    `instant_month` begins: the `active_months` whole months before it."""
    return add_months(instant_month, -active_months), add_months(instant_month, -1)


@dataclass(frozen=True, order=True)
class Period:
    """A calendar month (number 1-12) or quarter (number 1-4) of a year."""

    year: int
    kind: PeriodKind
    number: int

    def __post_init__(self) -> None:
        if not FIRST_YEAR <= self.year <= LAST_YEAR:
            raise ValidationError("period", f"the year must be {FIRST_YEAR} to {LAST_YEAR}")
        highest = 12 if self.kind is PeriodKind.MONTH else 4
        if not 1 <= self.number <= highest:
            what = "month" if self.kind is PeriodKind.MONTH else "quarter"
            raise ValidationError("period", f"the {what} must be 1 to {highest}")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(year, PeriodKind.MONTH, month)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        return cls(year, PeriodKind.QUARTER, quarter)

    @classmethod
    def parse(cls, text: str) -> Period:
        """A report's period: "2026-10" (a month) or "2026-Q4" (a quarter)."""
        cleaned = text.strip()
        if found := _QUARTER.fullmatch(cleaned):
            kind, year, number = PeriodKind.QUARTER, int(found[1]), int(found[2])
        elif found := _MONTH.fullmatch(cleaned):
            kind, year, number = PeriodKind.MONTH, int(found[1]), int(found[2])
        else:
            raise ValidationError(
                "period", f"{text!r} is not a month like 2026-10 or a quarter like 2026-Q4")
        if year < REPORT_FIRST_YEAR:
            raise ValidationError(
                "period", f"the year must be {REPORT_FIRST_YEAR} to {LAST_YEAR}")
        return cls(year, kind, number)

    @classmethod
    def containing(cls, day: date, kind: PeriodKind) -> Period:
        """The month or quarter a calendar day falls in."""
        if kind is PeriodKind.MONTH:
            return cls.month(day.year, day.month)
        return cls.quarter(day.year, (day.month - 1) // 3 + 1)

    @property
    def label(self) -> str:
        if self.kind is PeriodKind.MONTH:
            return f"{self.year:04d}-{self.number:02d}"
        return f"{self.year:04d}-Q{self.number}"

    def __str__(self) -> str:
        return self.label

    @property
    def length(self) -> int:
        """How many months the period covers."""
        return 1 if self.kind is PeriodKind.MONTH else 3

    @property
    def first_month(self) -> int:
        first = self.number if self.kind is PeriodKind.MONTH else (self.number - 1) * 3 + 1
        return month_number(self.year, first)

    @property
    def last_month(self) -> int:
        return add_months(self.first_month, self.length - 1)

    @property
    def end_month(self) -> int:
        """The month after the period: the period ends at the instant it begins."""
        return add_months(self.first_month, self.length)

    @property
    def months(self) -> tuple[int, ...]:
        return months_from(self.first_month, self.last_month)

    @property
    def first_day(self) -> date:
        return date(self.year, self.first_month % 100, 1)

    @property
    def end_day(self) -> date:
        """The first day after the period."""
        end = self.end_month
        return date(end // 100, end % 100, 1)

    def shifted(self, count: int) -> Period:
        """The period `count` periods later (earlier when negative), of the same kind."""
        month = add_months(self.first_month, count * self.length)
        day = date(month // 100, month % 100, 1)
        return Period.containing(day, self.kind)

    def previous(self) -> Period:
        return self.shifted(-1)

    def last(self, count: int) -> tuple[Period, ...]:
        """The `count` periods ending with this one, oldest first (earlier than the first
        year the vault covers are left out)."""
        periods = []
        for back in range(count - 1, -1, -1):
            try:
                periods.append(self.shifted(-back))
            except ValidationError:
                continue
        return tuple(periods)


__all__ = [
    "FIRST_YEAR", "LAST_YEAR", "REPORT_FIRST_YEAR", "Period", "PeriodKind", "active_window",
    "add_months", "month_number", "months_from",
]
