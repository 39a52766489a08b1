"""A small organisation on a real vault, built once and copied per test.

Departments: 总部 HQ > 华东 East, 华南 South, 客服 Service.
People: admin; mgr_east (manager, East); sales_east1, sales_east2 (East, report to
mgr_east); sales_south1 (South, reports to mgr_east across departments); sales_south2 (South,
no superior); service1 (Service); auditor (HQ).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.errors import NotFound, PermissionDenied
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.services.setup import initialize_vault

ADMIN_PASSWORD = "admin-password-1"
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

PEOPLE = [  # name, role, department, superior
    ("mgr_east", "manager", "East", None),
    ("sales_east1", "sales", "East", "mgr_east"),
    ("sales_east2", "sales", "East", "mgr_east"),
    ("sales_south1", "sales", "South", "mgr_east"),
    ("sales_south2", "sales", "South", None),
    ("service1", "service", "Service", None),
    ("auditor", "auditor", "HQ", None),
]


@dataclass
class Org:
    vault_dir: Path
    passwords: dict[str, str]
    ids: dict[str, str] = field(default_factory=dict)
    clock: FixedClock = field(default_factory=lambda: FixedClock(NOW))
    _open: list[CrmSession] = field(default_factory=list)

    def session(self, name: str) -> CrmSession:
        session = sign_in(self.vault_dir, name, self.passwords[name], clock=self.clock)
        self._open.append(session)
        return session

    def close(self) -> None:
        for session in self._open:
            session.lock()


def _build(vault_dir: Path) -> tuple[dict[str, str], dict[str, str]]:
    clock = FixedClock(NOW)
    initialize_vault(vault_dir, admin_username="admin", admin_password=ADMIN_PASSWORD,
                     admin_display_name="管理员", clock=clock)
    admin = sign_in(vault_dir, "admin", ADMIN_PASSWORD, clock=clock)
    try:
        hq = admin.departments.create("总部 HQ")
        depts = {"HQ": hq.id}
        for key, name in (("East", "华东 East"), ("South", "华南 South"),
                          ("Service", "客服 Service")):
            depts[key] = admin.departments.create(name, parent_id=hq.id).id
        passwords = {"admin": ADMIN_PASSWORD}
        ids = {"admin": admin.user_id}
        for name, role, dept, superior in PEOPLE:
            user, password = admin.users.create(
                name, name, roles=[role], department_id=depts[dept],
                superior_id=ids[superior] if superior else None)
            passwords[name] = password
            ids[name] = user.id
        ids.update({f"dept:{k}": v for k, v in depts.items()})
        return passwords, ids
    finally:
        admin.lock()


@pytest.fixture(scope="session")
def org_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict]:
    vault_dir = tmp_path_factory.mktemp("org-template") / "vault"
    passwords, ids = _build(vault_dir)
    return vault_dir, passwords, ids


@pytest.fixture
def org(org_template: tuple[Path, dict, dict], tmp_path: Path) -> Iterator[Org]:
    template, passwords, ids = org_template
    vault_dir = tmp_path / "vault"
    shutil.copytree(template, vault_dir)
    org = Org(vault_dir, dict(passwords), dict(ids))
    yield org
    org.close()


@pytest.fixture
def customer_of(org: Org) -> Callable[..., str]:
    """Create a customer owned by the named user (as that user); returns its id."""

    def make(owner: str, **fields: object) -> str:
        data = {"name": "张伟", "phones": ["+8613812345678"], "emails": ["zhangwei@example.com"],
                **fields}
        return org.session(owner).customers.create(data).id

    return make


# What a permission test records for one operation: done, refused, or "no such record".
OK, DENIED, HIDDEN = "ok", "denied", "not found"


def outcome(call: Callable[[CrmSession], object], session: CrmSession) -> str:
    try:
        call(session)
    except PermissionDenied:
        return DENIED
    except NotFound:
        return HIDDEN
    return OK
