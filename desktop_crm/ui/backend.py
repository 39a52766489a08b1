"""What the GUI needs from the layers below, wired once by the composition root (app.py).

Windows receive this instead of reaching for modules, so a test can hand them a vault in a
temporary folder, a fixed clock or an in-memory keyring.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum
from pathlib import Path

from desktop_crm.security.keyring_store import KeyringStatus
from desktop_crm.services.actor import Actor
from desktop_crm.services.session import CrmSession


@dataclass(frozen=True)
class Backend:
    vault_exists: Callable[[Path], bool]
    # (vault folder, user name, password, display name) -> the recovery code, shown once
    initialize_vault: Callable[[Path, str, str, str], str]
    sign_in: Callable[[Path, str, str], CrmSession]
    keyring_status: Callable[[], KeyringStatus]
    # Lets this device sign the user in again ("remember me"); None where the services
    # cannot do it, and then the checkbox is not offered.
    remember_device: Callable[[CrmSession], None] | None = None
    # (vault folder, user name) -> whether this device remembers them, and the sign-in
    # that needs no password; None where there is no keyring to ask
    device_remembers: Callable[[Path, str], bool] | None = None
    sign_in_remembered: Callable[[Path, str], CrmSession] | None = None
    # Makes this device forget the session's user (when the vault's policy no longer allows
    # remembering); None where there is no keyring to ask
    forget_device: Callable[[CrmSession], None] | None = None
    # None: the vault's idle-lock policy decides (read at sign-in); a test sets its own
    idle_lock_after: timedelta | None = None


class DeviceNote(Enum):
    """What the vault's remember-me policy did to this device at sign-in."""

    NONE = "none"
    NOT_REMEMBERED = "not_remembered"  # the box was ticked, but the policy forbids it
    FORGOTTEN = "forgotten"  # this device remembered the user; the policy now forbids it


@dataclass(frozen=True)
class SignedIn:
    """A fresh session and who it belongs to, as loaded on the worker thread."""

    session: CrmSession
    actor: Actor
    idle_lock_after: timedelta = timedelta(minutes=15)  # the vault's policy for this user
    device_note: DeviceNote = DeviceNote.NONE
