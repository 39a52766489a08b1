"""The Departments tab's name dialog (new, rename); the department to move or merge into is
picked with the console's DepartmentPickerDialog.

It collects and shows; the page runs the service call and reports a refusal back with
`show_error`, so the dialog stays open with what the admin typed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_crm.ui.errors import error_text
from desktop_crm.ui.widgets import MessageLabel, dialog_buttons

NAME_LIMIT = 100


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
