"""What a role may hold: the grant and field-policy vocabulary, and its validation.

Shared by the role editor's service (saving) and its preview (drafts), so a draft the preview
accepts is exactly one that saving accepts.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from desktop_crm.domain.enums import FieldAccess, MaskMode, Scope
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.permissions import MASKABLE_CUSTOMER_FIELDS, Action, FieldRule, Resource
from desktop_crm.services.customer_views import EDITABLE_FIELDS

_RECORD_ACTIONS = (Action.READ, Action.CREATE, Action.UPDATE, Action.DELETE, Action.REVEAL,
                   Action.EXPORT, Action.ASSIGN)
_ADMIN_ACTIONS = (Action.READ, Action.MANAGE)

# resource -> the actions a grant may name on it, in the order an editor shows them
ACTIONS_OF: dict[str, tuple[str, ...]] = {
    Resource.CUSTOMER: _RECORD_ACTIONS,
    Resource.INTERACTION: _RECORD_ACTIONS,
    Resource.REMINDER: _RECORD_ACTIONS,
    Resource.COMPLAINT: _RECORD_ACTIONS,
    Resource.REPORT: (Action.READ, Action.EXPORT),
    Resource.USER: _ADMIN_ACTIONS,
    Resource.DEPARTMENT: _ADMIN_ACTIONS,
    Resource.ROLE: _ADMIN_ACTIONS,
    Resource.POLICY: _ADMIN_ACTIONS,
    Resource.AUDIT: (Action.READ, Action.EXPORT),
    Resource.ALERT: (Action.READ, Action.UPDATE),
}
# Records that have an owner: only these are narrowed by a data scope. The rest (the
# organisation, the audit log...) are granted whole: scope "all".
SCOPED_RESOURCES = frozenset({Resource.CUSTOMER, Resource.INTERACTION, Resource.REMINDER,
                              Resource.COMPLAINT, Resource.REPORT})
# customer fields a field policy may govern, and the ones a mask applies to
POLICY_FIELDS: tuple[str, ...] = EDITABLE_FIELDS
MASKABLE_FIELDS: tuple[str, ...] = MASKABLE_CUSTOMER_FIELDS

# What keeps the admin console reachable: the built-in admin role always holds these, so
# no administrator can lock everyone out of users and roles.
ADMIN_ROLE = "admin"
CONSOLE_GRANTS = ((Resource.USER, Action.READ), (Resource.USER, Action.MANAGE),
                  (Resource.ROLE, Action.READ), (Resource.ROLE, Action.MANAGE))

ROLE_NAME = re.compile(r"[a-z0-9_.\-]{2,40}")


@dataclass(frozen=True)
class GrantRule:
    """A role may do `action` on `resource` within `scope` (custom_departments: these)."""

    resource: str
    action: str
    scope: Scope = Scope.ALL
    department_ids: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """How the audit log names it: resource.action:scope[departments]."""
        text = f"{self.resource}.{self.action}:{self.scope.value}"
        return text + (f"[{','.join(self.department_ids)}]" if self.department_ids else "")


def role_name(value: str) -> str:
    name = (value or "").strip()
    if not ROLE_NAME.fullmatch(name):
        raise ValidationError(
            "name", "use 2–40 lower-case letters, digits, dots, dashes or underscores")
    return name


def checked_grants(grants: Iterable[GrantRule],
                   departments: Collection[str]) -> tuple[GrantRule, ...]:
    """The grants in a stable order, duplicates dropped; ValidationError("grants") names
    the first one that cannot be held. `departments`: the ids of live departments."""
    found: dict[tuple[str, str, Scope, tuple[str, ...]], GrantRule] = {}
    for grant in grants:
        clean = _checked_grant(grant, departments)
        found.setdefault((clean.resource, clean.action, clean.scope, clean.department_ids),
                         clean)
    return in_order(found.values())


def _checked_grant(grant: GrantRule, departments: Collection[str]) -> GrantRule:
    actions = ACTIONS_OF.get(grant.resource)
    if actions is None or grant.action not in actions:
        raise ValidationError("grants", f"“{grant.resource}.{grant.action}” is not a permission")
    try:
        scope = Scope(grant.scope)
    except ValueError:
        raise ValidationError("grants", f"“{grant.scope}” is not a data scope") from None
    if grant.resource not in SCOPED_RESOURCES and scope is not Scope.ALL:
        raise ValidationError(
            "grants", f"“{grant.resource}.{grant.action}” has no data scope: grant it whole")
    if scope is not Scope.CUSTOM_DEPARTMENTS:
        return GrantRule(grant.resource, grant.action, scope)
    chosen = tuple(sorted(set(grant.department_ids)))
    if not chosen:
        raise ValidationError("grants", "choose at least one department for “specified "
                                        "departments”")
    if any(d not in departments for d in chosen):
        raise ValidationError("grants", "no such department")
    return GrantRule(grant.resource, grant.action, scope, chosen)


def in_order(grants: Iterable[GrantRule]) -> tuple[GrantRule, ...]:
    """Grants in the editor's order: resource, action, then scope (unknown ones last)."""
    return tuple(sorted(grants, key=_grant_order))


_RESOURCES = list(ACTIONS_OF)
_SCOPES = list(Scope)


def _grant_order(grant: GrantRule) -> tuple[int, int, int, tuple[str, ...]]:
    actions = ACTIONS_OF.get(grant.resource, ())
    return (
        _RESOURCES.index(grant.resource) if grant.resource in _RESOURCES else len(_RESOURCES),
        actions.index(grant.action) if grant.action in actions else len(actions),
        _SCOPES.index(grant.scope) if grant.scope in _SCOPES else len(_SCOPES),
        grant.department_ids,
    )


def checked_field_rules(rules: Iterable[FieldRule]) -> tuple[FieldRule, ...]:
    """Customer field policies, one per field; a field masked everywhere is read-only (one
    masked in lists only is shown, and may be edited, in its record)."""
    by_field: dict[str, FieldRule] = {}
    for rule in rules:
        if rule.resource != Resource.CUSTOMER or rule.field not in POLICY_FIELDS:
            raise ValidationError("field_policies",
                                  f"“{rule.resource}.{rule.field}” is not a customer field")
        try:
            access, mask = FieldAccess(rule.access), MaskMode(rule.mask)
        except ValueError:
            raise ValidationError("field_policies",
                                  f"“{rule.access}/{rule.mask}” is not a field policy") from None
        if mask is not MaskMode.NONE and rule.field not in MASKABLE_FIELDS:
            raise ValidationError("field_policies", f"“{rule.field}” cannot be masked")
        if mask is MaskMode.EVERYWHERE and access is FieldAccess.EDIT:
            # masked in the record view too: nobody can edit what they cannot read
            raise ValidationError("field_policies",
                                  f"a masked field is read-only: “{rule.field}” cannot be edit")
        if rule.field in by_field:
            raise ValidationError("field_policies", f"“{rule.field}” has two policies")
        by_field[rule.field] = FieldRule(Resource.CUSTOMER, rule.field, access, mask)
    return tuple(by_field[f] for f in POLICY_FIELDS if f in by_field)


def keeps_console(grants: Iterable[GrantRule]) -> bool:
    held = {(g.resource, g.action) for g in grants}
    return all(pair in held for pair in CONSOLE_GRANTS)
