"""The week: seven columns, each with the day's all-day entries on top and its timed entries
below in time order. Entries drag between days; a double-click on a day's empty space asks to
create a reminder there, on an entry to open it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta, tzinfo

from PySide6.QtCore import QDate, QLocale, QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QFont, QFontMetrics, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QLabel,
    QListView,
    QSizePolicy,
    QWidget,
)

from desktop_crm.services.reminder_views import Entry
from desktop_crm.ui.calendar.calendar_days import week_start
from desktop_crm.ui.calendar.day_entries_model import DayEntriesModel
from desktop_crm.ui.calendar.day_summary import EntrySet, summarise

ALL_DAY_LINES_SHOWN = 3  # more all-day entries than this scroll inside their row


class DayEntryList(QListView):
    """One day's entries in the week: drags out, takes drops, double-click and menus."""

    create_requested = Signal(object)  # date
    open_requested = Signal(object)  # Entry
    entry_menu_requested = Signal(object, QPoint)
    day_menu_requested = Signal(object, QPoint)

    def __init__(self, model: DayEntriesModel, object_name: str, *, wrap: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setModel(model)
        self.day_model = model
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A narrow day wraps a timed title rather than hide it; the all-day row keeps one
        # line an entry so its height stays known (the tooltip has the whole title).
        self.setWordWrap(wrap)
        self.setUniformItemSizes(not wrap)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        side = QFontMetrics(self.font()).height()
        self.setIconSize(QSize(side, side))
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)  # the whole day is the target, not a place in it
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setMinimumWidth(40)

    def entry_at(self, position: QPoint) -> Entry | None:
        index = self.indexAt(position)
        return self.day_model.entry(index.row()) if index.isValid() else None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        entry = self.entry_at(event.position().toPoint())
        if entry is not None:
            self.open_requested.emit(entry)
        else:
            self.create_requested.emit(self.day_model.day)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        entry = self.entry_at(event.pos())
        if entry is not None:
            self.entry_menu_requested.emit(entry, event.globalPos())
        else:
            self.day_menu_requested.emit(self.day_model.day, event.globalPos())


class WeekView(QWidget):
    create_requested = Signal(object)  # date
    open_requested = Signal(object)  # Entry
    move_requested = Signal(object, object)  # Entry, date
    entry_menu_requested = Signal(object, QPoint)
    day_menu_requested = Signal(object, QPoint)

    def __init__(self, anchor: date, zone: tzinfo, *, first_weekday: int = 0,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekView")
        self.setAccessibleName(self.tr("Week"))
        self._zone = zone
        self._first_weekday = first_weekday
        self._today = today or anchor
        self._first = week_start(anchor, first_weekday)
        self._entries = EntrySet()
        self._show_owner = False
        self.headers: list[QLabel] = []
        self.all_day_lists: list[DayEntryList] = []
        self.timed_lists: list[DayEntryList] = []

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(2)
        grid.setVerticalSpacing(2)
        self._all_day_label = QLabel(self.tr("All day"), self)
        self._all_day_label.setObjectName("weekAllDayLabel")
        self._all_day_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self._all_day_label, 1, 0)
        for column in range(7):
            header = QLabel(self)
            header.setObjectName(f"weekDayHeader{column}")
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setFrameShape(QFrame.Shape.StyledPanel)
            self.headers.append(header)
            grid.addWidget(header, 0, column + 1)
            for row, lists, name in ((1, self.all_day_lists, "weekAllDay"),
                                     (2, self.timed_lists, "weekTimed")):
                wrap = row == 2
                model = DayEntriesModel(self._first, zone, self._entries_find, parent=self)
                model.move_requested.connect(self.move_requested)
                day_list = DayEntryList(model, f"{name}{column}", wrap=wrap, parent=self)
                day_list.create_requested.connect(self.create_requested)
                day_list.open_requested.connect(self.open_requested)
                day_list.entry_menu_requested.connect(self.entry_menu_requested)
                day_list.day_menu_requested.connect(self.day_menu_requested)
                lists.append(day_list)
                grid.addWidget(day_list, row, column + 1)
            grid.setColumnStretch(column + 1, 1)
        grid.setRowStretch(2, 1)
        self._fit_all_day_row(0)
        self.set_period(anchor, today=today)

    def _entries_find(self, key: tuple[str, str | None]) -> Entry | None:
        return self._entries.find(key)

    @property
    def first_day(self) -> date:
        return self._first

    @property
    def end_day(self) -> date:
        return self._first + timedelta(days=7)

    def days(self) -> list[date]:
        return [self._first + timedelta(days=n) for n in range(7)]

    def set_period(self, anchor: date, *, today: date | None = None) -> None:
        if today is not None:
            self._today = today
        self._first = week_start(anchor, self._first_weekday)
        for column, day in enumerate(self.days()):
            self._show_header(self.headers[column], day)
        self.set_entries([], self._zone, show_owner=self._show_owner)

    def _show_header(self, header: QLabel, day: date) -> None:
        qdate = QDate(day.year, day.month, day.day)
        header.setText(QLocale().toString(qdate, self.tr("ddd d")))
        header.setToolTip(QLocale().toString(qdate, QLocale.FormatType.LongFormat))
        font = QFont(self.font())
        font.setBold(day == self._today)
        header.setFont(font)
        header.setAutoFillBackground(day == self._today)
        palette = self.palette()
        if day == self._today:
            palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Highlight))
            palette.setColor(QPalette.ColorRole.WindowText,
                             palette.color(QPalette.ColorRole.HighlightedText))
        header.setPalette(palette)

    def set_entries(self, entries: Sequence[Entry], zone: tzinfo | None = None, *,
                    show_owner: bool = False) -> None:
        if zone is not None:
            self._zone = zone
        self._show_owner = show_owner
        self._entries = EntrySet(entries)
        summaries = summarise(entries, self._zone)
        most_all_day = 0
        for column, day in enumerate(self.days()):
            summary = summaries.get(day)
            listed = summary.entries if summary is not None else ()
            whole_days = [entry for entry in listed if entry.all_day]
            most_all_day = max(most_all_day, len(whole_days))
            self.all_day_lists[column].day_model.set_entries(
                day, whole_days, self._zone, show_owner=show_owner)
            self.timed_lists[column].day_model.set_entries(
                day, [entry for entry in listed if not entry.all_day], self._zone,
                show_owner=show_owner)
        self._fit_all_day_row(most_all_day)

    def _fit_all_day_row(self, lines: int) -> None:
        """The all-day row as tall as the busiest day's (up to a few lines), at least one."""
        first = self.all_day_lists[0]
        line = max(first.sizeHintForRow(0) if first.model().rowCount() else 0,
                   QFontMetrics(first.font()).height() + 4, first.iconSize().height() + 2)
        height = line * max(1, min(lines, ALL_DAY_LINES_SHOWN)) + 2 * first.frameWidth() + 2
        for day_list in self.all_day_lists:
            day_list.setFixedHeight(height)
            day_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def list_for(self, day: date, *, all_day: bool) -> DayEntryList | None:
        offset = (day - self._first).days
        if not 0 <= offset < 7:
            return None
        return (self.all_day_lists if all_day else self.timed_lists)[offset]

    def entry_index(self, entry: Entry) -> tuple[DayEntryList, QModelIndex] | None:
        """Where the week shows `entry`: its day's list and row."""
        day_list = self.list_for(entry.day(self._zone), all_day=entry.all_day)
        if day_list is None:
            return None
        for row, shown in enumerate(day_list.day_model.entries()):
            if shown == entry:
                return day_list, day_list.day_model.index(row)
        return None
