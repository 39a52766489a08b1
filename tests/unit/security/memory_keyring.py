"""An in-memory keyring backend for tests, and the `memory_keyring` fixture.

It goes through the real `keyring` API (`keyring.set_keyring`) and is accepted only because the
test passes it in `allowed_extra`; production code never lists it.
"""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError

from desktop_crm.security.keyring_store import DeviceKeyring


class MemoryKeyring(KeyringBackend):
    """Secrets in a dict; `locked = True` behaves like a locked system keyring."""

    priority = -1  # never chosen by keyring's own discovery

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.locked = False

    def get_password(self, service: str, username: str) -> str | None:
        self._check_unlocked()
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check_unlocked()
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._check_unlocked()
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such entry")

    def _check_unlocked(self) -> None:
        if self.locked:
            raise KeyringLocked("the keyring is locked")


@pytest.fixture
def memory_keyring() -> Iterator[DeviceKeyring]:
    """A DeviceKeyring over a fresh MemoryKeyring installed as keyring's backend."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield DeviceKeyring(allowed_extra=(MemoryKeyring,))
    finally:
        keyring.set_keyring(previous)
