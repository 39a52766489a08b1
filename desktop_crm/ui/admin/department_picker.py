"""The department picker of the admin console: one department (or the top level) to move or
merge into, or several, ticked, for a role's "specified departments" scope.

Picking one, it collects and shows: the page runs the service call on `submitted` and reports
a refusal back with `show_error`, so the dialog stays open with what the admin chose.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.ui.errors import error_text
from desktop_crm.ui.widgets import MessageLabel, dialog_buttons

TOP_LEVEL = "top-level"  # the "(top level)" entry when picking one


class DepartmentPickerDialog(QDialog):
    """`departments` are (id, name) in the order shown. With `ticked` (the ids ticked at
    the start) several are picked and the dialog is accepted; without, one is chosen from a
    list that offers the top level first when asked, and `submitted` carries it."""

    submitted = Signal(object)  # the one chosen: a department id, or None for the top level

    def __init__(self, title: str, intro: str, accept_text: str,
                 departments: Sequence[tuple[str, str]], *,
                 ticked: Sequence[str] | None = None, offer_top_level: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("departmentPickerDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro, self)
            label.setWordWrap(True)
            layout.addWidget(label)
        if ticked is not None:
            self.list = self._tick_list(departments, ticked)
            layout.addWidget(self.list)
        else:
            self.combo = self._one_of(departments, offer_top_level)
            self.message = MessageLabel("departmentPickerMessage", self)
            layout.addWidget(self.combo)
            layout.addWidget(self.message)
            self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 50)
        buttons, self.save_button, cancel = dialog_buttons(
            self, accept_text=accept_text,
            accept_name="pickDepartmentButton" if ticked is None else "useDepartmentsButton",
            reject_text=self.tr("Cancel"))
        if ticked is None:
            self.save_button.setEnabled(self.combo.count() > 0)
            self.save_button.clicked.connect(self._submit)
        else:
            self.save_button.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def for_scope(cls, departments: Sequence[tuple[str, str]], ticked: Sequence[str],
                  parent: QWidget | None = None) -> DepartmentPickerDialog:
        """Tick the departments a "specified departments" scope reaches."""
        return cls(QCoreApplication.translate("DepartmentPickerDialog", "Specified departments"),
                   "", QCoreApplication.translate("DepartmentPickerDialog", "Use these"),
                   departments, ticked=ticked, parent=parent)

    def _one_of(self, departments: Sequence[tuple[str, str]], offer_top_level: bool) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName("departmentPickerCombo")
        if offer_top_level:
            combo.addItem(self.tr("(top level)"), TOP_LEVEL)
        for department_id, name in departments:
            combo.addItem(name, department_id)
        return combo

    def _tick_list(self, departments: Sequence[tuple[str, str]],
                   ticked: Sequence[str]) -> QListWidget:
        tick_list = QListWidget(self)
        tick_list.setObjectName("departmentPickerList")
        for department_id, name in departments:
            item = QListWidgetItem(name, tick_list)
            item.setData(Qt.ItemDataRole.UserRole, department_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if department_id in ticked
                               else Qt.CheckState.Unchecked)
        return tick_list

    # --- picking one ----------------------------------------------------------------------------

    def choose(self, department_id: str | None) -> bool:
        found = self.combo.findData(TOP_LEVEL if department_id is None else department_id)
        if found >= 0:
            self.combo.setCurrentIndex(found)
        return found >= 0

    def chosen(self) -> str | None:
        value = self.combo.currentData()
        return None if value == TOP_LEVEL else value

    def _submit(self) -> None:
        self.message.clear_message()
        self.save_button.setEnabled(False)
        self.submitted.emit(self.chosen())

    def show_error(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.message.show_error(error_text(error))

    # --- picking several ------------------------------------------------------------------------

    def ticked(self) -> tuple[str, ...]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return tuple(item.data(Qt.ItemDataRole.UserRole) for item in items
                     if item.checkState() == Qt.CheckState.Checked)
