"""Python's garbage collector, run on the GUI thread only.

The collector runs in whichever thread happens to allocate. When it frees a cycle that holds
a Qt widget (a page and a callback that names it), the widget is deleted on that thread: on
a worker reading the vault, that crashes the app. It also stalls the window while a worker
holds the interpreter for the pass. So automatic collection is switched off and this timer
collects on the GUI thread instead, by the same thresholds Python would use.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_EVERY_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.collect_if_due)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def collect_if_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold (as Python would)."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = [g for g in range(3) if counts[g] > thresholds[g]]
        return gc.collect(due[-1]) if due else 0
