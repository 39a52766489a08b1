"""The field policies table of the role editor: per customer field, access and mask.

A field with no rule is open (edit, not masked), so only other choices become rules. A field
masked everywhere is read-only: picking that mask turns "edit" into "read only", and picking
"edit" lowers the mask to lists only, so the table never holds a combination the service
refuses.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_crm.domain.enums import FieldAccess, MaskMode
from desktop_crm.domain.permissions import FieldRule, Resource
from desktop_crm.services.role_rules import MASKABLE_FIELDS, POLICY_FIELDS
from desktop_crm.ui.admin.admin_labels import access_label, field_label, mask_label


class FieldPolicyTable(QTableWidget):
    rules_did_change = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(len(POLICY_FIELDS), 3, parent)
        self.setObjectName("fieldPolicyTable")
        self.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Access"), self.tr("Mask")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self._access: dict[str, QComboBox] = {}
        self._mask: dict[str, QComboBox] = {}
        for row, field in enumerate(POLICY_FIELDS):
            self.setItem(row, 0, QTableWidgetItem(field_label(field)))
            access = self._combo(f"access:{field}", [(a.value, access_label(a.value))
                                                     for a in FieldAccess])
            self._access[field] = access
            self.setCellWidget(row, 1, access)
            access.currentIndexChanged.connect(lambda _i, f=field: self._access_picked(f))
            if field in MASKABLE_FIELDS:
                mask = self._combo(f"mask:{field}", [(m.value, mask_label(m.value))
                                                     for m in MaskMode])
                self._mask[field] = mask
                self.setCellWidget(row, 2, mask)
                mask.currentIndexChanged.connect(lambda _i, f=field: self._mask_picked(f))
        metrics = self.fontMetrics()
        for column, labels in ((1, [access_label(a.value) for a in FieldAccess]),
                               (2, [mask_label(m.value) for m in MaskMode])):
            widest = max(metrics.horizontalAdvance(text) for text in labels)
            self.setColumnWidth(column, widest + metrics.averageCharWidth() * 6)
        self.set_rules(())

    def set_rules(self, rules: Sequence[FieldRule]) -> None:
        by_field = {r.field: r for r in rules if r.resource == Resource.CUSTOMER}
        for field in POLICY_FIELDS:
            rule = by_field.get(field)
            access, mask = (rule.access, rule.mask) if rule else (FieldAccess.EDIT,
                                                                  MaskMode.NONE)
            self._set(self._access[field], access.value)
            if field in self._mask:
                self._set(self._mask[field], mask.value)

    def rules(self) -> list[FieldRule]:
        rules = []
        for field in POLICY_FIELDS:
            access = FieldAccess(self._access[field].currentData())
            mask = MaskMode(self._mask[field].currentData()) if field in self._mask \
                else MaskMode.NONE
            if (access, mask) != (FieldAccess.EDIT, MaskMode.NONE):
                rules.append(FieldRule(Resource.CUSTOMER, field, access, mask))
        return rules

    def access_combo(self, field: str) -> QComboBox:
        return self._access[field]

    def mask_combo(self, field: str) -> QComboBox:
        return self._mask[field]

    def set_editable(self, editable: bool) -> None:
        for combo in (*self._access.values(), *self._mask.values()):
            combo.setEnabled(editable)

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for value, label in items:
            combo.addItem(label, value)
        return combo

    def _access_picked(self, field: str) -> None:
        if (self._access[field].currentData() == FieldAccess.EDIT.value and field in self._mask
                and self._mask[field].currentData() == MaskMode.EVERYWHERE.value):
            self._set(self._mask[field], MaskMode.LIST_ONLY.value)
        self.rules_did_change.emit()

    def _mask_picked(self, field: str) -> None:
        if (self._mask[field].currentData() == MaskMode.EVERYWHERE.value
                and self._access[field].currentData() == FieldAccess.EDIT.value):
            self._set(self._access[field], FieldAccess.READ.value)
        self.rules_did_change.emit()

    @staticmethod
    def _set(combo: QComboBox, value: str) -> None:
        combo.blockSignals(True)
        combo.setCurrentIndex(combo.findData(value))
        combo.blockSignals(False)
