"""Small dialogs of the Departments tab: a name, and a department to move or merge into.

They collect and show; the page runs the service call and reports a refusal back with
`show_error`, so the dialog stays open with what the admin chose.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_crm.services.org_views import DepartmentNode
from desktop_crm.ui.admin.user_dialogs import department_entries
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.widgets import MessageLabel, dialog_buttons

NAME_LIMIT = 100
TOP_LEVEL = "top-level"  # the picker's "(top level)" entry


class DepartmentNameDialog(QDialog):
    submitted = Signal(str)

    def __init__(self, title: str, intro: str, name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("departmentNameDialog")
        self.setWindowTitle(title)
        label = QLabel(intro, self)
        label.setWordWrap(True)
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setObjectName("departmentNameEdit")
        self.name_edit.setMaxLength(NAME_LIMIT)
        self.message = MessageLabel("departmentNameMessage", self)
        buttons, self.save_button, cancel = dialog_buttons(
            self, accept_text=self.tr("Save"), accept_name="saveDepartmentButton",
            reject_text=self.tr("Cancel"))
        self.save_button.clicked.connect(self._submit)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.name_edit)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 45)

    def _submit(self) -> None:
        self.message.clear_message()
        self.save_button.setEnabled(False)
        self.submitted.emit(self.name_edit.text())

    def show_error(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.message.show_error(error_text(error))
        self.name_edit.setFocus()


class DepartmentPickerDialog(QDialog):
    """Choose a department (optionally the top level); `excluded` ones are not offered."""

    submitted = Signal(object)  # department id, or None for the top level

    def __init__(self, title: str, intro: str, accept_text: str,
                 tree: Sequence[DepartmentNode], *, excluded: set[str],
                 offer_top_level: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("departmentPickerDialog")
        self.setWindowTitle(title)
        label = QLabel(intro, self)
        label.setWordWrap(True)
        self.combo = QComboBox(self)
        self.combo.setObjectName("departmentPickerCombo")
        if offer_top_level:
            self.combo.addItem(self.tr("(top level)"), TOP_LEVEL)
        for dept_id, name in department_entries(tree):
            if dept_id not in excluded:
                self.combo.addItem(name, dept_id)
        self.message = MessageLabel("departmentPickerMessage", self)
        buttons, self.save_button, cancel = dialog_buttons(
            self, accept_text=accept_text, accept_name="pickDepartmentButton",
            reject_text=self.tr("Cancel"))
        self.save_button.setEnabled(self.combo.count() > 0)
        self.save_button.clicked.connect(self._submit)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 50)

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
