"""'Remember me' through the OS keyring behind an allow-list (DESIGN trap 6)."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from desktop_crm.domain.errors import AccountRevoked, KeyringUnavailable
from desktop_crm.security.keyring_store import SERVICE_NAME, DeviceKeyring
from desktop_crm.storage.vault import OpenVault, Vault, VaultPaths
from tests.integration.vault.conftest import (
    ADMIN,
    ADMIN_PASSWORD,
    NOW,
    SALES,
    SALES_PASSWORD,
    Template,
)


def _remember(vault_dir: Path, username: str, password: str, store: DeviceKeyring) -> None:
    opened = Vault(vault_dir).unlock(username, password, now=NOW)
    try:
        opened.remember_device(store)
    finally:
        opened.lock()


def test_a_remembered_user_signs_in_without_a_password(
    vault_dir: Path, memory_keyring: DeviceKeyring, vault_template: Template
) -> None:
    _remember(vault_dir, SALES, SALES_PASSWORD, memory_keyring)
    opened = Vault(vault_dir).unlock_remembered(SALES, memory_keyring)
    try:
        assert opened.user_id == vault_template.sales_id
    finally:
        opened.lock()
    with pytest.raises(KeyringUnavailable, match="does not remember you"):
        Vault(vault_dir).unlock_remembered(ADMIN, memory_keyring)


def test_the_keyring_entry_names_no_one_and_is_small(
    vault_dir: Path, memory_keyring: DeviceKeyring
) -> None:
    _remember(vault_dir, SALES, SALES_PASSWORD, memory_keyring)
    backend = keyring.get_keyring()
    [(service, account)] = backend.entries  # type: ignore[attr-defined]
    value = backend.entries[(service, account)]  # type: ignore[attr-defined]
    assert service == SERVICE_NAME
    assert SALES not in account and SALES not in value
    assert len(value.encode("utf-16-le")) <= 2560


def test_losing_the_keyring_entry_loses_nothing(
    vault_dir: Path, memory_keyring: DeviceKeyring
) -> None:
    _remember(vault_dir, SALES, SALES_PASSWORD, memory_keyring)
    keyring.get_keyring().entries.clear()  # type: ignore[attr-defined]
    with pytest.raises(KeyringUnavailable, match="sign in with your password"):
        Vault(vault_dir).unlock_remembered(SALES, memory_keyring)
    Vault(vault_dir).unlock(SALES, SALES_PASSWORD, now=NOW).lock()


def test_forgetting_the_device_removes_both_halves(
    vault_dir: Path, memory_keyring: DeviceKeyring
) -> None:
    _remember(vault_dir, SALES, SALES_PASSWORD, memory_keyring)
    opened = Vault(vault_dir).unlock(SALES, SALES_PASSWORD, now=NOW)
    opened.forget_device(memory_keyring)
    opened.lock()
    assert keyring.get_keyring().entries == {}  # type: ignore[attr-defined]
    assert '"device_id"' not in VaultPaths(vault_dir).keys.read_text()
    with pytest.raises(KeyringUnavailable):
        Vault(vault_dir).unlock_remembered(SALES, memory_keyring)


def test_remembering_again_replaces_the_earlier_wrap(
    vault_dir: Path, memory_keyring: DeviceKeyring
) -> None:
    _remember(vault_dir, SALES, SALES_PASSWORD, memory_keyring)
    _remember(vault_dir, SALES, SALES_PASSWORD, memory_keyring)
    assert VaultPaths(vault_dir).keys.read_text().count('"device_id"') == 1
    Vault(vault_dir).unlock_remembered(SALES, memory_keyring).lock()


def test_remember_me_survives_rotation_and_password_change(
    vault_dir: Path, memory_keyring: DeviceKeyring
) -> None:
    _remember(vault_dir, SALES, SALES_PASSWORD, memory_keyring)
    opened = Vault(vault_dir).unlock(SALES, SALES_PASSWORD, now=NOW)
    opened.change_password(SALES_PASSWORD, "a new sales password")
    opened.lock()
    admin = Vault(vault_dir).unlock(ADMIN, ADMIN_PASSWORD, now=NOW)
    admin.rotate_data_key()
    admin.lock()
    Vault(vault_dir).unlock_remembered(SALES, memory_keyring).lock()


def test_a_revoked_user_is_not_let_in_by_a_remembered_device(
    admin: OpenVault, vault_dir: Path, memory_keyring: DeviceKeyring, vault_template: Template
) -> None:
    _remember(vault_dir, SALES, SALES_PASSWORD, memory_keyring)
    admin.revoke_user_slot(vault_template.sales_id, NOW)
    with pytest.raises(AccountRevoked):
        Vault(vault_dir).unlock_remembered(SALES, memory_keyring)


def test_without_a_trusted_keyring_the_feature_is_off_and_says_why(admin: OpenVault) -> None:
    store = DeviceKeyring(fail.Keyring())
    assert "no system keyring" in store.status().reason
    with pytest.raises(KeyringUnavailable, match="no system keyring"):
        admin.remember_device(store)
    assert '"device_id"' not in admin.paths.keys.read_text()


def test_the_sign_in_dialog_can_ask_whether_a_user_is_remembered(
    admin: OpenVault, vault_dir: Path, memory_keyring: DeviceKeyring, vault_template: Template
) -> None:
    vault = Vault(vault_dir)
    assert not vault.remembers(SALES, memory_keyring)
    _remember(vault_dir, SALES, SALES_PASSWORD, memory_keyring)
    assert vault.remembers(SALES, memory_keyring)
    assert not vault.remembers(ADMIN, memory_keyring)
    assert not vault.remembers("nobody", memory_keyring)
    assert not vault.remembers(SALES, DeviceKeyring(fail.Keyring()))  # no keyring: no
    admin.revoke_user_slot(vault_template.sales_id, NOW)
    assert not vault.remembers(SALES, memory_keyring)
