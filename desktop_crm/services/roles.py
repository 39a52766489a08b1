"""Roles as data: the admin's editor of grants and field policies, and its preview.

Reading roles needs ROLE read; every change needs ROLE manage, is audited, raises a
"role_change" admin alert and moves the access version, so every open session reloads its
permissions on its next call. The built-in admin role always keeps the grants that reach the
admin console (role_rules.CONSOLE_GRANTS), so nobody locks the organisation out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_crm.domain import validation as v
from desktop_crm.domain.enums import FieldAccess, MaskMode, Scope, UserStatus
from desktop_crm.domain.errors import (
    AccountRevoked,
    AccountSuspended,
    Conflict,
    NotFound,
    ValidationError,
)
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.permissions import Action, FieldRule, Resource
from desktop_crm.services import alerts as alert_kinds
from desktop_crm.services import audit
from desktop_crm.services.actor import bump_access_version, load_actor
from desktop_crm.services.context import ServiceContext, Work
from desktop_crm.services.role_preview import Preview, preview
from desktop_crm.services.role_rules import (
    ADMIN_ROLE,
    GrantRule,
    checked_field_rules,
    checked_grants,
    in_order,
    keeps_console,
    role_name,
)
from desktop_crm.storage.models import Department, FieldPolicy, Role, RoleGrant, User, UserRole

R = Resource.ROLE

__all__ = ["GrantRule", "Preview", "RoleDetail", "RoleService"]


@dataclass(frozen=True)
class RoleDetail:
    """One role as the editor shows it."""

    id: str
    name: str
    title: str
    description: str
    builtin: bool
    grants: tuple[GrantRule, ...]
    field_rules: tuple[FieldRule, ...]
    holders: int  # people holding it who have not departed (active or suspended)


class RoleService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reads ---------------------------------------------------------------------------------

    def list(self) -> list[RoleDetail]:
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            roles = w.session.scalars(select(Role).where(Role.deleted_at.is_(None))
                                      .order_by(Role.builtin.desc(), Role.name)).all()
            return _details(w.session, roles)

    def get(self, role_id: str) -> RoleDetail:
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            return _details(w.session, [_find(w.session, role_id)])[0]

    def preview(
        self, role_id: str | None = None, *, user_id: str,
        grants: Sequence[GrantRule] | None = None,
        field_policies: Sequence[FieldRule] | None = None,
    ) -> Preview:
        """How many customers `user_id` would see, and which fields hidden or masked, with
        role `role_id` holding these draft grants / field policies (the stored ones when
        None). A user who does not hold the role is counted as if they did."""
        with self.ctx.reading() as w:
            w.actor.require(R, Action.MANAGE)
            if role_id is not None:
                _find(w.session, role_id)
            departments = _live_departments(w.session)
            draft_grants = None if grants is None else checked_grants(grants, departments)
            draft_fields = None if field_policies is None else checked_field_rules(
                field_policies)
            try:
                base = load_actor(w.session, user_id)
            except (AccountRevoked, AccountSuspended):
                raise ValidationError("user", "choose an active user to preview") from None
            return preview(w, base, role_id, grants=draft_grants, field_rules=draft_fields)

    # --- changes -------------------------------------------------------------------------------

    def create(self, name: str, title: str, description: str = "", *,
               copy_from: str | None = None) -> RoleDetail:
        """A new role, empty or with the grants and field policies of `copy_from` (a role's
        id or name)."""
        clean = role_name(name)
        clean_title, clean_description = _title(title), _description(description)
        with self.ctx.writing() as w:
            w.actor.require(R, Action.MANAGE)
            taken = w.session.scalar(select(Role).where(Role.name == clean))
            if taken is not None:
                raise ValidationError("name", f"“{clean}” is already taken" if
                                      taken.deleted_at is None else
                                      f"“{clean}” belonged to a deleted role; choose another")
            source = None if copy_from is None else _find_by_id_or_name(w.session, copy_from)
            role = Role(id=new_id(), created_at=w.now, updated_at=w.now, version=1,
                        updated_by=w.actor.user_id, name=clean, title=clean_title,
                        description=clean_description, builtin=False)
            w.session.add(role)
            w.session.flush()
            grants: tuple[GrantRule, ...] = ()
            rules: tuple[FieldRule, ...] = ()
            if source is not None:
                grants, rules = _stored_grants(w.session, source.id), _stored_rules(
                    w.session, source.id)
                _replace_grants(w, role.id, grants)
                _replace_rules(w, role.id, rules)
            _changed(w, role, "role.create", f"role {clean} created",
                     {"copy_from": source.name if source else None,
                      "grants": [g.label for g in grants]})
            return _detail(role, grants, rules, 0)

    def update(self, role_id: str, *, title: str | None = None,
               description: str | None = None) -> RoleDetail:
        with self.ctx.writing() as w:
            w.actor.require(R, Action.MANAGE)
            role = _find(w.session, role_id)
            _apply_text(role, *_checked_text(role, title, description))
            _changed(w, role, "role.update", f"role {role.name} renamed or described",
                     {"title": role.title})
            return _details(w.session, [role])[0]

    def set_grants(self, role_id: str, grants: Iterable[GrantRule]) -> RoleDetail:
        """The role's whole set of grants (those left out are withdrawn)."""
        with self.ctx.writing() as w:
            w.actor.require(R, Action.MANAGE)
            role = _find(w.session, role_id)
            added, removed = _apply_grants(w, role, _checked_role_grants(w, role, grants))
            _changed(w, role, "role.set_grants", f"grants of role {role.name} changed "
                     f"({len(added)} added, {len(removed)} withdrawn)",
                     {"added": added, "removed": removed})
            return _details(w.session, [role])[0]

    def set_field_policies(self, role_id: str, rules: Iterable[FieldRule]) -> RoleDetail:
        """The role's whole set of customer field policies (a field left out is open)."""
        with self.ctx.writing() as w:
            w.actor.require(R, Action.MANAGE)
            role = _find(w.session, role_id)
            wanted = checked_field_rules(rules)
            _replace_rules(w, role.id, wanted)
            _changed(w, role, "role.set_field_policies",
                     f"field policies of role {role.name} changed",
                     {"fields": _rules_detail(wanted)})
            return _details(w.session, [role])[0]

    def save(self, role_id: str, *, title: str, description: str,
             grants: Iterable[GrantRule], field_policies: Iterable[FieldRule]) -> RoleDetail:
        """The editor's Save: title, description, grants and field policies in one
        transaction. Everything is checked before anything is written, so one invalid part
        leaves the whole role as it was. One audit event ("role.save") and one alert name what
        changed; a save that changes nothing writes nothing."""
        with self.ctx.writing() as w:
            w.actor.require(R, Action.MANAGE)
            role = _find(w.session, role_id)
            text = _checked_text(role, title, description)
            wanted_grants = _checked_role_grants(w, role, grants)
            wanted_rules = checked_field_rules(field_policies)
            detail: dict[str, object] = {}
            changed: list[str] = []
            if text != (role.title, role.description):
                _apply_text(role, *text)
                detail["title"] = role.title
                changed.append("title or description")
            added, removed = _apply_grants(w, role, wanted_grants)
            if added or removed:
                detail.update(added=added, removed=removed)
                changed.append(f"grants: {len(added)} added, {len(removed)} withdrawn")
            if set(wanted_rules) != set(_stored_rules(w.session, role.id)):
                _replace_rules(w, role.id, wanted_rules)
                detail["fields"] = _rules_detail(wanted_rules)
                changed.append("field policies")
            if changed:
                _changed(w, role, "role.save",
                         f"role {role.name} changed ({'; '.join(changed)})", detail)
            return _details(w.session, [role])[0]

    def delete(self, role_id: str) -> None:
        with self.ctx.writing() as w:
            w.actor.require(R, Action.MANAGE)
            role = _find(w.session, role_id)
            if role.builtin:
                raise Conflict("a built-in role cannot be deleted")
            holders = _holders(w.session, [role.id]).get(role.id, 0)
            if holders:
                raise Conflict(f"{holders} people still hold this role; give them another "
                               "role first")
            for model in (RoleGrant, FieldPolicy, UserRole):  # departed holders' links too
                for row in w.session.scalars(select(model).where(
                        model.role_id == role.id, model.deleted_at.is_(None))):
                    _tombstone(row, w)
            _tombstone(role, w)
            _changed(w, role, "role.delete", f"role {role.name} deleted", {"name": role.name},
                     touch=False)


# --- helpers ------------------------------------------------------------------------------------


def _find(session: Session, role_id: str) -> Role:
    role = session.get(Role, role_id)
    if role is None or role.deleted_at is not None:
        raise NotFound(R, role_id)
    return role


def _find_by_id_or_name(session: Session, key: str) -> Role:
    role = session.scalar(select(Role).where(Role.name == key, Role.deleted_at.is_(None)))
    return role if role is not None else _find(session, key)


def _live_departments(session: Session) -> set[str]:
    return set(session.scalars(select(Department.id).where(Department.deleted_at.is_(None))))


def _checked_text(role: Role, title: str | None,
                  description: str | None) -> tuple[str, str]:
    """The role's title and description with these changes (None keeps one), validated."""
    return (role.title if title is None else _title(title),
            role.description if description is None else _description(description))


def _title(value: str) -> str:
    return v.required_text("title", value, max_length=100)


def _description(value: str) -> str:
    return v.optional_text("description", value, max_length=500)


def _apply_text(role: Role, title: str, description: str) -> None:
    role.title, role.description = title, description


def _checked_role_grants(w: Work, role: Role,
                         grants: Iterable[GrantRule]) -> tuple[GrantRule, ...]:
    """The grants validated for this role: the built-in admin role keeps the console."""
    wanted = checked_grants(grants, _live_departments(w.session))
    if role.builtin and role.name == ADMIN_ROLE and not keeps_console(wanted):
        raise ValidationError("grants", "the administrator role must keep reading "
                                        "and managing users and roles")
    return wanted


def _apply_grants(w: Work, role: Role,
                  wanted: Sequence[GrantRule]) -> tuple[list[str], list[str]]:
    """Store the checked grants; returns the labels added and withdrawn (for the audit)."""
    before = set(_stored_grants(w.session, role.id))
    _replace_grants(w, role.id, wanted)
    added = sorted(g.label for g in wanted if g not in before)
    removed = sorted(g.label for g in before - set(wanted))
    return added, removed


def _rules_detail(rules: Sequence[FieldRule]) -> dict[str, str]:
    return {r.field: f"{r.access.value}/{r.mask.value}" for r in rules}


def _stored_grants(session: Session, role_id: str) -> tuple[GrantRule, ...]:
    rows = session.execute(select(RoleGrant.resource, RoleGrant.action, RoleGrant.scope,
                                  RoleGrant.department_ids)
                           .where(RoleGrant.role_id == role_id, RoleGrant.deleted_at.is_(None)))
    return tuple(GrantRule(r, a, Scope(s), tuple(d)) for r, a, s, d in rows)


def _stored_rules(session: Session, role_id: str) -> tuple[FieldRule, ...]:
    rows = session.execute(select(FieldPolicy.resource, FieldPolicy.field, FieldPolicy.access,
                                  FieldPolicy.mask)
                           .where(FieldPolicy.role_id == role_id,
                                  FieldPolicy.deleted_at.is_(None)))
    return tuple(FieldRule(r, f, FieldAccess(a), MaskMode(m)) for r, f, a, m in rows)


def _replace_grants(w: Work, role_id: str, wanted: Sequence[GrantRule]) -> None:
    """Keep the rows that stay, tombstone the withdrawn ones, add the new ones."""
    keep = set(wanted)
    present: set[GrantRule] = set()
    for row in w.session.scalars(select(RoleGrant).where(RoleGrant.role_id == role_id,
                                                         RoleGrant.deleted_at.is_(None))):
        grant = GrantRule(row.resource, row.action, Scope(row.scope), tuple(row.department_ids))
        if grant in keep and grant not in present:
            present.add(grant)
        else:
            _tombstone(row, w)
    for grant in wanted:
        if grant not in present:
            w.session.add(RoleGrant(
                id=new_id(), created_at=w.now, updated_at=w.now, version=1,
                updated_by=w.actor.user_id, role_id=role_id, resource=grant.resource,
                action=grant.action, scope=grant.scope.value,
                department_ids=list(grant.department_ids)))
    w.session.flush()


def _replace_rules(w: Work, role_id: str, wanted: Sequence[FieldRule]) -> None:
    """One row per (role, resource, field) ever (a unique key): revive or change it in place."""
    rows = {(row.resource, row.field): row for row in w.session.scalars(
        select(FieldPolicy).where(FieldPolicy.role_id == role_id))}
    wanted_keys = set()
    for rule in wanted:
        key = (rule.resource, rule.field)
        wanted_keys.add(key)
        row = rows.get(key)
        if row is None:
            w.session.add(FieldPolicy(
                id=new_id(), created_at=w.now, updated_at=w.now, version=1,
                updated_by=w.actor.user_id, role_id=role_id, resource=rule.resource,
                field=rule.field, access=rule.access.value, mask=rule.mask.value))
        elif (row.deleted_at is not None or row.access != rule.access.value
              or row.mask != rule.mask.value):
            row.access, row.mask, row.deleted_at = rule.access.value, rule.mask.value, None
            row.version += 1
            row.updated_at, row.updated_by = w.now, w.actor.user_id
    for key, row in rows.items():
        if key not in wanted_keys and row.deleted_at is None:
            _tombstone(row, w)
    w.session.flush()


def _tombstone(row: Role | RoleGrant | FieldPolicy | UserRole, w: Work) -> None:
    row.deleted_at = w.now
    row.version += 1
    row.updated_at, row.updated_by = w.now, w.actor.user_id


def _changed(w: Work, role: Role, action: str, message: str, detail: dict,
             *, touch: bool = True) -> None:
    """The role row's version, the access version, the audit event and the admin alert."""
    if touch:
        role.version += 1
        role.updated_at, role.updated_by = w.now, w.actor.user_id
    w.session.flush()
    bump_access_version(w.session)
    seq = audit.record(w.session, at=w.now, actor_id=w.actor.user_id, action=action,
                       entity=R, entity_id=role.id, detail={"role": role.name, **detail})
    audit.raise_alert(w.session, at=w.now, kind=alert_kinds.ROLE_CHANGE, audit_seq=seq,
                      actor_id=w.actor.user_id, message=message)


def _holders(session: Session, role_ids: Sequence[str]) -> dict[str, int]:
    rows = session.execute(
        select(UserRole.role_id, func.count())
        .join(User, User.id == UserRole.user_id)
        .where(UserRole.role_id.in_(role_ids), UserRole.deleted_at.is_(None),
               User.deleted_at.is_(None), User.status != UserStatus.DEPARTED.value)
        .group_by(UserRole.role_id))
    return {role_id: count for role_id, count in rows.tuples()}


def _details(session: Session, roles: Sequence[Role]) -> list[RoleDetail]:
    holders = _holders(session, [r.id for r in roles])
    return [_detail(r, _stored_grants(session, r.id), _stored_rules(session, r.id),
                    holders.get(r.id, 0)) for r in roles]


def _detail(role: Role, grants: Sequence[GrantRule], rules: Sequence[FieldRule],
            holders: int) -> RoleDetail:
    return RoleDetail(role.id, role.name, role.title, role.description, bool(role.builtin),
                      in_order(grants), tuple(rules), holders)

