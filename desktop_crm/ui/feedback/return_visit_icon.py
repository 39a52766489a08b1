"""The return visit's icon (回访): a speech bubble with a turning-back arrow, in the kind's
colour. Its shape is like no other reminder kind's, so it reads without its colour.

Drawn from SVG text here and rendered at the sizes the screens ask for.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

COLOUR = "#882255"  # Paul Tol's "wine": apart from the Okabe–Ito colours of the other kinds
_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">'
    '<path d="M4.5 3.5h15a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-8.5l-5 4.5v-4.5h-1.5a2 2 0 0 1-2-2'
    'v-9a2 2 0 0 1 2-2z" fill="{colour}" stroke="#5b6b7f" stroke-width="1.6" '
    'stroke-linecap="round" stroke-linejoin="round"/>'
    '<path d="M15.6 10a3.6 3.6 0 1 1-1.3-2.8" fill="none" stroke="#ffffff" '
    'stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>'
    '<path d="M14.9 5.2l-.6 2.1 2.1.5" fill="none" stroke="#ffffff" stroke-width="1.6" '
    'stroke-linecap="round" stroke-linejoin="round"/></svg>'
)


class _SvgEngine(QIconEngine):
    """Paints the SVG crisp at any size (QIcon cannot read SVG text by itself)."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._renderer = QSvgRenderer(QByteArray(svg))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        if mode == QIcon.Mode.Disabled:
            painter.save()
            painter.setOpacity(0.4)
            self._renderer.render(painter, rect)
            painter.restore()
        else:
            self._renderer.render(painter, rect)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _SvgEngine(self._svg)


@cache
def return_visit_icon() -> QIcon:
    return QIcon(_SvgEngine(_SVG.replace("{colour}", COLOUR).encode()))
