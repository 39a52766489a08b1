"""The vault's remember-me policy, read right after unlocking: a ticked box is not honoured
and a remembering device forgets the user when the policy forbids it, and the sign-in dialog
says so before it closes. An in-memory keyring stands in for the system's."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from desktop_crm.services.session import device_remembers, sign_in, sign_in_remembered
from desktop_crm.ui.flow import AppFlow
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.sign_in import SignInDialog
from tests.ui.conftest import ADMIN_PASSWORD, SALES2_PASSWORD
from tests.unit.security.memory_keyring import memory_keyring

__all__ = ["memory_keyring"]  # the fixture

NOT_REMEMBERED = ("Signed in. This computer will not remember you: your company's policy does "
                  "not allow it.")
FORGOTTEN = ("Signed in. This computer no longer remembers you: your company's policy does "
             "not allow it any more.")


@pytest.fixture
def backend(make_backend, memory_keyring, opened_sessions):
    """The app's keyring wiring (as app.py builds it) over the in-memory keyring."""

    def remembered_sign_in(directory, username):
        session = sign_in_remembered(directory, username, memory_keyring)
        opened_sessions.append(session)
        return session

    return replace(
        make_backend(keyring=memory_keyring.status()),
        remember_device=lambda session: session.remember_device(memory_keyring),
        forget_device=lambda session: session.forget_device(memory_keyring),
        device_remembers=lambda directory, username: device_remembers(
            directory, username, memory_keyring),
        sign_in_remembered=remembered_sign_in)


def _set_remember_me(vault, allowed: bool) -> None:
    admin = sign_in(vault.vault_dir, "admin", ADMIN_PASSWORD)
    try:
        admin.policies.update(remember_me_allowed=allowed)
    finally:
        admin.lock()


def _remember_sales2(vault, memory_keyring) -> None:
    session = sign_in(vault.vault_dir, "sales2", SALES2_PASSWORD)
    try:
        session.remember_device(memory_keyring)
    finally:
        session.lock()
    assert device_remembers(vault.vault_dir, "sales2", memory_keyring)


def _dialog(backend, ops, qtbot, vault, username=""):
    dialog = SignInDialog(backend, ops, vault.vault_dir, username=username)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _sign_in_with_password(dialog, *, remember: bool):
    dialog.username_edit.setText("sales2")
    dialog.password_edit.setText(SALES2_PASSWORD)
    dialog.remember_check.setChecked(remember)
    dialog.sign_in_button.click()


def test_a_ticked_box_is_not_honoured_when_the_policy_forbids_it(
        vault, backend, ops, qtbot, memory_keyring):
    _set_remember_me(vault, False)
    dialog = _dialog(backend, ops, qtbot, vault)
    assert dialog.remember_me_offered  # the policy is unknown until the vault is open
    signed: list = []
    dialog.sign_in_did_succeed.connect(lambda s, _p: signed.append(s))
    _sign_in_with_password(dialog, remember=True)
    qtbot.waitUntil(lambda: dialog.device_note != "", timeout=20_000)

    assert dialog.device_note == NOT_REMEMBERED
    assert dialog.sign_in_button.text() == "Continue"
    assert not dialog.cancel_button.isEnabled()
    assert signed == [] and dialog.isVisible()  # it waits until the person has read it
    assert not device_remembers(vault.vault_dir, "sales2", memory_keyring)

    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Continue is the default button
    assert [s.actor.username for s in signed] == ["sales2"]
    assert not dialog.isVisible()


def test_the_box_is_honoured_when_the_policy_allows_it(vault, backend, ops, qtbot,
                                                       memory_keyring):
    dialog = _dialog(backend, ops, qtbot, vault)
    with qtbot.waitSignal(dialog.sign_in_did_succeed, timeout=20_000):
        _sign_in_with_password(dialog, remember=True)
    assert device_remembers(vault.vault_dir, "sales2", memory_keyring)


def test_a_remembering_device_forgets_the_user_and_asks_for_the_password_at_one_click(
        vault, backend, ops, qtbot, memory_keyring, opened_sessions):
    _remember_sales2(vault, memory_keyring)
    _set_remember_me(vault, False)  # turned off since
    dialog = _dialog(backend, ops, qtbot, vault, username="sales2")
    assert dialog.device_button.isVisible()
    dialog.device_button.click()
    qtbot.waitUntil(lambda: dialog.password_edit.isEnabled(), timeout=20_000)

    # no password-free session any more: the device is forgotten and the password asked for
    assert dialog.message.text().startswith("This computer no longer remembers you")
    assert not dialog.device_button.isVisible()
    assert not device_remembers(vault.vault_dir, "sales2", memory_keyring)
    assert opened_sessions and all(s.locked for s in opened_sessions)
    with qtbot.waitSignal(dialog.sign_in_did_succeed, timeout=20_000):
        _sign_in_with_password(dialog, remember=False)


def test_a_remembering_device_forgets_the_user_at_a_password_sign_in_too(
        vault, backend, ops, qtbot, memory_keyring):
    _remember_sales2(vault, memory_keyring)
    _set_remember_me(vault, False)
    dialog = _dialog(backend, ops, qtbot, vault)
    _sign_in_with_password(dialog, remember=False)
    qtbot.waitUntil(lambda: dialog.device_note != "", timeout=20_000)
    assert dialog.device_note == FORGOTTEN
    assert not device_remembers(vault.vault_dir, "sales2", memory_keyring)
    dialog.sign_in_button.click()

    # the next sign-in has nothing left to forget: no note, the dialog just closes
    again = _dialog(backend, ops, qtbot, vault)
    with qtbot.waitSignal(again.sign_in_did_succeed, timeout=20_000):
        _sign_in_with_password(again, remember=False)
    assert again.device_note == ""


def test_the_main_window_opens_after_continue(vault, backend, ops, preferences, qtbot):
    _set_remember_me(vault, False)
    flow = AppFlow(backend, ops, preferences, vault.vault_dir)
    flow.start()
    try:
        dialog = flow.window
        _sign_in_with_password(dialog, remember=True)
        qtbot.waitUntil(lambda: dialog.device_note != "", timeout=20_000)
        assert flow.window is dialog
        dialog.sign_in_button.click()
        qtbot.waitUntil(lambda: isinstance(flow.window, MainWindow), timeout=20_000)
    finally:
        flow.quit()
