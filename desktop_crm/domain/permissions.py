"""The default permission matrix, as data.

A role is a set of grants (resource, action, scope) plus field policies. The services seed these
into the `roles`, `role_grants` and `field_policies` tables at vault creation; admins may change
them later, so the running app always reads the tables, never this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_crm.domain.enums import FieldAccess, MaskMode, Scope


class Resource:
    CUSTOMER = "customer"
    INTERACTION = "interaction"
    REMINDER = "reminder"
    COMPLAINT = "complaint"
    USER = "user"
    DEPARTMENT = "department"
    ROLE = "role"
    POLICY = "policy"
    AUDIT = "audit"
    ALERT = "alert"  # admin alerts: read them, acknowledge them (update)
    REPORT = "report"


class Action:
    READ = "read"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    REVEAL = "reveal"  # show one masked value, audited
    EXPORT = "export"
    ASSIGN = "assign"  # change a customer's owner
    MANAGE = "manage"  # users, departments, roles, policies: create and change


@dataclass(frozen=True)
class Grant:
    resource: str
    action: str
    scope: Scope = Scope.ALL


@dataclass(frozen=True)
class FieldRule:
    resource: str
    field: str
    access: FieldAccess
    mask: MaskMode = MaskMode.NONE


@dataclass(frozen=True)
class RoleSpec:
    name: str
    title: str
    description: str
    grants: tuple[Grant, ...]
    field_rules: tuple[FieldRule, ...] = ()


# Fields that carry personal contact data: the ones masks apply to.
MASKABLE_CUSTOMER_FIELDS = ("phones", "emails")

_ACTIVITY = (Resource.CUSTOMER, Resource.INTERACTION, Resource.REMINDER)
_WRITE = (Action.READ, Action.CREATE, Action.UPDATE)


def _grants(resources: tuple[str, ...], actions: tuple[str, ...], scope: Scope) -> list[Grant]:
    return [Grant(r, a, scope) for r in resources for a in actions]


def _masks(mask: MaskMode, access: FieldAccess) -> list[FieldRule]:
    return [FieldRule(Resource.CUSTOMER, f, access, mask) for f in MASKABLE_CUSTOMER_FIELDS]


ADMIN = RoleSpec(
    name="admin",
    title="Administrator",
    description="Everything: users, roles, departments, policies, departure, audit, export.",
    grants=tuple(
        _grants(
            (*_ACTIVITY, Resource.COMPLAINT),
            (*_WRITE, Action.DELETE, Action.REVEAL, Action.EXPORT, Action.ASSIGN),
            Scope.ALL,
        )
        + _grants(
            (Resource.USER, Resource.DEPARTMENT, Resource.ROLE, Resource.POLICY),
            (Action.READ, Action.MANAGE),
            Scope.ALL,
        )
        + _grants((Resource.AUDIT,), (Action.READ, Action.EXPORT), Scope.ALL)
        + _grants((Resource.ALERT,), (Action.READ, Action.UPDATE), Scope.ALL)
        + _grants((Resource.REPORT,), (Action.READ,), Scope.ALL)
    ),
)

# A manager sees their reporting chain *and* their department tree: two grants, and the
# visible owners are the union of both sets.
_MANAGER_SCOPES = (Scope.SELF_AND_SUBORDINATES, Scope.DEPARTMENT_AND_CHILDREN)
MANAGER = RoleSpec(
    name="manager",
    title="Manager",
    description="Their team's customers; reveal and export are audited; team reports.",
    grants=tuple(
        g
        for scope in _MANAGER_SCOPES
        for g in _grants(
            _ACTIVITY,
            (*_WRITE, Action.DELETE, Action.REVEAL, Action.EXPORT, Action.ASSIGN),
            scope,
        )
        + _grants((Resource.COMPLAINT,), _WRITE, scope)
        + _grants((Resource.REPORT,), (Action.READ,), scope)
    )
    + tuple(_grants((Resource.USER, Resource.DEPARTMENT), (Action.READ,), Scope.ALL)),
    field_rules=tuple(_masks(MaskMode.LIST_ONLY, FieldAccess.EDIT)),
)

SALES = RoleSpec(
    name="sales",
    title="Salesperson",
    description="Their own customers, calls and reminders; collaborator grants; no export.",
    grants=tuple(
        _grants(_ACTIVITY, _WRITE, Scope.SELF)
        + _grants((Resource.REMINDER,), (Action.DELETE,), Scope.SELF)
        + _grants((Resource.COMPLAINT,), (Action.READ, Action.CREATE), Scope.SELF)
        + _grants((Resource.REPORT,), (Action.READ,), Scope.SELF)
        + _grants((Resource.USER, Resource.DEPARTMENT), (Action.READ,), Scope.ALL)
    ),
    # list-only on own records; records shared with them are masked everywhere (the service
    # raises list-only to everywhere for records visible through a grant only)
    field_rules=tuple(_masks(MaskMode.LIST_ONLY, FieldAccess.EDIT)),
)

SERVICE = RoleSpec(
    name="service",
    title="Customer service",
    description="Reads every customer; logs calls and handles complaints for all.",
    grants=tuple(
        _grants((Resource.CUSTOMER,), (Action.READ, Action.REVEAL), Scope.ALL)
        + _grants((Resource.INTERACTION,), _WRITE, Scope.ALL)
        + _grants((Resource.REMINDER,), (Action.READ,), Scope.ALL)
        + _grants((Resource.REMINDER,), (Action.CREATE, Action.UPDATE, Action.DELETE), Scope.SELF)
        + _grants((Resource.COMPLAINT,), _WRITE, Scope.ALL)
        + _grants((Resource.USER, Resource.DEPARTMENT), (Action.READ,), Scope.ALL)
    ),
    field_rules=tuple(_masks(MaskMode.EVERYWHERE, FieldAccess.READ)),
)

AUDITOR = RoleSpec(
    name="auditor",
    title="Auditor",
    description="Reads everything, changes nothing; reads and exports the audit log.",
    grants=tuple(
        _grants((*_ACTIVITY, Resource.COMPLAINT), (Action.READ,), Scope.ALL)
        + _grants(
            (Resource.USER, Resource.DEPARTMENT, Resource.ROLE, Resource.POLICY),
            (Action.READ,),
            Scope.ALL,
        )
        + _grants((Resource.AUDIT,), (Action.READ, Action.EXPORT), Scope.ALL)
        + _grants((Resource.ALERT,), (Action.READ,), Scope.ALL)
    ),
    field_rules=(
        *_masks(MaskMode.EVERYWHERE, FieldAccess.READ),
        # an auditor checks what happened, not where customers live or when they were born
        FieldRule(Resource.CUSTOMER, "address", FieldAccess.HIDDEN),
        FieldRule(Resource.CUSTOMER, "birthday", FieldAccess.HIDDEN),
    ),
)

DEFAULT_ROLES: tuple[RoleSpec, ...] = (ADMIN, MANAGER, SALES, SERVICE, AUDITOR)
