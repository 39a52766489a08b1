"""The reminder service's and the recurrence engine's messages in the person's language.

The services write English sentences (the CLI prints them); the reminder dialog and the hub
show them through here. Fixed messages are marked for the catalogue and looked up by their
English text; those that quote a rule part or a number keep it as sent, wherever the
translation puts it. Anything not known here goes to `ui.errors`.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_crm.domain.errors import ValidationError
from desktop_crm.ui.errors import error_text, validation_text
from desktop_crm.ui.i18n import filled

_REMINDER_MESSAGES = (
    QT_TRANSLATE_NOOP("ServiceMessages", "the end is before the start"),
    QT_TRANSLATE_NOOP("ServiceMessages", "must be later than now"),
    QT_TRANSLATE_NOOP("ServiceMessages", "this reminder was changed meanwhile; reload and retry"),
    QT_TRANSLATE_NOOP("ServiceMessages", "is not a reminder field"),
)
_REMINDER_TEMPLATES = tuple((re.compile(f"^{pattern}$"), template) for pattern, template in (
    (r"must fall between (\d+) and (\d+)",
     QT_TRANSLATE_NOOP("ServiceMessages", "must fall between %1 and %2")),
    (r"must fall before (\d+)", QT_TRANSLATE_NOOP("ServiceMessages", "must fall before %1")),
    (r"must be at most (\d+) characters",
     QT_TRANSLATE_NOOP("ServiceMessages", "must be at most %1 characters")),
    (r"“(.*)” is not an IANA time zone",
     QT_TRANSLATE_NOOP("ServiceMessages", "“%1” is not an IANA time zone")),
))

# The recurrence engine's messages, in the person's language (a rule is English either way).
_FIXED_RULE_MESSAGES = (
    QT_TRANSLATE_NOOP("ServiceMessages", "is empty"),
    QT_TRANSLATE_NOOP("ServiceMessages", "FREQ is missing"),
    QT_TRANSLATE_NOOP("ServiceMessages", "COUNT and UNTIL cannot both be given"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "a numbered BYDAY (like 2MO) needs FREQ=MONTHLY or YEARLY"),
    QT_TRANSLATE_NOOP("ServiceMessages", "BYDAY mixes numbered and plain weekdays"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "BYDAY asks for a weekday that not every month has; use -1 for the last"),
    QT_TRANSLATE_NOOP("ServiceMessages", "BYDAY and BYMONTHDAY cannot be combined"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "BYSETPOS needs FREQ=WEEKLY, MONTHLY or YEARLY with plain BYDAY days"),
    QT_TRANSLATE_NOOP("ServiceMessages", "BYMONTH with so long an INTERVAL could skip its months"),
    QT_TRANSLATE_NOOP("ServiceMessages", "UNTIL is before the start"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "with this INTERVAL the rule never lands on its BYDAY days"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "with this INTERVAL the rule never lands in its BYMONTH months"),
    QT_TRANSLATE_NOOP("ServiceMessages", "BYMONTHDAY names a day its months do not have"),
)
_RULE_TEMPLATES = tuple((re.compile(f"^{pattern}$"), template) for pattern, template in (
    (r"“(.*)” is not NAME=VALUE",
     QT_TRANSLATE_NOOP("ServiceMessages", "“%1” is not NAME=VALUE")),
    (r"(\S+) is not supported: the calendar repeats only with (.*)",
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "%1 is not supported: the calendar repeats only with %2")),
    (r"(\S+) appears twice", QT_TRANSLATE_NOOP("ServiceMessages", "%1 appears twice")),
    (r"FREQ=(\S*) is not supported: use DAILY, WEEKLY, MONTHLY or YEARLY",
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "FREQ=%1 is not supported: use DAILY, WEEKLY, MONTHLY or YEARLY")),
    (r"BYDAY=(\S*) is not a weekday like MO or 2TU or -1FR",
     QT_TRANSLATE_NOOP("ServiceMessages", "BYDAY=%1 is not a weekday like MO or 2TU or -1FR")),
    (r"BYDAY=(\S*): the week number cannot be 0",
     QT_TRANSLATE_NOOP("ServiceMessages", "BYDAY=%1: the week number cannot be 0")),
    (r"UNTIL=(\S*) is not a date \(20261231\) or a UTC time \(20261231T235959Z\)",
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "UNTIL=%1 is not a date (20261231) or a UTC time (20261231T235959Z)")),
    (r"UNTIL=(\S*) is not a real date",
     QT_TRANSLATE_NOOP("ServiceMessages", "UNTIL=%1 is not a real date")),
    (r"BYMONTHDAY needs FREQ=MONTHLY or YEARLY, not (\S+)",
     QT_TRANSLATE_NOOP("ServiceMessages", "BYMONTHDAY needs FREQ=MONTHLY or YEARLY, not %1")),
    (r"BYSETPOS must stay within ±(\d+) for these days",
     QT_TRANSLATE_NOOP("ServiceMessages", "BYSETPOS must stay within ±%1 for these days")),
    (r"(\S+=\S*) is not a whole number",
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 is not a whole number")),
    (r"(\S+=\S*) is outside (\S+)",
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 is outside %2")),
))


def reminder_message_text(error: ValidationError) -> str:
    """A refused reminder value's message in the person's language, any rule text or number
    it quotes kept as sent."""
    for pattern, template in _RULE_TEMPLATES + _REMINDER_TEMPLATES:
        match = pattern.match(error.message)
        if match:
            text = filled(QCoreApplication.translate("ServiceMessages", template),
                          *match.groups())
            return text[:1].upper() + text[1:]
    return validation_text(error)


def reminder_error_text(error: BaseException) -> str:
    """Any error of a reminder operation, in words (a refused value as above)."""
    if isinstance(error, ValidationError):
        return reminder_message_text(error)
    return error_text(error)
