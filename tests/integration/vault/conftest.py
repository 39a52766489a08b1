"""A small vault (an admin and one salesperson) built once and copied per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_crm.domain.ids import new_id
from desktop_crm.storage.vault import OpenVault, Vault
from tests.unit.security.memory_keyring import memory_keyring

__all__ = ["memory_keyring"]

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
ADMIN, ADMIN_PASSWORD = "admin", "admin: correct horse"
SALES, SALES_PASSWORD = "sales1", "sales: battery staple"


@dataclass(frozen=True)
class Template:
    directory: Path
    admin_id: str
    sales_id: str
    recovery_code: str


@pytest.fixture(scope="session")
def vault_template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    directory = tmp_path_factory.mktemp("template") / "vault"
    admin_id, sales_id = new_id(), new_id()
    opened, code = Vault.create(
        directory, admin_user_id=admin_id, admin_username=ADMIN, password=ADMIN_PASSWORD
    )
    opened.add_user_slot(sales_id, SALES, SALES_PASSWORD)
    opened.lock()
    return Template(directory, admin_id, sales_id, code)


@pytest.fixture
def vault_dir(vault_template: Template, tmp_path: Path) -> Path:
    """A closed vault of our own (the template's files, copied)."""
    directory = tmp_path / "vault"
    shutil.copytree(vault_template.directory, directory)
    return directory


@pytest.fixture
def admin(vault_dir: Path) -> Iterator[OpenVault]:
    opened = Vault(vault_dir).unlock(ADMIN, ADMIN_PASSWORD, now=NOW)
    yield opened
    opened.lock()


def sign_in(vault_dir: Path, username: str, password: str, *, now: datetime = NOW) -> OpenVault:
    """Sign in and out again; returns the (locked) session for its ids."""
    opened = Vault(vault_dir).unlock(username, password, now=now)
    opened.lock()
    return opened
