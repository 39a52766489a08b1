"""The Alerts page on a real vault: see the inbox, filter it, acknowledge with a note."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from shiboken6 import isValid

from desktop_crm.services.alerts import EXPORT, ROLE_CHANGE
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.ui.admin.alert_labels import alert_kind_label
from desktop_crm.ui.admin.alerts_page import AlertsPage
from desktop_crm.ui.ops import Operations
from tests.ui.admin.conftest import shown
from tests.ui.conftest import ADMIN_PASSWORD, Template

AUDITOR_PASSWORD = "auditor-password-1"


@pytest.fixture
def admin(vault: Template, opened_sessions: list[CrmSession]) -> CrmSession:
    """An admin session on a vault with two open alerts: a role change, then an export."""
    session = sign_in(vault.vault_dir, "admin", ADMIN_PASSWORD)
    opened_sessions.append(session)
    sales2 = session.users.find_by_username("sales2")
    session.users.set_roles(sales2.id, ["sales", "manager"])
    session.audit.export(io.BytesIO(), since=datetime(2000, 1, 1, tzinfo=UTC))
    return session


@pytest.fixture
def open_page(qtbot: object, ops: Operations) -> Callable[[CrmSession], AlertsPage]:
    def open_for(session: CrmSession) -> AlertsPage:
        page = shown(qtbot, AlertsPage(session, ops, session.me()), 1100, 420)
        qtbot.waitUntil(lambda: not page.model.loading, timeout=10_000)  # type: ignore
        return page

    return open_for


def _cell(page: AlertsPage, row: int, column: int) -> str:
    return str(page.model.data(page.model.index(row, column)) or "")


def test_the_inbox_lists_open_alerts_newest_first(
    admin: CrmSession, open_page: Callable[[CrmSession], AlertsPage]
) -> None:
    page = open_page(admin)
    assert page.model.rowCount() == 2
    assert _cell(page, 0, 1) == alert_kind_label(EXPORT)
    assert _cell(page, 1, 1) == alert_kind_label(ROLE_CHANGE)
    assert _cell(page, 0, 4) == "管理员 Admin"
    assert "2" in page.count_label.text()


def test_filter_by_kind(admin: CrmSession, open_page: Callable[[CrmSession], AlertsPage],
                        qtbot: object) -> None:
    page = open_page(admin)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(ROLE_CHANGE))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.model.loading)  # type: ignore
    assert _cell(page, 0, 1) == alert_kind_label(ROLE_CHANGE)


def test_acknowledge_an_alert_with_a_note(
    admin: CrmSession, open_page: Callable[[CrmSession], AlertsPage], qtbot: object,
    tmp_path: Path,
) -> None:
    page = open_page(admin)
    page.grab().save(str(tmp_path / "alerts-before.png"))
    assert page.ack_button is not None and not page.ack_button.isEnabled()
    page.table.selectRow(1)  # the role change
    assert page.ack_button.isEnabled()
    qtbot.mouseClick(page.ack_button, Qt.MouseButton.LeftButton)  # type: ignore
    dialog = page.ack_dialog
    assert dialog is not None and dialog.isVisible()

    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)  # type: ignore
    assert dialog.error_label.isVisible() and dialog.isVisible()  # a note is required
    assert admin.alerts.unacknowledged_count() == 2

    dialog.note_edit.setPlainText("已与经理确认：销售二兼任经理")
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)  # type: ignore
    qtbot.waitUntil(lambda: not isValid(dialog) and page.model.rowCount() == 1,  # type: ignore
                    timeout=10_000)
    assert _cell(page, 0, 1) == alert_kind_label(EXPORT)
    [done] = admin.alerts.list(acknowledged=True)
    assert done.kind == ROLE_CHANGE and done.acknowledged_note == "已与经理确认：销售二兼任经理"

    page.open_only.setChecked(False)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 and not page.model.loading)  # type: ignore
    assert _cell(page, 1, 5) == "管理员 Admin" and _cell(page, 1, 7) == done.acknowledged_note
    page.grab().save(str(tmp_path / "alerts-after.png"))
    page.resize(640, 360)  # a small window keeps every control reachable
    page.grab().save(str(tmp_path / "alerts-small.png"))


def test_a_refused_acknowledgement_keeps_the_dialog_open_with_the_reason(
    admin: CrmSession, open_page: Callable[[CrmSession], AlertsPage], qtbot: object,
) -> None:
    page = open_page(admin)
    page.table.selectRow(0)
    page.acknowledge_selected()
    dialog = page.ack_dialog
    assert dialog is not None
    admin.alerts.acknowledge(dialog.alert.id, "someone else was quicker")
    dialog.note_edit.setPlainText("mine")
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)  # type: ignore
    qtbot.waitUntil(lambda: dialog.error_label.isVisible())  # type: ignore
    assert "already acknowledged" in dialog.error_label.text().lower()
    assert dialog.isVisible() and dialog.note_edit.toPlainText() == "mine"


def test_empty_inbox_says_so_and_an_auditor_cannot_acknowledge(
    vault: Template, admin: CrmSession, open_page: Callable[[CrmSession], AlertsPage],
    opened_sessions: list[CrmSession],
) -> None:
    for alert in admin.alerts.list():
        admin.alerts.acknowledge(alert.id, "ok")
    _, once = admin.users.create("auditor1", "审计员", roles=["auditor"])
    first = sign_in(vault.vault_dir, "auditor1", once)
    first.change_password(once, AUDITOR_PASSWORD)
    first.lock()
    auditor = sign_in(vault.vault_dir, "auditor1", AUDITOR_PASSWORD)
    opened_sessions.append(auditor)
    page = open_page(auditor)
    assert page.ack_button is None
    empty = page.findChild(QLabel, "alertsEmptyLabel")
    assert page.model.rowCount() == 0 and empty is not None and empty.isVisible()
    assert "every alert has been acknowledged" in empty.text()
