"""How a reminder repeats: the common choices in words, or an RFC 5545 RRULE typed by hand.

The choices follow the reminder's date ("Weekly on Monday", "Monthly on day 31", "Yearly on
Feb 29") and are stored without naming the day (FREQ=WEEKLY takes its weekday from the start),
so moving the reminder to another day moves the repeats with it. A stored rule that reads as
one of the choices (FREQ=WEEKLY;BYDAY=MO on a Monday) is saved back exactly as stored while
that choice stays, so an unchanged rule never looks changed to the service (which would forget
the series' done, skipped and moved occurrences). Any other rule shows as Custom with its
text. A typed rule is checked as it is typed, against the reminder's start, with the
recurrence engine the service uses; its message says what is wrong in the person's language.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.local_zone import local_zone_name
from desktop_crm.domain.recurrence import Recurrence
from desktop_crm.ui.calendar.reminder_messages import reminder_message_text
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.widgets import FieldErrorLabel

NONE, DAILY, WEEKLY, MONTHLY, YEARLY, CUSTOM = "", "daily", "weekly", "monthly", "yearly", "custom"
RULES = {NONE: "", DAILY: "FREQ=DAILY", WEEKLY: "FREQ=WEEKLY", MONTHLY: "FREQ=MONTHLY",
         YEARLY: "FREQ=YEARLY"}
CONTEXT = "ReminderRepeat"
_WEEKDAYS = (
    QT_TRANSLATE_NOOP("ReminderRepeat", "Monday"),
    QT_TRANSLATE_NOOP("ReminderRepeat", "Tuesday"),
    QT_TRANSLATE_NOOP("ReminderRepeat", "Wednesday"),
    QT_TRANSLATE_NOOP("ReminderRepeat", "Thursday"),
    QT_TRANSLATE_NOOP("ReminderRepeat", "Friday"),
    QT_TRANSLATE_NOOP("ReminderRepeat", "Saturday"),
    QT_TRANSLATE_NOOP("ReminderRepeat", "Sunday"),
)
_MONTHS = (
    QT_TRANSLATE_NOOP("ReminderRepeat", "Jan"), QT_TRANSLATE_NOOP("ReminderRepeat", "Feb"),
    QT_TRANSLATE_NOOP("ReminderRepeat", "Mar"), QT_TRANSLATE_NOOP("ReminderRepeat", "Apr"),
    QT_TRANSLATE_NOOP("ReminderRepeat", "May"), QT_TRANSLATE_NOOP("ReminderRepeat", "Jun"),
    QT_TRANSLATE_NOOP("ReminderRepeat", "Jul"), QT_TRANSLATE_NOOP("ReminderRepeat", "Aug"),
    QT_TRANSLATE_NOOP("ReminderRepeat", "Sep"), QT_TRANSLATE_NOOP("ReminderRepeat", "Oct"),
    QT_TRANSLATE_NOOP("ReminderRepeat", "Nov"), QT_TRANSLATE_NOOP("ReminderRepeat", "Dec"),
)

def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def choice_texts(start: date) -> list[tuple[str, str]]:
    """(choice, words) for the repeat combo, following the reminder's date."""
    translate = QCoreApplication.translate
    weekday = _tr(_WEEKDAYS[start.weekday()])
    month = _tr(_MONTHS[start.month - 1])
    return [
        (NONE, translate("ReminderRepeat", "Does not repeat")),
        (DAILY, translate("ReminderRepeat", "Daily")),
        (WEEKLY, filled(translate("ReminderRepeat", "Weekly on %1"), weekday)),
        (MONTHLY, filled(translate("ReminderRepeat", "Monthly on day %1"), start.day)),
        (YEARLY, filled(translate("ReminderRepeat", "Yearly on %1 %2"), month, start.day)),
        (CUSTOM, translate("ReminderRepeat", "Custom rule (RRULE)…")),
    ]


def choice_of(rule: str, start: date) -> str:
    """The combo choice a stored rule reads as; CUSTOM when it is no simple choice."""
    body = rule.strip().upper().removeprefix("RRULE:")
    if body in ("", *RULES.values()):
        return next(choice for choice, text in RULES.items() if text == body)
    weekday = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[start.weekday()]
    spelled = {f"FREQ=WEEKLY;BYDAY={weekday}": WEEKLY,
               f"FREQ=MONTHLY;BYMONTHDAY={start.day}": MONTHLY,
               f"FREQ=YEARLY;BYMONTH={start.month};BYMONTHDAY={start.day}": YEARLY}
    return spelled.get(body, CUSTOM)


class RepeatChoice(QWidget):
    """The repeat combo, and under it the rule text when the choice is Custom."""

    rule_did_change = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("repeatChoice")
        self._start: date | datetime = date.today()
        self._all_day = False
        self._stored_rule = ""  # the rule as loaded, given back while its choice stays
        self.combo = QComboBox(self)
        self.combo.setObjectName("repeatCombo")
        self.combo.setAccessibleName(self.tr("Repeat"))
        self.rule_edit = QLineEdit(self)
        self.rule_edit.setObjectName("rruleEdit")
        self.rule_edit.setPlaceholderText(self.tr("e.g. FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10"))
        self.rule_edit.setAccessibleName(self.tr("Repeat rule"))
        self.rule_edit.hide()
        self.rule_message = FieldErrorLabel("rruleMessage", self)
        self._fill(self._start)
        self.combo.currentIndexChanged.connect(self._choice_changed)
        self.rule_edit.textChanged.connect(self._rule_typed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.combo)
        layout.addWidget(self.rule_edit)
        layout.addWidget(self.rule_message)

    # --- the start the choices follow ----------------------------------------------------------

    def set_start(self, start: date | datetime, all_day: bool) -> None:
        """The reminder's start (a date, or local wall time): the words follow its day."""
        self._start, self._all_day = start, all_day
        self._fill(start if not isinstance(start, datetime) else start.date())
        self._check()

    def _fill(self, day: date) -> None:
        chosen = self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        for choice, text in choice_texts(day):
            self.combo.addItem(text, choice)
        self.combo.setCurrentIndex(max(0, self.combo.findData(chosen)))
        self.combo.blockSignals(False)

    # --- the rule -------------------------------------------------------------------------------

    def set_rule(self, rule: str) -> None:
        """Show a stored rule: as the choice it reads as, else as Custom with its text."""
        self._stored_rule = rule.strip()
        choice = choice_of(rule, self._day())
        self.combo.setCurrentIndex(self.combo.findData(choice))
        if choice == CUSTOM:
            self.rule_edit.setText(self._stored_rule)
        self._choice_changed()

    def rule(self) -> str:
        """The rule to save: the stored text while the chosen words still mean it."""
        choice = self.combo.currentData()
        if choice == CUSTOM:
            return self.rule_edit.text().strip()
        if self._stored_rule and choice_of(self._stored_rule, self._day()) == choice:
            return self._stored_rule
        return RULES[choice]

    def _day(self) -> date:
        return self._start.date() if isinstance(self._start, datetime) else self._start

    def problem(self) -> str:
        """What is wrong with the typed rule for this start, in words ("" when it is fine)."""
        if self.combo.currentData() != CUSTOM:
            return ""
        text = self.rule_edit.text().strip()
        if not text:
            return self.tr("Type a rule, such as FREQ=WEEKLY;BYDAY=MO.")
        try:
            Recurrence(text, self._start, local_zone_name(), self._all_day)
        except ValidationError as error:
            return reminder_message_text(error)
        return ""

    def show_error(self, text: str) -> None:
        self.rule_message.show_message(text)

    def _choice_changed(self) -> None:
        custom = self.combo.currentData() == CUSTOM
        self.rule_edit.setVisible(custom)
        if custom:
            self.rule_edit.setFocus()
        self._check()
        self.rule_did_change.emit()

    def _rule_typed(self, _text: str) -> None:
        self._check()
        self.rule_did_change.emit()

    def _check(self) -> None:
        self.rule_message.show_message(self.problem() if self.rule_edit.text().strip()
                                       or self.combo.currentData() != CUSTOM else "")
