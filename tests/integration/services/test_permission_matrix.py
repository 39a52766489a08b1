# ruff: noqa: E501  (the expected table reads best one operation per line)
"""Every default role x every service operation, against a table written by hand.

The expected results below are NOT derived from domain/permissions.py: a wrong matrix there
must fail here. The target customer belongs to sales_east2 (East, reports to mgr_east).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desktop_crm.domain.enums import UserStatus
from desktop_crm.domain.errors import NotFound
from desktop_crm.services.session import CrmSession

from .conftest import DENIED, HIDDEN, OK, outcome

# operation -> expected outcome per acting user (one user per default role)
EXPECTED: dict[str, dict[str, str]] = {
    #                      admin  manager  sales   service auditor
    "customer.create":   dict(admin=OK, mgr_east=OK, sales_east1=OK, service1=DENIED, auditor=DENIED),
    "customer.get":      dict(admin=OK, mgr_east=OK, sales_east1=HIDDEN, service1=OK, auditor=OK),
    "customer.update":   dict(admin=OK, mgr_east=OK, sales_east1=HIDDEN, service1=DENIED, auditor=DENIED),
    "customer.delete":   dict(admin=OK, mgr_east=OK, sales_east1=HIDDEN, service1=DENIED, auditor=DENIED),
    "customer.reveal":   dict(admin=OK, mgr_east=OK, sales_east1=HIDDEN, service1=OK, auditor=DENIED),
    "customer.assign":   dict(admin=OK, mgr_east=OK, sales_east1=HIDDEN, service1=DENIED, auditor=DENIED),
    "customer.list":     dict(admin=OK, mgr_east=OK, sales_east1=HIDDEN, service1=OK, auditor=OK),
    "customer.search":   dict(admin=OK, mgr_east=OK, sales_east1=HIDDEN, service1=OK, auditor=OK),
    "interaction.log":   dict(admin=OK, mgr_east=OK, sales_east1=HIDDEN, service1=OK, auditor=DENIED),
    "interaction.list":  dict(admin=OK, mgr_east=OK, sales_east1=HIDDEN, service1=OK, auditor=OK),
    "user.list":         dict(admin=OK, mgr_east=OK, sales_east1=OK, service1=OK, auditor=OK),
    "user.create":       dict(admin=OK, mgr_east=DENIED, sales_east1=DENIED, service1=DENIED, auditor=DENIED),
    "user.suspend":      dict(admin=OK, mgr_east=DENIED, sales_east1=DENIED, service1=DENIED, auditor=DENIED),
    "user.set_roles":    dict(admin=OK, mgr_east=DENIED, sales_east1=DENIED, service1=DENIED, auditor=DENIED),
    "department.list":   dict(admin=OK, mgr_east=OK, sales_east1=OK, service1=OK, auditor=OK),
    "department.create": dict(admin=OK, mgr_east=DENIED, sales_east1=DENIED, service1=DENIED, auditor=DENIED),
    "audit.verify":      dict(admin=OK, mgr_east=DENIED, sales_east1=DENIED, service1=DENIED, auditor=OK),
}  # fmt: skip


def _operations(target: str, other_user: str, owner_east1: str) -> dict[str, Callable]:
    """Each operation as a call on a session; list/search raise NotFound when T is missing."""

    def listed(s: CrmSession) -> None:
        if target not in {r.id for r in s.customers.list_page(limit=500).rows}:
            raise NotFound("customer", target)

    def searched(s: CrmSession) -> None:
        if target not in {r.id for r in s.customers.search("5678")} | {
                r.id for r in s.customers.search("Target")}:
            raise NotFound("customer", target)

    return {
        "customer.create": lambda s: s.customers.create({"name": "New 客户"}),
        "customer.get": lambda s: s.customers.get(target),
        "customer.update": lambda s: s.customers.update(target, {"city": "杭州"}),
        "customer.delete": lambda s: s.customers.delete(target),
        "customer.reveal": lambda s: s.customers.reveal(target, "phones"),
        "customer.assign": lambda s: s.customers.assign(target, owner_east1),
        "customer.list": listed,
        "customer.search": searched,
        "interaction.log": lambda s: s.interactions.log(target, {"summary": "回访"}),
        "interaction.list": lambda s: s.interactions.for_customer(target),
        "user.list": lambda s: s.users.list(),
        "user.create": lambda s: s.users.create("newbie", roles=["sales"]),
        "user.suspend": lambda s: s.users.set_status(other_user, UserStatus.SUSPENDED),
        "user.set_roles": lambda s: s.users.set_roles(other_user, ["sales", "service"]),
        "department.list": lambda s: s.departments.list(),
        "department.create": lambda s: s.departments.create("新部门"),
        "audit.verify": lambda s: s.verify_audit(),
    }


@pytest.mark.parametrize("operation", sorted(EXPECTED))
@pytest.mark.parametrize("actor", ["admin", "mgr_east", "sales_east1", "service1", "auditor"])
def test_role_operation(org, customer_of, actor: str, operation: str) -> None:
    target = customer_of("sales_east2", name="Target 目标客户", phones=["+8613812345678"])
    ops = _operations(target, other_user=org.ids["sales_south2"],
                      owner_east1=org.ids["sales_east1"])
    assert outcome(ops[operation], org.session(actor)) == EXPECTED[operation][actor]


def test_matrix_names_every_default_role() -> None:
    from desktop_crm.domain.permissions import DEFAULT_ROLES

    roles = {"admin": "admin", "mgr_east": "manager", "sales_east1": "sales",
             "service1": "service", "auditor": "auditor"}
    assert set(roles.values()) == {r.name for r in DEFAULT_ROLES}
    assert all(set(row) == set(roles) for row in EXPECTED.values())
