"""The month grid painted offscreen: the calendar page's month model and view, given a
window's entries, grabbed to a pixmap once per call.

Qt runs in the bench process on the offscreen platform; nothing is shown.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import date, tzinfo

from desktop_crm.services.reminder_views import Entry

SIZE = (1280, 800)  # a maximised window's month grid on a laptop


def month_painter(today: date, zone: tzinfo) -> Callable[[Sequence[Entry]], None]:
    """A call that builds the month grid holding `today` with these entries and paints it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop_crm.ui.calendar.month_model import MonthModel
    from desktop_crm.ui.calendar.month_view import MonthView

    app = QApplication.instance() or QApplication([])

    def paint(entries: Sequence[Entry]) -> None:
        model = MonthModel(today, zone, first_weekday=0, today=today)
        view = MonthView(model)
        view.resize(*SIZE)
        model.set_entries(entries, zone)
        view.grab()
        app.processEvents()  # nothing waits behind the paint for the next call

    return paint
