"""The fields of one reminder: kind, title, customer, when, how it repeats, notes.

The form turns what was typed into the reminder service's values (an aware start, or a date
for an all-day reminder; a timed end on the same day, or an all-day reminder's last day, which
moves along with its first; an RRULE) and shows a message under the field
it concerns. It checks only what the service cannot see (a custom rule it can check as typed,
an empty title); every other rule is the service's, its message shown at its field.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTimeEdit,
    QWidget,
)

from desktop_crm.domain.enums import ReminderKind
from desktop_crm.services.reminder_views import ReminderView
from desktop_crm.ui.calendar.kind_style import kind_icon, kind_label
from desktop_crm.ui.calendar.reminder_repeat import RepeatChoice
from desktop_crm.ui.moments import from_qdatetime, to_qdatetime
from desktop_crm.ui.widgets import DATE_FORMAT, FieldErrorLabel, field_with_message

TIME_FORMAT = "HH:mm"
DEFAULT_HOUR = 9  # a new reminder on another day starts at 09:00
NOTES_LINES = 3
# the service's field names, and the form row that shows each one's message
_ROW_OF = {"due_at": "when", "all_day": "when", "ends_at": "ends_at", "rrule": "rrule",
           "time_zone": "rrule", "exceptions": "rrule"}


class ReminderForm(QWidget):
    def __init__(self, customer_field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderForm")
        self.errors: dict[str, FieldErrorLabel] = {}
        self._fields: dict[str, QWidget] = {}

        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kindCombo")
        for kind in ReminderKind:
            self.kind_combo.addItem(kind_icon(kind.value), kind_label(kind.value), kind.value)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("titleEdit")
        self.title_edit.setPlaceholderText(self.tr("What to do, e.g. call about the quote"))
        self.all_day_check = QCheckBox(self.tr("All day"), self)
        self.all_day_check.setObjectName("allDayCheck")
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setAccessibleName(self.tr("Date"))
        self.start_edit = self._time_edit("startTimeEdit", self.tr("Start time"))
        self.end_check = QCheckBox(self.tr("until"), self)
        self.end_check.setObjectName("endCheck")
        self.end_edit = self._time_edit("endTimeEdit", self.tr("End time"))
        self.end_edit.setEnabled(False)
        self.end_date_edit = QDateEdit(self)  # an all-day reminder's last day
        self.end_date_edit.setObjectName("endDateEdit")
        self.end_date_edit.setDisplayFormat(DATE_FORMAT)
        self.end_date_edit.setCalendarPopup(True)
        self.end_date_edit.setAccessibleName(self.tr("Last day"))
        self.end_date_edit.setEnabled(False)
        self.end_date_edit.hide()
        self._first_day = self.date_edit.date()  # the date the last day moves along with
        self.repeat = RepeatChoice(self)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("notesEdit")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(self.tr("Anything to have at hand when it is due"))
        self.notes_edit.setMinimumHeight(
            self.notes_edit.fontMetrics().lineSpacing() * NOTES_LINES + 14)
        self.notes_edit.setSizePolicy(QSizePolicy.Policy.Expanding,
                                      QSizePolicy.Policy.Expanding)
        self.series_note = QLabel(self.tr("Changes apply to every occurrence."), self)
        self.series_note.setObjectName("seriesNote")
        self.series_note.setEnabled(False)  # drawn muted
        self.series_note.hide()

        when_row = QHBoxLayout()
        for widget in (self.date_edit, self.start_edit, self.end_check, self.end_edit,
                       self.end_date_edit):
            when_row.addWidget(widget)
        when_row.addStretch(1)
        when_row.addWidget(self.all_day_check)

        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._add_row(self.tr("Kind:"), self.kind_combo, "kind", narrow=True)
        self._add_row(self.tr("Title:"), self.title_edit, "title")
        self._add_row(self.tr("Customer:"), customer_field, "customer_id")
        self._add_row(self.tr("When:"), when_row, "when", self.date_edit)
        self.errors["ends_at"] = self.errors["when"]
        self._fields["ends_at"] = self.end_edit
        self._add_row(self.tr("Repeat:"), self.repeat, "rrule", self.repeat.combo)
        self._add_row(self.tr("Notes:"), self.notes_edit, "notes")
        self.layout_.addRow("", self.series_note)

        self.all_day_check.toggled.connect(self._all_day_toggled)
        self.end_check.toggled.connect(self._end_toggled)
        self.date_edit.dateChanged.connect(self._date_moved)
        self.start_edit.timeChanged.connect(self._start_moved)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)

    def _time_edit(self, name: str, accessible: str) -> QTimeEdit:
        edit = QTimeEdit(self)
        edit.setObjectName(name)
        edit.setDisplayFormat(TIME_FORMAT)
        edit.setAccessibleName(accessible)
        return edit

    def _add_row(self, label: str, field: QWidget | QHBoxLayout, name: str,
                 focus: QWidget | None = None, *, narrow: bool = False) -> None:
        """A field with its message under it; the message takes room only when it speaks."""
        column, error = field_with_message(self, field, name, narrow=narrow)
        self.errors[name] = error
        self.layout_.addRow(label, column)
        self._fields[name] = focus or field  # type: ignore[assignment]

    # --- filling ------------------------------------------------------------------------------

    def start_new(self, day: date, now: datetime) -> None:
        """A blank reminder on `day`: the next whole hour today, else 09:00."""
        local_now = now.astimezone()
        if day == local_now.date() and local_now.hour < 23:
            start = QTime(local_now.hour + 1, 0)
        else:
            start = QTime(DEFAULT_HOUR, 0)
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.start_edit.setTime(start)
        self.end_edit.setTime(start.addSecs(3600))
        self.end_date_edit.setDate(self.date_edit.date())
        self._start_moved()

    def load(self, view: ReminderView) -> None:
        """Show a stored reminder (all-day: its own date; timed: this computer's clock)."""
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(view.kind)))
        self.title_edit.setText(view.title)
        self.all_day_check.setChecked(view.all_day)
        if view.all_day:
            day = view.due_at.date()
            self.date_edit.setDate(QDate(day.year, day.month, day.day))
        else:
            start = to_qdatetime(view.due_at)
            self.date_edit.setDate(start.date())
            self.start_edit.setTime(start.time())
        self.end_check.setChecked(view.ends_at is not None)
        if view.ends_at is not None and not view.all_day:
            self.end_edit.setTime(to_qdatetime(view.ends_at).time())
        else:
            self.end_edit.setTime(self.start_edit.time().addSecs(3600))
        last = view.ends_at.date() if view.ends_at is not None and view.all_day else None
        self.end_date_edit.setDate(QDate(last.year, last.month, last.day) if last is not None
                                   else self.date_edit.date())
        self.notes_edit.setPlainText(view.notes)
        self._start_moved()
        self.repeat.set_rule(view.rrule)
        self.series_note.setVisible(bool(view.rrule))

    # --- reading ------------------------------------------------------------------------------

    def start(self) -> date | datetime:
        """The start as the service takes it: a date (all day) or an aware UTC moment."""
        day = self.date_edit.date()
        if self.all_day_check.isChecked():
            return date(day.year(), day.month(), day.day())
        return from_qdatetime(QDateTime(day, self.start_edit.time()))

    def end(self) -> date | datetime | None:
        """A timed end on the start's day, an all-day reminder's last day, or None."""
        if not self.end_check.isChecked():
            return None
        if self.all_day_check.isChecked():
            last = self.end_date_edit.date()
            return date(last.year(), last.month(), last.day())
        return from_qdatetime(QDateTime(self.date_edit.date(), self.end_edit.time()))

    def problem(self) -> tuple[str, str] | None:
        """(field, message) for what the form itself can tell is wrong, else None."""
        if not self.title_edit.text().strip():
            return "title", self.tr("Say in a few words what is to be done.")
        rule_problem = self.repeat.problem()
        if rule_problem:
            return "rrule", rule_problem
        return None

    def values(self) -> dict[str, Any]:
        """The reminder values for the service, the customer left to the caller."""
        return {
            "kind": self.kind_combo.currentData(),
            "title": self.title_edit.text().strip(),
            "due_at": self.start(),
            "all_day": self.all_day_check.isChecked(),
            "ends_at": self.end(),
            "rrule": self.repeat.rule(),
            "notes": self.notes_edit.toPlainText().strip(),
        }

    # --- messages -----------------------------------------------------------------------------

    def show_error(self, field: str, text: str) -> bool:
        """Show a message under the row of the service's `field`; False if no such row."""
        row = _ROW_OF.get(field, field)
        error = self.errors.get(row)
        if error is None:
            return False
        if row == "rrule":
            self.repeat.show_error(text)
        else:
            error.show_message(text)
        widget = self._fields.get(field) or self._fields.get(row)
        if field == "ends_at" and self.all_day_check.isChecked():
            widget = self.end_date_edit
        if widget is not None and widget.isEnabled():
            widget.setFocus()
        return True

    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        self.repeat.show_error("")

    # --- keeping the fields consistent --------------------------------------------------------

    def _all_day_toggled(self, all_day: bool) -> None:
        for widget in (self.start_edit, self.end_edit):
            widget.setVisible(not all_day)
        self.end_date_edit.setVisible(all_day)
        if self.end_date_edit.date() < self.date_edit.date():
            self.end_date_edit.setDate(self.date_edit.date())
        self._start_moved()

    def _end_toggled(self, on: bool) -> None:
        self.end_edit.setEnabled(on)
        self.end_date_edit.setEnabled(on)

    def _date_moved(self, day: QDate) -> None:
        """The last day keeps its distance from the first, so a span moves whole."""
        if self._first_day.isValid() and self.end_date_edit.date().isValid():
            span = self._first_day.daysTo(self.end_date_edit.date())
            self.end_date_edit.setDate(day.addDays(max(0, span)))
        self._first_day = day
        self._start_moved()

    def _start_moved(self, *_args: object) -> None:
        day = self.date_edit.date()
        start: date | datetime = date(day.year(), day.month(), day.day())
        if not self.all_day_check.isChecked():
            start = QDateTime(day, self.start_edit.time()).toPython()
        self.repeat.set_start(start, self.all_day_check.isChecked())

    def _kind_changed(self) -> None:
        """Birthdays and holidays are whole days; a visit or a call has a time."""
        if self.kind_combo.currentData() in (ReminderKind.BIRTHDAY, ReminderKind.HOLIDAY_GREETING):
            self.all_day_check.setChecked(True)
