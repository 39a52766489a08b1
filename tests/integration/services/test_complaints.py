"""Complaints: opened, routed, answered, resolved, closed and reopened, only along the legal
steps and only by those who may; late ones are overdue by the policies."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from desktop_crm.domain.enums import UserStatus
from desktop_crm.domain.errors import NotFound, PermissionDenied, ValidationError
from desktop_crm.storage.models import AuditEvent, Complaint

from .conftest import DENIED, HIDDEN, NOW, OK, outcome


def _actions(session, last: int) -> list[str]:
    with session._open().database.reading() as s:
        found = s.execute(select(AuditEvent.action).order_by(AuditEvent.seq.desc()).limit(last))
        return list(reversed(found.scalars().all()))


def _count(session) -> int:
    with session._open().database.reading() as s:
        return s.execute(select(func.count()).select_from(Complaint)).scalar_one()


def test_a_complaint_goes_from_open_to_closed(org, customer_of) -> None:
    cid = customer_of("sales_east1", name="张伟")
    service = org.session("service1")
    opened = service.complaints.open(cid, {
        "summary": "包装破损，要求换货", "channel": "wechat", "category": "物流",
        "severity": "high"})
    # the customer's owner handles it unless someone else is chosen
    assert (opened.status, opened.assignee_id, opened.assignee_name) == (
        "open", org.ids["sales_east1"], "sales_east1")
    assert (opened.customer_name, opened.channel, opened.category, opened.severity) == (
        "张伟", "wechat", "物流", "high")
    assert opened.opened_at == NOW and not opened.overdue
    assert opened.response_due_at == NOW + timedelta(hours=24)
    assert opened.resolution_due_at == NOW + timedelta(days=7)

    routed = service.complaints.assign(opened.id, org.ids["service1"])
    assert (routed.assignee_id, routed.status) == (org.ids["service1"], "open")
    org.clock.advance(timedelta(hours=2))
    answered = service.complaints.respond(opened.id, "已致电客户，安排换货")
    assert (answered.status, answered.response) == ("in_progress", "已致电客户，安排换货")
    assert answered.first_response_at == NOW + timedelta(hours=2)
    with pytest.raises(ValidationError) as early:
        service.complaints.resolve(opened.id, "新货已签收", at=NOW + timedelta(hours=1))
    assert early.value.field == "at"
    org.clock.advance(timedelta(days=1))
    resolved = service.complaints.resolve(opened.id, "新货已签收")
    assert (resolved.status, resolved.resolution) == ("resolved", "新货已签收")
    assert resolved.resolved_at == NOW + timedelta(days=1, hours=2)
    closed = service.complaints.close(opened.id)
    assert closed.status == "closed" and closed.version == 5
    # resolving also scheduled the return visit (test_return_visits says more)
    assert _actions(service, 5) == ["complaint.assign", "complaint.respond",
                                    "complaint.resolve", "reminder.create", "complaint.close"]
    assert [c.id for c in service.complaints.for_customer(cid)] == [opened.id]


def test_reopening_takes_it_up_again_without_its_resolution(org, customer_of) -> None:
    cid = customer_of("sales_east1")
    service = org.session("service1")
    item = service.complaints.open(cid, {"summary": "发票错误",
                                         "assignee_id": org.ids["service1"]})
    service.complaints.respond(item.id, "已核实")
    service.complaints.resolve(item.id, "已重开发票")
    service.complaints.close(item.id)
    again = service.complaints.reopen(item.id)
    assert (again.status, again.resolved_at, again.resolution) == ("in_progress", None, "")
    assert again.response == "已核实" and again.first_response_at == NOW
    assert service.complaints.resolve(item.id, "再次重开").status == "resolved"


@pytest.mark.parametrize(
    ("steps", "step", "hint"),
    [
        ([], "resolve", "record its first response first"),
        ([], "close", "resolve it first"),
        ([], "reopen", "it is still open"),
        (["respond"], "respond", "its first response is recorded already"),
        (["respond"], "close", "resolve it first"),
        (["respond", "resolve"], "respond", "it is resolved already"),
        (["respond", "resolve"], "resolve", "it is resolved already"),
        (["respond", "resolve"], "assign", "it is resolved: reopen it first"),
        (["respond", "resolve", "close"], "resolve", "it is closed: reopen it first"),
        (["respond", "resolve", "close"], "close", "it is closed already"),
        (["respond", "resolve", "close"], "assign", "it is closed: reopen it first"),
    ],
)
def test_illegal_steps_are_refused_clearly(org, customer_of, steps, step, hint) -> None:
    cid = customer_of("sales_east1")
    service = org.session("service1")
    item = service.complaints.open(cid, {"summary": "延迟发货",
                                         "assignee_id": org.ids["service1"]})
    do = {
        "respond": lambda: service.complaints.respond(item.id, "收到"),
        "resolve": lambda: service.complaints.resolve(item.id, "已发货"),
        "close": lambda: service.complaints.close(item.id),
        "reopen": lambda: service.complaints.reopen(item.id),
        "assign": lambda: service.complaints.assign(item.id, org.ids["mgr_east"]),
    }
    for earlier in steps:
        do[earlier]()
    before = service.complaints.get(item.id)
    with pytest.raises(ValidationError) as refused:
        do[step]()
    assert refused.value.field == "status"
    assert refused.value.message.endswith(hint)
    assert service.complaints.get(item.id) == before  # nothing changed


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "summary"),
        ({"summary": "   "}, "summary"),
        ({"summary": "x" * 5001}, "summary"),
        ({"summary": "坏了", "severity": "urgent"}, "severity"),
        ({"summary": "坏了", "channel": "fax"}, "channel"),
        ({"summary": "坏了", "category": "c" * 65}, "category"),
        ({"summary": "坏了", "opened_at": NOW + timedelta(days=1)}, "opened_at"),
        ({"summary": "坏了", "opened_at": datetime(2026, 11, 1)}, "opened_at"),
        ({"summary": "坏了", "assignee_id": "nobody"}, "assignee_id"),
        ({"summary": "坏了", "status": "closed"}, "status"),
    ],
)
def test_refused_input_names_the_field_and_writes_nothing(org, customer_of, data,
                                                          field) -> None:
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    with pytest.raises(ValidationError) as refused:
        sales.complaints.open(cid, data)
    assert refused.value.field == field
    assert _count(sales) == 0


def test_response_and_resolution_need_their_words_and_a_sound_time(org, customer_of) -> None:
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    item = sales.complaints.open(cid, {"summary": "坏了",
                                       "opened_at": NOW - timedelta(hours=3)})
    for text, at, field in (("", None, "response"),
                            ("收到", NOW - timedelta(hours=4), "at"),
                            ("收到", NOW + timedelta(hours=1), "at")):
        with pytest.raises(ValidationError) as refused:
            sales.complaints.respond(item.id, text, at=at)
        assert refused.value.field == field
    sales.complaints.respond(item.id, "收到", at=NOW - timedelta(hours=1))
    with pytest.raises(ValidationError) as refused:
        sales.complaints.resolve(item.id, " ")
    assert refused.value.field == "resolution"


def test_who_may_open_a_complaint(org, customer_of) -> None:
    """The owner, their managers, customer service and admins; another salesperson gets
    NotFound as for a missing id; an auditor may not open any."""
    east1, south1, south2 = (customer_of(n) for n in
                             ("sales_east1", "sales_south1", "sales_south2"))
    expected = {
        ("sales_east1", east1): OK, ("sales_east2", east1): HIDDEN,
        ("mgr_east", east1): OK, ("mgr_east", south1): OK, ("mgr_east", south2): HIDDEN,
        ("service1", south2): OK, ("admin", east1): OK, ("auditor", east1): DENIED,
    }
    found = {(name, cid): outcome(
        lambda s, c=cid: s.complaints.open(c, {"summary": "投诉"}), org.session(name))
        for name, cid in expected}
    assert found == expected


def test_who_may_handle_a_complaint(org, customer_of) -> None:
    """Its assignee, and whoever may update complaints of the customer's owner."""
    cid = customer_of("sales_east1")
    service = org.session("service1")
    to_service = service.complaints.open(cid, {"summary": "态度差",
                                               "assignee_id": org.ids["service1"]})
    to_owner = service.complaints.open(cid, {"summary": "送错货"})
    owner, other, manager = (org.session(n) for n in ("sales_east1", "sales_east2",
                                                        "mgr_east"))
    # the salesperson owner reads both, handles the one assigned to them only
    assert owner.complaints.get(to_service.id).summary == "态度差"
    assert owner.complaints.respond(to_owner.id, "马上处理").status == "in_progress"
    with pytest.raises(PermissionDenied):
        owner.complaints.respond(to_service.id, "我来")
    # another salesperson does not see either
    for call in (lambda: other.complaints.get(to_service.id),
                 lambda: other.complaints.respond(to_service.id, "我来"),
                 lambda: other.complaints.for_customer(cid)):
        with pytest.raises(NotFound):
            call()
    assert _actions(other, 3) == ["complaint.access_denied", "complaint.access_denied",
                                  "customer.access_denied"]
    # the owner's manager handles their team's complaints
    assert manager.complaints.respond(to_service.id, "经理跟进").status == "in_progress"
    with pytest.raises(PermissionDenied):
        org.session("auditor").complaints.close(to_service.id)


def test_an_assignee_must_be_able_to_handle_the_customer(org, customer_of) -> None:
    cid = customer_of("sales_east1")
    manager = org.session("mgr_east")
    item = manager.complaints.open(cid, {"summary": "质量问题"})
    for name in ("sales_east2", "auditor"):  # not the owner, no complaint update over them
        with pytest.raises(ValidationError) as refused:
            manager.complaints.assign(item.id, org.ids[name])
        assert refused.value.field == "assignee_id"
    org.session("admin").users.set_status(org.ids["service1"], UserStatus.SUSPENDED)
    with pytest.raises(ValidationError) as refused:
        manager.complaints.assign(item.id, org.ids["service1"])
    assert "active" in refused.value.message
    assert manager.complaints.assign(item.id, org.ids["admin"]).assignee_id == org.ids["admin"]
    # routed to someone else, the former assignee no longer handles it
    with pytest.raises(PermissionDenied):
        org.session("sales_east1").complaints.respond(item.id, "我来")


def test_a_complaint_is_overdue_by_the_policies(org, customer_of) -> None:
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    fresh = sales.complaints.open(cid, {"summary": "刚开", "opened_at": NOW - timedelta(hours=2)})
    unanswered = sales.complaints.open(cid, {"summary": "未答复",
                                             "opened_at": NOW - timedelta(hours=25)})
    slow = sales.complaints.open(cid, {"summary": "拖太久",
                                       "opened_at": NOW - timedelta(days=8)})
    sales.complaints.respond(slow.id, "处理中", at=NOW - timedelta(days=7, hours=23))
    done = sales.complaints.open(cid, {"summary": "已解决",
                                       "opened_at": NOW - timedelta(days=30)})
    sales.complaints.respond(done.id, "好", at=NOW - timedelta(days=29))
    sales.complaints.resolve(done.id, "好了", at=NOW - timedelta(days=20))
    overdue = {c.summary: c.overdue for c in sales.complaints.for_customer(cid)}
    assert overdue == {"刚开": False, "未答复": True, "拖太久": True, "已解决": False}
    # a more patient policy: two days for a first response
    org.session("admin").policies.update(complaint_response_hours=48)
    assert not sales.complaints.get(unanswered.id).overdue
    assert sales.complaints.get(slow.id).overdue and not sales.complaints.get(fresh.id).overdue
    # assigned to me: the overdue one first, then the oldest first; done ones on request
    assert [c.summary for c in sales.complaints.assigned_to_me()] == ["拖太久", "未答复", "刚开"]
    assert [c.summary for c in sales.complaints.assigned_to_me(include_done=True)][-1] == "已解决"


def test_overdue_complaints_come_first_in_the_to_do_hub(org, customer_of) -> None:
    cid = customer_of("sales_east1", name="王芳")
    sales = org.session("sales_east1")
    for summary, hours in (("昨天开的", 20), ("很久以前", 200), ("两天前", 30), ("刚才", 1)):
        sales.complaints.open(cid, {"summary": summary,
                                    "opened_at": NOW - timedelta(hours=hours)})
    sales.complaints.respond(sales.complaints.for_customer(cid)[1].id, "已回复",
                             at=NOW - timedelta(hours=19))  # 昨天开的: answered in time
    hub = sales.reminders.hub()
    assert [(c.summary, c.overdue) for c in hub.complaints] == [
        ("很久以前", True), ("两天前", True), ("昨天开的", False), ("刚才", False)]
    assert {c.customer_name for c in hub.complaints} == {"王芳"}
