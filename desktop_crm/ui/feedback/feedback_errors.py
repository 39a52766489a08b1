"""The feedback, complaint and commerce services' messages in the person's language.

Fixed messages are marked here for the catalogue and translated by ui/errors.py, which looks
them up by their English text; the ones that carry a value (a contract number, a currency, a
complaint's status) are matched here and filled in.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_crm.domain.errors import ValidationError
from desktop_crm.ui.errors import error_text, validation_text
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.labels import complaint_status_label

_FIXED = (
    QT_TRANSLATE_NOOP("ServiceMessages", "give a CSAT or an NPS score"),
    QT_TRANSLATE_NOOP("ServiceMessages", "is not a call with this customer"),
    QT_TRANSLATE_NOOP("ServiceMessages", "must be a date and time with its time zone"),
    QT_TRANSLATE_NOOP("ServiceMessages", "must be a date"),
    QT_TRANSLATE_NOOP("ServiceMessages", "must be a whole number of minor units above zero"),
    QT_TRANSLATE_NOOP("ServiceMessages", "is too large"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "this customer has no owner: choose who handles the complaint"),
    QT_TRANSLATE_NOOP("ServiceMessages", "no such active user"),
    QT_TRANSLATE_NOOP("ServiceMessages", "this user may not handle this customer's complaints"),
    QT_TRANSLATE_NOOP("ServiceMessages", "is before the complaint was opened"),
    QT_TRANSLATE_NOOP("ServiceMessages", "is before the first response"),
    QT_TRANSLATE_NOOP("ServiceMessages", "must be after the start date"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "this contract has instalments or receipts in its currency"),
    QT_TRANSLATE_NOOP("ServiceMessages", "is not an instalment of this contract"),
    QT_TRANSLATE_NOOP("ServiceMessages", "is not a return visit to a customer"),
    QT_TRANSLATE_NOOP("ServiceMessages", "a repeating reminder is not a return visit"),
    QT_TRANSLATE_NOOP("ServiceMessages", "this return visit was completed already"),
)
# What to do instead, when a complaint's step is not allowed in its status (complaints_flow).
_HINTS = (
    QT_TRANSLATE_NOOP("ServiceMessages", "its first response is recorded already"),
    QT_TRANSLATE_NOOP("ServiceMessages", "it is resolved already"),
    QT_TRANSLATE_NOOP("ServiceMessages", "it is closed"),
    QT_TRANSLATE_NOOP("ServiceMessages", "record its first response first"),
    QT_TRANSLATE_NOOP("ServiceMessages", "it is closed: reopen it first"),
    QT_TRANSLATE_NOOP("ServiceMessages", "resolve it first"),
    QT_TRANSLATE_NOOP("ServiceMessages", "it is closed already"),
    QT_TRANSLATE_NOOP("ServiceMessages", "it is still open"),
    QT_TRANSLATE_NOOP("ServiceMessages", "it is resolved: reopen it first"),
    QT_TRANSLATE_NOOP("ServiceMessages", "not from this status"),
)
_STEPS_DONE = {
    "responded to": QT_TRANSLATE_NOOP("ComplaintStepsDone", "responded to"),
    "resolved": QT_TRANSLATE_NOOP("ComplaintStepsDone", "resolved"),
    "closed": QT_TRANSLATE_NOOP("ComplaintStepsDone", "closed"),
    "reopened": QT_TRANSLATE_NOOP("ComplaintStepsDone", "reopened"),
    "routed": QT_TRANSLATE_NOOP("ComplaintStepsDone", "routed"),
}


def _service(text: str) -> str:
    return QCoreApplication.translate("ServiceMessages", text)


def _refused_step(status: str, step: str, hint: str) -> str:
    return filled(QCoreApplication.translate(
        "ServiceMessages", "a complaint that is %1 cannot be %2: %3"),
        complaint_status_label(status.replace(" ", "_")).lower(),
        QCoreApplication.translate("ComplaintStepsDone", _STEPS_DONE[step]), _service(hint))


_TEMPLATES: tuple[tuple[re.Pattern[str], Callable[..., str]], ...] = (
    (re.compile(r"^“(.*)” is the number of another contract$"), lambda number: filled(
        _service(QT_TRANSLATE_NOOP("ServiceMessages",
                                   "“%1” is the number of another contract")), number)),
    (re.compile(r"^this contract has an instalment (\d+) already$"), lambda number: filled(
        _service(QT_TRANSLATE_NOOP("ServiceMessages",
                                   "this contract has an instalment %1 already")), number)),
    (re.compile(r"^must be the contract's currency, (\w+)$"), lambda code: filled(
        _service(QT_TRANSLATE_NOOP("ServiceMessages",
                                   "must be the contract's currency, %1")), code)),
    (re.compile(r"^“(.*)” is not a three-letter currency code$"), lambda code: filled(
        _service(QT_TRANSLATE_NOOP("ServiceMessages",
                                   "“%1” is not a three-letter currency code")), code)),
    (re.compile(r"^“(.*)” is not a date and time$"), lambda typed: filled(
        _service(QT_TRANSLATE_NOOP("ServiceMessages", "“%1” is not a date and time")), typed)),
    (re.compile(r"^must fall between (\d+) and (\d+)$"), lambda low, high: filled(
        _service(QT_TRANSLATE_NOOP("ServiceMessages", "must fall between %1 and %2")),
        low, high)),
    (re.compile(r"^a complaint that is (open|in progress|resolved|closed) cannot be "
                r"(responded to|resolved|closed|reopened|routed): (.+)$"), _refused_step),
)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def feedback_validation_text(error: ValidationError) -> str:
    """The message to show at the field the error names."""
    for pattern, words in _TEMPLATES:
        match = pattern.match(error.message)
        if match:
            return _capitalised(words(*match.groups()))
    return validation_text(error)


def feedback_error_text(error: BaseException) -> str:
    """One or two sentences for the dialog's or the tab's message line."""
    if isinstance(error, ValidationError):
        return feedback_validation_text(error)
    return error_text(error)
