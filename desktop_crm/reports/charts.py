"""The report's drawings (reportlab.graphics): trend lines, distribution bars, the loyalty
funnel and the change arrows of the KPI tiles.

Drawn from plain shapes rather than reportlab's chart widgets, so a missing period is a gap
in the line (not a zero) and every label uses the embedded font.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop_crm.reports.report_model import Trend, Unit
from desktop_crm.reports.value_format import Direction, Verdict

INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#6B7785")
GRID = colors.HexColor("#E1E5EA")
ACCENT = colors.HexColor("#1F5F99")
ACCENT_LIGHT = colors.HexColor("#D6E4F2")
VERDICT_COLOURS = {
    Verdict.GOOD: colors.HexColor("#2E7D32"),
    Verdict.BAD: colors.HexColor("#C62828"),
    Verdict.NEUTRAL: colors.HexColor("#8A949E"),
}
# detractors, passives, promoters read red, grey, green wherever they appear
NPS_COLOURS = {"detractor": colors.HexColor("#D9534F"), "passive": colors.HexColor("#B0B8C1"),
               "promoter": colors.HexColor("#3C9A5F")}
CSAT_COLOURS = {"1": colors.HexColor("#D9534F"), "2": colors.HexColor("#EE9A4D"),
                "3": colors.HexColor("#B0B8C1"), "4": colors.HexColor("#7DBB7D"),
                "5": colors.HexColor("#3C9A5F")}
FUNNEL_COLOURS = ("#C9D9EA", "#A5C0DC", "#7FA5CC", "#5486B7", "#1F5F99")

# the natural range of each unit: a trend's axis never runs outside it
_BOUNDS: dict[Unit, tuple[float | None, float | None]] = {
    Unit.SCORE_5: (1.0, 5.0),
    Unit.NPS: (-100.0, 100.0),
    Unit.PERCENT: (0.0, 100.0),
    Unit.COUNT: (0.0, None),
    Unit.RATE: (0.0, None),
    Unit.HOURS: (0.0, None),
    Unit.MONEY: (0.0, None),
    Unit.SCORE_100: (0.0, 100.0),
}


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    colour: colors.Color = ACCENT


def change_arrow(moved: Direction | None, verdict: Verdict, *, font: str,
                 size: float = 9) -> Drawing:
    """A filled triangle up or down, or a dash for no move; nothing drawn without data."""
    drawing = _drawing(size, size, font)
    colour = VERDICT_COLOURS[verdict]
    if moved is Direction.UP:
        drawing.add(Polygon([0, 1, size, 1, size / 2, size - 1], fillColor=colour,
                            strokeColor=None))
    elif moved is Direction.DOWN:
        drawing.add(Polygon([0, size - 1, size, size - 1, size / 2, 1], fillColor=colour,
                            strokeColor=None))
    elif moved is Direction.FLAT:
        drawing.add(Rect(0, size / 2 - 1.2, size, 2.4, fillColor=colour, strokeColor=None))
    return drawing


def trend_chart(trend: Trend, *, width: float, height: float, font: str,
                value_text: Callable[[float], str], no_data: str) -> Drawing:
    """The figure over its periods: a line broken where a period has no data, a dot on every
    period with data, and the latest value written to the right of its dot."""
    drawing = _drawing(width, height, font)
    values = [point.value for point in trend.points]
    known = [v for v in values if v is not None]
    last = max((i for i, v in enumerate(values) if v is not None), default=None)
    last_text = value_text(values[last] or 0.0) if last is not None else ""
    # the same right margin on every chart keeps their plots aligned; a wide label gets more
    left, bottom, top = 30.0, 24.0, 8.0
    right = max(34.0, stringWidth(last_text, font, 7.5) + 8)
    plot_w, plot_h = width - left - right, height - bottom - top
    low, high, step = _axis_range(known, trend.unit)
    count = max(len(values), 1)

    def x_at(index: int) -> float:
        return left + plot_w * (index + 0.5) / count

    def y_at(value: float) -> float:
        return bottom + plot_h * (value - low) / (high - low)

    tick = low
    while tick <= high + step / 1000:
        y = y_at(tick)
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=GRID, strokeWidth=0.5))
        drawing.add(String(left - 3, y - 2.5, _tick_text(tick, step), fontName=font,
                           fontSize=6.5, fillColor=MUTED, textAnchor="end"))
        tick += step
    for index, (upper, lower) in enumerate(_period_labels([p.period for p in trend.points])):
        drawing.add(String(x_at(index), bottom - 9, upper, fontName=font, fontSize=6.5,
                           fillColor=MUTED, textAnchor="middle"))
        if lower:
            drawing.add(String(x_at(index), bottom - 17, lower, fontName=font, fontSize=6.5,
                               fillColor=MUTED, textAnchor="middle"))
    if last is None:
        drawing.add(String(left + plot_w / 2, bottom + plot_h / 2 - 3, no_data, fontName=font,
                           fontSize=9, fillColor=MUTED, textAnchor="middle"))
        return drawing
    for run in _runs(values):
        if len(run) > 1:
            points = [c for i in run for c in (x_at(i), y_at(values[i] or 0.0))]
            drawing.add(PolyLine(points, strokeColor=ACCENT, strokeWidth=1.6))
    for index, value in enumerate(values):
        if value is not None:
            drawing.add(Circle(x_at(index), y_at(value), 2.0, fillColor=ACCENT,
                               strokeColor=colors.white, strokeWidth=0.6))
    drawing.add(String(x_at(last) + 5, y_at(values[last] or 0.0) - 2.5, last_text,
                       fontName=font, fontSize=7.5, fillColor=INK))
    return drawing


def bar_chart(bars: Sequence[Bar], *, width: float, font: str,
              count_text: Callable[[int, int], str], row_height: float = 15) -> Drawing:
    """Horizontal bars, one a row: the label on the left, the bar scaled to the largest, the
    count and share of the total on its right."""
    label_w = max((stringWidth(b.label, font, 8) for b in bars), default=0) + 8
    texts = [count_text(b.count, sum(x.count for x in bars)) for b in bars]
    text_w = max((stringWidth(t, font, 7.5) for t in texts), default=0) + 6
    height = row_height * len(bars) + 4
    drawing = _drawing(width, height, font)
    largest = max((b.count for b in bars), default=0)
    span = max(width - label_w - text_w, 10)
    for row, (bar, text) in enumerate(zip(bars, texts, strict=True)):
        y = height - (row + 1) * row_height
        drawing.add(String(label_w - 6, y + 4, bar.label, fontName=font, fontSize=8,
                           fillColor=INK, textAnchor="end"))
        length = span * bar.count / largest if largest else 0
        drawing.add(Rect(label_w, y + 2, span, row_height - 5, fillColor=colors.HexColor(
            "#F3F5F7"), strokeColor=None))
        if length:
            drawing.add(Rect(label_w, y + 2, length, row_height - 5, fillColor=bar.colour,
                             strokeColor=None))
        drawing.add(String(label_w + length + 4, y + 4.5, text, fontName=font, fontSize=7.5,
                           fillColor=MUTED))
    return drawing


def funnel(stages: Sequence[Bar], *, width: float, font: str,
           count_text: Callable[[int, int], str], row_height: float = 22) -> Drawing:
    """The five loyalty stages as centred bands, widest first, each as wide as its share of
    the largest stage (never so thin its words cannot be read beside it)."""
    height = row_height * len(stages) + 2
    drawing = _drawing(width, height, font)
    total = sum(s.count for s in stages)
    largest = max((s.count for s in stages), default=0)
    label_w = max((stringWidth(s.label, font, 8.5) for s in stages), default=0) + 10
    band_w = width - 2 * label_w
    centre = label_w + band_w / 2
    for row, stage in enumerate(stages):
        y = height - (row + 1) * row_height
        share = stage.count / largest if largest else 0
        w = max(band_w * share, 4.0)
        colour = colors.HexColor(FUNNEL_COLOURS[row % len(FUNNEL_COLOURS)])
        drawing.add(Rect(centre - w / 2, y + 2, w, row_height - 4, fillColor=colour,
                         strokeColor=None))
        drawing.add(String(label_w - 8, y + row_height / 2 - 3, stage.label, fontName=font,
                           fontSize=8.5, fillColor=INK, textAnchor="end"))
        drawing.add(String(width - label_w + 8, y + row_height / 2 - 3,
                           count_text(stage.count, total), fontName=font, fontSize=8,
                           fillColor=MUTED))
    return drawing


def _drawing(width: float, height: float, font: str) -> Drawing:
    """A drawing whose default font is the report's (reportlab's default is an unembedded
    Helvetica, which would otherwise be named in the PDF)."""
    return Drawing(width, height, initialFontName=font)


def _axis_range(values: Sequence[float], unit: Unit) -> tuple[float, float, float]:
    """A low, high and tick step with round numbers around the values, inside the unit's
    natural range; a flat or empty series still gets a visible span."""
    floor, ceiling = _BOUNDS[unit]
    if values:
        low, high = min(values), max(values)
    else:
        low, high = floor or 0.0, ceiling if ceiling is not None else 1.0
    if high - low < 1e-9:
        pad = max(abs(high) * 0.1, 1.0 if unit is not Unit.SCORE_5 else 0.5)
        low, high = low - pad, high + pad
    step = _nice_step((high - low) / 4)
    low = math.floor(low / step) * step
    high = math.ceil(high / step) * step
    if floor is not None:
        low = max(low, floor)
    if ceiling is not None:
        high = min(high, ceiling)
    if high <= low:
        high = low + step
    return low, high, step


def _nice_step(raw: float) -> float:
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _tick_text(value: float, step: float) -> str:
    """A tick with as many decimals as its step needs (a step of 2.5 keeps one)."""
    decimals = next((d for d in range(4) if abs(step * 10**d - round(step * 10**d)) < 1e-9), 4)
    if abs(value) >= 100_000:
        return f"{value / 1000:,.0f}k"
    text = f"{value:,.{decimals}f}"
    return "0" if text.lstrip("-") == f"{0:.{decimals}f}" else text


def _period_labels(periods: Sequence[str]) -> list[tuple[str, str]]:
    """"2026-10" -> ("10", year where the year changes); "2026-Q4" -> ("Q4", ...)."""
    labels: list[tuple[str, str]] = []
    shown_year = ""
    for period in periods:
        year, _, rest = period.partition("-")
        if not (year.isdigit() and rest):
            labels.append((period, ""))
            continue
        labels.append((rest.upper() if rest[:1] in "qQ" else rest,
                       year if year != shown_year else ""))
        shown_year = year
    return labels


def _runs(values: Sequence[float | None]) -> list[list[int]]:
    """The indexes of each unbroken stretch of periods with data."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, value in enumerate(values):
        if value is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(index)
    if current:
        runs.append(current)
    return runs
