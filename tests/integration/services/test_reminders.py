"""The reminder service on a real vault: create, list and complete, within each role's scope."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from desktop_crm.domain.errors import NotFound, PermissionDenied, ValidationError
from desktop_crm.storage.models import AuditEvent, Reminder

from .conftest import NOW

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _rows(session) -> tuple[int, int]:
    """(reminders, audit events) in the vault."""
    with session._open().database.reading() as s:
        return (s.execute(select(func.count()).select_from(Reminder)).scalar_one(),
                s.execute(select(func.count()).select_from(AuditEvent)).scalar_one())


def _last_audit(session) -> tuple[str, str, dict]:
    """(action, entity id, detail) of the newest audit event."""
    with session._open().database.reading() as s:
        return tuple(s.execute(
            select(AuditEvent.action, AuditEvent.entity_id, AuditEvent.detail)
            .order_by(AuditEvent.seq.desc()).limit(1)).one())


def test_create_for_myself_with_a_customer_stores_utc_and_is_audited(org, customer_of) -> None:
    cid = customer_of("sales_east1", name="王芳")
    sales = org.session("sales_east1")
    due = datetime(2026, 11, 24, 15, 30, tzinfo=SHANGHAI)
    made = sales.reminders.create({"kind": "visit", "title": "  上门拜访  ", "due_at": due,
                                   "customer_id": cid})
    assert made.owner_id == org.ids["sales_east1"] and made.customer_id == cid
    assert (made.kind, made.title, made.all_day, made.done_at, made.version) == (
        "visit", "上门拜访", False, None, 1)
    assert made.due_at == datetime(2026, 11, 24, 7, 30, tzinfo=UTC)
    assert sales.reminders.list() == [made]  # read back, it is the same view
    assert _last_audit(sales) == ("reminder.create", made.id,
                                  {"kind": "visit", "owner": made.owner_id, "customer": cid})


def test_an_all_day_reminder_keeps_its_calendar_date(org) -> None:
    sales = org.session("sales_east1")
    # 00:30 on the 25th in Shanghai is still the 24th in UTC: the date given is kept
    by_datetime = sales.reminders.create({"title": "生日", "kind": "birthday", "all_day": True,
                                          "due_at": datetime(2026, 11, 25, 0, 30,
                                                             tzinfo=SHANGHAI)})
    by_date = sales.reminders.create({"title": "节日问候", "kind": "holiday_greeting",
                                      "all_day": True, "due_at": date(2026, 12, 31)})
    by_text = sales.reminders.create({"title": "续约", "all_day": True, "due_at": "2027-01-05"})
    assert by_datetime.due_at == datetime(2026, 11, 25, tzinfo=UTC)
    assert by_date.due_at == datetime(2026, 12, 31, tzinfo=UTC)
    assert by_text.due_at.date() == date(2027, 1, 5) and by_text.kind == "follow_up"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"due_at": NOW}, "title"),
        ({"title": "   ", "due_at": NOW}, "title"),
        ({"title": "x" * 201, "due_at": NOW}, "title"),
        ({"title": "x"}, "due_at"),
        ({"title": "x", "due_at": datetime(2026, 11, 24, 9, 0)}, "due_at"),  # no time zone
        ({"title": "x", "due_at": "next tuesday"}, "due_at"),
        ({"title": "x", "due_at": datetime(1850, 1, 1, tzinfo=UTC)}, "due_at"),
        ({"title": "x", "due_at": date(2026, 12, 1)}, "due_at"),  # a date alone: all-day only
        ({"title": "x", "due_at": NOW, "kind": "party"}, "kind"),
        ({"title": "x", "due_at": NOW, "all_day": "yes"}, "all_day"),
        ({"title": "x", "due_at": NOW, "rrule": "FREQ=HOURLY"}, "rrule"),
            ({"title": "x", "due_at": NOW, "ends_at": NOW - timedelta(hours=1)}, "ends_at"),
        ({"title": "x", "due_at": NOW, "owner_id": "no-such-user"}, "owner_id"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(org, data: dict, field: str) -> None:
    admin = org.session("admin")
    before = _rows(admin)
    with pytest.raises(ValidationError) as caught:
        admin.reminders.create(data)
    assert caught.value.field == field
    assert _rows(admin) == before


def test_a_customer_out_of_sight_reads_as_missing(org, customer_of) -> None:
    other = customer_of("sales_east2", name="别人的客户")
    sales = org.session("sales_east1")
    before = _rows(sales)
    with pytest.raises(NotFound) as caught:
        sales.reminders.create({"title": "x", "due_at": NOW, "customer_id": other})
    assert str(caught.value) == f"customer not found: {other}"
    reminders, events = _rows(sales)
    assert reminders == before[0] and events == before[1] + 1  # the attempt is audited
    assert _last_audit(sales)[0] == "customer.access_denied"


def test_owner_other_than_myself_only_within_my_scope(org) -> None:
    sales = org.session("sales_east1")
    with pytest.raises(ValidationError) as caught:
        sales.reminders.create({"title": "x", "due_at": NOW,
                                "owner_id": org.ids["sales_east2"]})
    assert caught.value.field == "owner_id"
    manager = org.session("mgr_east")
    made = manager.reminders.create({"title": "回访大客户", "due_at": NOW + timedelta(days=1),
                                     "owner_id": org.ids["sales_south1"]})  # reports to mgr_east
    assert made.owner_id == org.ids["sales_south1"]
    assert [r.id for r in org.session("sales_south1").reminders.list()] == [made.id]
    with pytest.raises(ValidationError):
        manager.reminders.create({"title": "x", "due_at": NOW,
                                  "owner_id": org.ids["sales_south2"]})  # not in the chain


def test_roles_without_create_are_refused(org) -> None:
    with pytest.raises(PermissionDenied):
        org.session("auditor").reminders.create({"title": "x", "due_at": NOW})


def _make(session, title: str, hours: int, **extra) -> str:
    return session.reminders.create(
        {"title": title, "due_at": NOW + timedelta(hours=hours), **extra}).id


def test_list_shows_mine_and_what_my_scope_covers(org) -> None:
    mine = _make(org.session("sales_east1"), "我的", 2)
    colleague = _make(org.session("sales_east2"), "同事的", 1)
    across = _make(org.session("sales_south1"), "跨部门下属的", 3)
    outside = _make(org.session("sales_south2"), "别的部门", 4)
    manager_own = _make(org.session("mgr_east"), "经理的", 5)

    def listed(name: str) -> list[str]:
        return [r.id for r in org.session(name).reminders.list()]

    assert listed("sales_east1") == [mine]
    assert listed("mgr_east") == [colleague, mine, across, manager_own]  # by due time
    assert listed("service1") == [colleague, mine, across, outside, manager_own]  # reads all
    assert listed("admin") == listed("service1")


def test_list_filters_by_window_customer_and_done(org, customer_of) -> None:
    cid = customer_of("sales_east1", name="李雷")
    sales = org.session("sales_east1")
    early = _make(sales, "早", 1)
    linked = _make(sales, "关联客户", 24, customer_id=cid)
    late = _make(sales, "晚", 48)
    assert [r.id for r in sales.reminders.list(due_from=NOW + timedelta(hours=1),
                                               due_until=NOW + timedelta(hours=48))] == [
        early, linked]  # from inclusive, until exclusive
    assert [r.id for r in sales.reminders.list(customer_id=cid)] == [linked]
    assert [r.id for r in sales.reminders.list(limit=2)] == [early, linked]
    sales.reminders.complete(early)
    assert [r.id for r in sales.reminders.list()] == [linked, late]
    assert [r.id for r in sales.reminders.list(include_done=True)] == [early, linked, late]
    with pytest.raises(ValidationError) as caught:
        sales.reminders.list(due_from=datetime(2026, 11, 1))
    assert caught.value.field == "due_from"
    with pytest.raises(ValidationError):
        sales.reminders.list(limit=0)


def test_complete_marks_done_once_and_is_audited(org) -> None:
    sales = org.session("sales_east1")
    rid = _make(sales, "打电话", 3)
    org.clock.advance(timedelta(minutes=5))
    done = sales.reminders.complete(rid)
    assert done.done_at == NOW + timedelta(minutes=5) and done.version == 2
    assert _last_audit(sales)[0] == "reminder.complete"
    before = _rows(sales)
    assert sales.reminders.complete(rid) == done  # again: nothing changes, nothing written
    assert _rows(sales) == before


def test_complete_respects_scope(org) -> None:
    rid = _make(org.session("sales_east2"), "同事的提醒", 3)
    with pytest.raises(NotFound) as caught:
        org.session("sales_east1").reminders.complete(rid)
    assert str(caught.value) == f"reminder not found: {rid}"
    # customer service reads everyone's reminders but completes only its own
    with pytest.raises(PermissionDenied):
        org.session("service1").reminders.complete(rid)
    assert org.session("mgr_east").reminders.complete(rid).done_at is not None
