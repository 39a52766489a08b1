"""Signing in, and the four ways it can fail that must not look alike (DESIGN trap 1 and 3)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import text

from desktop_crm.domain.errors import (
    AccountRevoked,
    VaultDamaged,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WrongPassword,
)
from desktop_crm.security.secret import SecretBytes
from desktop_crm.storage.engine import KeyRejected, open_engine, open_raw_connection
from desktop_crm.storage.vault import OpenVault, Vault, VaultPaths
from tests.integration.vault.conftest import (
    ADMIN,
    ADMIN_PASSWORD,
    NOW,
    SALES,
    SALES_PASSWORD,
    Template,
)


def test_each_user_signs_in_with_their_own_password(
    vault_dir: Path, vault_template: Template
) -> None:
    sales = Vault(vault_dir).unlock("SALES1", SALES_PASSWORD, now=NOW)
    try:
        assert sales.user_id == vault_template.sales_id
        with sales.database.reading() as session:
            assert session.execute(text("SELECT count(*) FROM users")).scalar() == 0
    finally:
        sales.lock()
    with pytest.raises(WrongPassword):
        Vault(vault_dir).unlock(SALES, ADMIN_PASSWORD, now=NOW)


def test_pragma_key_says_ok_to_a_wrong_key_but_opening_refuses_it(vault_dir: Path) -> None:
    db = VaultPaths(vault_dir).db
    wrong = SecretBytes(b"\x42" * 32)
    raw = sqlcipher3.connect(str(db))
    try:  # the trap itself: no complaint until the first read
        assert raw.execute(f"PRAGMA key = \"x'{wrong.hex()}'\"").fetchall() == [("ok",)]
    finally:
        raw.close()
    with pytest.raises(KeyRejected):
        open_raw_connection(db, wrong)
    with pytest.raises(KeyRejected):
        open_engine(db, wrong)


def _flip_header_bytes(db: Path) -> None:
    with db.open("r+b") as f:
        f.seek(64)  # past the salt, inside page 1
        chunk = bytearray(f.read(64))
        f.seek(64)
        f.write(bytes(b ^ 0xFF for b in chunk))


def test_wrong_password_damaged_empty_and_missing_each_say_their_own_thing(
    vault_dir: Path, tmp_path: Path
) -> None:
    def failure(directory: Path, password: str = ADMIN_PASSWORD) -> Exception:
        with pytest.raises(Exception) as caught:
            Vault(directory).unlock(ADMIN, password, now=NOW)
        return caught.value

    damaged_dir = tmp_path / "damaged"
    shutil.copytree(vault_dir, damaged_dir)
    _flip_header_bytes(damaged_dir / "crm.db")
    damaged = failure(damaged_dir)

    empty_dir = tmp_path / "empty"
    shutil.copytree(vault_dir, empty_dir)
    (empty_dir / "crm.db").write_bytes(b"")
    empty = failure(empty_dir)

    missing_dir = tmp_path / "missing"
    shutil.copytree(vault_dir, missing_dir)
    (missing_dir / "crm.db").unlink()
    missing = failure(missing_dir)
    wrong = failure(vault_dir, "not the password")

    assert type(wrong) is WrongPassword
    assert type(damaged) is VaultDamaged and "damaged" in str(damaged)
    assert type(empty) is VaultDamaged and "empty" in str(empty)
    assert type(missing) is VaultNotFound
    assert len({str(e) for e in (wrong, damaged, empty, missing)}) == 4
    assert not (missing_dir / "crm.db").exists()  # never silently created


def test_an_unknown_name_looks_exactly_like_a_wrong_password(vault_dir: Path) -> None:
    unknown = wrong_password_failure(vault_dir, "no-such-user", ADMIN_PASSWORD)
    wrong = wrong_password_failure(vault_dir, ADMIN, "not it")
    assert (type(unknown), str(unknown)) == (type(wrong), str(wrong))


def wrong_password_failure(vault_dir: Path, username: str, password: str) -> Exception:
    with pytest.raises(WrongPassword) as caught:
        Vault(vault_dir).unlock(username, password, now=NOW)
    return caught.value


def test_a_revoked_user_is_told_so_not_wrong_password(
    admin: OpenVault, vault_dir: Path, vault_template: Template
) -> None:
    admin.revoke_user_slot(vault_template.sales_id, NOW)
    with pytest.raises(AccountRevoked, match="revoked"):
        Vault(vault_dir).unlock(SALES, SALES_PASSWORD, now=NOW)


def test_an_empty_folder_is_not_a_vault_and_is_left_empty(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        Vault(tmp_path).unlock(ADMIN, ADMIN_PASSWORD, now=NOW)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_key_file_is_named(vault_dir: Path) -> None:
    (vault_dir / "crm.keys").unlink()
    with pytest.raises(VaultDamaged, match=r"crm\.keys is missing"):
        Vault(vault_dir).unlock(ADMIN, ADMIN_PASSWORD, now=NOW)


def test_create_refuses_a_folder_that_holds_a_vault(vault_dir: Path) -> None:
    before = (vault_dir / "crm.keys").read_bytes()
    with pytest.raises(VaultExists):
        Vault.create(vault_dir, admin_user_id="x", admin_username=ADMIN, password="new")
    assert (vault_dir / "crm.keys").read_bytes() == before


def test_after_lock_the_session_is_unusable_and_its_keys_are_wiped(vault_dir: Path) -> None:
    opened = Vault(vault_dir).unlock(ADMIN, ADMIN_PASSWORD, now=NOW)
    key = opened.data_key
    database = opened.database
    opened.lock()
    assert key.wiped
    assert opened.locked
    with pytest.raises(VaultLocked):
        _ = opened.database
    with pytest.raises(VaultLocked):
        opened.add_user_slot("someone", "someone", "pw")
    with pytest.raises(VaultLocked):
        opened.rotate_data_key()
    with pytest.raises((ValueError, KeyRejected)), database.reading() as session:
        session.execute(text("SELECT 1"))  # a stale reference cannot reconnect either
