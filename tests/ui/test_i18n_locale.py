"""The interface's language also decides how dates and weekdays are written."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale

from desktop_crm.config import CHINESE
from desktop_crm.ui.i18n import install_translators, installed_language, remove_translators


def test_a_chinese_interface_writes_dates_in_chinese_until_it_is_removed(qapp) -> None:
    system = QLocale.system().language()
    translators = install_translators(qapp, CHINESE)
    try:
        assert installed_language() == CHINESE
        assert QLocale().language() == QLocale.Language.Chinese
        assert "星期" in QLocale().toString(QDate(2026, 11, 24), "dddd")
    finally:
        remove_translators(qapp, translators)
    assert QLocale().language() == system
