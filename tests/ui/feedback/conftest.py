"""Feedback fixtures: the record page's (signed-in sessions on a fresh copy of the UI
template vault, a page shown at a desktop size) and helpers to drive the record's tabs."""

from __future__ import annotations

from typing import Any

from shiboken6 import isValid

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


def saved(qtbot: Any, dialog: Any) -> Any:
    """Press Save, wait for the answer, and return what the service saved (the dialog has
    closed; if it has not, the assertion says what it shows)."""
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.busy, timeout=10_000)
    if isValid(dialog) and dialog.isVisible():
        errors = {name: label.text() for name, label in dialog.fields.errors.items()
                  if label.text()}
        raise AssertionError(f"not saved: {dialog.message.text()} {errors}")
    return dialog.saved
