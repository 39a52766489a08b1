"""The organisation recovery code resets the admin's access (and nothing else)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from desktop_crm.domain.errors import Conflict, WrongPassword
from desktop_crm.security.recovery import RecoveryCodeMistyped
from desktop_crm.storage.vault import Vault, VaultPaths
from tests.integration.vault.conftest import (
    ADMIN,
    ADMIN_PASSWORD,
    NOW,
    SALES,
    SALES_PASSWORD,
    Template,
    sign_in,
)


def test_the_recovery_code_gives_the_admin_a_new_password(
    vault_dir: Path, vault_template: Template
) -> None:
    recovered = Vault.recover(
        vault_dir,
        vault_template.recovery_code.lower().replace("-", " "),
        user_id=vault_template.admin_id,
        username=ADMIN,
        new_password="chosen after recovery",
    )
    assert recovered.user_id == vault_template.admin_id
    recovered.lock()
    with pytest.raises(WrongPassword):
        Vault(vault_dir).unlock(ADMIN, ADMIN_PASSWORD, now=NOW)
    sign_in(vault_dir, ADMIN, "chosen after recovery", now=NOW + timedelta(seconds=5))
    sign_in(vault_dir, SALES, SALES_PASSWORD)


def test_a_mistyped_code_says_mistyped_and_changes_nothing(
    vault_dir: Path, vault_template: Template
) -> None:
    code = vault_template.recovery_code
    typo = ("B" if code[0] != "B" else "C") + code[1:]
    before = VaultPaths(vault_dir).keys.read_bytes()
    with pytest.raises(RecoveryCodeMistyped, match="mistyped"):
        Vault.recover(
            vault_dir, typo, user_id=vault_template.admin_id, username=ADMIN, new_password="x"
        )
    assert VaultPaths(vault_dir).keys.read_bytes() == before


def test_another_vaults_code_is_wrong_not_mistyped(
    vault_dir: Path, vault_template: Template, tmp_path: Path
) -> None:
    other, other_code = Vault.create(
        tmp_path / "other", admin_user_id=vault_template.admin_id, admin_username=ADMIN,
        password="other",
    )  # fmt: skip
    other.lock()
    with pytest.raises(WrongPassword, match="another vault"):
        Vault.recover(
            vault_dir, other_code, user_id=vault_template.admin_id, username=ADMIN,
            new_password="x",
        )  # fmt: skip


def test_recovery_cannot_take_over_another_users_name(
    vault_dir: Path, vault_template: Template
) -> None:
    with pytest.raises(Conflict):
        Vault.recover(
            vault_dir,
            vault_template.recovery_code,
            user_id=vault_template.admin_id,
            username=SALES,
            new_password="x",
        )
    sign_in(vault_dir, SALES, SALES_PASSWORD)
