"""How a report figure reads as text, written once so the PDF, the dashboard and the CLI print
the same number for the same value.

Each unit keeps a fixed number of decimals; a value that rounds to zero change is "flat", not a
tiny arrow. "No data" is a word, never 0.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from desktop_crm.domain.errors import ValidationError
from desktop_crm.reports.report_model import Figure, Unit

LANGUAGES = ("en", "zh")

# the dashboard shows the same decimals (ui/reports/figure_text.py)
_DECIMALS: dict[Unit, int] = {
    Unit.SCORE_5: 1,
    Unit.NPS: 0,  # NPS is told in whole points, signed: +35, -12
    Unit.PERCENT: 1,
    Unit.COUNT: 0,
    Unit.RATE: 1,
    Unit.HOURS: 1,
    Unit.MONEY: 2,  # of the major unit: 12345 minor units read 123.45
    Unit.SCORE_100: 1,
}

_NO_DATA = {"en": "No data", "zh": "无数据"}

# written after the number; hours and rates say their unit in the figure's title
_UNIT_SUFFIX: dict[Unit, str] = {Unit.SCORE_5: " / 5", Unit.PERCENT: "%",
                                 Unit.SCORE_100: " / 100"}

# a change of a percentage is in points, not percent of itself
_CHANGE_SUFFIX: dict[str, dict[Unit, str]] = {
    "en": {Unit.PERCENT: " pts"},
    "zh": {Unit.PERCENT: " 个百分点"},
}


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"
    FLAT = "flat"


class Verdict(StrEnum):
    GOOD = "good"
    BAD = "bad"
    NEUTRAL = "neutral"


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValidationError("language", f"must be one of {', '.join(LANGUAGES)}")
    return language


def no_data(language: str) -> str:
    return _NO_DATA[check_language(language)]


def number(unit: Unit, value: float) -> str:
    """The bare number: grouped thousands, the unit's decimals (halves rounded away from zero,
    as people round: 5.25 h reads 5.3), money in major units."""
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if unit is Unit.MONEY:
        exact = exact / 100
    rounded = exact.quantize(Decimal(1).scaleb(-_DECIMALS[unit]), rounding=ROUND_HALF_UP)
    return _without_negative_zero(f"{rounded:,}")


def format_number(unit: Unit, value: float | None, language: str) -> str:
    """The number as a table cell or a chart label shows it: "4.3", "87.5%", "+35";
    "No data"."""
    if value is None:
        return no_data(language)
    check_language(language)
    return _signed_nps(unit, number(unit, value)) + ("%" if unit is Unit.PERCENT else "")


def format_value(unit: Unit, value: float | None, language: str) -> str:
    """"4.3 / 5", "87.5%", "1,234.56", "+35"; "No data" / "无数据" for None."""
    if value is None:
        return no_data(language)
    check_language(language)
    return shown_number(unit, value) + _UNIT_SUFFIX.get(unit, "")


def shown_number(unit: Unit, value: float) -> str:
    """The number without its unit words, as a tile sets it large: "4.3", "+35"."""
    return _signed_nps(unit, number(unit, value))


def unit_suffix(unit: Unit) -> str:
    """What format_value writes after the number ("%", " / 5"), so a view can set it smaller."""
    return _UNIT_SUFFIX.get(unit, "")


def format_change(unit: Unit, change: float | None, language: str) -> str:
    """"+0.12", "-2.5 pts", "0.0" for a change that rounds to nothing; "" for None."""
    check_language(language)
    if change is None:
        return ""
    text = number(unit, change)
    if _is_zero(text):
        text = text.lstrip("-")
    elif not text.startswith("-"):
        text = "+" + text
    return text + _CHANGE_SUFFIX[language].get(unit, "")


def direction(figure: Figure) -> Direction | None:
    """Which way the figure moved, judged at the precision it is printed; None without data."""
    change = figure.change
    if change is None:
        return None
    if _is_zero(number(figure.unit, change)):
        return Direction.FLAT
    return Direction.UP if change > 0 else Direction.DOWN


def verdict(figure: Figure) -> Verdict:
    """Whether the move is good news, given which way is better for this figure."""
    moved = direction(figure)
    if moved is None or moved is Direction.FLAT:
        return Verdict.NEUTRAL
    return Verdict.GOOD if (moved is Direction.UP) == figure.higher_is_better else Verdict.BAD


def _signed_nps(unit: Unit, text: str) -> str:
    """A positive NPS carries its sign: the scale runs from -100 to +100."""
    return "+" + text if unit is Unit.NPS and not _is_zero(text) and text[0] != "-" else text


def _is_zero(text: str) -> bool:
    return not any(ch in "123456789" for ch in text)


def _without_negative_zero(text: str) -> str:
    return text.lstrip("-") if text.startswith("-") and _is_zero(text) else text
