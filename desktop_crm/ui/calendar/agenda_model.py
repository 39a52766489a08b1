"""The agenda as a two-level model: each day with anything on it, and under it that day's
entries (time, kind, title, customer, owner), done ones struck through."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, tzinfo

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from desktop_crm.services.reminder_views import Entry
from desktop_crm.ui.calendar.day_summary import DaySummary, summarise
from desktop_crm.ui.calendar.entry_mime import ENTRY_MIME_TYPE, entries_mime
from desktop_crm.ui.calendar.entry_text import done_look, time_text, tooltip_text
from desktop_crm.ui.calendar.kind_style import kind_icon, kind_label
from desktop_crm.ui.i18n import filled

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the Entry of an entry row
DAY_ROLE = Qt.ItemDataRole.UserRole + 2  # the date of a day row
COLUMNS = ("time", "kind", "title", "customer", "owner")
AnyIndex = QModelIndex | QPersistentModelIndex
_DAY = 0  # internal id of a day row; an entry row holds its day's row + 1
# Worked out once: the view asks for flags of every row when it lays the tree out.
_DAY_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_ENTRY_FLAGS = _DAY_FLAGS | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemNeverHasChildren


class AgendaModel(QAbstractItemModel):
    def __init__(self, zone: tzinfo, *, today: date | None = None, icon_on_title: bool = False,
                 parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._zone = zone
        self._icon_column = "title" if icon_on_title else "kind"  # a narrow agenda: no kind
        self._today = today
        self._days: list[DaySummary] = []

    def set_entries(self, entries: Sequence[Entry], zone: tzinfo | None = None, *,
                    today: date | None = None) -> None:
        self.beginResetModel()
        if zone is not None:
            self._zone = zone
        if today is not None:
            self._today = today
        summaries = summarise(entries, self._zone)
        self._days = [summaries[day] for day in sorted(summaries)]
        self.endResetModel()

    @property
    def entry_count(self) -> int:
        return sum(summary.total for summary in self._days)

    def days(self) -> list[date]:
        return [summary.day for summary in self._days]

    def day_index(self, day: date) -> QModelIndex:
        for row, summary in enumerate(self._days):
            if summary.day == day:
                return self.index(row, 0)
        return QModelIndex()

    def entry_index(self, entry: Entry, column: int = 0) -> QModelIndex:
        for row, summary in enumerate(self._days):
            if entry in summary.entries:
                return self.index(summary.entries.index(entry), column, self.index(row, 0))
        return QModelIndex()

    def entry_at(self, index: AnyIndex) -> Entry | None:
        if not index.isValid() or index.internalId() == _DAY:
            return None
        return self._days[index.internalId() - 1].entries[index.row()]

    # --- the tree -----------------------------------------------------------------------------

    def index(self, row: int, column: int,
              parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < len(COLUMNS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _DAY) if row < len(self._days) \
                else QModelIndex()
        if parent.internalId() != _DAY or parent.column() != 0 \
                or row >= self._days[parent.row()].total:
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _DAY:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _DAY)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._days)
        if parent.internalId() == _DAY and parent.column() == 0:
            return self._days[parent.row()].total
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole \
                or not 0 <= section < len(COLUMNS):
            return None
        return (self.tr("Time"), self.tr("Kind"), self.tr("Title"), self.tr("Customer"),
                self.tr("Owner"))[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == _DAY:
            return self._day_data(self._days[index.row()], index.column(), role)
        entry = self._days[index.internalId() - 1].entries[index.row()]
        return self._entry_data(entry, COLUMNS[index.column()], role)

    def _day_data(self, summary: DaySummary, column: int, role: int) -> object:
        if role == DAY_ROLE:
            return summary.day
        if column != 0:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.day_heading(summary.day)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def day_heading(self, day: date) -> str:
        text = QLocale().toString(QDate(day.year, day.month, day.day),
                                  QLocale.FormatType.LongFormat)
        return filled(self.tr("%1 · today"), text) if day == self._today else text

    def _entry_data(self, entry: Entry, column: str, role: int) -> object:
        done = entry.done_at is not None
        if role == Qt.ItemDataRole.DisplayRole:
            return {"time": time_text(entry, self._zone), "kind": kind_label(entry.kind),
                    "title": entry.title, "customer": entry.customer_name,
                    "owner": entry.owner_name}[column]
        if role == Qt.ItemDataRole.DecorationRole and column == self._icon_column:
            return kind_icon(entry.kind)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return tooltip_text(entry, self._zone, show_owner=True)
        if role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole):
            return done_look(role, done)
        if role == ENTRY_ROLE:
            return entry
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _DAY_FLAGS if index.internalId() == _DAY else _ENTRY_FLAGS

    # --- dragging an entry to a day of the month grid -------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [ENTRY_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        found: list[Entry] = []
        for index in indexes:
            entry = self.entry_at(index)
            if entry is not None and entry not in found:
                found.append(entry)
        return entries_mime(found)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction
