"""A KPI's last 12 periods as a small line chart drawn with QPainter.

`trend_geometry` places everything (the plot, each point, the runs of the line between gaps,
the axis labels that fit) from the trend, the widget's rectangle and a text-width function;
the widget only paints what it says and answers tooltips from it, so what is tested is
what is drawn. A period without data is a gap: the line stops before it and starts again
after it; a point alone between gaps is drawn as a dot.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop_crm.reports import definitions
from desktop_crm.reports.report_model import Trend, TrendPoint, Unit
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.reports.card import inner_rect, paint_card
from desktop_crm.ui.reports.figure_text import number_text, value_text

LINE_COLOUR = "#0072B2"  # Okabe-Ito blue
LABEL_GAP = 6
# (lowest, highest) a unit can take; None where it is open
_BOUNDS: dict[Unit, tuple[float | None, float | None]] = {
    Unit.SCORE_5: (1, 5), Unit.NPS: (-100, 100), Unit.PERCENT: (0, 100),
    Unit.SCORE_100: (0, 100), Unit.COUNT: (0, None), Unit.RATE: (0, None),
    Unit.HOURS: (0, None), Unit.MONEY: (0, None),
}
# units whose axis starts at zero, so a small change does not look like a collapse
_FROM_ZERO = frozenset({Unit.COUNT, Unit.RATE, Unit.HOURS, Unit.MONEY})


@dataclass(frozen=True)
class TrendGeometry:
    plot: QRectF
    x_positions: tuple[float, ...]
    points: tuple[QPointF | None, ...]  # per period; None where it has no data
    runs: tuple[tuple[QPointF, ...], ...]  # the line's pieces between gaps
    y_ticks: tuple[tuple[float, str], ...]  # (y, label), bottom to top
    x_labels: tuple[tuple[int, str], ...]  # (period index, label) of those that fit

    def index_at(self, x: float) -> int | None:
        """The period nearest to x, if x is over the plot (give or take half a step)."""
        if not self.x_positions:
            return None
        step = (self.x_positions[-1] - self.x_positions[0]) / max(1, len(self.x_positions) - 1)
        reach = max(step / 2, 8)
        nearest = min(range(len(self.x_positions)), key=lambda i: abs(self.x_positions[i] - x))
        return nearest if abs(self.x_positions[nearest] - x) <= reach else None


def nice_step(span: float, intervals: int = 4) -> float:
    """A step of 1, 2, 2.5 or 5 times a power of ten that cuts `span` into about
    `intervals` pieces."""
    if span <= 0:
        return 1.0
    raw = span / intervals
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw:
            return factor * power
    return 10 * power


def value_range(unit: Unit, values: Sequence[float]) -> tuple[float, float, float]:
    """(lowest, highest, step) of the value axis: round numbers around the data, inside
    what the unit can take."""
    low_bound, high_bound = _BOUNDS[unit]
    scale = 100 if unit is Unit.MONEY else 1  # money is held in minor units
    if values:
        low, high = min(values), max(values)
    else:
        low, high = (low_bound or 0.0), (high_bound if high_bound is not None else scale)
    if unit in _FROM_ZERO:
        low = min(low, 0.0)
    if high - low < scale:  # a flat line sits mid-axis rather than on its edge
        low, high = low - scale / 2, high + scale / 2
    step = nice_step((high - low) / scale) * scale
    if unit is Unit.COUNT:  # a count's axis never reads 0.5 of a complaint
        step = max(step, 1.0)
    low, high = math.floor(low / step) * step, math.ceil(high / step) * step
    if low_bound is not None:
        low = max(low, low_bound)
    if high_bound is not None:
        high = min(high, high_bound)
    if high <= low:
        high = low + step
    return low, high, step


def tick_text(unit: Unit, value: float, step: float) -> str:
    """An axis label: as few decimals as the step needs (money in major units)."""
    shown_step = step / 100 if unit is Unit.MONEY else step
    decimals = max(0, -math.floor(math.log10(shown_step) + 1e-9)) if shown_step < 1 else 0
    shown = value / 100 if unit is Unit.MONEY else value
    number = f"{shown:,.{decimals}f}"  # grouped as reports.value_format groups figures
    if unit is Unit.PERCENT:
        return filled(QCoreApplication.translate("FigureText", "%1%"), number)
    if unit is Unit.NPS and value > 0:
        return f"+{number}"
    return number


def trend_geometry(trend: Trend, rect: QRectF, text_width: Callable[[str], float],
                   line_height: float) -> TrendGeometry:
    """Where each part of the chart goes inside `rect` (the widget's area below its title)."""
    values = [p.value for p in trend.points if p.value is not None]
    low, high, step = value_range(trend.unit, values)
    ticks = []
    tick = low
    while tick <= high + step / 1000:
        ticks.append((tick, tick_text(trend.unit, tick, step)))
        tick += step
    axis_width = max((text_width(text) for _, text in ticks), default=0) + LABEL_GAP
    half_label = max((text_width(p.period) for p in trend.points), default=0) / 2
    left = rect.left() + max(axis_width, half_label)
    right = rect.right() - max(half_label, 8)
    plot = QRectF(left, rect.top() + line_height / 2, max(1.0, right - left),
                  max(1.0, rect.height() - line_height * 2))
    count = len(trend.points)
    if count == 1:
        xs: tuple[float, ...] = (plot.center().x(),)
    else:
        xs = tuple(plot.left() + plot.width() * i / (count - 1) for i in range(count))

    def y_of(value: float) -> float:
        return plot.bottom() - (value - low) / (high - low) * plot.height()

    points = tuple(None if p.value is None else QPointF(x, y_of(p.value))
                   for p, x in zip(trend.points, xs, strict=True))
    runs: list[tuple[QPointF, ...]] = []
    current: list[QPointF] = []
    for point in points:
        if point is None:
            if current:
                runs.append(tuple(current))
            current = []
        else:
            current.append(point)
    if current:
        runs.append(tuple(current))
    return TrendGeometry(
        plot=plot, x_positions=xs, points=points, runs=tuple(runs),
        y_ticks=tuple((y_of(value), text) for value, text in ticks),
        x_labels=_fitting_labels(trend.points, xs, text_width))


def _fitting_labels(points: Sequence[TrendPoint], xs: Sequence[float],
                    text_width: Callable[[str], float]) -> tuple[tuple[int, str], ...]:
    """Every k-th period's label, counted back from the last (always shown), with k as
    small as lets neighbours stand apart."""
    if not points:
        return ()
    widest = max(text_width(p.period) for p in points)
    slot = (xs[-1] - xs[0]) / (len(xs) - 1) if len(xs) > 1 else widest
    every = max(1, math.ceil((widest + LABEL_GAP * 2) / max(slot, 1)))
    chosen = range(len(points) - 1, -1, -every)
    return tuple((i, points[i].period) for i in sorted(chosen))


class TrendChart(QWidget):
    """A trend's title, its last value and the line; hover a period for its exact value."""

    def __init__(self, trend: Trend, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"trendChart_{trend.key}")
        self.title = definitions.title(trend.key, language)
        self.language = language
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.title)
        self.set_trend(trend)

    def set_trend(self, trend: Trend) -> None:
        self.trend = trend
        self.setAccessibleDescription(self.summary())
        self.update()

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(320, line * 11)

    def minimumSizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(200, line * 8)

    def summary(self) -> str:
        """Every period and its value, for a screen reader."""
        return "; ".join(self.point_text(i) for i in range(len(self.trend.points)))

    def point_text(self, index: int) -> str:
        point = self.trend.points[index]
        return filled(self.tr("%1: %2"), point.period, value_text(self.trend.unit, point.value,
                                                                  self.language))

    def geometry_for(self, rect: QRectF) -> TrendGeometry:
        metrics = self.fontMetrics()
        chart = rect.adjusted(0, metrics.height() + 6, 0, 0)
        return trend_geometry(self.trend, chart, metrics.horizontalAdvance, metrics.height())

    def chart_geometry(self) -> TrendGeometry:
        return self.geometry_for(inner_rect(self))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.chart_geometry().index_at(event.position().x())
            if index is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.point_text(index), self)
            return True
        return super().event(event)

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        paint_card(painter, self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        dim = palette.color(QPalette.ColorRole.PlaceholderText)
        grid = palette.color(QPalette.ColorRole.Mid)
        area = inner_rect(self)
        geometry = self.geometry_for(area)
        metrics = self.fontMetrics()
        line = metrics.height()

        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        last = self.trend.points[-1] if self.trend.points else None
        latest = number_text(self.trend.unit, last.value if last else None, self.language)
        title_rect = QRectF(area.left(), area.top(), area.width(), line)
        latest_width = metrics.horizontalAdvance(latest) + 16
        painter.drawText(title_rect.adjusted(0, 0, -latest_width, 0),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(self.title, Qt.TextElideMode.ElideRight,
                                            int(title_rect.width() - latest_width)))
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         latest)
        painter.setFont(self.font())

        plot = geometry.plot
        for y, label in geometry.y_ticks:
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(dim)
            painter.drawText(QRectF(area.left(), y - line / 2, plot.left() - area.left()
                                    - LABEL_GAP, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        for index, label in geometry.x_labels:
            x = geometry.x_positions[index]
            width = metrics.horizontalAdvance(label)
            painter.setPen(text if index == len(geometry.x_positions) - 1 else dim)
            painter.drawText(QRectF(x - width / 2 - 2, plot.bottom() + 4, width + 4, line),
                             Qt.AlignmentFlag.AlignCenter, label)

        colour = QColor(LINE_COLOUR)
        painter.setPen(QPen(colour, 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        for run in geometry.runs:
            if len(run) > 1:
                path = QPainterPath(run[0])
                for point in run[1:]:
                    path.lineTo(point)
                painter.drawPath(path)
        painter.setBrush(colour)
        for point in geometry.points:
            if point is not None:
                painter.drawEllipse(point, 2.5, 2.5)
        last_point = geometry.points[-1] if geometry.points else None
        if last_point is not None:  # the report's own period: a ring around a bigger dot
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
            painter.drawEllipse(last_point, 6, 6)
            painter.setBrush(colour)
            painter.drawEllipse(last_point, 3.5, 3.5)
        painter.end()
