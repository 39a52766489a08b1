"""Who is acting: a user with their merged roles, loaded fresh for every unit of work."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.enums import FieldAccess, MaskMode, Scope, UserStatus
from desktop_crm.domain.errors import AccountRevoked, AccountSuspended, PermissionDenied
from desktop_crm.storage.models import FieldPolicy, Role, RoleGrant, User, UserRole

_ACCESS_RANK = {FieldAccess.HIDDEN: 0, FieldAccess.READ: 1, FieldAccess.EDIT: 2}
_MASK_RANK = {MaskMode.NONE: 0, MaskMode.LIST_ONLY: 1, MaskMode.EVERYWHERE: 2}
_OPEN_FIELD = (FieldAccess.EDIT, MaskMode.NONE)


@dataclass(frozen=True)
class ScopeGrant:
    scope: Scope
    department_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Actor:
    user_id: str
    username: str
    display_name: str
    department_id: str | None
    roles: tuple[str, ...]
    must_change_password: bool
    # (resource, action) -> the scopes granted by any of the user's roles
    grants: Mapping[tuple[str, str], tuple[ScopeGrant, ...]] = field(default_factory=dict)
    # (resource, field) -> (access, mask), merged across roles: the most open wins
    fields: Mapping[tuple[str, str], tuple[FieldAccess, MaskMode]] = field(default_factory=dict)

    def can(self, resource: str, action: str) -> bool:
        return bool(self.grants.get((resource, action)))

    def require(self, resource: str, action: str) -> None:
        if not self.can(resource, action):
            raise PermissionDenied(f"{resource}.{action}")

    def field_rule(self, resource: str, name: str) -> tuple[FieldAccess, MaskMode]:
        return self.fields.get((resource, name), _OPEN_FIELD)


def load_actor(session: Session, user_id: str) -> Actor:
    """The acting user as the database knows them now; refuses departed and suspended users."""
    user = session.get(User, user_id)
    if user is None or user.deleted_at is not None or user.status == UserStatus.DEPARTED:
        raise AccountRevoked("this account was revoked")
    if user.status == UserStatus.SUSPENDED:
        raise AccountSuspended("this account is suspended; ask an administrator")

    role_rows = session.execute(
        select(Role.id, Role.name)
        .join(UserRole, UserRole.role_id == Role.id)
        .where(UserRole.user_id == user_id, UserRole.deleted_at.is_(None),
               Role.deleted_at.is_(None))
    ).all()
    role_ids = [r.id for r in role_rows]

    grants: dict[tuple[str, str], list[ScopeGrant]] = {}
    for g in session.execute(
        select(RoleGrant).where(RoleGrant.role_id.in_(role_ids), RoleGrant.deleted_at.is_(None))
    ).scalars():
        spec = ScopeGrant(Scope(g.scope), tuple(g.department_ids))
        bucket = grants.setdefault((g.resource, g.action), [])
        if spec not in bucket:
            bucket.append(spec)

    # A role with no rule for a field leaves it open; across roles the most open rule wins.
    per_role: dict[tuple[str, str], dict[str, tuple[FieldAccess, MaskMode]]] = {}
    for p in session.execute(
        select(FieldPolicy).where(FieldPolicy.role_id.in_(role_ids),
                                  FieldPolicy.deleted_at.is_(None))
    ).scalars():
        per_role.setdefault((p.resource, p.field), {})[p.role_id] = (
            FieldAccess(p.access), MaskMode(p.mask))
    fields: dict[tuple[str, str], tuple[FieldAccess, MaskMode]] = {}
    for key, by_role in per_role.items():
        rules = [by_role.get(rid, _OPEN_FIELD) for rid in role_ids]
        fields[key] = (
            max((r[0] for r in rules), key=_ACCESS_RANK.__getitem__),
            min((r[1] for r in rules), key=_MASK_RANK.__getitem__),
        )

    return Actor(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        department_id=user.department_id,
        roles=tuple(sorted(r.name for r in role_rows)),
        must_change_password=user.must_change_password,
        grants={k: tuple(v) for k, v in grants.items()},
        fields=fields,
    )
