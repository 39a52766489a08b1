"""Show a reminder falling due for real: the tray message and the in-app banner, under an X
server.

    xvfb-run -a python scripts/xvfb_reminder_check.py [SCREEN.png]     (needs trayer)

Offscreen Qt has no tray; the tests drive the due watcher through its notifier seam. This
script shows it once for real: a bare X server, `trayer` as the tray, a salesperson's main
window on a demo vault, a reminder made by another session that falls due a few seconds
later. It prints what the tray and the banner showed, saves the screen when a path is given,
and exits 1 when either did not appear.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("DESKTOP_CRM_KDF", "fast-for-tests")  # a demo vault needs no real KDF

from desktop_crm.app import build_backend
from desktop_crm.services.demo import build_demo_vault

PASSWORD = "correct horse battery"
TITLE = "回访张伟：确认报价"
backend = build_backend()  # the services before Qt, as the app imports them
tmp = tempfile.TemporaryDirectory()
vault_dir = Path(tmp.name) / "vault"
build_demo_vault(vault_dir, customers=200, seed=7, today=date.today(), password=PASSWORD)

from PySide6.QtWidgets import QApplication, QLabel, QSystemTrayIcon  # noqa: E402
from xvfb_tray import balloon_text, spin, start_tray_host  # noqa: E402

from desktop_crm.ui.backend import SignedIn  # noqa: E402
from desktop_crm.ui.i18n import install_translators  # noqa: E402
from desktop_crm.ui.main_window import MainWindow  # noqa: E402
from desktop_crm.ui.ops import Operations  # noqa: E402

app = QApplication([sys.argv[0]])
tray_host = start_tray_host()
translators = install_translators(app, "zh_CN")


try:
    spin(app, 1.0)  # let the tray host claim the tray selection
    tray_ready = QSystemTrayIcon.isSystemTrayAvailable()
    ops = Operations(app)
    sales = backend.sign_in(vault_dir, "sales_east1", PASSWORD)
    window = MainWindow(SignedIn(sales, sales.me()), ops, idle_lock_after=timedelta(hours=1))
    window.setGeometry(0, 40, 1000, 640)
    window.show()
    spin(app, 3.0)  # the sign-in look announces the overdue count first
    other = backend.sign_in(vault_dir, "sales_east1", PASSWORD)
    due = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=4)
    other.reminders.create({"title": TITLE, "due_at": due})
    other.lock()
    desk = window.reminder_desk
    assert desk is not None
    desk.watcher.check()  # as the next look would, within a minute
    deadline = time.time() + 30
    shown = ""
    while time.time() < deadline and TITLE not in shown:
        spin(app, 0.2)
        shown = balloon_text(app)
    banner = desk.banner
    banner_text = " / ".join(label.text() for label in banner.findChildren(QLabel)
                             if label.isVisible() and label.text())
    if len(sys.argv) > 1:
        app.primaryScreen().grabWindow(0).save(sys.argv[1])
    print(f"tray available: {tray_ready}")
    print(f"tray message: {shown or '(none)'}")
    print(f"banner: {banner_text if banner.isVisible() else '(hidden)'}")
    window.close_for_lock()
    sales.lock()
    ok = tray_ready and TITLE in shown and banner.isVisible()
finally:
    tray_host.terminate()
sys.exit(0 if ok else 1)
