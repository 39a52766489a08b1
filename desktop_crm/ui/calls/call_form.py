"""The fields of one call: what it was, when, how long, how it went, and what comes next.

The form turns what was typed into the service's call-log values and shows a message under
the field it concerns. It checks only what the service cannot see (a duration it cannot read,
a summary left empty); every other rule is the service's, its message shown at its field.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from desktop_crm.domain.enums import Direction, InteractionKind
from desktop_crm.ui.calls.durations import parse_duration
from desktop_crm.ui.icons import icon
from desktop_crm.ui.labels import direction_label, interaction_kind_label
from desktop_crm.ui.moments import DATE_TIME_FORMAT, from_qdatetime, to_qdatetime
from desktop_crm.ui.widgets import FieldErrorLabel, field_with_message

FOLLOW_UP_HOUR = 10  # a next step is due at 10:00 the next morning unless changed
_UNBOUNDED = 16_777_215  # QWIDGETSIZE_MAX
_TEXT_LINES = {"summary": 4, "needs": 2, "special_notes": 2}


class CallForm(QWidget):
    def __init__(self, *, now: datetime, may_remind: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callForm")
        self.errors: dict[str, FieldErrorLabel] = {}
        self._fields: dict[str, QWidget] = {}

        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kindCombo")
        for kind in InteractionKind:
            self.kind_combo.addItem(icon(f"kind-{kind.value}"), interaction_kind_label(kind),
                                    kind.value)
        self.direction_combo = QComboBox(self)
        self.direction_combo.setObjectName("directionCombo")
        self.direction_combo.setAccessibleName(self.tr("Direction"))
        for direction in (Direction.OUTBOUND, Direction.INBOUND):
            self.direction_combo.addItem(direction_label(direction), direction.value)
        self.started_edit = self._moment_edit("startedEdit", to_qdatetime(_to_minute(now)))
        self.duration_edit = QLineEdit(self)
        self.duration_edit.setObjectName("durationEdit")
        self.duration_edit.setPlaceholderText(self.tr("minutes, like 15 or 1:30"))
        self.duration_edit.setFixedWidth(
            self.fontMetrics().horizontalAdvance(self.duration_edit.placeholderText()) + 24)
        self.outcome_combo = QComboBox(self)
        self.outcome_combo.setObjectName("outcomeCombo")
        self.outcome_combo.setEditable(True)
        self.outcome_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.outcome_combo.lineEdit().setPlaceholderText(self.tr("How did it go?"))
        self.summary_edit = self._text_edit("summaryEdit", "summary",
                                            self.tr("What was discussed"))
        self.needs_edit = self._text_edit("needsEdit", "needs",
                                          self.tr("What the customer asked for or needs"))
        self.notes_edit = self._text_edit("specialNotesEdit", "special_notes",
                                          self.tr("What needs special attention next time"))
        self.next_step_edit = QLineEdit(self)
        self.next_step_edit.setObjectName("nextStepEdit")
        self.next_step_edit.setPlaceholderText(self.tr("What happens next, e.g. send the quote"))
        self.remind_check = QCheckBox(self.tr("Remind me on"), self)
        self.remind_check.setObjectName("remindCheck")
        self.next_step_at_edit = self._moment_edit("nextStepAtEdit", _next_morning(now))
        self.next_step_at_edit.setEnabled(False)
        self.remind_check.toggled.connect(self.next_step_at_edit.setEnabled)
        self.may_remind = may_remind
        if not may_remind:  # a role that may not create reminders gets no reminder to set
            self.remind_check.hide()
            self.next_step_at_edit.hide()

        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind_combo)
        kind_row.addWidget(self.direction_combo)
        kind_row.addStretch(1)
        remind_row = QHBoxLayout()
        remind_row.addWidget(self.remind_check)
        remind_row.addWidget(self.next_step_at_edit)
        remind_row.addStretch(1)

        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._add_row(self.tr("Kind:"), kind_row, "kind", self.kind_combo, "direction")
        self._add_row(self.tr("Started:"), self.started_edit, "started_at")
        self._add_row(self.tr("Duration:"), self.duration_edit, "duration_seconds")
        self._add_row(self.tr("Outcome:"), self.outcome_combo, "outcome")
        self._add_row(self.tr("Summary:"), self.summary_edit, "summary")
        self._add_row(self.tr("Needs raised:"), self.needs_edit, "needs")
        self._add_row(self.tr("Special notes:"), self.notes_edit, "special_notes")
        self._add_row(self.tr("Next step:"), self.next_step_edit, "next_step")
        self._add_row("", remind_row, "next_step_at", self.next_step_at_edit)
        self._fields["direction"] = self.direction_combo

    def _moment_edit(self, name: str, value: QDateTime) -> QDateTimeEdit:
        edit = QDateTimeEdit(value, self)
        edit.setObjectName(name)
        edit.setDisplayFormat(DATE_TIME_FORMAT)
        edit.setCalendarPopup(True)
        edit.setMaximumWidth(edit.sizeHint().width() + edit.fontMetrics().averageCharWidth() * 4)
        return edit

    def _text_edit(self, name: str, field: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)  # Tab moves on, as in every other field of the form
        edit.setPlaceholderText(placeholder)
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * _TEXT_LINES[field] + 14)
        # a taller dialog gives its room to the texts, not to gaps between the fields
        edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        return edit

    def _add_row(self, label: str, field: QWidget | QHBoxLayout, name: str,
                 focus: QWidget | None = None, also: str | None = None) -> None:
        """A field with its message under it; the message takes room only when it speaks."""
        narrow = isinstance(field, QWidget) and field.maximumWidth() < _UNBOUNDED
        column, error = field_with_message(self, field, name, narrow=narrow)
        self.errors[name] = error
        self.layout_.addRow(label, column)
        self._fields[name] = focus or field  # type: ignore[assignment]
        if also is not None:
            self.errors[also] = error

    # --- what was typed -----------------------------------------------------------------------

    def set_outcomes(self, outcomes: Sequence[str]) -> None:
        typed = self.outcome_combo.currentText()
        self.outcome_combo.clear()
        self.outcome_combo.addItems(list(outcomes))
        self.outcome_combo.setCurrentIndex(-1)
        self.outcome_combo.setEditText(typed)

    def problem(self) -> tuple[str, str] | None:
        """(field, message) for what the form itself can tell is wrong, else None."""
        if parse_duration(self.duration_edit.text()) is None:
            return "duration_seconds", self.tr(
                "Type the minutes, like 15, or hours and minutes, like 1:30.")
        if not self.summary_edit.toPlainText().strip():
            return "summary", self.tr("Say in a few words what was discussed.")
        return None

    def values(self) -> dict[str, Any]:
        """The call-log values for the service (check `problem()` first)."""
        remind = self.may_remind and self.remind_check.isChecked()
        return {
            "kind": self.kind_combo.currentData(),
            "direction": self.direction_combo.currentData(),
            "started_at": from_qdatetime(self.started_edit.dateTime()),
            "duration_seconds": parse_duration(self.duration_edit.text()) or 0,
            "outcome": self.outcome_combo.currentText().strip(),
            "summary": self.summary_edit.toPlainText().strip(),
            "needs": self.needs_edit.toPlainText().strip(),
            "special_notes": self.notes_edit.toPlainText().strip(),
            "next_step": self.next_step_edit.text().strip(),
            "next_step_at": from_qdatetime(self.next_step_at_edit.dateTime()) if remind else None,
        }

    def typed_anything(self) -> bool:
        """Whether closing now would lose something the person typed."""
        texts = (self.duration_edit.text(), self.outcome_combo.currentText(),
                 self.summary_edit.toPlainText(), self.needs_edit.toPlainText(),
                 self.notes_edit.toPlainText(), self.next_step_edit.text())
        return any(t.strip() for t in texts) or self.remind_check.isChecked()

    # --- messages -----------------------------------------------------------------------------

    def show_error(self, field: str, text: str) -> bool:
        """Show a message under `field` and put the cursor there; False if no such field."""
        error = self.errors.get(field)
        if error is None:
            return False
        error.show_message(text)
        widget = self._fields.get(field)
        if widget is not None and widget.isEnabled():
            widget.setFocus()
        return True

    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_message()


def _to_minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def _next_morning(now: datetime) -> QDateTime:
    """10:00 local time on the day after `now` (local)."""
    tomorrow = now.astimezone().date() + timedelta(days=1)
    return QDateTime(QDate(tomorrow.year, tomorrow.month, tomorrow.day),
                     QTime(FOLLOW_UP_HOUR, 0))
