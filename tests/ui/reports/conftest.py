"""Fixtures for the dashboard and the Reports page: signed-in sessions on a fresh copy of the
UI vault, on a clock fixed at Thursday 14 May 2026, 10:00 in Shanghai (May in every zone)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from desktop_crm.domain.clock import FixedClock
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.ui.ops import Operations
from tests.ui.conftest import ADMIN_PASSWORD, SALES2_PASSWORD, Template

PASSWORDS = {"admin": ADMIN_PASSWORD, "sales2": SALES2_PASSWORD}
SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 5, 14, 2, 0, tzinfo=UTC)


@pytest.fixture
def signed_in(vault: Template, opened_sessions: list[CrmSession]) -> Callable[[str], CrmSession]:
    """A session of `admin` or `sales2` on this test's vault, locked when the test ends."""

    def open_session(username: str) -> CrmSession:
        session = sign_in(vault.vault_dir, username, PASSWORDS[username],
                          clock=FixedClock(NOW))
        opened_sessions.append(session)
        return session

    return open_session


def wait_idle(qtbot, ops: Operations) -> None:
    """Until every read and write asked for so far has answered."""
    qtbot.waitUntil(lambda: not ops.busy, timeout=20_000)
