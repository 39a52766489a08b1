"""A customer's timeline on a real vault: every kind merged newest first, last contact, scope."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, select

from desktop_crm.domain.errors import NotFound, ValidationError
from desktop_crm.services.bulk import ActivityBatch, ActivityImport
from desktop_crm.services.timeline import TimelineService
from desktop_crm.storage.models import AuditEvent, Role, RoleGrant

from .conftest import NOW  # 2026-11-23 09:00 UTC

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _at(days: float, hours: float = 0) -> datetime:
    return NOW - timedelta(days=days, hours=hours)


@pytest.fixture
def history(org, customer_of) -> dict[str, str]:
    """A customer of sales_east1 with one of every kind of history; name -> customer id."""
    cid = customer_of("sales_east1", name="王芳")
    admin = org.session("admin")
    batch = ActivityBatch(
        interactions=[
            {"customer_id": cid, "user_id": org.ids["sales_east1"], "started_at": _at(10),
             "summary": "首次电话", "outcome": "有意向", "duration_seconds": 120},
            {"customer_id": cid, "user_id": org.ids["service1"], "started_at": _at(2),
             "kind": "call", "direction": "inbound", "summary": "询问发货时间",
             "needs": "加急", "special_notes": "只在上午联系", "next_step": "确认物流",
             "next_step_at": NOW + timedelta(days=1)},
        ],
        complaints=[
            {"customer_id": cid, "opened_at": _at(5), "category": "物流", "severity": "high",
             "summary": "包装破损", "status": "in_progress",
             "assignee_id": org.ids["service1"], "first_response_at": _at(5) + timedelta(hours=2)},
            {"customer_id": cid, "opened_at": _at(40), "summary": "发票错误", "status": "open"},
            {"customer_id": cid, "opened_at": _at(90), "summary": "旧投诉", "status": "closed",
             "resolved_at": _at(80)},
        ],
        satisfaction=[{"customer_id": cid, "responded_at": _at(3), "csat": 4,
                       "comment": "服务不错", "survey": "CSAT"}],
        orders=[{"customer_id": cid, "ordered_at": _at(7), "amount_minor": 1_250_000,
                 "description": "年度套餐"}],
        contracts=[{"customer_id": cid, "number": "HT-0000001", "title": "年度服务合同",
                    "start_date": date(2026, 11, 16), "end_date": date(2027, 11, 15),
                    "amount_minor": 9_900_000}],
    )
    ActivityImport(admin._ctx).create(batch)
    return {"王芳": cid}


def test_every_kind_newest_first_with_its_own_text(org, history) -> None:
    cid = history["王芳"]
    timeline = TimelineService(org.session("sales_east1")._ctx, zone=SHANGHAI).for_customer(cid)
    assert [(e.kind, e.title) for e in timeline.entries] == [
        ("interaction", "询问发货时间"),  # 2 days ago
        ("satisfaction", "服务不错"),  # 3
        ("complaint", "包装破损"),  # 5
        ("order", "年度套餐"),  # 7 days ago: 2026-11-16 09:00 UTC
        ("contract", "HT-0000001"),  # starts 2026-11-16: 00:00 in Shanghai, 16:00 UTC before
        ("interaction", "首次电话"),  # 10
        ("complaint", "发票错误"),  # 40
        ("complaint", "旧投诉"),  # 90
    ]
    inbound, satisfaction, complaint, order, contract = timeline.entries[:5]
    assert inbound.at == _at(2) and inbound.detail == {
        "kind": "call", "direction": "inbound", "outcome": "", "needs": "加急",
        "special_notes": "只在上午联系", "next_step": "确认物流",
        "next_step_at": NOW + timedelta(days=1), "duration_seconds": 0,
        "user_id": org.ids["service1"], "user_display_name": "service1"}
    assert complaint.detail["assignee_display_name"] == "service1"
    assert (complaint.detail["severity"], complaint.detail["status"]) == ("high", "in_progress")
    assert satisfaction.detail == {"survey": "CSAT", "channel": "phone", "csat": 4, "nps": None}
    assert order.detail == {"amount_minor": 1_250_000, "currency": "CNY"}
    assert contract.at == datetime(2026, 11, 16, tzinfo=SHANGHAI)
    assert contract.detail["title"] == "年度服务合同"
    assert contract.detail["end_date"] == date(2027, 11, 15)
    with pytest.raises(TypeError):
        inbound.detail["summary"] = "changed"  # type: ignore[index]
    assert timeline.open_complaints == 2  # open and in progress; the closed one not
    assert timeline.last_contact_at == _at(2) and timeline.days_since_last_contact == 2


def test_limit_keeps_the_newest(org, history) -> None:
    sales = org.session("sales_east1")
    timeline = sales.timeline.for_customer(history["王芳"], limit=3)
    assert [e.kind for e in timeline.entries] == ["interaction", "satisfaction", "complaint"]
    assert timeline.open_complaints == 2  # counted over all, not just the entries shown
    for bad in (0, -1, 2001):
        with pytest.raises(ValidationError) as caught:
            sales.timeline.for_customer(history["王芳"], limit=bad)
        assert caught.value.field == "limit"


def test_days_since_last_contact_counts_local_dates(org, customer_of) -> None:
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    # 17:00 UTC on the 22nd is already 01:00 on the 23rd in Shanghai, like NOW (17:00 there)
    sales.interactions.log(cid, {"started_at": datetime(2026, 11, 22, 17, 0, tzinfo=UTC)})
    in_shanghai = TimelineService(sales._ctx, zone=SHANGHAI).for_customer(cid)
    in_utc = TimelineService(sales._ctx, zone=UTC).for_customer(cid)
    assert in_shanghai.days_since_last_contact == 0
    assert in_utc.days_since_last_contact == 1


def test_a_call_dated_ahead_is_listed_but_is_no_contact_yet(org, customer_of) -> None:
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    assert sales.timeline.for_customer(cid).last_contact_at is None
    ahead = sales.interactions.log(cid, {"started_at": NOW + timedelta(days=3),
                                         "summary": "约好的拜访"})
    past = sales.interactions.log(cid, {"started_at": NOW - timedelta(days=1)})
    timeline = sales.timeline.for_customer(cid)
    assert [e.id for e in timeline.entries] == [ahead.id, past.id]
    assert timeline.last_contact_at == NOW - timedelta(days=1)
    org.session("admin").interactions.delete(past.id)
    timeline = sales.timeline.for_customer(cid)
    assert [e.id for e in timeline.entries] == [ahead.id]
    assert timeline.last_contact_at is None and timeline.days_since_last_contact is None


def test_only_who_sees_the_customer_sees_its_timeline(org, history) -> None:
    cid = history["王芳"]
    admin = org.session("admin")
    with pytest.raises(NotFound) as caught:
        org.session("sales_east2").timeline.for_customer(cid)
    assert str(caught.value) == f"customer not found: {cid}"
    with admin._open().database.reading() as s:
        last = s.execute(select(AuditEvent.action, AuditEvent.detail)
                         .order_by(AuditEvent.seq.desc()).limit(1)).one()
    assert tuple(last) == ("customer.access_denied", {"attempted": "timeline.read"})
    for name in ("mgr_east", "service1", "auditor", "admin"):  # the owner's manager and more
        assert len(org.session(name).timeline.for_customer(cid).entries) == 8, name
    with pytest.raises(NotFound):
        org.session("sales_south2").timeline.for_customer(cid)


def test_a_role_without_complaint_read_gets_no_complaints(org, history) -> None:
    with org.session("admin")._open().database.unit_of_work() as s:
        sales_role = s.execute(select(Role.id).where(Role.name == "sales")).scalar_one()
        s.execute(delete(RoleGrant).where(RoleGrant.role_id == sales_role,
                                          RoleGrant.resource == "complaint"))
    timeline = org.session("sales_east1").timeline.for_customer(history["王芳"])
    assert "complaint" not in {e.kind for e in timeline.entries}
    assert len(timeline.entries) == 5 and timeline.open_complaints == 0
