"""`reminders due|export|import|generate` through the CLI, on the demo vault."""

from __future__ import annotations

import errno
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from desktop_crm.services import reminder_ics
from desktop_crm.services.session import sign_in
from tests.integration.cli.conftest import DEMO_PASSWORD, AsUser

CALENDAR = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\n"
            "BEGIN:VEVENT\r\nUID:call-1@example.com\r\nDTSTART:20270105T020000Z\r\n"
            "SUMMARY:电话回访 李总\r\nEND:VEVENT\r\n"
            "BEGIN:VEVENT\r\nUID:weekly-1@example.com\r\nDTSTART;VALUE=DATE:20270104\r\n"
            "RRULE:FREQ=WEEKLY;BYDAY=MO\r\nSUMMARY:周一例会\r\nEND:VEVENT\r\n"
            "BEGIN:VEVENT\r\nUID:hourly-1@example.com\r\nDTSTART:20270105T020000Z\r\n"
            "RRULE:FREQ=HOURLY\r\nSUMMARY:每小时\r\nEND:VEVENT\r\n"
            "END:VCALENDAR\r\n").encode()


class _FullDisk:
    """The os module as the export sees it when the disk is full."""

    def __getattr__(self, name: str) -> object:
        return getattr(os, name)

    @staticmethod
    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _mine(demo_vault: Path, user: str) -> list[tuple[str, str]]:
    """(title, source) of the user's reminders, as the service lists them."""
    session = sign_in(demo_vault, user, DEMO_PASSWORD)
    try:
        return [(r.title, r.source) for r in session.reminders.list(include_done=True,
                                                                     limit=5000)]
    finally:
        session.lock()


def test_due_lists_overdue_and_coming_reminders_as_json(as_user: AsUser,
                                                        demo_vault: Path) -> None:
    now = datetime.now(UTC)
    session = sign_in(demo_vault, "sales_east1", DEMO_PASSWORD)
    try:
        made = {title: session.reminders.create({"title": title, "due_at": now + delta,
                                                 "kind": "visit"}).id
                for title, delta in (("逾期的拜访", -timedelta(hours=3)),
                                     ("明早的拜访", timedelta(hours=20)),
                                     ("三天后的拜访", timedelta(days=3)))}
    finally:
        session.lock()
    result = as_user("sales_east1", "reminders", "due", "--json")
    assert result.code == 0, result.err
    listed = result.json()
    assert listed["total"] == len(listed["items"])
    by_id = {item["id"]: item for item in listed["items"]}
    assert made["逾期的拜访"] in by_id and made["明早的拜访"] in by_id
    assert made["三天后的拜访"] not in by_id
    overdue = by_id[made["逾期的拜访"]]
    assert set(overdue) >= {"id", "occurrence", "title", "kind", "due", "all_day", "customer"}
    assert (overdue["title"], overdue["kind"], overdue["all_day"], overdue["overdue"]) == (
        "逾期的拜访", "visit", False, True)
    assert datetime.fromisoformat(overdue["due"]).tzinfo is not None
    assert by_id[made["明早的拜访"]]["overdue"] is False
    # overdue ones come first
    flags = [item["overdue"] for item in listed["items"]]
    assert flags == sorted(flags, reverse=True)
    wider = as_user("sales_east1", "reminders", "due", "--days", "5", "--json").json()
    assert made["三天后的拜访"] in {item["id"] for item in wider["items"]}
    text = as_user("sales_east1", "reminders", "due", "--days", "5")
    assert "三天后的拜访" in text.out and text.out.rstrip().endswith("shown)")


def test_due_refuses_a_bad_number_of_days(as_user: AsUser) -> None:
    for days in ("0", "many", "400"):
        result = as_user("sales_east1", "reminders", "due", "--days", days)
        assert result.code == 2 and "--days" in result.err


def test_export_writes_an_ics_file_and_reports_it(as_user: AsUser, tmp_path: Path) -> None:
    target = tmp_path / "我的提醒.ics"
    result = as_user("sales_east1", "reminders", "export", "--ics", str(target), "--json")
    assert result.code == 0, result.err
    summary = result.json()
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert summary["path"] == str(target) and summary["events"] == len(events) >= 1
    assert summary["reminders"] <= summary["events"]
    text = as_user("sales_east1", "reminders", "export", "--ics", str(target))
    assert text.code == 0 and text.out.startswith("Exported ") and str(target) in text.out


def test_export_failures_are_one_line_and_leave_no_file(as_user: AsUser, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    missing = as_user("sales_east1", "reminders", "export",
                      "--ics", str(tmp_path / "nowhere" / "r.ics"))
    assert missing.code == 1 and "could not write the export" in missing.err

    # the disk fills while the export is written (sign-in's own key file writes still work)
    monkeypatch.setattr(reminder_ics, "os", _FullDisk())
    full = as_user("sales_east1", "reminders", "export", "--ics", str(tmp_path / "r.ics"))
    assert full.code == 1 and "No space left on device" in full.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo"]
    assert as_user("sales_east1", "reminders", "export").code == 2  # --ics is required


def test_import_dry_run_then_import_then_again(as_user: AsUser, demo_vault: Path,
                                               tmp_path: Path) -> None:
    source = tmp_path / "outlook.ics"
    source.write_bytes(CALENDAR)
    before = _mine(demo_vault, "sales_east2")
    dry = as_user("sales_east2", "reminders", "import", "--ics", str(source), "--dry-run",
                  "--json")
    assert dry.code == 0, dry.err
    assert dry.json()["events"] == 3 and dry.json()["imported"] == 2
    assert [(s["event"], s["code"]) for s in dry.json()["skipped"]] == [
        ("hourly-1@example.com", "unsupported_rule")]
    assert "FREQ=HOURLY" in dry.json()["skipped"][0]["reason"]
    assert _mine(demo_vault, "sales_east2") == before

    done = as_user("sales_east2", "reminders", "import", "--ics", str(source), "--json")
    assert done.code == 0, done.err
    assert {k: done.json()[k] for k in ("events", "imported")} == {"events": 3, "imported": 2}
    added = set(_mine(demo_vault, "sales_east2")) - set(before)
    assert added == {("电话回访 李总", "ics:call-1@example.com"),
                     ("周一例会", "ics:weekly-1@example.com")}

    again = as_user("sales_east2", "reminders", "import", "--ics", str(source))
    assert again.code == 0
    assert again.out.splitlines()[0] == "Imported 0 of 3 events"
    assert "skipped call-1@example.com: already imported" in again.out
    assert len(_mine(demo_vault, "sales_east2")) == len(before) + 2


def test_import_of_a_bad_file_fails_in_one_line_and_writes_nothing(
        as_user: AsUser, demo_vault: Path, tmp_path: Path) -> None:
    before = _mine(demo_vault, "sales_east2")
    broken = tmp_path / "broken.ics"
    broken.write_bytes(CALENDAR.replace(b"END:VEVENT\r\nBEGIN:VEVENT\r\nUID:weekly",
                                        b"BEGIN:VEVENT\r\nUID:weekly"))
    result = as_user("sales_east2", "reminders", "import", "--ics", str(broken), "--json")
    assert result.code == 1 and result.out == ""
    assert "END:VCALENDAR closes BEGIN:VEVENT of line 4" in result.err
    missing = as_user("sales_east2", "reminders", "import", "--ics", str(tmp_path / "no.ics"))
    assert missing.code == 1 and "cannot read" in missing.err
    assert _mine(demo_vault, "sales_east2") == before


def test_generate_writes_once(as_user: AsUser) -> None:
    first = as_user("admin", "reminders", "generate", "--json")
    assert first.code == 0, first.err
    report = first.json()
    assert report["total"] == sum(report["created"].values()) + report["escalations"] \
        + report["updated"]
    assert report["created"].get("birthday", 0) >= 1
    second = as_user("admin", "reminders", "generate", "--json").json()
    assert second["created"] == {} or sum(second["created"].values()) == 0
    text = as_user("admin", "reminders", "generate")
    assert text.code == 0 and text.out.startswith("Generated 0 reminders")


def test_a_role_without_reminder_writes_cannot_import(as_user: AsUser, tmp_path: Path) -> None:
    source = tmp_path / "x.ics"
    source.write_bytes(CALENDAR)
    result = as_user("auditor", "reminders", "import", "--ics", str(source))
    assert result.code == 1 and "permission denied" in result.err
