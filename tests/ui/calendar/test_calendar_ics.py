"""The calendar page's .ics actions: export the user's reminders to a file, import one with
its preview, and the grid reads again once imported."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication, QPushButton

from desktop_crm.ui import prompts
from desktop_crm.ui.calendar.ics_dialogs import IcsImportDialog
from desktop_crm.ui.calendar.month_model import SUMMARY_ROLE
from tests.ui.calendar.conftest import create, wait_idle
from tests.ui.calendar.test_calendar_page import shanghai


def test_export_then_import_through_the_toolbar(signed_in, open_page, qtbot, ops, tmp_path):
    admin = signed_in("admin")
    create(admin, "回访张伟", shanghai(6, 9))
    create(admin, "周会", shanghai(4, 10), rrule="FREQ=WEEKLY")
    exporter = open_page(admin)
    target = tmp_path / "mine.ics"
    with prompts.scripted() as asked:
        exporter.export_calendar_file(choose_path=lambda *_: target)
        wait_idle(qtbot, ops)
    assert [a.kind for a in asked] == ["inform"]
    assert b"BEGIN:VCALENDAR" in target.read_bytes()

    sales2 = signed_in("sales2")
    page = open_page(sales2)
    assert page.toolbar.import_action.isEnabled() and page.toolbar.export_action.isEnabled()
    page.import_calendar_file(choose_path=lambda *_: target)
    wait_idle(qtbot, ops)
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, IcsImportDialog) and w.isVisible())
    with prompts.scripted():
        dialog.findChild(QPushButton, "importButton").click()
        wait_idle(qtbot, ops)
    summary = page.views.month_model.index_of(date(2026, 5, 6)).data(SUMMARY_ROLE)
    assert summary is not None and [e.title for e in summary.entries] == ["回访张伟"]
    assert page.views.month_model.index_of(date(2026, 5, 11)).data(SUMMARY_ROLE).total == 1
