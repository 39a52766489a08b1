"""The agenda: entries grouped by day in a list, or a sentence when nothing is planned.
Enter or a double-click opens an entry (or, on a day, asks for a new reminder that day);
entries drag onto the month grid; the context menu is the page's."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, tzinfo

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTreeView,
    QWidget,
)

from desktop_crm.domain.enums import ReminderKind
from desktop_crm.services.reminder_views import Entry
from desktop_crm.ui.calendar.agenda_model import COLUMNS, DAY_ROLE, AgendaModel
from desktop_crm.ui.calendar.kind_style import kind_label

_OWNER = COLUMNS.index("owner")
_TITLE = COLUMNS.index("title")
_KIND = COLUMNS.index("kind")


class AgendaTree(QTreeView):
    entry_menu_requested = Signal(object, QPoint)
    day_menu_requested = Signal(object, QPoint)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        model = self.model()
        if not index.isValid() or not isinstance(model, AgendaModel):
            return
        self.setCurrentIndex(index)
        entry = model.entry_at(index)
        if entry is not None:
            self.entry_menu_requested.emit(entry, event.globalPos())
        else:
            self.day_menu_requested.emit(index.data(DAY_ROLE), event.globalPos())


class AgendaView(QStackedWidget):
    open_requested = Signal(object)  # Entry
    create_requested = Signal(object)  # date
    entry_menu_requested = Signal(object, QPoint)
    day_menu_requested = Signal(object, QPoint)

    def __init__(self, zone: tzinfo, *, object_name: str = "agendaView", compact: bool = False,
                 parent: QWidget | None = None) -> None:
        """`compact`: for a narrow panel, the kind's icon goes before the title and its
        name (in the tooltip) leaves the columns."""
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(self.tr("Agenda"))
        self.model = AgendaModel(zone, icon_on_title=compact, parent=self)
        self.tree = AgendaTree(self)
        self.tree.setObjectName(f"{object_name}Tree")
        self.tree.setModel(self.model)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setIndentation(0)  # the bold day rows set the days apart
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        side = QFontMetrics(self.font()).height()
        self.tree.setIconSize(QSize(side, side))
        self._size_columns()
        self.tree.setColumnHidden(_KIND, compact)
        self.tree.activated.connect(self._activated)
        self.tree.entry_menu_requested.connect(self.entry_menu_requested)
        self.tree.day_menu_requested.connect(self.day_menu_requested)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName(f"{object_name}Empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.addWidget(self.tree)
        self.addWidget(self.empty_label)
        self._empty_text = self.tr("Nothing planned")
        self.set_entries([], zone)

    def _size_columns(self) -> None:
        metrics = self.tree.fontMetrics()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(_TITLE, QHeaderView.ResizeMode.Stretch)
        padding = 24
        time_width = max(metrics.horizontalAdvance("00:00"),
                         metrics.horizontalAdvance(self.tr("All day")))
        header.resizeSection(COLUMNS.index("time"), time_width + padding)
        header.resizeSection(_KIND, max(
            metrics.horizontalAdvance(kind_label(kind)) for kind in ReminderKind)
            + self.tree.iconSize().width() + padding)
        header.resizeSection(COLUMNS.index("customer"), metrics.averageCharWidth() * 14)
        header.resizeSection(_OWNER, metrics.averageCharWidth() * 16)

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.empty_label.setText(text)

    def set_entries(self, entries: Sequence[Entry], zone: tzinfo | None = None, *,
                    today: date | None = None, show_owner: bool = False) -> None:
        self.model.set_entries(entries, zone, today=today)
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.tree.expandAll()
        self.tree.setColumnHidden(_OWNER, not show_owner)
        self.empty_label.setText(self._empty_text)
        self.setCurrentWidget(self.tree if self.model.rowCount() else self.empty_label)

    def showing_entries(self) -> bool:
        return self.currentWidget() is self.tree

    def _activated(self, index: QModelIndex) -> None:
        entry = self.model.entry_at(index)
        if entry is not None:
            self.open_requested.emit(entry)
        elif index.isValid():
            self.create_requested.emit(index.data(DAY_ROLE))
