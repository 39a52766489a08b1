"""A distribution as horizontal bars drawn with QPainter: CSAT 1-5, NPS groups, tiers, RFM
segments, and the loyalty stages as a funnel (bars centred, narrowing down the stages).

Each bar carries its label and its count with its share, so no bar is told by colour alone;
`bar_geometry` places the rows and the widget paints them and answers tooltips from it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop_crm.reports import definitions
from desktop_crm.reports.report_model import Share
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.reports.card import PADDING, inner_rect, paint_card
from desktop_crm.ui.reports.trend_chart import LINE_COLOUR

LABEL_SHARE_MAX = 0.42  # of the width, before a label is cut short
GAP = 8
# NPS groups in the colours people expect (and their labels say which is which)
_GROUP_COLOURS = {"detractor": "#D55E00", "passive": "#999999", "promoter": "#009E73"}


@dataclass(frozen=True)
class BarRow:
    share: Share
    label: str
    label_rect: QRectF
    bar: QRectF  # empty (zero width) for a count of 0
    count_rect: QRectF
    percent: float | None  # of the total; None when the total is 0


@dataclass(frozen=True)
class BarGeometry:
    rows: tuple[BarRow, ...]

    def row_at(self, y: float) -> BarRow | None:
        for row in self.rows:
            if row.label_rect.top() <= y <= row.label_rect.bottom():
                return row
        return None


def bar_geometry(shares: Sequence[Share], labels: Sequence[str], rect: QRectF,
                 text_width: Callable[[str], float], row_height: float, count_texts:
                 Sequence[str], *, funnel: bool = False) -> BarGeometry:
    """Rows top to bottom: the label, the bar (as long as its count against the largest),
    then the count text; in a funnel the bars are centred in their lane."""
    total = sum(s.count for s in shares)
    largest = max((s.count for s in shares), default=0)
    label_width = min(max((text_width(t) for t in labels), default=0),
                      rect.width() * LABEL_SHARE_MAX)
    count_width = max((text_width(t) for t in count_texts), default=0)
    lane_left = rect.left() + label_width + GAP
    lane_width = max(1.0, rect.right() - lane_left - GAP - count_width)
    rows = []
    for number, (share, label, count_text) in enumerate(zip(shares, labels, count_texts,
                                                            strict=True)):
        top = rect.top() + number * row_height
        length = lane_width * share.count / largest if largest else 0.0
        left = lane_left + (lane_width - length) / 2 if funnel else lane_left
        bar = QRectF(left, top + row_height * 0.15, length, row_height * 0.7)
        count_left = (lane_left + lane_width + GAP) if funnel else bar.right() + GAP
        rows.append(BarRow(
            share=share, label=label,
            label_rect=QRectF(rect.left(), top, label_width, row_height), bar=bar,
            count_rect=QRectF(count_left, top, max(count_width, text_width(count_text)) + 2,
                              row_height),
            percent=share.count * 100 / total if total else None))
    return BarGeometry(tuple(rows))


def count_text(count: int, percent: float | None) -> str:
    """"1,234 (45.6%)"; the count alone when nothing was counted."""
    if percent is None:
        return f"{count:,}"
    return filled(QCoreApplication.translate("DistributionChart", "%1 (%2%)"),
                  f"{count:,}", f"{percent:.1f}")


class DistributionChart(QWidget):
    def __init__(self, title: str, group: str, language: str, *, funnel: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"distribution_{group}")
        self.title = title
        self.group = group
        self.language = language
        self.funnel = funnel
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(title)
        self.set_shares(())

    def set_shares(self, shares: Sequence[Share]) -> None:
        self.shares = tuple(shares)
        self.labels = tuple(definitions.share_label(self.group, s.key, self.language)
                            for s in self.shares)
        total = sum(s.count for s in self.shares)
        self.count_texts = tuple(count_text(s.count, s.count * 100 / total if total else None)
                                 for s in self.shares)
        self.setAccessibleDescription("; ".join(
            f"{label}: {text}" for label, text in zip(self.labels, self.count_texts,
                                                      strict=True)))
        self.updateGeometry()
        self.update()

    def _row_height(self) -> float:
        return self.fontMetrics().height() * 1.6

    def _title_height(self) -> float:
        return self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:
        height = self._title_height() + self._row_height() * max(1, len(self.shares)) \
            + PADDING * 2
        return QSize(320, int(height))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def bar_rows(self) -> BarGeometry:
        area = inner_rect(self).adjusted(0, self._title_height(), 0, 0)
        metrics = self.fontMetrics()
        return bar_geometry(self.shares, self.labels, area, metrics.horizontalAdvance,
                            self._row_height(), self.count_texts, funnel=self.funnel)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self.bar_rows().row_at(event.position().y())
            if row is None:
                QToolTip.hideText()
                event.ignore()
            else:
                index = self.shares.index(row.share)
                QToolTip.showText(event.globalPos(),
                                  f"{row.label}: {self.count_texts[index]}", self)
            return True
        return super().event(event)

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        paint_card(painter, self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        palette = self.palette()
        metrics = self.fontMetrics()
        text = palette.color(QPalette.ColorRole.Text)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        area = inner_rect(self)
        title_rect = QRectF(area.left(), area.top(), area.width(), metrics.height())
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(self.title, Qt.TextElideMode.ElideRight,
                                            int(title_rect.width())))
        painter.setFont(self.font())
        if not self.shares:
            painter.end()
            return
        for row, count in zip(self.bar_rows().rows, self.count_texts, strict=True):
            painter.setPen(text)
            painter.drawText(row.label_rect, Qt.AlignmentFlag.AlignRight
                             | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(row.label, Qt.TextElideMode.ElideRight,
                                                int(row.label_rect.width())))
            colour = QColor(_GROUP_COLOURS.get(row.share.key, LINE_COLOUR)
                            if self.group == "nps" else LINE_COLOUR)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            if row.bar.width() > 0:
                painter.drawRoundedRect(row.bar, 2, 2)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(row.count_rect, Qt.AlignmentFlag.AlignLeft
                             | Qt.AlignmentFlag.AlignVCenter, count)
        painter.end()
