"""Orders, contracts, instalments and receipts on a customer's record: written by whoever
may update the customer, checked field by field, instalment states derived on reading."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from desktop_crm.domain.enums import InstalmentState
from desktop_crm.domain.errors import NotFound, PermissionDenied, ValidationError
from desktop_crm.services.commerce import instalment_state
from desktop_crm.storage.models import AuditEvent, Contract, Order

from .conftest import DENIED, HIDDEN, NOW, OK, outcome

TODAY = date(2026, 11, 23)
CONTRACT = {"number": "HT-2026-001", "title": "年度维保", "start_date": date(2026, 1, 1),
            "end_date": date(2026, 12, 31), "amount_minor": 100_000_00}


def _count(session, model) -> int:
    with session._open().database.reading() as s:
        return s.execute(select(func.count()).select_from(model)
                         .where(model.deleted_at.is_(None))).scalar_one()


def _last_action(session) -> str:
    with session._open().database.reading() as s:
        return s.execute(select(AuditEvent.action).order_by(AuditEvent.seq.desc())
                         .limit(1)).scalar_one()


# --- orders ----------------------------------------------------------------------------------


def test_orders_are_entered_listed_changed_and_deleted(org, customer_of) -> None:
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    first = sales.commerce.create_order(cid, {"amount_minor": 1280_00, "description": "净水器",
                                              "ordered_at": NOW - timedelta(days=3)})
    second = sales.commerce.create_order(cid, {"amount_minor": 99_50, "currency": "USD"})
    assert (second.amount_minor, second.currency, second.ordered_at) == (99_50, "USD", NOW)
    assert (first.currency, first.description) == ("CNY", "净水器")
    assert [o.id for o in sales.commerce.orders(cid)] == [second.id, first.id]
    changed = sales.commerce.update_order(first.id, {"amount_minor": 1300_00})
    assert (changed.amount_minor, changed.version) == (1300_00, 2)
    assert _last_action(sales) == "order.update"
    sales.commerce.delete_order(second.id)
    assert [o.id for o in sales.commerce.orders(cid)] == [first.id]
    with pytest.raises(NotFound):
        sales.commerce.update_order(second.id, {"amount_minor": 1})


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "amount_minor"),
        ({"amount_minor": 0}, "amount_minor"),
        ({"amount_minor": -100}, "amount_minor"),
        ({"amount_minor": "100"}, "amount_minor"),
        ({"amount_minor": 12.5}, "amount_minor"),
        ({"amount_minor": True}, "amount_minor"),
        ({"amount_minor": 100, "currency": "rmb"}, "currency"),
        ({"amount_minor": 100, "ordered_at": NOW + timedelta(days=2)}, "ordered_at"),
        ({"amount_minor": 100, "ordered_at": datetime(2026, 11, 1)}, "ordered_at"),
        ({"amount_minor": 100, "description": "d" * 201}, "description"),
        ({"amount_minor": 100, "price": 3}, "price"),
    ],
)
def test_a_refused_order_names_the_field_and_writes_nothing(org, customer_of, data,
                                                            field) -> None:
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    with pytest.raises(ValidationError) as refused:
        sales.commerce.create_order(cid, data)
    assert refused.value.field == field
    assert _count(sales, Order) == 0


# --- contracts -------------------------------------------------------------------------------


def test_a_contract_number_is_unique_among_live_contracts(org, customer_of) -> None:
    mine, other = customer_of("sales_east1"), customer_of("sales_east2")
    sales = org.session("sales_east1")
    contract = sales.commerce.create_contract(mine, CONTRACT)
    assert (contract.number, contract.status, contract.currency) == (
        "HT-2026-001", "active", "CNY")
    with pytest.raises(ValidationError) as taken:  # whoever's customer holds it
        org.session("sales_east2").commerce.create_contract(other, CONTRACT)
    assert taken.value.field == "number"
    second = sales.commerce.create_contract(mine, {**CONTRACT, "number": "HT-2026-002"})
    with pytest.raises(ValidationError) as taken:
        sales.commerce.update_contract(second.id, {"number": "HT-2026-001"})
    assert taken.value.field == "number"
    sales.commerce.delete_contract(contract.id)
    renamed = sales.commerce.update_contract(second.id, {"number": "HT-2026-001"})
    assert renamed.number == "HT-2026-001" and renamed.version == 2
    assert [c.id for c in sales.commerce.contracts(mine)] == [second.id]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end_date": date(2026, 1, 1)}, "end_date"),  # the same day as the start
        ({"end_date": date(2025, 12, 31)}, "end_date"),
        ({"start_date": "2026-02-30"}, "start_date"),
        ({"start_date": datetime(2026, 1, 1, 9, 0)}, "start_date"),
        ({"amount_minor": 0}, "amount_minor"),
        ({"number": "  "}, "number"),
        ({"status": "signed"}, "status"),
        ({"currency": "yuan"}, "currency"),
    ],
)
def test_a_refused_contract_names_the_field_and_writes_nothing(org, customer_of, changes,
                                                               field) -> None:
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    with pytest.raises(ValidationError) as refused:
        sales.commerce.create_contract(cid, {**CONTRACT, **changes})
    assert refused.value.field == field
    assert _count(sales, Contract) == 0


def test_a_contract_s_dates_are_checked_together_on_update(org, customer_of) -> None:
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    contract = sales.commerce.create_contract(cid, CONTRACT)
    with pytest.raises(ValidationError) as refused:
        sales.commerce.update_contract(contract.id, {"start_date": date(2027, 1, 1)})
    assert refused.value.field == "end_date"
    moved = sales.commerce.update_contract(contract.id, {"start_date": date(2027, 1, 1),
                                                         "end_date": date(2027, 12, 31)})
    assert (moved.start_date, moved.end_date) == (date(2027, 1, 1), date(2027, 12, 31))


# --- instalments and receipts ----------------------------------------------------------------


def _plan(sales, contract_id: str, due: date, amount: int, *paid: int) -> str:
    plan = sales.commerce.add_instalment(contract_id, {"due_date": due, "amount_minor": amount})
    for value in paid:
        sales.commerce.add_receipt(contract_id, {"amount_minor": value, "plan_id": plan.id,
                                                 "received_at": NOW - timedelta(days=1)})
    return plan.id


def test_instalment_states_against_a_hand_computed_plan(org, customer_of) -> None:
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    contract = sales.commerce.create_contract(cid, CONTRACT)
    k = contract.id
    _plan(sales, k, date(2026, 10, 1), 30_000_00, 20_000_00, 10_000_00)  # paid in two parts
    _plan(sales, k, date(2026, 11, 1), 30_000_00, 10_000_00)  # partly paid and past due
    _plan(sales, k, date(2026, 11, 22), 20_000_00)  # nothing, due yesterday
    _plan(sales, k, date(2026, 11, 23), 10_000_00, 4_000_00)  # partly paid, due today
    fifth = _plan(sales, k, date(2026, 12, 23), 10_000_00)  # not yet due
    _plan(sales, k, date(2027, 1, 1), 5_000_00, 7_000_00)  # paid more than asked
    # money for the contract as a whole, and a receipt deleted, change no instalment
    sales.commerce.add_receipt(k, {"amount_minor": 50_000_00})
    wrong = sales.commerce.add_receipt(k, {"amount_minor": 10_000_00, "plan_id": fifth})
    sales.commerce.delete_receipt(wrong.id)

    rows = sales.commerce.instalments(cid, today=TODAY)
    assert [(r.instalment, r.state, r.received_minor, r.outstanding_minor) for r in rows] == [
        (1, InstalmentState.PAID, 30_000_00, 0),
        (2, InstalmentState.OVERDUE, 10_000_00, 20_000_00),
        (3, InstalmentState.OVERDUE, 0, 20_000_00),
        (4, InstalmentState.PARTLY_PAID, 4_000_00, 6_000_00),
        (5, InstalmentState.DUE, 0, 10_000_00),
        (6, InstalmentState.PAID, 7_000_00, 0),
    ]
    assert {r.contract_number for r in rows} == {"HT-2026-001"}
    # a month later the fourth and fifth are overdue too
    later = {r.instalment: r.state for r in
             sales.commerce.instalments(cid, today=date(2026, 12, 24))}
    assert (later[4], later[5], later[6]) == (InstalmentState.OVERDUE,
                                             InstalmentState.OVERDUE, InstalmentState.PAID)
    assert len(sales.commerce.receipts(cid)) == 6  # five against instalments, one not


def test_instalment_state_rules() -> None:
    assert instalment_state(100, 0, TODAY, TODAY) == (InstalmentState.DUE, 100)
    assert instalment_state(100, 1, TODAY, TODAY) == (InstalmentState.PARTLY_PAID, 99)
    assert instalment_state(100, 1, TODAY - timedelta(days=1), TODAY) == (
        InstalmentState.OVERDUE, 99)
    assert instalment_state(100, 100, TODAY - timedelta(days=9), TODAY) == (
        InstalmentState.PAID, 0)


def test_today_is_the_company_s_day(org, customer_of) -> None:
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    contract = sales.commerce.create_contract(cid, CONTRACT)
    _plan(sales, contract.id, date(2026, 11, 23), 100)
    admin = org.session("admin")
    org.clock.advance(timedelta(hours=14))  # 23:00 UTC: already the 24th in Shanghai
    admin.policies.update(company_time_zone="Asia/Shanghai")
    assert sales.commerce.instalments(cid)[0].state == InstalmentState.OVERDUE
    admin.policies.update(company_time_zone="America/New_York")  # still the 23rd there
    assert sales.commerce.instalments(cid)[0].state == InstalmentState.DUE


def test_instalments_and_receipts_are_checked(org, customer_of) -> None:
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    contract = sales.commerce.create_contract(cid, CONTRACT)
    other = sales.commerce.create_contract(cid, {**CONTRACT, "number": "HT-2026-009"})
    first = sales.commerce.add_instalment(contract.id, {"due_date": "2026-03-01",
                                                        "amount_minor": 500})
    second = sales.commerce.add_instalment(contract.id, {"due_date": date(2026, 6, 1),
                                                         "amount_minor": 500})
    assert (first.instalment, second.instalment, second.currency) == (1, 2, "CNY")
    foreign = sales.commerce.add_instalment(other.id, {"due_date": date(2026, 6, 1),
                                                       "amount_minor": 500})
    for call, field in (
            (lambda: sales.commerce.add_instalment(contract.id, {
                "due_date": date(2026, 7, 1), "amount_minor": 1, "instalment": 2}),
             "instalment"),
            (lambda: sales.commerce.add_instalment(contract.id, {"amount_minor": 1}),
             "due_date"),
            (lambda: sales.commerce.add_instalment(contract.id, {
                "due_date": date(2026, 7, 1), "amount_minor": 0}), "amount_minor"),
            (lambda: sales.commerce.add_instalment(contract.id, {
                "due_date": date(2026, 7, 1), "amount_minor": 1, "currency": "USD"}),
             "currency"),
            (lambda: sales.commerce.add_receipt(contract.id, {
                "amount_minor": 100, "plan_id": foreign.id}), "plan_id"),
            (lambda: sales.commerce.add_receipt(contract.id, {"amount_minor": -1}),
             "amount_minor"),
            (lambda: sales.commerce.add_receipt(contract.id, {
                "amount_minor": 1, "received_at": NOW + timedelta(days=1)}), "received_at"),
            (lambda: sales.commerce.update_instalment(second.id, {"instalment": 1}),
             "instalment")):
        with pytest.raises(ValidationError) as refused:
            call()
        assert refused.value.field == field
    # an instalment deleted: the money booked against it stays, as the contract's
    receipt = sales.commerce.add_receipt(contract.id, {"amount_minor": 200,
                                                       "plan_id": second.id})
    sales.commerce.delete_instalment(second.id)
    assert [r.plan_id for r in sales.commerce.receipts(cid) if r.id == receipt.id] == [None]
    assert [r.instalment for r in sales.commerce.instalments(cid)] == [1, 1]


def test_deleting_a_contract_deletes_its_plan_and_receipts(org, customer_of) -> None:
    cid = customer_of("sales_east1")
    sales = org.session("sales_east1")
    contract = sales.commerce.create_contract(cid, CONTRACT)
    _plan(sales, contract.id, date(2026, 3, 1), 500, 500)
    sales.commerce.delete_contract(contract.id)
    assert sales.commerce.instalments(cid) == [] and sales.commerce.receipts(cid) == []
    assert sales.commerce.contracts(cid) == []
    with pytest.raises(NotFound):
        sales.commerce.add_receipt(contract.id, {"amount_minor": 1})


# --- who may ---------------------------------------------------------------------------------


def test_who_may_enter_orders_and_contracts(org, customer_of) -> None:
    """Whoever may update the customer: its owner, their managers, admins. Another
    salesperson gets NotFound as for a missing id; customer service and auditors, who read
    every customer but update none, get PermissionDenied."""
    east1, south2 = customer_of("sales_east1"), customer_of("sales_south2")
    south1 = customer_of("sales_south1")
    expected = {
        ("sales_east1", east1): OK, ("sales_east2", east1): HIDDEN,
        ("mgr_east", south1): OK, ("mgr_east", south2): HIDDEN, ("admin", south2): OK,
        ("service1", east1): DENIED, ("auditor", east1): DENIED,
    }
    numbers = iter(range(100))
    orders = {(name, cid): outcome(
        lambda s, c=cid: s.commerce.create_order(c, {"amount_minor": 100}), org.session(name))
        for name, cid in expected}
    contracts = {(name, cid): outcome(
        lambda s, c=cid: s.commerce.create_contract(
            c, {**CONTRACT, "number": f"N-{next(numbers)}"}), org.session(name))
        for name, cid in expected}
    assert orders == expected and contracts == expected


def test_another_salesperson_cannot_reach_the_records_by_id(org, customer_of) -> None:
    cid = customer_of("sales_east1")
    owner = org.session("sales_east1")
    order = owner.commerce.create_order(cid, {"amount_minor": 100})
    contract = owner.commerce.create_contract(cid, CONTRACT)
    plan = owner.commerce.add_instalment(contract.id, {"due_date": date(2026, 3, 1),
                                                       "amount_minor": 100})
    other = org.session("sales_east2")
    for call in (lambda: other.commerce.orders(cid),
                 lambda: other.commerce.instalments(cid),
                 lambda: other.commerce.update_order(order.id, {"amount_minor": 1}),
                 lambda: other.commerce.delete_contract(contract.id),
                 lambda: other.commerce.add_receipt(contract.id, {"amount_minor": 1}),
                 lambda: other.commerce.update_instalment(plan.id, {"amount_minor": 1})):
        with pytest.raises(NotFound):
            call()
    with pytest.raises(PermissionDenied):
        org.session("service1").commerce.delete_order(order.id)
    # customer service reads them with the customer
    assert [o.id for o in org.session("service1").commerce.orders(cid)] == [order.id]
    assert owner.commerce.orders(cid)[0].amount_minor == 100
