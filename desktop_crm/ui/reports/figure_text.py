"""A report figure in words for the GUI: its value by unit, "No data" for a missing one,
and the change against the previous period as an arrow, a signed amount and a verdict
(good or bad by the figure's direction), so no view says it with colour alone.

Numbers follow the interface's locale (QLocale's default, which the language choice sets):
thousands separators and the decimal mark. Money is held in minor units (fen).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtGui import QColor

from desktop_crm.reports.report_model import Figure, Unit
from desktop_crm.ui.i18n import filled, installed_language

CONTEXT = "FigureText"
NO_DATA = QT_TRANSLATE_NOOP("FigureText", "No data")
UP, DOWN, FLAT = "▲", "▼", "■"
# Okabe-Ito bluish green and vermillion: told apart with the common colour-vision
# deficiencies, and readable on the light and the dark palette.
GOOD_COLOUR = "#009E73"
BAD_COLOUR = "#D55E00"
NEUTRAL_COLOUR = "#7a8594"

# decimals a unit is shown with (money: after dividing the minor units by 100)
_DECIMALS = {Unit.SCORE_5: 1, Unit.NPS: 0, Unit.PERCENT: 1, Unit.COUNT: 0, Unit.RATE: 1,
             Unit.HOURS: 1, Unit.MONEY: 2, Unit.SCORE_100: 1}


def report_language() -> str:
    """The language ("en" or "zh") the report texts take, as the interface speaks."""
    return "zh" if installed_language().lower().startswith("zh") else "en"


def no_data_text() -> str:
    return QCoreApplication.translate(CONTEXT, NO_DATA)


def _number(value: float, decimals: int, locale: QLocale) -> str:
    """Grouped thousands, halves rounded away from zero; never "-0"."""
    text = locale.toString(float(value), "f", decimals)
    if text.startswith("-") and not any(digit in text for digit in "123456789"):
        return text[1:]
    return text


def _shown(unit: Unit, value: float) -> float:
    """The amount as shown: money in major units, the rest as held."""
    return value / 100 if unit is Unit.MONEY else value


def value_text(unit: Unit, value: float | None, locale: QLocale | None = None) -> str:
    """A figure's value as a tile shows it: "4.3", "+35", "62.5%", "12.0 h", "1,234.50"."""
    if value is None:
        return no_data_text()
    locale = locale or QLocale()
    number = _number(_shown(unit, value), _DECIMALS[unit], locale)
    if unit is Unit.NPS and any(digit in number for digit in "123456789") \
            and not number.startswith("-"):
        return f"+{number}"
    if unit is Unit.PERCENT:
        return filled(QCoreApplication.translate(CONTEXT, "%1%"), number)
    if unit is Unit.HOURS:
        return filled(QCoreApplication.translate(CONTEXT, "%1 h"), number)
    return number


def _difference_text(unit: Unit, amount: float, locale: QLocale) -> str:
    """A change's size in the unit's words, signed: "+0.3", "-1.2 pts", "+3.5 h"."""
    magnitude = _number(_shown(unit, abs(amount)), _DECIMALS[unit], locale)
    sign = "+" if amount > 0 else "-" if amount < 0 else ""
    if unit is Unit.PERCENT:  # a change of a percentage is in percentage points
        return sign + filled(QCoreApplication.translate(CONTEXT, "%1 pts"), magnitude)
    if unit is Unit.HOURS:
        return sign + filled(QCoreApplication.translate(CONTEXT, "%1 h"), magnitude)
    return sign + magnitude


class Verdict(Enum):
    GOOD = "good"
    BAD = "bad"
    NEUTRAL = "neutral"


@dataclass(frozen=True)
class Change:
    """A figure's move since the previous period, as shown beside its value."""

    arrow: str  # ▲ ▼ ■
    text: str  # the signed amount, "+0.3"
    verdict: Verdict

    @property
    def colour(self) -> QColor:
        return QColor({Verdict.GOOD: GOOD_COLOUR, Verdict.BAD: BAD_COLOUR}.get(
            self.verdict, NEUTRAL_COLOUR))

    def verdict_text(self, previous_period: str) -> str:
        """The verdict in words against the previous period, for a tooltip or a screen
        reader: "better than 2026-09"."""
        templates = {Verdict.GOOD: QT_TRANSLATE_NOOP("FigureText", "better than %1"),
                     Verdict.BAD: QT_TRANSLATE_NOOP("FigureText", "worse than %1"),
                     Verdict.NEUTRAL: QT_TRANSLATE_NOOP("FigureText", "the same as %1")}
        return filled(QCoreApplication.translate(CONTEXT, templates[self.verdict]),
                      previous_period)


def change_of(figure: Figure, locale: QLocale | None = None) -> Change | None:
    """The change against the previous period; None when either period has no data.

    A change too small to show at the unit's precision is no change (■), so the arrow never
    contradicts the two values side by side.
    """
    amount = figure.change
    if amount is None:
        return None
    locale = locale or QLocale()
    step = 10 ** -_DECIMALS[figure.unit] * (100 if figure.unit is Unit.MONEY else 1)
    if abs(amount) < step / 2:
        return Change(FLAT, _difference_text(figure.unit, 0, locale), Verdict.NEUTRAL)
    rose = amount > 0
    good = rose == figure.higher_is_better
    return Change(UP if rose else DOWN, _difference_text(figure.unit, amount, locale),
                  Verdict.GOOD if good else Verdict.BAD)
