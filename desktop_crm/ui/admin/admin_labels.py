"""Words for the codes the roles and policies pages show: data scopes, resources, actions,
field access and masks, and the customer fields a field policy governs."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "AdminLabels"

_SCOPES = {  # short: they sit in the cells of a grid
    "self": QT_TRANSLATE_NOOP("AdminLabels", "Self"),
    "self_and_subordinates": QT_TRANSLATE_NOOP("AdminLabels", "Self + reports"),
    "department": QT_TRANSLATE_NOOP("AdminLabels", "Department"),
    "department_and_children": QT_TRANSLATE_NOOP("AdminLabels", "Dept. + sub-depts"),
    "custom_departments": QT_TRANSLATE_NOOP("AdminLabels", "Chosen depts…"),
    "all": QT_TRANSLATE_NOOP("AdminLabels", "Everyone"),
}

_RESOURCES = {
    "customer": QT_TRANSLATE_NOOP("AdminLabels", "Customers"),
    "interaction": QT_TRANSLATE_NOOP("AdminLabels", "Calls and visits"),
    "reminder": QT_TRANSLATE_NOOP("AdminLabels", "Reminders"),
    "complaint": QT_TRANSLATE_NOOP("AdminLabels", "Complaints"),
    "report": QT_TRANSLATE_NOOP("AdminLabels", "Reports"),
    "user": QT_TRANSLATE_NOOP("AdminLabels", "Users"),
    "department": QT_TRANSLATE_NOOP("AdminLabels", "Departments"),
    "role": QT_TRANSLATE_NOOP("AdminLabels", "Roles"),
    "policy": QT_TRANSLATE_NOOP("AdminLabels", "Policies"),
    "audit": QT_TRANSLATE_NOOP("AdminLabels", "Audit log"),
    "alert": QT_TRANSLATE_NOOP("AdminLabels", "Alerts"),
}
_ACTIONS = {
    "read": QT_TRANSLATE_NOOP("AdminLabels", "Read"),
    "create": QT_TRANSLATE_NOOP("AdminLabels", "Create"),
    "update": QT_TRANSLATE_NOOP("AdminLabels", "Edit"),
    "delete": QT_TRANSLATE_NOOP("AdminLabels", "Delete"),
    "reveal": QT_TRANSLATE_NOOP("AdminLabels", "Reveal"),
    "export": QT_TRANSLATE_NOOP("AdminLabels", "Export"),
    "assign": QT_TRANSLATE_NOOP("AdminLabels", "Reassign"),
    "manage": QT_TRANSLATE_NOOP("AdminLabels", "Manage"),
}
_ACCESS = {
    "hidden": QT_TRANSLATE_NOOP("AdminLabels", "Hidden"),
    "read": QT_TRANSLATE_NOOP("AdminLabels", "Read only"),
    "edit": QT_TRANSLATE_NOOP("AdminLabels", "Edit"),
}
_MASKS = {
    "none": QT_TRANSLATE_NOOP("AdminLabels", "Not masked"),
    "list_only": QT_TRANSLATE_NOOP("AdminLabels", "Masked in lists"),
    "everywhere": QT_TRANSLATE_NOOP("AdminLabels", "Masked everywhere"),
}
_FIELDS = {
    "kind": QT_TRANSLATE_NOOP("AdminLabels", "Kind"),
    "name": QT_TRANSLATE_NOOP("AdminLabels", "Name"),
    "company": QT_TRANSLATE_NOOP("AdminLabels", "Company"),
    "title": QT_TRANSLATE_NOOP("AdminLabels", "Job title"),
    "phones": QT_TRANSLATE_NOOP("AdminLabels", "Phones"),
    "emails": QT_TRANSLATE_NOOP("AdminLabels", "Emails"),
    "address": QT_TRANSLATE_NOOP("AdminLabels", "Address"),
    "city": QT_TRANSLATE_NOOP("AdminLabels", "City"),
    "region": QT_TRANSLATE_NOOP("AdminLabels", "Region"),
    "country": QT_TRANSLATE_NOOP("AdminLabels", "Country code"),
    "birthday": QT_TRANSLATE_NOOP("AdminLabels", "Birthday"),
    "source": QT_TRANSLATE_NOOP("AdminLabels", "Source"),
    "referred_by": QT_TRANSLATE_NOOP("AdminLabels", "Referred by"),
    "lifecycle_stage": QT_TRANSLATE_NOOP("AdminLabels", "Stage"),
    "tier": QT_TRANSLATE_NOOP("AdminLabels", "Tier"),
    "tags": QT_TRANSLATE_NOOP("AdminLabels", "Tags"),
    "notes": QT_TRANSLATE_NOOP("AdminLabels", "Notes"),
    "custom_fields": QT_TRANSLATE_NOOP("AdminLabels", "Custom fields"),
}


def _label(labels: dict[str, str], code: str) -> str:
    source = labels.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source else code


def scope_label(scope: str) -> str:
    return _label(_SCOPES, scope)


def resource_label(resource: str) -> str:
    return _label(_RESOURCES, resource)


def action_label(action: str) -> str:
    return _label(_ACTIONS, action)


def access_label(access: str) -> str:
    return _label(_ACCESS, access)


def mask_label(mask: str) -> str:
    return _label(_MASKS, mask)


def field_label(field: str) -> str:
    return _label(_FIELDS, field)

