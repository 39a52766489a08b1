"""The scope combo: "All I can see", then departments (indented as in the tree), then people
in the reader's name order; a salesperson sees only themselves under "All I can see"."""

from __future__ import annotations

from functools import cmp_to_key

from PySide6.QtCore import QCollator, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from desktop_crm.reports.report_model import ReportScope, ScopeKind
from desktop_crm.ui.reports.report_scopes import Reach, ScopeChoice, scope_choices

INDENT = "    "


class ScopePicker(QComboBox):
    scope_did_change = Signal(object)  # ReportScope

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scopeCombo")
        tip = self.tr("Whose customers")
        self.setToolTip(tip)
        self.setAccessibleName(tip)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMaxVisibleItems(20)
        self.choices: list[ScopeChoice] = []
        self.set_reach(Reach((), ()))
        self.currentIndexChanged.connect(self._changed)

    def everything_text(self) -> str:
        return self.tr("All I can see")

    def set_reach(self, reach: Reach) -> None:
        """Offer what `reach` holds, keeping the current choice when it is still offered."""
        collator = QCollator(QLocale())
        people = sorted(reach.people, key=cmp_to_key(
            lambda a, b: collator.compare(a.display_name or a.username,
                                          b.display_name or b.username)))
        kept = self.scope()
        self.choices = scope_choices(Reach(reach.departments, tuple(people)),
                                     self.everything_text())
        self.blockSignals(True)
        self.clear()
        previous_kind = None
        for number, choice in enumerate(self.choices):
            kind = choice.scope.kind
            if previous_kind is not None and kind != previous_kind:
                self.insertSeparator(self.count())
            previous_kind = kind
            self.addItem(INDENT * choice.depth + self._text(choice), number)
        found = self._index_of(kept)
        self.setCurrentIndex(found if found >= 0 else 0)
        self.blockSignals(False)
        if found < 0 and kept is not None and kept.kind is not ScopeKind.COMPANY:
            self._changed()  # the department or person chosen is no longer offered

    def _text(self, choice: ScopeChoice) -> str:
        return choice.scope.label

    def _index_of(self, scope: ReportScope | None) -> int:
        if scope is None:
            return -1
        for index in range(self.count()):
            number = self.itemData(index)
            if number is not None and self._same(self.choices[number].scope, scope):
                return index
        return -1

    @staticmethod
    def _same(a: ReportScope, b: ReportScope) -> bool:
        return (a.kind, a.id) == (b.kind, b.id)

    def scope(self) -> ReportScope | None:
        number = self.currentData()
        return None if number is None or not self.choices else self.choices[number].scope

    def choose(self, kind: ScopeKind, scope_id: str | None) -> None:
        found = self._index_of(ReportScope(kind, scope_id))
        if found < 0:
            raise ValueError(f"{kind} {scope_id} is not offered")
        self.setCurrentIndex(found)

    def offered(self) -> list[ReportScope]:
        return [choice.scope for choice in self.choices]

    def _changed(self) -> None:
        scope = self.scope()
        if scope is not None:
            self.scope_did_change.emit(scope)
