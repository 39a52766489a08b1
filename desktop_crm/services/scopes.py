"""Data scopes: which owners' records a user reaches, as the union over all their roles.

Never "the widest level wins": a manager's subordinates may sit in another department, so
self_and_subordinates and department_and_children are two sets, and the user sees both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, or_, select
from sqlalchemy.orm import Session

from desktop_crm.domain.enums import GrantAccess, Scope
from desktop_crm.services.actor import Actor, ScopeGrant
from desktop_crm.storage.models import Department, RecordGrant, User


@dataclass(frozen=True)
class OwnerScope:
    """Every owner (`everyone`) or exactly these owner ids."""

    everyone: bool
    owner_ids: frozenset[str] = frozenset()

    def covers(self, owner_id: str | None) -> bool:
        return self.everyone or (owner_id is not None and owner_id in self.owner_ids)

    @property
    def empty(self) -> bool:
        return not self.everyone and not self.owner_ids


NOBODY = OwnerScope(False)
EVERYONE = OwnerScope(True)


def owner_scope(session: Session, actor: Actor, resource: str, action: str) -> OwnerScope:
    """Whose records this actor reaches for this action; worked out once per actor."""
    key = ("owners", resource, action)
    found = actor.memo.get(key)
    if found is None:
        found = actor.memo[key] = _owner_scope(session, actor, resource, action)
    return found


def _owner_scope(session: Session, actor: Actor, resource: str, action: str) -> OwnerScope:
    grants = actor.grants.get((resource, action), ())
    if not grants:
        return NOBODY
    if any(g.scope is Scope.ALL for g in grants):
        return EVERYONE
    owners: set[str] = set()
    for grant in grants:
        owners |= _owners_of(session, actor, grant)
    return OwnerScope(False, frozenset(owners))


def _owners_of(session: Session, actor: Actor, grant: ScopeGrant) -> frozenset[str]:
    # the same scope often backs several actions (read, update, delete...): reckon it once
    key = ("scope", grant)
    found = actor.memo.get(key)
    if found is None:
        found = actor.memo[key] = frozenset(_scope_owners(session, actor, grant))
    return found


def _scope_owners(session: Session, actor: Actor, grant: ScopeGrant) -> set[str]:
    match grant.scope:
        case Scope.SELF:
            return {actor.user_id}
        case Scope.SELF_AND_SUBORDINATES:
            return {actor.user_id} | subordinates(session, actor.user_id)
        case Scope.DEPARTMENT:
            return users_in(session, [actor.department_id] if actor.department_id else [])
        case Scope.DEPARTMENT_AND_CHILDREN:
            if not actor.department_id:
                return {actor.user_id}
            return users_in(session, department_subtree(session, actor.department_id))
        case Scope.CUSTOM_DEPARTMENTS:
            return users_in(session, grant.department_ids)
        case _:
            raise ValueError(f"unexpected scope {grant.scope}")


def subordinates(session: Session, user_id: str) -> set[str]:
    """Everyone below this user in the reporting line, however deep."""
    chain = select(User.id).where(User.superior_id == user_id).cte("chain", recursive=True)
    chain = chain.union(select(User.id).join(chain, User.superior_id == chain.c.id))
    return set(session.execute(select(chain.c.id)).scalars())


def department_subtree(session: Session, department_id: str) -> set[str]:
    tree = select(Department.id).where(Department.id == department_id).cte("tree",
                                                                           recursive=True)
    tree = tree.union(select(Department.id).join(tree, Department.parent_id == tree.c.id))
    return set(session.execute(select(tree.c.id)).scalars())


def users_in(session: Session, department_ids: Iterable[str]) -> set[str]:
    ids = list(department_ids)
    if not ids:
        return set()
    return set(session.execute(select(User.id).where(User.department_id.in_(ids))).scalars())


@dataclass(frozen=True)
class _GrantWindow:
    """The grants in force from `loaded_at` until the earliest of them expires."""

    loaded_at: datetime
    until: datetime | None
    grants: Mapping[str, GrantAccess]

    def holds_at(self, now: datetime) -> bool:
        return self.loaded_at <= now and (self.until is None or now < self.until)


_rg = RecordGrant.__table__.c
_GRANTS_IN_FORCE = select(_rg.record_id, _rg.access, _rg.expires_at).where(
    _rg.grantee_id == bindparam("grantee"),
    _rg.resource == bindparam("resource"),
    _rg.deleted_at.is_(None),
    or_(_rg.expires_at.is_(None), _rg.expires_at > bindparam("now", type_=_rg.expires_at.type)),
)


def granted_record_ids(
    session: Session, actor: Actor, resource: str, now: datetime, *, writable: bool = False
) -> Mapping[str, GrantAccess]:
    """Records shared with this user through unexpired collaborator grants.

    Kept with the actor until the earliest grant expires (then read again), so a grant
    stops at its expiry without a query on every call. Do not change the mapping returned.
    """
    key = ("grants", resource)
    window = actor.memo.get(key)
    if window is None or not window.holds_at(now):
        window = actor.memo[key] = _grants_in_force(session, actor.user_id, resource, now)
    if writable:
        return {i: a for i, a in window.grants.items() if a == GrantAccess.READ_WRITE}
    return window.grants


def _grants_in_force(session: Session, user_id: str, resource: str, now: datetime) -> _GrantWindow:
    grants: dict[str, GrantAccess] = {}
    until: datetime | None = None
    rows = session.connection().execute(
        _GRANTS_IN_FORCE, {"grantee": user_id, "resource": resource, "now": now})
    for record_id, access, expires_at in rows:
        if grants.get(record_id) != GrantAccess.READ_WRITE:
            grants[record_id] = GrantAccess(access)
        if expires_at is not None and (until is None or expires_at < until):
            until = expires_at
    return _GrantWindow(now, until, grants)
