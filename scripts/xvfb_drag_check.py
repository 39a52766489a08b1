"""Drag a row of the customer list into another window, for real, under an X server.

    xvfb-run -a python scripts/xvfb_drag_check.py      (needs xdotool)

Offscreen Qt cannot drag; the tests check what a drag carries through the model's
`mimeData`. This script shows it once with real mouse events: a salesperson's list (phones
and emails masked in lists for their role), a plain text box as the drop target, and
xdotool moving the mouse. It prints what arrived and exits 1 if any digit run of the
customer's real phone number arrived unmasked.
"""

from __future__ import annotations

import os
import subprocess
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
build_demo_vault(vault_dir, customers=500, seed=7, today=date(2026, 11, 23), password=PASSWORD)

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtWidgets import QApplication, QTextEdit  # noqa: E402

from desktop_crm.ui.backend import SignedIn  # noqa: E402
from desktop_crm.ui.main_window import MainWindow  # noqa: E402
from desktop_crm.ui.ops import Operations  # noqa: E402

app = QApplication([sys.argv[0]])
ops = Operations(app)
s = backend.sign_in(vault_dir, "sales_east1", PASSWORD)
w = MainWindow(SignedIn(s, s.me()), ops, idle_lock_after=timedelta(hours=1))
w.setGeometry(0, 0, 800, 600)
w.show()
target = QTextEdit()
target.setWindowTitle("drop here")
target.setGeometry(850, 100, 400, 300)
target.show()



def spin(seconds: float) -> None:
    end = time.time() + seconds
    while time.time() < end:
        app.processEvents()
        time.sleep(0.01)


page = w.customers_page
end = time.time() + 20
while (page.model.loading or page.model.rowCount() == 0) and time.time() < end:
    spin(0.1)
spin(1.0)
table = page.table
rect = table.visualRect(page.model.index(0, 2))  # the phone cell of the first row
start = table.viewport().mapToGlobal(rect.center())
drop = target.mapToGlobal(QPoint(200, 150))
# the mouse runs in another process: once the drag starts, Qt's drag loop owns this thread
steps = [f"xdotool mousemove {start.x()} {start.y()}", "sleep 0.3",
         "xdotool mousedown 1", "sleep 0.3"]
for i in range(1, 21):
    x = start.x() + (drop.x() - start.x()) * i // 20
    y = start.y() + (drop.y() - start.y()) * i // 20
    steps += [f"xdotool mousemove {x} {y}", "sleep 0.05"]
steps += ["sleep 0.3", "xdotool mouseup 1"]
mouse = subprocess.Popen(["bash", "-c", "; ".join(steps)])
end = time.time() + 15
while mouse.poll() is None and time.time() < end:
    spin(0.05)
spin(1.0)
dropped = target.toPlainText()
shown = page.model.index(0, 2).data()
customer = s.customers.get(page.model.customer_at(0).id)  # the record view: full number
real = [p for p in customer.phones if "*" not in p]
w.close_for_lock()
ops.wait_for_workers()
s.lock()
print("cell shown:   ", shown)
print("dropped text: ", dropped.replace("\t", " | "))
leaked = [p for p in real if p.lstrip("+") in dropped.replace(" ", "")]
print("unmasked phone in the drop!" if leaked else "the drop carried the masked values only")
sys.exit(1 if leaked or not dropped else 0)
