"""Fixtures for the call log's screens: signed-in sessions on a fresh copy of the UI vault."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_crm.services.session import CrmSession, sign_in
from tests.ui.conftest import ADMIN_PASSWORD, SALES2_PASSWORD, Template

PASSWORDS = {"admin": ADMIN_PASSWORD, "sales2": SALES2_PASSWORD}


@pytest.fixture
def signed_in(vault: Template, opened_sessions: list[CrmSession]) -> Callable[[str], CrmSession]:
    """A session of `admin` or `sales2` on this test's vault, locked when the test ends."""

    def open_session(username: str, vault_dir: Path | None = None) -> CrmSession:
        session = sign_in(vault_dir or vault.vault_dir, username, PASSWORDS[username])
        opened_sessions.append(session)
        return session

    return open_session


def customer_named(session: CrmSession, name: str) -> tuple[str, str]:
    [row] = session.customers.search(name)
    return row.id, row.name
