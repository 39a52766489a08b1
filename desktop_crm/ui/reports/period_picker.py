"""The period a dashboard or report covers: a month (the last 24) or a quarter (the last 8),
the current month by default, named as the services take them ("2026-10", "2026-Q4")."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from desktop_crm.reports.periods import Period, PeriodKind
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.widgets import fill_combo, filter_combo

MONTHS_OFFERED = 24
QUARTERS_OFFERED = 8


def recent_periods(today: date, kind: PeriodKind) -> list[str]:
    """The month or quarter `today` falls in and those before it, newest first."""
    count = QUARTERS_OFFERED if kind is PeriodKind.QUARTER else MONTHS_OFFERED
    current = Period.containing(today, kind)
    return [p.label for p in reversed(current.last(count))]


class ReportPeriodPicker(QWidget):
    period_did_change = Signal(str)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("periodPicker")
        self._today = today
        self.kind_combo = filter_combo(self, "periodKindCombo", self.tr("Month or quarter"))
        self.kind_combo.addItem(self.tr("Month"), PeriodKind.MONTH.value)
        self.kind_combo.addItem(self.tr("Quarter"), PeriodKind.QUARTER.value)
        self.period_combo = filter_combo(self, "periodCombo", self.tr("Period"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind_combo)
        layout.addWidget(self.period_combo)
        self._fill()
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.period_combo.currentIndexChanged.connect(
            lambda _: self.period_did_change.emit(self.period()))

    def period(self) -> str:
        return str(self.period_combo.currentData())

    def choose(self, period: str) -> None:
        """Show `period` (one of those offered), switching month or quarter to it."""
        kind = Period.parse(period).kind
        self.blockSignals(True)  # one change, told once
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        found = self.period_combo.findData(period)
        self.period_combo.setCurrentIndex(max(found, 0))
        self.blockSignals(False)
        if found < 0:
            raise ValueError(f"{period} is not offered")
        self.period_did_change.emit(self.period())

    def _kind_changed(self) -> None:
        self._fill()
        self.period_did_change.emit(self.period())

    def _fill(self) -> None:
        """The kind's periods, newest (the current one) first and chosen."""
        periods = recent_periods(self._today, PeriodKind(self.kind_combo.currentData()))
        fill_combo(self.period_combo, None, [(p, self.period_label(p)) for p in periods])
        self.period_combo.setCurrentIndex(0)

    def period_label(self, period: str) -> str:
        year, part = period.split("-")
        if part.startswith("Q"):
            return filled(self.tr("%1 Q%2"), year, part[1:])
        return filled(self.tr("%1-%2", "a year and its month"), year, part)
