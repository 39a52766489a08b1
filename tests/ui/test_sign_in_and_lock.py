"""Sign-in opens the main window with the right figures; Lock and idle lock drop the keys."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtGui import QKeySequence
from sqlalchemy import text

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.enums import UserStatus
from desktop_crm.domain.errors import WrongPassword
from desktop_crm.services.session import sign_in
from desktop_crm.storage.vault import Vault
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.ops import Lane
from desktop_crm.ui.sign_in import SignInDialog
from tests.ui.conftest import ADMIN_PASSWORD, SALES2_PASSWORD

from .conftest import CUSTOMERS


def sign_in_with(qtbot, flow, username: str, password: str) -> None:
    dialog = flow.window
    assert isinstance(dialog, SignInDialog)
    dialog.username_edit.setText(username)
    dialog.password_edit.setText(password)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: flow.window is not dialog or dialog.password_edit.isEnabled(),
                    timeout=20_000)


def main_window_with_summary(qtbot, flow) -> MainWindow:
    qtbot.waitUntil(lambda: isinstance(flow.window, MainWindow), timeout=20_000)
    window = flow.window
    qtbot.waitUntil(lambda: window.summary is not None, timeout=20_000)
    qtbot.waitUntil(lambda: not window.customers_page.model.loading, timeout=20_000)
    return window


def test_a_wrong_password_says_so_and_opens_nothing(vault, make_flow, qtbot):
    flow = make_flow(vault.vault_dir)
    sign_in_with(qtbot, flow, "admin", "not the password")
    dialog = flow.window
    assert isinstance(dialog, SignInDialog)
    assert dialog.message.text() == "Wrong user name or password."
    assert dialog.password_edit.text() == ""
    assert flow.session is None


def test_signing_in_shows_user_role_customers_and_audit(vault, make_flow, qtbot):
    flow = make_flow(vault.vault_dir)
    sign_in_with(qtbot, flow, "admin", ADMIN_PASSWORD)
    window = main_window_with_summary(qtbot, flow)
    assert window.windowTitle() == "Desktop CRM — 管理员 Admin"
    assert window.user_label.text() == "管理员 Admin · Administrator"
    assert str(vault.vault_dir) in window.vault_label.toolTip()
    page = window.customers_page
    assert page.count_label.text() == f"{len(CUSTOMERS)} customers"
    assert page.model.rowCount() == len(CUSTOMERS)
    summary = window.summary  # the day's reminder upkeep may add audit events after it
    assert window.audit_label.isVisibleTo(window)
    assert window.audit_label.text() == "Audit log intact"
    assert window.audit_label.toolTip() == (
        f"{summary.audit_events} events, chain head {summary.audit_head[:12]}")
    assert flow.session.verify_audit().count >= summary.audit_events


def test_a_salesperson_sees_their_own_count_and_no_audit(vault, make_flow, qtbot):
    flow = make_flow(vault.vault_dir)
    sign_in_with(qtbot, flow, "sales2", SALES2_PASSWORD)
    window = main_window_with_summary(qtbot, flow)
    assert window.user_label.text() == "Sales Two · Salesperson"
    assert window.customers_page.count_label.text() == "0 customers"
    assert window.pages.currentWidget() is window.reminder_desk.hub_page  # today's work first
    window.show_customers()
    assert window.customers_page.empty_label.isVisibleTo(window)
    assert not window.audit_label.isVisibleTo(window)


def test_a_broken_audit_chain_is_named_in_red(vault, make_flow, qtbot):
    opened = Vault(vault.vault_dir).unlock("admin", ADMIN_PASSWORD, now=datetime.now(UTC))
    try:
        with opened.database.write_engine.begin() as conn:
            conn.execute(text("UPDATE audit_events SET detail = detail || ' ' WHERE seq = 3"))
    finally:
        opened.lock()
    flow = make_flow(vault.vault_dir)
    sign_in_with(qtbot, flow, "admin", ADMIN_PASSWORD)
    label = main_window_with_summary(qtbot, flow).audit_label
    assert label.text() == "Audit log altered at event 3"
    assert "color: #b3261e" in label.styleSheet()


def test_lock_returns_to_sign_in_and_drops_the_keys(vault, make_flow, qtbot, opened_sessions):
    flow = make_flow(vault.vault_dir)
    sign_in_with(qtbot, flow, "admin", ADMIN_PASSWORD)
    window = main_window_with_summary(qtbot, flow)
    session = opened_sessions[-1]
    assert window.lock_action.shortcut() == QKeySequence("Ctrl+Shift+L")
    window.lock_action.trigger()
    assert session.locked
    assert flow.session is None
    dialog = flow.window
    assert isinstance(dialog, SignInDialog)
    assert dialog.message.text() == "The vault is locked."
    assert not window.isVisible()
    # and signing in again works
    sign_in_with(qtbot, flow, "admin", ADMIN_PASSWORD)
    main_window_with_summary(qtbot, flow)


def test_idle_lock_fires_after_the_interval(vault, make_flow, qtbot, opened_sessions):
    flow = make_flow(vault.vault_dir, idle_lock_after=timedelta(milliseconds=300))
    sign_in_with(qtbot, flow, "admin", ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: isinstance(flow.window, MainWindow), timeout=20_000)
    qtbot.waitUntil(lambda: isinstance(flow.window, SignInDialog), timeout=5_000)
    assert opened_sessions[-1].locked
    assert flow.window.message.text() == "The vault was locked after a period of inactivity."


def test_a_throttled_sign_in_shows_the_seconds_and_holds_the_button(
    vault, make_flow, qtbot
):
    clock = FixedClock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    with pytest.raises(WrongPassword):  # then, at the same moment, the next try must wait 1 s
        sign_in(vault.vault_dir, "admin", "wrong", clock=clock)

    flow = make_flow(vault.vault_dir, sign_in_fn=lambda d, u, p: sign_in(d, u, p, clock=clock))
    sign_in_with(qtbot, flow, "admin", ADMIN_PASSWORD)
    dialog = flow.window
    assert dialog.throttled
    assert dialog.message.text() == "Too many failed sign-ins. You can try again in 1 s."
    assert not dialog.sign_in_button.isEnabled()
    dialog.attempt_sign_in()  # Enter while throttled does nothing either
    assert flow.window is dialog and flow.session is None

    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled(), timeout=5_000)
    assert dialog.message.text() == "You can try again now."
    clock.advance(timedelta(seconds=3))
    sign_in_with(qtbot, flow, "admin", ADMIN_PASSWORD)
    main_window_with_summary(qtbot, flow)


def test_a_one_time_password_leads_to_a_password_change_first(vault, make_flow, qtbot):
    from desktop_crm.ui.change_password import ChangePasswordDialog

    flow = make_flow(vault.vault_dir)
    sign_in_with(qtbot, flow, "sales1", vault.one_time_password)
    qtbot.waitUntil(lambda: isinstance(flow.window, ChangePasswordDialog), timeout=20_000)
    dialog = flow.window
    dialog.new_edit.setText("short")
    dialog.confirm_edit.setText("short")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.new_error.isVisibleTo(dialog), timeout=10_000)
    assert dialog.new_error.text() == "Must be at least 10 characters long"

    dialog.new_edit.setText("my own password 1")
    dialog.confirm_edit.setText("my own password 2")
    dialog.save_button.click()
    assert dialog.confirm_error.text() == "The two passwords differ."

    dialog.confirm_edit.setText("my own password 1")
    dialog.save_button.click()
    window = main_window_with_summary(qtbot, flow)
    assert window.user_label.text() == "销售一 Sales One · Salesperson"
    window.lock_action.trigger()
    again = sign_in(vault.vault_dir, "sales1", "my own password 1")
    try:
        assert not again.me().must_change_password
    finally:
        again.lock()


def test_giving_up_the_password_change_locks_again(vault, make_flow, qtbot, opened_sessions):
    from desktop_crm.ui.change_password import ChangePasswordDialog

    flow = make_flow(vault.vault_dir)
    sign_in_with(qtbot, flow, "sales1", vault.one_time_password)
    qtbot.waitUntil(lambda: isinstance(flow.window, ChangePasswordDialog), timeout=20_000)
    flow.window.cancel_button.click()
    assert isinstance(flow.window, SignInDialog)
    assert opened_sessions[-1].locked


def suspend_sales2(vault) -> None:
    admin = sign_in(vault.vault_dir, "admin", ADMIN_PASSWORD)
    try:
        admin.users.set_status(admin.users.find_by_username("sales2").id, UserStatus.SUSPENDED)
    finally:
        admin.lock()


def revoke_sales2(vault) -> None:
    admin = Vault(vault.vault_dir).unlock("admin", ADMIN_PASSWORD, now=datetime.now(UTC))
    try:
        sales2 = sign_in(vault.vault_dir, "sales2", SALES2_PASSWORD)
        user_id = sales2.user_id
        sales2.lock()
        admin.revoke_user_slot(user_id, datetime.now(UTC))
    finally:
        admin.lock()


def damage_database(vault) -> None:
    db = vault.vault_dir / "crm.db"
    data = bytearray(db.read_bytes())
    data[100:4096] = bytes(len(data[100:4096]))  # the first page, past the salt
    db.write_bytes(bytes(data))


@pytest.mark.parametrize(("damage", "message"), [
    (suspend_sales2, "This account is suspended. Ask an administrator to reactivate it."),
    (revoke_sales2, "This account was revoked: it no longer has access to this vault."),
    (damage_database, "The vault is damaged and cannot be opened. Restore it from a backup, "
                      "or ask an administrator for help."),
])
def test_each_refusal_has_its_own_words(vault, make_flow, qtbot, damage, message):
    damage(vault)
    flow = make_flow(vault.vault_dir)
    sign_in_with(qtbot, flow, "sales2", SALES2_PASSWORD)
    dialog = flow.window
    assert isinstance(dialog, SignInDialog)
    assert dialog.message.text() == message
    assert "Traceback" not in dialog.message.text()


def test_a_vanished_database_says_there_is_no_vault(vault, make_flow, qtbot):
    flow = make_flow(vault.vault_dir)
    (vault.vault_dir / "crm.db").unlink()
    sign_in_with(qtbot, flow, "admin", ADMIN_PASSWORD)
    assert flow.window.message.text() in (
        "There is no vault in this folder.",
        "The vault is damaged and cannot be opened. Restore it from a backup, or ask an "
        "administrator for help.",
    )


def test_quitting_from_the_main_window_locks(vault, make_flow, qtbot, opened_sessions):
    flow = make_flow(vault.vault_dir)
    ended = []
    flow.flow_did_end.connect(lambda: ended.append(True))
    sign_in_with(qtbot, flow, "admin", ADMIN_PASSWORD)
    window = main_window_with_summary(qtbot, flow)
    window.close()
    assert ended == [True]
    assert opened_sessions[-1].locked


def test_the_idle_lock_follows_the_vaults_policy(vault, make_flow, qtbot):
    admin = sign_in(vault.vault_dir, "admin", ADMIN_PASSWORD)
    try:
        admin.policies.set_idle_lock_minutes(3)
    finally:
        admin.lock()
    flow = make_flow(vault.vault_dir)  # the backend leaves the interval to the vault
    sign_in_with(qtbot, flow, "sales2", SALES2_PASSWORD)
    window = main_window_with_summary(qtbot, flow)
    assert window.idle_watcher.interval == timedelta(minutes=3)


def test_a_key_rotated_by_another_sign_in_locks_the_window_and_says_why(
        vault, make_flow, qtbot, opened_sessions):
    flow = make_flow(vault.vault_dir)
    sign_in_with(qtbot, flow, "sales2", SALES2_PASSWORD)
    window = main_window_with_summary(qtbot, flow)
    session = opened_sessions[-1]
    admin = sign_in(vault.vault_dir, "admin", ADMIN_PASSWORD)
    try:
        admin.rotate_data_key()  # what a departure does
    finally:
        admin.lock()
    window.refresh_summary()
    qtbot.waitUntil(lambda: isinstance(flow.window, SignInDialog), timeout=20_000)
    assert session.locked
    assert "key was changed by another sign-in" in flow.window.message.text()
    sign_in_with(qtbot, flow, "sales2", SALES2_PASSWORD)  # the same password still works
    main_window_with_summary(qtbot, flow)


def test_a_suspension_ends_the_open_session_at_its_next_call(
        vault, make_flow, qtbot, opened_sessions):
    flow = make_flow(vault.vault_dir)
    sign_in_with(qtbot, flow, "sales2", SALES2_PASSWORD)
    window = main_window_with_summary(qtbot, flow)
    admin = sign_in(vault.vault_dir, "admin", ADMIN_PASSWORD)
    try:
        admin.users.set_status(admin.users.find_by_username("sales2").id, UserStatus.SUSPENDED)
    finally:
        admin.lock()
    window.refresh_summary()
    qtbot.waitUntil(lambda: isinstance(flow.window, SignInDialog), timeout=20_000)
    assert flow.window.message.text() == (
        "This account is suspended. Ask an administrator to reactivate it.")


def test_a_late_refusal_for_the_old_session_leaves_the_new_one_open(
        vault, make_flow, ops, qtbot):
    flow = make_flow(vault.vault_dir)
    sign_in_with(qtbot, flow, "admin", ADMIN_PASSWORD)
    main_window_with_summary(qtbot, flow)
    old_session = flow.session
    gate = threading.Event()
    finished = threading.Event()

    def slow_read() -> int:  # an audit search still running when the person locks
        gate.wait(20)
        try:
            return old_session.alerts.unacknowledged_count()
        finally:
            finished.set()

    ops.run(slow_read, lane=Lane.READ)
    flow.lock()
    sign_in_with(qtbot, flow, "admin", ADMIN_PASSWORD)
    main_window_with_summary(qtbot, flow)
    gate.set()  # the old call now fails with "the vault is locked"
    qtbot.waitUntil(finished.is_set, timeout=10_000)
    qtbot.waitUntil(lambda: not ops.busy, timeout=10_000)
    assert isinstance(flow.window, MainWindow) and flow.session is not None
