"""The encrypted vault: a SQLCipher database and the key slots that open it.

`Vault` finds, creates, unlocks and recovers a vault folder; `OpenVault` is a signed-in
session over it (the database's two lanes, key slot changes, rotation, lock).

Sign-in = password -> private key -> the user's slot -> data key (DK) -> key-check -> open the
database. The key-check tells a wrong key apart from a damaged file (DESIGN trap 3).
Rotation is staged so that no moment exists where the working key is only in memory, and a
half-done rotation is finished at the next sign-in (trap 4).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import sqlcipher3

from desktop_crm.domain.errors import (
    AccountRevoked,
    Conflict,
    InsufficientSpace,
    KeyringUnavailable,
    SignInThrottled,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WrongPassword,
)
from desktop_crm.domain.ids import new_id
from desktop_crm.security import vault_keys
from desktop_crm.security.kdf import KdfParams, configured_kdf, derive_key
from desktop_crm.security.keyfile import (
    KeyFile,
    SlotStatus,
    UserSlot,
    fsync_directory,
    key_file_lock,
    previous_copy,
    read_key_file,
    write_key_file,
)
from desktop_crm.security.keyring_store import DeviceKeyring, new_device_entry
from desktop_crm.security.keyslots import (
    WRONG_PASSWORD_MESSAGE,
    DeviceSecretRejected,
    SealedDataKey,
    matches_key_check,
    new_data_key,
    public_key_of,
    unseal,
    unwrap_private_key,
    unwrap_with_device_secret,
    wrap_with_device_secret,
)
from desktop_crm.security.recovery import format_recovery_code, parse_recovery_code
from desktop_crm.security.secret import SecretBytes
from desktop_crm.security.throttle import seconds_until_allowed
from desktop_crm.security.vault_keys import FailedSignIns
from desktop_crm.storage import schema
from desktop_crm.storage.engine import (
    KeyRejected,
    Lane,
    check_database_file,
    open_engine,
    open_raw_connection,
)
from desktop_crm.storage.uow import Database

NOT_REMEMBERED = "this computer does not remember you: sign in with your password"
DAMAGED_DATABASE = (
    "the vault database is damaged: its key is right but the file cannot be read"
    " (restore it from a backup)"
)


@dataclass(frozen=True)
class VaultPaths:
    """The files of one vault folder."""

    directory: Path

    @property
    def db(self) -> Path:
        return self.directory / "crm.db"

    @property
    def wal(self) -> Path:
        return self.directory / "crm.db-wal"

    @property
    def shm(self) -> Path:
        return self.directory / "crm.db-shm"

    @property
    def keys(self) -> Path:
        return self.directory / "crm.keys"

    @property
    def pending(self) -> Path:
        return self.directory / "crm.keys.pending"

    @property
    def prev(self) -> Path:
        return previous_copy(self.keys)

    @property
    def lock(self) -> Path:
        return self.directory / "crm.keys.lock"


# --- storage seams: tests replace these to simulate a full or failing disk ---------------------


def free_space(directory: Path) -> int:
    """Bytes free on the disk that holds the vault."""
    return shutil.disk_usage(directory).free


def checkpoint_database(db_path: Path, data_key: SecretBytes) -> None:
    """Fold the WAL into the database file, so the rekey starts from one file."""
    conn = open_raw_connection(db_path, data_key)
    try:
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()
    if busy:
        raise VaultError("another program is using the vault: close it and try again")


def rekey_database(db_path: Path, old_key: SecretBytes, new_key: SecretBytes) -> None:
    """Re-encrypt every page under the new key (the WAL grows to the database's size)."""
    conn = open_raw_connection(db_path, old_key)
    try:
        conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"").fetchall()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()


# --- the vault folder ---------------------------------------------------------------------------


class Vault:
    """A vault folder, before anyone has signed in."""

    def __init__(self, directory: Path | str) -> None:
        self.paths = VaultPaths(Path(directory))

    @staticmethod
    def exists(directory: Path | str) -> bool:
        """Whether the folder holds a vault (or what is left of one: never overwrite it)."""
        paths = VaultPaths(Path(directory))
        return any(p.exists() for p in (paths.db, paths.keys, paths.pending))

    @classmethod
    def create(
        cls,
        directory: Path | str,
        *,
        admin_user_id: str,
        admin_username: str,
        password: str,
        kdf: KdfParams | None = None,
    ) -> tuple[OpenVault, str]:
        """A new vault with its first admin, and the recovery code to show exactly once."""
        paths = VaultPaths(Path(directory))
        paths.directory.mkdir(parents=True, exist_ok=True)
        with key_file_lock(paths.lock):
            if cls.exists(paths.directory):
                raise VaultExists("this folder already holds a vault")
            data_key = new_data_key()
            keys, recovery_private = vault_keys.new_key_file(
                vault_id=new_id(),
                data_key=data_key,
                kdf=kdf or configured_kdf(),
                admin_user_id=admin_user_id,
                admin_username=admin_username,
                password=password,
            )
            recovery_code = format_recovery_code(recovery_private)
            recovery_private.wipe()
            try:
                database = _new_database(paths.db, data_key)
                try:
                    write_key_file(paths.keys, keys, keep_previous=False)
                except BaseException:
                    database.dispose()
                    raise
            except BaseException:
                data_key.wipe()
                for path in (paths.keys, paths.db, paths.wal, paths.shm):
                    with contextlib.suppress(FileNotFoundError):
                        path.unlink()
                raise
        slot = vault_keys.active_slot(keys, admin_user_id)
        private = _unwrap(slot, password, keys.vault_id)
        return OpenVault(paths, keys.vault_id, admin_user_id, data_key, private, database), (
            recovery_code
        )

    def unlock(self, username: str, password: str, *, now: datetime) -> OpenVault:
        """Sign in with a password. Failures are counted in the key file and back off."""
        self._require_vault_files()
        with key_file_lock(self.paths.lock):
            keys = read_key_file(self.paths.keys)
            slot = vault_keys.slot_for_username(keys, username)
            record = slot.failures if slot is not None else keys.unknown_user_failures
            wait = seconds_until_allowed(record.consecutive, record.last_failure, now)
            if wait > 0:
                raise SignInThrottled(wait)
            if slot is None:
                # As slow as a real check, so timing does not tell which names exist.
                derive_key(password, os.urandom(16), keys.kdf).wipe()
                failures = vault_keys.failed(keys.unknown_user_failures, now)
                self._record_failure(replace(keys, unknown_user_failures=failures))
                raise WrongPassword(WRONG_PASSWORD_MESSAGE)
            if slot.status is SlotStatus.REVOKED:
                raise AccountRevoked(vault_keys.REVOKED_MESSAGE)
            try:
                private = _unwrap(slot, password, keys.vault_id)
            except WrongPassword:
                failures = vault_keys.failed(slot.failures, now)
                self._record_failure(vault_keys.with_user_failures(keys, slot.user_id, failures))
                raise
            return self._open_signed_in(keys, slot.user_id, private)

    def remembers(self, username: str, keyring: DeviceKeyring) -> bool:
        """Whether this device holds a "remember me" entry for the user (nothing unlocked;
        an entry revoked elsewhere still counts until a sign-in finds it stale)."""
        if not self.paths.keys.is_file() or not keyring.status().available:
            return False
        keys = read_key_file(self.paths.keys)
        slot = vault_keys.slot_for_username(keys, username)
        if slot is None or slot.status is SlotStatus.REVOKED:
            return False
        entry = keyring.load(keys.vault_id, slot.user_id)
        if entry is None:
            return False
        entry.secret.wipe()
        return True

    def unlock_remembered(self, username: str, keyring: DeviceKeyring) -> OpenVault:
        """Sign in with this device's keyring entry ("remember me"); no password needed."""
        self._require_vault_files()
        with key_file_lock(self.paths.lock):
            keys = read_key_file(self.paths.keys)
            slot = vault_keys.slot_for_username(keys, username)
            if slot is None:
                raise KeyringUnavailable(NOT_REMEMBERED)
            if slot.status is SlotStatus.REVOKED:
                raise AccountRevoked(vault_keys.REVOKED_MESSAGE)
            entry = keyring.load(keys.vault_id, slot.user_id)
            if entry is None:
                raise KeyringUnavailable(NOT_REMEMBERED)
            device = next((d for d in slot.devices if d.device_id == entry.device_id), None)
            try:
                if device is None:
                    raise DeviceSecretRejected()
                private = unwrap_with_device_secret(
                    device, entry.secret, slot.user_id, keys.vault_id
                )
            except DeviceSecretRejected:
                keyring.delete(keys.vault_id, slot.user_id)  # stale: forgotten elsewhere
                raise KeyringUnavailable(NOT_REMEMBERED) from None
            finally:
                entry.secret.wipe()
            return self._open_signed_in(keys, slot.user_id, private)

    @classmethod
    def recover(
        cls,
        directory: Path | str,
        recovery_code: str,
        *,
        user_id: str,
        username: str,
        new_password: str,
    ) -> OpenVault:
        """Reset one user's (the admin's) access with the organisation recovery code."""
        vault = cls(directory)
        recovery_private = parse_recovery_code(recovery_code)
        vault._require_vault_files()
        try:
            with key_file_lock(vault.paths.lock):
                keys = read_key_file(vault.paths.keys)
                if public_key_of(recovery_private) != keys.recovery.public_key:
                    raise WrongPassword("this recovery code belongs to another vault")
                keys, data_key, database = vault._open_database(
                    keys, lambda k: k.recovery.sealed_data_key, recovery_private
                )
                try:
                    keys = vault_keys.with_user_reset(
                        keys, data_key, user_id, username, new_password
                    )
                    write_key_file(vault.paths.keys, keys)
                    private = _unwrap(
                        vault_keys.active_slot(keys, user_id), new_password, keys.vault_id
                    )
                except BaseException:
                    database.dispose()
                    data_key.wipe()
                    raise
        finally:
            recovery_private.wipe()
        return OpenVault(vault.paths, keys.vault_id, user_id, data_key, private, database)

    # --- internals --------------------------------------------------------------------------

    def _require_vault_files(self) -> None:
        paths = self.paths
        if not paths.keys.exists() and not paths.db.exists():
            raise VaultNotFound("no vault in this folder")
        check_database_file(paths.db)  # never let SQLite create an empty one in its place
        if not paths.keys.exists():
            raise VaultDamaged(
                f"the key file {paths.keys.name} is missing"
                f" (a previous copy may be in {paths.prev.name})"
            )

    def _open_signed_in(self, keys: KeyFile, user_id: str, private: SecretBytes) -> OpenVault:
        """Open the database with the user's slot and end the back-off (caller holds the lock)."""
        try:
            keys, data_key, database = self._open_database(
                keys, lambda k: _sealed_for(k, user_id), private
            )
        except BaseException:
            private.wipe()
            raise
        try:
            slot = vault_keys.active_slot(keys, user_id)
            ended = vault_keys.with_user_failures(
                keys, user_id, vault_keys.succeeded(slot.failures)
            )
            ended = replace(
                ended, unknown_user_failures=vault_keys.succeeded(keys.unknown_user_failures)
            )
            if ended != keys:
                # Best effort: a full disk must not keep a user out; the back-off just stays.
                with contextlib.suppress(OSError):
                    write_key_file(self.paths.keys, ended)
        except BaseException:
            database.dispose()
            data_key.wipe()
            private.wipe()
            raise
        return OpenVault(self.paths, keys.vault_id, user_id, data_key, private, database)

    def _open_database(
        self,
        keys: KeyFile,
        sealed_in: Callable[[KeyFile], SealedDataKey | None],
        private: SecretBytes,
    ) -> tuple[KeyFile, SecretBytes, Database]:
        """Try the current slots, then a pending rotation's; finish whichever opens the file.

        Returns the key file now in force, the data key and the open database.
        """
        pending = self._read_pending(keys.vault_id)
        candidates = [keys] if pending is None else [keys, pending]
        first_error: VaultError | None = None
        for candidate in candidates:
            sealed = sealed_in(candidate)
            if sealed is None:
                continue
            try:
                data_key = unseal(sealed, private, candidate.vault_id)
            except VaultDamaged as exc:
                first_error = first_error or exc
                continue
            if not matches_key_check(data_key, candidate.vault_id, candidate.key_check):
                data_key.wipe()
                first_error = first_error or VaultDamaged(
                    f"the key file {self.paths.keys.name} does not match this vault's key"
                )
                continue
            try:
                database = _open_database(self.paths.db, data_key)
            except KeyRejected:
                data_key.wipe()
                first_error = first_error or VaultDamaged(DAMAGED_DATABASE)
                continue
            if pending is not None:
                try:
                    keys = self._finish_rotation(keys, pending, promote=candidate is pending)
                except BaseException:
                    database.dispose()
                    data_key.wipe()
                    raise
            return keys, data_key, database
        raise first_error or VaultDamaged(DAMAGED_DATABASE)

    def _read_pending(self, vault_id: str) -> KeyFile | None:
        try:
            pending = read_key_file(self.paths.pending)
        except (FileNotFoundError, VaultDamaged):
            return None  # a damaged pending file cannot hold the working key: it was written last
        return pending if pending.vault_id == vault_id else None

    def _finish_rotation(self, current: KeyFile, pending: KeyFile, *, promote: bool) -> KeyFile:
        """An interrupted rotation: keep the slots that opened the database, drop the others."""
        try:
            if promote:
                current = vault_keys.with_failure_records_of(pending, current)
                write_key_file(self.paths.keys, current)
            self.paths.pending.unlink()
            fsync_directory(self.paths.directory)
        except OSError as exc:
            if _is_disk_full(exc):
                raise InsufficientSpace(
                    "the disk is full: free some space, then sign in again to finish"
                    " the interrupted key rotation"
                ) from None
            raise
        return current

    def _record_failure(self, keys: KeyFile) -> None:
        """Persist a failed sign-in (caller holds the lock)."""
        # A full disk must not turn "wrong password" into another error: the attempt is
        # refused either way, only its back-off is not persisted.
        with contextlib.suppress(OSError):
            write_key_file(self.paths.keys, keys)


# --- a signed-in session ------------------------------------------------------------------------


class OpenVault:
    """The vault, unlocked by one user. `lock()` ends it and wipes the keys it held.

    Key-slot changes and rotation are meant for one thread at a time (the app's write lane);
    other processes are kept out by the key file's lock.
    """

    def __init__(
        self,
        paths: VaultPaths,
        vault_id: str,
        user_id: str,
        data_key: SecretBytes,
        private_key: SecretBytes,
        database: Database,
    ) -> None:
        self.paths = paths
        self.vault_id = vault_id
        self.user_id = user_id
        self._data_key = data_key
        self._private_key = private_key
        self._database: Database | None = database

    @property
    def locked(self) -> bool:
        return self._database is None

    @property
    def database(self) -> Database:
        """Both lanes; the same object for the whole session, across `rotate_data_key()`."""
        if self._database is None:
            raise VaultLocked("the vault is locked: sign in again")
        return self._database

    @property
    def data_key(self) -> SecretBytes:
        """For storage code that must key another connection (backups). Never log it."""
        self._require_open()
        return self._data_key

    def lock(self) -> None:
        """Close the database and wipe every key this session held."""
        if self._database is not None:
            self._database.dispose()
            self._database = None
        self._data_key.wipe()
        self._private_key.wipe()

    # --- failed sign-ins awaiting the audit log ---------------------------------------------

    def pending_failures(self) -> tuple[FailedSignIns, ...]:
        """Failed sign-ins for this user and for unknown names, not yet in the audit log."""
        self._require_open()
        with key_file_lock(self.paths.lock):
            return vault_keys.pending_failures(read_key_file(self.paths.keys), self.user_id)

    def clear_pending_failures(self, reported: tuple[FailedSignIns, ...] | None = None) -> None:
        """Forget failures once the audit log holds them (default: all pending now)."""
        self._require_open()
        with key_file_lock(self.paths.lock):
            keys = read_key_file(self.paths.keys)
            if reported is None:
                reported = vault_keys.pending_failures(keys, self.user_id)
            write_key_file(self.paths.keys, vault_keys.without_reported(keys, reported))

    # --- key slots ----------------------------------------------------------------------------

    def add_user_slot(self, user_id: str, username: str, password: str) -> None:
        """Give a new user access: the current DK sealed to their new public key."""
        self._update_keys(
            lambda k: vault_keys.with_user_added(k, self._data_key, user_id, username, password)
        )

    def revoke_user_slot(self, user_id: str, at: datetime) -> None:
        """Remove a user's slot and wrapped keys, leaving a dated revoked marker.

        The departed user's copy of the DK still opens the file until `rotate_data_key()`.
        """
        if user_id == self.user_id:
            raise Conflict("you cannot revoke the account you are signed in with")
        self._update_keys(lambda k: vault_keys.with_user_revoked(k, user_id, at))

    def has_active_slot(self, user_id: str) -> bool:
        """Whether the user can still unwrap the data key (a departure checks before revoking)."""
        self._require_open()
        with key_file_lock(self.paths.lock):
            slot = vault_keys.slot_for_user_id(read_key_file(self.paths.keys), user_id)
        return slot is not None and slot.status is SlotStatus.ACTIVE

    def key_epoch(self) -> str:
        """Names the data key in force (its public key-check value): it changes with every
        rotation, so a departure can tell whether the key was rotated since a step."""
        self._require_open()
        with key_file_lock(self.paths.lock):
            return read_key_file(self.paths.keys).key_check.hex()

    def change_password(self, old_password: str, new_password: str) -> None:
        """The signed-in user's own change: the private key re-wrapped under the new password."""

        def rewrap(keys: KeyFile) -> KeyFile:
            slot = vault_keys.active_slot(keys, self.user_id)
            private = _unwrap(slot, old_password, keys.vault_id)
            try:
                return vault_keys.with_password_changed(keys, self.user_id, private, new_password)
            finally:
                private.wipe()

        self._update_keys(rewrap)

    def reset_user_slot(self, user_id: str, username: str, new_password: str) -> None:
        """An admin's password reset: the user gets a fresh key pair wrapped under the new
        password, with the current DK sealed to it. The old password and every remembered
        device stop working at once (they opened the key pair that is gone)."""
        if user_id == self.user_id:
            raise Conflict("change your own password instead of resetting it")

        def reset(keys: KeyFile) -> KeyFile:
            vault_keys.active_slot(keys, user_id)  # a revoked user is never given access again
            return vault_keys.with_user_reset(keys, self._data_key, user_id, username,
                                              new_password)

        self._update_keys(reset)

    def remembered_device_counts(self) -> dict[str, int]:
        """How many devices remember each user with access (user id -> count; read only)."""
        self._require_open()
        with key_file_lock(self.paths.lock):
            keys = read_key_file(self.paths.keys)
        return {
            slot.user_id: len(slot.devices)
            for slot in keys.users
            if slot.status is SlotStatus.ACTIVE
        }

    # --- "remember me" --------------------------------------------------------------------------

    def remember_device(self, keyring: DeviceKeyring) -> None:
        """Let this device sign the user in without a password (until forgotten or revoked)."""
        self._require_open()
        status = keyring.status()
        if not status.available:
            raise KeyringUnavailable(status.reason)
        earlier = keyring.load(self.vault_id, self.user_id)
        entry = new_device_entry()
        try:
            wrapped = wrap_with_device_secret(
                self._private_key, entry.secret, self.user_id, self.vault_id, entry.device_id
            )

            def add_device(keys: KeyFile) -> KeyFile:
                if earlier is not None:
                    keys = vault_keys.without_device(keys, self.user_id, earlier.device_id)
                return vault_keys.with_device(keys, self.user_id, wrapped)

            self._update_keys(add_device)
            try:
                keyring.store(self.vault_id, self.user_id, entry)
            except BaseException:
                self._update_keys(
                    lambda k: vault_keys.without_device(k, self.user_id, entry.device_id)
                )
                raise
        finally:
            entry.secret.wipe()
            if earlier is not None:
                earlier.secret.wipe()

    def forget_device(self, keyring: DeviceKeyring) -> None:
        """Stop remembering the user on this device: keyring entry and key-file wrap go."""
        self._require_open()
        entry = keyring.load(self.vault_id, self.user_id)
        if entry is None:
            return
        entry.secret.wipe()
        self._update_keys(lambda k: vault_keys.without_device(k, self.user_id, entry.device_id))
        keyring.delete(self.vault_id, self.user_id)

    # --- rotation -------------------------------------------------------------------------------

    def rotate_data_key(self) -> None:
        """Re-encrypt the database under a new DK, re-sealed to every remaining slot.

        Staged (DESIGN trap 4): free space; checkpoint; new slots to `crm.keys.pending`; rekey;
        close; reopen with the new key and verify; promote the pending file; wipe the old key.
        A failure before the verified reopen leaves the vault as it was; an interruption after
        the rekey is finished by the next sign-in. `database` stays the same object: its
        engines reconnect with the new key.
        """
        database = self.database
        paths = self.paths
        with key_file_lock(paths.lock):
            keys = read_key_file(paths.keys)
            self._require_current_key(keys)
            _require_free_space(paths)
            new_key = new_data_key()
            pending = vault_keys.resealed(keys, new_key)
            database.dispose()  # pooled connections would hold the file open under the old key
            try:
                checkpoint_database(paths.db, self._data_key)
                write_key_file(paths.pending, pending, keep_previous=False)
            except Exception as exc:
                new_key.wipe()
                raise _rotation_error(exc, disk_full=_is_disk_full(exc)) from None
            rekey_error: Exception | None = None
            try:
                rekey_database(paths.db, self._data_key, new_key)
            except Exception as exc:
                rekey_error = exc
            with contextlib.suppress(KeyRejected, OSError, sqlcipher3.Error):
                if _opens_with(paths.db, new_key):
                    write_key_file(paths.keys, vault_keys.with_failure_records_of(pending, keys))
                    paths.pending.unlink()
                    fsync_directory(paths.directory)
                    self._data_key.take(new_key)  # wipes the old key
                    return
                if _opens_with(paths.db, self._data_key):
                    # The rekey did not take (it may even have answered "ok"): undo the stage.
                    paths.pending.unlink()
                    fsync_directory(paths.directory)
                    new_key.wipe()
                    disk_full = _is_disk_full(rekey_error) or not _has_free_space(paths)
                    raise _rotation_error(rekey_error, disk_full=disk_full)
        # Which key opens the file is unknown: both key files stay as they are, and the next
        # sign-in tries the current slots, then the pending ones, and finishes the rotation.
        new_key.wipe()
        self.lock()
        raise VaultError("the key rotation was interrupted: sign in again to finish it")

    # --- internals ------------------------------------------------------------------------------

    def _require_open(self) -> None:
        if self._database is None:
            raise VaultLocked("the vault is locked: sign in again")

    def _require_current_key(self, keys: KeyFile) -> None:
        if not matches_key_check(self._data_key, keys.vault_id, keys.key_check):
            # Another program rotated the key since this session opened.
            raise VaultLocked("the vault's key has changed: sign in again")

    def _update_keys(self, edit: Callable[[KeyFile], KeyFile]) -> None:
        """Read-modify-write of the key file under its lock, checked against this session's DK."""
        self._require_open()
        with key_file_lock(self.paths.lock):
            keys = read_key_file(self.paths.keys)
            self._require_current_key(keys)
            write_key_file(self.paths.keys, edit(keys))


# --- helpers ------------------------------------------------------------------------------------


def _new_database(db_path: Path, data_key: SecretBytes) -> Database:
    write = open_engine(db_path, data_key, lane=Lane.WRITE, create=True)
    try:
        schema.upgrade(write)
        read = open_engine(db_path, data_key, lane=Lane.READ)
    except BaseException:
        write.dispose()
        raise
    return Database(write, read)


def _open_database(db_path: Path, data_key: SecretBytes) -> Database:
    write = open_engine(db_path, data_key, lane=Lane.WRITE)
    try:
        schema.upgrade_if_needed(write)
        read = open_engine(db_path, data_key, lane=Lane.READ)
    except BaseException:
        write.dispose()
        raise
    return Database(write, read)


def _opens_with(db_path: Path, data_key: SecretBytes) -> bool:
    try:
        open_raw_connection(db_path, data_key).close()
    except KeyRejected:
        return False
    return True


def _sealed_for(keys: KeyFile, user_id: str) -> SealedDataKey | None:
    slot = vault_keys.slot_for_user_id(keys, user_id)
    return slot.sealed_data_key if slot is not None else None


def _unwrap(slot: UserSlot, password: str, vault_id: str) -> SecretBytes:
    if slot.wrapped_private_key is None:
        raise AccountRevoked(vault_keys.REVOKED_MESSAGE)
    return unwrap_private_key(slot.wrapped_private_key, password, slot.user_id, vault_id)


def _database_size(paths: VaultPaths) -> int:
    return sum(p.stat().st_size for p in (paths.db, paths.wal) if p.exists())


def _has_free_space(paths: VaultPaths) -> bool:
    # The WAL grows to the database's size during the rekey, so twice the size must be free.
    return free_space(paths.directory) >= 2 * _database_size(paths)


def _require_free_space(paths: VaultPaths) -> None:
    if not _has_free_space(paths):
        needed = 2 * _database_size(paths)
        raise InsufficientSpace(
            f"rotating the vault key needs {_mib(needed)} of free disk space and only"
            f" {_mib(free_space(paths.directory))} is free; nothing was changed"
        )


def _rotation_error(exc: Exception | None, *, disk_full: bool) -> VaultError:
    if disk_full:
        return InsufficientSpace(
            "the disk filled up while rotating the vault key; nothing was changed"
        )
    if isinstance(exc, VaultError):
        return exc
    return VaultError("the vault key could not be rotated; nothing was changed")


def _is_disk_full(exc: BaseException | None) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return isinstance(exc, sqlcipher3.OperationalError) and "full" in str(exc).lower()


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB"
