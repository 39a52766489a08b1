"""A report figure in words for the GUI, as the PDF prints it (reports.value_format writes
the numbers for both): its value, "No data" for a missing one, and the change against the
previous period as an arrow (▲ ▼ ■), a signed amount and a verdict, good or bad by the
figure's direction, so no view says it with colour alone."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from desktop_crm.reports import value_format
from desktop_crm.reports.report_model import Figure, Unit
from desktop_crm.reports.value_format import Direction, Verdict
from desktop_crm.ui.i18n import filled, installed_language

UP, DOWN, FLAT = "▲", "▼", "■"
_ARROWS = {Direction.UP: UP, Direction.DOWN: DOWN, Direction.FLAT: FLAT}
# Okabe-Ito bluish green and vermillion: told apart with the common colour-vision
# deficiencies, and readable on the light and the dark palette.
GOOD_COLOUR = "#009E73"
BAD_COLOUR = "#D55E00"
NEUTRAL_COLOUR = "#7a8594"


def report_language() -> str:
    """The language ("en" or "zh") the report texts take, as the interface speaks."""
    return "zh" if installed_language().lower().startswith("zh") else "en"


def value_text(unit: Unit, value: float | None, language: str | None = None) -> str:
    """A figure's value as a tile shows it: "4.32 / 5", "32.0", "62.5%", "1,234.50";
    "No data" for None."""
    return value_format.format_value(unit, value, language or report_language())


def number_text(unit: Unit, value: float | None, language: str | None = None) -> str:
    """The value without its scale ("4.32" rather than "4.32 / 5"), for a chart's point."""
    return value_format.format_number(unit, value, language or report_language())


@dataclass(frozen=True)
class Change:
    """A figure's move since the previous period, as shown beside its value."""

    arrow: str  # ▲ ▼ ■
    text: str  # the signed amount, "+0.12", "-1.6 pts"
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
        return filled(QCoreApplication.translate("FigureText", templates[self.verdict]),
                      previous_period)


def change_of(figure: Figure, language: str | None = None) -> Change | None:
    """The change against the previous period; None when either period has no data. A change
    too small to print is no change (■), so the arrow never contradicts the two values."""
    moved = value_format.direction(figure)
    if moved is None:
        return None
    text = value_format.format_change(figure.unit, figure.change, language or report_language())
    return Change(_ARROWS[moved], text, value_format.verdict(figure))
