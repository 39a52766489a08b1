""""What can this user see": a user's customer count and field views, with one role's
draft grants and field policies standing in for the stored ones.

The draft is applied by building the actor the user would have (their roles' grants and
field policies merged as `load_actor` merges them), then asking the ordinary scope machinery
(customer_sight, scopes, storage counting) — the same path `customers.count()` takes, so
the preview equals what the user then sees.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import bindparam, select

from desktop_crm.domain.enums import FieldAccess, MaskMode, Scope
from desktop_crm.domain.permissions import FieldRule
from desktop_crm.services.actor import Actor, ScopeGrant
from desktop_crm.services.context import Work
from desktop_crm.services.customer_sight import narrowed, sight_of
from desktop_crm.services.customer_views import field_view
from desktop_crm.services.role_rules import POLICY_FIELDS, GrantRule
from desktop_crm.storage import customer_list
from desktop_crm.storage.models import FieldPolicy, Role, RoleGrant, UserRole

# as load_actor ranks them: across roles the most open access and the lightest mask win,
# and a role with no rule for a field leaves it open
_ACCESS_RANK = {FieldAccess.HIDDEN: 0, FieldAccess.READ: 1, FieldAccess.EDIT: 2}
_MASK_RANK = {MaskMode.NONE: 0, MaskMode.LIST_ONLY: 1, MaskMode.EVERYWHERE: 2}
_OPEN = (FieldAccess.EDIT, MaskMode.NONE)


@dataclass(frozen=True)
class Preview:
    """What one user would see of customers."""

    user_id: str
    role_id: str | None
    holds_role: bool  # False: counted as if the user held the role
    customers: int
    hidden_fields: tuple[str, ...]
    masked_in_lists: tuple[str, ...]
    masked_in_records: tuple[str, ...]


_ur, _r = UserRole.__table__.c, Role.__table__.c
_g, _p = RoleGrant.__table__.c, FieldPolicy.__table__.c
_ROLE_IDS = select(_ur.role_id).join(Role.__table__, _r.id == _ur.role_id).where(
    _ur.user_id == bindparam("user_id"), _ur.deleted_at.is_(None), _r.deleted_at.is_(None))
_GRANTS = select(_g.role_id, _g.resource, _g.action, _g.scope, _g.department_ids).where(
    _g.role_id.in_(bindparam("role_ids", expanding=True)), _g.deleted_at.is_(None))
_FIELDS = select(_p.role_id, _p.resource, _p.field, _p.access, _p.mask).where(
    _p.role_id.in_(bindparam("role_ids", expanding=True)), _p.deleted_at.is_(None))


def preview(
    w: Work, base: Actor, role_id: str | None, *,
    grants: Sequence[GrantRule] | None, field_rules: Sequence[FieldRule] | None,
) -> Preview:
    """`base`: the user as load_actor loaded them; the drafts replace role `role_id`'s rows."""
    conn = w.session.connection()
    role_ids = list(conn.execute(_ROLE_IDS, {"user_id": base.user_id}).scalars())
    holds = role_id in role_ids
    if role_id is not None and not holds:
        role_ids.append(role_id)
    stored = [r for r in role_ids if r != role_id]

    per_role_grants: dict[str, list[GrantRule]] = {r: [] for r in role_ids}
    for g in conn.execute(_GRANTS, {"role_ids": role_ids}):
        if g.role_id in stored or grants is None:
            per_role_grants[g.role_id].append(
                GrantRule(g.resource, g.action, Scope(g.scope), tuple(g.department_ids)))
    per_role_fields: dict[str, list[FieldRule]] = {r: [] for r in role_ids}
    for p in conn.execute(_FIELDS, {"role_ids": role_ids}):
        if p.role_id in stored or field_rules is None:
            per_role_fields[p.role_id].append(
                FieldRule(p.resource, p.field, FieldAccess(p.access), MaskMode(p.mask)))
    if role_id is not None:
        if grants is not None:
            per_role_grants[role_id] = list(grants)
        if field_rules is not None:
            per_role_fields[role_id] = list(field_rules)

    actor = drafted_actor(base, per_role_grants, per_role_fields)
    work = Work(w.session, actor, w.now)
    sight = narrowed(work, sight_of(work), None)
    count = 0 if sight.nothing else customer_list.count_customers(conn, **sight.storage_args())
    in_list = field_view(actor, in_list=True, shared_only=False)
    in_record = field_view(actor, in_list=False, shared_only=False)
    return Preview(
        user_id=base.user_id, role_id=role_id, holds_role=holds, customers=count,
        hidden_fields=_ordered(in_record.hidden), masked_in_lists=_ordered(in_list.masked),
        masked_in_records=_ordered(in_record.masked),
    )


def drafted_actor(
    base: Actor, grants: Mapping[str, Sequence[GrantRule]],
    field_rules: Mapping[str, Sequence[FieldRule]],
) -> Actor:
    """`base` holding exactly these roles' grants and field policies (by role id), merged
    across roles as load_actor merges them; a fresh memo, so nothing of `base` is reused."""
    merged: dict[tuple[str, str], list[ScopeGrant]] = {}
    for role_grants in grants.values():
        for g in role_grants:
            spec = ScopeGrant(Scope(g.scope), tuple(g.department_ids))
            bucket = merged.setdefault((g.resource, g.action), [])
            if spec not in bucket:
                bucket.append(spec)
    keys = {(r.resource, r.field) for rules in field_rules.values() for r in rules}
    fields: dict[tuple[str, str], tuple[FieldAccess, MaskMode]] = {}
    for key in keys:
        rules = []
        for role_rules in field_rules.values():
            rule = next((r for r in role_rules if (r.resource, r.field) == key), None)
            rules.append(_OPEN if rule is None else (rule.access, rule.mask))
        fields[key] = (max((r[0] for r in rules), key=_ACCESS_RANK.__getitem__),
                       min((r[1] for r in rules), key=_MASK_RANK.__getitem__))
    return replace(base, grants={k: tuple(v) for k, v in merged.items()}, fields=fields,
                   memo={})


def _ordered(names: frozenset[str]) -> tuple[str, ...]:
    return tuple(f for f in POLICY_FIELDS if f in names)
