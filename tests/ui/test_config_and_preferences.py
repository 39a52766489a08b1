"""Settings declared once: the vault folder's order of precedence, the language, QSettings."""

from __future__ import annotations

from pathlib import Path

from desktop_crm import config


def test_vault_folder_precedence():
    default = config.default_vault_dir()
    assert default.name == "desktop-crm"
    assert config.resolve_vault_dir(None, "") == default
    assert config.resolve_vault_dir(None, "/srv/shared") == Path("/srv/shared")
    assert config.resolve_vault_dir("/mnt/usb", "/srv/shared") == Path("/mnt/usb")


def test_language_from_the_environment_then_the_system():
    assert config.ui_language({"DESKTOP_CRM_LANG": "zh_CN"}, "en_US") == "zh_CN"
    assert config.ui_language({"DESKTOP_CRM_LANG": "en"}, "zh_CN") == "en"
    assert config.ui_language({}, "zh_TW") == "zh_CN"
    assert config.ui_language({}, "de_DE") == "en"


def test_the_wizard_folder_is_stored_and_the_default_is_not(preferences, tmp_path):
    preferences.remember_vault_dir(tmp_path / "shared")
    assert preferences.stored_vault_dir() == str(tmp_path / "shared")
    preferences.remember_vault_dir(config.default_vault_dir())
    assert preferences.stored_vault_dir() == ""
