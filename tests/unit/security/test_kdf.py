from __future__ import annotations

import pytest

from desktop_crm.security.kdf import (
    FAST_TEST_PARAMS,
    KDF_SWITCH,
    PRODUCTION,
    KdfParams,
    UnknownKdfSetting,
    configured_kdf,
    derive_key,
)

SALT = bytes(range(16))


def test_production_cost_is_the_designed_one() -> None:
    assert KdfParams(memory_kib=64 * 1024, time_cost=3, parallelism=4) == PRODUCTION


def test_without_the_switch_production_cost_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KDF_SWITCH, raising=False)
    assert configured_kdf() == PRODUCTION


def test_only_the_one_switch_lowers_the_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KDF_SWITCH, "fast-for-tests")
    assert configured_kdf() == FAST_TEST_PARAMS
    monkeypatch.setenv(KDF_SWITCH, "fast")
    with pytest.raises(UnknownKdfSetting, match="fast-for-tests"):
        configured_kdf()


def test_the_key_depends_on_password_salt_and_cost() -> None:
    key = derive_key("password", SALT, FAST_TEST_PARAMS)
    assert len(key) == 32
    assert derive_key("password", SALT, FAST_TEST_PARAMS).value == key.value
    assert derive_key("Password", SALT, FAST_TEST_PARAMS).value != key.value
    assert derive_key("password", bytes(16), FAST_TEST_PARAMS).value != key.value
    slower = KdfParams(memory_kib=2048, time_cost=1, parallelism=1)
    assert derive_key("password", SALT, slower).value != key.value


def test_a_short_salt_is_refused() -> None:
    with pytest.raises(ValueError, match="salt"):
        derive_key("password", b"short", FAST_TEST_PARAMS)


@pytest.mark.parametrize(
    ("memory_kib", "time_cost", "parallelism"),
    [(4, 1, 1), (64 * 1024 * 1024, 1, 1), (1024, 0, 1), (1024, 1000, 1), (1024, 1, 0)],
)
def test_absurd_costs_from_a_tampered_file_are_refused(
    memory_kib: int, time_cost: int, parallelism: int
) -> None:
    with pytest.raises(ValueError, match="Argon2"):
        KdfParams(memory_kib, time_cost, parallelism)
