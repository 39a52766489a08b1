"""The one place that turns an error into words for a person, in their language.

The services raise typed errors with English messages (the CLI prints those). Here each type
gets a translated sentence; validation messages the services are known to send are matched and
translated too, and anything unknown falls back to the service's own words. An error that is
not a CrmError is a bug: the person gets a calm sentence, the log gets the traceback.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_crm.domain import errors as e

log = logging.getLogger(__name__)

CONTEXT = "ServiceMessages"

# Service messages sent verbatim, marked for the catalogue; looked up by their English text.
_FIXED_MESSAGES = (
    QT_TRANSLATE_NOOP("ServiceMessages", "must not be empty"),
    QT_TRANSLATE_NOOP(
        "ServiceMessages", "use 2–64 letters, digits, dots, dashes or underscores (no spaces)"),
    QT_TRANSLATE_NOOP("ServiceMessages", "must be at least 10 characters long"),
    QT_TRANSLATE_NOOP("ServiceMessages", "must not start or end with spaces"),
    QT_TRANSLATE_NOOP("ServiceMessages", "must differ from the current password"),
    QT_TRANSLATE_NOOP("ServiceMessages", "give the user at least one role"),
    QT_TRANSLATE_NOOP("ServiceMessages", "is in the future"),
    QT_TRANSLATE_NOOP("ServiceMessages", "is before 1900"),
    QT_TRANSLATE_NOOP("ServiceMessages", "your role may not change this field"),
)

# Messages that quote what the person typed: "“x” is not an email address". The source text
# keeps the quote as %1, so a translation can place it where its grammar wants it.
_QUOTING_MESSAGES = {
    "is not a phone number": QT_TRANSLATE_NOOP(
        "ServiceMessages", "“%1” is not a phone number"),
    "is not a valid phone number": QT_TRANSLATE_NOOP(
        "ServiceMessages", "“%1” is not a valid phone number"),
    "is not an email address": QT_TRANSLATE_NOOP(
        "ServiceMessages", "“%1” is not an email address"),
    "is not a date (YYYY-MM-DD)": QT_TRANSLATE_NOOP(
        "ServiceMessages", "“%1” is not a date (YYYY-MM-DD)"),
    "is not a two-letter country code": QT_TRANSLATE_NOOP(
        "ServiceMessages", "“%1” is not a two-letter country code"),
}


def _longer_than(match: re.Match[str]) -> str:
    return QCoreApplication.translate(
        "ServiceMessages", "is longer than %1 characters").replace("%1", match.group(1))


def _already_taken(match: re.Match[str]) -> str:
    return QCoreApplication.translate(
        "ServiceMessages", "“%1” is already taken").replace("%1", match.group(1))


def _quoting(match: re.Match[str]) -> str:
    source = _QUOTING_MESSAGES[match.group(2)]
    return QCoreApplication.translate("ServiceMessages", source).replace("%1", match.group(1))


_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"^is longer than (\d+) characters$"), _longer_than),
    (re.compile(r"^“(.*)” is already taken$"), _already_taken),
    (re.compile(r"^“(.*)” (" + "|".join(re.escape(k) for k in _QUOTING_MESSAGES) + r")$"),
     _quoting),
)


def validation_text(error: e.ValidationError) -> str:
    """The message to show next to the field (the field itself says which one)."""
    message = error.message
    for pattern, render in _PATTERNS:
        match = pattern.match(message)
        if match:
            return _capitalised(render(match))
    return _capitalised(QCoreApplication.translate(CONTEXT, message))


# Most errors read the same wherever they happen; the first matching type wins (subclasses
# come before their bases).
_TYPE_MESSAGES: tuple[tuple[type[BaseException], str], ...] = (
    (e.WrongPassword, QT_TRANSLATE_NOOP("ErrorText", "Wrong user name or password.")),
    (e.AccountRevoked, QT_TRANSLATE_NOOP(
        "ErrorText", "This account was revoked: it no longer has access to this vault.")),
    (e.AccountSuspended, QT_TRANSLATE_NOOP(
        "ErrorText", "This account is suspended. Ask an administrator to reactivate it.")),
    (e.VaultDamaged, QT_TRANSLATE_NOOP(
        "ErrorText",
        "The vault is damaged and cannot be opened. Restore it from a backup, or ask an "
        "administrator for help.")),
    (e.VaultNotFound, QT_TRANSLATE_NOOP("ErrorText", "There is no vault in this folder.")),
    (e.VaultExists, QT_TRANSLATE_NOOP(
        "ErrorText", "This folder already holds a vault. Sign in to it, or choose another "
                     "folder.")),
    (e.VaultKeyChanged, QT_TRANSLATE_NOOP(
        "ErrorText",
        "The vault's key was changed by another sign-in (for example when an employee left). "
        "Sign in again with your password.")),
    (e.VaultLocked, QT_TRANSLATE_NOOP("ErrorText", "The vault is locked. Sign in again.")),
    (e.InsufficientSpace, QT_TRANSLATE_NOOP(
        "ErrorText", "There is not enough free disk space to do this safely; nothing was "
                     "changed.")),
    (e.PasswordChangeRequired, QT_TRANSLATE_NOOP(
        "ErrorText", "This is your first sign-in: choose your own password first.")),
    (e.PermissionDenied, QT_TRANSLATE_NOOP("ErrorText", "Your role does not allow this.")),
    (e.NotFound, QT_TRANSLATE_NOOP(
        "ErrorText", "This record does not exist or is outside your view.")),
)


def error_text(error: BaseException) -> str:
    """One or two sentences for a dialog or a status line; never a traceback."""
    if isinstance(error, e.ValidationError):
        return validation_text(error)
    if isinstance(error, e.SignInThrottled):
        return throttled_text(error.retry_after_seconds)
    if isinstance(error, e.KeyringUnavailable):
        return keyring_text(str(error))
    for kind, text in _TYPE_MESSAGES:
        if isinstance(error, kind):
            return QCoreApplication.translate("ErrorText", text)
    if isinstance(error, e.VaultError):
        return QCoreApplication.translate("ErrorText", "The vault cannot be used: %1").replace(
            "%1", QCoreApplication.translate(CONTEXT, str(error)))
    if isinstance(error, e.CrmError):
        return _capitalised(QCoreApplication.translate(CONTEXT, str(error)))
    log.error("unexpected error shown to the user", exc_info=error)
    return QCoreApplication.translate(
        "ErrorText", "Something went wrong (%1). Nothing you saved is lost; the details were "
                     "written to the log.").replace("%1", type(error).__name__)


def throttled_text(seconds: float) -> str:
    wait = max(1, math.ceil(seconds))
    return QCoreApplication.translate(
        "ErrorText", "Too many failed sign-ins. You can try again in %1 s.").replace(
        "%1", str(wait))


def keyring_text(reason: str) -> str:
    """The keyring module's reasons, in the person's language."""
    return _capitalised(QCoreApplication.translate(CONTEXT, reason))


# The keyring module's reasons, marked for the catalogue.
_KEYRING_REASONS = (
    QT_TRANSLATE_NOOP(
        "ServiceMessages",
        "no system keyring is available on this computer, so the app cannot remember you"
        " (sign in with your password)"),
    QT_TRANSLATE_NOOP(
        "ServiceMessages", "the system keyring is locked: unlock it and try again"),
    QT_TRANSLATE_NOOP(
        "ServiceMessages",
        "the only keyring available here would keep secrets in a plain file,"
        " so the app will not remember you on this computer"),
    QT_TRANSLATE_NOOP("ServiceMessages", "the system keyring refused the request"),
)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
