"""The three ways the calendar page shows entries, one at a time: the month grid with the
selected day's agenda beside it (below it in a narrow window), the week, and the agenda.
All three speak the same signals, so the page handles a drop or a double-click once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, tzinfo

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QStackedWidget, QWidget

from desktop_crm.services.reminder_views import Entry
from desktop_crm.ui.calendar.agenda_view import AgendaView
from desktop_crm.ui.calendar.calendar_days import ViewMode
from desktop_crm.ui.calendar.month_model import MonthModel
from desktop_crm.ui.calendar.month_view import MonthView
from desktop_crm.ui.calendar.week_view import WeekView
from desktop_crm.ui.i18n import filled

NARROW = 760  # below this width the day's agenda goes under the month grid
SPLIT_SIDE = (0.7, 0.3)  # the grid's and the day's agenda's shares side by side
SPLIT_BELOW = (0.62, 0.38)  # and one above the other


class CalendarViews(QStackedWidget):
    create_requested = Signal(object)  # date
    open_requested = Signal(object)  # Entry
    move_requested = Signal(object, object)  # Entry, date
    entry_menu_requested = Signal(object, QPoint)
    day_menu_requested = Signal(object, QPoint)
    day_selected = Signal(object)  # date

    def __init__(self, anchor: date, zone: tzinfo, *, first_weekday: int, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarViews")
        self._zone = zone
        self._today = today
        self._chosen = anchor  # the day the month grid shows beside it
        self._show_owner = False
        self.month_model = MonthModel(anchor, zone, first_weekday=first_weekday, today=today,
                                      parent=self)
        self.month_view = MonthView(self.month_model, self)
        self.day_agenda = AgendaView(zone, object_name="dayAgenda", compact=True, parent=self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("monthSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.month_view)
        self.splitter.addWidget(self.day_agenda)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self._split_dragged = False  # the person's own split stays until the window turns
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "_split_dragged", True))
        self.week_view = WeekView(anchor, zone, first_weekday=first_weekday, today=today,
                                  parent=self)
        self.agenda_view = AgendaView(zone, parent=self)
        self.addWidget(self.splitter)
        self.addWidget(self.week_view)
        self.addWidget(self.agenda_view)

        self.month_model.move_requested.connect(self.move_requested)
        self.week_view.move_requested.connect(self.move_requested)
        self.month_view.day_selected.connect(self._day_selected)
        sources: tuple[MonthView | WeekView | AgendaView, ...] = (
            self.month_view, self.week_view, self.day_agenda, self.agenda_view)
        for source in sources:
            source.create_requested.connect(self.create_requested)
            source.open_requested.connect(self.open_requested)
            source.entry_menu_requested.connect(self.entry_menu_requested)
            source.day_menu_requested.connect(self.day_menu_requested)

    def set_mode(self, mode: ViewMode) -> None:
        self.setCurrentWidget({ViewMode.MONTH: self.splitter, ViewMode.WEEK: self.week_view,
                               ViewMode.AGENDA: self.agenda_view}[mode])

    def set_period(self, anchor: date, today: date) -> None:
        """Show the days around `anchor` in every view (entries follow when loaded)."""
        self._today = today
        self._chosen = anchor
        self.month_model.set_period(anchor, today=today)
        self.week_view.set_period(anchor, today=today)
        self.month_view.select_day(anchor)

    def set_entries(self, mode: ViewMode, entries: Sequence[Entry], zone: tzinfo, *,
                    today: date, show_owner: bool) -> None:
        """Entries loaded for `mode`; the other views are emptied (they load when shown)."""
        self._zone, self._today, self._show_owner = zone, today, show_owner
        listed = list(entries)
        self.month_model.set_entries(listed if mode is ViewMode.MONTH else [], zone)
        self.week_view.set_entries(listed if mode is ViewMode.WEEK else [], zone,
                                   show_owner=show_owner)
        self.agenda_view.set_entries(listed if mode is ViewMode.AGENDA else [], zone,
                                     today=today, show_owner=show_owner)
        # new entries reset the grid's model, and with it the current day: choose it again
        day = self.month_view.selected_day() or self._chosen
        self.month_view.select_day(day)
        self._day_selected(day)

    def _day_selected(self, day: date) -> None:
        self._chosen = day
        summary = self.month_model.summary(day)
        heading = QLocale().toString(QDate(day.year, day.month, day.day),
                                     QLocale.FormatType.LongFormat)
        self.day_agenda.set_empty_text(filled(self.tr("Nothing planned on %1"), heading))
        self.day_agenda.set_entries(summary.entries if summary else [], self._zone,
                                    today=self._today, show_owner=self._show_owner)
        self.day_selected.emit(day)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        orientation = (Qt.Orientation.Vertical if event.size().width() < NARROW
                       else Qt.Orientation.Horizontal)
        turned = orientation != self.splitter.orientation()
        self.splitter.setOrientation(orientation)
        if turned or not self._split_dragged:
            self._split_dragged = False
            self._share_split(SPLIT_SIDE if orientation == Qt.Orientation.Horizontal
                              else SPLIT_BELOW)

    def _share_split(self, shares: tuple[float, float]) -> None:
        """Give the grid and the day's agenda these shares of the room."""
        horizontal = self.splitter.orientation() == Qt.Orientation.Horizontal
        room = self.width() if horizontal else self.height()
        self.splitter.setSizes([round(room * shares[0]), round(room * shares[1])])
