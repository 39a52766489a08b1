"""One user's GUI session on the demo vault, measured (run as a child: one Qt app per user).

`python -m benchmarks.gui_session VAULT USER` signs in with the bench password, then prints
one JSON object on stdout with, in milliseconds and KiB:
- shown: from the accepted password to the main window painted with the list's first rows;
  bound: the service calls the window waits for (count and first page), made directly;
- stall: the longest gap between two beats of a heartbeat timer while the scroll bar is
  dragged from top to bottom in STEPS steps, each step taken from the event loop once the
  rows of the last one are on screen (a gap is time the window could not answer the mouse);
  bound: the longest gap of the same heartbeat in an idle event loop;
- search: from the last keystroke of each query to its matches shown, debounce included (the
  worst of QUERIES); bound: the service search alone;
- rss_first / rss_scrolled: resident memory once the first page shows, and after the scroll.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.rss import current_rss_line
from benchmarks.settings import BENCH_PASSWORD, use_production_kdf
from desktop_crm.app import build_backend
from desktop_crm.services.customer_filters import CustomerFilter

# The services before Qt, in the order the app imports them (see desktop_crm/app.py).
BACKEND = build_backend()

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_crm.ui.application import settle_memory  # noqa: E402
from desktop_crm.ui.backend import SignedIn  # noqa: E402
from desktop_crm.ui.collector import GuiThreadCollector  # noqa: E402
from desktop_crm.ui.customers.list_model import SEARCH_LIMIT  # noqa: E402
from desktop_crm.ui.flow import AppFlow  # noqa: E402
from desktop_crm.ui.main_window import MainWindow  # noqa: E402
from desktop_crm.ui.ops import Operations  # noqa: E402
from desktop_crm.ui.settings import Preferences  # noqa: E402
from desktop_crm.ui.theme import apply_theme  # noqa: E402

STEPS = 1500
QUERIES = ("张伟", "zw", "wang", "138", "李")
TIMEOUT_S = 60.0


def main(vault: Path, username: str) -> dict[str, float]:
    app = QApplication([sys.argv[0]])
    apply_theme(app)
    settle_memory()  # as run_gui does before the first window
    GuiThreadCollector(app).start()
    use_production_kdf()
    ops = Operations(app)
    backend = BACKEND
    session = backend.sign_in(vault, username, BENCH_PASSWORD)  # as the app does
    accepted = time.perf_counter()  # the password is accepted: the window's clock starts
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"),
                         QSettings.Format.IniFormat)
    flow = AppFlow(replace(backend, idle_lock_after=timedelta(hours=8)), ops,
                   Preferences(settings), vault)
    flow.show_main(SignedIn(session, session.me()))  # what the sign-in dialog then does
    window = flow.window
    assert isinstance(window, MainWindow)
    window.resize(1280, 800)
    page = window.customers_page
    _longest_beat_gap(app, lambda: _first_rows_shown(page), seconds=TIMEOUT_S)
    shown = time.perf_counter() - accepted
    rss_first = _rss_kib()

    started = time.perf_counter()
    session.customers.count(filters=CustomerFilter())
    session.customers.list_page(limit=200)
    shown_bound = time.perf_counter() - started

    idle_stall = _longest_beat_gap(app, lambda: False, seconds=1.0)
    stall = _drag_to_bottom(app, page)
    rss_scrolled = _rss_kib()
    rows_held, rows = page.model.rows_held(), page.model.rowCount()
    search, search_bound = _search(app, window, session)
    flow.quit()
    ops.wait_for_workers()
    return {
        "shown_ms": shown * 1000, "shown_bound_ms": shown_bound * 1000,
        "stall_ms": stall * 1000, "stall_bound_ms": idle_stall * 1000,
        "search_ms": search * 1000, "search_bound_ms": search_bound * 1000,
        "rss_first_kib": rss_first, "rss_scrolled_kib": rss_scrolled,
        "rows_held": rows_held, "rows": rows,
    }


def _first_rows_shown(page: object) -> bool:
    model = page.model  # type: ignore[attr-defined]
    return not model.loading and model.rowCount() > 0 and model.customer_at(0) is not None


def _longest_beat_gap(app: QApplication, step: Callable[[], bool], *,
                      seconds: float = TIMEOUT_S * 30) -> float:
    """Run the event loop with a heartbeat; `step` runs at each beat until it answers True.

    Answers the longest time between two beats: how long the loop was kept from its events.
    """
    loop = QEventLoop()
    gaps = [0.0]
    last = [time.perf_counter()]
    deadline = last[0] + seconds

    def beat() -> None:
        now = time.perf_counter()
        gaps[0] = max(gaps[0], now - last[0])
        last[0] = now  # the step's own work (scrolling the view) shows in the next gap
        if step() or now > deadline:
            loop.quit()

    heart = QTimer()
    heart.setInterval(1)
    heart.timeout.connect(beat)
    heart.start()
    loop.exec()
    heart.stop()
    return gaps[0]


def _drag_to_bottom(app: QApplication, page: object) -> float:
    table = page.table  # type: ignore[attr-defined]
    model = page.model  # type: ignore[attr-defined]
    bar = table.verticalScrollBar()
    steps = iter(range(1, STEPS + 1))

    def visible_rows_here() -> bool:
        top = table.rowAt(0)
        bottom = table.rowAt(table.viewport().height() - 1)
        bottom = model.rowCount() - 1 if bottom < 0 else bottom
        return model.customer_at(top) is not None and model.customer_at(bottom) is not None

    def next_step() -> bool:
        """Move on once this step's rows show; True when the bottom has been reached."""
        if not visible_rows_here():
            return False
        step = next(steps, None)
        if step is None:
            return True
        bar.setValue(round(bar.maximum() * step / STEPS))
        return False

    return _longest_beat_gap(app, next_step)


def _search(app: QApplication, window: MainWindow, session: object) -> tuple[float, float]:
    page = window.customers_page
    model = page.model
    worst = worst_bound = 0.0
    for query in QUERIES:
        window.search_edit.clear()
        _longest_beat_gap(app, lambda: not model.loading and not model.query.searching,
                         seconds=TIMEOUT_S)
        for end in range(1, len(query) + 1):  # one keystroke at a time, as typed
            window.search_edit.setText(query[:end])
            app.processEvents()
        typed = time.perf_counter()
        _longest_beat_gap(app, lambda q=query: model.query.text == q and not model.loading,
                         seconds=TIMEOUT_S)
        worst = max(worst, time.perf_counter() - typed)
        began = time.perf_counter()
        session.customers.search(query, limit=SEARCH_LIMIT,  # type: ignore[attr-defined]
                                 filters=CustomerFilter())
        worst_bound = max(worst_bound, time.perf_counter() - began)
    return worst, worst_bound


def _rss_kib() -> int:
    return int(current_rss_line().split()[1])


if __name__ == "__main__":
    figures = main(Path(sys.argv[1]), sys.argv[2])
    print(json.dumps(figures), flush=True)
