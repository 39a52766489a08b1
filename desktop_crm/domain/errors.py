"""One error hierarchy for the whole app.

Every message is written for a person: the GUI shows it next to the cause and the CLI prints it
on one line. No message ever carries a key, a password or a customer's data.
"""

from __future__ import annotations


class CrmError(Exception):
    """Base of every error the app raises on purpose."""

    exit_code = 1  # what the CLI exits with


class ValidationError(CrmError):
    """One field holds a value the app cannot accept."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class PermissionDenied(CrmError):
    """The acting user's roles lack this operation altogether."""

    def __init__(self, permission: str) -> None:
        super().__init__(f"permission denied: {permission}")
        self.permission = permission


class NotFound(CrmError):
    """No such record, or one outside the caller's scope (the two look the same on purpose)."""

    def __init__(self, entity: str, entity_id: str = "") -> None:
        super().__init__(f"{entity} not found" + (f": {entity_id}" if entity_id else ""))
        self.entity = entity
        self.entity_id = entity_id


class Conflict(CrmError):
    """The record changed since it was read, or a unique value is already taken."""


class PasswordChangeRequired(CrmError):
    """First sign-in with a one-time password: the user must choose their own first."""


class KeyringUnavailable(CrmError):
    """"Remember me" cannot work here; the message says why."""


class VaultError(CrmError):
    """The encrypted vault cannot be opened or written."""

    exit_code = 3


class VaultNotFound(VaultError):
    """No vault at the given place (a missing or empty database file counts)."""


class VaultExists(VaultError):
    """`init` on a directory that already holds a vault."""

    exit_code = 1


class VaultLocked(VaultError):
    """The vault is locked; sign in again."""


class VaultKeyChanged(VaultLocked):
    """Another sign-in rotated the data key (a departure): this session must sign in again."""


class VaultDamaged(VaultError):
    """The key is right but the database file is damaged (or not a vault at all)."""


class WrongPassword(VaultError):
    """Unknown user name or wrong password (the two look the same on purpose)."""


class AccountRevoked(VaultError):
    """The account left the company; its access was revoked."""


class AccountSuspended(VaultError):
    """An admin suspended the account."""


class SignInThrottled(VaultError):
    """Too many failed sign-ins; the next try is allowed after a pause."""

    def __init__(self, retry_after_seconds: float) -> None:
        seconds = max(1, round(retry_after_seconds))
        super().__init__(f"too many failed sign-ins: try again in {seconds} s")
        self.retry_after_seconds = retry_after_seconds


class InsufficientSpace(VaultError):
    """Not enough free disk space to finish safely; nothing was changed."""
