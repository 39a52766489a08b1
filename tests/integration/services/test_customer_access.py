"""Scopes, collaborator grants and masks on a real vault."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from desktop_crm.domain.errors import NotFound, ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.storage.models import AuditEvent, Customer, RecordGrant


def _audit_actions(session) -> list[str]:
    with session._open().database.reading() as s:
        return list(s.execute(select(AuditEvent.action).order_by(AuditEvent.seq)).scalars())


def test_sales_cannot_reach_another_salespersons_customer(org, customer_of) -> None:
    other = customer_of("sales_east2", name="王芳", phones=["+8613987654321"])
    me = org.session("sales_east1")
    for attempt in (
        lambda: me.customers.get(other),
        lambda: me.customers.update(other, {"city": "上海"}),
        lambda: me.customers.delete(other),
        lambda: me.customers.reveal(other, "phones"),
        lambda: me.customers.assign(other, org.ids["sales_east1"]),
        lambda: me.interactions.log(other, {"summary": "x"}),
    ):
        with pytest.raises(NotFound) as caught:
            attempt()
        assert str(caught.value) == f"customer not found: {other}"
    assert _audit_actions(me).count("customer.access_denied") == 6
    # a missing id reads exactly the same
    missing = new_id()
    with pytest.raises(NotFound) as caught:
        me.customers.get(missing)
    assert str(caught.value) == f"customer not found: {missing}"
    # never in a list or a search, by name, pinyin or phone fragment
    assert other not in {r.id for r in me.customers.list_page().rows}
    for query in ("王芳", "wangfang", "wf", "98765", "3987654321", "王"):
        assert other not in {r.id for r in me.customers.search(query)}, query
    assert me.customers.count() == 0


def test_manager_sees_subordinate_in_another_department(org, customer_of) -> None:
    south = customer_of("sales_south1", name="李雷")  # South, reports to mgr_east
    south_other = customer_of("sales_south2", name="韩梅梅")  # South, not in the chain
    east = customer_of("sales_east1", name="赵敏")
    mgr = org.session("mgr_east")
    visible = {r.id for r in mgr.customers.list_page().rows}
    assert {south, east} <= visible
    assert south_other not in visible
    assert mgr.customers.get(south).name == "李雷"
    with pytest.raises(NotFound):
        mgr.customers.get(south_other)


def test_masks_in_list_record_and_search(org, customer_of) -> None:
    cid = customer_of("sales_east1", name="张伟", phones=["+8613812345678"],
                      emails=["zhangwei@example.com"])
    sales = org.session("sales_east1")
    # list-only for own records: masked in lists and searches, plain in the record
    row = next(r for r in sales.customers.list_page().rows if r.id == cid)
    assert row.phones == ("138****5678",) and row.emails == ("zh***@example.com",)
    assert sales.customers.search("张伟")[0].phones == ("138****5678",)
    assert sales.customers.get(cid).phones == ("+8613812345678",)
    # service staff: masked everywhere, reveal shows one value and is audited
    service = org.session("service1")
    record = service.customers.get(cid)
    assert record.phones == ("138****5678",) and "phones" in record.masked
    assert "phones" not in record.editable and record.can_reveal
    assert service.customers.reveal(cid, "phones") == ("+8613812345678",)
    assert "customer.reveal" in _audit_actions(service)
    # a masked phone is not searchable by its hidden digits
    assert cid not in {r.id for r in service.customers.search("1234")}
    # admin sees everything plain
    assert org.session("admin").customers.get(cid).phones == ("+8613812345678",)
    # auditor: address and birthday hidden (absent from the JSON form)
    auditor_view = org.session("auditor").customers.get(cid)
    assert "address" not in auditor_view.to_dict() and "birthday" not in auditor_view.to_dict()
    assert auditor_view.to_dict()["phones"] == ["138****5678"]


def test_collaborator_grant_masks_everywhere_and_expires(org, customer_of) -> None:
    cid = customer_of("sales_east2", name="共享客户", phones=["+8613812345678"])
    admin = org.session("admin")
    with admin._open().database.unit_of_work() as s:
        s.add(RecordGrant(id=new_id(), created_at=org.clock.now(), updated_at=org.clock.now(),
                          version=1, resource="customer", record_id=cid,
                          grantee_id=org.ids["sales_east1"], access="read",
                          expires_at=org.clock.now() + timedelta(days=1)))
    sales = org.session("sales_east1")
    record = sales.customers.get(cid)
    assert record.phones == ("138****5678",)  # shared-to-me: masked in the record too
    assert record.editable == frozenset()
    assert cid in {r.id for r in sales.customers.search("共享")}
    assert cid not in {r.id for r in sales.customers.search("5678")}
    org.clock.advance(timedelta(days=2))
    with pytest.raises(NotFound):
        sales.customers.get(cid)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "x", "emails": ["not-an-email"]}, "emails"),
        ({"name": "x", "phones": ["12345"]}, "phones"),
        ({"name": "x", "birthday": "2030-01-01"}, "birthday"),
        ({"name": "x", "birthday": "31/12/1990"}, "birthday"),
        ({"name": "x", "lifecycle_stage": "vip"}, "lifecycle_stage"),
        ({"name": "x", "tier": "gold"}, "tier"),
        ({"name": "x", "owner_id": "no-such-user"}, "owner_id"),
        ({"name": "   "}, "name"),
        ({"company": "no name"}, "name"),
        ({"name": "x", "favourite_colour": "red"}, "favourite_colour"),
    ],
)
def test_bad_input_writes_nothing(org, data: dict, field: str) -> None:
    admin = org.session("admin")
    db = admin._open().database

    def counts() -> tuple[int, int]:
        with db.reading() as s:
            return (s.execute(select(func.count()).select_from(Customer)).scalar_one(),
                    s.execute(select(func.count()).select_from(AuditEvent)).scalar_one())

    before = counts()
    with pytest.raises(ValidationError) as caught:
        admin.customers.create(data)
    assert caught.value.field == field
    assert counts() == before


def test_update_validation_writes_nothing(org, customer_of) -> None:
    cid = customer_of("sales_east1", name="原名")
    sales = org.session("sales_east1")
    with pytest.raises(ValidationError) as caught:
        sales.customers.update(cid, {"name": "新名", "emails": ["bad@"]})
    assert caught.value.field == "emails"
    assert sales.customers.get(cid).name == "原名"
    updated = sales.customers.update(cid, {"name": "新名"})
    assert updated.version == 2 and sales.customers.search("新名")[0].id == cid


def test_bulk_create_keeps_given_ids_and_refuses_bad_ones(org) -> None:
    admin = org.session("admin")
    given = "0b8e6a52-5f0e-4c1e-9d7a-3f1c2b4a5d6e"
    assert admin.customers.bulk_create([{"id": given, "name": "批量客户"}]) == 1
    assert admin.customers.get(given).name == "批量客户"
    before = admin.customers.count()
    with pytest.raises(ValidationError) as caught:
        admin.customers.bulk_create([{"name": "ok"}, {"id": "not-a-uuid", "name": "bad"}])
    assert caught.value.field == "id"
    assert admin.customers.count() == before  # the whole batch rolled back
