"""The row of filters above the customer list: list view, stage, tier, owner, department,
tag and city.

The choices come from the service (what this user may see), read once when the page opens.
A combo's first entry means "any"; the list views offered are only those the user's scope
makes meaningful.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCollator, QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from desktop_crm.domain.enums import LifecycleStage, Tier
from desktop_crm.services.customer_filters import CustomerFilter, FilterChoices, ListView
from desktop_crm.ui.flow_layout import FlowLayout
from desktop_crm.ui.labels import stage_label, tier_label
from desktop_crm.ui.widgets import fill_combo, filter_combo


def view_label(view: str) -> str:
    labels = {
        "all": QCoreApplication.translate("FilterBar", "All customers"),
        "mine": QCoreApplication.translate("FilterBar", "My customers"),
        "subordinates": QCoreApplication.translate("FilterBar", "My team's customers"),
        "shared": QCoreApplication.translate("FilterBar", "Shared with me"),
        "department": QCoreApplication.translate("FilterBar", "My department"),
    }
    return labels.get(view, view)


def by_name(items: Iterable[tuple[Any, str]]) -> list[tuple[Any, str]]:
    """Ordered by label as a Chinese reader expects: pinyin order, then Latin names."""
    collator = QCollator(QLocale("zh_CN"))
    return sorted(items, key=lambda item: collator.sortKey(item[1]))


class FilterBar(QWidget):
    filter_did_change = Signal(object)  # CustomerFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.view_combo = self._combo("viewFilter", self.tr("Which customers to list"))
        self.stage_combo = self._combo("stageFilter", self.tr("Lifecycle stage"))
        self.tier_combo = self._combo("tierFilter", self.tr("Tier"))
        self.owner_combo = self._combo("ownerFilter", self.tr("Owner"))
        self.department_combo = self._combo("departmentFilter", self.tr("Department"))
        self.tag_combo = self._combo("tagFilter", self.tr("Tag"))
        self.city_combo = self._combo("cityFilter", self.tr("City"))
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.setObjectName("clearFiltersButton")
        self.clear_button.clicked.connect(self.clear)

        fill_combo(self.stage_combo, self.tr("Any stage"),
                   [(s.value, stage_label(s.value)) for s in LifecycleStage])
        fill_combo(self.tier_combo, self.tr("Any tier"),
                   [(t.value, tier_label(t.value)) for t in Tier])
        fill_combo(self.owner_combo, self.tr("Any owner"), [])
        fill_combo(self.department_combo, self.tr("Any department"), [])
        fill_combo(self.tag_combo, self.tr("Any tag"), [])
        fill_combo(self.city_combo, self.tr("Any city"), [])
        self.set_views(["all"])

        layout = FlowLayout(self)  # wraps to a second line in a narrow window
        for combo in self._combos():
            layout.addWidget(combo)
        layout.addWidget(self.clear_button)
        for combo in self._combos():
            combo.currentIndexChanged.connect(self._changed)
        self._update_clear_button()

    def _combo(self, name: str, tip: str) -> QComboBox:
        return filter_combo(self, name, tip)

    def _combos(self) -> tuple[QComboBox, ...]:
        return (self.view_combo, self.stage_combo, self.tier_combo, self.owner_combo,
                self.department_combo, self.tag_combo, self.city_combo)

    # --- choices from the service -------------------------------------------------------------

    def set_views(self, views: Sequence[ListView]) -> None:
        before = self.current()
        fill_combo(self.view_combo, None, [(v, view_label(v)) for v in views])
        self.view_combo.setVisible(len(views) > 1)  # one view is no choice
        self._changed_from(before)

    def set_choices(self, choices: FilterChoices) -> None:
        before = self.current()
        fill_combo(self.owner_combo, self.tr("Any owner"), by_name(
            (o.id, o.display_name or o.username) for o in choices.owners))
        fill_combo(self.department_combo, self.tr("Any department"), by_name(
            (d.id, d.name) for d in choices.departments))
        fill_combo(self.tag_combo, self.tr("Any tag"), [(t, t) for t in choices.tags])
        fill_combo(self.city_combo, self.tr("Any city"), [(c, c) for c in choices.cities])
        # a salesperson who sees only their own customers has no owner to choose
        self.owner_combo.setVisible(len(choices.owners) > 1)
        self.department_combo.setVisible(len(choices.departments) > 1)
        self.tag_combo.setVisible(bool(choices.tags))
        self.city_combo.setVisible(bool(choices.cities))
        self._changed_from(before)

    def _changed_from(self, before: CustomerFilter) -> None:
        """New choices may not hold a value chosen before: then the combo moved back to
        "any", and the list must follow what the bar now says."""
        if self.current() != before:
            self._changed()

    # --- the filter ---------------------------------------------------------------------------

    def current(self) -> CustomerFilter:
        return CustomerFilter(
            view=self.view_combo.currentData() or "all",
            lifecycle_stage=self.stage_combo.currentData(),
            tier=self.tier_combo.currentData(),
            owner_id=self.owner_combo.currentData(),
            department_id=self.department_combo.currentData(),
            tag=self.tag_combo.currentData(),
            city=self.city_combo.currentData(),
        )

    def clear(self) -> None:
        """Drop the narrowing filters; the list view is a choice of what to see, not a filter."""
        for combo in self._combos()[1:]:
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._changed()

    def _changed(self) -> None:
        self._update_clear_button()
        self.filter_did_change.emit(self.current())

    def _update_clear_button(self) -> None:
        narrowed = any(combo.currentIndex() > 0 for combo in self._combos()[1:])
        self.clear_button.setVisible(narrowed)
