"""First run: create the vault, seed the default roles, create the first admin."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from desktop_crm.domain import validation as v
from desktop_crm.domain.clock import Clock, SystemClock
from desktop_crm.domain.errors import VaultExists
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.permissions import DEFAULT_ROLES, RoleSpec
from desktop_crm.services import audit
from desktop_crm.services.users import add_user
from desktop_crm.storage.models import FieldPolicy, Role, RoleGrant
from desktop_crm.storage.vault import Vault


def initialize_vault(
    vault_dir: Path, *, admin_username: str, admin_password: str,
    admin_display_name: str = "", clock: Clock | None = None,
) -> str:
    """Create a new vault with its first admin; returns the recovery code (show it once)."""
    clock = clock or SystemClock()
    v.username("username", admin_username)
    v.new_password("password", admin_password)
    if Vault.exists(vault_dir):
        raise VaultExists("a vault already exists here; sign in instead")
    admin_id = new_id()
    vault_dir.mkdir(parents=True, exist_ok=True)
    existing = set(vault_dir.iterdir())
    try:
        opened, recovery_code = Vault.create(
            vault_dir, admin_user_id=admin_id, admin_username=admin_username,
            password=admin_password,
        )
        try:
            with opened.database.unit_of_work() as session:
                now = clock.now()
                audit.create_audit_key(session)
                seed_default_roles(session, now, by=admin_id)
                add_user(session, now, by=admin_id, username=admin_username,
                         display_name=admin_display_name, roles=["admin"],
                         department_id=None, superior_id=None,
                         must_change_password=False, user_id=admin_id)
                audit.record(session, at=now, actor_id=admin_id, action="vault.create",
                             entity="vault", entity_id=opened.vault_id)
        finally:
            opened.lock()
    except BaseException:
        remove_new_files(vault_dir, existing)
        raise
    return recovery_code


def seed_default_roles(session: Session, now: datetime, *, by: str) -> None:
    for spec in DEFAULT_ROLES:
        seed_role(session, spec, now, by=by)
    session.flush()


def seed_role(session: Session, spec: RoleSpec, now: datetime, *, by: str) -> str:
    common = {"created_at": now, "updated_at": now, "version": 1, "updated_by": by}
    role = Role(id=new_id(), name=spec.name, title=spec.title, description=spec.description,
                builtin=True, **common)
    session.add(role)
    session.flush()  # no ORM relationships: the role row must exist before its grants
    for g in spec.grants:
        session.add(RoleGrant(id=new_id(), role_id=role.id, resource=g.resource,
                              action=g.action, scope=g.scope.value, department_ids=[], **common))
    for f in spec.field_rules:
        session.add(FieldPolicy(id=new_id(), role_id=role.id, resource=f.resource,
                                field=f.field, access=f.access.value, mask=f.mask.value,
                                **common))
    return role.id


def remove_new_files(vault_dir: Path, existing: set[Path]) -> None:
    """A half-made vault would only confuse: remove what a failed build created."""
    for path in vault_dir.iterdir():
        if path in existing:
            continue
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
