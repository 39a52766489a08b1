"""What the feedback dialogs share: fields with their message under them, date and time
pickers with a calendar popup, and a dialog that saves through one service call.

A dialog checks what it can see itself first (`problem`); the service's ValidationError then
lands under the field it names, anything else on the dialog's message line, and the dialog
stays open with what was typed. Ctrl+Enter saves (Enter belongs to the fields), Esc cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.errors import ValidationError
from desktop_crm.ui.feedback.feedback_errors import feedback_error_text, feedback_validation_text
from desktop_crm.ui.moments import DATE_TIME_FORMAT, from_qdatetime, to_qdatetime
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.widgets import (
    DATE_FORMAT,
    FieldErrorLabel,
    MessageLabel,
    entry_dialog_buttons,
    field_with_message,
)

_UNBOUNDED = 16_777_215  # QWIDGETSIZE_MAX


class FieldMessages:
    """A form's fields by the service's field names, each with its message under it."""

    def __init__(self, owner: QWidget, layout: QFormLayout) -> None:
        self._owner = owner
        self.layout = layout
        self.errors: dict[str, FieldErrorLabel] = {}
        self.fields: dict[str, QWidget] = {}

    def add(self, label: str, field: QWidget | QHBoxLayout, name: str, *,
            focus: QWidget | None = None, also: tuple[str, ...] = ()) -> None:
        """A row; `also` names more service fields whose messages belong here."""
        narrow = isinstance(field, QWidget) and field.maximumWidth() < _UNBOUNDED
        column, error = field_with_message(self._owner, field, name, narrow=narrow)
        self.layout.addRow(label, column)
        target = focus if focus is not None else field
        for key in (name, *also):
            self.errors[key] = error
            if isinstance(target, QWidget):
                self.fields[key] = target

    def show_error(self, field: str, text: str) -> bool:
        """The message under `field`, the cursor put there; False if there is no such field."""
        error = self.errors.get(field)
        if error is None:
            return False
        error.show_message(text)
        widget = self.fields.get(field)
        if widget is not None and widget.isEnabled():
            widget.setFocus()
        return True

    def clear(self) -> None:
        for error in self.errors.values():
            error.clear_message()


def moment_edit(parent: QWidget, name: str, value: datetime) -> QDateTimeEdit:
    """A local date and time to the minute, picked from a calendar. `changed_moment` tells
    whether the person changed it: "now" shown to the minute is sent as now, to the
    millisecond, so it never falls before a step taken seconds ago."""
    edit = QDateTimeEdit(to_qdatetime(value.replace(second=0, microsecond=0)), parent)
    edit.setProperty("shown", edit.dateTime())
    edit.setObjectName(name)
    edit.setDisplayFormat(DATE_TIME_FORMAT)
    edit.setCalendarPopup(True)
    edit.setMaximumWidth(edit.sizeHint().width() + edit.fontMetrics().averageCharWidth() * 4)
    return edit


def changed_moment(edit: QDateTimeEdit) -> datetime | None:
    """The moment picked, or None when it is still the one first shown."""
    if edit.dateTime() == edit.property("shown"):
        return None
    return from_qdatetime(edit.dateTime())


def show_moment(edit: QDateTimeEdit, value: datetime) -> None:
    """Show a stored moment (to change it); it counts as unchanged until edited."""
    edit.setDateTime(to_qdatetime(value))
    edit.setProperty("shown", edit.dateTime())


def date_edit(parent: QWidget, name: str, value: date) -> QDateEdit:
    """A calendar date, picked from a calendar."""
    edit = QDateEdit(QDate(value.year, value.month, value.day), parent)
    edit.setObjectName(name)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setMaximumWidth(edit.sizeHint().width() + edit.fontMetrics().averageCharWidth() * 4)
    return edit


def picked_date(edit: QDateEdit) -> date:
    day = edit.date()
    return date(day.year(), day.month(), day.day())


def text_edit(parent: QWidget, name: str, placeholder: str, lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return edit


def about_label(text: str, parent: QWidget, name: str) -> QLabel:
    """A read-only line of the dialog: what it is about, as plain text."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    return label


class EntryDialog(QDialog):
    """A dialog of fields saved by one service call on the write lane."""

    did_save = Signal(object)  # what the service returned

    def __init__(self, ops: Operations, *, object_name: str, accept_name: str,
                 changes: frozenset[str], parent: QWidget | None = None) -> None:
        """A subclass sets the window title and the save button's words."""
        super().__init__(parent)
        self.setObjectName(object_name)
        self._ops = ops
        self._changes = changes
        self._busy = False
        self._closed = False
        self.saved: Any = None
        self.body = QWidget(self)
        self.form = QFormLayout(self.body)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields = FieldMessages(self.body, self.form)
        self.message = MessageLabel(f"{object_name}Message", self)
        self.message.setMinimumHeight(0)
        hint = QLabel(self.tr("Ctrl+Enter saves · Esc cancels"), self)
        hint.setEnabled(False)  # drawn in the muted colour of the palette
        buttons, self.save_button, self.cancel_button = entry_dialog_buttons(
            self, accept_text=self.tr("Save"), accept_name=accept_name, save=self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        # a floor for the width that still lets the fields ask for more (a minimum width set
        # on the dialog itself would override theirs and squeeze the labels)
        layout.addSpacerItem(QSpacerItem(self.fontMetrics().averageCharWidth() * 60, 0,
                                         QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed))

    # --- what a dialog says -------------------------------------------------------------------

    def problem(self) -> tuple[str, str] | None:
        """(field, message) for what the dialog itself can tell is wrong."""
        return None

    def work(self) -> Callable[[], Any] | None:
        """The service call saving what was typed; None when there is nothing to save."""
        raise NotImplementedError

    # --- saving -------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    def save(self) -> None:
        if self._busy:
            return
        self.fields.clear()
        self.message.clear_message()
        problem = self.problem()
        if problem is not None:
            self.fields.show_error(*problem)
            return
        work = self.work()
        if work is None:
            self.reject()  # nothing changed
            return
        self._set_busy(True)
        self.message.show_progress(self.tr("Saving…"))
        self._ops.run(work, lane=Lane.WRITE, on_success=self._saved, on_failure=self._failed,
                      changes=OpChanges(self._changes), context=self)

    def _saved(self, result: Any) -> None:
        self.saved = result
        if self._closed:
            return
        self._set_busy(False)
        self.did_save.emit(result)
        self.accept()

    def _failed(self, error: Exception) -> None:
        if self._closed:
            return
        self._set_busy(False)
        self.message.clear_message()
        if isinstance(error, ValidationError) and self.fields.show_error(
                error.field, feedback_validation_text(error)):
            return
        self.message.show_error(feedback_error_text(error))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.body, self.save_button, self.cancel_button):
            widget.setEnabled(not busy)

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)

    def reject(self) -> None:
        if not self._busy:
            super().reject()
