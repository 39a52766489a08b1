"""Reminders to and from .ics files on a real vault: what is exported, what another calendar
reads of it, what an import writes (all or nothing) and what it skips, and why."""

from __future__ import annotations

import errno
import os
from datetime import UTC, date, datetime, timedelta
from itertools import islice
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from dateutil.rrule import rrulestr
from sqlalchemy import func, select

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.errors import PermissionDenied, ValidationError
from desktop_crm.io.ics import reasons
from desktop_crm.services.audit_log import ExportFailed
from desktop_crm.services.session import sign_in
from desktop_crm.services.setup import initialize_vault
from desktop_crm.storage.models import AuditEvent, Reminder, ReminderOverride

from .conftest import NOW

SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")


def _counts(session) -> tuple[int, int, int]:
    """(reminders, occurrence changes, audit events) in the vault."""
    with session._open().database.reading() as s:
        return tuple(s.execute(select(func.count()).select_from(table)).scalar_one()
                     for table in (Reminder, ReminderOverride, AuditEvent))


def _last_audit(session) -> tuple[str, dict]:
    with session._open().database.reading() as s:
        return tuple(s.execute(select(AuditEvent.action, AuditEvent.detail)
                               .order_by(AuditEvent.seq.desc()).limit(1)).one())


def _agenda(session, first: date, end: date, zone=SHANGHAI) -> list[tuple]:
    """What the calendar shows: (day, title, start, all-day, done) per entry."""
    return [(e.day(zone), e.title, e.starts_at, e.all_day, e.done_at is not None)
            for e in session.reminders.window(first, end, zone=zone)]


def _fill(org, customer_of) -> dict[str, str]:
    """sales_east1's reminders: one-offs, a weekly series with a skipped, a moved and a
    completed occurrence, a Feb 29 birthday, one done; and a colleague's."""
    cid = customer_of("sales_east1", name="杭州星河贸易")
    sales = org.session("sales_east1")
    ids = {
        "call": sales.reminders.create({
            "kind": "follow_up", "title": "电话回访 王总", "customer_id": cid,
            "due_at": datetime(2026, 11, 25, 10, 0, tzinfo=SHANGHAI),
            "ends_at": datetime(2026, 11, 25, 10, 30, tzinfo=SHANGHAI),
            "time_zone": "Asia/Shanghai", "notes": "确认续约\n带上报价单"}).id,
        "expiry": sales.reminders.create({
            "kind": "contract_expiry", "title": "合同到期", "all_day": True,
            "due_at": date(2026, 12, 31), "ends_at": date(2027, 1, 2)}).id,
        "weekly": sales.reminders.create({
            "kind": "visit", "title": "周二拜访", "rrule": "FREQ=WEEKLY;BYDAY=TU",
            "due_at": datetime(2026, 11, 24, 9, 0, tzinfo=SHANGHAI),
            "ends_at": datetime(2026, 11, 24, 10, 0, tzinfo=SHANGHAI),
            "time_zone": "Asia/Shanghai"}).id,
        "birthday": sales.reminders.create({
            "kind": "birthday", "title": "王小明生日", "all_day": True, "rrule": "FREQ=YEARLY",
            "due_at": date(2024, 2, 29)}).id,
        "done": sales.reminders.create({
            "title": "已寄样品", "due_at": datetime(2026, 11, 20, 2, 0, tzinfo=UTC)}).id,
    }
    sales.reminders.delete(ids["weekly"], "2026-12-01T09:00:00")
    sales.reminders.reschedule(ids["weekly"], datetime(2026, 12, 9, 15, 0, tzinfo=SHANGHAI),
                               "2026-12-08T09:00:00")
    sales.reminders.complete(ids["weekly"], "2026-12-15T09:00:00")
    sales.reminders.complete(ids["done"])
    org.session("sales_east2").reminders.create({"title": "同事的提醒", "due_at": NOW})
    return ids


def _events(data: bytes) -> dict[str, list[icalendar.Event]]:
    found: dict[str, list[icalendar.Event]] = {}
    for event in icalendar.Calendar.from_ical(data).walk("VEVENT"):
        found.setdefault(str(event["UID"]).split("@")[0], []).append(event)
    return found


# --- export ------------------------------------------------------------------------------------


def test_export_holds_my_own_open_reminders_and_parses_with_icalendar(org, customer_of) -> None:
    ids = _fill(org, customer_of)
    sales = org.session("sales_east1")
    data = sales.reminder_ics.export()
    events = _events(data)
    assert events.keys() == {ids["call"], ids["expiry"], ids["weekly"], ids["birthday"]}
    (call,) = events[ids["call"]]
    assert str(call["SUMMARY"]) == "电话回访 王总"
    assert call["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert call.decoded("DTSTART") == datetime(2026, 11, 25, 10, 0, tzinfo=SHANGHAI)
    assert call.decoded("DTEND") == datetime(2026, 11, 25, 10, 30, tzinfo=SHANGHAI)
    assert str(call["DESCRIPTION"]) == "确认续约\n带上报价单"
    assert str(call["X-DESKTOP-CRM-CUSTOMER"]) == "杭州星河贸易"
    assert str(call["CONTACT"]) == "杭州星河贸易"
    (expiry,) = events[ids["expiry"]]
    # the reminder's last day is Jan 2; DTEND is the day after it
    assert (expiry.decoded("DTSTART"), expiry.decoded("DTEND")) == (date(2026, 12, 31),
                                                                    date(2027, 1, 3))
    series, moved = events[ids["weekly"]]
    assert series["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=TU"
    # the skipped Tuesday and, since done ones stay out, the completed one
    assert [d.dt for d in series["EXDATE"].dts] == [
        datetime(2026, 12, 1, 9, 0, tzinfo=SHANGHAI), datetime(2026, 12, 15, 9, 0, tzinfo=SHANGHAI)]
    assert moved.decoded("RECURRENCE-ID") == datetime(2026, 12, 8, 9, 0, tzinfo=SHANGHAI)
    assert moved.decoded("DTSTART") == datetime(2026, 12, 9, 15, 0, tzinfo=SHANGHAI)
    assert moved.decoded("DTEND") == datetime(2026, 12, 9, 16, 0, tzinfo=SHANGHAI)
    (birthday,) = events[ids["birthday"]]
    rule = birthday["RRULE"]
    assert (rule["FREQ"], rule["BYMONTH"], rule["BYMONTHDAY"]) == (["YEARLY"], [2], [-1])
    assert _last_audit(sales) == ("reminder.export",
                                  {"reminders": 4, "events": 5, "include_done": False})


def test_export_with_done_ones_marks_them(org, customer_of) -> None:
    ids = _fill(org, customer_of)
    events = _events(org.session("sales_east1").reminder_ics.export(include_done=True))
    (done,) = events[ids["done"]]
    assert str(done["X-DESKTOP-CRM-DONE"]) == "TRUE"
    series, moved, completed = events[ids["weekly"]]
    assert [d.dt for d in series["EXDATE"].dts] == [datetime(2026, 12, 1, 9, 0, tzinfo=SHANGHAI)]
    assert "X-DESKTOP-CRM-DONE" not in moved
    assert completed.decoded("RECURRENCE-ID") == completed.decoded("DTSTART") == datetime(
        2026, 12, 15, 9, 0, tzinfo=SHANGHAI)
    assert str(completed["X-DESKTOP-CRM-DONE"]) == "TRUE"


def test_a_second_parser_reads_the_export_as_the_app_shows_it(org, customer_of) -> None:
    ids = _fill(org, customer_of)
    calendar = vobject.readOne(org.session("sales_east1").reminder_ics.export().decode())
    masters = {e.uid.value.split("@")[0]: e for e in calendar.vevent_list
               if not hasattr(e, "recurrence_id")}
    weekly = list(islice(masters[ids["weekly"]].getrruleset(), 4))
    # Dec 1 skipped, Dec 8 moved (vobject leaves overrides to the caller), Dec 15 done
    assert weekly == [datetime(2026, 11, d, 9, 0, tzinfo=SHANGHAI) for d in (24,)] + [
        datetime(2026, 12, d, 9, 0, tzinfo=SHANGHAI) for d in (8, 22, 29)]
    birthdays = [m.date() for m in islice(masters[ids["birthday"]].getrruleset(), 4)]
    assert birthdays == [date(2024, 2, 29), date(2025, 2, 28), date(2026, 2, 28),
                         date(2027, 2, 28)]
    assert masters[ids["call"]].summary.value == "电话回访 王总"


def test_a_manager_exports_only_their_own(org, customer_of) -> None:
    _fill(org, customer_of)
    manager = org.session("mgr_east")
    manager.reminders.create({"title": "经理自己的", "due_at": NOW + timedelta(days=2)})
    calendar = icalendar.Calendar.from_ical(manager.reminder_ics.export())
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["经理自己的"]


def test_a_leaving_user_cannot_export(org, customer_of) -> None:
    _fill(org, customer_of)
    sales = org.session("sales_east1")
    org.session("admin").departures.freeze(org.ids["sales_east1"])
    with pytest.raises(PermissionDenied):
        sales.reminder_ics.export()


# --- export to a file -----------------------------------------------------------------------------


def test_export_to_a_file_is_whole_or_absent(org, customer_of, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(org, customer_of)
    sales = org.session("sales_east1")
    target = tmp_path / "提醒.ics"
    written = sales.reminder_ics.export_to(target)
    assert (written.reminders, written.events, written.path) == (4, 5, str(target))
    assert icalendar.Calendar.from_ical(target.read_bytes())
    before = _counts(sales)

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(ExportFailed, match="No space left on device"):
        sales.reminder_ics.export_to(tmp_path / "full.ics")
    monkeypatch.undo()
    with pytest.raises(ExportFailed):
        sales.reminder_ics.export_to(tmp_path / "no-such-folder" / "x.ics")
    with pytest.raises(ExportFailed, match="it is a folder"):
        sales.reminder_ics.export_to(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault", "提醒.ics"]
    assert _counts(sales) == before  # a failed export is not recorded as one


# --- the round trip -----------------------------------------------------------------------------


def test_export_then_import_into_another_vault_gives_the_same_occurrences(
        org, customer_of, tmp_path: Path) -> None:
    _fill(org, customer_of)
    sales = org.session("sales_east1")
    data = sales.reminder_ics.export()
    other_dir = tmp_path / "other"
    clock = FixedClock(NOW)
    initialize_vault(other_dir, admin_username="boss", admin_password="boss-password-1",
                     admin_display_name="另一家", clock=clock)
    other = sign_in(other_dir, "boss", "boss-password-1", clock=clock)
    try:
        report = other.reminder_ics.import_(data, zone=SHANGHAI)
        assert (report.events, report.imported, report.skipped) == (5, 5, ())
        first, end = date(2026, 11, 1), date(2027, 3, 31)
        shown = _agenda(sales, first, end)
        assert _agenda(other, first, end) == [row for row in shown if not row[4]]
        leap = (date(2028, 2, 1), date(2028, 3, 31))
        assert _agenda(other, *leap) == _agenda(sales, *leap)
        kinds = {r.title: r.kind for r in other.reminders.list(limit=50)}
        assert kinds["合同到期"] == "contract_expiry" and kinds["王小明生日"] == "birthday"
        assert kinds["周二拜访"] == "visit"
        again = other.reminder_ics.import_(data, zone=SHANGHAI)
        assert again.imported == 0
        assert {s.reason.code for s in again.skipped} == {reasons.ALREADY_IMPORTED}
        assert again.skipped[0].text == "already imported"
    finally:
        other.lock()


def test_my_own_export_read_back_adds_nothing(org, customer_of) -> None:
    _fill(org, customer_of)
    sales = org.session("sales_east1")
    before = _counts(sales)
    report = sales.reminder_ics.import_(sales.reminder_ics.export())
    assert report.imported == 0
    assert {s.reason.code for s in report.skipped} == {reasons.ALREADY_PRESENT}
    assert _counts(sales)[:2] == before[:2]


# --- files written by other programs --------------------------------------------------------------


def crlf(text: str) -> bytes:
    return text.strip("\n").replace("\n", "\r\n").encode("utf-8") + b"\r\n"


OUTLOOK = b"\xef\xbb\xbf" + crlf("""
BEGIN:VCALENDAR
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN
VERSION:2.0
METHOD:PUBLISH
BEGIN:VTIMEZONE
TZID:China Standard Time
BEGIN:STANDARD
DTSTART:16010101T000000
TZOFFSETFROM:+0800
TZOFFSETTO:+0800
END:STANDARD
END:VTIMEZONE
BEGIN:VTIMEZONE
TZID:Eastern Standard Time
BEGIN:STANDARD
DTSTART:16011104T020000
RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010311T020000
RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
UID:040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5060700000000000000001000
 00001122334455667788990011223344
DTSTART;TZID="China Standard Time":20261203T140000
DTEND;TZID="China Standard Time":20261203T150000
DTSTAMP:20261120T031500Z
SUMMARY;LANGUAGE=zh-cn:拜访 深圳华南电子
DESCRIPTION:确认回款计划。\\n带上对账单。
LOCATION:客户办公室
X-MICROSOFT-CDO-BUSYSTATUS:BUSY
BEGIN:VALARM
TRIGGER:-PT15M
ACTION:DISPLAY
DESCRIPTION:Reminder
END:VALARM
END:VEVENT
BEGIN:VEVENT
UID:outlook-ny-weekly
DTSTART;TZID="Eastern Standard Time":20261030T090000
DTEND;TZID="Eastern Standard Time":20261030T093000
RRULE:FREQ=WEEKLY;UNTIL=20261127T140000Z;BYDAY=FR
EXDATE;TZID="Eastern Standard Time":20261113T090000
DTSTAMP:20261020T031500Z
SUMMARY:Call with the New York distributor
END:VEVENT
BEGIN:VEVENT
UID:outlook-holiday
DTSTART;VALUE=DATE:20261225
DTEND;VALUE=DATE:20261226
DTSTAMP:20261120T031500Z
SUMMARY:圣诞节问候
X-MICROSOFT-CDO-ALLDAYEVENT:TRUE
END:VEVENT
BEGIN:VEVENT
UID:outlook-cancelled
DTSTART;TZID="China Standard Time":20261204T100000
DTSTAMP:20261120T031500Z
STATUS:CANCELLED
SUMMARY:取消的会议
END:VEVENT
END:VCALENDAR
""")

GOOGLE = crlf("""
BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
CALSCALE:GREGORIAN
X-WR-CALNAME:工作
X-WR-TIMEZONE:Asia/Shanghai
BEGIN:VEVENT
DTSTART;TZID=Asia/Shanghai:20261102T100000
DTEND;TZID=Asia/Shanghai:20261102T110000
RRULE:FREQ=WEEKLY;WKST=MO;UNTIL=20261228T015959Z;BYDAY=MO
EXDATE;TZID=Asia/Shanghai:20261116T100000
UID:weekly@google.com
SUMMARY:销售周会
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=Asia/Shanghai:20261124T160000
DTEND;TZID=Asia/Shanghai:20261124T170000
RECURRENCE-ID;TZID=Asia/Shanghai:20261123T100000
UID:weekly@google.com
SUMMARY:销售周会（改到周二）
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20270206
DTEND;VALUE=DATE:20270207
RRULE:FREQ=YEARLY
UID:spring@google.com
SUMMARY:春节 给老客户拜年
END:VEVENT
BEGIN:VEVENT
DTSTART:20261205T093000
UID:floating@google.com
SUMMARY:无时区的会议
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20261201
RRULE:FREQ=MONTHLY
RDATE;VALUE=DATE:20261215
UID:rdate@google.com
SUMMARY:额外日期
END:VEVENT
BEGIN:VEVENT
DTSTART:20261201T010000Z
RRULE:FREQ=HOURLY;COUNT=3
UID:hourly@google.com
SUMMARY:每小时
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:18500101
UID:old@google.com
SUMMARY:太早
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=Asia/Shanghai:20261120T100000
UID:done@google.com
STATUS:COMPLETED
SUMMARY:做完了
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20261206
UID:untitled@google.com
END:VEVENT
END:VCALENDAR
""")


def test_import_of_an_outlook_file(org) -> None:
    sales = org.session("sales_east1")
    report = sales.reminder_ics.import_(OUTLOOK, zone=SHANGHAI)
    assert (report.events, report.imported) == (4, 3)
    assert [(s.where, s.reason.code) for s in report.skipped] == [
        ("outlook-cancelled", reasons.CANCELLED)]
    made = {r.title: r for r in sales.reminders.list(limit=50)}
    visit = made["拜访 深圳华南电子"]
    assert (visit.kind, visit.all_day, visit.time_zone) == ("custom", False, "Asia/Shanghai")
    assert visit.due_at == datetime(2026, 12, 3, 6, 0, tzinfo=UTC)
    assert visit.ends_at == datetime(2026, 12, 3, 7, 0, tzinfo=UTC)
    assert visit.notes == "确认回款计划。\n带上对账单。"
    assert visit.source.startswith("ics:sha256:") and len(visit.source) <= 64
    assert made["圣诞节问候"].all_day and made["圣诞节问候"].ends_at is None
    weekly = made["Call with the New York distributor"]
    assert (weekly.rrule, weekly.time_zone) == ("FREQ=WEEKLY;UNTIL=20261127T140000Z;BYDAY=FR",
                                                "America/New_York")
    # 09:00 in New York every Friday across the DST change, Nov 13 excepted, until Nov 27
    fridays = [(e.starts_at.astimezone(NEW_YORK).day, e.starts_at.astimezone(NEW_YORK).hour)
               for e in sales.reminders.window(date(2026, 10, 25), date(2026, 12, 31),
                                               zone=NEW_YORK)
               if e.title.startswith("Call")]
    assert fridays == [(30, 9), (6, 9), (20, 9), (27, 9)]
    assert _last_audit(sales) == ("reminder.import", {"events": 4, "imported": 3, "skipped": 1})


def test_import_of_a_google_file_skips_what_reminders_cannot_hold(org) -> None:
    sales = org.session("sales_east1")
    report = sales.reminder_ics.import_(GOOGLE, zone=SHANGHAI, untitled="（无标题）")
    skipped = {s.where: s.reason for s in report.skipped}
    assert skipped.keys() == {"rdate@google.com", "hourly@google.com", "old@google.com",
                              "done@google.com"}
    assert skipped["rdate@google.com"].code == reasons.EXTRA_DATES
    assert skipped["hourly@google.com"].code == reasons.UNSUPPORTED_RULE
    assert "FREQ=HOURLY is not supported" in skipped["hourly@google.com"].text
    assert skipped["old@google.com"].code == reasons.OUT_OF_RANGE
    assert skipped["done@google.com"].code == reasons.DONE
    assert (report.events, report.imported) == (9, 5)
    made = {r.title: r for r in sales.reminders.list(limit=50)}
    assert made["销售周会"].rrule == "FREQ=WEEKLY;UNTIL=20261228T015959Z;BYDAY=MO"  # no WKST
    assert made["无时区的会议"].due_at == datetime(2026, 12, 5, 1, 30, tzinfo=UTC)
    assert made["（无标题）"].due_at == datetime(2026, 12, 6, tzinfo=UTC)
    assert made["春节 给老客户拜年"].rrule == "FREQ=YEARLY"
    mondays = [(e.day(SHANGHAI), e.title) for e in sales.reminders.window(
        date(2026, 11, 1), date(2027, 1, 1), zone=SHANGHAI) if e.title.startswith("销售周会")]
    # Nov 16 excepted, Nov 23 moved to Tuesday the 24th, the last Monday is Dec 21
    assert mondays == [(date(2026, 11, 2), "销售周会"), (date(2026, 11, 9), "销售周会"),
                       (date(2026, 11, 24), "销售周会（改到周二）"),
                       (date(2026, 11, 30), "销售周会"), (date(2026, 12, 7), "销售周会"),
                       (date(2026, 12, 14), "销售周会"), (date(2026, 12, 21), "销售周会")]


def test_preview_lists_every_entry_and_writes_nothing(org) -> None:
    sales = org.session("sales_east1")
    before = _counts(sales)
    preview = sales.reminder_ics.preview(GOOGLE, zone=SHANGHAI)
    assert (preview.events, preview.importable) == (9, 5)
    rows = {row.where: row for row in preview.rows}
    weekly = rows["weekly@google.com"]
    assert (weekly.title, weekly.will_import, weekly.reason) == ("销售周会", True, None)
    assert weekly.start == datetime(2026, 11, 2, 10, 0, tzinfo=SHANGHAI)
    assert weekly.rrule.startswith("FREQ=WEEKLY")
    rdate = rows["rdate@google.com"]
    assert (rdate.title, rdate.start, rdate.all_day, rdate.will_import) == (
        "额外日期", date(2026, 12, 1), True, False)
    assert rdate.reason.code == reasons.EXTRA_DATES
    assert _counts(sales) == before


def test_a_dry_run_reports_the_same_and_writes_nothing(org) -> None:
    sales = org.session("sales_east1")
    before = _counts(sales)
    dry = sales.reminder_ics.import_(GOOGLE, dry_run=True, zone=SHANGHAI)
    assert dry.dry_run and _counts(sales) == before
    done = sales.reminder_ics.import_(GOOGLE, zone=SHANGHAI)
    assert (dry.events, dry.imported, dry.skipped) == (done.events, done.imported, done.skipped)
    assert _counts(sales)[0] == before[0] + 5


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (GOOGLE[: len(GOOGLE) // 2], "is cut short"),
        (GOOGLE.replace(b"DTSTART:20261205T093000", b"DTSTART:20261305T093000"),
         "entry floating@google.com: DTSTART is not a valid date or time"),
        (GOOGLE.replace(b"END:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270206",
                        b"BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270206"),
         "line 61: END:VCALENDAR closes BEGIN:VEVENT of line 15"),
        (b"Subject,Start Date\r\n", "is not an iCalendar file"),
    ],
    ids=["truncated", "bad-date", "unclosed", "csv"],
)
def test_a_malformed_file_names_the_problem_and_writes_nothing(org, data: bytes,
                                                               problem: str) -> None:
    sales = org.session("sales_east1")
    before = _counts(sales)
    with pytest.raises(ValidationError) as caught:
        sales.reminder_ics.import_(data, zone=SHANGHAI)
    assert caught.value.field == "file" and problem in caught.value.message
    assert _counts(sales) == before


def test_an_auditor_cannot_import(org) -> None:
    with pytest.raises(PermissionDenied):
        org.session("auditor").reminder_ics.import_(GOOGLE)
    with pytest.raises(PermissionDenied):
        org.session("auditor").reminder_ics.preview(GOOGLE)


# --- rules as RFC 5545 wants them -----------------------------------------------------------------


@pytest.mark.parametrize("until", ["20261228T100000", "20261228"])
def test_a_timed_series_ending_on_a_local_until_exports_in_utc(org, until: str) -> None:
    sales = org.session("sales_east1")
    made = sales.reminders.create({
        "title": "周一例会", "rrule": f"FREQ=WEEKLY;UNTIL={until}",
        "due_at": datetime(2026, 11, 2, 10, 0, tzinfo=SHANGHAI), "time_zone": "Asia/Shanghai"})
    [event] = _events(sales.reminder_ics.export())[made.id]
    assert "Z" in event["RRULE"].to_ical().decode()
    # dateutil refuses a local UNTIL beside DTSTART;TZID; in UTC it reads as the app shows it
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=event["DTSTART"].dt)
    shown = [e.starts_at for e in sales.reminders.window(date(2026, 11, 1), date(2027, 1, 31),
                                                         zone=SHANGHAI)]
    assert [moment.astimezone(UTC) for moment in rule] == shown and len(shown) == 9
    # read back, the same rule is already there
    assert sales.reminder_ics.import_(sales.reminder_ics.export()).imported == 0
