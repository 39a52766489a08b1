"""Backups go through SQLite's backup API, so commits still in the WAL are in them (trap 5)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_crm.domain.errors import VaultExists
from desktop_crm.storage.backup import backup_vault
from desktop_crm.storage.vault import OpenVault, Vault, VaultPaths
from tests.integration.vault.conftest import (
    ADMIN,
    ADMIN_PASSWORD,
    NOW,
    SALES,
    SALES_PASSWORD,
    Template,
)

MARKER = "only-in-the-wal-张伟"


def _write_marker(opened: OpenVault) -> None:
    with opened.database.unit_of_work() as session:
        session.execute(
            text("INSERT INTO vault_meta (key, value) VALUES ('marker', :v)"), {"v": MARKER}
        )


def _marker(opened: OpenVault) -> str | None:
    with opened.database.reading() as session:
        return session.execute(text("SELECT value FROM vault_meta WHERE key = 'marker'")).scalar()


def test_a_commit_still_in_the_wal_is_in_the_backup(
    admin: OpenVault, vault_dir: Path, tmp_path: Path
) -> None:
    _write_marker(admin)
    paths = VaultPaths(vault_dir)
    assert paths.wal.stat().st_size > 0  # the row lives in the WAL, not yet in crm.db

    # The trap itself: a plain file copy of crm.db does not have the row.
    copied = tmp_path / "copied"
    copied.mkdir()
    shutil.copy2(paths.db, copied / "crm.db")
    shutil.copy2(paths.keys, copied / "crm.keys")
    naive = Vault(copied).unlock(ADMIN, ADMIN_PASSWORD, now=NOW)
    try:
        assert _marker(naive) is None
    finally:
        naive.lock()

    backup = backup_vault(admin, tmp_path / "backup")
    restored = Vault(backup.directory).unlock(SALES, SALES_PASSWORD, now=NOW)
    try:
        assert _marker(restored) == MARKER
    finally:
        restored.lock()
    assert MARKER.encode() not in backup.db.read_bytes()  # still encrypted
    assert not (backup.directory / ".crm.db.partial").exists()


def test_a_backup_outlives_a_rotation_of_the_live_vault(
    admin: OpenVault, tmp_path: Path, vault_template: Template
) -> None:
    _write_marker(admin)
    backup = backup_vault(admin, tmp_path / "backup")
    admin.rotate_data_key()
    restored = Vault.recover(
        backup.directory,
        vault_template.recovery_code,
        user_id=vault_template.admin_id,
        username=ADMIN,
        new_password="restored",
    )
    try:
        assert _marker(restored) == MARKER
    finally:
        restored.lock()


def test_a_backup_never_overwrites_a_vault(admin: OpenVault, vault_dir: Path) -> None:
    before = VaultPaths(vault_dir).keys.read_bytes()
    with pytest.raises(VaultExists):
        backup_vault(admin, vault_dir)
    assert VaultPaths(vault_dir).keys.read_bytes() == before
