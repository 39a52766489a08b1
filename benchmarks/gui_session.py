"""One user's GUI session on the demo vault, measured (run as a child: one Qt app per user).

`python -m benchmarks.gui_session VAULT USER` signs in with the bench password, then prints
one JSON object on stdout with, in milliseconds and KiB:
- shown: from the accepted password to the main window painted with the list's first rows;
  bound: the service calls the window waits for (count and first page), made directly;
- stall: the longest the GUI thread stayed busy at one step while the scroll bar is dragged
  from top to bottom in STEPS steps (each step waits until its rows are on screen);
  bound: the longest busy stretch of the same event loop left idle for a moment;
- search: from the last keystroke of each query to its matches shown, debounce included (the
  worst of QUERIES); bound: the service search alone;
- rss_first / rss_scrolled: resident memory once the first page shows, and after the scroll.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from benchmarks.rss import current_rss_line
from benchmarks.settings import BENCH_PASSWORD, use_production_kdf
from desktop_crm.services.customer_filters import CustomerFilter
from desktop_crm.services.session import sign_in
from desktop_crm.ui.backend import SignedIn
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.ops import Operations
from desktop_crm.ui.theme import apply_theme

STEPS = 1500
QUERIES = ("张伟", "zw", "wang", "138", "李")
TIMEOUT_S = 60.0


def main(vault: Path, username: str) -> dict[str, float]:
    app = QApplication([sys.argv[0]])
    apply_theme(app)
    use_production_kdf()
    ops = Operations(app)
    session = sign_in(vault, username, BENCH_PASSWORD)
    accepted = time.perf_counter()  # the password is accepted: the window's clock starts
    window = MainWindow(SignedIn(session, session.me()), ops,
                        idle_lock_after=timedelta(hours=8))
    window.resize(1280, 800)
    window.show()
    page = window.customers_page
    _spin_until(app, lambda: _first_rows_shown(page))
    shown = time.perf_counter() - accepted
    rss_first = _rss_kib()

    started = time.perf_counter()
    session.customers.count(filters=CustomerFilter())
    session.customers.list_page(limit=200)
    shown_bound = time.perf_counter() - started

    idle_stall = _idle_stall(app)
    stall = _drag_to_bottom(app, page)
    rss_scrolled = _rss_kib()
    search, search_bound = _search(app, window, session)
    window.close_for_lock()
    ops.wait_for_workers()
    session.lock()
    return {
        "shown_ms": shown * 1000, "shown_bound_ms": shown_bound * 1000,
        "stall_ms": stall * 1000, "stall_bound_ms": idle_stall * 1000,
        "search_ms": search * 1000, "search_bound_ms": search_bound * 1000,
        "rss_first_kib": rss_first, "rss_scrolled_kib": rss_scrolled,
        "rows_held": page.model.rows_held(), "rows": page.model.rowCount(),
    }


def _first_rows_shown(page: object) -> bool:
    model = page.model  # type: ignore[attr-defined]
    return not model.loading and model.rowCount() > 0 and model.customer_at(0) is not None


def _spin_until(app: QApplication, done: Callable[[], bool]) -> float:
    """Run the event loop until `done`; answer the longest single stretch of event work."""
    longest = 0.0
    deadline = time.perf_counter() + TIMEOUT_S
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("the GUI did not get there within a minute")
        began = time.perf_counter()
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        longest = max(longest, time.perf_counter() - began)
        time.sleep(0.0005)  # let the worker threads take the GIL
    return longest


def _idle_stall(app: QApplication) -> float:
    until = time.perf_counter() + 0.5
    return _spin_until(app, lambda: time.perf_counter() > until)


def _drag_to_bottom(app: QApplication, page: object) -> float:
    table = page.table  # type: ignore[attr-defined]
    model = page.model  # type: ignore[attr-defined]
    bar = table.verticalScrollBar()
    longest = 0.0

    def visible_rows_here() -> bool:
        top = table.rowAt(0)
        bottom = table.rowAt(table.viewport().height() - 1)
        bottom = model.rowCount() - 1 if bottom < 0 else bottom
        return model.customer_at(top) is not None and model.customer_at(bottom) is not None

    for step in range(1, STEPS + 1):
        began = time.perf_counter()
        bar.setValue(round(bar.maximum() * step / STEPS))
        longest = max(longest, time.perf_counter() - began,
                      _spin_until(app, visible_rows_here))
    return longest


def _search(app: QApplication, window: MainWindow, session: object) -> tuple[float, float]:
    page = window.customers_page
    model = page.model
    worst = worst_bound = 0.0
    for query in QUERIES:
        window.search_edit.clear()
        _spin_until(app, lambda: not model.loading and not model.query.searching)
        for end in range(1, len(query) + 1):  # one keystroke at a time, as typed
            window.search_edit.setText(query[:end])
            app.processEvents()
        typed = time.perf_counter()
        _spin_until(app, lambda q=query: model.query.text == q and not model.loading)
        worst = max(worst, time.perf_counter() - typed)
        began = time.perf_counter()
        session.customers.search(query, limit=200, filters=CustomerFilter())  # type: ignore
        worst_bound = max(worst_bound, time.perf_counter() - began)
    return worst, worst_bound


def _rss_kib() -> int:
    return int(current_rss_line().split()[1])


if __name__ == "__main__":
    figures = main(Path(sys.argv[1]), sys.argv[2])
    print(json.dumps(figures), flush=True)
