"""Start the GUI: one QApplication, the translators, the preferences, then the window flow."""

from __future__ import annotations

import gc
import linecache
import signal
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_crm import config
from desktop_crm.ui.backend import Backend
from desktop_crm.ui.collector import GuiThreadCollector
from desktop_crm.ui.flow import AppFlow
from desktop_crm.ui.i18n import install_translators, system_locale_name
from desktop_crm.ui.ops import Operations
from desktop_crm.ui.settings import Preferences
from desktop_crm.ui.theme import apply_theme


def run_gui(backend: Backend, vault_arg: str | None, qt_argv: Sequence[str] = ()) -> int:
    """Show the set-up wizard or sign-in, and run until the person quits."""
    app = QApplication([sys.argv[0] if sys.argv else config.APP_NAME, *qt_argv])
    app.setOrganizationName(config.ORGANIZATION_NAME)
    app.setApplicationName(config.APP_NAME)
    app.setApplicationDisplayName("Desktop CRM")
    app.setQuitOnLastWindowClosed(False)  # between two windows of the flow none is open
    apply_theme(app)
    translators = install_translators(app, config.ui_language(system_locale=system_locale_name()))

    preferences = Preferences.for_this_user()
    vault_dir = config.resolve_vault_dir(vault_arg, preferences.stored_vault_dir())
    ops = Operations(app)
    flow = AppFlow(backend, ops, preferences, vault_dir)
    flow.flow_did_end.connect(app.quit)
    _quit_on_termination_signals(flow)
    settle_memory()
    collector = GuiThreadCollector(app)
    collector.start()
    flow.start()
    try:
        return app.exec()
    finally:
        ops.wait_for_workers()
        if flow.session is not None:
            flow.session.lock()
        del translators


def settle_memory() -> None:
    """Once every module is loaded and before any vault is opened.

    What is alive now (modules, Qt's wrappers) lives as long as the app: frozen, a full
    garbage collection no longer walks it (such a pass runs on whichever thread allocates
    and held the window still for 50-90 ms). Nothing of a session is frozen, so a locked
    session's objects are still collected. PySide6's __feature__ import hook also read the
    source of each module imported after it into linecache (~20 MiB nobody reads again).
    """
    gc.collect()
    gc.freeze()
    linecache.clearcache()


def _quit_on_termination_signals(flow: AppFlow) -> None:
    """Ctrl+C in a terminal or a polite kill locks the vault and quits instead of dying."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: flow.quit())
    # Python runs signal handlers only between bytecodes: wake it up now and then.
    ticker = QTimer(flow)
    ticker.timeout.connect(lambda: None)
    ticker.start(300)
