"""Fixtures the admin console's tests share: an admin session on the test's own vault, a
page shown at a size, and waiting until a page has read what it asked for."""

from __future__ import annotations

from typing import Any, TypeVar

import pytest
from PySide6.QtWidgets import QWidget

from desktop_crm.services.session import CrmSession, sign_in
from tests.ui.conftest import ADMIN_PASSWORD, Template

W = TypeVar("W", bound=QWidget)


@pytest.fixture
def admin(vault: Template, opened_sessions: list[CrmSession]) -> CrmSession:
    session = sign_in(vault.vault_dir, "admin", ADMIN_PASSWORD)
    opened_sessions.append(session)
    return session


def shown(qtbot: Any, widget: W, width: int, height: int) -> W:
    """The widget on screen at that size, closed with the test."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    return widget


def wait_idle(qtbot: Any, page: Any) -> None:
    """The page has read what it asked for, and no operation is running."""
    qtbot.waitUntil(lambda: not page.loading and not page._ops.busy, timeout=10_000)
