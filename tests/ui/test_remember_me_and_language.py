""""Remember me" appears only with a trusted keyring; the Chinese catalogue loads."""

from __future__ import annotations

from dataclasses import replace

from desktop_crm.config import CHINESE
from desktop_crm.domain.errors import WrongPassword
from desktop_crm.security.keyring_store import KeyringStatus
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.i18n import install_translators, remove_translators
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.sign_in import SignInDialog
from tests.ui.conftest import ADMIN_PASSWORD

TRUSTED = KeyringStatus(True, "", "keyring.backends.SecretService.Keyring")


def test_without_a_trusted_keyring_the_box_is_hidden_and_the_reason_shown(
    vault, make_backend, ops, qtbot
):
    dialog = SignInDialog(make_backend(), ops, vault.vault_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.remember_check.isVisible()
    assert dialog.remember_reason.isVisible()
    assert dialog.remember_reason.text().startswith("No system keyring is available")
    assert dialog.remember_reason.toolTip() == dialog.remember_reason.text()


def test_with_a_trusted_keyring_the_device_is_remembered_on_request(
    vault, make_flow, qtbot
):
    remembered = []
    flow = make_flow(vault.vault_dir, keyring=TRUSTED, remember_device=remembered.append)
    dialog = flow.window
    assert dialog.remember_me_offered and dialog.remember_check.isVisible()
    assert not dialog.remember_reason.isVisible()
    dialog.username_edit.setText("admin")
    dialog.password_edit.setText(ADMIN_PASSWORD)
    dialog.remember_check.setChecked(True)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: isinstance(flow.window, MainWindow), timeout=20_000)
    assert remembered == [flow.session]


def test_an_unticked_box_remembers_nothing(vault, make_flow, qtbot):
    remembered = []
    flow = make_flow(vault.vault_dir, keyring=TRUSTED, remember_device=remembered.append)
    flow.window.username_edit.setText("admin")
    flow.window.password_edit.setText(ADMIN_PASSWORD)
    flow.window.sign_in_button.click()
    qtbot.waitUntil(lambda: isinstance(flow.window, MainWindow), timeout=20_000)
    assert remembered == []


def test_services_without_remembering_hide_the_box_too(vault, make_backend, ops, qtbot):
    dialog = SignInDialog(make_backend(keyring=TRUSTED, remember_device=None), ops,
                          vault.vault_dir)
    qtbot.addWidget(dialog)
    assert not dialog.remember_me_offered
    assert dialog.remember_reason.text() == (
        "This version of the app cannot remember you on this device.")


def test_the_sign_in_dialog_speaks_chinese_with_the_catalogue(
    vault, make_backend, ops, qapp, qtbot
):
    translators = install_translators(qapp, CHINESE)
    try:
        assert len(translators) == 2  # the app's catalogue and Qt's own
        dialog = SignInDialog(make_backend(), ops, vault.vault_dir)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "登录 — 桌面 CRM"
        assert dialog.sign_in_button.text() == "登录"
        assert dialog.remember_reason.text().startswith("这台电脑上没有可用的系统密钥环")
        assert error_text(WrongPassword("wrong user name or password")) == "用户名或密码错误。"
    finally:
        remove_translators(qapp, translators)
    english = SignInDialog(make_backend(), ops, vault.vault_dir)
    qtbot.addWidget(english)
    assert english.windowTitle() == "Sign in — Desktop CRM"


def test_a_remembered_user_signs_in_with_one_click(vault, make_backend, ops, qtbot):
    from desktop_crm.domain.errors import KeyringUnavailable

    asked: list[tuple[object, str]] = []
    backend = make_backend(keyring=TRUSTED)

    def sign_in_remembered(directory, username):
        asked.append((directory, username))
        return backend.sign_in(directory, username, ADMIN_PASSWORD)

    remembered = {"admin"}
    device = replace(backend, device_remembers=lambda d, u: u in remembered,
                     sign_in_remembered=sign_in_remembered)
    dialog = SignInDialog(device, ops, vault.vault_dir, username="admin")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.device_button.isVisible()

    # another name this device does not remember: no button
    dialog.username_edit.setText("sales1")
    dialog.username_edit.editingFinished.emit()
    assert not dialog.device_button.isVisible()

    dialog.username_edit.setText("admin")
    dialog.username_edit.editingFinished.emit()
    with qtbot.waitSignal(dialog.sign_in_did_succeed, timeout=20_000) as signed:
        dialog.device_button.click()
    assert asked == [(vault.vault_dir, "admin")]
    assert signed.args[0].actor.username == "admin"
    assert signed.args[1] == ""  # no password travelled

    # a forgotten device: the message says so and the button goes
    remembered.clear()

    def forgotten(directory, username):
        raise KeyringUnavailable("this computer does not remember you: sign in with your "
                                 "password")

    stale = SignInDialog(replace(device, sign_in_remembered=forgotten), ops, vault.vault_dir,
                         username="admin")
    qtbot.addWidget(stale)
    stale.show()
    assert not stale.device_button.isVisible()
    stale.attempt_device_sign_in()
    qtbot.waitUntil(lambda: stale.message.text() != "" and "Opening" not in stale.message.text(),
                    timeout=10_000)
    assert "does not remember you" in stale.message.text()


def test_without_a_keyring_there_is_no_one_click_sign_in(vault, make_backend, ops, qtbot):
    backend = replace(make_backend(), device_remembers=lambda d, u: True,
                      sign_in_remembered=lambda d, u: None)
    dialog = SignInDialog(backend, ops, vault.vault_dir, username="admin")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.device_button.isVisible()


def test_a_failing_keyring_or_key_file_only_hides_the_button(vault, make_backend, ops, qtbot):
    from desktop_crm.domain.errors import VaultDamaged

    def damaged(directory, username):
        raise VaultDamaged("the key file crm.keys is damaged")

    backend = replace(make_backend(keyring=TRUSTED), device_remembers=damaged,
                      sign_in_remembered=lambda d, u: None)
    dialog = SignInDialog(backend, ops, vault.vault_dir, username="admin")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.device_button.isVisible()
    assert dialog.sign_in_button.isEnabled()  # the password sign-in still works
