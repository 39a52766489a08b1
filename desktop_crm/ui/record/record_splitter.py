"""The form and the timeline side by side on a wide page, one above the other on a narrow one
(an 800x600 window leaves the page about 630 pixels)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget

SIDE_BY_SIDE_WIDTH = 880


class FormTimelineSplitter(QSplitter):
    def __init__(self, form: QWidget, timeline: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("recordSplitter")
        scroll = QScrollArea(self)
        scroll.setObjectName("formScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 6, 0)
        column.addWidget(form)
        column.addStretch(1)  # spare height stays below the form, not inside its rows
        scroll.setWidget(box)
        self.addWidget(scroll)
        self.addWidget(timeline)
        self.setChildrenCollapsible(False)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self._sized = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = event.size().width() >= SIDE_BY_SIDE_WIDTH
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if orientation != self.orientation() or not self._sized:
            self._sized = True
            self.setOrientation(orientation)
            # the form takes three fifths, the timeline the rest (the user may drag it)
            length = event.size().width() if wide else event.size().height()
            self.setSizes([length * 3 // 5, length * 2 // 5])
        super().resizeEvent(event)
