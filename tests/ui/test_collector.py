"""Garbage is collected on the GUI thread: a cycle holding a widget never dies on a worker."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QWidget


class _Page(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.callback = lambda: self  # the cycle a page and its callback make


def test_automatic_collection_is_off_and_the_timer_frees_cycles_on_the_gui_thread(
        gui_thread_collector, qtbot):
    assert not gc.isenabled()
    freed_on: list[str] = []
    page = _Page()
    page.destroyed.connect(lambda: freed_on.append(threading.current_thread().name))
    alive = weakref.ref(page)
    del page
    thresholds = gc.get_threshold()
    gc.set_threshold(1, 1, 1)  # every generation due at once, wherever the page has aged to
    try:
        qtbot.waitUntil(lambda: alive() is None, timeout=5_000)
    finally:
        gc.set_threshold(*thresholds)
    assert freed_on in ([], [threading.main_thread().name])
