"""Field checks shared by the feedback, complaint and commerce services: every refusal is a
ValidationError naming its field."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.validation import aware_moment
from desktop_crm.storage.types import as_stored

# A moment picked to the minute for "now" is not in the future yet.
FUTURE_GRACE = timedelta(minutes=1)
EARLIEST_YEAR = 1900
LATEST_DAY = date(2200, 12, 31)
CURRENCY = re.compile(r"^[A-Z]{3}$")
DEFAULT_CURRENCY = "CNY"
# Largest amount in minor units: SQLite's integer holds far more, a sum of many must fit too.
AMOUNT_MAX = 10**15


def only(data: Mapping[str, Any], allowed: Collection[str], what: str) -> None:
    unknown = set(data) - set(allowed)
    if unknown:
        raise ValidationError(sorted(unknown)[0], f"is not a {what} field")


def moment(field: str, value: Any) -> datetime:
    """An aware date and time (or its ISO text) as stored: UTC, to the millisecond."""
    when = aware_moment(field, value)
    if when.year < EARLIEST_YEAR:
        raise ValidationError(field, f"is before {EARLIEST_YEAR}")
    return as_stored(when)


def past_moment(field: str, value: Any, *, now: datetime) -> datetime:
    """A moment that has happened (a minute's grace for "now")."""
    when = moment(field, value)
    if when > now + FUTURE_GRACE:
        raise ValidationError(field, "is in the future")
    return when


def day(field: str, value: Any) -> date:
    """A calendar date (or its ISO text)."""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(field, f"“{value}” is not a date (YYYY-MM-DD)") from None
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError(field, "must be a date")
    if value.year < EARLIEST_YEAR or value > LATEST_DAY:
        raise ValidationError(field, f"must fall between {EARLIEST_YEAR} and {LATEST_DAY.year}")
    return value


def whole(field: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(field, f"must be a whole number from {low} to {high}")
    return value


def optional_whole(field: str, value: Any, low: int, high: int) -> int | None:
    return None if value is None else whole(field, value, low, high)


def amount(field: str, value: Any) -> int:
    """Money in minor units (fen, cents): a whole number above zero."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValidationError(field, "must be a whole number of minor units above zero")
    if value > AMOUNT_MAX:
        raise ValidationError(field, "is too large")
    return value


def currency(field: str, value: Any) -> str:
    code = DEFAULT_CURRENCY if value in (None, "") else value
    if not isinstance(code, str) or not CURRENCY.match(code):
        raise ValidationError(field, f"“{code}” is not a three-letter currency code")
    return code


def choice(field: str, value: Any, allowed: Collection[str]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise ValidationError(field, f"“{value}” is not one of: {', '.join(allowed)}")
    return value
