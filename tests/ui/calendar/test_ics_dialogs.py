"""Export… and Import… of reminders as .ics files: the file dialog answered through its seam,
the work done off the GUI thread on a real vault, the preview listing every event with
whether it is imported or why not, and the messages that sum up (scripted prompts)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop_crm.services.session import CrmSession
from desktop_crm.ui import prompts
from desktop_crm.ui.calendar.ics_dialogs import IcsImportDialog, export_ics, import_ics
from desktop_crm.ui.ops import Operations
from tests.ui.calendar.conftest import SHANGHAI, create, wait_idle

CALENDAR = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Google Inc//Google Calendar 70.9054//EN
BEGIN:VEVENT
UID:call@google.com
DTSTART;TZID=Asia/Shanghai:20260520T150000
DTEND;TZID=Asia/Shanghai:20260520T153000
SUMMARY:电话回访 王总
END:VEVENT
BEGIN:VEVENT
UID:weekly@google.com
DTSTART;VALUE=DATE:20260518
RRULE:FREQ=WEEKLY
SUMMARY:周一例会
END:VEVENT
BEGIN:VEVENT
UID:extra@google.com
DTSTART;VALUE=DATE:20260601
RRULE:FREQ=MONTHLY
RDATE;VALUE=DATE:20260615
SUMMARY:额外日期的活动
END:VEVENT
END:VCALENDAR
""".replace("\n", "\r\n").encode()


@pytest.fixture
def parent(qtbot: Any) -> QWidget:
    widget = QWidget()
    widget.setObjectName("calendarPage")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def answer(path: Path | None) -> Callable[[QWidget, str, Path], Path | None]:
    """A file dialog that picks `path` (None: the person cancelled) and remembers its title."""

    def choose(_parent: QWidget, title: str, _start: Path) -> Path | None:
        choose.titles.append(title)  # type: ignore[attr-defined]
        return path

    choose.titles = []  # type: ignore[attr-defined]
    return choose


def opened_dialog(qtbot: Any, parent: QWidget) -> IcsImportDialog:
    qtbot.waitUntil(lambda: parent.findChild(IcsImportDialog) is not None, timeout=10_000)
    dialog = parent.findChild(IcsImportDialog)
    assert dialog is not None
    return dialog


def column(dialog: IcsImportDialog, number: int) -> list[str]:
    model = dialog.model
    return [model.index(row, number).data() for row in range(model.rowCount())]


# --- export ----------------------------------------------------------------------------------


def test_export_writes_the_chosen_file_and_says_how_many(
        qtbot: Any, ops: Operations, signed_in: Callable[[str], CrmSession], parent: QWidget,
        tmp_path: Path) -> None:
    sales2 = signed_in("sales2")
    create(sales2, "拜访 华东电子", datetime(2026, 5, 15, 2, 0, tzinfo=UTC))
    create(sales2, "每周例会", datetime(2026, 5, 18, 1, 0, tzinfo=UTC), rrule="FREQ=WEEKLY")
    chooser = answer(tmp_path / "我的提醒")  # no suffix typed: .ics is added
    with prompts.scripted() as asked:
        export_ics(parent, sales2, ops, choose_path=chooser)
        wait_idle(qtbot, ops)
    target = tmp_path / "我的提醒.ics"
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert sorted(str(e["SUMMARY"]) for e in events) == ["拜访 华东电子", "每周例会"]
    assert chooser.titles == ["Export reminders"]  # type: ignore[attr-defined]
    [told] = asked
    assert (told.kind, told.title) == ("inform", "Export reminders")
    assert told.text.startswith(f"2 reminders (2 calendar events) were exported to {target}.")


def test_export_to_a_place_that_cannot_be_written_says_so(
        qtbot: Any, ops: Operations, signed_in: Callable[[str], CrmSession], parent: QWidget,
        tmp_path: Path) -> None:
    sales2 = signed_in("sales2")
    with prompts.scripted() as asked:
        export_ics(parent, sales2, ops, choose_path=answer(tmp_path / "gone" / "r.ics"))
        wait_idle(qtbot, ops)
        export_ics(parent, sales2, ops, choose_path=answer(None))  # cancelled: nothing asked
        wait_idle(qtbot, ops)
    [warned] = asked
    assert warned.kind == "warn"
    assert warned.text.startswith(f"Could not write {tmp_path / 'gone' / 'r.ics'}: ")
    assert warned.text.endswith("Nothing was written; choose another place.")
    assert [p.name for p in tmp_path.iterdir()] == ["vault"]


# --- import ----------------------------------------------------------------------------------


def test_import_previews_every_event_then_imports_the_ones_it_can(
        qtbot: Any, qtmodeltester: Any, ops: Operations,
        signed_in: Callable[[str], CrmSession], parent: QWidget, tmp_path: Path) -> None:
    source = tmp_path / "google.ics"
    source.write_bytes(CALENDAR)
    sales2 = signed_in("sales2")
    with prompts.scripted() as asked:
        import_ics(parent, sales2, ops, choose_path=answer(source), zone=SHANGHAI)
        dialog = opened_dialog(qtbot, parent)
        qtmodeltester.check(dialog.model)
        assert dialog.windowTitle() == "Import reminders — google.ics"
        assert dialog.summary.text().startswith("2 of the 3 events in this file will be "
                                                "imported")
        assert column(dialog, 0) == ["电话回访 王总", "周一例会", "额外日期的活动"]
        assert column(dialog, 1) == ["2026-05-20 15:00", "2026-05-18 (all day)",
                                     "2026-06-01 (all day)"]
        assert column(dialog, 2) == ["", "Weekly on Monday", ""]
        assert column(dialog, 3) == [
            "Yes", "Yes",
            "Skipped: it repeats on extra dates (RDATE), which a reminder cannot hold"]
        assert sales2.reminders.window(date(2026, 5, 1), date(2026, 7, 1)) == []
        source.write_bytes(b"")  # what was previewed is imported, not the file as it is now
        with qtbot.waitSignal(ops.changes_did_happen, timeout=10_000) as changed:
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, ops)
    assert changed.args[0].touches("reminder")
    qtbot.waitUntil(lambda: parent.findChild(IcsImportDialog) is None, timeout=5_000)
    [told] = asked
    assert (told.kind, told.title) == ("inform", "Import reminders")
    assert told.text == "2 of 3 events were imported as reminders; 1 were skipped."
    shown = sales2.reminders.window(date(2026, 5, 18), date(2026, 5, 26), zone=SHANGHAI)
    assert [(e.day(SHANGHAI), e.title) for e in shown] == [
        (date(2026, 5, 18), "周一例会"), (date(2026, 5, 20), "电话回访 王总"),
        (date(2026, 5, 25), "周一例会")]


def test_a_file_read_again_offers_nothing_and_cancel_writes_nothing(
        qtbot: Any, ops: Operations, signed_in: Callable[[str], CrmSession], parent: QWidget,
        tmp_path: Path) -> None:
    source = tmp_path / "google.ics"
    source.write_bytes(CALENDAR)
    sales2 = signed_in("sales2")
    sales2.reminder_ics.import_(source.read_bytes(), zone=SHANGHAI)
    before = sales2.reminders.list(limit=50)
    with prompts.scripted() as asked:
        import_ics(parent, sales2, ops, choose_path=answer(source), zone=SHANGHAI)
        dialog = opened_dialog(qtbot, parent)
        assert not dialog.import_button.isEnabled()
        assert dialog.summary.text() == ("None of the 3 events in this file can be imported; "
                                         "the list says why.")
        assert column(dialog, 3)[:2] == ["Skipped: already imported"] * 2
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: parent.findChild(IcsImportDialog) is None, timeout=5_000)
    assert asked == [] and sales2.reminders.list(limit=50) == before


def test_a_broken_or_missing_file_is_named_and_nothing_opens(
        qtbot: Any, ops: Operations, signed_in: Callable[[str], CrmSession], parent: QWidget,
        tmp_path: Path) -> None:
    broken = tmp_path / "broken.ics"
    broken.write_bytes(CALENDAR[: len(CALENDAR) // 2])
    sales2 = signed_in("sales2")
    with prompts.scripted() as asked:
        import_ics(parent, sales2, ops, choose_path=answer(broken))
        wait_idle(qtbot, ops)
        import_ics(parent, sales2, ops, choose_path=answer(tmp_path / "missing.ics"))
        wait_idle(qtbot, ops)
    cut, missing = asked
    assert (cut.kind, cut.title) == ("warn", "Import reminders")
    assert cut.text == ("This file cannot be imported (is cut short: the closing END:VCALENDAR "
                        "is missing). Nothing was imported.")
    assert missing.text.startswith(f"Could not read {tmp_path / 'missing.ics'}: ")
    assert parent.findChild(IcsImportDialog) is None
    assert sales2.reminders.list(limit=50) == []


def test_an_import_refused_by_the_service_is_shown_in_the_dialog(
        qtbot: Any, ops: Operations, signed_in: Callable[[str], CrmSession], parent: QWidget,
        tmp_path: Path) -> None:
    source = tmp_path / "google.ics"
    source.write_bytes(CALENDAR)
    sales2 = signed_in("sales2")
    import_ics(parent, sales2, ops, choose_path=answer(source), zone=SHANGHAI)
    dialog = opened_dialog(qtbot, parent)
    sales2.lock()  # locked meanwhile (idle lock)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ops)
    assert dialog.isVisible()
    assert dialog.message.text() == "Nothing was imported: The vault is locked. Sign in again."
    assert dialog.cancel_button.isEnabled() and dialog.import_button.isEnabled()
