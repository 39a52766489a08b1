"""The roles editor's service on a real vault: permissions, validation, guard rails, audit and
alerts, open sessions picking a change up, and a preview that equals what the user then sees."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop_crm.domain.enums import FieldAccess, MaskMode, Scope
from desktop_crm.domain.errors import Conflict, ValidationError
from desktop_crm.domain.permissions import Action, FieldRule, Resource
from desktop_crm.services.roles import GrantRule
from desktop_crm.storage.models import Alert, AuditEvent
from tests.integration.services.conftest import DENIED, OK, outcome

NON_ADMINS = ("mgr_east", "sales_east1", "service1", "auditor")
C = Resource.CUSTOMER


def _role(session, name):
    return next(r for r in session.roles.list() if r.name == name)


def _with_customer_read(role, scope, departments=()):
    """The role's grants with customer read replaced by one grant of `scope`."""
    kept = [g for g in role.grants if (g.resource, g.action) != (C, Action.READ)]
    return [*kept, GrantRule(C, Action.READ, scope, tuple(departments))]


@pytest.fixture
def customers(org, customer_of):
    """Two customers for each salesperson and one for the manager."""
    for owner in ("sales_east1", "sales_east2", "sales_south1", "sales_south2"):
        customer_of(owner, name=f"{owner} 甲")
        customer_of(owner, name=f"{owner} 乙")
    customer_of("mgr_east", name="经理的客户")
    return 9


def test_the_default_roles_are_listed_with_grants_policies_and_holders(org):
    roles = {r.name: r for r in org.session("admin").roles.list()}
    assert list(roles) == ["admin", "auditor", "manager", "sales", "service"]
    assert {n: r.holders for n, r in roles.items()} == {
        "admin": 1, "auditor": 1, "manager": 1, "sales": 4, "service": 1}
    assert all(r.builtin for r in roles.values())
    manager_reads = {g.scope for g in roles["manager"].grants
                     if (g.resource, g.action) == (C, Action.READ)}
    assert manager_reads == {Scope.SELF_AND_SUBORDINATES, Scope.DEPARTMENT_AND_CHILDREN}
    sales_phones = FieldRule(C, "phones", FieldAccess.EDIT, MaskMode.LIST_ONLY)
    assert sales_phones in roles["sales"].field_rules
    assert FieldRule(C, "address", FieldAccess.HIDDEN) in roles["auditor"].field_rules


def test_every_role_operation_is_denied_to_every_non_admin_role(org):
    admin = org.session("admin")
    sales_role = _role(admin, "sales")
    target = admin.roles.create("temp_role", "临时角色")
    operations = {
        "create": lambda s: s.roles.create("sneaky", "Sneaky"),
        "update": lambda s: s.roles.update(sales_role.id, title="改名"),
        "set_grants": lambda s: s.roles.set_grants(
            sales_role.id, _with_customer_read(sales_role, Scope.ALL)),
        "set_field_policies": lambda s: s.roles.set_field_policies(sales_role.id, []),
        "delete": lambda s: s.roles.delete(target.id),
        "preview": lambda s: s.roles.preview(sales_role.id, user_id=org.ids["sales_east1"]),
    }
    for name in NON_ADMINS:
        session = org.session(name)
        for label, call in operations.items():
            assert outcome(call, session) == DENIED, (name, label)
        expected_list = OK if name == "auditor" else DENIED  # the auditor reads roles
        assert outcome(lambda s: s.roles.list(), session) == expected_list, name
    assert _role(admin, "sales") == sales_role  # nothing changed


def test_create_copies_another_role_and_validates_its_name(org):
    admin = org.session("admin")
    copy = admin.roles.create("east_sales", "华东销售", "华东的销售", copy_from="sales")
    sales = _role(admin, "sales")
    assert (copy.grants, copy.field_rules) == (sales.grants, sales.field_rules)
    assert not copy.builtin and copy.holders == 0
    empty = admin.roles.create("viewer", "只读", copy_from=None)
    assert empty.grants == () and empty.field_rules == ()
    for bad in ("x", "Has Space", "大写"):
        with pytest.raises(ValidationError) as refused:
            admin.roles.create(bad, "title")
        assert refused.value.field == "name"
    with pytest.raises(ValidationError, match="already taken"):
        admin.roles.create("sales", "again")
    with pytest.raises(ValidationError) as refused:
        admin.roles.create("ok_name", "  ")
    assert refused.value.field == "title"


def test_grants_are_validated_before_anything_is_written(org):
    admin = org.session("admin")
    role = admin.roles.create("custom", "自定义")
    bad_sets = [
        [GrantRule(C, Action.MANAGE, Scope.ALL)],  # not a customer action
        [GrantRule("spaceship", Action.READ, Scope.ALL)],
        [GrantRule(C, Action.READ, "everywhere")],  # type: ignore[arg-type]
        [GrantRule(Resource.USER, Action.MANAGE, Scope.SELF)],  # no scope for users
        [GrantRule(C, Action.READ, Scope.CUSTOM_DEPARTMENTS)],  # no departments chosen
        [GrantRule(C, Action.READ, Scope.CUSTOM_DEPARTMENTS, ("not-a-department",))],
    ]
    for grants in bad_sets:
        with pytest.raises(ValidationError) as refused:
            admin.roles.set_grants(role.id, grants)
        assert refused.value.field == "grants"
    assert admin.roles.get(role.id).grants == ()
    east = org.ids["dept:East"]
    saved = admin.roles.set_grants(role.id, [
        GrantRule(C, Action.READ, Scope.CUSTOM_DEPARTMENTS, (east, east)),
        GrantRule(C, Action.READ, Scope.SELF), GrantRule(C, Action.READ, Scope.SELF),
    ])
    assert saved.grants == (GrantRule(C, Action.READ, Scope.SELF),
                            GrantRule(C, Action.READ, Scope.CUSTOM_DEPARTMENTS, (east,)))


def test_field_policies_are_validated_and_a_masked_field_is_read_only(org):
    admin = org.session("admin")
    role = admin.roles.create("masked", "遮蔽")
    for rules in (
        [FieldRule(C, "phones", FieldAccess.EDIT, MaskMode.EVERYWHERE)],  # masked, editable
        [FieldRule(C, "name", FieldAccess.READ, MaskMode.EVERYWHERE)],  # not maskable
        [FieldRule(C, "salary", FieldAccess.READ)],
        [FieldRule(Resource.USER, "username", FieldAccess.READ)],
        [FieldRule(C, "notes", FieldAccess.READ), FieldRule(C, "notes", FieldAccess.HIDDEN)],
    ):
        with pytest.raises(ValidationError) as refused:
            admin.roles.set_field_policies(role.id, rules)
        assert refused.value.field == "field_policies"
    saved = admin.roles.set_field_policies(role.id, [
        FieldRule(C, "notes", FieldAccess.HIDDEN),
        FieldRule(C, "emails", FieldAccess.READ, MaskMode.EVERYWHERE),
    ])
    assert saved.field_rules == (FieldRule(C, "emails", FieldAccess.READ, MaskMode.EVERYWHERE),
                                 FieldRule(C, "notes", FieldAccess.HIDDEN))
    # changed again and again: one row per field is reused, never a duplicate
    admin.roles.set_field_policies(role.id, [])
    again = admin.roles.set_field_policies(role.id, [FieldRule(C, "notes", FieldAccess.READ)])
    assert again.field_rules == (FieldRule(C, "notes", FieldAccess.READ),)


def test_the_admin_role_keeps_the_console(org):
    admin = org.session("admin")
    role = _role(admin, "admin")
    for pair in ((Resource.ROLE, Action.MANAGE), (Resource.USER, Action.MANAGE),
                 (Resource.ROLE, Action.READ)):
        without = [g for g in role.grants if (g.resource, g.action) != pair]
        with pytest.raises(ValidationError, match="must keep"):
            admin.roles.set_grants(role.id, without)
    # withdrawing something else is allowed, and the admin still manages roles afterwards
    without_export = [g for g in role.grants if (g.resource, g.action) != (C, Action.EXPORT)]
    admin.roles.set_grants(role.id, without_export)
    assert not admin.me().can(C, Action.EXPORT)
    assert admin.roles.list()


def test_a_role_change_reaches_open_sessions_with_audit_and_alert(org, customers):
    admin = org.session("admin")
    sales = org.session("sales_east1")  # stays open across the change
    assert sales.customers.count() == 2
    role = _role(admin, "sales")
    admin.roles.set_grants(role.id, _with_customer_read(role, Scope.DEPARTMENT))
    assert sales.customers.count() == 5  # the East department: both salespeople and manager
    with admin.customers.ctx.reading() as w:
        event = w.session.execute(select(
            AuditEvent.seq, AuditEvent.entity_id, AuditEvent.actor_id, AuditEvent.detail,
        ).where(AuditEvent.action == "role.set_grants")).one()
        alert = w.session.execute(select(Alert.audit_seq, Alert.message).where(
            Alert.kind == "role_change")).one()
    assert event.entity_id == role.id and event.actor_id == org.ids["admin"]
    assert "customer.read:department" in event.detail["added"]
    assert "customer.read:self" in event.detail["removed"]
    assert alert.audit_seq == event.seq and "sales" in alert.message
    admin.roles.update(role.id, title="销售员", description="自己的客户")
    admin.roles.set_field_policies(role.id, [])
    with admin.customers.ctx.reading() as w:
        actions = w.session.scalars(select(AuditEvent.action).where(
            AuditEvent.entity == Resource.ROLE)).all()
        alerts = w.session.scalars(select(Alert.id).where(Alert.kind == "role_change")).all()
    assert actions == ["role.set_grants", "role.update", "role.set_field_policies"]
    assert len(alerts) == 3
    assert sales.customers.list_page().rows[0].phones[0] == "+8613812345678"  # no mask now


def test_preview_counts_equal_what_the_user_then_sees(org, customers):
    admin = org.session("admin")
    role = _role(admin, "sales")
    user = org.ids["sales_east1"]
    stored = admin.roles.preview(role.id, user_id=user)
    assert (stored.customers, stored.holds_role) == (2, True)
    assert stored.masked_in_lists == ("phones", "emails") and stored.masked_in_records == ()
    drafts = {
        Scope.DEPARTMENT: 5,
        Scope.DEPARTMENT_AND_CHILDREN: 5,
        Scope.SELF_AND_SUBORDINATES: 2,
        Scope.ALL: 9,
        Scope.CUSTOM_DEPARTMENTS: 4,  # South
    }
    for scope, expected in drafts.items():
        departments = (org.ids["dept:South"],) if scope is Scope.CUSTOM_DEPARTMENTS else ()
        grants = _with_customer_read(role, scope, departments)
        draft = admin.roles.preview(role.id, user_id=user, grants=grants)
        assert draft.customers == expected, scope
        admin.roles.set_grants(role.id, grants)
        assert org.session("sales_east1").customers.count() == expected, scope
    # the manager's own (two grants, union of sets) without drafts
    manager = admin.roles.preview(user_id=org.ids["mgr_east"])
    assert manager.customers == org.session("mgr_east").customers.count() == 7


def test_preview_as_if_a_user_held_a_role_and_with_draft_field_policies(org, customers):
    admin = org.session("admin")
    viewer = admin.roles.create("viewer", "只读")
    admin.roles.set_grants(viewer.id, [GrantRule(C, Action.READ, Scope.ALL)])
    as_if = admin.roles.preview(viewer.id, user_id=org.ids["sales_south2"])
    assert (as_if.holds_role, as_if.customers) == (False, 9)
    # the viewer role opens fields the sales role masks: the most open rule wins
    assert as_if.masked_in_lists == ()
    hidden = admin.roles.preview(
        viewer.id, user_id=org.ids["sales_south2"],
        field_policies=[FieldRule(C, "notes", FieldAccess.HIDDEN)])
    assert hidden.hidden_fields == ()  # sales leaves notes open, and the most open wins
    sales = _role(admin, "sales")
    draft = admin.roles.preview(
        sales.id, user_id=org.ids["sales_south2"],
        field_policies=[FieldRule(C, "notes", FieldAccess.HIDDEN),
                        FieldRule(C, "phones", FieldAccess.READ, MaskMode.EVERYWHERE)])
    assert draft.hidden_fields == ("notes",)
    assert draft.masked_in_lists == ("phones",) and draft.masked_in_records == ("phones",)
    with pytest.raises(ValidationError):
        admin.roles.preview(sales.id, user_id=org.ids["sales_south2"],
                            grants=[GrantRule(C, Action.MANAGE)])


def test_delete_refuses_built_in_and_held_roles(org):
    admin = org.session("admin")
    with pytest.raises(Conflict, match="built-in"):
        admin.roles.delete(_role(admin, "sales").id)
    role = admin.roles.create("temp", "临时", copy_from="sales")
    admin.users.set_roles(org.ids["sales_south2"], ["sales", "temp"])
    with pytest.raises(Conflict, match="1 people"):
        admin.roles.delete(role.id)
    admin.users.set_roles(org.ids["sales_south2"], ["sales"])
    admin.roles.delete(role.id)
    assert "temp" not in {r.name for r in admin.roles.list()}
    with pytest.raises(ValidationError, match="deleted role"):
        admin.roles.create("temp", "again")
    with admin.customers.ctx.reading() as w:
        assert w.session.scalars(select(AuditEvent.action).where(
            AuditEvent.action == "role.delete")).all() == ["role.delete"]
