"""The Departures tab on a real vault: the history, the departed staff still holding
customers and their reassignment, the empty states, and the wizard it starts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTableWidget

from desktop_crm.domain.departure_split import SplitMode
from desktop_crm.domain.enums import UserStatus
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.ui import prompts
from desktop_crm.ui.admin.departures_page import DeparturesPage
from desktop_crm.ui.ops import Operations
from tests.ui.admin import test_departure_wizard as shared
from tests.ui.admin.conftest import wait_idle
from tests.ui.admin.test_departure_wizard import OrgVault, owners
from tests.ui.conftest import ADMIN_PASSWORD, Template

# The organisation fixtures the wizard's tests build (one template vault for both files).
org_vault, open_session, admin = shared.org_vault, shared.open_session, shared.admin


@pytest.fixture
def page(qtbot, admin: CrmSession, ops: Operations) -> Iterator[DeparturesPage]:
    # not qtbot.addWidget: its closing comes before this teardown, which closes the wizard
    # first (as a person would, giving a freeze back)
    widget = DeparturesPage(admin, ops, admin.me())
    widget.resize(900, 560)
    widget.show()
    wait_idle(qtbot, widget)
    yield widget
    if widget.reassign_dialog is not None:
        widget.reassign_dialog.reject()
    wizard = widget.wizard
    if wizard is not None:
        with prompts.scripted(True):
            wizard.reject()
        qtbot.waitUntil(lambda: widget.wizard is None, timeout=10_000)
    wait_idle(qtbot, widget)
    widget.close()
    widget.deleteLater()


def rows(table: QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_the_awaiting_list_shows_and_reassigns_a_departed_users_leftover(
        qtbot, page: DeparturesPage, org_vault: OrgVault, open_session) -> None:
    ids = org_vault.ids
    assert page.awaiting_table.isVisible() and not page.awaiting_empty.isVisible()
    [awaiting] = rows(page.awaiting_table)
    assert awaiting[0] == "赵强 (zhaoqiang)" and awaiting[2] == "1"
    assert awaiting[1]  # the local departure time
    [history] = rows(page.history_table)
    assert history[:2] == ["赵强 (zhaoqiang)", "Departed"]
    assert all(history[2:])  # frozen, departed and finished times

    qtbot.mouseClick(page.reassign_button, Qt.MouseButton.LeftButton)
    dialog = page.reassign_dialog
    assert dialog is not None
    assert not dialog.reassign_button.isEnabled()  # nobody ticked yet
    assert dialog.chooser.set_checked(ids["lina"])
    dialog.chooser.set_mode(SplitMode.ROUND_ROBIN)
    qtbot.waitUntil(lambda: dialog.chooser.ready, timeout=10_000)
    assert dialog.chooser.table.item(0, 1).text() == "1"
    qtbot.mouseClick(dialog.reassign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.reassign_dialog is None, timeout=10_000)
    wait_idle(qtbot, page)

    assert "of 赵强 (zhaoqiang) reassigned" in page.message.text()
    assert page.awaiting_table.rowCount() == 0 and not page.awaiting_table.isVisible()
    assert page.awaiting_empty.isVisible()
    assert not page.reassign_button.isVisible()
    assert owners(open_session("admin"))["吴昊"] == ids["lina"]


def test_a_refused_reassignment_keeps_the_dialog_open_with_the_reason(
        qtbot, page: DeparturesPage, org_vault: OrgVault, admin: CrmSession) -> None:
    page.reassign()
    dialog = page.reassign_dialog
    assert dialog is not None
    dialog.chooser.set_checked(org_vault.ids["wangfang"])
    qtbot.waitUntil(lambda: dialog.chooser.ready, timeout=10_000)
    # meanwhile, in another window
    admin.users.set_status(org_vault.ids["wangfang"], UserStatus.SUSPENDED)
    dialog.reassign_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert "not active" in dialog.message.text()
    assert page.reassign_dialog is dialog


def test_start_a_departure_opens_the_wizard_and_a_finished_one_joins_the_history(
        qtbot, page: DeparturesPage, org_vault: OrgVault) -> None:
    button = page.findChild(QPushButton, "startDepartureButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wizard = page.wizard
    assert wizard is not None and wizard.isVisible()
    with prompts.scripted():
        wizard.reject()  # nothing frozen yet: it closes without asking
    qtbot.waitUntil(lambda: page.wizard is None, timeout=10_000)

    wizard = page.start_departure(org_vault.ids["lina"])
    qtbot.waitUntil(lambda: wizard.pick_page.chosen_id() == org_vault.ids["lina"],
                    timeout=10_000)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.draft.frozen_for is not None, timeout=10_000)
    wait_idle(qtbot, page)
    assert ["李娜 (lina)", "Frozen, not yet departed"] in [
        r[:2] for r in rows(page.history_table)]


def test_empty_states_are_said_in_words(qtbot, ops: Operations, vault: Template,
                                        opened_sessions: list[CrmSession]) -> None:
    first_admin = sign_in(vault.vault_dir, "admin", ADMIN_PASSWORD)  # nobody has left here
    opened_sessions.append(first_admin)
    widget = DeparturesPage(first_admin, ops, first_admin.me())
    qtbot.addWidget(widget)
    widget.show()
    wait_idle(qtbot, widget)
    assert widget.awaiting_empty.isVisible() and not widget.awaiting_table.isVisible()
    assert "every departed person's customers" in widget.awaiting_empty.text()
    assert widget.history_empty.isVisible() and not widget.history_table.isVisible()
    assert widget.history_empty.text() == "No departures yet."
