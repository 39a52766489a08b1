"""Drag an entry of the month grid to another day with real mouse events (xdotool), under
an X server: the real QDrag path, which offscreen Qt cannot run. Prints what the grid asked
for as JSON and exits 0 when it asked to move that entry to that day.

    xvfb-run -a python tests/ui/calendar/xvfb_month_drag.py [screenshot.png]
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date
from datetime import time as clock_time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from PySide6.QtWidgets import QApplication

from desktop_crm.ui.calendar.month_model import MonthModel
from desktop_crm.ui.calendar.month_view import MonthView
from tests.ui.calendar.entries import all_day, timed

ZONE = ZoneInfo("Asia/Shanghai")
FROM, TO = date(2026, 5, 6), date(2026, 5, 21)

app = QApplication([sys.argv[0]])
model = MonthModel(date(2026, 5, 14), ZONE, first_weekday=0, today=date(2026, 5, 14))
dragged = timed(FROM, clock_time(9), ZONE, "回访张伟 报价单", customer="张伟")
model.set_entries([dragged, timed(FROM, clock_time(14), ZONE, "拜访李娜", kind="visit"),
                   all_day(date(2026, 5, 12), "王芳生日")])
view = MonthView(model)
view.setWindowTitle("month drag")
view.setGeometry(0, 0, 900, 620)
view.show()
asked: list[tuple[str, str]] = []
model.move_requested.connect(lambda entry, day: asked.append((entry.title, day.isoformat())))


def spin(seconds: float) -> None:
    end = time.time() + seconds
    while time.time() < end:
        app.processEvents()
        time.sleep(0.01)


spin(1.0)
start_point = view.entry_position(dragged)
if start_point is None:
    print(json.dumps({"error": "the entry is not drawn"}))
    sys.exit(1)
start = view.viewport().mapToGlobal(start_point)
drop = view.viewport().mapToGlobal(view.day_position(TO))
# the mouse runs in another process: once the drag starts, Qt's drag loop owns this thread
steps = [f"xdotool mousemove {start.x()} {start.y()}", "sleep 0.3", "xdotool mousedown 1",
         "sleep 0.3"]
for i in range(1, 21):
    x = start.x() + (drop.x() - start.x()) * i // 20
    y = start.y() + (drop.y() - start.y()) * i // 20
    steps += [f"xdotool mousemove {x} {y}", "sleep 0.05"]
steps += ["sleep 0.3", "xdotool mouseup 1"]
mouse = subprocess.Popen(["bash", "-c", "; ".join(steps)])
end = time.time() + 15
while mouse.poll() is None and time.time() < end:
    spin(0.05)
spin(0.5)
if len(sys.argv) > 1:
    view.grab().save(sys.argv[1])
print(json.dumps({"asked": asked}, ensure_ascii=False))
sys.exit(0 if asked == [(dragged.title, TO.isoformat())] else 1)
