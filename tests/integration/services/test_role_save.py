"""RoleService.save on a real vault: title, grants and field policies in one transaction,
checked before anything is written, audited and alerted once."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop_crm.domain.enums import FieldAccess, MaskMode, Scope
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.permissions import Action, FieldRule, Resource
from desktop_crm.services.roles import GrantRule
from desktop_crm.storage.models import Alert, AuditEvent
from tests.integration.services.conftest import DENIED, outcome

C = Resource.CUSTOMER
NON_ADMINS = ("mgr_east", "sales_east1", "service1", "auditor")


def _role(session, name):
    return next(r for r in session.roles.list() if r.name == name)


def _read_everything(role):
    kept = [g for g in role.grants if (g.resource, g.action) != (C, Action.READ)]
    return [*kept, GrantRule(C, Action.READ, Scope.ALL)]


def _role_events(session):
    with session.customers.ctx.reading() as w:
        events = w.session.execute(select(AuditEvent.seq, AuditEvent.action, AuditEvent.detail)
                                   .where(AuditEvent.entity == Resource.ROLE)).all()
        alerts = w.session.execute(select(Alert.audit_seq, Alert.message)
                                   .where(Alert.kind == "role_change")).all()
    return events, alerts


def test_invalid_field_policies_leave_the_grants_and_title_unchanged(org):
    admin = org.session("admin")
    before = _role(admin, "sales")
    with pytest.raises(ValidationError) as refused:
        admin.roles.save(
            before.id, title="全能销售", description="看全部客户",
            grants=_read_everything(before),
            field_policies=[FieldRule(C, "phones", FieldAccess.EDIT, MaskMode.EVERYWHERE)])
    assert refused.value.field == "field_policies"
    assert _role(admin, "sales") == before
    assert org.session("sales_east1").customers.count() == 0  # still only their own
    assert _role_events(admin) == ([], [])


def test_a_bad_title_or_grant_also_writes_nothing(org):
    admin = org.session("admin")
    before = _role(admin, "sales")
    with pytest.raises(ValidationError) as bad_title:
        admin.roles.save(before.id, title="  ", description="", grants=_read_everything(before),
                         field_policies=[])
    assert bad_title.value.field == "title"
    admin_role = _role(admin, "admin")
    with pytest.raises(ValidationError, match="must keep"):
        admin.roles.save(admin_role.id, title="超级管理员", description="",
                         grants=[g for g in admin_role.grants if g.resource != Resource.ROLE],
                         field_policies=[])
    assert (_role(admin, "sales"), _role(admin, "admin")) == (before, admin_role)
    assert _role_events(admin) == ([], [])


def test_one_save_writes_every_part_with_one_audit_event_and_one_alert(org, customer_of):
    customer_of("sales_east2", name="别人的客户")
    admin = org.session("admin")
    sales = org.session("sales_east1")  # open across the change
    role = _role(admin, "sales")
    saved = admin.roles.save(role.id, title="销售员", description="看全部客户",
                             grants=_read_everything(role), field_policies=[])
    assert (saved.title, saved.description, saved.field_rules) == ("销售员", "看全部客户", ())
    assert GrantRule(C, Action.READ, Scope.ALL) in saved.grants
    assert _role(admin, "sales") == saved
    assert sales.customers.count() == 1
    assert sales.customers.list_page().rows[0].phones[0] == "+8613812345678"  # no mask now

    (event,), (alert,) = _role_events(admin)
    assert event.action == "role.save"
    assert event.detail["title"] == "销售员"
    assert "customer.read:all" in event.detail["added"]
    assert "customer.read:self" in event.detail["removed"]
    assert event.detail["fields"] == {}
    assert alert.audit_seq == event.seq
    assert "sales" in alert.message and "field policies" in alert.message


def test_a_save_that_changes_nothing_writes_nothing(org):
    admin = org.session("admin")
    role = _role(admin, "manager")
    again = admin.roles.save(role.id, title=role.title, description=role.description,
                             grants=role.grants, field_policies=role.field_rules)
    assert again == role
    assert _role_events(admin) == ([], [])


def test_the_older_single_part_setters_still_work_on_the_same_rules(org):
    admin = org.session("admin")
    role = _role(admin, "sales")
    with pytest.raises(ValidationError, match="cannot be edit"):
        admin.roles.set_field_policies(
            role.id, [FieldRule(C, "phones", FieldAccess.EDIT, MaskMode.EVERYWHERE)])
    admin.roles.set_grants(role.id, _read_everything(role))
    admin.roles.update(role.id, description="只改说明")
    after = _role(admin, "sales")
    assert (after.title, after.description) == (role.title, "只改说明")
    assert GrantRule(C, Action.READ, Scope.ALL) in after.grants
    events, alerts = _role_events(admin)
    assert [e.action for e in events] == ["role.set_grants", "role.update"]
    assert len(alerts) == 2


def test_save_is_denied_to_every_non_admin(org):
    role = _role(org.session("admin"), "sales")
    for name in NON_ADMINS:
        assert outcome(lambda s: s.roles.save(
            role.id, title=role.title, description=role.description,
            grants=_read_everything(role), field_policies=[]),
            org.session(name)) == DENIED, name
    assert _role(org.session("admin"), "sales") == role
