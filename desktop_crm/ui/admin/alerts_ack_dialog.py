"""Acknowledge an alert: say what was done about it (a note is required, up to 500 characters).

The dialog only collects the note; the page runs the service call and, when it fails, shows
the reason here while the dialog stays open with the note kept.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop_crm.services.alerts import NOTE_MAX_LENGTH, AlertView
from desktop_crm.ui.admin.alert_labels import alert_kind_label
from desktop_crm.ui.moments import local_text
from desktop_crm.ui.widgets import FieldErrorLabel, dialog_buttons


class AcknowledgeDialog(QDialog):
    note_submitted = Signal(str, str)  # alert id, note

    def __init__(self, alert: AlertView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("acknowledgeDialog")
        self.setWindowTitle(self.tr("Acknowledge alert"))
        self.alert = alert
        about = QFormLayout()
        about.addRow(self.tr("Time:"), QLabel(local_text(alert.at), self))
        about.addRow(self.tr("Kind:"), QLabel(alert_kind_label(alert.kind), self))
        message = QLabel(alert.message, self)
        message.setWordWrap(True)
        about.addRow(self.tr("What happened:"), message)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("ackNoteEdit")
        self.note_edit.setPlaceholderText(self.tr("What did you do about it? (required)"))
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.textChanged.connect(self._note_changed)
        self.counter = QLabel(self)
        self.counter.setObjectName("ackNoteCounter")
        self.error_label = FieldErrorLabel("ackNoteError", self)
        buttons, self.accept_button, _ = dialog_buttons(
            self, accept_text=self.tr("Acknowledge"), accept_name="acknowledgeConfirmButton",
            reject_text=self.tr("Cancel"))
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(about)
        layout.addWidget(QLabel(self.tr("Note:"), self))
        layout.addWidget(self.note_edit, 1)
        layout.addWidget(self.counter)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(460, 320)
        self._note_changed()

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def _note_changed(self) -> None:
        length = len(self.note())
        self.counter.setText(self.tr("%1 / %2 characters").replace("%1", str(length))
                             .replace("%2", str(NOTE_MAX_LENGTH)))
        self.error_label.clear_message()

    def _submit(self) -> None:
        note = self.note()
        if not note:
            self.show_error(self.tr("Write a note saying what was done about this alert."))
            return
        if len(note) > NOTE_MAX_LENGTH:
            self.show_error(self.tr("The note is longer than %1 characters.")
                            .replace("%1", str(NOTE_MAX_LENGTH)))
            return
        self.accept_button.setEnabled(False)  # until the page hears back
        self.note_submitted.emit(self.alert.id, note)

    def show_error(self, text: str) -> None:
        self.accept_button.setEnabled(True)
        self.error_label.show_message(text)
        self.note_edit.setFocus()
