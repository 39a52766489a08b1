"""Saving customers: a save returns what the vault holds, and its audit event goes with it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import delete, func, select

from desktop_crm.domain.errors import VaultDamaged
from desktop_crm.storage.models import AuditEvent, Customer, OwnershipChange, VaultMeta


def _count(session, model) -> int:
    with session._open().database.reading() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def test_created_and_updated_records_equal_what_a_fresh_read_returns(org) -> None:
    org.clock.advance(timedelta(microseconds=123_456))  # finer than the vault keeps
    mgr = org.session("mgr_east")
    created = mgr.customers.create({
        "name": "王秀兰", "phones": ["+8613812345678"], "emails": ["wxl@example.com"],
        "city": "杭州", "tags": ["展会"], "owner_id": org.ids["sales_east1"],
        "custom_fields": {"来源渠道": "展会"},
    })
    assert created == mgr.customers.get(created.id)
    assert created.owner_id == org.ids["sales_east1"]
    assert created.department_id == org.ids["dept:East"]
    assert created.version == 1 and created.can_assign and created.can_delete
    org.clock.advance(timedelta(minutes=5))
    updated = mgr.customers.update(created.id, {"name": "王秀英", "phones": ["+8613912345678"]},
                                   expected_version=1)
    assert updated == mgr.customers.get(created.id)
    assert updated.version == 2 and updated.updated_at > created.updated_at
    assert updated.created_at == created.created_at
    assert [r.id for r in mgr.customers.search("wangxiuying")] == [created.id]
    assert mgr.customers.search("wangxiulan") == []
    unchanged = mgr.customers.update(created.id, {"name": "王秀英"})
    assert unchanged.version == 2


def test_assign_and_delete_write_history_versions_and_audit(org, customer_of) -> None:
    cid = customer_of("sales_east1", name="转交客户")
    mgr = org.session("mgr_east")
    events = _count(mgr, AuditEvent)
    moved = mgr.customers.assign(cid, org.ids["sales_south1"], reason="南区跟进")
    assert moved.owner_id == org.ids["sales_south1"]
    assert moved.department_id == org.ids["dept:South"] and moved.version == 2
    assert moved == mgr.customers.get(cid)
    with mgr._open().database.reading() as s:
        change = s.execute(select(OwnershipChange.from_owner_id, OwnershipChange.to_owner_id,
                                  OwnershipChange.reason)).one()
        previous = s.execute(select(Customer.previous_owner_id)
                             .where(Customer.id == cid)).scalar_one()
    assert tuple(change) == (org.ids["sales_east1"], org.ids["sales_south1"], "南区跟进")
    assert previous == org.ids["sales_east1"]
    mgr.customers.delete(cid)
    with mgr._open().database.reading() as s:
        tombstone = s.execute(select(Customer.deleted_at, Customer.version)
                              .where(Customer.id == cid)).one()
    assert tuple(tombstone) == (org.clock.now(), 3)
    assert _count(mgr, AuditEvent) == events + 2
    assert org.session("auditor").verify_audit().ok


def test_a_save_whose_audit_event_fails_leaves_no_customer(org) -> None:
    admin = org.session("admin")
    before = _count(admin, Customer)
    with admin._open().database.unit_of_work() as s:
        s.execute(delete(VaultMeta).where(VaultMeta.key == "audit_key"))
    with pytest.raises(VaultDamaged):
        admin.customers.create({"name": "没有审计就没有客户"})
    assert _count(admin, Customer) == before
