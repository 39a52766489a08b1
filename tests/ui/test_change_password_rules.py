"""The change-password dialog says the vault's password rules and checks them as one types."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop_crm.services.session import sign_in
from desktop_crm.ui.change_password import ChangePasswordDialog
from tests.ui.conftest import ADMIN_PASSWORD


@pytest.fixture
def strict_rules(vault):
    admin = sign_in(vault.vault_dir, "admin", ADMIN_PASSWORD)
    try:
        admin.policies.update(password_min_length=12, password_letters_and_digits=True)
    finally:
        admin.lock()


@pytest.fixture
def dialog_for_sales1(vault, ops, qtbot, opened_sessions):
    def open_dialog() -> ChangePasswordDialog:
        session = sign_in(vault.vault_dir, "sales1", vault.one_time_password)
        opened_sessions.append(session)
        dialog = ChangePasswordDialog(session, ops, vault.one_time_password)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.rules is not None)
        return dialog

    return open_dialog


def _type(qtbot, dialog, text):
    qtbot.keyClicks(dialog.new_edit, text)
    return dialog.new_error.text() if dialog.new_error.isVisibleTo(dialog) else ""


def test_the_rules_are_shown_and_checked_while_typing(strict_rules, dialog_for_sales1, qtbot):
    dialog = dialog_for_sales1()
    assert dialog.rules_hint.isVisibleTo(dialog)
    assert dialog.rules_hint.text() == (
        "Your password needs at least 12 characters, with both letters and digits.")
    assert not dialog.new_error.isVisibleTo(dialog)  # nothing typed, nothing to say yet

    assert _type(qtbot, dialog, "abc") == "Must be at least 12 characters long"
    assert _type(qtbot, dialog, "defghijkl") == "Must contain both letters and digits"
    assert _type(qtbot, dialog, "7") == ""
    assert _type(qtbot, dialog, " ") == "Must not start or end with spaces"
    dialog.new_edit.selectAll()
    qtbot.keyClick(dialog.new_edit, Qt.Key.Key_Backspace)  # emptied: nothing to say
    assert dialog.new_edit.text() == ""
    assert not dialog.new_error.isVisibleTo(dialog)


def test_a_password_breaking_the_rules_is_refused_before_the_service(
        strict_rules, dialog_for_sales1, qtbot, vault):
    dialog = dialog_for_sales1()
    dialog.new_edit.setText("onlyletterslong")
    dialog.confirm_edit.setText("onlyletterslong")
    dialog.save_button.click()
    assert dialog.new_error.text() == "Must contain both letters and digits"
    assert dialog.save_button.isEnabled()  # nothing was sent: not busy

    dialog.new_edit.setText("letters and 42 digits")
    dialog.confirm_edit.setText("letters and 42 digits")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    again = sign_in(vault.vault_dir, "sales1", "letters and 42 digits")
    try:
        assert not again.me().must_change_password
    finally:
        again.lock()


def test_the_default_rules_and_the_one_time_password_itself(dialog_for_sales1, qtbot, vault):
    dialog = dialog_for_sales1()
    assert dialog.rules_hint.text() == "Your password needs at least 10 characters."
    assert _type(qtbot, dialog, "only letters") == ""
    dialog.new_edit.clear()
    assert _type(qtbot, dialog, vault.one_time_password) == (
        "Must differ from the current password")
