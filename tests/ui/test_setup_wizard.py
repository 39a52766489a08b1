"""The first-run wizard creates a real vault, shows the recovery code once, refuses bad input."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QWizard

from desktop_crm.security.recovery import parse_recovery_code
from desktop_crm.services.session import sign_in
from desktop_crm.storage.vault import Vault
from desktop_crm.ui import prompts
from desktop_crm.ui.setup.wizard import SetupWizard
from desktop_crm.ui.sign_in import SignInDialog

GOOD_PASSWORD = "a long enough password"
CODE_SHAPE = re.compile(r"^([A-Z2-7]{4}-){6}[A-Z2-7]{4}\n([A-Z2-7]{4}-){6}[A-Z2-7]{4}$")


def open_admin_page(flow) -> SetupWizard:
    wizard = flow.window
    assert isinstance(wizard, SetupWizard)
    wizard.next()
    assert wizard.currentId() == SetupWizard.ADMIN
    return wizard


def fill_admin(wizard: SetupWizard, username: str, password: str, confirm: str | None = None):
    page = wizard.admin_page
    page.username_edit.setText(username)
    page.display_name_edit.setText("王芳")
    page.password_edit.setText(password)
    page.confirm_edit.setText(password if confirm is None else confirm)
    wizard.next()
    return page


def test_wizard_creates_the_vault_and_shows_the_recovery_code_once(tmp_path, make_flow, qtbot):
    vault_dir = tmp_path / "new vault"
    flow = make_flow(vault_dir)
    wizard = open_admin_page(flow)
    assert wizard.location_page.chosen_dir() == vault_dir  # the default is shown
    fill_admin(wizard, "boss", GOOD_PASSWORD)
    qtbot.waitUntil(lambda: wizard.currentId() == SetupWizard.RECOVERY, timeout=20_000)

    code = wizard.recovery_page.code_label.text()
    assert CODE_SHAPE.match(code), code
    parse_recovery_code(code)  # a code this app can read back
    assert Vault.exists(vault_dir)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wizard.recovery_page.stored_check.setChecked(True)
    assert finish.isEnabled()
    finish.click()

    dialog = flow.window
    assert isinstance(dialog, SignInDialog)
    assert dialog.username_edit.text() == "boss"
    assert wizard.recovery_page.code_label.text() == ""  # not kept around after Finish
    session = sign_in(vault_dir, "boss", GOOD_PASSWORD)
    try:
        assert session.me().display_name == "王芳"
        assert session.me().roles == ("admin",)
    finally:
        session.lock()


def test_an_invalid_user_name_is_shown_at_the_field_and_creates_nothing(
    tmp_path, make_flow, qtbot
):
    vault_dir = tmp_path / "vault"
    wizard = open_admin_page(make_flow(vault_dir))
    page = fill_admin(wizard, "no spaces allowed", GOOD_PASSWORD)
    qtbot.waitUntil(lambda: page.username_error.isVisibleTo(page), timeout=10_000)
    assert page.username_error.text().startswith("Use 2–64 letters")
    assert not page.password_error.isVisibleTo(page)
    assert wizard.currentId() == SetupWizard.ADMIN
    assert not vault_dir.exists() or not any(vault_dir.iterdir())


def test_a_short_password_is_shown_at_the_field_and_creates_nothing(tmp_path, make_flow, qtbot):
    vault_dir = tmp_path / "vault"
    wizard = open_admin_page(make_flow(vault_dir))
    page = fill_admin(wizard, "boss", "short")
    qtbot.waitUntil(lambda: page.password_error.isVisibleTo(page), timeout=10_000)
    assert page.password_error.text() == "Must be at least 10 characters long"
    assert page.message.text() == ""  # the progress line is gone
    assert wizard.currentId() == SetupWizard.ADMIN
    assert not Vault.exists(vault_dir)


def test_two_different_passwords_are_refused_before_anything_runs(tmp_path, make_flow):
    vault_dir = tmp_path / "vault"
    wizard = open_admin_page(make_flow(vault_dir))
    page = fill_admin(wizard, "boss", GOOD_PASSWORD, confirm=GOOD_PASSWORD + "!")
    assert page.confirm_error.text() == "The two passwords differ."
    assert not page.busy
    assert not vault_dir.exists()


def test_a_folder_with_a_vault_is_refused_and_offered_for_sign_in(
    vault, tmp_path, make_flow, preferences
):
    flow = make_flow(tmp_path / "empty")
    wizard = flow.window
    page = wizard.location_page
    with prompts.scripted(vault.vault_dir) as asked:
        page.choose_button.click()
    assert asked[0].kind == "directory"
    assert page.chosen_dir() == vault.vault_dir
    wizard.next()
    assert wizard.currentId() == SetupWizard.LOCATION
    assert page.path_error.text().startswith("This folder already holds a vault")
    assert page.use_existing_button.isVisibleTo(page)

    page.use_existing_button.click()
    dialog = flow.window
    assert isinstance(dialog, SignInDialog)
    assert flow.vault_dir == vault.vault_dir
    assert preferences.stored_vault_dir() == str(vault.vault_dir)  # the next start opens it


def test_closing_before_confirming_the_code_asks_first(tmp_path, make_flow, qtbot):
    flow = make_flow(tmp_path / "vault")
    wizard = open_admin_page(flow)
    fill_admin(wizard, "boss", GOOD_PASSWORD)
    qtbot.waitUntil(lambda: wizard.currentId() == SetupWizard.RECOVERY, timeout=20_000)
    with prompts.scripted(False) as asked:
        wizard.reject()
    assert asked[0].kind == "confirm"
    assert flow.window is wizard and wizard.isVisible()
    with prompts.scripted(True):
        wizard.reject()
    assert isinstance(flow.window, SignInDialog)  # the vault exists: sign in to it


def test_an_unwritable_or_relative_folder_is_refused(tmp_path, make_flow):
    wizard = make_flow(tmp_path / "vault").window
    page = wizard.location_page
    page.path_edit.setText("relative/folder")
    wizard.next()
    assert page.path_error.text() == "Give the full path of the folder."
    a_file = tmp_path / "a file"
    a_file.write_text("x")
    page.path_edit.setText(str(a_file))
    wizard.next()
    assert page.path_error.text() == "This is a file, not a folder."
    assert wizard.currentId() == SetupWizard.LOCATION
    assert not Path(tmp_path / "vault").exists()
