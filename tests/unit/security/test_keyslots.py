from __future__ import annotations

import uuid

import pytest

from desktop_crm.domain.errors import WrongPassword
from desktop_crm.security.kdf import FAST_TEST_PARAMS, KdfParams
from desktop_crm.security.keyslots import (
    DeviceSecretRejected,
    SlotUnreadable,
    generate_key_pair,
    key_check,
    matches_key_check,
    new_data_key,
    public_key_of,
    seal,
    unseal,
    unwrap_private_key,
    unwrap_with_device_secret,
    wrap_private_key,
    wrap_with_device_secret,
)
from desktop_crm.security.secret import SecretBytes

VAULT = str(uuid.uuid4())
USER = str(uuid.uuid4())


def test_a_wrapped_private_key_opens_only_with_its_password() -> None:
    pair = generate_key_pair()
    wrapped = wrap_private_key(pair.private, "right password", USER, VAULT, FAST_TEST_PARAMS)
    assert unwrap_private_key(wrapped, "right password", USER, VAULT).value == pair.private.value
    with pytest.raises(WrongPassword):
        unwrap_private_key(wrapped, "wrong password", USER, VAULT)
    assert pair.private.value not in wrapped.ciphertext


def test_the_wrap_is_bound_to_its_user_and_vault() -> None:
    pair = generate_key_pair()
    wrapped = wrap_private_key(pair.private, "pw", USER, VAULT, FAST_TEST_PARAMS)
    with pytest.raises(WrongPassword):
        unwrap_private_key(wrapped, "pw", str(uuid.uuid4()), VAULT)  # copied to another user
    with pytest.raises(WrongPassword):
        unwrap_private_key(wrapped, "pw", USER, str(uuid.uuid4()))  # copied to another vault


def test_a_wrap_records_its_cost_and_opens_under_any_current_setting() -> None:
    other_cost = KdfParams(memory_kib=2048, time_cost=2, parallelism=1)
    pair = generate_key_pair()
    wrapped = wrap_private_key(pair.private, "pw", USER, VAULT, other_cost)
    assert wrapped.kdf == other_cost
    assert unwrap_private_key(wrapped, "pw", USER, VAULT).value == pair.private.value


def test_a_sealed_data_key_opens_only_with_the_recipients_private_key() -> None:
    alice, mallory = generate_key_pair(), generate_key_pair()
    data_key = new_data_key()
    sealed = seal(data_key, alice.public, VAULT)
    assert unseal(sealed, alice.private, VAULT).value == data_key.value
    with pytest.raises(SlotUnreadable):
        unseal(sealed, mallory.private, VAULT)
    with pytest.raises(SlotUnreadable):
        unseal(sealed, alice.private, str(uuid.uuid4()))
    assert public_key_of(alice.private) == alice.public


def test_device_wrap_opens_only_with_its_device_secret() -> None:
    pair = generate_key_pair()
    secret = SecretBytes(b"\x01" * 32)
    wrapped = wrap_with_device_secret(pair.private, secret, USER, VAULT, "device-1")
    assert unwrap_with_device_secret(wrapped, secret, USER, VAULT).value == pair.private.value
    with pytest.raises(DeviceSecretRejected):
        unwrap_with_device_secret(wrapped, SecretBytes(b"\x02" * 32), USER, VAULT)


def test_the_key_check_recognises_the_key_and_reveals_nothing_of_it() -> None:
    data_key, other = new_data_key(), new_data_key()
    check = key_check(data_key, VAULT)
    assert matches_key_check(data_key, VAULT, check)
    assert not matches_key_check(other, VAULT, check)
    assert not matches_key_check(data_key, str(uuid.uuid4()), check)
    assert data_key.value not in check and data_key.value[:8] not in check
