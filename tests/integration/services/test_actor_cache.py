"""The kept actor: reloaded exactly when access changes, so every guarantee holds on the next call.

A session keeps its user, roles and scopes between calls and checks one access version per unit
of work. These tests change access through another signed-in session (its own engines, as
another program would) and check that the open session's very next call obeys.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import event, update

from desktop_crm.domain.enums import UserStatus
from desktop_crm.domain.errors import AccountRevoked, AccountSuspended, NotFound, PermissionDenied
from desktop_crm.domain.ids import new_id
from desktop_crm.services.actor import access_version, bump_access_version
from desktop_crm.services.scopes import owner_scope
from desktop_crm.storage.models import RecordGrant, User, VaultMeta

ACCESS_TABLES = re.compile(
    r"\b(users|user_roles|roles|role_grants|field_policies|record_grants|departments)\b")


def _listed(session) -> set[str]:
    return {r.id for r in session.customers.list_page(limit=500).rows}


def test_suspension_applies_to_the_very_next_call(org, customer_of) -> None:
    own = customer_of("sales_east1", name="自己的客户")
    sales = org.session("sales_east1")
    assert own in _listed(sales)  # the actor is now kept
    admin = org.session("admin")
    admin.users.set_status(org.ids["sales_east1"], UserStatus.SUSPENDED)
    for call in (lambda: sales.customers.list_page(), lambda: sales.customers.get(own),
                 lambda: sales.customers.create({"name": "新客户"}), sales.me):
        with pytest.raises(AccountSuspended):
            call()
    admin.users.set_status(org.ids["sales_east1"], UserStatus.ACTIVE)
    assert own in _listed(sales)


def test_departure_applies_to_the_very_next_call(org, customer_of) -> None:
    own = customer_of("sales_east1", name="自己的客户")
    sales = org.session("sales_east1")
    assert sales.customers.get(own).name == "自己的客户"
    # what the departure workflow does to the user row, in one transaction with the bump
    with org.session("admin")._open().database.unit_of_work() as s:
        s.execute(update(User).where(User.id == org.ids["sales_east1"])
                  .values(status=UserStatus.DEPARTED.value, departed_at=org.clock.now()))
        bump_access_version(s)
    with pytest.raises(AccountRevoked):
        sales.customers.get(own)
    with pytest.raises(AccountRevoked):
        sales.customers.search("自己")


def test_role_change_applies_to_the_next_call(org, customer_of) -> None:
    colleague = customer_of("sales_east2", name="同事的客户")
    sales = org.session("sales_east1")
    assert colleague not in _listed(sales)
    with pytest.raises(NotFound):
        sales.customers.get(colleague)
    admin = org.session("admin")
    admin.users.set_roles(org.ids["sales_east1"], ["manager"])  # department and children
    assert colleague in _listed(sales)
    assert sales.me().roles == ("manager",)
    assert sales.customers.get(colleague).name == "同事的客户"
    admin.users.set_roles(org.ids["sales_east1"], ["auditor"])
    with pytest.raises(PermissionDenied):
        sales.customers.create({"name": "审计不能建"})


def test_department_move_changes_a_managers_scope_on_the_next_call(org, customer_of) -> None:
    south = customer_of("sales_south2", name="华南客户")  # South, outside mgr_east's chain
    mgr = org.session("mgr_east")
    assert south not in _listed(mgr)
    org.session("admin").departments.update(org.ids["dept:South"], parent_id=org.ids["dept:East"])
    assert south in _listed(mgr)


def test_grant_given_while_signed_in_shows_and_stops_at_its_expiry(org, customer_of) -> None:
    shared = customer_of("sales_east2", name="共享客户")
    sales = org.session("sales_east1")
    assert shared not in _listed(sales)
    expires = org.clock.now() + timedelta(hours=1)
    with org.session("admin")._open().database.unit_of_work() as s:
        s.add(RecordGrant(id=new_id(), created_at=org.clock.now(), updated_at=org.clock.now(),
                          version=1, resource="customer", record_id=shared,
                          grantee_id=org.ids["sales_east1"], access="read", expires_at=expires))
        bump_access_version(s)
    assert shared in _listed(sales)
    org.clock.advance(timedelta(minutes=59, seconds=59))
    assert sales.customers.get(shared).name == "共享客户"
    org.clock.advance(timedelta(seconds=1))  # exactly at the expiry: no longer in force
    with pytest.raises(NotFound):
        sales.customers.get(shared)
    assert shared not in _listed(sales)
    assert shared not in {r.id for r in sales.customers.search("共享客户")}


def test_unchanged_access_reads_no_permission_table(org, customer_of) -> None:
    customer_of("mgr_east", name="经理的客户")
    mgr = org.session("mgr_east")
    mgr.customers.list_page()  # loads and keeps the actor and its scopes
    statements: list[str] = []
    engine = mgr._open().database.read_engine

    @event.listens_for(engine, "before_cursor_execute")
    def _seen(conn, cursor, statement, *args) -> None:
        statements.append(statement.lower())

    try:
        mgr.customers.list_page()
        mgr.customers.search("经理")
        mgr.customers.count()
    finally:
        event.remove(engine, "before_cursor_execute", _seen)
    assert statements
    touched = [s for s in statements if ACCESS_TABLES.search(s)]
    assert touched == []
    assert sum("vault_meta" in s for s in statements) == 3  # one version read per call


def test_access_version_counts_up_from_a_vault_without_one(org) -> None:
    admin = org.session("admin")
    database = admin._open().database
    with database.unit_of_work() as s:
        s.query(VaultMeta).filter(VaultMeta.key == "access_version").delete()
    with database.reading() as s:
        assert access_version(s) is None
    assert admin.me().username == "admin"  # works without the row
    with database.unit_of_work() as s:
        bump_access_version(s)
    with database.unit_of_work() as s:
        bump_access_version(s)
        assert access_version(s) == "2"
    org.session("admin").users.set_status(org.ids["sales_east1"], UserStatus.SUSPENDED)
    with database.reading() as s:
        # the service's bump and the users table's trigger: moved, whoever counted
        assert int(access_version(s) or 0) > 2


def test_scopes_worked_out_in_a_rolled_back_change_are_not_kept(org, customer_of) -> None:
    south = customer_of("sales_south2", name="华南客户")
    mgr = org.session("mgr_east")
    mgr.me()  # the actor is kept; its scopes are not worked out yet
    with pytest.raises(RuntimeError), mgr._ctx.writing() as w:
        w.session.execute(update(User).where(User.id == org.ids["sales_south2"])
                          .values(department_id=org.ids["dept:East"]))
        bump_access_version(w.session)
        assert owner_scope(w.session, w.actor, "customer", "read").covers(org.ids["sales_south2"])
        raise RuntimeError("the unit of work fails")
    assert south not in _listed(mgr)


def test_a_writer_that_forgets_the_bump_still_reaches_open_sessions(org, customer_of) -> None:
    own = customer_of("sales_east1", name="自己的客户")
    sales = org.session("sales_east1")
    assert sales.customers.get(own).name == "自己的客户"  # the actor is now kept
    # a raw write to an access table, without bump_access_version: the triggers move it
    with org.session("admin")._open().database.unit_of_work() as s:
        s.execute(update(User).where(User.id == org.ids["sales_east1"])
                  .values(status=UserStatus.DEPARTED.value, departed_at=org.clock.now()))
    with pytest.raises(AccountRevoked):
        sales.customers.get(own)
