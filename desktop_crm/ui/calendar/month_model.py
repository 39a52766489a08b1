"""The month grid as a 6×7 table model: one cell a day, the first column the locale's first
day of the week. Each day's summary is worked out once when entries arrive, never on paint.

Dropping an entry (mime data naming its reminder id and occurrence) on a day asks for the
move with `move_requested(entry, day)`; the page decides what a move means.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta, tzinfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop_crm.services.reminder_views import Entry
from desktop_crm.ui.calendar.calendar_days import grid_days
from desktop_crm.ui.calendar.day_summary import DaySummary, EntrySet, summarise
from desktop_crm.ui.calendar.entry_mime import ENTRY_MIME_TYPE, keys_from_mime
from desktop_crm.ui.calendar.kind_style import kind_label
from desktop_crm.ui.i18n import filled

DAY_ROLE = Qt.ItemDataRole.UserRole + 1  # the cell's date
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2  # its DaySummary, or None for an empty day
IN_MONTH_ROLE = Qt.ItemDataRole.UserRole + 3  # False for the dimmed days of other months
TODAY_ROLE = Qt.ItemDataRole.UserRole + 4
ROWS, COLUMNS = 6, 7
AnyIndex = QModelIndex | QPersistentModelIndex


class MonthModel(QAbstractTableModel):
    move_requested = Signal(object, object)  # Entry, date

    def __init__(self, anchor: date, zone: tzinfo, *, first_weekday: int = 0,
                 today: date | None = None, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._zone = zone
        self._first_weekday = first_weekday
        self._anchor = anchor
        self._today = today or anchor
        self._days = grid_days(anchor, first_weekday)
        self._entries = EntrySet()
        self._summaries: dict[date, DaySummary] = {}

    # --- what it shows ------------------------------------------------------------------------

    @property
    def anchor(self) -> date:
        return self._anchor

    @property
    def zone(self) -> tzinfo:
        return self._zone

    @property
    def first_day(self) -> date:
        return self._days[0]

    @property
    def end_day(self) -> date:
        return self._days[-1] + timedelta(days=1)

    def set_period(self, anchor: date, *, today: date | None = None) -> None:
        """Show the month holding `anchor`; the entries stay until new ones arrive."""
        self._anchor = anchor
        if today is not None:
            self._today = today
        self._days = grid_days(anchor, self._first_weekday)
        self._changed_all()

    def set_entries(self, entries: Iterable[Entry], zone: tzinfo | None = None) -> None:
        listed = list(entries)
        if zone is not None:
            self._zone = zone
        self._entries = EntrySet(listed)
        self._summaries = summarise(listed, self._zone)
        self._changed_all()

    def summary(self, day: date) -> DaySummary | None:
        return self._summaries.get(day)

    def index_of(self, day: date) -> QModelIndex:
        offset = (day - self._days[0]).days
        if not 0 <= offset < ROWS * COLUMNS:
            return QModelIndex()
        return self.index(offset // COLUMNS, offset % COLUMNS)

    def day_at(self, index: AnyIndex) -> date | None:
        if not index.isValid():
            return None
        return self._days[index.row() * COLUMNS + index.column()]

    def find(self, key: tuple[str, str | None]) -> Entry | None:
        return self._entries.find(key)

    def _changed_all(self) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(ROWS - 1, COLUMNS - 1))

    # --- the table ----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else ROWS

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        day = self.day_at(index)
        if day is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == DAY_ROLE:
            return day
        if role == SUMMARY_ROLE:
            return self._summaries.get(day)
        if role == IN_MONTH_ROLE:
            return day.month == self._anchor.month
        if role == TODAY_ROLE:
            return day == self._today
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return day_description(day, self._summaries.get(day))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            weekday = (self._first_weekday + section) % 7 + 1  # Qt counts Monday as 1
            return QLocale().dayName(weekday, QLocale.FormatType.ShortFormat)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDropEnabled | Qt.ItemFlag.ItemIsDragEnabled)

    # --- drag and drop ------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [ENTRY_MIME_TYPE]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def _drop_target(self, row: int, column: int, parent: AnyIndex) -> date | None:
        if parent.isValid():
            return self.day_at(parent)
        if 0 <= row < ROWS and 0 <= column < COLUMNS:
            return self._days[row * COLUMNS + column]
        return None

    def _dropped(self, data: QMimeData | None) -> list[Entry]:
        found = (self._entries.find(key) for key in keys_from_mime(data))
        return [entry for entry in found if entry is not None]

    def canDropMimeData(self, data: QMimeData | None, action: Qt.DropAction, row: int,
                        column: int, parent: AnyIndex) -> bool:
        return (action == Qt.DropAction.MoveAction and bool(self._dropped(data))
                and self._drop_target(row, column, parent) is not None)

    def dropMimeData(self, data: QMimeData | None, action: Qt.DropAction, row: int,
                     column: int, parent: AnyIndex) -> bool:
        day = self._drop_target(row, column, parent)
        if action != Qt.DropAction.MoveAction or day is None:
            return False
        moved = [entry for entry in self._dropped(data) if entry.day(self._zone) != day]
        for entry in moved:
            self.move_requested.emit(entry, day)
        return bool(moved)


def day_description(day: date, summary: DaySummary | None) -> str:
    """"Tuesday, 5 May 2026: Follow-up 2, Visit 1" in words, for tooltips and screen readers."""
    heading = QLocale().toString(QDate(day.year, day.month, day.day),
                                 QLocale.FormatType.LongFormat)
    if summary is None:
        return filled(QCoreApplication.translate("MonthModel", "%1: nothing planned"), heading)
    counts = QCoreApplication.translate("MonthModel", ", ").join(
        filled(QCoreApplication.translate("MonthModel", "%1 %2"), kind_label(kind), count)
        for kind, count in summary.counts)
    return filled(QCoreApplication.translate("MonthModel", "%1: %2"), heading, counts)
