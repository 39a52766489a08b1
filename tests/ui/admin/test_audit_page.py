"""The Audit page on a real vault: filter the log, open what an event names, verify, export."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop_crm.services.alerts import EXPORT
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.ui.admin.audit_page import AuditPage
from desktop_crm.ui.ops import Operations
from tests.ui.admin.conftest import shown
from tests.ui.conftest import ADMIN_PASSWORD, SALES2_PASSWORD, Template


@pytest.fixture
def admin(vault: Template, opened_sessions: list[CrmSession]) -> CrmSession:
    """An admin session, after sales2 signed in and edited a customer of their own."""
    sales2 = sign_in(vault.vault_dir, "sales2", SALES2_PASSWORD)
    opened_sessions.append(sales2)
    mine = sales2.customers.create({"name": "王芳", "city": "杭州"})
    sales2.customers.update(mine.id, {"city": "上海"})
    session = sign_in(vault.vault_dir, "admin", ADMIN_PASSWORD)
    opened_sessions.append(session)
    return session


@pytest.fixture
def open_page(qtbot: object, ops: Operations) -> Callable[[CrmSession], AuditPage]:
    def open_for(session: CrmSession) -> AuditPage:
        page = shown(qtbot, AuditPage(session, ops, session.me()), 1200, 560)
        _settled(qtbot, page)
        return page

    return open_for


def _settled(qtbot: object, page: AuditPage) -> None:
    qtbot.waitUntil(lambda: not page.model.searching and page.filter_bar.actor_combo.count() > 1,
                    timeout=10_000)  # type: ignore[attr-defined]


def _column(page: AuditPage, column: int) -> list[str]:
    return [str(page.model.data(page.model.index(r, column))) for r in range(page.model.rowCount())]


def _row_of(page: AuditPage, action: str) -> int:
    return _column(page, 3).index(action)


def test_the_log_shows_newest_first_with_names(
    admin: CrmSession, open_page: Callable[[CrmSession], AuditPage]
) -> None:
    page = open_page(admin)
    seqs = [int(s) for s in _column(page, 0)]
    assert len(seqs) > 5 and seqs == sorted(seqs, reverse=True)
    assert _column(page, 3)[0] == "auth.sign_in" and _column(page, 2)[0] == "管理员 Admin"


def test_filter_the_log_by_person_action_and_text(
    admin: CrmSession, open_page: Callable[[CrmSession], AuditPage], qtbot: object,
    tmp_path: Path,
) -> None:
    page = open_page(admin)
    bar = page.filter_bar
    bar.actor_combo.setCurrentIndex(bar.actor_combo.findText("Sales Two"))
    _settled(qtbot, page)
    assert set(_column(page, 2)) == {"Sales Two"}
    everything_by_sales2 = page.model.rowCount()

    qtbot.keyClicks(bar.action_combo.lineEdit(), "customer.")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.model.rowCount() < everything_by_sales2  # type: ignore
                    and not page.model.searching, timeout=10_000)
    assert sorted(_column(page, 3)) == ["customer.create", "customer.update"]

    bar.action_combo.setEditText("")
    bar.actor_combo.setCurrentIndex(0)
    bar.text_edit.setText("city")  # as typed: the search waits for a pause
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 and not page.model.searching,  # type: ignore
                    timeout=10_000)
    assert _column(page, 3) == ["customer.update", "customer.create"]
    assert all("city" in text for text in _column(page, 6))
    page.grab().save(str(tmp_path / "audit-filtered.png"))
    page.table.selectRow(0)
    page.resize(720, 420)
    page.grab().save(str(tmp_path / "audit-small.png"))

    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)  # type: ignore
    _settled(qtbot, page)
    assert page.model.rowCount() > everything_by_sales2


def test_double_click_opens_the_customer_or_shows_the_user(
    admin: CrmSession, open_page: Callable[[CrmSession], AuditPage], qtbot: object,
) -> None:
    page = open_page(admin)
    created = page.model.entry_at(_row_of(page, "customer.create"))
    assert created is not None
    with qtbot.waitSignal(page.open_customer, timeout=10_000) as opened:  # type: ignore
        page.table.activated.emit(page.model.index(_row_of(page, "customer.create"), 0))
    assert opened.args == [created.entity_id]

    user_row = next(r for r in range(page.model.rowCount())
                    if page.model.entry_at(r).entity == "user")  # type: ignore[union-attr]
    page.table.activated.emit(page.model.index(user_row, 0))
    qtbot.waitUntil(page.details.record.isVisible, timeout=10_000)  # type: ignore
    assert "status: active" in page.details.record.text()
    assert "Event #" in page.details.title.text()

    admin.customers.delete(created.entity_id)
    page.table.activated.emit(page.model.index(_row_of(page, "customer.create"), 0))
    qtbot.waitUntil(page.message.isVisible, timeout=10_000)  # type: ignore
    assert "no longer exists" in page.message.text()


def test_verify_chain_says_intact(
    admin: CrmSession, open_page: Callable[[CrmSession], AuditPage], qtbot: object,
) -> None:
    page = open_page(admin)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)  # type: ignore
    qtbot.waitUntil(lambda: "intact" in page.chain_label.text(), timeout=10_000)  # type: ignore
    head = admin.audit.verify().head_hash
    assert head[:16] in page.chain_label.text()


def test_export_writes_a_csv_with_chinese_names_intact(
    admin: CrmSession, open_page: Callable[[CrmSession], AuditPage], qtbot: object,
    tmp_path: Path,
) -> None:
    page = open_page(admin)
    target = tmp_path / "审计日志.csv"
    asked: list[str] = []

    def choose(parent: QWidget, title: str, start: Path) -> Path:
        asked.append(title)
        return target

    page.ask_export_path = choose
    assert page.export_button is not None
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)  # type: ignore
    qtbot.waitUntil(lambda: "Exported" in page.message.text(), timeout=10_000)  # type: ignore
    assert asked and target.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert {"管理员 Admin", "Sales Two"} <= {r["actor"] for r in rows}
    assert admin.alerts.count(kinds=[EXPORT]) == 1


def test_a_failing_export_says_why_and_writes_nothing(
    admin: CrmSession, open_page: Callable[[CrmSession], AuditPage], qtbot: object,
    tmp_path: Path,
) -> None:
    page = open_page(admin)
    page.ask_export_path = lambda *_: tmp_path / "gone" / "audit.csv"
    page.export_log()
    qtbot.waitUntil(lambda: "Could not write" in page.message.text(), timeout=10_000)  # type: ignore
    assert "gone" in page.message.text() and page.export_button is not None
    assert page.export_button.isEnabled() and not (tmp_path / "gone").exists()
    assert admin.alerts.count(kinds=[EXPORT]) == 0
