"""Generated reminders on a real vault: birthdays, contract expiries, instalments, follow-up
gaps with their escalation, holiday greetings; re-runs never duplicate and never bring back
what a user completed or deleted; a salesperson's run stays within their own customers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from desktop_crm.domain.errors import PermissionDenied, ValidationError
from desktop_crm.domain.holidays import HolidayListError
from desktop_crm.domain.ids import new_id
from desktop_crm.services.bulk import ActivityBatch, ActivityImport
from desktop_crm.services.policies import PolicySet
from desktop_crm.services.reminder_bulk import add_reminders
from desktop_crm.services.reminder_titles import GeneratedWords
from desktop_crm.storage.models import (
    AuditEvent,
    Contract,
    Customer,
    Reminder,
    ReminderOccurrence,
    ReminderSpan,
)

TODAY = date(2026, 11, 23)  # the org fixture's clock says the same day
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # ...at this moment


def _generated(session) -> dict[str, tuple]:
    """source -> (owner id, kind, title, due date, done, deleted) of every generated row."""
    with session.customers.ctx.reading() as w:
        rows = w.session.execute(select(
            Reminder.source, Reminder.owner_id, Reminder.kind, Reminder.title, Reminder.due_at,
            Reminder.done_at, Reminder.deleted_at, Reminder.id).where(Reminder.source != ""))
        return {r.source: (r.owner_id, r.kind, r.title, r.due_at.date(), r.done_at is not None,
                           r.deleted_at is not None, r.id) for r in rows}


def _count_sources(session) -> tuple[int, int]:
    with session.customers.ctx.reading() as w:
        return w.session.execute(select(func.count(), func.count(Reminder.source.distinct()))
                                 .where(Reminder.source != "")).one()


def _reminder_actions(session) -> dict[str, int]:
    """How many audit events of each reminder action the vault holds."""
    with session.customers.ctx.reading() as w:
        return dict(w.session.execute(
            select(AuditEvent.action, func.count()).where(AuditEvent.action.like("reminder.%"))
            .group_by(AuditEvent.action)).tuples().all())


def _contract(session, customer_id: str, number: str, end: date, *,
              plans: tuple[tuple[date, int, int], ...] = ()) -> tuple[str, list[str]]:
    """A contract ending on `end` with (due date, amount, received) instalments."""
    contract_id = new_id()
    batch = ActivityBatch(contracts=[{
        "id": contract_id, "customer_id": customer_id, "number": number,
        "start_date": date(2026, 1, 1), "end_date": end, "amount_minor": 1_000_000}])
    plan_ids = []
    for n, (due, amount, received) in enumerate(plans, start=1):
        plan_id = new_id()
        plan_ids.append(plan_id)
        batch.payment_plans.append({"id": plan_id, "contract_id": contract_id, "instalment": n,
                                    "due_date": due, "amount_minor": amount})
        if received:
            batch.receipts.append({"contract_id": contract_id, "plan_id": plan_id,
                                   "amount_minor": received,
                                   "received_at": datetime(2026, 10, 1, tzinfo=UTC)})
    ActivityImport(session.customers.ctx).create(batch)
    return contract_id, plan_ids


def _set_last_followup(session, customer_id: str, at: datetime | None) -> None:
    with session.customers.ctx.writing() as w:
        w.session.execute(update(Customer).where(Customer.id == customer_id)
                          .values(last_followup_at=at))


def test_a_second_run_writes_nothing_new(org, customer_of):
    cid = customer_of("sales_east1", name="王芳", birthday="1990-05-17", tier="high_value")
    sales = org.session("sales_east1")
    _contract(sales, cid, "HT-001", date(2027, 3, 1),
              plans=((date(2026, 12, 15), 50_000, 0), (date(2026, 11, 1), 50_000, 20_000)))
    _set_last_followup(sales, cid, datetime(2026, 9, 1, tzinfo=UTC))
    first = sales.reminder_generation.run(today=TODAY)
    assert dict(first.created) == {"birthday": 1, "contract_expiry": 1, "receivable": 2,
                                   "follow_up": 1}
    assert (first.escalations, first.updated) == (0, 0)
    again = sales.reminder_generation.run(today=TODAY)
    assert (dict(again.created), again.escalations, again.updated, again.total) == ({}, 0, 0, 0)
    rows, distinct = _count_sources(sales)
    assert rows == distinct == 5


def test_completed_and_deleted_reminders_do_not_come_back(org, customer_of):
    cid = customer_of("sales_east1", name="王芳")
    sales = org.session("sales_east1")
    _, (plan,) = _contract(sales, cid, "HT-002", date(2027, 3, 1),
                           plans=((date(2026, 12, 15), 50_000, 0),))
    sales.reminder_generation.run(today=TODAY)
    made = _generated(sales)
    expiry = next(v for k, v in made.items() if k.startswith("contract:"))
    sales.reminders.complete(expiry[6])
    sales.reminders.delete(made[f"instalment:{plan}"][6])

    again = sales.reminder_generation.run(today=TODAY + timedelta(days=1))
    assert again.total == 0
    after = _generated(sales)
    assert len(after) == 2
    assert after[f"instalment:{plan}"][5] is True  # still deleted
    assert next(v for k, v in after.items() if k.startswith("contract:"))[4] is True  # done


def test_a_changed_birthday_moves_the_series_instead_of_adding_one(org, customer_of):
    cid = customer_of("sales_east1", name="王芳", birthday="1990-05-17")
    sales = org.session("sales_east1")
    sales.reminder_generation.run(today=TODAY)
    sales.customers.update(cid, {"birthday": "1990-06-02", "name": "王芳芳"})
    report = sales.reminder_generation.run(today=TODAY)
    assert (dict(report.created), report.updated) == ({}, 1)
    made = _generated(sales)
    assert list(made) == [f"birthday:{cid}"]
    assert made[f"birthday:{cid}"][2:4] == ("Birthday: 王芳芳", date(1990, 6, 2))
    days = [e.starts_at.date() for e in sales.reminders.window(
        date(2027, 5, 1), date(2027, 7, 1), zone=UTC)]
    assert days == [date(2027, 6, 2)]
    assert sales.reminder_generation.run(today=TODAY).total == 0


def test_a_feb_29_birthday_shows_on_feb_28_in_common_years(org, customer_of):
    cid = customer_of("sales_east1", name="李雷", birthday="1992-02-29")
    sales = org.session("sales_east1")
    sales.reminder_generation.run(today=TODAY)
    (series,) = sales.reminders.list(include_done=True)
    assert (series.kind, series.rrule, series.all_day, series.customer_id) == (
        "birthday", "FREQ=YEARLY", True, cid)
    for year, day in ((2027, 28), (2028, 29), (2029, 28)):
        found = sales.reminders.window(date(year, 2, 1), date(year, 3, 2), zone=UTC)
        assert [e.starts_at.date() for e in found] == [date(year, 2, day)]


def test_contract_expiry_follows_the_lead_days_policy_and_a_renewal_moves_it(org, customer_of):
    cid = customer_of("sales_east1", name="王芳")
    org.session("admin").policies.update(contract_expiry_lead_days=45)
    sales = org.session("sales_east1")
    contract_id, _ = _contract(sales, cid, "HT-003", date(2027, 3, 1))
    _contract(sales, cid, "HT-OLD", date(2026, 11, 1))  # already ended: nothing
    sales.reminder_generation.run(today=TODAY)
    made = _generated(sales)
    assert list(made) == [f"contract:{contract_id}:2027-03-01"]
    owner, kind, title, due, *_ = made[f"contract:{contract_id}:2027-03-01"]
    assert (owner, kind, due) == (org.ids["sales_east1"], "contract_expiry", date(2027, 1, 15))
    assert title == "Contract HT-003 ends 2027-03-01: 王芳"

    with sales.customers.ctx.writing() as w:  # renewed for a year
        w.session.execute(update(Contract).where(Contract.id == contract_id)
                          .values(end_date=date(2028, 3, 1)))
    report = sales.reminder_generation.run(today=TODAY)
    assert (dict(report.created), report.updated) == ({}, 1)
    made = _generated(sales)
    assert list(made) == [f"contract:{contract_id}:2028-03-01"]
    assert made[f"contract:{contract_id}:2028-03-01"][3] == date(2028, 1, 16)


def test_instalments_due_overdue_and_paid(org, customer_of):
    cid = customer_of("sales_east1", name="王芳")
    sales = org.session("sales_east1")
    _, (future, late, paid) = _contract(
        sales, cid, "HT-004", date(2027, 6, 30),
        plans=((date(2026, 12, 15), 300_000, 100_000), (date(2026, 11, 1), 200_000, 50_000),
               (date(2026, 10, 1), 100_000, 100_000)))
    sales.reminder_generation.run(today=TODAY)
    made = _generated(sales)
    assert made[f"instalment:{future}"][1:4] == (
        "receivable", "Payment due, instalment 1 of contract HT-004: 王芳", date(2026, 12, 15))
    assert made[f"overdue:{late}"][1:4] == (
        "receivable", "Overdue payment, instalment 2 of contract HT-004: 王芳", TODAY)
    assert f"instalment:{late}" not in made  # its day had passed before the first run
    assert not any(paid in source for source in made)
    (overdue,) = [r for r in sales.reminders.list(include_done=True)
                  if r.source == f"overdue:{late}"]
    assert overdue.notes == ("Due 2026-11-01: 2,000.00 CNY; received 500.00 CNY; "
                             "outstanding 1,500.00 CNY.")

    # the day after the first one's due date, it is overdue too: one more reminder, once
    later = sales.reminder_generation.run(today=date(2026, 12, 16))
    assert dict(later.created) == {"receivable": 1}
    assert _generated(sales)[f"overdue:{future}"][3] == date(2026, 12, 16)
    assert sales.reminder_generation.run(today=date(2026, 12, 17)).total == 0


def test_a_follow_up_gap_escalates_to_the_owners_superior(org, customer_of):
    neglected = customer_of("sales_east1", name="赵强", tier="high_value")
    recent = customer_of("sales_east1", name="钱芳", tier="high_value")
    ordinary = customer_of("sales_east1", name="孙丽")  # not high-value: no gap reminder
    _set_last_followup(org.session("admin"), neglected, datetime(2026, 9, 1, tzinfo=UTC))
    _set_last_followup(org.session("admin"), recent, datetime(2026, 11, 10, tzinfo=UTC))
    manager = org.session("mgr_east")
    manager.reminder_generation.run(today=TODAY)
    made = _generated(manager)
    gap = made[f"gap:{neglected}:2026-09-01"]
    assert gap[:4] == (org.ids["sales_east1"], "follow_up",
                       "Follow up 赵强: no contact since 2026-09-01", TODAY)
    assert not any(recent in s or ordinary in s for s in made)

    # two days later: not yet; three days later (the policy): the manager is told, once
    assert manager.reminder_generation.run(today=TODAY + timedelta(days=2)).escalations == 0
    report = manager.reminder_generation.run(today=TODAY + timedelta(days=3))
    assert report.escalations == 1
    escalated = _generated(manager)[f"escalation:{gap[6]}"]
    assert escalated[:4] == (org.ids["mgr_east"], "follow_up",
                             "Escalated: sales_east1 has not followed up 赵强 (due 2026-11-23)",
                             TODAY + timedelta(days=3))
    assert manager.reminder_generation.run(today=TODAY + timedelta(days=4)).escalations == 0


def test_a_gap_that_was_dealt_with_is_not_escalated(org, customer_of):
    done = customer_of("sales_east1", name="赵强", tier="high_value")
    called = customer_of("sales_east2", name="钱芳", tier="high_value")
    alone = customer_of("sales_south2", name="孙丽", tier="high_value")  # has no superior
    admin = org.session("admin")
    admin.policies.update(holiday_list="")  # no greetings around Christmas in this test
    # never contacted: a gap once the customer is as old as the policy's 30 days
    assert admin.reminder_generation.run(today=TODAY + timedelta(days=29)).total == 0
    first = admin.reminder_generation.run(today=TODAY + timedelta(days=30))
    assert dict(first.created) == {"follow_up": 3}
    made = _generated(admin)
    org.session("sales_east1").reminders.complete(made[f"gap:{done}:never"][6])
    _set_last_followup(admin, called, datetime(2026, 12, 24, tzinfo=UTC))  # a call since
    later = admin.reminder_generation.run(today=TODAY + timedelta(days=40))
    assert later.escalations == 0
    assert f"gap:{alone}:never" in _generated(admin)


def test_holiday_greetings_fall_on_their_lunar_dates_once_per_user(org, customer_of):
    customer_of("sales_east1", name="王芳")
    customer_of("sales_east1", name="李雷")
    customer_of("sales_east2", name="韩梅")
    admin = org.session("admin")
    report = admin.reminder_generation.run(today=date(2026, 9, 20))
    # Mid-Autumn 2026 is lunar 08-15 = 2026-09-25; National Day is 11 days away
    assert dict(report.created) == {"holiday_greeting": 2}
    made = _generated(admin)
    owners = {org.ids["sales_east1"], org.ids["sales_east2"]}
    assert {source.rsplit(":", 1)[1] for source in made} == owners
    assert {v[2:4] for v in made.values()} == {
        ("Send greetings: Mid-Autumn Festival (中秋节)", date(2026, 9, 25))}
    assert all(source.startswith("holiday:lunar-08-15:2026:") for source in made)

    report = admin.reminder_generation.run(today=date(2026, 9, 24))
    assert dict(report.created) == {"holiday_greeting": 2}  # National Day joins; no doubles
    days = {v[3] for v in _generated(admin).values()}
    assert days == {date(2026, 9, 25), date(2026, 10, 1)}


def test_the_holiday_list_policy_decides_which_holidays(org, customer_of):
    customer_of("sales_east1", name="王芳")
    admin = org.session("admin")
    admin.policies.update(holiday_list="lunar 1-1 Spring Festival | 春节\n",
                          holiday_lead_days=10)
    assert dict(admin.reminder_generation.run(today=date(2027, 1, 28)).created) == {
        "holiday_greeting": 1}
    (greeting,) = _generated(admin).values()
    assert greeting[2:4] == ("Send greetings: Spring Festival (春节)", date(2027, 2, 6))


def test_a_salespersons_run_touches_only_their_customers(org, customer_of):
    mine = customer_of("sales_east1", name="王芳", birthday="1990-05-17", tier="high_value")
    customer_of("sales_east2", name="李雷", birthday="1988-01-02", tier="high_value")
    customer_of("sales_south1", name="韩梅", birthday="1991-03-04")
    sales = org.session("sales_east1")
    report = sales.reminder_generation.run(today=date(2027, 9, 10))  # Mid-Autumn 09-15
    assert dict(report.created) == {"birthday": 1, "follow_up": 1, "holiday_greeting": 1}
    made = _generated(sales)
    assert {v[0] for v in made.values()} == {org.ids["sales_east1"]}
    assert {f"birthday:{mine}", f"gap:{mine}:never", "holiday:lunar-08-15:2027:"
            + org.ids["sales_east1"]} == set(made)


def test_a_role_that_may_not_create_reminders_is_refused(org):
    with pytest.raises(PermissionDenied):
        org.session("auditor").reminder_generation.run(today=TODAY)


def test_a_run_is_audited_once_with_its_counts(org, customer_of):
    cid = customer_of("sales_east1", name="王芳", birthday="1990-05-17")
    sales = org.session("sales_east1")
    _contract(sales, cid, "HT-001", date(2027, 3, 1),
              plans=((date(2026, 12, 15), 50_000, 0), (date(2026, 11, 1), 50_000, 20_000)))
    sales.reminder_generation.run(today=TODAY, language="zh")
    assert _reminder_actions(sales) == {"reminder.generate": 1}  # none per reminder
    with sales.customers.ctx.reading() as w:
        detail = w.session.scalars(select(AuditEvent.detail).where(
            AuditEvent.action == "reminder.generate")).one()
    assert detail == {"today": "2026-11-23", "language": "zh", "birthday": 1,
                      "contract_expiry": 1, "receivable": 2, "escalations": 0, "updated": 0,
                      "completed": 0, "skipped": 0,
                      "sources": {"birthday": 1, "contract": 1, "instalment": 1, "overdue": 1}}


def test_the_generation_policies_are_validated_and_admin_only(org):
    admin = org.session("admin")
    with pytest.raises(HolidayListError) as refused:
        admin.policies.update(holiday_lead_days=5,
                              holiday_list="lunar 08-15 Mid-Autumn\nsolar 02-30 Nope\n")
    assert refused.value.field == "holiday_list"
    assert [(p.line, p.code) for p in refused.value.problems] == [(2, "solar_day")]
    for name, bad in (("followup_gap_days", 0), ("escalation_days", 91),
                      ("holiday_lead_days", 61), ("holiday_list", 7)):
        with pytest.raises(ValidationError) as refused:
            admin.policies.update(**{name: bad})
        assert refused.value.field == name
    assert admin.policies.current() == PolicySet()
    with pytest.raises(PermissionDenied):
        org.session("mgr_east").policies.update(followup_gap_days=10)
    after = admin.policies.update(followup_gap_days=10, escalation_days=1)
    assert org.session("sales_east1").policies.current() == after


def _everything_for(org, customer_of) -> tuple[str, str]:
    """A high-value customer with a birthday, an unfollowed gap, a contract ending in March
    and two unpaid instalments (one overdue); returns (customer id, overdue plan id)."""
    cid = customer_of("sales_east1", name="王芳", birthday="1990-05-17", tier="high_value")
    sales = org.session("sales_east1")
    _, (_, late) = _contract(
        sales, cid, "HT-001", date(2027, 3, 1),
        plans=((date(2026, 12, 15), 50_000, 0), (date(2026, 11, 1), 50_000, 20_000)))
    _set_last_followup(sales, cid, datetime(2026, 9, 1, tzinfo=UTC))
    return cid, late


def test_titles_and_notes_in_chinese(org, customer_of):
    cid, late = _everything_for(org, customer_of)
    manager = org.session("mgr_east")
    report = manager.reminder_generation.run(today=TODAY, language="zh")
    assert dict(report.created) == {"birthday": 1, "contract_expiry": 1, "receivable": 2,
                                    "follow_up": 1}
    manager.reminder_generation.run(today=TODAY + timedelta(days=3), language="zh")
    made = _generated(manager)
    gap_id = made[f"gap:{cid}:2026-09-01"][6]
    assert {source.split(":")[0]: row[2] for source, row in made.items()} == {
        "birthday": "生日：王芳",
        "contract": "合同 HT-001 将于 2027-03-01 到期：王芳",
        "instalment": "回款提醒：合同 HT-001 第 1 期：王芳",
        "overdue": "逾期回款：合同 HT-001 第 2 期：王芳",
        "gap": "跟进 王芳：自 2026-09-01 起未联系",
        "escalation": "上报：sales_east1 未跟进 王芳（2026-11-23 到期）",
    }
    assert f"escalation:{gap_id}" in made
    (overdue,) = [r for r in org.session("sales_east1").reminders.list(include_done=True)
                  if r.source == f"overdue:{late}"]
    assert overdue.notes == "应收日期 2026-11-01：500.00 CNY；已收 200.00 CNY；未收 300.00 CNY。"
    assert GeneratedWords("zh").follow_up("张伟", None) == "跟进 张伟：从未联系"

    customer_of("sales_east1", name="李雷")
    admin = org.session("admin")
    admin.reminder_generation.run(today=date(2026, 9, 20), language="zh")
    greetings = {row[2] for source, row in _generated(admin).items()
                 if source.startswith("holiday:")}
    assert greetings == {"节日问候：中秋节"}


def test_a_run_in_another_language_creates_nothing_and_rewrites_nothing(org, customer_of):
    cid, _ = _everything_for(org, customer_of)
    sales = org.session("sales_east1")
    sales.reminder_generation.run(today=TODAY, language="zh")
    before = _generated(sales)
    versions = _versions(sales)
    actions = _reminder_actions(sales)

    again = sales.reminder_generation.run(today=TODAY, language="en")
    assert (dict(again.created), again.escalations, again.updated) == ({}, 0, 0)
    assert _generated(sales) == before
    assert _versions(sales) == versions
    assert _reminder_actions(sales) == {**actions, "reminder.generate": 2}
    assert before[f"birthday:{cid}"][2] == "生日：王芳"  # still as the first run wrote it

    # a renamed customer: their birthday series follows, in the language of that run
    sales.customers.update(cid, {"name": "王芳芳"})
    renamed = sales.reminder_generation.run(today=TODAY, language="en")
    assert (dict(renamed.created), renamed.updated) == ({}, 1)
    assert _generated(sales)[f"birthday:{cid}"][2] == "Birthday: 王芳芳"
    assert sales.reminder_generation.run(today=TODAY, language="zh").total == 0


def test_an_unknown_language_is_refused_before_anything_is_written(org, customer_of):
    customer_of("sales_east1", name="王芳", birthday="1990-05-17")
    sales = org.session("sales_east1")
    with pytest.raises(ValidationError) as refused:
        sales.reminder_generation.run(today=TODAY, language="fr")
    assert refused.value.field == "language"
    assert _generated(sales) == {}
    assert _reminder_actions(sales) == {}


def test_bulk_reminders_are_written_with_their_occurrence_cache(org):
    sales = org.session("sales_east1")
    me = org.ids["sales_east1"]
    with sales.customers.ctx.writing() as w:
        ids = add_reminders(w, [
            {"owner_id": me, "kind": "birthday", "title": "Birthday: 王芳", "all_day": True,
             "due_at": datetime(1990, 5, 17, tzinfo=UTC), "rrule": "FREQ=YEARLY",
             "time_zone": "Asia/Shanghai", "source": "birthday:x"},
            {"owner_id": me, "kind": "custom", "title": "Call back",
             "due_at": datetime(2026, 11, 24, 2, 0, tzinfo=UTC), "all_day": False}])
    yearly, once = ids
    with sales.customers.ctx.reading() as w:
        rows = {r.id: r for r in w.session.execute(select(
            Reminder.id, Reminder.version, Reminder.created_at, Reminder.updated_at,
            Reminder.updated_by, Reminder.deleted_at, Reminder.done_at, Reminder.snoozed_until,
            Reminder.title, Reminder.source, Reminder.rrule, Reminder.customer_id))}
        cached = w.session.execute(
            select(ReminderOccurrence.reminder_id, ReminderOccurrence.starts_at)
            .order_by(ReminderOccurrence.starts_at)).all()
        spans = w.session.scalars(select(ReminderSpan.reminder_id)).all()
    assert set(rows) == {yearly, once}
    for row in rows.values():
        assert (row.version, row.created_at, row.updated_at, row.updated_by) == (
            1, NOW, NOW, me)
        assert (row.deleted_at, row.done_at, row.snoozed_until) == (None, None, None)
    assert (rows[once].title, rows[once].source, rows[once].rrule, rows[once].customer_id) == (
        "Call back", "", "", None)
    # the cache spans 400 days back and 800 ahead of today, 2026-11-23
    assert [(rid, at.date()) for rid, at in cached] == [
        (yearly, date(2026, 5, 17)), (yearly, date(2027, 5, 17)), (yearly, date(2028, 5, 17))]
    assert spans == [yearly]
    assert [(e.reminder_id, e.starts_at.date()) for e in sales.reminders.window(
        date(2027, 5, 1), date(2027, 6, 1), zone=UTC)] == [(yearly, date(2027, 5, 17))]

    with pytest.raises(TypeError), sales.customers.ctx.writing() as w:
        add_reminders(w, [{"owner_id": me, "kind": "custom", "title": "x", "all_day": False,
                           "due_at": NOW, "colour": "red"}])
    with sales.customers.ctx.writing() as w:
        assert add_reminders(w, []) == []


def _versions(session) -> dict[str, tuple]:
    with session.customers.ctx.reading() as w:
        return {r.id: (r.version, r.updated_at) for r in w.session.execute(
            select(Reminder.id, Reminder.version, Reminder.updated_at))}


def _run_detail(session) -> dict:
    """The audit detail of the latest generation run."""
    with session.customers.ctx.reading() as w:
        return w.session.scalars(select(AuditEvent.detail).where(
            AuditEvent.action == "reminder.generate").order_by(AuditEvent.seq.desc())).first()


def test_a_reassigned_customers_open_reminders_follow_the_new_owner(org, customer_of):
    cid, late = _everything_for(org, customer_of)
    east1 = org.session("sales_east1")
    east1.reminder_generation.run(today=TODAY)
    made = _generated(east1)
    finished = next(source for source in made if source.startswith("contract:"))
    east1.reminders.complete(made[finished][6])  # dealt with: stays as it was

    # moved without its reminders, as a sync download or a bulk import can move a customer
    # (assigning it in the app hands its open reminders on at once)
    with east1.customers.ctx.writing() as w:
        w.session.execute(update(Customer).where(Customer.id == cid)
                          .values(owner_id=org.ids["sales_east2"]))
    east2 = org.session("sales_east2")
    east2.customers.update(cid, {"name": "王芳芳"})
    report = east2.reminder_generation.run(today=TODAY + timedelta(days=1))
    assert (dict(report.created), report.updated) == ({}, 4)

    after = _generated(east2)
    new_owner, old_owner = org.ids["sales_east2"], org.ids["sales_east1"]
    handed = {source: row[:4] for source, row in after.items() if source != finished}
    assert handed == {
        f"birthday:{cid}": (new_owner, "birthday", "Birthday: 王芳芳", date(1990, 5, 17)),
        f"gap:{cid}:2026-09-01": (new_owner, "follow_up",
                                  "Follow up 王芳芳: no contact since 2026-09-01", TODAY),
        f"overdue:{late}": (new_owner, "receivable",
                            "Overdue payment, instalment 2 of contract HT-001: 王芳芳", TODAY),
        next(s for s in after if s.startswith("instalment:")): (
            new_owner, "receivable", "Payment due, instalment 1 of contract HT-001: 王芳芳",
            date(2026, 12, 15)),
    }
    assert after[finished][0] == old_owner and after[finished][4] is True
    assert {r.source for r in east1.reminders.list(include_done=False)} == set()
    with east1.customers.ctx.reading() as w:
        fields = w.session.scalars(select(AuditEvent.detail).where(
            AuditEvent.action == "reminder.update")).all()
    assert all("owner_id" in detail["fields"] for detail in fields) and len(fields) == 4
    assert east2.reminder_generation.run(today=TODAY + timedelta(days=1)).total == 0


def test_an_item_out_of_range_is_skipped_and_counted_not_the_end_of_the_run(org, customer_of):
    cid = customer_of("sales_east1", name="王芳", birthday="1990-05-17")
    sales = org.session("sales_east1")
    contract_id, _ = _contract(sales, cid, "HT-999", date(2999, 12, 31))  # open-ended
    report = sales.reminder_generation.run(today=TODAY)
    assert (dict(report.created), report.skipped) == ({"birthday": 1}, 1)
    assert set(_generated(sales)) == {f"birthday:{cid}"}
    detail = _run_detail(sales)
    assert (detail["birthday"], detail["skipped"]) == (1, 1)

    # a renewal far out is skipped too; the reminder of the old end is done with
    with sales.customers.ctx.writing() as w:
        w.session.execute(update(Contract).where(Contract.id == contract_id)
                          .values(end_date=date(2027, 3, 1)))
    assert dict(sales.reminder_generation.run(today=TODAY).created) == {"contract_expiry": 1}
    with sales.customers.ctx.writing() as w:
        w.session.execute(update(Contract).where(Contract.id == contract_id)
                          .values(end_date=date(2999, 3, 1)))
    report = sales.reminder_generation.run(today=TODAY)
    assert (report.updated, report.skipped, report.completed) == (0, 1, 1)
    assert _generated(sales)[f"contract:{contract_id}:2027-03-01"][4] is True


def test_a_run_completes_generated_reminders_that_no_longer_apply(org, customer_of):
    cid, late = _everything_for(org, customer_of)
    other = customer_of("sales_east1", name="李雷")
    sales = org.session("sales_east1")
    ended, _ = _contract(sales, other, "HT-END", date(2027, 2, 1))
    shortened, _ = _contract(sales, other, "HT-SHORT", date(2027, 2, 2))
    manager = org.session("mgr_east")
    manager.reminder_generation.run(today=TODAY)
    manager.reminder_generation.run(today=TODAY + timedelta(days=3))  # the gap escalates
    before = _generated(sales)
    assert sum(1 for s in before if s.startswith("escalation:")) == 1
    versions = _versions(sales)
    assert [e.title for e in sales.reminders.hub(zone=UTC).instalments] == [
        "Overdue payment, instalment 2 of contract HT-001: 王芳"]

    (main,) = _contracts_of(sales, cid)
    ActivityImport(sales.customers.ctx).create(ActivityBatch(receipts=[{  # paid up
        "contract_id": main, "plan_id": late,
        "amount_minor": 30_000, "received_at": datetime(2026, 11, 24, tzinfo=UTC)}]))
    with sales.customers.ctx.writing() as w:
        w.session.execute(update(Contract).where(Contract.id == ended)
                          .values(status="terminated"))
        w.session.execute(update(Contract).where(Contract.id == shortened)
                          .values(end_date=date(2026, 11, 25)))  # now ended: not renewed
    _set_last_followup(sales, cid, datetime(2026, 11, 25, 3, tzinfo=UTC))  # a call at last

    report = manager.reminder_generation.run(today=TODAY + timedelta(days=4))
    after = _generated(sales)
    closed = {source for source, row in after.items() if row[4] and not before[source][4]}
    gap_id = before[f"gap:{cid}:2026-09-01"][6]
    assert closed == {f"overdue:{late}", f"contract:{ended}:2027-02-01",
                      f"contract:{shortened}:2027-02-02", f"gap:{cid}:2026-09-01",
                      f"escalation:{gap_id}"}
    assert report.completed == 5 and report.total == 5
    assert _run_detail(sales)["completed"] == 5
    for source in closed:
        reminder_id = after[source][6]
        assert versions[reminder_id][0] + 1 == _versions(sales)[reminder_id][0]
    still_open = {s for s, row in after.items() if not row[4]}
    assert still_open == {f"birthday:{cid}", f"contract:{main}:2027-03-01",
                          next(s for s in after if s.startswith("instalment:"))}
    assert sales.reminders.hub(zone=UTC).instalments == []
    again = manager.reminder_generation.run(today=TODAY + timedelta(days=4))
    assert (again.completed, again.total) == (0, 0)
    assert _reminder_actions(sales).get("reminder.complete") is None  # the run audits them


def test_an_old_gap_is_completed_by_the_run_that_finds_a_new_one(org, customer_of):
    cid = customer_of("sales_east1", name="赵强", tier="high_value")
    sales = org.session("sales_east1")
    org.session("admin").policies.update(holiday_list="")
    assert dict(sales.reminder_generation.run(today=TODAY + timedelta(days=30)).created) == {
        "follow_up": 1}
    _set_last_followup(sales, cid, datetime(2026, 12, 1, 3, tzinfo=UTC))
    # a month and more after that call, nobody has called again: a new gap, the old one done
    report = sales.reminder_generation.run(today=date(2027, 1, 5))
    assert (dict(report.created), report.completed) == ({"follow_up": 1}, 1)
    made = _generated(sales)
    assert (made[f"gap:{cid}:never"][4], made[f"gap:{cid}:2026-12-01"][4]) == (True, False)


def _contracts_of(session, customer_id: str) -> list[str]:
    with session.customers.ctx.reading() as w:
        return list(w.session.scalars(select(Contract.id).where(
            Contract.customer_id == customer_id)))


def test_bulk_reminders_with_a_rule_the_calendar_cannot_expand_are_refused(org):
    admin = org.session("admin")
    owner = org.ids["sales_east1"]

    def row(**changes):
        return {"owner_id": owner, "title": "imported", "kind": "follow_up",
                "due_at": datetime(2026, 11, 2, 1, tzinfo=UTC), **changes}

    for bad, message in ((row(rrule="FREQ=HOURLY"), "rrule"),
                         (row(rrule="FREQ=WEEKLY;UNTIL=20250101T000000Z"), "rrule"),
                         (row(due_at=datetime(2999, 1, 1, tzinfo=UTC)), "due_at")):
        with pytest.raises(ValidationError) as refused:
            ActivityImport(admin.customers.ctx).create(ActivityBatch(reminders=[row(), bad]))
        assert refused.value.field == message
        assert "(reminders, row 2)" in refused.value.message
    written = ActivityImport(admin.customers.ctx).create(ActivityBatch(reminders=[
        row(rrule="RRULE:FREQ=WEEKLY;BYDAY=MO"), row(all_day=True, rrule="FREQ=MONTHLY")]))
    assert written["reminders"] == 2
    sales = org.session("sales_east1")
    assert sorted(r.rrule for r in sales.reminders.list()) == ["FREQ=MONTHLY",
                                                               "FREQ=WEEKLY;BYDAY=MO"]
    assert len(sales.reminders.window(date(2026, 11, 1), date(2026, 12, 1), zone=UTC)) == 6
