"""Who may open the vault: the changes a key file goes through, as pure functions.

Each function takes a `KeyFile` and returns a new one; reading and writing the file, and the
database, are the caller's business (storage/vault.py).
"""

from __future__ import annotations

import hmac
import os
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime
from hashlib import sha256

from desktop_crm.domain.errors import AccountRevoked, Conflict, NotFound
from desktop_crm.security.kdf import KdfParams
from desktop_crm.security.keyfile import (
    MAX_UNREPORTED_TIMES,
    FailureLog,
    KeyFile,
    RecoverySlot,
    SlotStatus,
    UserSlot,
)
from desktop_crm.security.keyslots import (
    DeviceWrappedKey,
    generate_key_pair,
    key_check,
    seal,
    wrap_private_key,
)
from desktop_crm.security.secret import SecretBytes

REVOKED_MESSAGE = "this account was revoked: it no longer has access to this vault"


@dataclass(frozen=True)
class FailedSignIns:
    """Failed sign-ins recorded in the key file and not yet written to the audit log."""

    user_id: str | None  # None: attempts under user names this vault does not know
    times: tuple[datetime, ...]
    count: int  # may exceed len(times) when a flood of attempts dropped the oldest times


def username_hash(username_salt: bytes, username: str) -> bytes:
    """The key file's stand-in for a user name: HMAC-SHA256 under a vault-wide salt."""
    normalised = unicodedata.normalize("NFKC", username.strip()).casefold()
    return hmac.new(username_salt, normalised.encode("utf-8"), sha256).digest()


def new_key_file(
    *,
    vault_id: str,
    data_key: SecretBytes,
    kdf: KdfParams,
    admin_user_id: str,
    admin_username: str,
    password: str,
) -> tuple[KeyFile, SecretBytes]:
    """A first key file with the admin's slot, and the recovery private key (shown once)."""
    recovery = generate_key_pair()
    keys = KeyFile(
        vault_id=vault_id,
        kdf=kdf,
        key_check=key_check(data_key, vault_id),
        username_salt=os.urandom(16),
        users=(),
        recovery=RecoverySlot(
            public_key=recovery.public, sealed_data_key=seal(data_key, recovery.public, vault_id)
        ),
    )
    return with_user_added(
        keys, data_key, admin_user_id, admin_username, password
    ), recovery.private


# --- looking up ---------------------------------------------------------------------------------


def slot_for_username(keys: KeyFile, username: str) -> UserSlot | None:
    """The slot for a sign-in name: the active one if any, else a revoked marker, else None."""
    wanted = username_hash(keys.username_salt, username)
    matches = [s for s in keys.users if hmac.compare_digest(s.username_hash, wanted)]
    active = [s for s in matches if s.status is SlotStatus.ACTIVE]
    return (active or matches or [None])[0]


def slot_for_user_id(keys: KeyFile, user_id: str) -> UserSlot | None:
    active = [s for s in keys.users if s.user_id == user_id and s.status is SlotStatus.ACTIVE]
    any_status = [s for s in keys.users if s.user_id == user_id]
    return (active or any_status or [None])[0]


def active_slot(keys: KeyFile, user_id: str) -> UserSlot:
    slot = slot_for_user_id(keys, user_id)
    if slot is None:
        raise NotFound("key slot", user_id)
    if slot.status is not SlotStatus.ACTIVE:
        raise AccountRevoked(REVOKED_MESSAGE)
    return slot


def with_slot(keys: KeyFile, slot: UserSlot) -> KeyFile:
    """Replace the slot of the same user id and status (or add it)."""
    others = tuple(
        s for s in keys.users if not (s.user_id == slot.user_id and s.status is slot.status)
    )
    return replace(keys, users=(*others, slot))


# --- users --------------------------------------------------------------------------------------


def with_user_added(
    keys: KeyFile, data_key: SecretBytes, user_id: str, username: str, password: str
) -> KeyFile:
    """A new active slot: fresh key pair, private key under the password, DK sealed to it."""
    name_hash = username_hash(keys.username_salt, username)
    for slot in keys.users:
        if slot.status is SlotStatus.ACTIVE and (
            slot.user_id == user_id or hmac.compare_digest(slot.username_hash, name_hash)
        ):
            raise Conflict("this user already has access to the vault")
    return replace(
        keys, users=(*keys.users, _fresh_slot(keys, data_key, user_id, name_hash, password))
    )


def with_user_reset(
    keys: KeyFile, data_key: SecretBytes, user_id: str, username: str, new_password: str
) -> KeyFile:
    """Recovery: the user gets a fresh key pair and password in place of any earlier slot.

    Failed sign-ins not yet audited are kept; the back-off ends.
    """
    name_hash = username_hash(keys.username_salt, username)
    for slot in keys.users:
        if (
            slot.status is SlotStatus.ACTIVE
            and slot.user_id != user_id
            and hmac.compare_digest(slot.username_hash, name_hash)
        ):
            raise Conflict("this user name belongs to another user of the vault")
    earlier = slot_for_user_id(keys, user_id)
    fresh = _fresh_slot(keys, data_key, user_id, name_hash, new_password)
    if earlier is not None:
        fresh = replace(fresh, failures=succeeded(earlier.failures))
    others = tuple(s for s in keys.users if s.user_id != user_id)
    return replace(keys, users=(*others, fresh))


def _fresh_slot(
    keys: KeyFile, data_key: SecretBytes, user_id: str, name_hash: bytes, password: str
) -> UserSlot:
    pair = generate_key_pair()
    try:
        wrapped = wrap_private_key(pair.private, password, user_id, keys.vault_id, keys.kdf)
    finally:
        pair.private.wipe()
    return UserSlot(
        user_id=user_id,
        username_hash=name_hash,
        status=SlotStatus.ACTIVE,
        public_key=pair.public,
        wrapped_private_key=wrapped,
        sealed_data_key=seal(data_key, pair.public, keys.vault_id),
    )


def with_user_revoked(keys: KeyFile, user_id: str, at: datetime) -> KeyFile:
    """Drop the slot, the wrapped keys and remembered devices; keep a dated revoked marker."""
    slot = active_slot(keys, user_id)
    marker = UserSlot(
        user_id=slot.user_id,
        username_hash=slot.username_hash,
        status=SlotStatus.REVOKED,
        status_changed_at=at,
    )
    rest = tuple(s for s in keys.users if s.user_id != user_id)
    return replace(keys, users=(*rest, marker))


def with_password_changed(
    keys: KeyFile, user_id: str, private_key: SecretBytes, new_password: str
) -> KeyFile:
    slot = active_slot(keys, user_id)
    wrapped = wrap_private_key(private_key, new_password, user_id, keys.vault_id, keys.kdf)
    return with_slot(keys, replace(slot, wrapped_private_key=wrapped))


def with_device(keys: KeyFile, user_id: str, device: DeviceWrappedKey) -> KeyFile:
    slot = active_slot(keys, user_id)
    return with_slot(keys, replace(slot, devices=(*slot.devices, device)))


def without_device(keys: KeyFile, user_id: str, device_id: str) -> KeyFile:
    slot = slot_for_user_id(keys, user_id)
    if slot is None or slot.status is not SlotStatus.ACTIVE:
        return keys
    kept = tuple(d for d in slot.devices if d.device_id != device_id)
    return with_slot(keys, replace(slot, devices=kept))


# --- rotation -----------------------------------------------------------------------------------


def resealed(keys: KeyFile, new_data_key: SecretBytes) -> KeyFile:
    """The same key file with the new data key sealed to every active user and to recovery."""
    vault_id = keys.vault_id
    users = tuple(
        replace(s, sealed_data_key=seal(new_data_key, s.public_key, vault_id))
        if s.status is SlotStatus.ACTIVE and s.public_key is not None
        else s
        for s in keys.users
    )
    recovery = RecoverySlot(
        public_key=keys.recovery.public_key,
        sealed_data_key=seal(new_data_key, keys.recovery.public_key, vault_id),
    )
    return replace(
        keys, key_check=key_check(new_data_key, vault_id), users=users, recovery=recovery
    )


def with_failure_records_of(target: KeyFile, source: KeyFile) -> KeyFile:
    """`target`, with the failed sign-in records that `source` holds (finishing a rotation)."""
    records = {(s.user_id, s.status): s.failures for s in source.users}
    users = tuple(
        replace(s, failures=records.get((s.user_id, s.status), s.failures)) for s in target.users
    )
    return replace(target, users=users, unknown_user_failures=source.unknown_user_failures)


# --- failed sign-ins ----------------------------------------------------------------------------


def failed(log: FailureLog, now: datetime) -> FailureLog:
    times = (*log.unreported, now)[-MAX_UNREPORTED_TIMES:]
    return FailureLog(
        consecutive=log.consecutive + 1,
        last_failure=now,
        unreported=times,
        unreported_count=log.unreported_count + 1,
    )


def succeeded(log: FailureLog) -> FailureLog:
    """The back-off ends; the failures stay until the audit log has them."""
    return replace(log, consecutive=0, last_failure=None)


def with_user_failures(keys: KeyFile, user_id: str, log: FailureLog) -> KeyFile:
    slot = slot_for_user_id(keys, user_id)
    if slot is None:
        return keys
    return with_slot(keys, replace(slot, failures=log))


def pending_failures(keys: KeyFile, user_id: str) -> tuple[FailedSignIns, ...]:
    """Unreported failures for this user and for unknown user names (empty ones left out)."""
    found = []
    slot = slot_for_user_id(keys, user_id)
    if slot is not None and slot.failures.unreported_count:
        log = slot.failures
        found.append(FailedSignIns(user_id, log.unreported, log.unreported_count))
    unknown = keys.unknown_user_failures
    if unknown.unreported_count:
        found.append(FailedSignIns(None, unknown.unreported, unknown.unreported_count))
    return tuple(found)


def without_reported(keys: KeyFile, reported: tuple[FailedSignIns, ...]) -> KeyFile:
    """Forget the failures the audit log now holds; ones recorded since then stay."""
    for item in reported:
        if item.user_id is None:
            keys = replace(keys, unknown_user_failures=_minus(keys.unknown_user_failures, item))
            continue
        slot = slot_for_user_id(keys, item.user_id)
        if slot is not None:
            keys = with_slot(keys, replace(slot, failures=_minus(slot.failures, item)))
    return keys


def _minus(log: FailureLog, reported: FailedSignIns) -> FailureLog:
    remaining = list(log.unreported)
    for moment in reported.times:
        if moment in remaining:
            remaining.remove(moment)
    count = max(len(remaining), log.unreported_count - reported.count)
    return replace(log, unreported=tuple(remaining), unreported_count=count)
