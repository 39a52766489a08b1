"""The Policies tab of the Admin page: the company's policies as one form, checked field by
field (the message sits next to the field), saved together. The holiday list for greeting
reminders is plain text, one holiday a line; its problems are listed by line number.

Shown to those who read policies; only POLICY manage may save (the form is read-only for
the others).
"""

from __future__ import annotations

from dataclasses import asdict
from zoneinfo import available_timezones

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.holidays import HolidayListError, LineProblem
from desktop_crm.domain.local_zone import local_zone_name
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.actor import Actor
from desktop_crm.services.policies import SPECS, PolicySet, validated
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.widgets import FieldErrorLabel, MessageLabel

_LABELS = {
    "idle_lock_minutes": QT_TRANSLATE_NOOP("PoliciesPage", "Lock after idle (minutes):"),
    "remember_me_allowed": QT_TRANSLATE_NOOP("PoliciesPage", "Allow “remember me” on a device"),
    "reveal_burst_count": QT_TRANSLATE_NOOP("PoliciesPage", "Alert after this many reveals:"),
    "reveal_burst_minutes": QT_TRANSLATE_NOOP("PoliciesPage", "…within (minutes):"),
    "contract_expiry_lead_days":
        QT_TRANSLATE_NOOP("PoliciesPage", "Remind of contract expiry (days before):"),
    "password_min_length": QT_TRANSLATE_NOOP("PoliciesPage", "Minimum password length:"),
    "password_letters_and_digits":
        QT_TRANSLATE_NOOP("PoliciesPage", "Passwords need letters and digits"),
    "offline_lease_days": QT_TRANSLATE_NOOP("PoliciesPage", "Offline laptop locks after (days):"),
    "followup_gap_days": QT_TRANSLATE_NOOP(
        "PoliciesPage", "Follow up high-value customers every (days):"),
    "escalation_days": QT_TRANSLATE_NOOP(
        "PoliciesPage", "Escalate to the superior after (days overdue):"),
    "holiday_lead_days": QT_TRANSLATE_NOOP(
        "PoliciesPage", "Remind of holiday greetings (days before):"),
    "holiday_list": QT_TRANSLATE_NOOP("PoliciesPage", "Holidays for greetings, one a line:"),
    "return_visit_after_purchase_days": QT_TRANSLATE_NOOP(
        "PoliciesPage", "Return visit after a first purchase (days):"),
    "return_visit_after_complaint_days": QT_TRANSLATE_NOOP(
        "PoliciesPage", "Return visit after a complaint is resolved (days):"),
    "complaint_response_hours": QT_TRANSLATE_NOOP(
        "PoliciesPage", "Answer a complaint first within (hours):"),
    "complaint_resolution_days": QT_TRANSLATE_NOOP(
        "PoliciesPage", "Resolve a complaint within (days):"),
    "active_months": QT_TRANSLATE_NOOP(
        "PoliciesPage", "Active: a call or order within (months):"),
    "company_time_zone": QT_TRANSLATE_NOOP("PoliciesPage", "Company time zone (report months):"),
    "company_name": QT_TRANSLATE_NOOP("PoliciesPage", "Company name (report covers):"),
}
# text policies written on one line; the other text policy is the holiday list
_ONE_LINE = ("company_time_zone", "company_name")

# domain.holidays.PROBLEM_TEXTS, by code, with the values as %1, %2...
_HOLIDAY_PROBLEMS = {
    "layout": QT_TRANSLATE_NOOP(
        "PoliciesPage", "write a calendar, a month-day and a name, like "
        "“lunar 08-15 Mid-Autumn Festival | 中秋节”"),
    "calendar": QT_TRANSLATE_NOOP("PoliciesPage", "unknown calendar “%1”: write solar or lunar"),
    "month_day": QT_TRANSLATE_NOOP("PoliciesPage", "“%1” is not a month-day like 08-15"),
    "month": QT_TRANSLATE_NOOP("PoliciesPage", "month %1 does not exist"),
    "solar_day": QT_TRANSLATE_NOOP("PoliciesPage", "%1 has no day %2"),
    "lunar_day": QT_TRANSLATE_NOOP(
        "PoliciesPage", "a lunar month has no day %1 (days run 1 to 30)"),
    "no_name": QT_TRANSLATE_NOOP("PoliciesPage", "the holiday has no name"),
    "names": QT_TRANSLATE_NOOP("PoliciesPage", "write at most two names, separated by one “|”"),
    "name_length": QT_TRANSLATE_NOOP("PoliciesPage", "a name is longer than %1 characters"),
    "repeat": QT_TRANSLATE_NOOP("PoliciesPage", "%1 %2 is already on line %3"),
}


def holiday_problem_text(problem: LineProblem) -> str:
    """One problem of the holiday list in the user's language, with its line number."""
    values: list[object] = list(problem.values)
    if problem.code == "solar_day":  # the month by its name
        values[0] = QLocale().monthName(int(values[0]), QLocale.FormatType.LongFormat)
    template = QCoreApplication.translate("PoliciesPage", _HOLIDAY_PROBLEMS[problem.code])
    return filled(QCoreApplication.translate("PoliciesPage", "Line %1: %2"), problem.line,
                  filled(template, *values))


def _labels() -> dict[str, str]:
    return {key: QCoreApplication.translate("PoliciesPage", text) for key, text in _LABELS.items()}


class PoliciesPage(QWidget):
    def __init__(self, session: CrmSession, ops: Operations, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policiesPage")
        self._session, self._ops = session, ops
        self._can_manage = actor.can(Resource.POLICY, Action.MANAGE)
        self._saving = False
        self.loaded: PolicySet | None = None

        labels = _labels()
        self.numbers: dict[str, QLineEdit] = {}
        self.switches: dict[str, QCheckBox] = {}
        self.texts: dict[str, QPlainTextEdit] = {}
        self.lines: dict[str, QLineEdit] = {}
        self.errors: dict[str, FieldErrorLabel] = {}
        fields = QWidget(self)  # scrolls when the window is short; the Save row stays put
        fields.setObjectName("policiesFields")
        form = QFormLayout()
        column = QVBoxLayout(fields)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addStretch(1)  # spare height stays below the form, not between its rows
        for name, spec in SPECS.items():
            self.errors[name] = FieldErrorLabel(f"{name}Error", self)
            if name in _ONE_LINE:
                edit = self.lines[name] = self._line_edit(name)
                form.addRow(labels[name], edit)
                form.addRow("", self.errors[name])
            elif spec.text:
                self._add_holiday_rows(form, name, labels[name])
            elif spec.low is None:
                box = QCheckBox(labels[name], self)
                box.setObjectName(f"{name}Check")
                self.switches[name] = box
                form.addRow("", box)
                form.addRow("", self.errors[name])
            else:
                edit = QLineEdit(self)
                edit.setObjectName(f"{name}Edit")
                edit.setMaximumWidth(edit.fontMetrics().averageCharWidth() * 10)
                edit.setToolTip(self._range_text(name))
                self.numbers[name] = edit
                form.addRow(labels[name], edit)
                form.addRow("", self.errors[name])

        self.message = MessageLabel("policiesMessage", self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("savePoliciesButton")
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        scroll = QScrollArea(self)
        scroll.setObjectName("policiesScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(fields)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self._set_editable()
        self.reload()

    def _add_holiday_rows(self, form: QFormLayout, name: str, label: str) -> None:
        """The title, the editor, how to write a line and the problems, each full width."""
        editor = self.texts[name] = self._holiday_editor(name)
        title = QLabel(label, self)
        title.setBuddy(editor)
        for row in (title, editor, self._holiday_hint(), self.errors[name]):
            form.addRow(row)

    def _line_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"{name}Edit")
        if name == "company_time_zone":
            edit.setPlaceholderText(filled(self.tr("This computer's zone (%1)"),
                                           local_zone_name()))
            completer = QCompleter(sorted(available_timezones()), edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)
        return edit

    def _holiday_editor(self, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(f"{name}Edit")
        edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        edit.setTabChangesFocus(True)
        lines = edit.fontMetrics().lineSpacing()
        edit.setMinimumHeight(lines * 8)
        edit.setMaximumHeight(lines * 16)
        return edit

    def _holiday_hint(self) -> QLabel:
        hint = QLabel(self.tr(
            "Write “lunar 08-15 Mid-Autumn Festival | 中秋节” or “solar 12-25 Christmas”: "
            "the calendar, the month-day, the name and, after |, a second name. Lines "
            "starting with # are skipped."), self)
        hint.setObjectName("holidayListHint")
        hint.setWordWrap(True)
        return hint

    def reload(self) -> None:
        policies = self._session.policies
        self._ops.run(policies.current, on_success=self._show,
                      on_failure=lambda e: self.message.show_error(error_text(e)),
                      lane=Lane.READ, context=self)

    def _show(self, policies: PolicySet) -> None:
        self.loaded = policies
        for name, value in asdict(policies).items():
            if name in self.numbers:
                self.numbers[name].setText(str(value))
            elif name in self.switches:
                self.switches[name].setChecked(bool(value))
            elif name in self.texts:
                self.texts[name].setPlainText(str(value))
            elif name in self.lines:
                self.lines[name].setText(str(value))
        for label in self.errors.values():
            label.clear_message()
        self._set_editable()

    def save(self) -> None:
        if self._saving or not self._can_manage or self.loaded is None:
            return
        self.message.clear_message()
        changes: dict[str, object] = {}
        for label in self.errors.values():
            label.clear_message()
        first_bad = None
        for name, edit in self.numbers.items():
            text = edit.text().strip()
            try:  # the service's own check, before anything is sent
                validated(self.loaded, {name: int(text) if text.isdigit() else text})
            except ValidationError:
                self.errors[name].show_message(self._range_text(name))
                first_bad = first_bad or edit
                continue
            changes[name] = int(text)
        for name, line in self.lines.items():
            try:
                validated(self.loaded, {name: line.text().strip()})
            except ValidationError as error:
                self.errors[name].show_message(error_text(error))
                first_bad = first_bad or line
                continue
            changes[name] = line.text().strip()
        for name, editor in self.texts.items():
            text = editor.toPlainText()
            try:
                validated(self.loaded, {name: text})
            except ValidationError as error:
                self._show_text_problem(name, error)
                first_bad = first_bad or editor
                continue
            changes[name] = text
        if first_bad is not None:
            first_bad.setFocus()
            return
        for name, box in self.switches.items():
            changes[name] = box.isChecked()
        policies = self._session.policies
        self._set_saving(True)
        self.message.show_progress(self.tr("Saving…"))
        self._ops.run(lambda: policies.update(**changes), on_success=self._saved,
                      on_failure=self._failed,
                      changes=OpChanges(frozenset({"policy"}), origin=self), context=self)

    def _saved(self, policies: PolicySet) -> None:
        self._set_saving(False)
        self._show(policies)
        self.message.show_progress(self.tr("Saved."))

    def _failed(self, error: Exception) -> None:
        self._set_saving(False)
        if isinstance(error, ValidationError) and error.field in self.lines:
            self.message.clear_message()
            self.errors[error.field].show_message(error_text(error))
        elif isinstance(error, ValidationError) and error.field in self.texts:
            self.message.clear_message()
            self._show_text_problem(error.field, error)
        elif isinstance(error, ValidationError) and error.field in self.errors:
            self.message.clear_message()
            self.errors[error.field].show_message(self._range_text(error.field))
        else:
            self.message.show_error(error_text(error))

    def _show_text_problem(self, name: str, error: ValidationError) -> None:
        if isinstance(error, HolidayListError):
            text = "\n".join(holiday_problem_text(problem) for problem in error.problems)
        else:
            text = error_text(error)
        self.errors[name].show_message(text)

    def _range_text(self, name: str) -> str:
        spec = SPECS[name]
        return self.tr("Enter a whole number from %1 to %2.").replace(
            "%1", str(spec.low)).replace("%2", str(spec.high))

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self._set_editable()

    def _set_editable(self) -> None:
        editable = self._can_manage and self.loaded is not None and not self._saving
        for widget in (*self.numbers.values(), *self.switches.values(), *self.lines.values(),
                       self.save_button):
            widget.setEnabled(editable)
        for editor in self.texts.values():  # still selectable and scrollable when read-only
            editor.setReadOnly(not editable)
        self.save_button.setVisible(self._can_manage)

