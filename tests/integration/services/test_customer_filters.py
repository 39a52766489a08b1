"""List views and filters on a real vault: every view for sales, manager and admin, each
filter alone and combined, never more than the scope, paging and jumps with a filter.

Expected results come from a plain model of the data and scopes written out by hand here,
never from the service's own scope code.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

from desktop_crm.domain.enums import LifecycleStage, Tier
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.services.customer_filters import LIST_VIEWS, CustomerFilter
from desktop_crm.storage import collected_keys, customer_list
from desktop_crm.storage.models import RecordGrant

from .conftest import Org

OWNERS = ("admin", "mgr_east", "sales_east1", "sales_east2", "sales_south1", "sales_south2")
STAGES = tuple(LifecycleStage)
TIERS = (*tuple(Tier), None)
CITIES = ("上海", "杭州", "广州")
TAGS = ((), ("重点客户",), ("重点客户", "VIP"), ("VIP",))
NAMES = ("张伟", "王芳", "Smith", "李娜")  # few names: many ties on the sort key

# Whose customers each user's scope reaches, by hand (DESIGN.md default roles): the
# manager's reporting chain (across departments) and department East; None is everyone.
SCOPE: dict[str, set[str] | None] = {
    "admin": None,
    "service1": None,
    "mgr_east": {"mgr_east", "sales_east1", "sales_east2", "sales_south1"},
    "sales_east1": {"sales_east1"},
}
SUBORDINATES = {"mgr_east": {"sales_east1", "sales_east2", "sales_south1"}}
DEPARTMENT = {
    "mgr_east": {"mgr_east", "sales_east1", "sales_east2"},
    "sales_east1": {"mgr_east", "sales_east1", "sales_east2"},
}
# owners by department, the subtree included (HQ holds the other three)
IN_DEPARTMENT = {
    "East": {"mgr_east", "sales_east1", "sales_east2"},
    "South": {"sales_south1", "sales_south2"},
    "HQ": {"mgr_east", "sales_east1", "sales_east2", "sales_south1", "sales_south2",
           "auditor", "service1"},
}


@dataclass(frozen=True)
class Made:
    id: str
    owner: str
    name: str
    stage: str
    tier: str | None
    city: str
    tags: tuple[str, ...]


@dataclass
class World:
    org: Org
    customers: list[Made]
    grants: dict[str, set[str]]  # user -> customer ids shared with them

    def visible(self, user: str) -> list[Made]:
        scope = SCOPE[user]
        return [c for c in self.customers
                if scope is None or c.owner in scope or c.id in self.grants.get(user, set())]

    def expected(self, user: str, f: CustomerFilter) -> set[str]:
        me = user
        views: dict[str, Callable[[Made], bool]] = {
            "all": lambda c: True,
            "mine": lambda c: c.owner == me,
            "subordinates": lambda c: c.owner in SUBORDINATES.get(me, set()),
            "department": lambda c: c.owner in DEPARTMENT.get(me, set()),
            "shared": lambda c: c.id in self.grants.get(me, set()),
        }
        dept = set() if f.department_id is None else IN_DEPARTMENT[
            next(k for k in IN_DEPARTMENT if self.org.ids[f"dept:{k}"] == f.department_id)]
        return {
            c.id for c in self.visible(user)
            if views[f.view](c)
            and (f.owner_id is None or self.org.ids[c.owner] == f.owner_id)
            and (f.department_id is None or c.owner in dept)
            and (f.lifecycle_stage is None or c.stage == f.lifecycle_stage)
            and (f.tier is None or c.tier == f.tier)
            and (f.city is None or c.city == f.city)
            and (f.tag is None or f.tag in c.tags)
        }


def _share(org: Org, customer_id: str, grantee: str) -> None:
    with org.session("admin")._open().database.unit_of_work() as s:
        s.add(RecordGrant(id=new_id(), created_at=org.clock.now(), updated_at=org.clock.now(),
                          version=1, resource="customer", record_id=customer_id,
                          grantee_id=org.ids[grantee], access="read"))


@pytest.fixture
def world(org: Org) -> World:
    """48 customers over six owners, with every stage, tier, city and tag mix, and names
    that repeat; two of sales_east2's and sales_south2's shared with sales_east1, one of
    sales_south2's with mgr_east."""
    specs = []
    mix = itertools.cycle(itertools.product(STAGES, TIERS, CITIES, TAGS))
    for i in range(48):
        stage, tier, city, tags = next(mix)
        specs.append({"id": new_id(), "name": NAMES[i % len(NAMES)],
                      "owner_id": org.ids[OWNERS[i % len(OWNERS)]], "lifecycle_stage": stage,
                      "tier": tier, "city": city, "tags": list(tags),
                      "phones": ["+8613812345678"]})
    admin = org.session("admin")
    assert admin.customers.bulk_create(specs) == len(specs)
    by_id = {v: k for k, v in org.ids.items()}
    made = [Made(s["id"], by_id[s["owner_id"]], s["name"], s["lifecycle_stage"], s["tier"],
                 s["city"], tuple(s["tags"])) for s in specs]
    east2 = [c for c in made if c.owner == "sales_east2"]
    south2 = [c for c in made if c.owner == "sales_south2"]
    grants = {"sales_east1": {east2[0].id, south2[0].id}, "mgr_east": {south2[1].id}}
    for user, ids in grants.items():
        for cid in ids:
            _share(org, cid, user)
    return World(org, made, grants)


def _all_pages(customers: Any, f: CustomerFilter | None, *, order: str = "name",
               descending: bool = False, limit: int = 7) -> list[str]:
    seen: list[str] = []
    after = None
    for _ in range(100):
        page = customers.list_page(order=order, after=after, limit=limit,
                                   descending=descending, filters=f)
        seen += [r.id for r in page.rows]
        if page.next_after is None:
            return seen
        after = page.next_after
    raise AssertionError("the list never ended")


def _check_list(world: World, user: str, f: CustomerFilter) -> list[str]:
    """Pages, count and order of one filtered list against the model; returns its ids."""
    customers = world.org.session(user).customers
    listed = _all_pages(customers, f)
    assert len(listed) == len(set(listed)), "a customer listed twice"
    assert set(listed) == world.expected(user, f), (user, f)
    assert customers.count(filters=f) == len(listed)
    # a filtered list is the plain list with the others left out, in the same order
    plain = _all_pages(customers, None, limit=500)
    assert listed == [i for i in plain if i in set(listed)]
    return listed


@pytest.mark.parametrize("user", ["sales_east1", "mgr_east", "admin"])
@pytest.mark.parametrize("view", LIST_VIEWS)
def test_every_view_lists_what_the_model_says(world: World, user: str, view: str) -> None:
    listed = _check_list(world, user, CustomerFilter(view=view))  # type: ignore[arg-type]
    if view == "shared":
        assert set(listed) == world.grants.get(user, set())


def test_views_differ_as_a_manager_expects(world: World) -> None:
    mgr = world.org.session("mgr_east").customers
    ids = {v: set(_all_pages(mgr, CustomerFilter(view=v))) for v in LIST_VIEWS}
    owner = {c.id: c.owner for c in world.customers}
    assert {owner[i] for i in ids["mine"]} == {"mgr_east"}
    assert {owner[i] for i in ids["subordinates"]} == {"sales_east1", "sales_east2",
                                                       "sales_south1"}
    assert {owner[i] for i in ids["department"]} == {"mgr_east", "sales_east1", "sales_east2"}
    assert {owner[i] for i in ids["shared"]} == {"sales_south2"}
    assert ids["all"] == ids["mine"] | ids["subordinates"] | ids["shared"]


def test_available_views_follow_the_scope(world: World) -> None:
    views = {u: world.org.session(u).customers.available_views()
             for u in ("sales_east1", "mgr_east", "admin", "service1")}
    assert views["sales_east1"] == ["mine", "shared"]
    assert views["mgr_east"] == ["mine", "subordinates", "department", "shared", "all"]
    assert views["admin"] == ["mine", "subordinates", "department", "shared", "all"]
    assert views["service1"] == views["admin"]  # reads everyone's customers


def _value_filters(world: World, user: str) -> list[CustomerFilter]:
    ids = world.org.ids
    return [
        CustomerFilter(lifecycle_stage="prospect"),
        CustomerFilter(tier="high_value"),
        CustomerFilter(owner_id=ids["sales_east2"]),
        CustomerFilter(department_id=ids["dept:South"]),
        CustomerFilter(department_id=ids["dept:HQ"]),
        CustomerFilter(tag="VIP"),
        CustomerFilter(city="杭州"),
        CustomerFilter(tier="potential", city="上海", tag="重点客户"),
        CustomerFilter(view="mine", lifecycle_stage="suspect", tag="VIP"),
        CustomerFilter(view="department", tier="dormant"),
        CustomerFilter(view="subordinates", department_id=ids["dept:South"]),
        CustomerFilter(view="shared", owner_id=ids["sales_south2"]),
        CustomerFilter(owner_id=ids[user], department_id=ids["dept:East"], city="广州"),
    ]


@pytest.mark.parametrize("user", ["sales_east1", "mgr_east", "admin"])
def test_each_filter_alone_and_combined(world: World, user: str) -> None:
    nonempty = 0
    for f in _value_filters(world, user):
        nonempty += bool(_check_list(world, user, f))
    assert nonempty >= 5  # the data gives most filters something to find


def test_filters_never_widen_the_scope(world: World) -> None:
    ids = world.org.ids
    sales = world.org.session("sales_east1").customers
    shared_from_east2 = world.grants["sales_east1"] & {
        c.id for c in world.customers if c.owner == "sales_east2"}
    # another salesperson's customers: only the one shared with me
    assert set(_all_pages(sales, CustomerFilter(owner_id=ids["sales_east2"]))) == \
        shared_from_east2
    assert set(_all_pages(sales, CustomerFilter(view="department", owner_id=ids[
        "sales_east2"]))) == shared_from_east2
    # views and filters the scope does not reach: nothing, not an error
    for f in (CustomerFilter(view="subordinates"), CustomerFilter(owner_id=ids["admin"]),
              CustomerFilter(owner_id=new_id()), CustomerFilter(department_id=new_id()),
              CustomerFilter(view="mine", owner_id=ids["sales_east2"])):
        assert _all_pages(sales, f) == [], f
        assert sales.count(filters=f) == 0
        assert sales.search("张伟", filters=f) == []
        assert sales.page_at(0, filters=f).rows == []
    mgr = world.org.session("mgr_east").customers
    south2 = {c.id for c in world.customers if c.owner == "sales_south2"}
    assert set(_all_pages(mgr, CustomerFilter(owner_id=ids["sales_south2"]))) == \
        world.grants["mgr_east"] & south2


def test_shared_rows_are_listed_and_masked(world: World) -> None:
    sales = world.org.session("sales_east1").customers
    rows = sales.list_page(filters=CustomerFilter(view="shared")).rows
    assert {r.id for r in rows} == world.grants["sales_east1"]
    assert all(r.phones == ("138****5678",) and "phones" in r.masked for r in rows)
    # the record view of a shared-only customer stays masked too
    assert sales.get(rows[0].id).phones == ("138****5678",)


def test_search_honours_views_and_filters(world: World) -> None:
    mgr = world.org.session("mgr_east").customers
    for f in (CustomerFilter(view="mine"), CustomerFilter(tier="high_value"),
              CustomerFilter(view="shared"), CustomerFilter(tag="VIP", city="杭州")):
        found = {r.id for r in mgr.search("张伟", limit=100, filters=f)}
        named = {c.id for c in world.customers if c.name == "张伟"}
        assert found == world.expected("mgr_east", f) & named, f


@pytest.fixture(params=["collected", "walked"])
def plan(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """How a filtered list is read: the test lists are small, so their filters always look
    selective and are collected; "walked" reads them along the list index instead."""
    if request.param == "walked":
        monkeypatch.setattr(collected_keys, "SELECTIVE_MAX", -1)
    return str(request.param)


@pytest.mark.parametrize(("order", "descending"), [("name", False), ("updated", True)])
def test_paging_across_ties_with_a_filter(
    world: World, order: str, descending: bool, plan: str
) -> None:
    # every customer shares one updated_at and four names: every page boundary is a tie
    admin = world.org.session("admin").customers
    f = CustomerFilter(tier="potential")
    for limit in (1, 2, 3, 5):
        listed = _all_pages(admin, f, order=order, descending=descending, limit=limit)
        assert len(listed) == len(set(listed))
        assert set(listed) == world.expected("admin", f)
        plain = _all_pages(admin, None, order=order, descending=descending, limit=500)
        assert listed == [i for i in plain if i in set(listed)]


def test_jumps_with_a_filter_follow_data_changes(
    world: World, monkeypatch: pytest.MonkeyPatch, plan: str
) -> None:
    monkeypatch.setattr(customer_list, "CHECKPOINT_STEP", 3)
    admin = world.org.session("admin").customers
    vip, hz = CustomerFilter(tag="VIP"), CustomerFilter(city="杭州")

    def jumps(f: CustomerFilter) -> list[list[str]]:
        return [[r.id for r in admin.page_at(p, limit=4, filters=f).rows] for p in range(12)]

    def expected(f: CustomerFilter) -> list[list[str]]:
        listed = _all_pages(admin, f, limit=500)
        return [listed[p:p + 4] for p in range(12)]

    assert jumps(vip) == expected(vip)
    # checkpoints are kept per filter: another filter's jumps land on its own rows
    assert jumps(hz) == expected(hz)
    assert jumps(vip) == expected(vip)
    # a change moves rows into and out of the filter: later jumps see it
    world.org.clock.advance(timedelta(minutes=1))
    first_vip = _all_pages(admin, vip, limit=500)[0]
    admin.update(first_vip, {"tags": ["普通"]})
    admin.create({"name": "阿里", "tags": ["VIP"], "city": "杭州"})
    admin.create({"name": "Aaron", "tags": ["VIP"]})
    assert jumps(vip) == expected(vip)
    assert jumps(hz) == expected(hz)
    assert first_vip not in {i for page in jumps(vip) for i in page}


def test_a_filter_on_a_field_the_user_may_not_see_finds_nothing(world: World) -> None:
    from desktop_crm.storage.models import FieldPolicy, Role

    org = world.org
    with org.session("admin")._open().database.unit_of_work() as s:
        sales_role = s.query(Role).filter_by(name="sales").one()
        s.add(FieldPolicy(id=new_id(), created_at=org.clock.now(), updated_at=org.clock.now(),
                          version=1, role_id=sales_role.id, resource="customer", field="city",
                          access="hidden", mask="none"))
    sales = org.session("sales_east1").customers
    assert sales.list_page().rows  # still sees its customers
    assert sales.count(filters=CustomerFilter(city="杭州")) == 0
    assert sales.list_page(filters=CustomerFilter(city="杭州")).rows == []
    assert sales.filter_choices().cities == []
    assert sales.filter_choices().tags  # tags are still visible, and offered


def test_an_unknown_view_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        CustomerFilter(view="everyone")  # type: ignore[arg-type]
    assert caught.value.field == "view"
    assert CustomerFilter().empty and not CustomerFilter(view="mine").empty
    assert not CustomerFilter(city="").empty  # an empty city is a value: customers without one
