"""Start the GUI: one QApplication, the translators, the preferences, then the window flow."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from desktop_crm import config
from desktop_crm.ui.backend import Backend
from desktop_crm.ui.flow import AppFlow
from desktop_crm.ui.i18n import install_translators, system_locale_name
from desktop_crm.ui.ops import Operations
from desktop_crm.ui.settings import Preferences


def run_gui(backend: Backend, vault_arg: str | None, qt_argv: Sequence[str] = ()) -> int:
    """Show the set-up wizard or sign-in, and run until the person quits."""
    app = QApplication([sys.argv[0] if sys.argv else config.APP_NAME, *qt_argv])
    app.setOrganizationName(config.ORGANIZATION_NAME)
    app.setApplicationName(config.APP_NAME)
    app.setApplicationDisplayName("Desktop CRM")
    app.setQuitOnLastWindowClosed(False)  # between two windows of the flow none is open
    translators = install_translators(app, config.ui_language(system_locale=system_locale_name()))

    preferences = Preferences.for_this_user()
    vault_dir = config.resolve_vault_dir(vault_arg, preferences.stored_vault_dir())
    ops = Operations(app)
    flow = AppFlow(backend, ops, preferences, vault_dir)
    flow.flow_did_end.connect(app.quit)
    flow.start()
    try:
        return app.exec()
    finally:
        if flow.session is not None:
            flow.session.lock()
        ops.wait_for_workers()
        del translators
