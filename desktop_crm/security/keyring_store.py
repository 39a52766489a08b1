"""'Remember me': a random device secret per (vault, user) in the OS keyring.

`keyring` picks a backend by itself and may pick one that writes secrets to a plain file
(`keyrings.alt`) or one that only fails. Only the system keyrings on the allow-list below are
trusted; with anything else the feature is off and `status().reason` says why, in words the
UI can show. The keyring entry holds the device secret only (it unlocks a second wrap of the
user's private key kept in the key file), far under Windows Credential Locker's 2,560 bytes.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import os
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import keyring
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend
from keyring.errors import KeyringError, KeyringLocked, NoKeyringError, PasswordDeleteError

from desktop_crm.domain.errors import KeyringUnavailable
from desktop_crm.security.secret import SecretBytes

SERVICE_NAME = "desktop-crm"
DEVICE_SECRET_LENGTH = 32
# Windows Credential Locker stores at most 2,560 bytes of UTF-16 per secret.
MAX_ENTRY_BYTES_UTF16 = 2560
_ENTRY_PREFIX = "v1"

ALLOWED_BACKENDS: frozenset[str] = frozenset(
    {
        "keyring.backends.Windows.WinVaultKeyring",  # Windows Credential Locker
        "keyring.backends.macOS.Keyring",  # macOS Keychain
        "keyring.backends.SecretService.Keyring",  # GNOME Keyring, KeePassXC ... over D-Bus
        "keyring.backends.libsecret.Keyring",  # the same service through libsecret
        "keyring.backends.kwallet.DBusKeyring",  # KWallet 5/6
        "keyring.backends.kwallet.DBusKeyringKWallet4",
    }
)
# Refused even when a caller lists them as allowed: they store secrets readably on disk.
_PLAINTEXT_MODULES = ("keyrings.alt",)
_NO_KEYRING_BACKENDS = frozenset({"keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"})

NO_KEYRING_REASON = (
    "no system keyring is available on this computer, so the app cannot remember you"
    " (sign in with your password)"
)
LOCKED_REASON = "the system keyring is locked: unlock it and try again"


@dataclass(frozen=True)
class KeyringStatus:
    available: bool
    reason: str  # empty when available; otherwise a sentence for the UI
    backend: str  # the backend's class name, for diagnostics


@dataclass(frozen=True)
class DeviceEntry:
    """What this device's keyring remembers for one user of one vault."""

    device_id: str
    secret: SecretBytes


def backend_name(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


class DeviceKeyring:
    """The OS keyring behind an allow-list.

    `backend` defaults to whatever `keyring` chose for this machine. `allowed_extra` exists for
    tests (an in-memory backend); a plaintext backend is refused even if listed there.
    """

    def __init__(
        self,
        backend: KeyringBackend | None = None,
        *,
        allowed_extra: Iterable[type[KeyringBackend]] = (),
    ) -> None:
        self._backend = backend
        self._allowed_extra = frozenset(
            f"{cls.__module__}.{cls.__qualname__}" for cls in allowed_extra
        )

    def status(self) -> KeyringStatus:
        try:
            backend = self._current_backend()
        except Exception:  # keyring's own discovery failed: treat as no keyring
            return KeyringStatus(False, NO_KEYRING_REASON, "")
        reason = self._refusal(backend)
        return KeyringStatus(reason == "", reason, backend_name(backend))

    def store(self, vault_id: str, user_id: str, entry: DeviceEntry) -> None:
        value = f"{_ENTRY_PREFIX}:{entry.device_id}:{base64.b64encode(entry.secret.value).decode()}"
        if len(value.encode("utf-16-le")) > MAX_ENTRY_BYTES_UTF16:
            raise ValueError("a keyring entry must fit Windows Credential Locker")
        backend = self._usable_backend()
        with _keyring_errors():
            backend.set_password(SERVICE_NAME, _account(vault_id, user_id), value)

    def load(self, vault_id: str, user_id: str) -> DeviceEntry | None:
        """This device's entry for the user, or None (never set, deleted, or unreadable)."""
        backend = self._usable_backend()
        with _keyring_errors():
            value = backend.get_password(SERVICE_NAME, _account(vault_id, user_id))
        return None if value is None else _parse_entry(value)

    def delete(self, vault_id: str, user_id: str) -> None:
        backend = self._usable_backend()
        # PasswordDeleteError: nothing to delete, the device is already forgotten
        with _keyring_errors(), contextlib.suppress(PasswordDeleteError):
            backend.delete_password(SERVICE_NAME, _account(vault_id, user_id))

    def _current_backend(self) -> KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def _usable_backend(self) -> KeyringBackend:
        status = self.status()
        if not status.available:
            raise KeyringUnavailable(status.reason)
        return self._current_backend()

    def _refusal(self, backend: KeyringBackend) -> str:
        """Why this backend may not hold device secrets ("" when it may)."""
        name = backend_name(backend)
        if isinstance(backend, ChainerBackend):
            chained = list(backend.backends)
            if not chained:
                return NO_KEYRING_REASON
            reasons = [self._refusal(b) for b in chained]
            return next((r for r in reasons if r), "")
        if name.startswith(_PLAINTEXT_MODULES):
            return (
                "the only keyring available here would keep secrets in a plain file,"
                " so the app will not remember you on this computer"
            )
        if name in _NO_KEYRING_BACKENDS:
            return NO_KEYRING_REASON
        if name in ALLOWED_BACKENDS or name in self._allowed_extra:
            return ""
        return f"the keyring {type(backend).__qualname__} is not one the app trusts with secrets"


def new_device_entry() -> DeviceEntry:
    return DeviceEntry(str(uuid.uuid4()), SecretBytes(os.urandom(DEVICE_SECRET_LENGTH)))


def _account(vault_id: str, user_id: str) -> str:
    # Ids only: the keyring's item list must not show who uses which vault.
    return f"{vault_id}/{user_id}"


def _parse_entry(value: str) -> DeviceEntry | None:
    parts = value.split(":")
    if len(parts) != 3 or parts[0] != _ENTRY_PREFIX:
        return None
    try:
        device_id = str(uuid.UUID(parts[1]))
        secret = base64.b64decode(parts[2].encode("ascii"), validate=True)
    except (ValueError, binascii.Error):
        return None
    if len(secret) != DEVICE_SECRET_LENGTH:
        return None
    return DeviceEntry(device_id, SecretBytes(secret))


@contextlib.contextmanager
def _keyring_errors() -> Iterator[None]:
    """Turn keyring's exceptions into KeyringUnavailable with a sentence for the UI."""
    try:
        yield
    except KeyringLocked:
        raise KeyringUnavailable(LOCKED_REASON) from None
    except NoKeyringError:
        raise KeyringUnavailable(NO_KEYRING_REASON) from None
    except KeyringError:
        raise KeyringUnavailable("the system keyring refused the request") from None
