"""Where things go inside one day of the month grid, and how they are drawn: the day number
(ringed when it is today), per-kind counts as icon + number (legible without colour), then as
many titles as fit (each behind its kind's icon) and "N more". The same layout answers "which
entry is under the pointer" for clicks and drags, so what is hit is what is drawn."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import tzinfo

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop_crm.services.reminder_views import Entry
from desktop_crm.ui.calendar.day_summary import DaySummary
from desktop_crm.ui.calendar.entry_text import line_text
from desktop_crm.ui.calendar.kind_style import kind_icon
from desktop_crm.ui.calendar.month_model import IN_MONTH_ROLE, SUMMARY_ROLE, TODAY_ROLE
from desktop_crm.ui.i18n import filled

PADDING = 4
CHIP_GAP = 6


@dataclass
class CellLayout:
    number: QRect
    chips: list[tuple[QRect, QRect, str, int]] = field(default_factory=list)  # icon, text
    lines: list[tuple[QRect, Entry]] = field(default_factory=list)
    more: tuple[QRect, int] | None = None  # the "N more" line and N

    def entry_at(self, x: int, y: int) -> Entry | None:
        for rect, entry in self.lines:
            if rect.contains(x, y):
                return entry
        return None


def more_text(count: int) -> str:
    return filled(QCoreApplication.translate("MonthCell", "%1 more"), count)


def cell_layout(rect: QRect, summary: DaySummary | None, metrics: QFontMetrics) -> CellLayout:
    line_height = metrics.height() + 2
    icon_side = metrics.height()
    inner = rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
    number_width = metrics.horizontalAdvance("00") + 8
    layout = CellLayout(QRect(inner.left(), inner.top(), number_width, line_height))
    if summary is None:
        return layout
    # the counts flow after the day number, wrapping onto further lines
    x, y = inner.left() + number_width + CHIP_GAP, inner.top()
    for kind, count in summary.counts:
        text_width = metrics.horizontalAdvance(str(count))
        width = icon_side + 2 + text_width
        if x + width > inner.right() and x > inner.left():
            x, y = inner.left(), y + line_height
        if y + line_height > inner.bottom() + 1:
            break
        icon_rect = QRect(x, y + (line_height - icon_side) // 2, icon_side, icon_side)
        layout.chips.append((icon_rect, QRect(x + icon_side + 2, y, text_width, line_height),
                             kind, count))
        x += width + CHIP_GAP
    y += line_height + 1
    room = max(0, (inner.bottom() + 1 - y) // line_height)
    entries = summary.entries
    shown = len(entries) if len(entries) <= room else max(0, room - 1)
    for entry in entries[:shown]:
        layout.lines.append((QRect(inner.left(), y, inner.width(), line_height), entry))
        y += line_height
    if shown < len(entries) and room > 0:
        layout.more = (QRect(inner.left(), y, inner.width(), line_height), len(entries) - shown)
    return layout


class MonthCellDelegate(QStyledItemDelegate):
    """Paints one day from its summary; the view asks `layout_for` to hit-test."""

    def __init__(self, zone_of: Callable[[], tzinfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone_of = zone_of  # the zone the model shows its days in

    def layout_for(self, rect: QRect, index: QModelIndex | QPersistentModelIndex,
                   metrics: QFontMetrics) -> CellLayout:
        return cell_layout(rect, index.data(SUMMARY_ROLE), metrics)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        rect: QRect = option.rect  # type: ignore[attr-defined]
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        metrics = QFontMetrics(option.font)  # type: ignore[attr-defined]
        in_month = bool(index.data(IN_MONTH_ROLE))
        today = bool(index.data(TODAY_ROLE))
        selected = bool(state & QStyle.StateFlag.State_Selected)
        layout = self.layout_for(rect, index, metrics)

        painter.save()
        painter.fillRect(rect, palette.color(
            QPalette.ColorRole.Base if in_month else QPalette.ColorRole.AlternateBase))
        text_colour = palette.color(QPalette.ColorRole.Text)
        dim_colour = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if selected:
            tint = QColor(palette.color(QPalette.ColorRole.Highlight))
            tint.setAlpha(40)
            painter.fillRect(rect, tint)
        font: QFont = option.font  # type: ignore[attr-defined]
        self._paint_number(painter, layout.number, str(index.data()), font, palette,
                           in_month=in_month, today=today)
        painter.setPen(text_colour if in_month else dim_colour)
        for icon_rect, text_rect, kind, count in layout.chips:
            kind_icon(kind).paint(painter, icon_rect, mode=_icon_mode(in_month))
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, str(count))
        zone = self._zone_of()
        for line_rect, entry in layout.lines:
            self._paint_line(painter, line_rect, entry, zone, font,
                             text_colour if in_month and entry.done_at is None else dim_colour,
                             dimmed=not in_month or entry.done_at is not None)
        if layout.more is not None:
            more_rect, count = layout.more
            painter.setPen(dim_colour)
            painter.drawText(more_rect.adjusted(more_rect.height() + 2, 0, 0, 0),
                             Qt.AlignmentFlag.AlignVCenter, more_text(count))
        if selected:
            pen_colour = palette.color(QPalette.ColorRole.Highlight)
            painter.setPen(pen_colour)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
            painter.drawRect(rect.adjusted(2, 2, -3, -3))
        painter.restore()

    @staticmethod
    def _paint_number(painter: QPainter, rect: QRect, text: str, font: QFont,
                      palette: QPalette, *, in_month: bool, today: bool) -> None:
        number_font = QFont(font)
        if today:
            number_font.setBold(True)
            side = min(rect.height(), rect.width())
            circle = QRect(rect.left(), rect.top(), side + 6, side)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(circle, side / 2, side / 2)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
            painter.setFont(number_font)
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, text)
        else:
            painter.setPen(palette.color(
                QPalette.ColorRole.Text if in_month else QPalette.ColorRole.PlaceholderText))
            painter.setFont(number_font)
            painter.drawText(rect.adjusted(3, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, text)
        painter.setFont(font)

    @staticmethod
    def _paint_line(painter: QPainter, rect: QRect, entry: Entry, zone: tzinfo, font: QFont,
                    colour: QColor, *, dimmed: bool) -> None:
        side = rect.height() - 4
        icon_rect = QRect(rect.left(), rect.top() + 2, side, side)
        kind_icon(entry.kind).paint(painter, icon_rect, mode=_icon_mode(not dimmed))
        line_font = QFont(font)
        line_font.setStrikeOut(entry.done_at is not None)
        painter.setFont(line_font)
        painter.setPen(colour)
        text_rect = rect.adjusted(side + 3, 0, 0, 0)
        text = QFontMetrics(line_font).elidedText(
            line_text(entry, zone), Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, text)
        painter.setFont(font)


def _icon_mode(normal: bool) -> QIcon.Mode:
    return QIcon.Mode.Normal if normal else QIcon.Mode.Disabled
