"""Loading the Simplified Chinese catalogue (the app's own and Qt's standard buttons)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_crm.config import CHINESE

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
CATALOGUE = "desktop_crm"


def system_locale_name() -> str:
    return QLocale.system().name()


_installed_language = ""


def installed_language() -> str:
    """The language the interface speaks ("zh_CN", "en"): generated text follows it."""
    return _installed_language or "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the catalogues for `language`; keep the returned objects alive while in use.

    English needs a catalogue too: it holds only the plural forms ("1 customer", "2 customers").
    """
    global _installed_language
    _installed_language = language
    if QLocale(language).language() != QLocale.system().language():
        # dates and weekday names speak the interface's language, not the system's
        QLocale.setDefault(QLocale(language))
    catalogues = [(f"{CATALOGUE}_{language}", str(TRANSLATIONS_DIR))]
    if language == CHINESE:  # Qt's own words: standard buttons, wizard buttons
        catalogues.append(
            (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    installed: list[QTranslator] = []
    for name, directory in catalogues:
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    global _installed_language
    for translator in translators:
        app.removeTranslator(translator)
    _installed_language = ""
    QLocale.setDefault(QLocale.system())


def filled(template: str, *values: object) -> str:
    """A translated template with its %1, %2... replaced in one pass (so a value holding
    "%2" stays as typed)."""
    return re.sub(r"%([1-9])", lambda m: str(values[int(m.group(1)) - 1])
                  if int(m.group(1)) <= len(values) else m.group(0), template)
