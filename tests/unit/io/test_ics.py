"""The .ics format on its own: export, import, round trip, files from other programs, bad files."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import islice
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from dateutil.rrule import rrulestr

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.errors import ValidationError
from desktop_crm.io.ics import (
    CalendarItem,
    Reason,
    SkippedEntry,
    export_ics,
    import_ics,
    portable_rule,
    reasons,
    rfc_until,
    without_idle_week_start,
)
from desktop_crm.io.ics.reminder_items import OccurrenceChange, ReminderFields, reminder_items

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2024, 11, 1, 8, 30, tzinfo=UTC)


def mixed_items() -> list[CalendarItem]:
    return [
        CalendarItem(
            uid="b1d0c6f2-0001@desktop-crm",
            title="王小明生日",
            description="记得发祝福短信，顺便问一下新项目的进展。" * 4,
            start=date(2024, 2, 29),
            end=date(2024, 3, 1),
            all_day=True,
            # A bare FREQ=YEARLY from Feb 29 recurs only in leap years (RFC 5545 skips invalid
            # dates); the last day of February keeps the birthday every year.
            rrule="FREQ=YEARLY;BYMONTHDAY=-1;BYMONTH=2",
            categories=("birthday",),
            customer_name="杭州星河贸易有限公司",
        ),
        CalendarItem(
            uid="b1d0c6f2-0002@desktop-crm",
            title="回访：张经理，确认续约",
            start=datetime(2024, 11, 5, 9, 30, tzinfo=SHANGHAI),
            end=datetime(2024, 11, 5, 10, 0, tzinfo=SHANGHAI),
            all_day=False,
            rrule="FREQ=WEEKLY;BYDAY=TU",
            exdates=(datetime(2024, 11, 12, 9, 30, tzinfo=SHANGHAI),),
            categories=("follow_up",),
            customer_name="上海东方机电",
        ),
        CalendarItem(
            uid="b1d0c6f2-0003@desktop-crm",
            title="Contract 2024-017 expires",
            start=datetime(2024, 12, 1, 1, 0, tzinfo=UTC),
            all_day=False,
            categories=("contract_expiry",),
            done=True,
        ),
    ]


def exported() -> bytes:
    return export_ics(
        mixed_items(),
        calendar_name="销售提醒",
        product_id="-//Desktop CRM//Reminders//ZH",
        clock=FixedClock(NOW),
    )


# --- export ---------------------------------------------------------------------------------


def test_export_parses_back_with_icalendar() -> None:
    calendar = icalendar.Calendar.from_ical(exported())
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert len(events) == 3
    birthday = events["b1d0c6f2-0001@desktop-crm"]
    assert str(birthday["SUMMARY"]) == "王小明生日"
    assert birthday.decoded("DTSTART") == date(2024, 2, 29)
    assert birthday["DTSTART"].params["VALUE"] == "DATE"
    assert birthday["RRULE"].to_ical() == b"FREQ=YEARLY;BYMONTHDAY=-1;BYMONTH=2"
    weekly = events["b1d0c6f2-0002@desktop-crm"]
    assert weekly["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert weekly["EXDATE"].dts[0].dt == datetime(2024, 11, 12, 9, 30, tzinfo=SHANGHAI)
    assert [str(c) for c in weekly["CATEGORIES"].cats] == ["follow_up"]
    one_off = events["b1d0c6f2-0003@desktop-crm"]
    assert one_off.decoded("DTSTART") == datetime(2024, 12, 1, 1, 0, tzinfo=UTC)
    assert one_off.decoded("DTSTAMP") == NOW
    assert str(one_off["X-DESKTOP-CRM-DONE"]) == "TRUE"
    assert "X-DESKTOP-CRM-DONE" not in weekly
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    assert str(calendar["X-WR-CALNAME"]) == "销售提醒"


def test_export_is_accepted_by_vobject() -> None:
    calendar = vobject.readOne(exported().decode("utf-8"))
    events = {event.uid.value: event for event in calendar.vevent_list}
    assert events["b1d0c6f2-0001@desktop-crm"].summary.value == "王小明生日"
    birthdays = list(islice(events["b1d0c6f2-0001@desktop-crm"].getrruleset(), 3))
    assert [moment.date() for moment in birthdays[:3]] == [
        date(2024, 2, 29), date(2025, 2, 28), date(2026, 2, 28)
    ]
    weekly = list(islice(events["b1d0c6f2-0002@desktop-crm"].getrruleset(), 2))
    assert weekly[0] == datetime(2024, 11, 5, 9, 30, tzinfo=SHANGHAI)
    # The excepted Tuesday is left out: the next one follows the first.
    assert weekly[1] == datetime(2024, 11, 19, 9, 30, tzinfo=SHANGHAI)
    timed = events["b1d0c6f2-0003@desktop-crm"].dtstart.value
    assert timed == datetime(2024, 12, 1, 1, 0, tzinfo=UTC)


def test_export_lines_are_crlf_folded_and_utf8() -> None:
    data = exported()
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # raises if a fold split a Chinese character
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8")
    assert "记得发祝福短信，顺便问一下新项目的进展。" * 4 in unfolded
    assert "DTSTART;VALUE=DATE:20240229" in unfolded
    assert "DTSTART:20241201T010000Z" in unfolded
    assert "DTSTART;TZID=Asia/Shanghai:20241105T093000" in unfolded
    assert "EXDATE;TZID=Asia/Shanghai:20241112T093000" in unfolded
    assert "DTSTAMP:20241101T083000Z" in unfolded


def test_export_writes_other_zones_as_utc() -> None:
    fixed_offset = datetime(2024, 6, 1, 9, 0, tzinfo=UTC).astimezone()  # a bare offset, no name
    item = CalendarItem(uid="u", title="t", start=fixed_offset, all_day=False)
    data = export_ics([item], calendar_name="c", product_id="p", clock=FixedClock(NOW))
    assert b"DTSTART:20240601T090000Z" in data


# --- round trip -----------------------------------------------------------------------------


def test_round_trip_keeps_every_field() -> None:
    result = import_ics(exported())
    assert result.skipped == ()
    assert list(result.items) == mixed_items()
    weekly = result.items[1]
    assert isinstance(weekly.start, datetime)
    assert weekly.start.tzinfo == SHANGHAI
    assert weekly.exdates[0].tzinfo == SHANGHAI  # type: ignore[union-attr]
    assert result.items[2].start.tzinfo == UTC  # type: ignore[union-attr]


def test_round_trip_of_an_all_day_item_without_end() -> None:
    item = CalendarItem(
        uid="x", title="国庆节问候", start=date(2025, 10, 1), all_day=True,
        rrule="FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=1", exdates=(date(2026, 10, 1),),
        categories=("holiday_greeting", "custom"),
    )
    data = export_ics([item], calendar_name="c", product_id="p", clock=FixedClock(NOW))
    assert b"EXDATE;VALUE=DATE:20261001" in data
    assert import_ics(data).items == (item,)


# --- the item's own rules -------------------------------------------------------------------


def test_item_rejects_end_before_start() -> None:
    with pytest.raises(ValidationError) as caught:
        CalendarItem(
            uid="u", title="t", all_day=False,
            start=datetime(2024, 1, 2, tzinfo=UTC), end=datetime(2024, 1, 1, tzinfo=UTC),
        )
    assert caught.value.field == "end"


@pytest.mark.parametrize(
    ("start", "all_day", "problem"),
    [
        (datetime(2024, 1, 1, 9, 0), False, "must carry a time zone"),
        (date(2024, 1, 1), False, "must be a date and time"),
        (datetime(2024, 1, 1, tzinfo=UTC), True, "must be a date for an all-day item"),
    ],
)
def test_item_rejects_a_start_of_the_wrong_kind(start: date, all_day: bool, problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        CalendarItem(uid="u", title="t", start=start, all_day=all_day)


@pytest.mark.parametrize("rule", ["FREQ=FORTNIGHTLY", "FREQ=WEEKLY;BYDAY=XX",
                                  "FREQ=DAILY;COUNT=3;UNTIL=20250101T000000Z",
                                  "FREQ=MONTHLY;BYMONTHDAY=40", "FREQ=DAILY;INTERVAL=0",
                                  "BYDAY=MO", "FREQ=YEARLY;BYMONTHDAY=0"])
def test_item_rejects_an_invalid_rrule(rule: str) -> None:
    with pytest.raises(ValidationError) as caught:
        CalendarItem(uid="u", title="t", start=date(2024, 1, 1), all_day=True, rrule=rule)
    assert caught.value.field == "rrule"
    assert "is not a valid RRULE" in caught.value.message


def test_item_keeps_rrule_in_canonical_order() -> None:
    item = CalendarItem(
        uid="u", title="t", start=date(2024, 1, 1), all_day=True,
        rrule="RRULE:BYMONTHDAY=29;BYMONTH=2;FREQ=YEARLY",
    )
    # icalendar's order: FREQ, UNTIL, COUNT, INTERVAL, then the BYxxx parts from small to large.
    assert item.rrule == "FREQ=YEARLY;BYMONTHDAY=29;BYMONTH=2"


# --- files written by other programs --------------------------------------------------------


def crlf(text: str) -> bytes:
    return text.strip("\n").replace("\n", "\r\n").encode("utf-8") + b"\r\n"


GOOGLE_EXPORT = crlf("""
BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
CALSCALE:GREGORIAN
METHOD:PUBLISH
X-WR-CALNAME:工作
X-WR-TIMEZONE:Asia/Shanghai
X-WR-CALDESC:
BEGIN:VTIMEZONE
TZID:Asia/Shanghai
X-LIC-LOCATION:Asia/Shanghai
BEGIN:STANDARD
TZOFFSETFROM:+0800
TZOFFSETTO:+0800
TZNAME:CST
DTSTART:19700101T000000
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
DTSTART;TZID=Asia/Shanghai:20241104T140000
DTEND;TZID=Asia/Shanghai:20241104T150000
RRULE:FREQ=WEEKLY;WKST=MO;UNTIL=20241230T055959Z;BYDAY=MO
EXDATE;TZID=Asia/Shanghai:20241111T140000
DTSTAMP:20241101T020304Z
UID:7kukuqrfedlm2f9t1oqfrnj5bl@google.com
CREATED:20241020T101010Z
DESCRIPTION:每周例会：复盘上周拜访，安排本周回访名单。<br>请提前准备好
 本周的客户清单。
LAST-MODIFIED:20241020T101010Z
LOCATION:
SEQUENCE:0
STATUS:CONFIRMED
SUMMARY:销售周会
TRANSP:OPAQUE
BEGIN:VALARM
ACTION:DISPLAY
DESCRIPTION:This is an event reminder
TRIGGER:-P0DT0H10M0S
END:VALARM
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=Asia/Shanghai:20241119T160000
DTEND;TZID=Asia/Shanghai:20241119T170000
DTSTAMP:20241101T020304Z
UID:7kukuqrfedlm2f9t1oqfrnj5bl@google.com
RECURRENCE-ID;TZID=Asia/Shanghai:20241118T140000
SEQUENCE:1
STATUS:CONFIRMED
SUMMARY:销售周会（改到周二）
TRANSP:OPAQUE
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=Asia/Shanghai:20241125T140000
DTEND;TZID=Asia/Shanghai:20241125T150000
DTSTAMP:20241101T020304Z
UID:7kukuqrfedlm2f9t1oqfrnj5bl@google.com
RECURRENCE-ID;TZID=Asia/Shanghai:20241125T140000
STATUS:CANCELLED
SUMMARY:销售周会
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20250129
DTEND;VALUE=DATE:20250130
RRULE:FREQ=YEARLY
DTSTAMP:20241101T020304Z
UID:3q1v0d9o2h3l6n8p@google.com
SUMMARY:春节 给老客户拜年
TRANSP:TRANSPARENT
END:VEVENT
BEGIN:VEVENT
DTSTART:20241205T013000Z
DTEND:20241205T020000Z
DTSTAMP:20241101T020304Z
UID:5f2k9c1m7a@google.com
SUMMARY:电话回访 李总
END:VEVENT
BEGIN:VEVENT
DTSTART:20241206T093000
DTSTAMP:20241101T020304Z
UID:floating-1@google.com
SUMMARY:无时区的会议
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=Asia/Shanghai:20241120T100000
DTSTAMP:20241101T020304Z
UID:cancelled-1@google.com
STATUS:CANCELLED
SUMMARY:取消的拜访
END:VEVENT
END:VCALENDAR
""")


def test_import_google_calendar_export() -> None:
    result = import_ics(GOOGLE_EXPORT)
    by_uid = {item.uid: item for item in result.items}
    weekly = by_uid["7kukuqrfedlm2f9t1oqfrnj5bl@google.com"]
    assert weekly.title == "销售周会"
    assert weekly.description == (
        "每周例会：复盘上周拜访，安排本周回访名单。<br>请提前准备好本周的客户清单。"
    )
    assert weekly.start == datetime(2024, 11, 4, 14, 0, tzinfo=SHANGHAI)
    assert weekly.start.tzinfo == SHANGHAI  # type: ignore[union-attr]
    assert weekly.end == datetime(2024, 11, 4, 15, 0, tzinfo=SHANGHAI)
    assert weekly.rrule == "FREQ=WEEKLY;UNTIL=20241230T055959Z;BYDAY=MO;WKST=MO"
    # Its own EXDATE, the moved Monday and the cancelled Monday.
    assert weekly.exdates == (
        datetime(2024, 11, 11, 14, 0, tzinfo=SHANGHAI),
        datetime(2024, 11, 18, 14, 0, tzinfo=SHANGHAI),
        datetime(2024, 11, 25, 14, 0, tzinfo=SHANGHAI),
    )
    moved = by_uid["7kukuqrfedlm2f9t1oqfrnj5bl@google.com/2024-11-18T14:00:00+08:00"]
    assert (moved.title, moved.rrule) == ("销售周会（改到周二）", "")
    assert moved.start == datetime(2024, 11, 19, 16, 0, tzinfo=SHANGHAI)
    spring = by_uid["3q1v0d9o2h3l6n8p@google.com"]
    assert (spring.all_day, spring.start) == (True, date(2025, 1, 29))
    assert spring.end == date(2025, 1, 30)
    assert spring.rrule == "FREQ=YEARLY"
    call = by_uid["5f2k9c1m7a@google.com"]
    assert call.start == datetime(2024, 12, 5, 1, 30, tzinfo=UTC)
    # A floating time is read in the calendar's X-WR-TIMEZONE.
    assert by_uid["floating-1@google.com"].start == datetime(2024, 12, 6, 9, 30, tzinfo=SHANGHAI)
    assert len(result.items) == 5
    assert result.skipped == (SkippedEntry(
        "cancelled-1@google.com", Reason(reasons.CANCELLED), "取消的拜访",
        datetime(2024, 11, 20, 10, 0, tzinfo=SHANGHAI)),)
    assert result.skipped[0].text == "the entry is cancelled"
    assert result.producers == ("-//Google Inc//Google Calendar 70.9054//EN",)


OUTLOOK_EXPORT = b"\xef\xbb\xbf" + crlf("""
BEGIN:VCALENDAR
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN
VERSION:2.0
METHOD:PUBLISH
X-CALSTART:20241101T000000Z
X-CALEND:20241231T000000Z
X-WR-RELCALID:{0000002E-6A4B-9B0C-2B3C-4D5E6F708192}
X-WR-CALNAME:日历
X-PRIMARY-CALENDAR:TRUE
X-OWNER;CN="王 芳":mailto:wangfang@example.com
X-MS-OLK-WKHRSTART;TZID="China Standard Time":090000
X-MS-OLK-WKHREND;TZID="China Standard Time":180000
X-MS-OLK-WKHRDAYS:MO,TU,WE,TH,FR
BEGIN:VTIMEZONE
TZID:China Standard Time
BEGIN:STANDARD
DTSTART:16010101T000000
TZOFFSETFROM:+0800
TZOFFSETTO:+0800
END:STANDARD
END:VTIMEZONE
BEGIN:VTIMEZONE
TZID:Pacific Standard Time
BEGIN:STANDARD
DTSTART:16011104T020000
RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11
TZOFFSETFROM:-0700
TZOFFSETTO:-0800
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010311T020000
RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3
TZOFFSETFROM:-0800
TZOFFSETTO:-0700
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VTIMEZONE
TZID:Customized Time Zone
BEGIN:STANDARD
DTSTART:16010101T000000
TZOFFSETFROM:+0530
TZOFFSETTO:+0530
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
CLASS:PUBLIC
CREATED:20241028T031500Z
DESCRIPTION:确认第三季度回款计划，带上对账单。\\n
DTEND;TZID="China Standard Time":20241106T103000
DTSTAMP:20241028T031500Z
DTSTART;TZID="China Standard Time":20241106T100000
LAST-MODIFIED:20241028T031500Z
LOCATION:客户办公室
PRIORITY:5
SEQUENCE:0
SUMMARY;LANGUAGE=zh-cn:拜访 深圳华南电子 财务部
TRANSP:OPAQUE
UID:040000008200E00074C5B7101A82E0080000000010F3C7A2D328DB0100000000000000001
 0000000A1B2C3D4E5F60718293A4B5C6D7E8F90
X-ALT-DESC;FMTTYPE=text/html:<html><body><p>确认第三季度回款计划</p></body></h
 tml>
X-MICROSOFT-CDO-BUSYSTATUS:BUSY
X-MICROSOFT-CDO-IMPORTANCE:1
X-MICROSOFT-DISALLOW-COUNTER:FALSE
X-MS-OLK-AUTOFILLLOCATION:FALSE
X-MS-OLK-CONFTYPE:0
BEGIN:VALARM
TRIGGER:-PT15M
ACTION:DISPLAY
DESCRIPTION:Reminder
END:VALARM
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID="Pacific Standard Time":20241104T083000
DTEND;TZID="Pacific Standard Time":20241104T090000
RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=MO
DTSTAMP:20241028T031500Z
SUMMARY:Weekly call with the Seattle distributor
UID:outlook-pst-weekly
X-MICROSOFT-CDO-BUSYSTATUS:BUSY
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID="Customized Time Zone":20241107T150000
DTSTAMP:20241028T031500Z
SUMMARY:Call Bangalore
UID:outlook-custom-zone
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20241225
DTEND;VALUE=DATE:20241226
DTSTAMP:20241028T031500Z
SUMMARY:圣诞节问候
UID:outlook-all-day
X-MICROSOFT-CDO-ALLDAYEVENT:TRUE
END:VEVENT
BEGIN:VTODO
UID:outlook-todo-receivable
DTSTAMP:20241028T031500Z
SUMMARY:催收 合同2024-031 第二期回款
DUE;TZID="China Standard Time":20241115T170000
STATUS:NEEDS-ACTION
CATEGORIES:回款,财务
END:VTODO
BEGIN:VTODO
UID:outlook-todo-done
DTSTAMP:20241028T031500Z
SUMMARY:寄送样品
DUE;VALUE=DATE:20241020
COMPLETED:20241020T080000Z
STATUS:COMPLETED
END:VTODO
BEGIN:VTODO
UID:outlook-todo-undated
DTSTAMP:20241028T031500Z
SUMMARY:有空整理名片
END:VTODO
BEGIN:VEVENT
UID:outlook-no-start
DTSTAMP:20241028T031500Z
SUMMARY:没有开始时间
END:VEVENT
END:VCALENDAR
""")


def test_import_outlook_export_with_windows_zone_names_and_a_bom() -> None:
    result = import_ics(OUTLOOK_EXPORT)
    by_uid = {item.uid: item for item in result.items}
    visit = by_uid[
        "040000008200E00074C5B7101A82E0080000000010F3C7A2D328DB01000000000000000010000000"
        "A1B2C3D4E5F60718293A4B5C6D7E8F90"
    ]
    assert visit.title == "拜访 深圳华南电子 财务部"
    assert visit.description == "确认第三季度回款计划，带上对账单。\n"
    assert visit.start == datetime(2024, 11, 6, 10, 0, tzinfo=SHANGHAI)
    assert visit.start.tzinfo == SHANGHAI  # type: ignore[union-attr]
    pacific = by_uid["outlook-pst-weekly"]
    assert pacific.start.tzinfo == ZoneInfo("America/Los_Angeles")  # type: ignore[union-attr]
    assert pacific.start.astimezone(UTC) == datetime(2024, 11, 4, 16, 30, tzinfo=UTC)  # type: ignore[union-attr]
    assert pacific.rrule == "FREQ=WEEKLY;COUNT=10;BYDAY=MO"
    # A zone only its VTIMEZONE describes keeps the right instant, held in UTC.
    assert by_uid["outlook-custom-zone"].start == datetime(2024, 11, 7, 9, 30, tzinfo=UTC)
    assert by_uid["outlook-all-day"].start == date(2024, 12, 25)
    receivable = by_uid["outlook-todo-receivable"]
    assert receivable.start == datetime(2024, 11, 15, 17, 0, tzinfo=SHANGHAI)
    assert (receivable.categories, receivable.done) == (("回款", "财务"), False)
    done = by_uid["outlook-todo-done"]
    assert (done.start, done.all_day, done.done) == (date(2024, 10, 20), True, True)
    assert len(result.items) == 6
    assert result.skipped == (
        SkippedEntry("outlook-todo-undated", Reason(reasons.NO_DUE), "有空整理名片"),
        SkippedEntry("outlook-no-start", Reason(reasons.NO_START), "没有开始时间"),
    )


def test_floating_times_without_a_calendar_zone_use_the_callers_zone() -> None:
    data = crlf("""
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//EN
BEGIN:VEVENT
UID:f1
DTSTART:20241105T090000
SUMMARY:早会
END:VEVENT
END:VCALENDAR
""")
    tokyo = ZoneInfo("Asia/Tokyo")
    assert import_ics(data, floating_zone=tokyo).items[0].start == datetime(
        2024, 11, 5, 9, 0, tzinfo=tokyo
    )
    assert import_ics(data).items[0].start == datetime(2024, 11, 5, 9, 0, tzinfo=UTC)


def test_entries_that_cannot_become_reminders_are_skipped_with_a_reason() -> None:
    data = crlf("""
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//EN
BEGIN:VEVENT
UID:same
DTSTART;VALUE=DATE:20241105
SUMMARY:first
END:VEVENT
BEGIN:VEVENT
UID:same
DTSTART;VALUE=DATE:20241106
SUMMARY:second
END:VEVENT
BEGIN:VEVENT
UID:bad-frequency
DTSTART;VALUE=DATE:20241105
RRULE:FREQ=FORTNIGHTLY
END:VEVENT
BEGIN:VEVENT
UID:bad-month-day
DTSTART;VALUE=DATE:20241105
RRULE:FREQ=MONTHLY;BYMONTHDAY=40
END:VEVENT
BEGIN:VEVENT
UID:backwards
DTSTART:20241105T100000Z
DTEND:20241105T090000Z
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20241107
SUMMARY:no uid
END:VEVENT
BEGIN:VEVENT
UID:extra-dates
DTSTART;VALUE=DATE:20241105
RRULE:FREQ=MONTHLY
RDATE;VALUE=DATE:20241120
END:VEVENT
BEGIN:VEVENT
UID:exception-rule
DTSTART;VALUE=DATE:20241105
RRULE:FREQ=DAILY
EXRULE:FREQ=WEEKLY;BYDAY=SA,SU
END:VEVENT
END:VCALENDAR
""")
    result = import_ics(data)
    assert [item.title for item in result.items] == ["first", "no uid"]
    # An entry without a UID gets one derived from its content: the same on every import.
    assert result.items[1].uid == import_ics(data).items[1].uid
    assert result.items[1].uid.endswith("@import")
    why = {entry.where: entry.reason for entry in result.skipped}
    assert why["same"] == Reason(reasons.DUPLICATE_UID)
    assert why["bad-frequency"].text == "its RRULE cannot be read"
    assert why["bad-month-day"].code == reasons.INVALID_RRULE
    assert why["bad-month-day"].text.startswith("its RRULE is not valid (BYMONTHDAY=40 is out")
    assert why["backwards"].text == "end is before the start"
    assert why["extra-dates"] == Reason(reasons.EXTRA_DATES)
    assert why["exception-rule"] == Reason(reasons.EXCEPTION_RULE)


# --- files that cannot be read ---------------------------------------------------------------

GOOD_EVENT = "BEGIN:VEVENT\nUID:ok\nDTSTART;VALUE=DATE:20241105\nSUMMARY:好的\nEND:VEVENT\n"


def calendar_with(body: str) -> bytes:
    return crlf(f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Example//EN\n{GOOD_EVENT}{body}"
                "END:VCALENDAR\n")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "is not an iCalendar file"),
        (b"Subject,Start Date\r\nCall,2024-11-05\r\n", "is not an iCalendar file"),
        (crlf("BEGIN:VCARD\nVERSION:3.0\nFN:王小明\nEND:VCARD"), "is not an iCalendar file"),
        (exported()[: len(exported()) // 2], "is cut short"),
        (calendar_with("BEGIN:VEVENT\nUID:open\nDTSTART:20241105T090000Z\n"),
         "line 12: END:VCALENDAR closes BEGIN:VEVENT of line 9"),
        (calendar_with("BEGIN:VEVENT\nUID:x\nDTSTART:20241105T090000Z\nEND:VTODO\n"),
         "line 12: END:VTODO closes BEGIN:VEVENT of line 9"),
        (calendar_with("this line has no colon\n"), "line 9 is not an iCalendar content line"),
        (calendar_with("BEGIN:VEVENT\nUID:b1\nDTSTART:2024-13-45\nEND:VEVENT\n"),
         "entry b1: DTSTART is not a valid date or time"),
        (calendar_with("BEGIN:VEVENT\nUID:b2\nDTSTART;VALUE=DATE:20241345\nEND:VEVENT\n"),
         "entry b2: DTSTART is not a valid date or time"),
        (calendar_with("BEGIN:VTODO\nUID:b3\nDUE:20241105T250000Z\nEND:VTODO\n"),
         "line 11: DUE holds a value that cannot be read (Wrong datetime format"),
        (calendar_with("BEGIN:VEVENT\nUID:b4\nDTSTART;VALUE=DATE:20241105\n"
                       "EXDATE;VALUE=DATE:20241199\nEND:VEVENT\n"),
         "entry b4: EXDATE is not a valid date or time"),
        ("BEGIN:VCALENDAR\r\nSUMMARY:销售\r\nEND:VCALENDAR\r\n".encode("gb18030"),
         "is not UTF-8 text"),
    ],
    ids=["empty", "csv", "vcard", "truncated", "unclosed-event", "spliced", "bad-line",
         "bad-datetime", "bad-date", "bad-due", "bad-exdate", "not-utf8"],
)
def test_malformed_files_raise_a_clear_error(data: bytes, problem: str) -> None:
    with pytest.raises(ValidationError) as caught:
        import_ics(data)
    assert caught.value.field == "file"
    assert problem in caught.value.message


def test_duration_and_date_exceptions_of_a_timed_series() -> None:
    data = crlf("""
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//EN
BEGIN:VEVENT
UID:d1
DTSTART;TZID=Asia/Shanghai:20241105T093000
DURATION:PT45M
RRULE:FREQ=DAILY;COUNT=5
EXDATE;VALUE=DATE:20241107
SUMMARY:晨会
END:VEVENT
BEGIN:VEVENT
UID:d2
DTSTART;VALUE=DATE:20241105
DURATION:P2D
SUMMARY:展会
END:VEVENT
END:VCALENDAR
""")
    standup, fair = import_ics(data).items
    assert standup.end == datetime(2024, 11, 5, 10, 15, tzinfo=SHANGHAI)
    # A bare date excepts that day's occurrence at the series' time of day.
    assert standup.exdates == (datetime(2024, 11, 7, 9, 30, tzinfo=SHANGHAI),)
    assert (fair.start, fair.end) == (date(2024, 11, 5), date(2024, 11, 7))


def test_a_changed_occurrence_without_its_series_and_two_calendars_in_one_file() -> None:
    data = crlf("""
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//EN
BEGIN:VEVENT
UID:series-elsewhere
RECURRENCE-ID;VALUE=DATE:20241105
DTSTART;VALUE=DATE:20241106
SUMMARY:改期的拜访
END:VEVENT
END:VCALENDAR
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//EN
BEGIN:VEVENT
UID:second-calendar
DTSTART:20241108T020000Z
SUMMARY:第二个日历
END:VEVENT
END:VCALENDAR
""")
    items = {item.uid: item for item in import_ics(data).items}
    assert items.keys() == {"series-elsewhere/2024-11-05", "second-calendar"}
    assert items["series-elsewhere/2024-11-05"].start == date(2024, 11, 6)
    assert items["series-elsewhere/2024-11-05"].title == "改期的拜访"


# --- changed occurrences and rule texts ---------------------------------------------------------


def series_with_a_moved_occurrence() -> list[CalendarItem]:
    weekly = CalendarItem(
        uid="s1@desktop-crm", title="周会", all_day=False,
        start=datetime(2024, 11, 4, 14, 0, tzinfo=SHANGHAI),
        end=datetime(2024, 11, 4, 15, 0, tzinfo=SHANGHAI),
        rrule="FREQ=WEEKLY;COUNT=4", customer_name="上海东方机电",
    )
    moved = CalendarItem(
        uid="s1@desktop-crm", title="周会", all_day=False,
        start=datetime(2024, 11, 12, 16, 0, tzinfo=SHANGHAI),
        end=datetime(2024, 11, 12, 17, 0, tzinfo=SHANGHAI),
        recurrence_id=datetime(2024, 11, 11, 14, 0, tzinfo=SHANGHAI),
    )
    return [weekly, moved]


def test_a_changed_occurrence_is_written_with_its_recurrence_id() -> None:
    data = export_ics(series_with_a_moved_occurrence(), calendar_name="c", product_id="p",
                      clock=FixedClock(NOW))
    unfolded = data.replace(b"\r\n ", b"").decode()
    assert "RECURRENCE-ID;TZID=Asia/Shanghai:20241111T140000" in unfolded
    assert "CONTACT:上海东方机电" in unfolded
    # vobject places the moved occurrence where the series' own one would have been
    calendar = vobject.readOne(unfolded)
    master, changed = calendar.vevent_list
    assert changed.recurrence_id.value == datetime(2024, 11, 11, 14, 0, tzinfo=SHANGHAI)
    assert len(list(master.getrruleset())) == 4
    # read back: the series skips the moved date and the moved one stands alone
    items = {item.uid: item for item in import_ics(data).items}
    assert items["s1@desktop-crm"].exdates == (datetime(2024, 11, 11, 14, 0, tzinfo=SHANGHAI),)
    alone = items["s1@desktop-crm/2024-11-11T14:00:00+08:00"]
    assert (alone.start, alone.rrule) == (datetime(2024, 11, 12, 16, 0, tzinfo=SHANGHAI), "")


def test_a_changed_occurrence_does_not_repeat() -> None:
    with pytest.raises(ValidationError) as caught:
        CalendarItem(uid="u", title="t", start=date(2024, 1, 2), all_day=True,
                     rrule="FREQ=DAILY", recurrence_id=date(2024, 1, 1))
    assert caught.value.field == "recurrence_id"


@pytest.mark.parametrize(
    ("rule", "first_day", "portable"),
    [
        ("FREQ=YEARLY", date(2024, 2, 29), "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=5", date(2028, 2, 29),
         "FREQ=YEARLY;COUNT=5;BYMONTH=2;BYMONTHDAY=-1"),
        ("FREQ=YEARLY", date(2024, 3, 1), "FREQ=YEARLY"),
        ("FREQ=MONTHLY", date(2024, 2, 29), "FREQ=MONTHLY"),
        ("FREQ=YEARLY;BYDAY=-1TH;BYMONTH=2", date(2024, 2, 29),
         "FREQ=YEARLY;BYDAY=-1TH;BYMONTH=2"),
    ],
)
def test_a_yearly_rule_from_feb_29_is_written_as_the_last_day_of_february(
        rule: str, first_day: date, portable: str) -> None:
    assert portable_rule(rule, first_day) == portable


def test_the_last_day_of_february_keeps_a_leap_day_birthday_in_other_calendars() -> None:
    item = CalendarItem(uid="b", title="生日", start=date(2024, 2, 29), all_day=True,
                        rrule=portable_rule("FREQ=YEARLY", date(2024, 2, 29)))
    event = vobject.readOne(export_ics([item], calendar_name="c", product_id="p").decode())
    days = [moment.date() for moment in islice(event.vevent.getrruleset(), 5)]
    assert days == [date(2024, 2, 29), date(2025, 2, 28), date(2026, 2, 28), date(2027, 2, 28),
                    date(2028, 2, 29)]


@pytest.mark.parametrize(
    ("rule", "kept"),
    [
        ("FREQ=WEEKLY;UNTIL=20241230T055959Z;BYDAY=MO;WKST=MO",
         "FREQ=WEEKLY;UNTIL=20241230T055959Z;BYDAY=MO"),
        ("FREQ=WEEKLY;BYDAY=MO;WKST=SU", "FREQ=WEEKLY;BYDAY=MO"),
        ("FREQ=MONTHLY;BYDAY=1MO;WKST=SU", "FREQ=MONTHLY;BYDAY=1MO"),
        # every other week on Sunday and Monday: which two days pair up depends on WKST
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;WKST=SU",
         "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;WKST=SU"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;WKST=MO", "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO"),
        ("FREQ=DAILY", "FREQ=DAILY"),
    ],
)
def test_a_week_start_that_changes_nothing_is_dropped(rule: str, kept: str) -> None:
    assert without_idle_week_start(rule) == kept


# --- a reminder's plain fields as items -------------------------------------------------------


def test_a_reminder_becomes_items_as_other_calendars_expect() -> None:
    due = datetime(2026, 5, 4, 1, 0, tzinfo=UTC)
    weekly = ReminderFields(
        id="r1", kind="visit", title="拜访", due_at=due, all_day=False,
        ends_at=due + timedelta(hours=1), rrule="FREQ=WEEKLY", time_zone="Asia/Shanghai",
        changes=(OccurrenceChange("2026-05-11T09:00:00", skipped=True),
                 OccurrenceChange("2026-05-18T09:00:00", done=True),
                 OccurrenceChange("2026-05-25T09:00:00",
                                  moved_to=datetime(2026, 5, 26, 6, 0, tzinfo=UTC)),
                 OccurrenceChange("2026-06-01T09:00:00")))  # only snoozed: nothing to say
    series, moved = reminder_items(weekly, include_done=False)
    assert (series.uid, series.start, series.categories) == (
        "r1@desktop-crm", datetime(2026, 5, 4, 9, 0, tzinfo=SHANGHAI), ("visit",))
    assert series.exdates == (datetime(2026, 5, 11, 9, 0, tzinfo=SHANGHAI),
                              datetime(2026, 5, 18, 9, 0, tzinfo=SHANGHAI))
    assert (moved.recurrence_id, moved.start, moved.end) == (
        datetime(2026, 5, 25, 9, 0, tzinfo=SHANGHAI), datetime(2026, 5, 26, 14, 0, tzinfo=SHANGHAI),
        datetime(2026, 5, 26, 15, 0, tzinfo=SHANGHAI))
    with_done = reminder_items(weekly, include_done=True)
    assert [(i.recurrence_id, i.done) for i in with_done[1:]] == [
        (datetime(2026, 5, 18, 9, 0, tzinfo=SHANGHAI), True),
        (datetime(2026, 5, 25, 9, 0, tzinfo=SHANGHAI), False)]

    fair = ReminderFields(id="r2", kind="custom", title="展会", all_day=True,
                          due_at=datetime(2026, 6, 1, tzinfo=UTC),
                          ends_at=datetime(2026, 6, 3, tzinfo=UTC), time_zone="")
    [item] = reminder_items(fair, include_done=False)
    assert (item.start, item.end) == (date(2026, 6, 1), date(2026, 6, 4))  # DTEND: day after
    call = ReminderFields(id="r3", kind="follow_up", title="回电", due_at=due, all_day=False,
                          time_zone="", done=True)
    assert reminder_items(call, include_done=False) == []
    [done] = reminder_items(call, include_done=True)
    data = export_ics([done], calendar_name="c", product_id="p", clock=FixedClock(NOW))
    assert b"DTSTART:20260504T010000Z" in data and b"X-DESKTOP-CRM-DONE:TRUE" in data


@pytest.mark.parametrize(
    ("rule", "zone", "written"),
    [
        # a local time is wall time in the zone; a date runs through the end of that day
        ("FREQ=WEEKLY;UNTIL=20261231T100000", SHANGHAI, "FREQ=WEEKLY;UNTIL=20261231T020000Z"),
        ("FREQ=WEEKLY;UNTIL=20261231;BYDAY=MO", SHANGHAI,
         "FREQ=WEEKLY;UNTIL=20261231T155959Z;BYDAY=MO"),
        ("FREQ=DAILY;UNTIL=20260701", ZoneInfo("America/New_York"),
         "FREQ=DAILY;UNTIL=20260702T035959Z"),  # summer time: UTC-4
        ("FREQ=DAILY;UNTIL=20261231T020000Z", SHANGHAI, "FREQ=DAILY;UNTIL=20261231T020000Z"),
        ("FREQ=DAILY;UNTIL=20261231", UTC, "FREQ=DAILY;UNTIL=20261231T235959Z"),
        ("FREQ=DAILY;COUNT=3", SHANGHAI, "FREQ=DAILY;COUNT=3"),
        # an all-day series: UNTIL is a date, as its DTSTART is
        ("FREQ=DAILY;UNTIL=20261231T120000Z", None, "FREQ=DAILY;UNTIL=20261231"),
        ("FREQ=DAILY;UNTIL=20261231", None, "FREQ=DAILY;UNTIL=20261231"),
    ],
)
def test_until_is_written_as_rfc_5545_asks(rule: str, zone: Any, written: str) -> None:
    assert rfc_until(rule, zone) == written


@pytest.mark.parametrize("until", ["20261228T100000", "20261228"])
def test_a_timed_series_with_a_local_until_reads_in_other_calendars(until: str) -> None:
    """dateutil refuses a local or date UNTIL beside DTSTART;TZID; written in UTC it reads,
    and ends on the last occurrence the app shows."""
    weekly = ReminderFields(
        id="w", kind="visit", title="周一拜访", due_at=datetime(2026, 11, 2, 2, 0, tzinfo=UTC),
        all_day=False, rrule=f"FREQ=WEEKLY;UNTIL={until}", time_zone="Asia/Shanghai")
    data = export_ics(reminder_items(weekly, include_done=False), calendar_name="c",
                      product_id="p", clock=FixedClock(NOW))
    assert b"DTSTART;TZID=Asia/Shanghai:20261102T100000" in data
    [event] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=event["DTSTART"].dt)
    days = [moment.astimezone(SHANGHAI) for moment in rule]
    assert days[0] == datetime(2026, 11, 2, 10, 0, tzinfo=SHANGHAI)
    assert days[-1] == datetime(2026, 12, 28, 10, 0, tzinfo=SHANGHAI) and len(days) == 9
