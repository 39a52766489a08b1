from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from desktop_crm.domain.errors import AccountRevoked, Conflict
from desktop_crm.security import vault_keys
from desktop_crm.security.kdf import FAST_TEST_PARAMS
from desktop_crm.security.keyfile import KeyFile, SlotStatus
from desktop_crm.security.keyslots import (
    matches_key_check,
    new_data_key,
    unseal,
    unwrap_private_key,
)
from desktop_crm.security.recovery import format_recovery_code, parse_recovery_code
from desktop_crm.security.secret import SecretBytes

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
ADMIN = str(uuid.uuid4())
SALES = str(uuid.uuid4())


def _vault() -> tuple[KeyFile, SecretBytes, SecretBytes]:
    data_key = new_data_key()
    keys, recovery = vault_keys.new_key_file(
        vault_id=str(uuid.uuid4()),
        data_key=data_key,
        kdf=FAST_TEST_PARAMS,
        admin_user_id=ADMIN,
        admin_username="Admin",
        password="admin-pw",
    )
    keys = vault_keys.with_user_added(keys, data_key, SALES, "sales1", "sales-pw")
    return keys, data_key, recovery


def _data_key_of(keys: KeyFile, user_id: str, password: str) -> bytes:
    slot = vault_keys.active_slot(keys, user_id)
    assert slot.wrapped_private_key and slot.sealed_data_key
    private = unwrap_private_key(slot.wrapped_private_key, password, user_id, keys.vault_id)
    return unseal(slot.sealed_data_key, private, keys.vault_id).value


def test_user_names_are_found_by_salted_hash_regardless_of_case() -> None:
    keys, _, _ = _vault()
    slot = vault_keys.slot_for_username(keys, " ADMIN ")
    assert slot is not None and slot.user_id == ADMIN
    assert vault_keys.slot_for_username(keys, "nobody") is None
    other_salt = vault_keys.username_hash(b"\x00" * 16, "admin")
    assert other_salt != slot.username_hash


def test_each_user_reaches_the_data_key_with_their_own_password_only() -> None:
    keys, data_key, _ = _vault()
    assert _data_key_of(keys, ADMIN, "admin-pw") == data_key.value
    assert _data_key_of(keys, SALES, "sales-pw") == data_key.value


def test_a_name_or_id_cannot_get_a_second_active_slot() -> None:
    keys, data_key, _ = _vault()
    with pytest.raises(Conflict):
        vault_keys.with_user_added(keys, data_key, str(uuid.uuid4()), "SALES1", "x")
    with pytest.raises(Conflict):
        vault_keys.with_user_added(keys, data_key, SALES, "someone", "x")


def test_revoking_leaves_only_a_dated_marker() -> None:
    keys, _, _ = _vault()
    keys = vault_keys.with_user_revoked(keys, SALES, NOW)
    marker = vault_keys.slot_for_username(keys, "sales1")
    assert marker is not None and marker.status is SlotStatus.REVOKED
    assert marker.status_changed_at == NOW
    assert (marker.public_key, marker.wrapped_private_key, marker.sealed_data_key) == (
        None,
        None,
        None,
    )
    with pytest.raises(AccountRevoked):
        vault_keys.active_slot(keys, SALES)


def test_resealing_gives_every_remaining_user_and_recovery_the_new_key() -> None:
    keys, _, recovery = _vault()
    keys = vault_keys.with_user_revoked(keys, SALES, NOW)
    new_key = new_data_key()
    rotated = vault_keys.resealed(keys, new_key)
    assert matches_key_check(new_key, rotated.vault_id, rotated.key_check)
    assert _data_key_of(rotated, ADMIN, "admin-pw") == new_key.value
    code = parse_recovery_code(format_recovery_code(recovery))
    assert unseal(rotated.recovery.sealed_data_key, code, rotated.vault_id).value == new_key.value
    # no password was needed, and the wrapped private keys did not change
    assert vault_keys.active_slot(rotated, ADMIN).wrapped_private_key == (
        vault_keys.active_slot(keys, ADMIN).wrapped_private_key
    )


def test_failures_stay_until_reported_and_new_ones_survive_the_clearing() -> None:
    keys, _, _ = _vault()
    log = vault_keys.failed(vault_keys.active_slot(keys, ADMIN).failures, NOW)
    log = vault_keys.failed(log, NOW + timedelta(seconds=5))
    keys = vault_keys.with_user_failures(keys, ADMIN, vault_keys.succeeded(log))
    reported = vault_keys.pending_failures(keys, ADMIN)
    assert [(r.user_id, r.count) for r in reported] == [(ADMIN, 2)]
    later = vault_keys.failed(vault_keys.active_slot(keys, ADMIN).failures, NOW + timedelta(1))
    keys = vault_keys.with_user_failures(keys, ADMIN, later)
    keys = vault_keys.without_reported(keys, reported)
    left = vault_keys.pending_failures(keys, ADMIN)
    assert [(r.count, r.times) for r in left] == [(1, (NOW + timedelta(1),))]
