"""The .ics format on its own: export, import, round trip, files from other programs, bad files."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.errors import ValidationError
from desktop_crm.io.ics import CalendarItem, export_ics, import_ics

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
    birthdays = list(events["b1d0c6f2-0001@desktop-crm"].getrruleset())
    assert [moment.date() for moment in birthdays[:3]] == [
        date(2024, 2, 29), date(2025, 2, 28), date(2026, 2, 28)
    ]
    weekly = list(events["b1d0c6f2-0002@desktop-crm"].getrruleset())
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
    assert all(line.decode("utf-8") is not None for line in lines)  # no character split
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
def test_item_rejects_a_start_of_the_wrong_kind(start, all_day, problem) -> None:  # type: ignore[no-untyped-def]
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
