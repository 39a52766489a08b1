"""A period picker (any time, today, this week, this month, a custom range of days) shared by
the alerts and audit pages; it answers aware UTC moments [since, until)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from desktop_crm.ui.calls.calls_filter_bar import add_period_choices
from desktop_crm.ui.calls.periods import Period, period_moments
from desktop_crm.ui.widgets import filter_combo, filter_date_edit


class PeriodPicker(QWidget):
    period_did_change = Signal()

    def __init__(self, name: str, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.combo: QComboBox = filter_combo(self, f"{name}Combo", tip)
        add_period_choices(self.combo)
        self.from_edit = filter_date_edit(self, f"{name}From", self.tr("From (inclusive)"))
        self.to_edit = filter_date_edit(self, f"{name}To", self.tr("To (inclusive)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.combo, self.from_edit, self.to_edit):
            layout.addWidget(widget)
        self.combo.currentIndexChanged.connect(self._period_changed)
        self.from_edit.dateChanged.connect(self.period_did_change)
        self.to_edit.dateChanged.connect(self.period_did_change)
        self._show_range(False)

    def period(self) -> Period:
        return Period(self.combo.currentData())

    def prefill(self, first: date, last: date) -> None:
        """The days a custom range starts with when it is picked (the pages pass this month)."""
        for edit, day in ((self.from_edit, first), (self.to_edit, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def set_custom_range(self, first: date, last: date) -> None:
        """Pick a custom range of local days (both included)."""
        self.prefill(first, last)
        self.combo.setCurrentIndex(self.combo.findData(Period.CUSTOM.value))
        self.period_did_change.emit()

    def reset(self) -> None:
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(0)
        self.combo.blockSignals(False)
        self._show_range(False)

    def moments(self, today: date) -> tuple[datetime | None, datetime | None]:
        first_weekday = QLocale().firstDayOfWeek().value - 1  # Qt counts Monday as 1
        custom = (self.from_edit.date().toPython(), self.to_edit.date().toPython())
        return period_moments(self.period(), today, first_weekday=first_weekday, custom=custom)

    def narrowed(self) -> bool:
        return self.period() != Period.ANY

    def _period_changed(self) -> None:
        self._show_range(self.period() == Period.CUSTOM)
        self.period_did_change.emit()

    def _show_range(self, shown: bool) -> None:
        self.from_edit.setVisible(shown)
        self.to_edit.setVisible(shown)
