"""The row of filters above the Calls table: period (with quick picks and a custom range),
who logged the call, outcome and kind.

A combo's first entry means "any". The people and outcomes offered come from the services
(what this user may see); a choice of one is no choice, so such a combo stays out of sight.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from desktop_crm.domain.enums import InteractionKind
from desktop_crm.services.calls import CallFilter
from desktop_crm.services.customer_filters import OwnerChoice
from desktop_crm.ui.calls.periods import Period, period_moments
from desktop_crm.ui.flow_layout import FlowLayout
from desktop_crm.ui.labels import interaction_kind_label
from desktop_crm.ui.widgets import fill_combo, filter_combo, filter_date_edit


def period_label(period: Period) -> str:
    labels = {
        Period.ANY: QCoreApplication.translate("CallsFilterBar", "Any time"),
        Period.TODAY: QCoreApplication.translate("CallsFilterBar", "Today"),
        Period.WEEK: QCoreApplication.translate("CallsFilterBar", "This week"),
        Period.MONTH: QCoreApplication.translate("CallsFilterBar", "This month"),
        Period.CUSTOM: QCoreApplication.translate("CallsFilterBar", "Custom range…"),
    }
    return labels[period]


def add_period_choices(combo: QComboBox) -> None:
    """Every quick period and the custom range, each choice's data its Period value."""
    for period in Period:
        combo.addItem(period_label(period), period.value)


class CallsFilterBar(QWidget):
    filter_did_change = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callsFilterBar")
        self.period_combo = self._combo("periodFilter", self.tr("When the calls started"))
        add_period_choices(self.period_combo)
        self.from_edit = filter_date_edit(self, "fromDateEdit", self.tr("From (inclusive)"))
        self.to_edit = filter_date_edit(self, "toDateEdit", self.tr("To (inclusive)"))
        self.owner_combo = self._combo("loggedByFilter", self.tr("Logged by"))
        self.outcome_combo = self._combo("outcomeFilter", self.tr("Outcome"))
        self.kind_combo = self._combo("kindFilter", self.tr("Kind"))
        fill_combo(self.owner_combo, self.tr("Logged by anyone"), [])
        fill_combo(self.outcome_combo, self.tr("Any outcome"), [])
        fill_combo(self.kind_combo, self.tr("Any kind"),
                   [(k.value, interaction_kind_label(k)) for k in InteractionKind])
        self.owner_combo.hide()
        self.outcome_combo.hide()
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.setObjectName("clearCallFiltersButton")
        self.clear_button.clicked.connect(self.clear)

        layout = FlowLayout(self)  # wraps to a second line in a narrow window
        for widget in (self.period_combo, self.from_edit, self.to_edit, self.owner_combo,
                       self.outcome_combo, self.kind_combo, self.clear_button):
            layout.addWidget(widget)
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        for combo in (self.owner_combo, self.outcome_combo, self.kind_combo):
            combo.currentIndexChanged.connect(self._changed)
        self.from_edit.dateChanged.connect(self._changed)
        self.to_edit.dateChanged.connect(self._changed)
        self._show_custom_range(False)
        self._update_clear_button()

    def _combo(self, name: str, tip: str) -> QComboBox:
        return filter_combo(self, name, tip)

    # --- choices from the services ------------------------------------------------------------

    def set_people(self, people: Sequence[OwnerChoice]) -> None:
        moved = fill_combo(self.owner_combo, self.tr("Logged by anyone"),
                           [(p.id, p.display_name or p.username) for p in people])
        self.owner_combo.setVisible(len(people) > 1)
        if moved:  # the person chosen is no longer offered: the list follows the bar
            self._changed()

    def set_outcomes(self, outcomes: Sequence[str]) -> None:
        moved = fill_combo(self.outcome_combo, self.tr("Any outcome"),
                           [(o, o) for o in outcomes])
        self.outcome_combo.setVisible(bool(outcomes))
        if moved:
            self._changed()

    # --- the filter ---------------------------------------------------------------------------

    def period(self) -> Period:
        return Period(self.period_combo.currentData())

    def current(self, today: date, *, first_weekday: int = 0) -> CallFilter:
        """The filter as chosen, its period read as local days around `today`."""
        custom = (self.from_edit.date().toPython(), self.to_edit.date().toPython())
        since, until = period_moments(self.period(), today, first_weekday=first_weekday,
                                      custom=custom)
        return CallFilter(since=since, until=until, owner_id=self.owner_combo.currentData(),
                          outcome=self.outcome_combo.currentData(),
                          kind=self.kind_combo.currentData())

    def narrowed(self) -> bool:
        return any(combo.currentIndex() > 0 for combo in self._combos())

    def start_custom_range(self, first: date, last: date) -> None:
        """The days a custom range starts with when it is picked (the page passes this month)."""
        for edit, day in ((self.from_edit, first), (self.to_edit, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def clear(self) -> None:
        for combo in self._combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._show_custom_range(False)
        self._changed()

    def _combos(self) -> tuple[QComboBox, ...]:
        return (self.period_combo, self.owner_combo, self.outcome_combo, self.kind_combo)

    def _period_changed(self) -> None:
        self._show_custom_range(self.period() == Period.CUSTOM)
        self._changed()

    def _show_custom_range(self, shown: bool) -> None:
        self.from_edit.setVisible(shown)
        self.to_edit.setVisible(shown)

    def _changed(self) -> None:
        self._update_clear_button()
        self.filter_did_change.emit()

    def _update_clear_button(self) -> None:
        self.clear_button.setVisible(self.narrowed())

