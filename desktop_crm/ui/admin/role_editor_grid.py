"""The grant grid of the role editor: resources down, actions across, a data scope per cell.

A cell's combo offers "none" and the six scopes (a resource without owners offers "none" and
"granted"). A role may hold several scopes for one permission (a manager: self and
subordinates plus department and children; the user sees the union): such a cell shows the
combination as one more choice, kept until another is picked. "Specified departments" asks
which departments through `pick_departments`, a seam a test can answer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableWidget, QWidget

from desktop_crm.domain.enums import Scope
from desktop_crm.services.role_rules import ACTIONS_OF, SCOPED_RESOURCES, GrantRule
from desktop_crm.ui.admin.admin_labels import action_label, resource_label, scope_label

NONE, COMBINED = "", "combined"
Cell = tuple[tuple[Scope, tuple[str, ...]], ...]  # the scopes one cell grants; () for none
ACTIONS = tuple(dict.fromkeys(a for actions in ACTIONS_OF.values() for a in actions))
RESOURCES = tuple(ACTIONS_OF)


class GrantGrid(QTableWidget):
    grants_did_change = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(len(RESOURCES), len(ACTIONS), parent)
        self.setObjectName("grantGrid")
        self.setHorizontalHeaderLabels([action_label(a) for a in ACTIONS])
        self.setVerticalHeaderLabels([resource_label(r) for r in RESOURCES])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.department_names: dict[str, str] = {}
        # asks which departments "specified departments" means; None: the person cancelled
        self.pick_departments: Callable[[tuple[str, ...]], tuple[str, ...] | None] = \
            lambda chosen: None
        self._cells: dict[tuple[str, str], Cell] = {}
        self._combos: dict[tuple[str, str], QComboBox] = {}
        for row, resource in enumerate(RESOURCES):
            for column, action in enumerate(ACTIONS):
                if action in ACTIONS_OF[resource]:
                    combo = self._make_combo(resource, action)
                    self._combos[(resource, action)] = combo
                    self.setCellWidget(row, column, combo)

    # --- the role's grants ------------------------------------------------------------------

    def set_grants(self, grants: Sequence[GrantRule]) -> None:
        cells: dict[tuple[str, str], list[tuple[Scope, tuple[str, ...]]]] = {}
        for g in grants:
            cells.setdefault((g.resource, g.action), []).append((g.scope, g.department_ids))
        self._cells = {key: tuple(value) for key, value in cells.items()}
        for key in self._combos:
            self._show(key)
        self._fit_columns()

    def grants(self) -> list[GrantRule]:
        return [GrantRule(resource, action, scope, departments)
                for (resource, action), cell in self._cells.items()
                for scope, departments in cell]

    def combo(self, resource: str, action: str) -> QComboBox:
        return self._combos[(resource, action)]

    def set_editable(self, editable: bool) -> None:
        for combo in self._combos.values():
            combo.setEnabled(editable)

    def choose(self, resource: str, action: str, scope: Scope | None) -> None:
        """Pick a cell's scope as a person would (None: no grant)."""
        combo = self.combo(resource, action)
        combo.setCurrentIndex(combo.findData(NONE if scope is None else scope.value))

    # --- cells -------------------------------------------------------------------------------

    def _make_combo(self, resource: str, action: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"grant:{resource}.{action}")
        combo.setAccessibleName(f"{resource_label(resource)} — {action_label(action)}")
        combo.currentIndexChanged.connect(lambda _i, key=(resource, action): self._picked(key))
        return combo

    def _fit_columns(self) -> None:
        """Each column as wide as its longest choice (within reason: a long combination
        shows whole in its tooltip), so no scope reads cut off."""
        metrics = self.fontMetrics()
        padding = metrics.averageCharWidth() * 5  # the combo's frame and arrow
        for column, action in enumerate(ACTIONS):
            texts = [c.itemText(i) for (_, a), c in self._combos.items() if a == action
                     for i in range(c.count())]
            if texts:
                widest = max(metrics.horizontalAdvance(t) for t in texts) + padding
                self.setColumnWidth(column, min(widest, metrics.averageCharWidth() * 32))

    def _show(self, key: tuple[str, str]) -> None:
        resource, _ = key
        combo = self._combos[key]
        cell = self._cells.get(key, ())
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("—", NONE)
        if resource in SCOPED_RESOURCES:
            for scope in Scope:
                combo.addItem(scope_label(scope.value), scope.value)
        else:
            combo.addItem(self.tr("Granted"), Scope.ALL.value)
        if len(cell) > 1 or (cell and cell[0][1]):
            combo.insertItem(1, self._cell_text(cell), COMBINED)
            combo.setCurrentIndex(1)
        else:
            combo.setCurrentIndex(combo.findData(cell[0][0].value) if cell else 0)
        combo.setToolTip(combo.currentText())
        combo.blockSignals(False)

    def _cell_text(self, cell: Cell) -> str:
        parts = []
        for scope, departments in cell:
            if departments:
                names = "、".join(self.department_names.get(d, "?") for d in departments)
                parts.append(self.tr("Departments: %1").replace("%1", names))
            else:
                parts.append(scope_label(scope.value))
        return " + ".join(parts)

    def _picked(self, key: tuple[str, str]) -> None:
        data = self._combos[key].currentData()
        if data == COMBINED:
            return
        if data == NONE:
            self._cells.pop(key, None)
        elif data == Scope.CUSTOM_DEPARTMENTS.value:
            current = next((d for s, d in self._cells.get(key, ())
                            if s is Scope.CUSTOM_DEPARTMENTS), ())
            chosen = self.pick_departments(current)
            if not chosen:
                self._show(key)  # cancelled: the cell keeps what it had
                return
            self._cells[key] = ((Scope.CUSTOM_DEPARTMENTS, tuple(sorted(chosen))),)
        else:
            self._cells[key] = ((Scope(data), ()),)
        self._show(key)
        self._fit_columns()
        self.grants_did_change.emit()
