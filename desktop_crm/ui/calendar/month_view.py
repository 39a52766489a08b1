"""The month grid: six weeks of days. A click selects a day, a double-click on a day asks to
create a reminder there and on an entry to open it; an entry dragged to another day asks to
move it (the model's drop handling decides the day)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDrag,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop_crm.services.reminder_views import Entry
from desktop_crm.ui.calendar.entry_mime import entries_mime
from desktop_crm.ui.calendar.entry_text import line_text, tooltip_text
from desktop_crm.ui.calendar.kind_style import kind_icon
from desktop_crm.ui.calendar.month_cell import CellLayout, MonthCellDelegate
from desktop_crm.ui.calendar.month_model import COLUMNS, ROWS, MonthModel

LEAST_CELL_WIDTH, LEAST_CELL_LINES = 56, 2


class MonthView(QTableView):
    day_selected = Signal(object)  # date
    create_requested = Signal(object)  # date
    open_requested = Signal(object)  # Entry
    entry_menu_requested = Signal(object, QPoint)  # Entry, global position
    day_menu_requested = Signal(object, QPoint)  # date, global position

    def __init__(self, model: MonthModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthView")
        self.setAccessibleName(self.tr("Month"))
        self.month_model = model
        self.setModel(model)
        self._delegate = MonthCellDelegate(lambda: model.zone, self)
        self.setItemDelegate(self._delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(False)
        self.setMouseTracking(True)  # tooltips name the entry under the pointer
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            header.setMinimumSectionSize(1)
        self.verticalHeader().hide()
        self.horizontalHeader().setHighlightSections(False)
        line = QFontMetrics(self.font()).height() + 2
        self.setMinimumSize(LEAST_CELL_WIDTH * COLUMNS,
                            self.horizontalHeader().sizeHint().height()
                            + ROWS * (line * LEAST_CELL_LINES + 8))
        # Drags carry one entry (the one pressed), drops land on a day.
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDragDropOverwriteMode(True)  # a drop lands on a day, never between days
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self._pressed: Entry | None = None
        self.selectionModel().currentChanged.connect(self._current_changed)

    # --- what is where -----------------------------------------------------------------------

    def day_at(self, position: QPoint) -> date | None:
        return self.month_model.day_at(self.indexAt(position))

    def cell_layout(self, day: date) -> CellLayout | None:
        index = self.month_model.index_of(day)
        if not index.isValid():
            return None
        return self._delegate.layout_for(self.visualRect(index), index,
                                         QFontMetrics(self.font()))

    def entry_at(self, position: QPoint) -> Entry | None:
        day = self.day_at(position)
        layout = None if day is None else self.cell_layout(day)
        return None if layout is None else layout.entry_at(position.x(), position.y())

    def entry_position(self, entry: Entry) -> QPoint | None:
        """The centre of the entry's title line in the viewport, if the grid shows it."""
        layout = self.cell_layout(entry.day(self.month_model.zone))
        for rect, shown in layout.lines if layout is not None else []:
            if shown == entry:
                return rect.center()
        return None

    def day_position(self, day: date) -> QPoint:
        return self.visualRect(self.month_model.index_of(day)).center()

    def select_day(self, day: date) -> None:
        index = self.month_model.index_of(day)
        if index.isValid():
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def selected_day(self) -> date | None:
        return self.month_model.day_at(self.currentIndex())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        day = self.month_model.day_at(current)
        if day is not None:
            self.day_selected.emit(day)

    # --- the mouse and keys ------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = self.entry_at(event.position().toPoint())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        entry = self.entry_at(event.position().toPoint())
        zone = self.month_model.zone
        self.viewport().setToolTip(tooltip_text(entry, zone, show_owner=True)
                                   if entry is not None else "")
        super().mouseMoveEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        position = event.position().toPoint()
        entry, day = self.entry_at(position), self.day_at(position)
        if event.button() != Qt.MouseButton.LeftButton or day is None:
            super().mouseDoubleClickEvent(event)
        elif entry is not None:
            self.open_requested.emit(entry)
        else:
            self.create_requested.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        day = self.selected_day()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and day is not None:
            self.create_requested.emit(day)
        else:
            super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        entry, day = self.entry_at(event.pos()), self.day_at(event.pos())
        if entry is not None:
            self.entry_menu_requested.emit(entry, event.globalPos())
        elif day is not None:
            self.select_day(day)
            self.day_menu_requested.emit(day, event.globalPos())

    # --- dragging an entry -------------------------------------------------------------------

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        entry, self._pressed = self._pressed, None
        if entry is None:
            return  # a drag from a day's empty space carries nothing
        drag = QDrag(self)
        drag.setMimeData(entries_mime([entry]))
        drag.setPixmap(self._drag_pixmap(entry))
        drag.exec(Qt.DropAction.MoveAction)

    def _drag_pixmap(self, entry: Entry) -> QPixmap:
        metrics = QFontMetrics(self.font())
        text = metrics.elidedText(line_text(entry, self.month_model.zone),
                                  Qt.TextElideMode.ElideRight, 240)
        side = metrics.height()
        pixmap = QPixmap(side + 12 + metrics.horizontalAdvance(text), side + 8)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        palette = self.palette()
        painter.setBrush(palette.color(QPalette.ColorRole.ToolTipBase))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawRoundedRect(pixmap.rect().adjusted(0, 0, -1, -1), 4, 4)
        kind_icon(entry.kind).paint(painter, QRect(4, 4, side, side))
        painter.setPen(palette.color(QPalette.ColorRole.ToolTipText))
        painter.drawText(QRect(side + 8, 0, pixmap.width(), pixmap.height()),
                         Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()
        return pixmap
