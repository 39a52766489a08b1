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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_crm.domain import errors as e
from desktop_crm.ui.i18n import filled

log = logging.getLogger(__name__)

CONTEXT = "ServiceMessages"

# Service messages sent verbatim, marked for the catalogue; looked up by their English text.
# (The admin pages mark a few more of their own services' messages beside their code.)
_FIXED_MESSAGES = (
    QT_TRANSLATE_NOOP("ServiceMessages", "must not be empty"),
    QT_TRANSLATE_NOOP(
        "ServiceMessages", "use 2–64 letters, digits, dots, dashes or underscores (no spaces)"),
    QT_TRANSLATE_NOOP("ServiceMessages", "must not start or end with spaces"),
    QT_TRANSLATE_NOOP("ServiceMessages", "must differ from the current password"),
    QT_TRANSLATE_NOOP("ServiceMessages", "must contain both letters and digits"),
    QT_TRANSLATE_NOOP("ServiceMessages", "give the user at least one role"),
    QT_TRANSLATE_NOOP("ServiceMessages", "is in the future"),
    QT_TRANSLATE_NOOP("ServiceMessages", "is before 1900"),
    QT_TRANSLATE_NOOP("ServiceMessages", "your role may not change this field"),
    # policies
    QT_TRANSLATE_NOOP("ServiceMessages", "must be yes or no"),
    QT_TRANSLATE_NOOP("ServiceMessages", "is not a policy"),
    # roles
    QT_TRANSLATE_NOOP("ServiceMessages", "choose an active user to preview"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "the administrator role must keep reading and managing users and roles"),
    QT_TRANSLATE_NOOP("ServiceMessages", "a built-in role cannot be deleted"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "use 2–40 lower-case letters, digits, dots, dashes or underscores"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "choose at least one department for “specified departments”"),
    # users and the departure
    QT_TRANSLATE_NOOP("ServiceMessages", "use the departure workflow"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "this departure is already committed and cannot be cancelled"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "only a departed user's holdings are reassigned here; start a departure "
                      "for an active user"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "you cannot run your own departure; ask another admin"),
    QT_TRANSLATE_NOOP("ServiceMessages", "choose at least one user to receive the customers"),
    QT_TRANSLATE_NOOP("ServiceMessages", "no such user"),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "the departing user cannot receive their own customers"),
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
    "is already taken": QT_TRANSLATE_NOOP("ServiceMessages", "“%1” is already taken"),
    "belonged to a deleted role; choose another": QT_TRANSLATE_NOOP(
        "ServiceMessages", "“%1” belonged to a deleted role; choose another"),
    "is not a permission": QT_TRANSLATE_NOOP("ServiceMessages", "“%1” is not a permission"),
    "is not a data scope": QT_TRANSLATE_NOOP("ServiceMessages", "“%1” is not a data scope"),
    "has no data scope: grant it whole": QT_TRANSLATE_NOOP(
        "ServiceMessages", "“%1” has no data scope: grant it whole"),
    "is not a customer field": QT_TRANSLATE_NOOP(
        "ServiceMessages", "“%1” is not a customer field"),
    "is not a field policy": QT_TRANSLATE_NOOP("ServiceMessages", "“%1” is not a field policy"),
    "cannot be masked": QT_TRANSLATE_NOOP("ServiceMessages", "“%1” cannot be masked"),
    "has two policies": QT_TRANSLATE_NOOP("ServiceMessages", "“%1” has two policies"),
}

# Messages that carry a number or a name: the pattern's groups fill the template's %1, %2...
_TEMPLATES: tuple[tuple[str, str], ...] = (
    (r"is longer than (\d+) characters",
     QT_TRANSLATE_NOOP("ServiceMessages", "is longer than %1 characters")),
    (r"must be at least (\d+) characters long",
     QT_TRANSLATE_NOOP("ServiceMessages", "must be at least %1 characters long")),
    (r"must be a whole number from (-?\d+) to (-?\d+)",
     QT_TRANSLATE_NOOP("ServiceMessages", "must be a whole number from %1 to %2")),
    (r"(\d+) people still hold this role; give them another role first",
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "%1 people still hold this role; give them another role first")),
    (r"no such role: (.+)", QT_TRANSLATE_NOOP("ServiceMessages", "no such role: %1")),
    (r"a masked field is read-only: “(.*)” cannot be edit",
     QT_TRANSLATE_NOOP("ServiceMessages", "a masked field is read-only: “%1” cannot be edit")),
    (r"([\w.\-]+) has already departed",  # a user name
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 has already departed")),
    (r"([\w.\-]+) is not active", QT_TRANSLATE_NOOP("ServiceMessages", "%1 is not active")),
    *((r"“(.*)” " + re.escape(words), template) for words, template in _QUOTING_MESSAGES.items()),
)
_PATTERNS = tuple((re.compile(f"^{pattern}$"), template) for pattern, template in _TEMPLATES)


def service_text(message: str) -> str:
    """A service's English message in the person's language (as it is when not known). A
    value it carries (a number, a name, what was typed) is kept as it was sent."""
    for pattern, template in _PATTERNS:
        match = pattern.match(message)
        if match:
            return filled(_capitalised(QCoreApplication.translate(CONTEXT, template)),
                          *match.groups())
    return _capitalised(QCoreApplication.translate(CONTEXT, message))


def validation_text(error: e.ValidationError) -> str:
    """The message to show next to the field (the field itself says which one)."""
    return service_text(error.message)


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
        return service_text(str(error))
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
