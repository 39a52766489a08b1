from __future__ import annotations

import uuid

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from desktop_crm.domain.errors import KeyringUnavailable
from desktop_crm.security.keyring_store import (
    LOCKED_REASON,
    MAX_ENTRY_BYTES_UTF16,
    NO_KEYRING_REASON,
    SERVICE_NAME,
    DeviceKeyring,
    new_device_entry,
)
from tests.unit.security.memory_keyring import MemoryKeyring

VAULT = str(uuid.uuid4())
USER = str(uuid.uuid4())


def _backend_named(module: str, name: str) -> KeyringBackend:
    """A stand-in whose class carries a real backend's name (the allow-list goes by name)."""
    cls = type(name, (MemoryKeyring,), {"__module__": module, "__qualname__": name})
    return cls()


def test_the_memory_backend_works_through_the_keyring_api(memory_keyring: DeviceKeyring) -> None:
    assert memory_keyring.status().available
    entry = new_device_entry()
    memory_keyring.store(VAULT, USER, entry)
    loaded = memory_keyring.load(VAULT, USER)
    assert loaded is not None
    assert (loaded.device_id, loaded.secret.value) == (entry.device_id, entry.secret.value)
    stored = keyring.get_password(SERVICE_NAME, f"{VAULT}/{USER}")
    assert stored is not None
    assert len(stored.encode("utf-16-le")) < MAX_ENTRY_BYTES_UTF16 // 10
    memory_keyring.delete(VAULT, USER)
    assert memory_keyring.load(VAULT, USER) is None
    memory_keyring.delete(VAULT, USER)  # deleting again is not an error


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_no_keyring_backends_turn_the_feature_off_with_a_reason(
    backend: KeyringBackend,
) -> None:
    store = DeviceKeyring(backend)
    status = store.status()
    assert not status.available
    assert status.reason == NO_KEYRING_REASON
    with pytest.raises(KeyringUnavailable, match="no system keyring"):
        store.store(VAULT, USER, new_device_entry())


def test_a_plaintext_backend_is_refused_even_when_listed_as_allowed() -> None:
    plaintext = _backend_named("keyrings.alt.file", "PlaintextKeyring")
    store = DeviceKeyring(plaintext, allowed_extra=(type(plaintext),))
    status = store.status()
    assert not status.available
    assert "plain file" in status.reason
    with pytest.raises(KeyringUnavailable, match="plain file"):
        store.store(VAULT, USER, new_device_entry())
    assert plaintext.entries == {}  # nothing was written to it


def test_an_unknown_backend_is_not_trusted() -> None:
    status = DeviceKeyring(MemoryKeyring()).status()  # not listed as allowed here
    assert not status.available
    assert "not one the app trusts" in status.reason


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("keyring.backends.Windows", "WinVaultKeyring"),
        ("keyring.backends.macOS", "Keyring"),
        ("keyring.backends.SecretService", "Keyring"),
        ("keyring.backends.libsecret", "Keyring"),
        ("keyring.backends.kwallet", "DBusKeyring"),
    ],
)
def test_the_system_keyrings_are_allowed(module: str, name: str) -> None:
    assert DeviceKeyring(_backend_named(module, name)).status().available


def _chain(*links: KeyringBackend) -> KeyringBackend:
    return type("Chain", (chainer.ChainerBackend,), {"backends": list(links)})()


def test_a_chain_is_trusted_only_if_every_link_is() -> None:
    secret_service = _backend_named("keyring.backends.SecretService", "Keyring")
    plaintext = _backend_named("keyrings.alt.file", "PlaintextKeyring")
    assert DeviceKeyring(_chain()).status().reason == NO_KEYRING_REASON
    assert not DeviceKeyring(_chain(secret_service, plaintext)).status().available
    assert DeviceKeyring(_chain(secret_service)).status().available


def test_a_locked_keyring_says_so(memory_keyring: DeviceKeyring) -> None:
    backend = keyring.get_keyring()
    assert isinstance(backend, MemoryKeyring)
    backend.locked = True
    with pytest.raises(KeyringUnavailable) as caught:
        memory_keyring.load(VAULT, USER)
    assert str(caught.value) == LOCKED_REASON
    assert caught.value.__cause__ is None


def test_an_unreadable_entry_counts_as_no_entry(memory_keyring: DeviceKeyring) -> None:
    keyring.set_password(SERVICE_NAME, f"{VAULT}/{USER}", "something else entirely")
    assert memory_keyring.load(VAULT, USER) is None
