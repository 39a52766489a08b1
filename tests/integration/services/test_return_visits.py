"""Return visits (回访): scheduled once after a customer's first order and after a resolved
complaint, caught up by the generator for rows the bulk paths wrote, and completed with a
satisfaction answer and the reminder's completion together or not at all."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from desktop_crm.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.services import return_visits
from desktop_crm.services.bulk import ActivityBatch, ActivityImport
from desktop_crm.storage.models import AuditEvent, Reminder, SatisfactionResponse

from .conftest import NOW

TODAY = date(2026, 11, 23)  # NOW in Shanghai (17:00)


@pytest.fixture
def shanghai(org) -> None:
    """Days are the company's: fixed here, whatever this computer's zone."""
    org.session("admin").policies.update(company_time_zone="Asia/Shanghai")


def _visits(session) -> list[tuple]:
    """(source, owner id, customer id, title, due date, done, deleted) of every return visit."""
    with session.customers.ctx.reading() as w:
        rows = w.session.execute(select(Reminder).where(Reminder.kind == "return_visit")
                                 .order_by(Reminder.due_at, Reminder.source)).scalars()
        return [(r.source, r.owner_id, r.customer_id, r.title, r.due_at.date(),
                 r.done_at is not None, r.deleted_at is not None) for r in rows]


def _answers(session) -> int:
    with session.customers.ctx.reading() as w:
        return w.session.execute(
            select(func.count()).select_from(SatisfactionResponse)).scalar_one()


def _last_action(session) -> str:
    with session.customers.ctx.reading() as w:
        return w.session.execute(select(AuditEvent.action).order_by(AuditEvent.seq.desc())
                                 .limit(1)).scalar_one()


# --- after a first order ---------------------------------------------------------------------


def test_the_first_order_schedules_one_return_visit(org, customer_of, shanghai) -> None:
    cid = customer_of("sales_east1", name="张伟")
    sales = org.session("sales_east1")
    first = sales.commerce.create_order(cid, {"amount_minor": 500_00})
    assert _visits(sales) == [(f"return_visit:order:{first.id}", org.ids["sales_east1"], cid,
                               "Return visit after first purchase: 张伟",
                               date(2026, 11, 30), False, False)]
    assert first.return_visit_id is not None
    second = sales.commerce.create_order(cid, {"amount_minor": 800_00})
    assert second.return_visit_id is None and len(_visits(sales)) == 1
    # it is the owner's to-do, found by its kind
    [visit] = sales.reminders.list(customer_id=cid)
    assert (visit.id, visit.kind, visit.all_day) == (first.return_visit_id, "return_visit", True)


def test_a_manager_s_order_schedules_the_visit_for_the_owner_in_their_language(
        org, customer_of, shanghai) -> None:
    cid = customer_of("sales_south1", name="李娜")
    order = org.session("mgr_east").commerce.create_order(
        cid, {"amount_minor": 100, "ordered_at": NOW - timedelta(days=2)}, language="zh")
    [(source, owner, _, title, due, _, _)] = _visits(org.session("sales_south1"))
    assert (source, owner, title, due) == (f"return_visit:order:{order.id}",
                                           org.ids["sales_south1"], "首次购买回访：李娜",
                                           date(2026, 11, 28))


def test_an_order_deleted_takes_its_open_visit_and_the_next_first_order_brings_one(
        org, customer_of, shanghai) -> None:
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    mistaken = sales.commerce.create_order(cid, {"amount_minor": 100})
    sales.commerce.delete_order(mistaken.id)
    assert [v[6] for v in _visits(sales)] == [True]  # deleted with it
    real = sales.commerce.create_order(cid, {"amount_minor": 200})
    # both fall due the same day: their order between them is the ids', so compare as sets
    assert {(v[0], v[6]) for v in _visits(sales)} == {
        (f"return_visit:order:{mistaken.id}", True), (f"return_visit:order:{real.id}", False)}


def test_a_late_entered_first_order_is_visited_today_or_not_at_all(org, customer_of,
                                                                   shanghai) -> None:
    recent, old = customer_of("sales_east1"), customer_of("sales_east1", name="老客户")
    sales = org.session("sales_east1")
    sales.commerce.create_order(recent, {"amount_minor": 1,
                                         "ordered_at": NOW - timedelta(days=10)})
    sales.commerce.create_order(old, {"amount_minor": 1, "ordered_at": NOW - timedelta(days=60)})
    assert [(v[2], v[4]) for v in _visits(sales)] == [(recent, TODAY)]


# --- after a resolved complaint --------------------------------------------------------------


def test_resolving_a_complaint_schedules_one_visit_for_the_customer_s_owner(
        org, customer_of, shanghai) -> None:
    cid = customer_of("sales_east1", name="王芳")
    service = org.session("service1")
    item = service.complaints.open(cid, {"summary": "漏发配件",
                                         "assignee_id": org.ids["service1"]})
    service.complaints.respond(item.id, "补发")
    service.complaints.resolve(item.id, "已补发", language="zh")
    expected = [(f"return_visit:complaint:{item.id}", org.ids["sales_east1"], cid,
                 "投诉解决回访：王芳", date(2026, 11, 26), False, False)]
    assert _visits(service) == expected
    service.complaints.reopen(item.id)
    service.complaints.resolve(item.id, "再次补发")
    assert _visits(service) == expected  # never twice for one complaint


# --- completing one --------------------------------------------------------------------------


def _visit(org, customer_of, owner: str = "sales_east1") -> tuple[str, str]:
    cid = customer_of(owner)
    order = org.session(owner).commerce.create_order(cid, {"amount_minor": 100})
    assert order.return_visit_id is not None
    return cid, order.return_visit_id


def test_completing_a_visit_records_the_answer_and_completes_it(org, customer_of,
                                                                shanghai) -> None:
    cid, visit_id = _visit(org, customer_of)
    sales = org.session("sales_east1")
    done = sales.return_visits.complete(visit_id, 4, comment="安装师傅很专业")
    assert (done.response.csat, done.response.nps, done.response.channel) == (
        4, None, "return_visit")
    assert (done.response.reminder_id, done.response.survey, done.response.comment) == (
        visit_id, "return visit", "安装师傅很专业")
    assert (done.response.user_id, done.response.responded_at) == (org.ids["sales_east1"], NOW)
    assert done.reminder.done_at == NOW
    assert [a.id for a in sales.feedback.for_customer(cid)] == [done.response.id]
    assert _last_action(sales) == "return_visit.complete"
    with pytest.raises(Conflict):
        sales.return_visits.complete(visit_id, 5)
    # the answer can be corrected later, keeping the return visit's channel
    assert sales.feedback.update(done.response.id, {"csat": 5}).channel == "return_visit"


def test_the_channel_of_the_visit_may_be_given(org, customer_of, shanghai) -> None:
    _, visit_id = _visit(org, customer_of)
    done = org.session("mgr_east").return_visits.complete(visit_id, 2, channel="wechat")
    assert done.response.channel == "wechat" and done.response.user_id == org.ids["mgr_east"]


@pytest.mark.parametrize(
    ("answer", "extra", "field"),
    [(0, {}, "answer"), (6, {}, "answer"), ("5", {}, "answer"),
     (3, {"channel": "fax"}, "channel"), (3, {"comment": "长" * 2001}, "comment")],
)
def test_a_refused_answer_leaves_the_visit_open(org, customer_of, shanghai, answer, extra,
                                               field) -> None:
    _, visit_id = _visit(org, customer_of)
    sales = org.session("sales_east1")
    with pytest.raises(ValidationError) as refused:
        sales.return_visits.complete(visit_id, answer, **extra)
    assert refused.value.field == field
    assert _answers(sales) == 0 and sales.reminders.get(visit_id).done_at is None


def test_a_failure_after_the_answer_leaves_neither(org, customer_of, shanghai,
                                                   monkeypatch) -> None:
    _, visit_id = _visit(org, customer_of)
    sales = org.session("sales_east1")

    def broken(*args, **kwargs):  # the last write of the transaction fails
        raise OSError("disk full")

    monkeypatch.setattr(return_visits.audit, "record", broken)
    with pytest.raises(OSError):
        sales.return_visits.complete(visit_id, 5)
    monkeypatch.undo()
    assert _answers(sales) == 0
    assert sales.reminders.get(visit_id).done_at is None
    assert sales.return_visits.complete(visit_id, 5).reminder.done_at == NOW


def test_only_a_return_visit_its_owner_s_side_may_complete(org, customer_of,
                                                          shanghai) -> None:
    cid, visit_id = _visit(org, customer_of)
    with pytest.raises(NotFound):
        org.session("sales_east2").return_visits.complete(visit_id, 5)
    with pytest.raises(PermissionDenied):  # reads every reminder, completes none of theirs
        org.session("auditor").return_visits.complete(visit_id, 5)
    follow_up = org.session("sales_east1").reminders.create({
        "title": "再联系", "due_at": NOW + timedelta(days=1), "customer_id": cid})
    with pytest.raises(ValidationError) as refused:
        org.session("sales_east1").return_visits.complete(follow_up.id, 5)
    assert refused.value.field == "reminder_id"
    assert _answers(org.session("sales_east1")) == 0


# --- the generator catches up the bulk paths -------------------------------------------------


def test_the_generator_catches_up_bulk_rows_once(org, customer_of, shanghai) -> None:
    names = ("新买家", "老买家", "投诉人", "未解决", "已访")
    buyer, old_buyer, complainer, waiting, visited = (
        customer_of("sales_east1", name=n) for n in names)
    sales = org.session("sales_east1")
    service_visit = sales.commerce.create_order(visited, {"amount_minor": 1})  # scheduled
    first, resolved = new_id(), new_id()
    at = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    ActivityImport(org.session("admin").customers.ctx).create(ActivityBatch(
        orders=[
            {"id": first, "customer_id": buyer, "ordered_at": at, "amount_minor": 100},
            {"customer_id": buyer, "ordered_at": at + timedelta(days=1), "amount_minor": 100},
            {"customer_id": old_buyer, "ordered_at": NOW - timedelta(days=400),
             "amount_minor": 100},
            # entered in bulk before the first order the app saw: no second visit
            {"customer_id": visited, "ordered_at": NOW - timedelta(days=5), "amount_minor": 1},
        ],
        complaints=[
            {"id": resolved, "customer_id": complainer, "opened_at": NOW - timedelta(days=3),
             "first_response_at": NOW - timedelta(days=3), "summary": "慢",
             "resolved_at": NOW - timedelta(days=1), "status": "resolved"},
            {"customer_id": waiting, "opened_at": NOW - timedelta(days=3), "summary": "等",
             "status": "open"},
        ]))
    report = sales.reminder_generation.run(today=TODAY)
    assert report.created.get("return_visit") == 2
    by_source = {v[0]: v for v in _visits(sales)}
    assert set(by_source) == {f"return_visit:order:{first}", f"return_visit:complaint:{resolved}",
                              f"return_visit:order:{service_visit.id}"}
    assert by_source[f"return_visit:order:{first}"][3:5] == (
        "Return visit after first purchase: 新买家", date(2026, 11, 27))
    assert by_source[f"return_visit:complaint:{resolved}"][4] == date(2026, 11, 25)
    # again: nothing new; a completed or deleted visit is not brought back either
    assert "return_visit" not in sales.reminder_generation.run(today=TODAY).created
    ids = {r.source: r.id for r in sales.reminders.list() if r.kind == "return_visit"}
    sales.return_visits.complete(ids[f"return_visit:order:{first}"], 5)
    sales.reminders.delete(ids[f"return_visit:complaint:{resolved}"])
    assert "return_visit" not in sales.reminder_generation.run(today=TODAY).created
    assert len(_visits(sales)) == 3


def test_another_salesperson_s_run_leaves_my_customers_alone(org, customer_of,
                                                            shanghai) -> None:
    cid = customer_of("sales_east1")
    ActivityImport(org.session("admin").customers.ctx).create(ActivityBatch(orders=[
        {"customer_id": cid, "ordered_at": NOW - timedelta(days=1), "amount_minor": 100}]))
    other = org.session("sales_east2")
    assert "return_visit" not in other.reminder_generation.run(today=TODAY).created
    assert org.session("mgr_east").reminder_generation.run(
        today=TODAY).created["return_visit"] == 1
    assert [v[1] for v in _visits(other)] == [org.ids["sales_east1"]]  # the owner's
