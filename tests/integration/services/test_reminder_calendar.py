"""The reminder calendar on a real vault: repeating reminders, single occurrences, the
occurrence cache, snooze and reschedule, what is due, and who sees what."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, func, select, update

from desktop_crm.domain.errors import Conflict, ValidationError
from desktop_crm.storage.models import (
    AuditEvent,
    Reminder,
    ReminderOccurrence,
    ReminderOverride,
    ReminderSpan,
)

from .conftest import DENIED, HIDDEN, NOW, OK, outcome

BERLIN = ZoneInfo("Europe/Berlin")
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _weekly_call(session, **extra):
    return session.reminders.create({
        "title": "每周回访", "due_at": datetime(2026, 11, 2, 10, 0, tzinfo=SHANGHAI),
        "rrule": "FREQ=WEEKLY;BYDAY=MO", "time_zone": "Asia/Shanghai", **extra})


def _days(entries, zone=SHANGHAI):
    return [e.day(zone) for e in entries]


def test_a_weekly_follow_up_shows_every_monday_and_one_occurrence_completes(org) -> None:
    sales = org.session("sales_east1")
    made = _weekly_call(sales)
    shown = sales.reminders.window(date(2026, 11, 1), date(2026, 12, 1), zone=SHANGHAI)
    assert _days(shown) == [date(2026, 11, d) for d in (2, 9, 16, 23, 30)]
    assert all(e.starts_at.astimezone(SHANGHAI).hour == 10 for e in shown)

    sales.reminders.complete(made.id, shown[2].occurrence)
    again = sales.reminders.window(date(2026, 11, 1), date(2026, 12, 1), zone=SHANGHAI)
    assert [e.done_at is not None for e in again] == [False, False, True, False, False]
    open_only = sales.reminders.window(date(2026, 11, 1), date(2026, 12, 1), zone=SHANGHAI,
                                       include_done=False)
    assert len(open_only) == 4
    sales.reminders.reopen(made.id, shown[2].occurrence)
    assert all(e.done_at is None for e in sales.reminders.window(
        date(2026, 11, 1), date(2026, 12, 1), zone=SHANGHAI))


def test_one_occurrence_moves_or_is_skipped_and_the_rest_stay(org) -> None:
    sales = org.session("sales_east1")
    made = _weekly_call(sales)
    nov = sales.reminders.window(date(2026, 11, 1), date(2026, 12, 1), zone=SHANGHAI)
    sales.reminders.reschedule(made.id, datetime(2026, 11, 11, 15, 0, tzinfo=SHANGHAI),
                               nov[1].occurrence)
    sales.reminders.delete(made.id, nov[3].occurrence)
    after = sales.reminders.window(date(2026, 11, 1), date(2026, 12, 1), zone=SHANGHAI)
    assert _days(after) == [date(2026, 11, d) for d in (2, 11, 16, 30)]
    moved = after[1]
    assert moved.occurrence == nov[1].occurrence  # still names its original start
    assert moved.starts_at.astimezone(SHANGHAI).hour == 15


def test_a_timed_series_keeps_its_wall_clock_time_across_dst(org) -> None:
    sales = org.session("sales_east1")
    sales.reminders.create({"title": "Daily stand-up", "rrule": "FREQ=DAILY",
                            "due_at": datetime(2026, 3, 27, 9, 0, tzinfo=BERLIN),
                            "time_zone": "Europe/Berlin"})
    shown = sales.reminders.window(date(2026, 3, 27), date(2026, 3, 31), zone=BERLIN)
    assert [e.starts_at.astimezone(BERLIN).hour for e in shown] == [9, 9, 9, 9]
    assert [e.starts_at.hour for e in shown] == [8, 8, 7, 7]  # UTC moves with the change


def test_an_all_day_birthday_on_feb_29_shows_on_feb_28_and_stays_on_its_date(org) -> None:
    sales = org.session("sales_east1")
    sales.reminders.create({"title": "生日：王芳", "kind": "birthday", "all_day": True,
                            "due_at": date(2024, 2, 29), "rrule": "FREQ=YEARLY"})
    for zone in (SHANGHAI, ZoneInfo("America/Los_Angeles"), UTC):
        feb = sales.reminders.window(date(2027, 2, 1), date(2027, 3, 1), zone=zone)
        assert [e.day(zone) for e in feb] == [date(2027, 2, 28)]
    leap = sales.reminders.window(date(2028, 2, 1), date(2028, 3, 1), zone=SHANGHAI)
    assert _days(leap) == [date(2028, 2, 29)]


def test_the_cache_answers_and_a_stale_cache_is_slower_never_wrong(org) -> None:
    sales = org.session("sales_east1")
    made = _weekly_call(sales)
    with sales._ctx.db.unit_of_work() as s:
        cached = s.execute(select(func.count()).select_from(ReminderOccurrence).where(
            ReminderOccurrence.reminder_id == made.id)).scalar()
    assert cached > 100  # about two years of Mondays
    expected = sales.reminders.window(date(2026, 11, 1), date(2026, 12, 1), zone=SHANGHAI)

    with sales._ctx.db.unit_of_work() as s:
        s.execute(update(Reminder).where(Reminder.id == made.id)
                  .values(version=Reminder.version + 1))
    assert sales.reminders.window(date(2026, 11, 1), date(2026, 12, 1),
                                  zone=SHANGHAI) != []
    with sales._ctx.db.unit_of_work() as s:
        s.execute(delete(ReminderSpan))
        s.execute(delete(ReminderOccurrence))
    again = sales.reminders.window(date(2026, 11, 1), date(2026, 12, 1), zone=SHANGHAI)
    assert [(e.occurrence, e.starts_at) for e in again] == \
        [(e.occurrence, e.starts_at) for e in expected]
    assert sales.reminders.refresh_cache() == 1
    assert sales.reminders.refresh_cache() == 0


def test_a_window_far_from_today_is_expanded_on_the_spot(org) -> None:
    sales = org.session("sales_east1")
    _weekly_call(sales)
    shown = sales.reminders.window(date(2031, 6, 1), date(2031, 7, 1), zone=SHANGHAI)
    assert _days(shown) == [date(2031, 6, d) for d in (2, 9, 16, 23, 30)]


def test_snooze_moves_the_alarm_not_the_day(org) -> None:
    sales = org.session("sales_east1")
    made = sales.reminders.create({"title": "回电", "due_at": NOW - timedelta(hours=1)})
    assert [e.reminder_id for e in sales.reminders.due(NOW)] == [made.id]
    sales.reminders.snooze(made.id, NOW + timedelta(minutes=15))
    assert sales.reminders.due(NOW) == []
    later = sales.reminders.due(NOW + timedelta(minutes=20), since=NOW)
    assert [e.reminder_id for e in later] == [made.id]
    with pytest.raises(ValidationError, match="later than now"):
        sales.reminders.snooze(made.id, NOW - timedelta(minutes=5))


def test_due_counts_a_repeating_reminder_once_and_lets_old_misses_lapse(org) -> None:
    sales = org.session("sales_east1")
    made = _weekly_call(sales, due_at=datetime(2026, 9, 7, 10, 0, tzinfo=SHANGHAI))
    overdue = sales.reminders.due(NOW, zone=SHANGHAI)
    assert [(e.reminder_id, e.day(SHANGHAI)) for e in overdue] == [(made.id, date(2026, 11, 23))]
    sales.reminders.complete(made.id, overdue[0].occurrence)
    assert sales.reminders.due(NOW, zone=SHANGHAI) == []
    # the next Monday's call comes due exactly once
    monday = datetime(2026, 11, 30, 10, 0, tzinfo=SHANGHAI)
    first = sales.reminders.due(monday, since=monday - timedelta(minutes=1), zone=SHANGHAI)
    again = sales.reminders.due(monday + timedelta(minutes=1), since=monday, zone=SHANGHAI)
    assert len(first) == 1 and again == []


def test_an_all_day_reminder_is_due_at_nine_local(org) -> None:
    sales = org.session("sales_east1")
    sales.reminders.create({"title": "合同到期", "all_day": True, "due_at": date(2026, 11, 24),
                            "kind": "contract_expiry"})
    nine = datetime(2026, 11, 24, 9, 0, tzinfo=SHANGHAI)
    assert sales.reminders.due(nine - timedelta(minutes=1), zone=SHANGHAI) == []
    assert len(sales.reminders.due(nine, since=nine - timedelta(minutes=1),
                                   zone=SHANGHAI)) == 1


def test_reschedule_keeps_the_duration_and_update_guards_the_version(org) -> None:
    sales = org.session("sales_east1")
    made = sales.reminders.create({
        "kind": "visit", "title": "上门拜访", "due_at": datetime(2026, 12, 1, 14, tzinfo=UTC),
        "ends_at": datetime(2026, 12, 1, 15, 30, tzinfo=UTC)})
    moved = sales.reminders.reschedule(made.id, datetime(2026, 12, 3, 9, tzinfo=UTC))
    assert moved.ends_at == datetime(2026, 12, 3, 10, 30, tzinfo=UTC)
    with pytest.raises(Conflict):
        sales.reminders.update(made.id, {"title": "改期"}, version=made.version)
    edited = sales.reminders.update(made.id, {"title": "改期拜访", "notes": "带样品"},
                                    version=moved.version)
    assert (edited.title, edited.notes) == ("改期拜访", "带样品")
    with pytest.raises(ValidationError, match="a timed reminder moves to a date and time"):
        sales.reminders.reschedule(made.id, date(2026, 12, 4))


@pytest.mark.parametrize(("data", "field", "words"), [
    ({"rrule": "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2"}, "rrule", ""),
    ({"rrule": "FREQ=SOMETIMES"}, "rrule", ""),
    ({"ends_at": datetime(2026, 11, 30, 9, tzinfo=UTC)}, "ends_at", "before the start"),
    ({"due_at": datetime(2301, 1, 1, tzinfo=UTC)}, "due_at", "between"),
    ({"time_zone": "Mars/Olympus"}, "time_zone", "Mars/Olympus"),
])
def test_bad_input_names_the_problem_and_writes_nothing(org, data, field, words) -> None:
    sales = org.session("sales_east1")
    with pytest.raises(ValidationError) as caught:
        sales.reminders.create({"title": "x", "due_at": datetime(2026, 12, 1, 9, tzinfo=UTC),
                                **data})
    assert caught.value.field == field and words in str(caught.value)
    assert sales.reminders.list(include_done=True) == []


def test_occurrence_changes_refuse_what_is_not_an_occurrence(org) -> None:
    sales = org.session("sales_east1")
    made = _weekly_call(sales)
    with pytest.raises(ValidationError, match="not an occurrence"):
        sales.reminders.complete(made.id, "2026-11-03T10:00:00")  # a Tuesday
    with pytest.raises(ValidationError, match="name the occurrence"):
        sales.reminders.complete(made.id)
    one_off = sales.reminders.create({"title": "一次", "due_at": NOW})
    with pytest.raises(ValidationError, match="does not repeat"):
        sales.reminders.complete(one_off.id, "2026-11-23T09:00:00")


def test_changing_the_rule_drops_the_single_occurrence_changes(org) -> None:
    sales = org.session("sales_east1")
    made = _weekly_call(sales)
    first = sales.reminders.window(date(2026, 11, 1), date(2026, 11, 8), zone=SHANGHAI)[0]
    sales.reminders.complete(made.id, first.occurrence)
    changed = sales.reminders.update(made.id, {"rrule": "FREQ=WEEKLY;BYDAY=MO,TH"})
    shown = sales.reminders.window(date(2026, 11, 1), date(2026, 11, 8), zone=SHANGHAI)
    assert _days(shown) == [date(2026, 11, 2), date(2026, 11, 5)]
    assert all(e.done_at is None and e.version == changed.version for e in shown)


def test_every_change_is_audited_with_its_occurrence(org) -> None:
    sales = org.session("sales_east1")
    made = _weekly_call(sales)
    first = sales.reminders.window(date(2026, 11, 1), date(2026, 11, 8), zone=SHANGHAI)[0]
    sales.reminders.snooze(made.id, NOW + timedelta(hours=1), first.occurrence)
    sales.reminders.delete(made.id)
    with sales._ctx.db.unit_of_work() as s:
        actions = s.execute(select(AuditEvent.action, AuditEvent.detail).where(
            AuditEvent.entity_id == made.id).order_by(AuditEvent.seq)).tuples().all()
        changes = s.execute(select(func.count()).select_from(ReminderOverride)).scalar()
    assert [a for a, _ in actions] == ["reminder.create", "reminder.snooze", "reminder.delete"]
    assert actions[1][1]["occurrence"] == first.occurrence
    assert changes == 1
    assert sales.reminders.window(date(2026, 11, 1), date(2026, 12, 1), zone=SHANGHAI) == []


def test_a_salesperson_cannot_reach_another_users_reminders_through_any_call(org) -> None:
    owner = org.session("sales_east2")
    theirs = _weekly_call(owner)
    key = owner.reminders.window(date(2026, 11, 1), date(2026, 11, 8), zone=SHANGHAI)[0] \
        .occurrence
    other = org.session("sales_east1")
    calls = {
        "get": lambda s: s.reminders.get(theirs.id),
        "update": lambda s: s.reminders.update(theirs.id, {"title": "偷看"}),
        "complete": lambda s: s.reminders.complete(theirs.id, key),
        "reopen": lambda s: s.reminders.reopen(theirs.id, key),
        "snooze": lambda s: s.reminders.snooze(theirs.id, NOW + timedelta(hours=1), key),
        "reschedule": lambda s: s.reminders.reschedule(theirs.id, NOW + timedelta(days=1), key),
        "delete": lambda s: s.reminders.delete(theirs.id, key),
    }
    assert {name: outcome(call, other) for name, call in calls.items()} == \
        {name: HIDDEN for name in calls}
    owner_id = org.ids["sales_east2"]
    assert other.reminders.window(date(2026, 11, 1), date(2026, 12, 1),
                                  owner_ids=[owner_id], zone=SHANGHAI) == []
    assert other.reminders.due(NOW + timedelta(days=30), zone=SHANGHAI) == []
    assert other.reminders.hub(zone=SHANGHAI).team_overdue == []
    assert [o for o, _ in other.reminders.owners()] == [org.ids["sales_east1"]]
    assert other.reminders.list() == []


def test_a_manager_sees_and_manages_their_subordinates_reminders(org) -> None:
    sales = org.session("sales_south1")  # reports to mgr_east across departments
    theirs = sales.reminders.create({"title": "逾期回访", "due_at": NOW - timedelta(days=2)})
    manager = org.session("mgr_east")
    owners = dict(manager.reminders.owners())
    assert org.ids["sales_south1"] in owners and org.ids["sales_east1"] in owners
    assert org.ids["sales_south2"] not in owners
    shown = manager.reminders.window(date(2026, 11, 1), date(2026, 12, 1),
                                     owner_ids=[org.ids["sales_south1"]])
    assert [e.reminder_id for e in shown] == [theirs.id]
    assert shown[0].owner_name
    hub = manager.reminders.hub(zone=SHANGHAI)
    assert [e.reminder_id for e in hub.team_overdue] == [theirs.id]
    assert hub.team_overdue_total == 1 and hub.overdue == []
    assert outcome(lambda s: s.reminders.complete(theirs.id), manager) == OK
    other_team = org.session("sales_south2").reminders.create({"title": "别组", "due_at": NOW})
    assert outcome(lambda s: s.reminders.get(other_team.id), manager) == HIDDEN


def test_the_auditor_reads_but_cannot_change(org) -> None:
    sales = org.session("sales_east1")
    made = sales.reminders.create({"title": "审计可见", "due_at": NOW})
    auditor = org.session("auditor")
    assert outcome(lambda s: s.reminders.get(made.id), auditor) == OK
    assert outcome(lambda s: s.reminders.complete(made.id), auditor) == DENIED


def test_the_hub_sorts_a_day_into_buckets(org, customer_of) -> None:
    org.clock.advance(timedelta(hours=-8))  # 2026-11-23 09:00 in Shanghai
    sales = org.session("sales_east1")
    cid = customer_of("sales_east1", name="李娜")
    at = datetime(2026, 11, 23, 9, 0, tzinfo=SHANGHAI)
    made = {
        "late": {"title": "昨天", "due_at": at - timedelta(days=1)},
        "today": {"title": "今天下午", "due_at": at + timedelta(hours=5), "customer_id": cid},
        "week": {"title": "周四", "due_at": at + timedelta(days=3)},
        "far": {"title": "下月", "due_at": at + timedelta(days=40)},
        "contract": {"title": "合同到期", "kind": "contract_expiry", "all_day": True,
                     "due_at": date(2026, 12, 10)},
        "bill": {"title": "第二期回款", "kind": "receivable", "all_day": True,
                 "due_at": date(2026, 11, 20)},
        "birthday": {"title": "生日：李娜", "kind": "birthday", "all_day": True,
                     "due_at": date(1990, 11, 26), "rrule": "FREQ=YEARLY"},
    }
    ids = {name: sales.reminders.create(data).id for name, data in made.items()}
    hub = sales.reminders.hub(zone=SHANGHAI)

    def names(bucket):
        return {next(n for n, i in ids.items() if i == e.reminder_id) for e in bucket}

    assert names(hub.overdue) == {"late", "bill"} and hub.overdue_total == 2
    assert names(hub.today) == {"today"}
    assert hub.today[0].customer_name == "李娜"
    assert names(hub.this_week) == {"week", "birthday"}
    assert names(hub.contracts) == {"contract"}
    assert names(hub.instalments) == {"bill"}
    assert names(hub.birthdays) == {"birthday"}
    assert hub.team_overdue == [] and hub.complaints == []


def test_a_series_moved_to_a_new_owner_behind_the_cache_shows_for_the_new_owner(org) -> None:
    sales = org.session("sales_east1")
    made = _weekly_call(sales)
    with sales._ctx.db.unit_of_work() as s:  # a bulk hand-over
        s.execute(update(Reminder).where(Reminder.id == made.id)
                  .values(owner_id=org.ids["sales_east2"]))
    nov = (date(2026, 11, 1), date(2026, 12, 1))
    assert sales.reminders.window(*nov, zone=SHANGHAI) == []
    receiver = org.session("sales_east2").reminders.window(*nov, zone=SHANGHAI)
    assert len(receiver) == 5


def test_editing_the_title_keeps_occurrence_changes_snoozes_and_an_unstored_zone(org) -> None:
    sales = org.session("sales_east1")
    made = _weekly_call(sales, rrule="FREQ=WEEKLY;BYDAY=MO")
    first = sales.reminders.window(date(2026, 11, 1), date(2026, 11, 8), zone=SHANGHAI)[0]
    sales.reminders.complete(made.id, first.occurrence)
    sales.reminders.update(made.id, {"title": "每周回访（改）"})
    sales.reminders.update(made.id, {"rrule": "BYDAY=MO;FREQ=WEEKLY"})  # the same rule
    again = sales.reminders.window(date(2026, 11, 1), date(2026, 11, 8), zone=SHANGHAI)[0]
    assert again.done_at is not None and again.title == "每周回访（改）"

    one_off = sales.reminders.create({"title": "回电", "due_at": NOW + timedelta(hours=1)})
    with sales._ctx.db.unit_of_work() as s:  # as older rows and bulk imports were stored
        s.execute(update(Reminder).where(Reminder.id == one_off.id).values(time_zone=""))
    sales.reminders.snooze(one_off.id, NOW + timedelta(hours=3))
    edited = sales.reminders.update(one_off.id, {"title": "回电给张伟"})
    assert edited.snoozed_until == NOW + timedelta(hours=3) and edited.time_zone == ""


def test_a_complaint_assigned_about_an_unseen_customer_shows_without_the_name(org,
                                                                              customer_of):
    from desktop_crm.services.bulk import ActivityBatch, ActivityImport

    cid = customer_of("sales_east2", name="秘密客户")
    admin = org.session("admin")
    ActivityImport(admin.customers.ctx).create(ActivityBatch(complaints=[{
        "customer_id": cid, "opened_at": NOW - timedelta(days=3),
        "summary": "broken delivery", "assignee_id": org.ids["sales_east1"]}]))
    hub = org.session("sales_east1").reminders.hub(zone=SHANGHAI)
    assert [(c.customer_name, c.summary) for c in hub.complaints] == [("", "broken delivery")]


def test_contracts_expiring_lists_the_overdue_renewal_first(org) -> None:
    sales = org.session("sales_east1")
    urgent = sales.reminders.create({"title": "HT-10 到期", "kind": "contract_expiry",
                                     "all_day": True, "due_at": date(2026, 11, 13)})
    later = sales.reminders.create({"title": "HT-45 到期", "kind": "contract_expiry",
                                    "all_day": True, "due_at": date(2026, 12, 8)})
    hub = sales.reminders.hub(zone=SHANGHAI)
    assert [e.reminder_id for e in hub.contracts] == [urgent.id, later.id]


def test_an_overdue_occurrence_snoozed_for_15_minutes_comes_back(org) -> None:
    sales = org.session("sales_east1")
    made = sales.reminders.create({"title": "weekly call", "due_at": NOW - timedelta(days=3),
                                   "rrule": "FREQ=WEEKLY", "time_zone": "Asia/Shanghai"})
    [missed] = sales.reminders.due(NOW, zone=SHANGHAI)  # the sign-in look
    sales.reminders.snooze(made.id, NOW + timedelta(minutes=15), missed.occurrence)
    assert sales.reminders.due(NOW + timedelta(minutes=1), zone=SHANGHAI) == []
    back = sales.reminders.due(NOW + timedelta(minutes=16), since=NOW + timedelta(minutes=14),
                               zone=SHANGHAI)
    assert [e.occurrence for e in back] == [missed.occurrence]
    later = sales.reminders.due(NOW + timedelta(days=20), zone=SHANGHAI)  # never lapses
    assert missed.occurrence in [e.occurrence for e in later]


def test_yesterdays_missed_all_day_occurrence_stays_overdue_before_todays_alarm(org) -> None:
    sales = org.session("sales_east1")
    sales.reminders.create({"title": "daily check", "due_at": date(2026, 11, 16),
                            "all_day": True, "rrule": "FREQ=DAILY"})
    new_york = ZoneInfo("America/New_York")  # NOW is 04:00 there: today's alarm is at 09:00
    assert [e.occurrence for e in sales.reminders.due(NOW, zone=new_york)] == ["2026-11-22"]
    at = datetime(2026, 11, 23, 8, 30, tzinfo=SHANGHAI)
    assert [e.occurrence for e in sales.reminders.due(at, zone=SHANGHAI)] == ["2026-11-22"]


def test_a_stored_rule_the_calendar_cannot_expand_hides_only_its_own_reminder(org) -> None:
    sales = org.session("sales_east1")
    bad = _weekly_call(sales)
    good = _weekly_call(sales, title="另一个")
    with sales._ctx.db.unit_of_work() as s:  # written past the checks, as an old import could
        s.execute(update(Reminder).where(Reminder.id == bad.id)
                  .values(rrule="FREQ=HOURLY", version=Reminder.version + 1))
    shown = sales.reminders.window(date(2026, 11, 1), date(2026, 12, 1), zone=SHANGHAI)
    assert {e.reminder_id for e in shown} == {good.id}
    assert sales.reminders.refresh_cache() == 1
    assert sales.reminders.refresh_cache() == 0  # not retried for ever
    sales.reminders.hub(zone=SHANGHAI)
    sales.reminders.due(NOW, zone=SHANGHAI)


def test_handing_a_customer_on_hands_on_its_open_reminders(org, customer_of) -> None:
    cid = customer_of("sales_east1", name="王芳")
    east1 = org.session("sales_east1")
    open_one = east1.reminders.create({"title": "回访王芳", "due_at": NOW, "customer_id": cid})
    done_one = east1.reminders.create({"title": "已回访", "due_at": NOW, "customer_id": cid})
    east1.reminders.complete(done_one.id)
    org.session("mgr_east").customers.assign(cid, org.ids["sales_east2"])
    east2 = org.session("sales_east2")
    assert [r.id for r in east2.reminders.list()] == [open_one.id]
    assert [r.id for r in east1.reminders.list(include_done=True)] == [done_one.id]


def test_a_rule_saved_back_without_its_implied_weekday_is_the_same_rule(org) -> None:
    sales = org.session("sales_east1")
    made = _weekly_call(sales, rrule="FREQ=WEEKLY;BYDAY=MO")  # starts on a Monday
    first = sales.reminders.window(date(2026, 11, 1), date(2026, 11, 8), zone=SHANGHAI)[0]
    sales.reminders.complete(made.id, first.occurrence)
    sales.reminders.update(made.id, {"rrule": "FREQ=WEEKLY", "title": "改名"})
    again = sales.reminders.window(date(2026, 11, 1), date(2026, 11, 8), zone=SHANGHAI)[0]
    assert again.done_at is not None
    sales.reminders.update(made.id, {"rrule": "FREQ=WEEKLY;BYDAY=TU"})  # a real change
    moved = sales.reminders.window(date(2026, 11, 1), date(2026, 11, 8), zone=SHANGHAI)
    assert [e.day(SHANGHAI) for e in moved] == [date(2026, 11, 3)]
    assert all(e.done_at is None for e in moved)
