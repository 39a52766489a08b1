"""Data key rotation, staged as DESIGN trap 4 says, including a full disk and a crash."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import text

from desktop_crm.domain.errors import AccountRevoked, InsufficientSpace, VaultError
from desktop_crm.security import keyfile
from desktop_crm.security.secret import SecretBytes
from desktop_crm.storage import vault as vault_module
from desktop_crm.storage.engine import KeyRejected, open_raw_connection
from desktop_crm.storage.vault import OpenVault, Vault, VaultPaths
from tests.integration.vault.conftest import (
    ADMIN,
    ADMIN_PASSWORD,
    NOW,
    SALES,
    SALES_PASSWORD,
    Template,
    sign_in,
)


class PowerCut(BaseException):
    """The process dies here: no cleanup code of the product may run."""


def _opens(db: Path, key: bytes) -> bool:
    try:
        open_raw_connection(db, SecretBytes(key)).close()
    except KeyRejected:
        return False
    return True


def _put(opened: OpenVault, key: str, value: str) -> None:
    with opened.database.unit_of_work() as session:
        session.execute(
            text("INSERT INTO vault_meta (key, value) VALUES (:k, :v)"), {"k": key, "v": value}
        )


def _get(opened: OpenVault, key: str) -> str | None:
    with opened.database.reading() as session:
        return session.execute(
            text("SELECT value FROM vault_meta WHERE key = :k"), {"k": key}
        ).scalar()


def _everyone_signs_in(vault_dir: Path) -> None:
    sign_in(vault_dir, ADMIN, ADMIN_PASSWORD)
    sign_in(vault_dir, SALES, SALES_PASSWORD)


def _snapshot(vault_dir: Path) -> tuple[bytes, bytes]:
    paths = VaultPaths(vault_dir)
    return paths.keys.read_bytes(), paths.db.read_bytes()


def test_after_rotation_the_old_key_is_useless_and_everyone_still_signs_in(
    admin: OpenVault, vault_dir: Path, vault_template: Template
) -> None:
    admin.add_user_slot("c0ffee00-0000-4000-8000-000000000003", "service1", "service pw")
    _put(admin, "before", "kept")
    database = admin.database
    old_key = admin.data_key.value
    admin.rotate_data_key()
    new_key = admin.data_key.value
    db = VaultPaths(vault_dir).db
    assert new_key != old_key
    assert not _opens(db, old_key)
    assert _opens(db, new_key)
    assert admin.database is database and _get(admin, "before") == "kept"
    _put(admin, "after", "written under the new key")
    _everyone_signs_in(vault_dir)
    sign_in(vault_dir, "service1", "service pw")
    assert not VaultPaths(vault_dir).pending.exists()
    recovered = Vault.recover(
        vault_dir,
        vault_template.recovery_code,
        user_id=vault_template.admin_id,
        username=ADMIN,
        new_password="after rotation",
    )
    recovered.lock()  # the recovery slot was re-sealed too


def test_departure_then_rotation_shuts_the_departed_user_out(
    admin: OpenVault, vault_dir: Path, vault_template: Template
) -> None:
    sales = Vault(vault_dir).unlock(SALES, SALES_PASSWORD, now=NOW)
    kept_by_departed = sales.data_key.value  # what a departing user could have copied
    sales.lock()
    admin.revoke_user_slot(vault_template.sales_id, NOW)
    admin.rotate_data_key()
    assert not _opens(VaultPaths(vault_dir).db, kept_by_departed)
    with pytest.raises(AccountRevoked):
        Vault(vault_dir).unlock(SALES, SALES_PASSWORD, now=NOW)
    sign_in(vault_dir, ADMIN, ADMIN_PASSWORD)


def test_too_little_free_space_changes_nothing(
    admin: OpenVault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_size = VaultPaths(vault_dir).db.stat().st_size
    monkeypatch.setattr(vault_module, "free_space", lambda directory: 2 * db_size - 1)
    before = _snapshot(vault_dir)
    old_key = admin.data_key.value
    with pytest.raises(InsufficientSpace, match="nothing was changed"):
        admin.rotate_data_key()
    assert _snapshot(vault_dir) == before
    assert admin.data_key.value == old_key
    assert _get(admin, "nothing") is None  # the session still works
    _everyone_signs_in(vault_dir)


def test_a_full_disk_while_writing_the_pending_slots_changes_nothing(
    admin: OpenVault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys_before = VaultPaths(vault_dir).keys.read_bytes()
    old_key = admin.data_key.value

    def disk_full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(keyfile, "write_durably", disk_full)
    with pytest.raises(InsufficientSpace):
        admin.rotate_data_key()
    monkeypatch.undo()
    assert VaultPaths(vault_dir).keys.read_bytes() == keys_before
    assert not VaultPaths(vault_dir).pending.exists()
    assert _opens(VaultPaths(vault_dir).db, old_key)
    _put(admin, "still", "writable")
    _everyone_signs_in(vault_dir)


@pytest.mark.parametrize(
    "failing_rekey",
    [
        pytest.param("disk full", id="rekey-reports-disk-full"),
        pytest.param("silent", id="rekey-answers-ok-but-keeps-the-old-key"),
    ],
)
def test_a_rekey_that_does_not_take_leaves_a_vault_everyone_opens(
    admin: OpenVault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch, failing_rekey: str
) -> None:
    def rekey(db_path: Path, old_key: SecretBytes, new_key: SecretBytes) -> None:
        if failing_rekey == "disk full":
            raise sqlcipher3.OperationalError("database or disk is full")

    monkeypatch.setattr(vault_module, "rekey_database", rekey)
    keys_before = VaultPaths(vault_dir).keys.read_bytes()
    old_key = admin.data_key.value
    with pytest.raises(VaultError, match="nothing was changed"):
        admin.rotate_data_key()
    assert VaultPaths(vault_dir).keys.read_bytes() == keys_before
    assert not VaultPaths(vault_dir).pending.exists()
    assert admin.data_key.value == old_key
    _put(admin, "still", "writable")
    _everyone_signs_in(vault_dir)


def test_a_crash_before_the_rekey_is_tidied_at_the_next_sign_in(
    admin: OpenVault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(db_path: Path, old_key: SecretBytes, new_key: SecretBytes) -> None:
        raise PowerCut

    monkeypatch.setattr(vault_module, "rekey_database", crash)
    old_key = admin.data_key.value
    with pytest.raises(PowerCut):
        admin.rotate_data_key()
    paths = VaultPaths(vault_dir)
    assert paths.pending.exists()
    _everyone_signs_in(vault_dir)
    assert not paths.pending.exists()
    assert _opens(paths.db, old_key)


def test_a_crash_after_the_rekey_is_finished_at_the_next_sign_in(
    admin: OpenVault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_rekey = vault_module.rekey_database

    def rekey_then_crash(db_path: Path, old_key: SecretBytes, new_key: SecretBytes) -> None:
        real_rekey(db_path, old_key, new_key)
        raise PowerCut

    monkeypatch.setattr(vault_module, "rekey_database", rekey_then_crash)
    _put(admin, "survives", "the crash")
    old_key = admin.data_key.value
    with pytest.raises(PowerCut):
        admin.rotate_data_key()
    paths = VaultPaths(vault_dir)
    pending = paths.pending.read_bytes()
    assert not _opens(paths.db, old_key)  # the file is under the new key; crm.keys is not
    sales = Vault(vault_dir).unlock(SALES, SALES_PASSWORD, now=NOW)
    try:
        assert _get(sales, "survives") == "the crash"
        assert not paths.pending.exists()
        assert json.loads(paths.keys.read_bytes())["key_check"] == json.loads(pending)["key_check"]
    finally:
        sales.lock()
    sign_in(vault_dir, ADMIN, ADMIN_PASSWORD)


# --- a real full disk -------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """An 8 MiB tmpfs, where the test may mount one (root, and a kernel that allows it)."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        unmounted = subprocess.run(["umount", str(mount_point)], check=False, capture_output=True)
        if unmounted.returncode != 0:  # still busy: detach it rather than leave it behind
            subprocess.run(["umount", "-l", str(mount_point)], check=False, capture_output=True)


def _fill_leaving(directory: Path, free_bytes: int) -> Path:
    filler = directory / "filler"
    with filler.open("wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    with filler.open("r+b") as f:
        f.truncate(max(0, filler.stat().st_size - free_bytes))
    return filler


def test_a_real_full_disk_during_rotation_leaves_a_vault_everyone_opens(
    small_disk: Path, vault_template: Template, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault_dir = small_disk / "vault"
    shutil.copytree(vault_template.directory, vault_dir)
    opened = Vault(vault_dir).unlock(ADMIN, ADMIN_PASSWORD, now=NOW)
    try:
        for i in range(30):  # grow the database to about 1 MiB with incompressible rows
            _put(opened, f"row-{i}", os.urandom(10_000).hex())
        filler = _fill_leaving(small_disk, 256 * 1024)
        old_key = opened.data_key.value

        with pytest.raises(InsufficientSpace):  # the real check, on the real disk
            opened.rotate_data_key()

        # Past the check (as if another program had filled the disk in between): the rekey
        # itself meets the full disk.
        monkeypatch.setattr(vault_module, "free_space", lambda directory: 1 << 40)
        with pytest.raises(InsufficientSpace, match="filled up"):
            opened.rotate_data_key()
        monkeypatch.undo()
        assert not VaultPaths(vault_dir).pending.exists()
        assert _opens(VaultPaths(vault_dir).db, old_key)
        assert _get(opened, "row-29") is not None
        _everyone_signs_in(vault_dir)

        filler.unlink()  # with room again, the same rotation goes through
        opened.rotate_data_key()
        assert not _opens(VaultPaths(vault_dir).db, old_key)
        assert _get(opened, "row-0") is not None
        _everyone_signs_in(vault_dir)
    finally:
        opened.lock()
