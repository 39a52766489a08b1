"""The key file on a real vault: atomic writes, the previous copy, clear damage (trap 9)."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from desktop_crm.domain.errors import VaultDamaged, WrongPassword
from desktop_crm.storage.vault import OpenVault, Vault, VaultPaths
from tests.integration.vault.conftest import ADMIN, ADMIN_PASSWORD, NOW, SALES, SALES_PASSWORD

LATER = NOW + timedelta(seconds=5)  # past the back-off of one failed attempt


def test_each_change_keeps_the_previous_copy(admin: OpenVault, vault_dir: Path) -> None:
    paths = VaultPaths(vault_dir)
    before = paths.keys.read_bytes()
    admin.add_user_slot("c0ffee00-0000-4000-8000-000000000003", "service1", "service pw")
    assert paths.prev.read_bytes() == before
    assert paths.keys.read_bytes() != before
    leftovers = [p.name for p in vault_dir.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


@pytest.mark.parametrize("cut", [0, 10, 500, -2])
def test_a_truncated_key_file_is_reported_as_damaged_and_prev_restores_it(
    vault_dir: Path, cut: int
) -> None:
    paths = VaultPaths(vault_dir)
    good = paths.keys.read_bytes()
    shutil.copy2(paths.keys, paths.prev)
    paths.keys.write_bytes(good[:cut])
    with pytest.raises(VaultDamaged, match=r"key file crm\.keys is damaged") as caught:
        Vault(vault_dir).unlock(ADMIN, ADMIN_PASSWORD, now=NOW)
    assert "crm.keys.prev" in str(caught.value)
    shutil.copy2(paths.prev, paths.keys)  # what the message suggests
    Vault(vault_dir).unlock(ADMIN, ADMIN_PASSWORD, now=NOW).lock()


def test_a_password_change_rewraps_only_the_users_own_key(vault_dir: Path) -> None:
    sales = Vault(vault_dir).unlock(SALES, SALES_PASSWORD, now=NOW)
    with pytest.raises(WrongPassword):
        sales.change_password("not my password", "new one")
    sales.change_password(SALES_PASSWORD, "new one")
    sales.lock()
    with pytest.raises(WrongPassword):
        Vault(vault_dir).unlock(SALES, SALES_PASSWORD, now=NOW)
    Vault(vault_dir).unlock(SALES, "new one", now=LATER).lock()
    Vault(vault_dir).unlock(ADMIN, ADMIN_PASSWORD, now=NOW).lock()


def test_a_new_users_password_is_theirs_alone(admin: OpenVault, vault_dir: Path) -> None:
    admin.add_user_slot("c0ffee00-0000-4000-8000-000000000003", "service1", "one-time pw")
    service = Vault(vault_dir).unlock("service1", "one-time pw", now=NOW)
    service.change_password("one-time pw", "only service1 knows this")
    service.lock()
    # The admin's session (with the vault key) cannot turn that into a sign-in.
    with pytest.raises(WrongPassword):
        Vault(vault_dir).unlock("service1", "one-time pw", now=NOW)
    Vault(vault_dir).unlock("service1", "only service1 knows this", now=LATER).lock()
