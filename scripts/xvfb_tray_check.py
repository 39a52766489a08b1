"""Show an admin's new-alert notification in a real system tray, under an X server.

    xvfb-run -a python scripts/xvfb_tray_check.py [SCREEN.png]     (needs trayer)

Offscreen Qt has no tray; the tests check the alert watcher through its notifier seam. This
script shows it once for real: a bare X server, `trayer` as the tray, the admin's main window,
a role change made by another session (which raises an alert), the watcher's next look. It
prints what the tray showed, saves the screen when a path is given, and exits 1 when the
tray icon or the message did not appear.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("DESKTOP_CRM_KDF", "fast-for-tests")  # a demo vault needs no real KDF

from desktop_crm.app import build_backend
from desktop_crm.services.demo import build_demo_vault

PASSWORD = "correct horse battery"
backend = build_backend()  # the services before Qt, as the app imports them
tmp = tempfile.TemporaryDirectory()
vault_dir = Path(tmp.name) / "vault"
build_demo_vault(vault_dir, customers=200, seed=7, today=date(2026, 11, 23), password=PASSWORD)

from PySide6.QtWidgets import QApplication, QSystemTrayIcon  # noqa: E402
from xvfb_tray import balloon_text, spin, start_tray_host  # noqa: E402

from desktop_crm.ui.backend import SignedIn  # noqa: E402
from desktop_crm.ui.i18n import install_translators  # noqa: E402
from desktop_crm.ui.main_window import MainWindow  # noqa: E402
from desktop_crm.ui.ops import Operations  # noqa: E402

app = QApplication([sys.argv[0]])
tray_host = start_tray_host()
translators = install_translators(app, "en")  # English plural forms, as the app shows them


try:
    spin(app, 1.0)  # let the tray host claim the tray selection
    tray_ready = QSystemTrayIcon.isSystemTrayAvailable()
    ops = Operations(app)
    admin = backend.sign_in(vault_dir, "admin", PASSWORD)
    window = MainWindow(SignedIn(admin, admin.me()), ops, idle_lock_after=timedelta(hours=1))
    window.setGeometry(0, 40, 900, 600)
    window.show()
    spin(app, 2.0)
    watcher = window.alert_watcher
    assert watcher is not None
    before = watcher.count
    other = backend.sign_in(vault_dir, "admin", PASSWORD)
    sales = other.users.find_by_username("sales_east1")
    other.users.set_roles(sales.id, ["sales", "service"])  # raises a role-change alert
    other.lock()
    watcher.poll()
    deadline = time.time() + 10
    shown = ""
    while time.time() < deadline and not shown:
        spin(app, 0.2)
        shown = balloon_text(app)
    if len(sys.argv) > 1:
        app.primaryScreen().grabWindow(0).save(sys.argv[1])
    print(f"tray available: {tray_ready}; open alerts {before} -> {watcher.count}")
    print(f"tray message: {shown or '(none)'}")
    window.close_for_lock()
    admin.lock()
    ok = tray_ready and bool(shown)
finally:
    tray_host.terminate()
sys.exit(0 if ok else 1)
