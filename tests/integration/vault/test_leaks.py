"""No key or password in logs or error text (trap 2); no plaintext in any vault file."""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_crm.storage.backup import backup_vault
from desktop_crm.storage.models import Customer
from desktop_crm.storage.vault import Vault, VaultPaths
from tests.integration.vault.conftest import ADMIN, ADMIN_PASSWORD, NOW, SALES, Template

NAME = "张伟明"
PHONE = "+8613812345678"
NOTE = "Zhang Weiming prefers calls after 6 pm"


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def test_keys_and_passwords_appear_in_no_log_and_no_error(
    vault_dir: Path,
    tmp_path: Path,
    vault_template: Template,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="sqlalchemy")  # what `echo` would print, and more
    errors: list[BaseException] = []

    def expect_failure(action: Callable[[], object]) -> None:
        try:
            action()
        except Exception as exc:
            errors.append(exc)
        else:
            pytest.fail("expected a failure")

    opened = Vault(vault_dir).unlock(ADMIN, ADMIN_PASSWORD, now=NOW)
    keys = [opened.data_key.hex()]
    with opened.database.unit_of_work() as session:
        session.execute(text("SELECT count(*) FROM customers"))
    opened.add_user_slot("c0ffee00-0000-4000-8000-000000000003", "service1", "service secret")
    opened.rotate_data_key()
    keys.append(opened.data_key.hex())
    backup_vault(opened, tmp_path / "backup")
    opened.lock()

    later = NOW + timedelta(minutes=10)
    expect_failure(lambda: Vault(vault_dir).unlock(ADMIN, "my wrong password", now=later))
    expect_failure(lambda: Vault(vault_dir).unlock("ghost", "ghost password", now=later))
    expect_failure(lambda: Vault(vault_dir).unlock(ADMIN, ADMIN_PASSWORD, now=later))  # throttled
    damaged = tmp_path / "damaged"
    shutil.copytree(vault_dir, damaged)
    with (damaged / "crm.db").open("r+b") as f:
        f.seek(100)
        f.write(b"\0" * 200)
    expect_failure(lambda: Vault(damaged).unlock(SALES, "sales: battery staple", now=NOW))
    (damaged / "crm.keys").write_text('{"format": "desktop-crm-keys", "kdf": ')
    expect_failure(lambda: Vault(damaged).unlock(SALES, "sales: battery staple", now=NOW))
    expect_failure(
        lambda: Vault.recover(
            vault_dir, "A" * 56, user_id=vault_template.admin_id, username=ADMIN, new_password="x"
        )
    )

    assert len(errors) == 6
    secrets = [
        *keys,
        *(k.upper() for k in keys),
        ADMIN_PASSWORD,
        "my wrong password",
        "ghost password",
        "service secret",
        vault_template.recovery_code,
    ]
    out, err = capfd.readouterr()
    texts = [caplog.text, out, err]
    texts += [f"{e!s} {e!r} {e.args!r}" for exc in errors for e in _chain(exc)]
    assert "BEGIN IMMEDIATE" in caplog.text  # the engine's statements really were logged
    for secret in secrets:
        for blob in texts:
            assert secret not in blob


def test_no_vault_file_holds_a_customers_data_in_any_encoding(
    vault_dir: Path, vault_template: Template
) -> None:
    opened = Vault(vault_dir).unlock(ADMIN, ADMIN_PASSWORD, now=NOW)
    try:
        with opened.database.unit_of_work() as session:
            session.add(
                Customer(
                    name=NAME,
                    phones=[PHONE],
                    notes=NOTE,
                    sort_key="zhangweiming",
                    created_at=NOW,
                    updated_at=NOW,
                )
            )
        paths = VaultPaths(vault_dir)
        assert paths.wal.exists() and paths.shm.exists()
        _assert_no_plaintext(vault_dir)  # while open: db, -wal, -shm, keys
    finally:
        opened.lock()
    _assert_no_plaintext(vault_dir)  # and after the WAL was folded into the database


def _assert_no_plaintext(vault_dir: Path) -> None:
    needles = [
        value.encode(encoding)
        for value in (NAME, PHONE, "13812345678", NOTE, ADMIN, SALES, "zhangweiming")
        for encoding in ("utf-8", "utf-16-le", "utf-16-be", "gb18030")
    ]
    files = [p for p in vault_dir.iterdir() if p.is_file()]
    assert any(p.name == "crm.db" for p in files)
    for path in files:
        content = path.read_bytes()
        for needle in needles:
            assert needle not in content, f"{path.name} holds plaintext"


def test_the_sqlite3_command_cannot_read_the_database(vault_dir: Path) -> None:
    sqlite3 = shutil.which("sqlite3")
    if sqlite3 is None:
        pytest.skip("the sqlite3 command is not installed")
    result = subprocess.run(
        [sqlite3, str(VaultPaths(vault_dir).db), "SELECT count(*) FROM sqlite_master;"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "file is not a database" in result.stderr
