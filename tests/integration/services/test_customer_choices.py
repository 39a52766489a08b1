"""The filter bar's choices and the assign menu's owners, within each user's sight."""

from __future__ import annotations

from desktop_crm.domain.enums import LifecycleStage, Tier, UserStatus
from desktop_crm.domain.ids import new_id
from desktop_crm.storage.models import RecordGrant

from .conftest import Org


def _share(org: Org, customer_id: str, grantee: str) -> None:
    with org.session("admin")._open().database.unit_of_work() as s:
        s.add(RecordGrant(id=new_id(), created_at=org.clock.now(), updated_at=org.clock.now(),
                          version=1, resource="customer", record_id=customer_id,
                          grantee_id=org.ids[grantee], access="read"))


def _customers(org: Org) -> dict[str, str]:
    """A few customers per owner; returns the ids of the two that get shared."""
    rows = []
    for owner, city, tags, copies in (
        ("sales_east1", "上海", ["VIP", "重点客户"], 3),
        ("sales_east1", "杭州", ["VIP"], 2),
        ("sales_east1", "", [], 1),
        ("sales_east2", "南京", ["展会"], 2),
        ("sales_south2", "广州", ["老客户"], 1),
        ("admin", "秘密城", ["秘密"], 4),
    ):
        rows += [{"id": new_id(), "name": "客户", "owner_id": org.ids[owner], "city": city,
                  "tags": tags} for _ in range(copies)]
    org.session("admin").customers.bulk_create(rows)
    east2 = next(r["id"] for r in rows if r["city"] == "南京")
    south2 = next(r["id"] for r in rows if r["city"] == "广州")
    _share(org, east2, "sales_east1")
    _share(org, south2, "sales_east1")
    return {"east2": east2, "south2": south2}


def _names(choices) -> list[str]:
    return [c.username for c in choices]


def test_sales_choices_come_from_own_and_shared_customers_only(org: Org) -> None:
    _customers(org)
    choices = org.session("sales_east1").customers.filter_choices()
    assert _names(choices.owners) == ["sales_east1", "sales_east2", "sales_south2"]
    assert {d.name for d in choices.departments} == {"华东 East", "华南 South", "总部 HQ"}
    hq = next(d for d in choices.departments if d.name == "总部 HQ")
    assert hq.parent_id is None and all(
        d.parent_id == hq.id for d in choices.departments if d is not hq)
    # most common first; never a value only a customer outside the sight holds
    assert choices.cities == ["上海", "杭州", "南京", "广州"]
    assert choices.tags == ["VIP", "重点客户", "展会", "老客户"]
    assert choices.lifecycle_stages == tuple(LifecycleStage)
    assert choices.tiers == tuple(Tier)


def test_manager_and_admin_choices(org: Org) -> None:
    _customers(org)
    mgr = org.session("mgr_east").customers.filter_choices()
    assert _names(mgr.owners) == ["mgr_east", "sales_east1", "sales_east2", "sales_south1"]
    assert "秘密城" not in mgr.cities and "南京" in mgr.cities
    admin = org.session("admin").customers.filter_choices()
    assert set(_names(admin.owners)) == {"admin", "auditor", "mgr_east", "sales_east1",
                                         "sales_east2", "sales_south1", "sales_south2",
                                         "service1"}
    assert len(admin.departments) == 4
    # equally common values (南京 and 杭州 twice each) come in a stable order
    assert admin.cities == ["秘密城", "上海", "南京", "杭州", "广州"]
    assert admin.tags == ["VIP", "秘密", "重点客户", "展会", "老客户"]


def test_a_departed_user_is_no_owner_choice(org: Org) -> None:
    _customers(org)
    admin = org.session("admin")
    admin.users.set_status(org.ids["sales_south2"], UserStatus.SUSPENDED)
    assert "sales_south2" in _names(admin.customers.filter_choices().owners)
    with admin._open().database.unit_of_work() as s:
        from sqlalchemy import update

        from desktop_crm.services.actor import bump_access_version
        from desktop_crm.storage.models import User

        s.execute(update(User).where(User.id == org.ids["sales_south2"])
                  .values(status=UserStatus.DEPARTED.value, departed_at=org.clock.now()))
        bump_access_version(s)
    assert "sales_south2" not in _names(admin.customers.filter_choices().owners)


def test_assignable_owners_follow_the_assign_scope(org: Org) -> None:
    assert org.session("sales_east1").customers.assignable_owners() == []
    mgr = org.session("mgr_east").customers
    assert _names(mgr.assignable_owners()) == ["mgr_east", "sales_east1", "sales_east2",
                                               "sales_south1"]
    admin = org.session("admin")
    admin.users.set_status(org.ids["sales_east2"], UserStatus.SUSPENDED)
    assert "sales_east2" not in _names(mgr.assignable_owners())
    everyone = _names(admin.customers.assignable_owners())
    assert "admin" in everyone and "service1" in everyone and "sales_east2" not in everyone
    # every choice is one `assign` accepts
    customer = admin.customers.create({"name": "待分配"})
    for owner in admin.customers.assignable_owners():
        assert admin.customers.assign(customer.id, owner.id).owner_id == owner.id
