"""Fixtures for the calendar page: signed-in sessions on a fresh copy of the UI vault, on a
clock fixed at Thursday 14 May 2026, 10:00 in Shanghai."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from desktop_crm.domain.clock import FixedClock
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.ui.calendar.calendar_page import CalendarPage
from desktop_crm.ui.ops import Operations
from tests.ui.conftest import ADMIN_PASSWORD, SALES2_PASSWORD, Template

PASSWORDS = {"admin": ADMIN_PASSWORD, "sales2": SALES2_PASSWORD}
SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 5, 14, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


@pytest.fixture
def signed_in(vault: Template, opened_sessions: list[CrmSession]) -> Callable[[str], CrmSession]:
    """A session of `admin` or `sales2` on this test's vault, locked when the test ends."""

    def open_session(username: str) -> CrmSession:
        session = sign_in(vault.vault_dir, username, PASSWORDS[username],
                          clock=FixedClock(NOW))
        opened_sessions.append(session)
        return session

    return open_session


@pytest.fixture
def open_page(qtbot, ops: Operations) -> Callable[..., CalendarPage]:
    """A calendar page for `session`, shown at a size, its first load finished."""

    def open_calendar(session: CrmSession, *, zone: ZoneInfo = SHANGHAI,
                      size: tuple[int, int] = (1100, 700)) -> CalendarPage:
        page = CalendarPage(session, ops, session.me(), zone=zone, first_weekday=0)
        qtbot.addWidget(page)
        page.resize(*size)
        page.show()
        wait_idle(qtbot, ops)
        return page

    return open_calendar


def wait_idle(qtbot, ops: Operations) -> None:
    """Until every read and write asked for so far has answered."""
    qtbot.waitUntil(lambda: not ops.busy, timeout=10_000)


def create(session: CrmSession, title: str, due: datetime, **more: object) -> str:
    data = {"kind": "follow_up", "title": title, "due_at": due, "all_day": False,
            "time_zone": "Asia/Shanghai", **more}
    return session.reminders.create(data).id
