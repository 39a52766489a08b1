"""Logging a call with a next step creates the follow-up reminder in the same transaction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, func, select

from desktop_crm.domain.errors import PermissionDenied, ValidationError
from desktop_crm.storage.models import AuditEvent, Interaction, Reminder, Role, RoleGrant

from .conftest import NOW

SHANGHAI = ZoneInfo("Asia/Shanghai")
TOMORROW_10 = datetime(2026, 11, 24, 10, 0, tzinfo=SHANGHAI)


def _counts(session) -> tuple[int, int, int]:
    """(calls, reminders, audit events) in the vault."""
    with session._open().database.reading() as s:
        return tuple(s.execute(select(func.count()).select_from(t)).scalar_one()
                     for t in (Interaction, Reminder, AuditEvent))


def _actions(session, last: int) -> list[str]:
    with session._open().database.reading() as s:
        found = s.execute(select(AuditEvent.action).order_by(AuditEvent.seq.desc()).limit(last))
        return list(reversed(found.scalars().all()))


def test_a_next_step_with_a_date_creates_my_follow_up(org, customer_of) -> None:
    cid = customer_of("sales_east1", name="张伟")
    sales = org.session("sales_east1")
    call = sales.interactions.log(cid, {
        "kind": "call", "direction": "outbound", "duration_seconds": 300, "outcome": "有意向",
        "summary": "介绍新产品", "needs": "需要报价", "special_notes": "下午不方便接电话",
        "next_step": "发送报价单\n附上案例", "next_step_at": TOMORROW_10})
    assert call.reminder_id is not None
    assert call.started_at == NOW and call.next_step_at == datetime(2026, 11, 24, 2, 0,
                                                                     tzinfo=UTC)
    [reminder] = sales.reminders.list()
    assert reminder.id == call.reminder_id
    assert (reminder.kind, reminder.owner_id, reminder.customer_id, reminder.title) == (
        "follow_up", org.ids["sales_east1"], cid, "发送报价单")
    assert reminder.due_at == call.next_step_at and not reminder.all_day
    assert _actions(sales, 2) == ["interaction.create", "reminder.create"]
    # the call log shows which follow-up each call created
    assert [(c.id, c.reminder_id) for c in sales.interactions.for_customer(cid)] == [
        (call.id, reminder.id)]
    # updating the call keeps the link in its view
    assert sales.interactions.update(call.id, {"outcome": "已报价"}).reminder_id == reminder.id


def test_no_date_no_reminder(org, customer_of) -> None:
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    plain = sales.interactions.log(cid, {"summary": "问候"})
    noted = sales.interactions.log(cid, {"summary": "问候", "next_step": "下月再联系"})
    assert plain.reminder_id is None and noted.reminder_id is None
    assert noted.next_step == "下月再联系"
    assert sales.reminders.list() == []
    assert {c.reminder_id for c in sales.interactions.for_customer(cid)} == {None}


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"next_step_at": TOMORROW_10}, "next_step"),
        ({"next_step": "   ", "next_step_at": TOMORROW_10}, "next_step"),
        ({"next_step": "回访", "next_step_at": NOW - timedelta(hours=1)}, "next_step_at"),
        ({"next_step": "回访", "next_step_at": NOW + timedelta(days=800)}, "next_step_at"),
        ({"next_step": "回访", "next_step_at": datetime(2026, 11, 24, 10, 0)}, "next_step_at"),
        ({"next_step": "回访", "next_step_at": "tomorrow"}, "next_step_at"),
        ({"kind": "fax"}, "kind"),
        ({"duration_seconds": -5}, "duration_seconds"),
    ],
)
def test_refused_input_names_the_field_and_writes_nothing(
        org, customer_of, data: dict, field: str) -> None:
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    before = _counts(sales)
    with pytest.raises(ValidationError) as caught:
        sales.interactions.log(cid, {"summary": "通话", **data})
    assert caught.value.field == field
    assert _counts(sales) == before


def test_a_next_step_picked_for_this_minute_is_not_in_the_past(org, customer_of) -> None:
    cid = customer_of("sales_east1")
    org.clock.advance(timedelta(seconds=40))  # 09:00:40; the picker said 09:00
    call = org.session("sales_east1").interactions.log(
        cid, {"next_step": "马上回电", "next_step_at": NOW})
    assert call.reminder_id is not None


def test_a_long_next_step_is_cut_to_a_title(org, customer_of) -> None:
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    sales.interactions.log(cid, {"next_step": "长" * 300, "next_step_at": TOMORROW_10})
    [reminder] = sales.reminders.list()
    assert len(reminder.title) == 200 and reminder.title.endswith("…")


def test_the_follow_up_belongs_to_whoever_logged_the_call(org, customer_of) -> None:
    cid = customer_of("sales_east1", name="李雷")
    service = org.session("service1")  # customer service takes an inbound call
    call = service.interactions.log(cid, {"direction": "inbound", "next_step": "回电确认",
                                          "next_step_at": TOMORROW_10})
    [reminder] = service.reminders.list()
    assert reminder.owner_id == org.ids["service1"] and reminder.customer_id == cid
    # the owner sees the call, but not the service agent's reminder (nor its id)
    [seen] = org.session("sales_east1").interactions.for_customer(cid)
    assert seen.id == call.id and seen.reminder_id is None
    assert org.session("sales_east1").reminders.list() == []


def test_without_reminder_create_a_dated_next_step_is_refused(org, customer_of) -> None:
    cid = customer_of("sales_east1")
    admin = org.session("admin")
    with admin._open().database.unit_of_work() as s:
        service_role = s.execute(select(Role.id).where(Role.name == "service")).scalar_one()
        s.execute(delete(RoleGrant).where(RoleGrant.role_id == service_role,
                                          RoleGrant.resource == "reminder",
                                          RoleGrant.action == "create"))
    service = org.session("service1")
    before = _counts(service)
    with pytest.raises(PermissionDenied):
        service.interactions.log(cid, {"next_step": "回电", "next_step_at": TOMORROW_10})
    assert _counts(service) == before
    assert service.interactions.log(cid, {"summary": "来电咨询"}).reminder_id is None
