"""One day's entries as a list model (a column of the week view). Its entries drag out as
mime data naming them; entries dropped on it ask to move to its day."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, tzinfo

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop_crm.services.reminder_views import Entry
from desktop_crm.ui.calendar.day_summary import EntryKey
from desktop_crm.ui.calendar.entry_mime import ENTRY_MIME_TYPE, entries_mime, keys_from_mime
from desktop_crm.ui.calendar.entry_text import done_look, line_text, tooltip_text
from desktop_crm.ui.calendar.kind_style import kind_icon

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex
Finder = Callable[[EntryKey], Entry | None]


class DayEntriesModel(QAbstractListModel):
    move_requested = Signal(object, object)  # Entry, date

    def __init__(self, day: date, zone: tzinfo, find: Finder, *,
                 show_owner: bool = False, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.day = day
        self._zone = zone
        self._find = find  # looks up any entry of the view's load, so drops cross days
        self._show_owner = show_owner
        self._entries: list[Entry] = []

    def set_entries(self, day: date, entries: Sequence[Entry], zone: tzinfo, *,
                    show_owner: bool = False) -> None:
        self.beginResetModel()
        self.day, self._zone, self._show_owner = day, zone, show_owner
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> Entry:
        return self._entries[row]

    def entries(self) -> list[Entry]:
        return list(self._entries)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        done = entry.done_at is not None
        if role == Qt.ItemDataRole.DisplayRole:
            return line_text(entry, self._zone)
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_icon(entry.kind)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return tooltip_text(entry, self._zone, show_owner=self._show_owner)
        if role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole):
            return done_look(role, done)
        if role == ENTRY_ROLE:
            return entry
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)

    # --- drag and drop ------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [ENTRY_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        return entries_mime([self._entries[row] for row in rows])

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def _dropped(self, data: QMimeData | None) -> list[Entry]:
        found = (self._find(key) for key in keys_from_mime(data))
        return [entry for entry in found if entry is not None]

    def canDropMimeData(self, data: QMimeData | None, action: Qt.DropAction, row: int,
                        column: int, parent: AnyIndex) -> bool:
        return action == Qt.DropAction.MoveAction and bool(self._dropped(data))

    def dropMimeData(self, data: QMimeData | None, action: Qt.DropAction, row: int,
                     column: int, parent: AnyIndex) -> bool:
        if action != Qt.DropAction.MoveAction:
            return False
        moved = [entry for entry in self._dropped(data) if entry.day(self._zone) != self.day]
        for entry in moved:
            self.move_requested.emit(entry, self.day)
        return bool(moved)
