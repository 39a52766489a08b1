"""Who is acting: a user with their merged roles, and the access version that says when to reload.

Loading an actor costs several queries, so a service context keeps the one it loaded and
reloads only when the vault's access version moved (see `bump_access_version`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Integer, String, bindparam, cast, insert, select, update
from sqlalchemy.orm import Session

from desktop_crm.domain.enums import DepartureState, FieldAccess, MaskMode, Scope, UserStatus
from desktop_crm.domain.errors import AccountRevoked, AccountSuspended, PermissionDenied
from desktop_crm.domain.permissions import Action
from desktop_crm.storage.models import (
    Departure,
    FieldPolicy,
    Role,
    RoleGrant,
    User,
    UserRole,
    VaultMeta,
)

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
    # What is worked out from this actor (owner sets, field views, grants) and lives exactly
    # as long as it: a changed access version brings a new actor with an empty memo.
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def can(self, resource: str, action: str) -> bool:
        return bool(self.grants.get((resource, action)))

    def require(self, resource: str, action: str) -> None:
        if not self.can(resource, action):
            raise PermissionDenied(f"{resource}.{action}")

    def field_rule(self, resource: str, name: str) -> tuple[FieldAccess, MaskMode]:
        return self.fields.get((resource, name), _OPEN_FIELD)


# --- the access version -------------------------------------------------------------------------

ACCESS_VERSION = "access_version"
_meta = VaultMeta.__table__
_READ_VERSION = select(_meta.c.value).where(_meta.c.key == ACCESS_VERSION)
_NEXT_VERSION = (
    update(_meta).where(_meta.c.key == ACCESS_VERSION)
    .values(value=cast(cast(_meta.c.value, Integer) + 1, String))
)
_FIRST_VERSION = insert(_meta).values(key=ACCESS_VERSION, value="1")
_CHANGED = "access_changed"  # session.info flag


def access_version(session: Session) -> str | None:
    """The vault's access version (None before the first change): one primary-key read."""
    return session.connection().execute(_READ_VERSION).scalar()


def bump_access_version(session: Session) -> None:
    """Mark that who may see or do what has changed, in the caller's transaction.

    Every write to users, user_roles, roles, role_grants, field_policies, record_grants or
    departments calls this before it commits: open sessions (in this process or any other)
    then reload their actor and scopes on their next unit of work, and this session drops
    what it worked out inside the transaction if it rolls back. Triggers on those tables
    (revision 0005) move the version as well, so a writer that forgets is still seen.
    """
    if session.connection().execute(_NEXT_VERSION).rowcount == 0:
        session.connection().execute(_FIRST_VERSION)
    session.info[_CHANGED] = True


def access_changed(session: Session) -> bool:
    """Whether this unit of work bumped the access version."""
    return bool(session.info.get(_CHANGED))


# --- loading ------------------------------------------------------------------------------------

_u = User.__table__.c
_ur = UserRole.__table__.c
_r = Role.__table__.c
_g = RoleGrant.__table__.c
_p = FieldPolicy.__table__.c
_USER = select(
    _u.id, _u.username, _u.display_name, _u.department_id, _u.status, _u.deleted_at,
    _u.must_change_password,
).where(_u.id == bindparam("user_id"))
_ROLES = (
    select(_r.id, _r.name)
    .join(UserRole.__table__, _ur.role_id == _r.id)
    .where(_ur.user_id == bindparam("user_id"), _ur.deleted_at.is_(None), _r.deleted_at.is_(None))
)
_GRANTS = select(_g.role_id, _g.resource, _g.action, _g.scope, _g.department_ids).where(
    _g.role_id.in_(bindparam("role_ids", expanding=True)), _g.deleted_at.is_(None))
# A departure under way freezes what could carry customers out: reveals and exports.
_FROZEN = select(Departure.__table__.c.id).where(
    Departure.__table__.c.user_id == bindparam("user_id"),
    Departure.__table__.c.state.in_((DepartureState.FROZEN, DepartureState.COMMITTED)),
    Departure.__table__.c.deleted_at.is_(None)).limit(1)
_FROZEN_ACTIONS = (Action.REVEAL, Action.EXPORT)
_POLICIES = select(_p.role_id, _p.resource, _p.field, _p.access, _p.mask).where(
    _p.role_id.in_(bindparam("role_ids", expanding=True)), _p.deleted_at.is_(None))


def load_actor(session: Session, user_id: str) -> Actor:
    """The acting user as the database knows them now; refuses departed and suspended users."""
    conn = session.connection()
    user = conn.execute(_USER, {"user_id": user_id}).first()
    if user is None or user.deleted_at is not None or user.status == UserStatus.DEPARTED:
        raise AccountRevoked("this account was revoked")
    if user.status == UserStatus.SUSPENDED:
        raise AccountSuspended("this account is suspended; ask an administrator")

    role_rows = conn.execute(_ROLES, {"user_id": user_id}).all()
    role_ids = [r.id for r in role_rows]

    grants: dict[tuple[str, str], list[ScopeGrant]] = {}
    for g in conn.execute(_GRANTS, {"role_ids": role_ids}):
        spec = ScopeGrant(Scope(g.scope), tuple(g.department_ids))
        bucket = grants.setdefault((g.resource, g.action), [])
        if spec not in bucket:
            bucket.append(spec)

    if conn.execute(_FROZEN, {"user_id": user_id}).first() is not None:
        grants = {k: v for k, v in grants.items() if k[1] not in _FROZEN_ACTIONS}

    # A role with no rule for a field leaves it open; across roles the most open rule wins.
    per_role: dict[tuple[str, str], dict[str, tuple[FieldAccess, MaskMode]]] = {}
    for p in conn.execute(_POLICIES, {"role_ids": role_ids}):
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
        must_change_password=bool(user.must_change_password),
        grants={k: tuple(v) for k, v in grants.items()},
        fields=fields,
    )
