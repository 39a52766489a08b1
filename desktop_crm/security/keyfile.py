"""The `crm.keys` file: what may sit in plain text beside the encrypted database, and how it
is written so that a crash or a full disk never leaves a half-written file.

In plain text it holds only: the format version, the vault id, the KDF parameters, a key-check
value for the current data key, a vault-wide salt for hashing user names, per user (by UUID,
never by name) a salted hash of the user name, the public key, the wrapped private key, the
sealed data key, remembered-device wraps, an active|revoked marker with its date and the
failed sign-in record; the organisation recovery slot; and the failed sign-ins under unknown
user names. No user names, no people's names, no customer data.

Writes are atomic (temp file in the same directory, fsync, `os.replace`, fsync the directory)
and keep the previous version as `<name>.prev`.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from desktop_crm.domain.errors import VaultDamaged
from desktop_crm.security.kdf import KdfParams
from desktop_crm.security.keyslots import (
    NONCE_LENGTH,
    PUBLIC_KEY_LENGTH,
    DeviceWrappedKey,
    SealedDataKey,
    WrappedPrivateKey,
)
from desktop_crm.security.throttle import retry_at

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

FORMAT = "desktop-crm-keys"
FORMAT_VERSION = 1
# Failure times kept for the audit log; beyond this only the count grows (a flood of guesses
# must not grow the file without bound).
MAX_UNREPORTED_TIMES = 200


class SlotStatus(StrEnum):
    ACTIVE = "active"
    REVOKED = "revoked"


@dataclass(frozen=True)
class FailureLog:
    """Failed sign-ins: the consecutive run (for back-off) and those not yet audited."""

    consecutive: int = 0
    last_failure: datetime | None = None
    unreported: tuple[datetime, ...] = ()
    unreported_count: int = 0  # >= len(unreported): the oldest times may have been dropped

    @property
    def retry_at(self) -> datetime | None:
        return retry_at(self.consecutive, self.last_failure)


@dataclass(frozen=True)
class UserSlot:
    user_id: str
    username_hash: bytes
    status: SlotStatus
    status_changed_at: datetime | None = None
    public_key: bytes | None = None
    wrapped_private_key: WrappedPrivateKey | None = None
    sealed_data_key: SealedDataKey | None = None
    devices: tuple[DeviceWrappedKey, ...] = ()
    failures: FailureLog = field(default_factory=FailureLog)


@dataclass(frozen=True)
class RecoverySlot:
    public_key: bytes
    sealed_data_key: SealedDataKey


@dataclass(frozen=True)
class KeyFile:
    vault_id: str
    kdf: KdfParams
    key_check: bytes
    username_salt: bytes
    users: tuple[UserSlot, ...]
    recovery: RecoverySlot
    unknown_user_failures: FailureLog = field(default_factory=FailureLog)


def previous_copy(path: Path) -> Path:
    return path.with_name(path.name + ".prev")


# --- reading ------------------------------------------------------------------------------------


def read_key_file(path: Path) -> KeyFile:
    """The parsed key file; VaultDamaged with a plain reason when it is not one.

    A missing file raises FileNotFoundError: whether that is an error depends on the caller.
    """
    data = path.read_bytes()
    try:
        return _decode(json.loads(data.decode("utf-8")))
    except (ValueError, KeyError, TypeError, AttributeError, binascii.Error) as exc:
        if not data.strip():
            reason = "it is empty"
        elif isinstance(exc, json.JSONDecodeError | UnicodeDecodeError):
            reason = "it is not complete JSON (truncated or overwritten?)"
        else:
            reason = f"unexpected content ({_reason(exc)})"
        hint = f"; a previous copy may be in {previous_copy(path).name}"
        raise VaultDamaged(f"the key file {path.name} is damaged: {reason}{hint}") from None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"missing {exc.args[0]!r}"
    return str(exc) or type(exc).__name__


def _decode(doc: Any) -> KeyFile:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError("not a desktop-crm key file")
    if doc["version"] != FORMAT_VERSION:
        raise ValueError(f"format version {doc['version']} is not supported")
    vault_id = _uuid(doc["vault_id"])
    return KeyFile(
        vault_id=vault_id,
        kdf=_kdf(doc["kdf"]),
        key_check=_b64(doc["key_check"], 32),
        username_salt=_b64(doc["username_salt"], 16),
        users=tuple(_user(item) for item in doc["users"]),
        recovery=RecoverySlot(
            public_key=_b64(doc["recovery"]["public_key"], PUBLIC_KEY_LENGTH),
            sealed_data_key=_sealed(doc["recovery"]["sealed_data_key"]),
        ),
        unknown_user_failures=_failures(doc["unknown_user_failures"]),
    )


def _user(item: dict[str, Any]) -> UserSlot:
    status = SlotStatus(item["status"])
    common = {
        "user_id": _uuid(item["user_id"]),
        "username_hash": _b64(item["username_hash"], 32),
        "status": status,
        "status_changed_at": _time_or_none(item.get("status_changed_at")),
        "failures": _failures(item["failures"]),
    }
    if status is SlotStatus.REVOKED:
        return UserSlot(**common)
    wrapped = item["wrapped_private_key"]
    return UserSlot(
        **common,
        public_key=_b64(item["public_key"], PUBLIC_KEY_LENGTH),
        wrapped_private_key=WrappedPrivateKey(
            kdf=_kdf(wrapped["kdf"]),
            salt=_b64(wrapped["salt"], 16),
            nonce=_b64(wrapped["nonce"], NONCE_LENGTH),
            ciphertext=_b64(wrapped["ciphertext"], 48),
        ),
        sealed_data_key=_sealed(item["sealed_data_key"]),
        devices=tuple(
            DeviceWrappedKey(
                device_id=_uuid(dev["device_id"]),
                nonce=_b64(dev["nonce"], NONCE_LENGTH),
                ciphertext=_b64(dev["ciphertext"], 48),
            )
            for dev in item["devices"]
        ),
    )


def _sealed(item: dict[str, Any]) -> SealedDataKey:
    return SealedDataKey(
        ephemeral_public_key=_b64(item["ephemeral_public_key"], PUBLIC_KEY_LENGTH),
        nonce=_b64(item["nonce"], NONCE_LENGTH),
        ciphertext=_b64(item["ciphertext"], 48),
    )


def _failures(item: dict[str, Any]) -> FailureLog:
    unreported = tuple(_time(t) for t in item["unreported"])
    count = int(item["unreported_count"])
    if int(item["consecutive"]) < 0 or count < len(unreported):
        raise ValueError("inconsistent failed sign-in record")
    return FailureLog(
        consecutive=int(item["consecutive"]),
        last_failure=_time_or_none(item["last_failure"]),
        unreported=unreported,
        unreported_count=count,
    )


def _kdf(item: dict[str, Any]) -> KdfParams:
    if item["algorithm"] != "argon2id":
        raise ValueError(f"key derivation {item['algorithm']!r} is not supported")
    return KdfParams(
        memory_kib=int(item["memory_kib"]),
        time_cost=int(item["time_cost"]),
        parallelism=int(item["parallelism"]),
    )


def _b64(text: str, length: int) -> bytes:
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if len(raw) != length:
        raise ValueError(f"a {length}-byte value has {len(raw)} bytes")
    return raw


def _uuid(text: str) -> str:
    return str(uuid.UUID(text))


def _time(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError("a time without a time zone")
    return value


def _time_or_none(text: str | None) -> datetime | None:
    return None if text is None else _time(text)


# --- writing ------------------------------------------------------------------------------------


def encode_key_file(keys: KeyFile) -> bytes:
    doc = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "vault_id": keys.vault_id,
        "kdf": _kdf_doc(keys.kdf),
        "key_check": _text(keys.key_check),
        "username_salt": _text(keys.username_salt),
        "users": [_user_doc(slot) for slot in keys.users],
        "recovery": {
            "public_key": _text(keys.recovery.public_key),
            "sealed_data_key": _sealed_doc(keys.recovery.sealed_data_key),
        },
        "unknown_user_failures": _failures_doc(keys.unknown_user_failures),
    }
    return (json.dumps(doc, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _user_doc(slot: UserSlot) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "user_id": slot.user_id,
        "username_hash": _text(slot.username_hash),
        "status": slot.status.value,
        "status_changed_at": _time_text(slot.status_changed_at),
        "failures": _failures_doc(slot.failures),
    }
    if slot.status is SlotStatus.ACTIVE:
        if not (slot.public_key and slot.wrapped_private_key and slot.sealed_data_key):
            raise ValueError("an active slot needs its public key, wrapped key and sealed key")
        wrapped = slot.wrapped_private_key
        doc["public_key"] = _text(slot.public_key)
        doc["wrapped_private_key"] = {
            "kdf": _kdf_doc(wrapped.kdf),
            "salt": _text(wrapped.salt),
            "nonce": _text(wrapped.nonce),
            "ciphertext": _text(wrapped.ciphertext),
        }
        doc["sealed_data_key"] = _sealed_doc(slot.sealed_data_key)
        doc["devices"] = [
            {"device_id": d.device_id, "nonce": _text(d.nonce), "ciphertext": _text(d.ciphertext)}
            for d in slot.devices
        ]
    return doc


def _sealed_doc(sealed: SealedDataKey) -> dict[str, str]:
    return {
        "ephemeral_public_key": _text(sealed.ephemeral_public_key),
        "nonce": _text(sealed.nonce),
        "ciphertext": _text(sealed.ciphertext),
    }


def _failures_doc(log: FailureLog) -> dict[str, Any]:
    return {
        "consecutive": log.consecutive,
        "last_failure": _time_text(log.last_failure),
        "retry_at": _time_text(log.retry_at),  # for people reading the file; derived on load
        "unreported": [_time_text(t) for t in log.unreported],
        "unreported_count": log.unreported_count,
    }


def _kdf_doc(params: KdfParams) -> dict[str, Any]:
    return {
        "algorithm": "argon2id",
        "memory_kib": params.memory_kib,
        "time_cost": params.time_cost,
        "parallelism": params.parallelism,
    }


def _text(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _time_text(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def write_key_file(path: Path, keys: KeyFile, *, keep_previous: bool = True) -> None:
    write_atomically(path, encode_key_file(keys), keep_previous=keep_previous)


def write_atomically(path: Path, data: bytes, *, keep_previous: bool = True) -> None:
    """Replace `path` with `data` so that a reader sees the old or the new file, never a mix.

    With keep_previous, the current file is first copied (atomically too) to `<name>.prev`.
    """
    if keep_previous and path.exists():
        _replace_with(previous_copy(path), path.read_bytes())
    _replace_with(path, data)


def _replace_with(path: Path, data: bytes) -> None:
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        try:
            write_durably(fd, data)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_directory(path.parent)


def write_durably(fd: int, data: bytes) -> None:
    """Write all of `data` and flush it to the disk (the seam tests use to inject ENOSPC)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    os.fsync(fd)


def fsync_directory(directory: Path) -> None:
    """Make a rename durable. Windows cannot open a directory for this; NTFS journals it."""
    if os.name == "nt":  # pragma: no cover
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def key_file_lock(lock_path: Path) -> Iterator[None]:
    """Exclusive across processes: two sign-ins must not both rewrite the failure record.

    Not re-entrant; take it once around a read-modify-write of the key file.
    """
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        else:  # pragma: no cover - Windows
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock on every platform
