"""Widgets in as many equal columns as the width allows (each at least `least_width`),
reflowed when the width changes: five KPI tiles a row on a wide window, two on a narrow one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget


class ResponsiveGrid(QWidget):
    def __init__(self, least_width: int, parent: QWidget | None = None, *,
                 most_columns: int = 6) -> None:
        super().__init__(parent)
        self.least_width = least_width
        self.most_columns = most_columns
        self.items: list[QWidget] = []
        self.columns = 0
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(8)

    def set_widgets(self, widgets: Sequence[QWidget]) -> None:
        for widget in self.items:
            self.grid.removeWidget(widget)
        self.items = list(widgets)
        self.columns = 0
        self._arrange(self.width())

    def columns_for(self, width: int) -> int:
        spacing = self.grid.horizontalSpacing()
        fitting = (width + spacing) // (self.least_width + spacing)
        return max(1, min(self.most_columns, len(self.items) or 1, fitting))

    def _arrange(self, width: int) -> None:
        columns = self.columns_for(width)
        if columns == self.columns:
            return
        for widget in self.items:
            self.grid.removeWidget(widget)
        for column in range(max(self.columns, columns, self.most_columns)):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        for number, widget in enumerate(self.items):
            # side by side, cards of different heights line up at their tops
            self.grid.addWidget(widget, number // columns, number % columns,
                                Qt.AlignmentFlag.AlignTop)
        self.columns = columns

    def minimumSizeHint(self) -> QSize:
        """One column's width: a narrower window reflows the grid rather than scrolling
        sideways."""
        return QSize(self.least_width, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width())
