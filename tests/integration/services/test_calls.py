"""The Calls view on a real vault: sight, filters, keyset paging, counts, masked names."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import delete, select

from desktop_crm.domain.errors import PermissionDenied, ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.services.bulk import ActivityBatch, ActivityImport
from desktop_crm.services.calls import COUNT_AT_MOST, CallFilter
from desktop_crm.storage import call_list
from desktop_crm.storage.models import FieldPolicy, RecordGrant, Role, RoleGrant

from .conftest import NOW


def _ago(hours: float) -> datetime:
    return NOW - timedelta(hours=hours)


@pytest.fixture
def calls(org, customer_of) -> dict[str, str]:
    """Four owners' customers and their calls; label -> call id (and customer ids)."""
    ids = {
        "c_east1": customer_of("sales_east1", name="张伟"),
        "c_east2": customer_of("sales_east2", name="王芳"),
        "c_south1": customer_of("sales_south1", name="李雷"),  # reports to mgr_east
        "c_south2": customer_of("sales_south2", name="韩梅梅"),  # outside mgr_east's reach
    }
    plan = [  # label, customer, logged by, hours ago, kind, outcome
        ("east1_call", "c_east1", "sales_east1", 1, "call", "有意向"),
        ("east2_call", "c_east2", "sales_east2", 1.5, "call", "已下单"),
        ("service_inbound", "c_east1", "service1", 2, "call", "需跟进"),
        ("south2_email", "c_south2", "sales_south2", 5, "email", "有意向"),
        ("south1_meeting", "c_south1", "sales_south1", 48, "meeting", ""),
        ("east1_visit", "c_east1", "sales_east1", 72, "visit", "有意向"),
    ]
    rows = []
    for label, customer, user, hours, kind, outcome in plan:
        ids[label] = new_id()
        rows.append({"id": ids[label], "customer_id": ids[customer], "user_id": org.ids[user],
                     "started_at": _ago(hours), "kind": kind, "outcome": outcome,
                     "direction": "inbound" if user == "service1" else "outbound",
                     "summary": f"{label} 摘要", "duration_seconds": 60})
    ActivityImport(org.session("admin")._ctx).create(ActivityBatch(interactions=rows))
    return ids


def _ids(page) -> list[str]:
    return [r.id for r in page.rows]


def _labels(calls: dict[str, str], page) -> list[str]:
    by_id = {v: k for k, v in calls.items()}
    return [by_id[r.id] for r in page.rows]


def test_everyone_sees_the_calls_on_the_customers_they_see(org, calls) -> None:
    assert _labels(calls, org.session("admin").calls.page()) == [
        "east1_call", "east2_call", "service_inbound", "south2_email", "south1_meeting",
        "east1_visit"]
    # a salesperson: every call on their customers, whoever logged it, and nothing else
    assert _labels(calls, org.session("sales_east1").calls.page()) == [
        "east1_call", "service_inbound", "east1_visit"]
    assert _labels(calls, org.session("sales_east2").calls.page()) == ["east2_call"]
    # a manager: their reports' customers, across departments, not another team's
    assert _labels(calls, org.session("mgr_east").calls.page()) == [
        "east1_call", "east2_call", "service_inbound", "south1_meeting", "east1_visit"]
    assert len(org.session("service1").calls.page().rows) == 6


def test_rows_carry_what_the_view_shows(org, calls) -> None:
    row = org.session("sales_east1").calls.page().rows[1]
    assert row.id == calls["service_inbound"] and row.customer_id == calls["c_east1"]
    assert (row.customer_name, row.user_id, row.user_display_name) == (
        "张伟", org.ids["service1"], "service1")
    assert (row.kind, row.direction, row.outcome, row.summary, row.duration_seconds) == (
        "call", "inbound", "需跟进", "service_inbound 摘要", 60)
    assert row.started_at == _ago(2) and row.next_step_at is None


def test_a_call_follows_its_customer_to_the_new_owner(org, calls) -> None:
    org.session("admin").customers.assign(calls["c_east1"], org.ids["sales_east2"])
    assert _labels(calls, org.session("sales_east1").calls.page()) == []
    assert _labels(calls, org.session("sales_east2").calls.page()) == [
        "east1_call", "east2_call", "service_inbound", "east1_visit"]


def test_a_customer_shared_with_me_brings_its_calls(org, calls) -> None:
    admin = org.session("admin")
    with admin._open().database.unit_of_work() as s:
        s.add(RecordGrant(id=new_id(), created_at=NOW, updated_at=NOW, version=1,
                          resource="customer", record_id=calls["c_east2"],
                          grantee_id=org.ids["sales_east1"], access="read"))
    assert _labels(calls, org.session("sales_east1").calls.page()) == [
        "east1_call", "east2_call", "service_inbound", "east1_visit"]


def test_a_deleted_customer_takes_its_calls_out_of_view_and_counts(org, calls) -> None:
    admin = org.session("admin")
    assert admin.calls.count() == 6
    admin.customers.delete(calls["c_east1"])
    assert _labels(calls, admin.calls.page()) == ["east2_call", "south2_email",
                                                  "south1_meeting"]
    assert admin.calls.count() == 3
    assert admin.calls.count(CallFilter(since=_ago(10))) == 2
    assert admin.calls.count(CallFilter(kind="call")) == 1  # the walk agrees


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (dict(since=NOW - timedelta(hours=2)), ["east1_call", "east2_call", "service_inbound"]),
        (dict(until=NOW - timedelta(hours=2)), ["south2_email", "south1_meeting",
                                                "east1_visit"]),  # until is exclusive
        (dict(since=NOW - timedelta(hours=50), until=NOW - timedelta(hours=1.5)),
         ["service_inbound", "south2_email", "south1_meeting"]),
        (dict(owner="sales_east1"), ["east1_call", "east1_visit"]),
        (dict(owner="service1"), ["service_inbound"]),
        (dict(outcome="有意向"), ["east1_call", "south2_email", "east1_visit"]),
        (dict(outcome=" 有意向 "), ["east1_call", "south2_email", "east1_visit"]),
        (dict(outcome=""), ["east1_call", "east2_call", "service_inbound", "south2_email",
                            "south1_meeting", "east1_visit"]),  # blank: any outcome
        (dict(kind="visit"), ["east1_visit"]),
        (dict(kind="call", outcome="有意向"), ["east1_call"]),
        (dict(owner="sales_east1", kind="visit", since=NOW - timedelta(days=4)),
         ["east1_visit"]),
        (dict(owner="sales_east1", kind="visit", since=NOW - timedelta(days=2)), []),
        (dict(owner="sales_south2", outcome="有意向", kind="email",
              since=NOW - timedelta(days=1), until=NOW), ["south2_email"]),
    ],
)
def test_filters_alone_and_combined(org, calls, filters: dict, expected: list[str]) -> None:
    if "owner" in filters:
        filters["owner_id"] = org.ids[filters.pop("owner")]
    admin = org.session("admin")
    page = admin.calls.page(filters=CallFilter(**filters))
    assert _labels(calls, page) == expected
    assert admin.calls.count(CallFilter(**filters)) == len(expected)


def test_filters_never_widen_the_sight(org, calls) -> None:
    sales = org.session("sales_east1")
    assert _labels(calls, sales.calls.page(filters=CallFilter(
        owner_id=org.ids["sales_east2"]))) == []
    assert _labels(calls, sales.calls.page(filters=CallFilter(outcome="已下单"))) == []
    assert sales.calls.count(CallFilter(kind="call")) == 2


@pytest.mark.parametrize("by_owner", [False, True])  # the start-time index, one person's
def test_paging_has_no_gap_or_repeat_across_equal_start_times(
        org, customer_of, by_owner: bool) -> None:
    customers = [customer_of("sales_east1", name="同一时刻"), customer_of("sales_east1")]
    same = NOW - timedelta(hours=1)
    times = [same] * 25 + [same + timedelta(minutes=m) for m in (-30, -1, 1, 30)]
    rows = [{"customer_id": customers[n % 2], "user_id": org.ids["sales_east1"],
             "started_at": t, "summary": f"第{n}通"} for n, t in enumerate(times)]
    ActivityImport(org.session("admin")._ctx).create(ActivityBatch(interactions=rows))
    sales = org.session("sales_east1")
    filters = CallFilter(owner_id=org.ids["sales_east1"]) if by_owner else CallFilter()
    whole = sales.calls.page(filters=filters, limit=100)
    assert len(whole.rows) == 29 and whole.next_after is None
    assert len(set(_ids(whole))) == 29
    starts = [r.started_at for r in whole.rows]
    assert starts == sorted(starts, reverse=True)
    for size in (1, 4, 7, 25, 29):
        seen, after, pages = [], None, 0
        while True:
            page = sales.calls.page(filters=filters, after=after, limit=size)
            seen += _ids(page)
            pages += 1
            if page.next_after is None:
                break
            after = page.next_after
        assert seen == _ids(whole), size
        assert pages == -(-29 // size) + (29 % size == 0), size  # a full last page asks once more


def test_counts_stop_at_at_most(org, calls, customer_of) -> None:
    sales, admin = org.session("sales_east1"), org.session("admin")
    assert sales.calls.count() == 3
    assert sales.calls.count(at_most=2) == 2 and sales.calls.count(at_most=10) == 3
    assert admin.calls.count(at_most=4) == 4 and admin.calls.count(at_most=0) == 0
    with pytest.raises(ValidationError):
        admin.calls.count(at_most=-1)
    # by default a count stops at COUNT_AT_MOST; None counts them all
    cid = customer_of("sales_east1")
    rows = [{"customer_id": cid, "started_at": _ago(3 + n / 60)} for n in range(1000)]
    ActivityImport(admin._ctx).create(ActivityBatch(interactions=rows))
    assert COUNT_AT_MOST == 1000
    for session in (sales, admin):
        assert session.calls.count() == 1000
        assert session.calls.count(CallFilter(kind="call"), at_most=None) == 1000 + (
            2 if session is sales else 3)
    assert sales.calls.count(at_most=None) == 1003
    assert admin.calls.count(at_most=None) == 1006


def test_known_outcomes_most_used_first_within_sight(org, calls) -> None:
    # most used first, then by the text: 已 (U+5DF2) before 需 (U+9700)
    assert org.session("admin").calls.known_outcomes() == ["有意向", "已下单", "需跟进"]
    assert org.session("admin").calls.known_outcomes(limit=1) == ["有意向"]
    assert org.session("sales_east1").calls.known_outcomes() == ["有意向", "需跟进"]
    assert org.session("sales_east2").calls.known_outcomes() == ["已下单"]


def _policy(org, role: str, access: str, mask: str) -> None:
    with org.session("admin")._open().database.unit_of_work() as s:
        role_id = s.execute(select(Role.id).where(Role.name == role)).scalar_one()
        s.add(FieldPolicy(id=new_id(), created_at=NOW, updated_at=NOW, version=1,
                          role_id=role_id, resource="customer", field="name",
                          access=access, mask=mask))


def test_customer_names_show_as_the_list_policy_shows_them(org, calls) -> None:
    _policy(org, "service", "read", "list_only")  # names masked in lists for service staff
    service_rows = org.session("service1").calls.page().rows
    assert {r.customer_name for r in service_rows} == {"***"}
    assert org.session("admin").calls.page().rows[0].customer_name == "张伟"
    _policy(org, "auditor", "hidden", "none")
    assert {r.customer_name for r in org.session("auditor").calls.page().rows} == {""}


def test_a_shared_record_is_masked_everywhere_in_call_rows(org, calls) -> None:
    _policy(org, "sales", "edit", "list_only")
    with org.session("admin")._open().database.unit_of_work() as s:
        s.add(RecordGrant(id=new_id(), created_at=NOW, updated_at=NOW, version=1,
                          resource="customer", record_id=calls["c_east2"],
                          grantee_id=org.ids["sales_east1"], access="read"))
    names = {r.customer_id: r.customer_name
             for r in org.session("sales_east1").calls.page().rows}
    assert names == {calls["c_east1"]: "***", calls["c_east2"]: "***"}


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        (dict(filters=CallFilter(since=datetime(2026, 11, 1))), "since"),
        (dict(filters=CallFilter(until=datetime(2026, 11, 1))), "until"),
        (dict(filters=CallFilter(since=NOW, until=NOW - timedelta(days=1))), "until"),
        (dict(filters=CallFilter(kind="fax")), "kind"),
        (dict(after=("2026-11-23", new_id(), 5)), "after"),
        (dict(after=(NOW, 5)), "after"),
        (dict(limit=0), "limit"),
    ],
)
def test_bad_requests_name_the_field(org, kwargs: dict, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        org.session("admin").calls.page(**kwargs)
    assert caught.value.field == field


def test_a_role_without_call_read_is_refused(org, calls) -> None:
    with org.session("admin")._open().database.unit_of_work() as s:
        sales = s.execute(select(Role.id).where(Role.name == "sales")).scalar_one()
        s.execute(delete(RoleGrant).where(RoleGrant.role_id == sales,
                                          RoleGrant.resource == "interaction",
                                          RoleGrant.action == "read"))
    with pytest.raises(PermissionDenied):
        org.session("sales_east1").calls.page()


@pytest.mark.parametrize("owner_sight", [False, True])
@pytest.mark.parametrize("filters", [
    {}, {"user_id": "a"}, {"since": NOW}, {"until": NOW}, {"kind": "call"},
    {"outcome": "x"}, {"user_id": "a", "since": NOW, "until": NOW, "kind": "call"},
])
def test_pages_walk_an_index_in_order_and_never_sort(org, filters: dict,
                                                     owner_sight: bool) -> None:
    if "user_id" in filters:
        filters = {**filters, "user_id": org.ids["sales_east1"]}
    query = call_list.CallQuery(
        owner_ids=[org.ids["sales_east1"]] if owner_sight else None,
        customer_ids=[new_id()] if owner_sight else (), **filters)
    sql, params = call_list.page_statement(query, after=(NOW, new_id(), 10), limit=200)
    with org.session("admin")._open().database.reading() as s:
        plan = [row[3] for row in s.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN " + sql, params)]
    by_user = "user_id" in filters
    index = "ix_interactions_user_started" if by_user else "ix_interactions_started"
    assert plan[0].startswith(f"SEARCH i USING INDEX {index}"), plan
    assert plan[1].startswith("SEARCH c USING INDEX sqlite_autoindex_customers_1"), plan
    # one person's index orders by start time alone: ties are sorted, a group at a time
    sorts = ["USE TEMP B-TREE FOR LAST 2 TERMS OF ORDER BY"] if by_user else []
    assert plan[2:] == sorts, plan


def test_the_people_who_logged_calls_in_sight_are_offered_most_calls_first(org, customer_of):
    ours = customer_of("sales_east1")
    theirs = customer_of("sales_south2")
    for _ in range(2):
        org.session("service1").interactions.log(ours, {"summary": "回访"})
    org.session("sales_east1").interactions.log(ours, {"summary": "报价"})
    org.session("sales_south2").interactions.log(theirs, {"summary": "拜访"})

    def names(user: str) -> list[str]:
        return [c.username for c in org.session(user).calls.known_callers()]

    # customer service logged on a salesperson's customer: the manager can filter by them
    assert names("mgr_east") == ["service1", "sales_east1"]
    assert names("sales_east1") == ["service1", "sales_east1"]
    everyone = names("admin")  # one call each after service1's two: either order
    assert everyone[0] == "service1"
    assert sorted(everyone[1:]) == ["sales_east1", "sales_south2"]
