"""Users as an admin manages them: edit, reporting line, password reset, the admin list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import select

from desktop_crm.domain.enums import UserStatus
from desktop_crm.domain.errors import (
    Conflict,
    KeyringUnavailable,
    PasswordChangeRequired,
    ValidationError,
    WrongPassword,
)
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.security.keyring_store import DeviceKeyring
from desktop_crm.services import audit
from desktop_crm.services.session import CrmSession, sign_in, sign_in_remembered
from desktop_crm.storage.models import Alert, AuditEvent, User
from desktop_crm.storage.vault import Vault
from tests.unit.security.memory_keyring import memory_keyring

from .conftest import DENIED, OK, Org, outcome

__all__ = ["memory_keyring"]


def _events(session: CrmSession, action: str) -> list[audit.AuditRow]:
    with session._ctx.reading() as w:
        return audit.recent_events(w.session, limit=50, action_prefix=action)


def test_update_changes_display_name_department_and_superior(org: Org) -> None:
    admin = org.session("admin")
    user = org.ids["sales_south2"]
    updated = admin.users.update(user, display_name="  南二 South Two ",
                                 department_id=org.ids["dept:East"],
                                 superior_id=org.ids["mgr_east"])
    assert (updated.display_name, updated.department_id, updated.superior_id) == (
        "南二 South Two", org.ids["dept:East"], org.ids["mgr_east"])
    # the manager now sees the new subordinate's world at once
    assert user in {u.id for u in admin.users.list()}
    cleared = admin.users.update(user, department_id="", superior_id="")
    assert (cleared.department_id, cleared.superior_id) == (None, None)
    events = _events(admin, "user.update")
    assert [e.detail["changed"] for e in events[:2]] == [
        ["department", "superior"], ["display_name", "department", "superior"]]
    with admin._ctx.reading() as w:
        assert w.session.execute(select(Alert.kind)).scalars().all().count("scope_change") == 2


def test_update_with_nothing_new_writes_nothing(org: Org) -> None:
    admin = org.session("admin")
    before = len(_events(admin, "user."))
    admin.users.update(org.ids["sales_east1"], display_name="sales_east1",
                       department_id=org.ids["dept:East"])
    assert len(_events(admin, "user.")) == before


@pytest.mark.parametrize("superior", ["sales_east1", "mgr_east"])
def test_a_user_cannot_report_to_themselves_or_below(org: Org, superior: str) -> None:
    """mgr_east may report neither to themselves nor to sales_east1, who reports to them."""
    admin = org.session("admin")
    with pytest.raises(ValidationError) as refused:
        admin.users.update(org.ids["mgr_east"], superior_id=org.ids[superior])
    assert refused.value.field == "superior"
    assert "report" in refused.value.message
    assert admin.users.get(org.ids["mgr_east"]).superior_id is None


def test_a_departed_person_cannot_be_a_superior(org: Org) -> None:
    admin = org.session("admin")
    with admin._ctx.writing() as w:  # the departure workflow is the lead's: mark it directly
        w.session.get(User, org.ids["sales_east2"]).status = "departed"
    with pytest.raises(ValidationError, match="departed") as refused:
        admin.users.update(org.ids["sales_south2"], superior_id=org.ids["sales_east2"])
    assert refused.value.field == "superior"
    with pytest.raises(Conflict):
        admin.users.update(org.ids["sales_east2"], display_name="Back again")


def test_update_refuses_a_missing_department(org: Org) -> None:
    admin = org.session("admin")
    with pytest.raises(ValidationError) as refused:
        admin.users.update(org.ids["sales_east1"], department_id=org.ids["sales_east2"])
    assert refused.value.field == "department"


def test_reset_password_gives_a_new_one_time_password_and_the_old_one_fails(
        org: Org, memory_keyring: DeviceKeyring) -> None:
    name = "sales_east1"
    old_password = org.passwords[name]
    remembered = Vault(org.vault_dir).unlock(name, old_password, now=org.clock.now())
    try:
        remembered.remember_device(memory_keyring)
    finally:
        remembered.lock()
    admin = org.session("admin")
    assert {r.user.username: r.remembered_devices for r in admin.users.overview()}[name] == 1

    new_password = admin.users.reset_password(org.ids[name])

    assert new_password != old_password
    with pytest.raises(WrongPassword):
        sign_in(org.vault_dir, name, old_password, clock=org.clock)
    org.clock.advance(timedelta(seconds=5))  # past the back-off that failure started
    with pytest.raises(KeyringUnavailable):  # the remembered device no longer opens it
        sign_in_remembered(org.vault_dir, name, memory_keyring, clock=org.clock)
    session = sign_in(org.vault_dir, name, new_password, clock=org.clock)
    try:
        with pytest.raises(PasswordChangeRequired):
            session.require_own_password()
        session.change_password(new_password, "my-own-password-9")
        session.require_own_password()
    finally:
        session.lock()
    assert {r.user.username: r.remembered_devices for r in admin.users.overview()}[name] == 0
    assert _events(admin, "user.reset_password")[0].entity_id == org.ids[name]
    with admin._ctx.reading() as w:
        alert = w.session.execute(
            select(Alert.message).where(Alert.kind == "password_reset")).scalar_one()
        assert audit.verify(w.session).ok
    assert name in alert and new_password not in alert


def test_reset_refuses_the_admins_own_password(org: Org) -> None:
    admin = org.session("admin")
    with pytest.raises(ValidationError):
        admin.users.reset_password(org.ids["admin"])
    assert admin.users.get(org.ids["admin"]).must_change_password is False


def test_overview_shows_names_last_sign_in_and_never(org: Org) -> None:
    admin = org.session("admin")  # signs in at NOW
    org.clock.advance(timedelta(hours=2))
    later = org.clock.now()
    org.session("sales_east1")
    rows = {r.user.username: r for r in admin.users.overview()}
    assert set(rows) == {"admin", "mgr_east", "sales_east1", "sales_east2", "sales_south1",
                         "sales_south2", "service1", "auditor"}
    east1 = rows["sales_east1"]
    assert (east1.department_name, east1.superior_name) == ("华东 East", "mgr_east")
    assert east1.user.roles == ("sales",)
    assert east1.last_sign_in == later
    assert rows["service1"].last_sign_in is None  # never signed in
    assert rows["admin"].last_sign_in is not None
    with admin._ctx.reading() as w:
        sign_ins = w.session.execute(
            select(AuditEvent.entity_id).where(AuditEvent.action == "auth.sign_in")).all()
    assert len(sign_ins) >= 3  # several sign-ins, one newest per user


def test_overview_leaves_out_departed_users_unless_asked(org: Org) -> None:
    admin = org.session("admin")
    with admin._ctx.writing() as w:
        w.session.get(User, org.ids["sales_east2"]).status = "departed"
    assert "sales_east2" not in {r.user.username for r in admin.users.overview()}
    assert "sales_east2" in {
        r.user.username for r in admin.users.overview(include_departed=True)}


NON_ADMINS = ("mgr_east", "sales_east1", "service1", "auditor")


def test_no_default_role_but_admin_may_manage_users(org: Org) -> None:
    target = org.ids["sales_south2"]
    operations: dict[str, Callable[[CrmSession], object]] = {
        "create": lambda s: s.users.create("new_person", roles=["sales"]),
        "update": lambda s: s.users.update(target, display_name="X"),
        "set_roles": lambda s: s.users.set_roles(target, ["manager"]),
        "suspend": lambda s: s.users.set_status(target, UserStatus.SUSPENDED),
        "reset_password": lambda s: s.users.reset_password(target),
        "overview": lambda s: s.users.overview(),
        "role_choices": lambda s: s.users.role_choices(),
    }
    for name in NON_ADMINS:
        session = org.session(name)
        assert not session.me().can(Resource.USER, Action.MANAGE)
        assert {op: outcome(call, session) for op, call in operations.items()} == {
            op: DENIED for op in operations}, name
    admin = org.session("admin")
    assert {op: outcome(call, admin) for op, call in operations.items()} == {
        op: OK for op in operations}


def test_the_last_active_admin_keeps_the_admin_role(org: Org) -> None:
    admin = org.session("admin")
    with pytest.raises(ValidationError, match="at least one active administrator"):
        admin.users.set_roles(org.ids["admin"], ["manager"])
    assert admin.users.get(org.ids["admin"]).roles == ("admin",)
    admin.users.set_roles(org.ids["mgr_east"], ["admin", "manager"])  # a second admin
    assert admin.users.set_roles(org.ids["admin"], ["auditor"]).roles == ("auditor",)
