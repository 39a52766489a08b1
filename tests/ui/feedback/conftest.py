"""Feedback fixtures: the record page's (signed-in sessions on a fresh copy of the UI
template vault, a page shown at a desktop size) and helpers to drive the record's tabs."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog

from desktop_crm.ui.ops import Operations
from desktop_crm.ui.record.record_page import CustomerRecordPage
from tests.ui.record.conftest import (  # noqa: F401  (fixtures, shared)
    add_user,
    admin,
    customer_id,
    known_passwords,
    make_page,
    sign_in_as,
    wait_for_record,
)


def wait_idle(qtbot: Any, ops: Operations) -> None:
    """Until every read and write asked for so far has answered."""
    qtbot.waitUntil(lambda: not ops.busy, timeout=10_000)


def show_tab(qtbot: Any, page: CustomerRecordPage, panel: Any) -> None:
    """Bring a tab forward and wait for its lists."""
    page.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.loaded and not panel.loading, timeout=10_000)


def saved(qtbot: Any, dialog: QDialog) -> Any:
    """Press Save and wait until the dialog has closed with what the service returned."""
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.save_button.click()  # type: ignore[attr-defined]
    return dialog.saved  # type: ignore[attr-defined]
