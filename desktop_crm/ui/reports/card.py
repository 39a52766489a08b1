"""The card every dashboard tile and chart sits on: the base colour in a thin rounded
border, so figures read as separate blocks on the window's background."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

PADDING = 10  # from the card's edge to what it holds
RADIUS = 4


def paint_card(painter: QPainter, widget: QWidget) -> None:
    palette = widget.palette()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
    painter.setBrush(palette.color(QPalette.ColorRole.Base))
    painter.drawRoundedRect(QRectF(widget.rect()).adjusted(0.5, 0.5, -0.5, -0.5), RADIUS,
                            RADIUS)
    painter.restore()


def inner_rect(widget: QWidget) -> QRectF:
    """The card's area inside its padding."""
    return QRectF(widget.rect()).adjusted(PADDING, PADDING - 2, -PADDING, -PADDING + 2)


class Card(QWidget):
    """A plain widget drawn as a card, for a form or a group of widgets."""

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        paint_card(painter, self)
        painter.end()
