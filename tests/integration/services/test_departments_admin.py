"""The department tree as an admin changes it: move, merge, rename, tree with head counts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from desktop_crm.domain.enums import Scope
from desktop_crm.domain.errors import Conflict, ValidationError
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import audit
from desktop_crm.services.org_views import DepartmentNode
from desktop_crm.services.role_rules import GrantRule
from desktop_crm.services.session import CrmSession
from desktop_crm.storage.models import Alert, Role, RoleGrant

from .conftest import DENIED, OK, Org, outcome


def _node(nodes: list[DepartmentNode] | tuple[DepartmentNode, ...], name: str) -> DepartmentNode:
    for node in nodes:
        if node.name == name:
            return node
        found = _search(node.children, name)
        if found is not None:
            return found
    raise AssertionError(f"{name} not in the tree")


def _search(nodes: tuple[DepartmentNode, ...], name: str) -> DepartmentNode | None:
    try:
        return _node(nodes, name)
    except AssertionError:
        return None


def test_tree_counts_the_people_of_each_department(org: Org) -> None:
    tree = org.session("admin").departments.tree()
    assert [n.name for n in tree] == ["总部 HQ"]
    hq = tree[0]
    assert [c.name for c in hq.children] == ["华东 East", "华南 South", "客服 Service"]
    counts = {c.name: c.user_count for c in hq.children}
    assert counts == {"华东 East": 3, "华南 South": 2, "客服 Service": 1}
    assert hq.user_count == 1  # the auditor
    assert hq.total_user_count == 7


def test_move_under_another_department_and_back_to_the_top(org: Org) -> None:
    admin = org.session("admin")
    south, east = org.ids["dept:South"], org.ids["dept:East"]
    moved = admin.departments.move(south, east)
    assert moved.parent_id == east
    assert _node(admin.departments.tree(), "华东 East").children[0].name == "华南 South"
    assert admin.departments.move(south, None).parent_id is None
    assert {n.name for n in admin.departments.tree()} == {"总部 HQ", "华南 South"}
    with admin._ctx.reading() as w:
        actions = [e.action for e in audit.recent_events(w.session, limit=3)]
        alerts = w.session.execute(select(Alert.kind)).scalars().all()
    assert actions[:2] == ["department.move", "department.move"]
    assert alerts.count("scope_change") == 2


@pytest.mark.parametrize("new_parent", ["self", "child", "grandchild"])
def test_move_refuses_a_cycle(org: Org, new_parent: str) -> None:
    admin = org.session("admin")
    hq, east = org.ids["dept:HQ"], org.ids["dept:East"]
    team = admin.departments.create("东一组 Team", parent_id=east).id
    target = {"self": hq, "child": east, "grandchild": team}[new_parent]
    with pytest.raises(ValidationError) as refused:
        admin.departments.move(hq, target)
    assert refused.value.field == "parent"
    assert "sub-departments" in refused.value.message
    assert _node(admin.departments.tree(), "华东 East").parent_id == hq  # nothing moved


def test_rename_refuses_an_empty_or_duplicate_sibling_name(org: Org) -> None:
    admin = org.session("admin")
    east = org.ids["dept:East"]
    for name in ("", "   "):
        with pytest.raises(ValidationError) as empty:
            admin.departments.update(east, name=name)
        assert empty.value.field == "name"
    with pytest.raises(ValidationError) as duplicate:
        admin.departments.update(east, name="华南 south")  # a sibling's, in another case
    assert duplicate.value.field == "name"
    assert admin.departments.update(east, name="华东 East 2").name == "华东 East 2"
    # the same name is fine under another parent
    admin.departments.create("华南 South", parent_id=east)
    with pytest.raises(ValidationError):  # but a move may not bring two together
        admin.departments.move(org.ids["dept:South"], east)


def test_merge_moves_everything_to_the_target_in_one_audited_step(
        org: Org, customer_of: Callable[..., str]) -> None:
    admin = org.session("admin")
    south, east = org.ids["dept:South"], org.ids["dept:East"]
    sub = admin.departments.create("深圳 Shenzhen", parent_id=south).id
    customer = customer_of("sales_south1")  # takes its owner's department
    with admin._ctx.writing() as w:
        w.session.add(RoleGrant(
            role_id=w.session.execute(select(Role.id).where(Role.name == "manager")).scalar_one(),
            resource="customer", action="read", scope="custom_departments",
            department_ids=[south, org.ids["dept:Service"]], created_at=w.now, updated_at=w.now))

    counts = admin.departments.merge(south, east)

    assert (counts.users, counts.sub_departments, counts.customers, counts.role_grants) == (
        2, 1, 1, 1)
    tree = admin.departments.tree()
    assert _search(tuple(tree), "华南 South") is None
    east_node = _node(tree, "华东 East")
    assert east_node.user_count == 5
    assert [c.id for c in east_node.children] == [sub]
    assert admin.customers.get(customer).department_id == east
    south1 = admin.users.find_by_username("sales_south1")
    assert south1.department_id == east
    with admin._ctx.reading() as w:
        grant = w.session.execute(
            select(RoleGrant).where(RoleGrant.scope == "custom_departments")).scalar_one()
        assert sorted(grant.department_ids) == sorted([east, org.ids["dept:Service"]])
        event = audit.recent_events(w.session, limit=1)[0]
        assert audit.verify(w.session).ok
    assert event.action == "department.merge"
    assert event.detail["into"] == east and event.detail["users"] == 2
    # the tombstone stays out of every list
    assert south not in {d.id for d in admin.departments.list()}


def test_merge_refuses_itself_and_its_own_sub_department(org: Org) -> None:
    admin = org.session("admin")
    hq, east = org.ids["dept:HQ"], org.ids["dept:East"]
    for target in (hq, east):
        with pytest.raises(ValidationError) as refused:
            admin.departments.merge(hq, target)
        assert refused.value.field == "into"
    assert len(admin.departments.list()) == 4


def test_delete_refuses_a_department_with_people_and_says_why(org: Org) -> None:
    admin = org.session("admin")
    with pytest.raises(Conflict, match="people and sub-departments"):
        admin.departments.delete(org.ids["dept:East"])
    empty = admin.departments.create("空 Empty")
    admin.departments.delete(empty.id)
    assert empty.id not in {d.id for d in admin.departments.list()}



def test_delete_refuses_a_department_a_role_names_or_customers_hold(org: Org) -> None:
    admin = org.session("admin")
    named = admin.departments.create("项目组 Projects")
    role = admin.roles.create("projects", "Projects")
    admin.roles.set_grants(role.id, [GrantRule("customer", "read", Scope.CUSTOM_DEPARTMENTS,
                                               (named.id,))])
    with pytest.raises(Conflict, match="a role grants access by this department"):
        admin.departments.delete(named.id)
    admin.roles.update(role.id, title="Projects team")  # the role still saves
    # a department left with a departed member's customers only: those must move first
    lone = admin.departments.create("孤 Lone")
    user, _ = admin.users.create("lone1", roles=["sales"], department_id=lone.id)
    admin.customers.create({"name": "赵敏", "owner_id": user.id})
    admin.departures.complete(user.id, [org.ids["sales_south2"]])
    admin.departments.delete(lone.id)  # the departed member holds nothing any more
    assert lone.id not in {d.id for d in admin.departments.list()}

NON_ADMINS = ("mgr_east", "sales_east1", "service1", "auditor")


def test_no_default_role_but_admin_may_change_the_tree(org: Org) -> None:
    east, south = org.ids["dept:East"], org.ids["dept:South"]
    operations: dict[str, Callable[[CrmSession], object]] = {
        "create": lambda s: s.departments.create("X"),
        "rename": lambda s: s.departments.update(east, name="Y"),
        "move": lambda s: s.departments.move(south, east),
        "merge": lambda s: s.departments.merge(south, east),
        "delete": lambda s: s.departments.delete(south),
    }
    for name in NON_ADMINS:
        session = org.session(name)
        assert session.me().can(Resource.DEPARTMENT, Action.READ)
        assert {op: outcome(call, session) for op, call in operations.items()} == {
            op: DENIED for op in operations}, name
        assert session.departments.tree()  # reading the tree is fine
    admin = org.session("admin")
    assert outcome(operations["merge"], admin) == OK
