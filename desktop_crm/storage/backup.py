"""Backups of an open vault: a consistent, still-encrypted copy that opens on its own.

Copying `crm.db` alone would lose every commit still in `crm.db-wal` (DESIGN trap 5), so the
database goes through SQLite's online backup API, under the same data key. A database copy
is useless without slots that open it, and a later rotation changes the live key file, so the
backup folder also receives the key file as it is now: the backup is itself a vault folder
that every user who could sign in today can open (and that the recovery code opens).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import replace
from pathlib import Path

from desktop_crm.domain.errors import VaultExists, VaultLocked
from desktop_crm.security.keyfile import (
    FailureLog,
    fsync_directory,
    key_file_lock,
    read_key_file,
    write_key_file,
)
from desktop_crm.security.keyslots import matches_key_check
from desktop_crm.storage.engine import open_raw_connection
from desktop_crm.storage.vault import OpenVault, Vault, VaultPaths

# Pages copied per step; between steps other connections may write (the copy then restarts).
_PAGES_PER_STEP = 1024


def backup_vault(open_vault: OpenVault, dest_path: Path | str) -> VaultPaths:
    """Copy the vault into the folder `dest_path` (created; it must not hold a vault)."""
    source = open_vault.paths
    dest = VaultPaths(Path(dest_path))
    if Vault.exists(dest.directory):
        raise VaultExists("the backup folder already holds a vault")
    dest.directory.mkdir(parents=True, exist_ok=True)
    data_key = open_vault.data_key
    partial = dest.directory / f".{dest.db.name}.partial"
    # The key file lock keeps a rotation from changing the key in the middle of the copy.
    with key_file_lock(source.lock):
        keys = read_key_file(source.keys)
        if not matches_key_check(data_key, keys.vault_id, keys.key_check):
            raise VaultLocked("the vault's key has changed: sign in again")
        reader = open_raw_connection(source.db, data_key)
        try:
            writer = open_raw_connection(partial, data_key)
            try:
                reader.backup(writer, pages=_PAGES_PER_STEP)
                writer.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            finally:
                writer.close()
        except BaseException:
            for leftover in (partial, *_sidecars(partial)):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
            raise
        finally:
            reader.close()
    _fsync_file(partial)
    os.replace(partial, dest.db)
    # Failed sign-ins belong to the live vault's audit trail, not to its copy.
    fresh = FailureLog()
    keys = replace(
        keys,
        users=tuple(replace(slot, failures=fresh) for slot in keys.users),
        unknown_user_failures=fresh,
    )
    write_key_file(dest.keys, keys, keep_previous=False)
    fsync_directory(dest.directory)
    return dest


def _sidecars(db_path: Path) -> tuple[Path, Path]:
    return db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
