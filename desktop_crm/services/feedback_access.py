"""Who may write a customer's feedback, complaints and commerce records.

The customer must be one the user sees (otherwise OutOfScope: the same NotFound as a missing
id), the user's roles must hold the action, and its scope must reach the customer's owner,
or the customer must be shared with the user read-write. A customer the user only sees
(read-only collaborator, or a read scope wider than the write scope) is PermissionDenied.
"""

from __future__ import annotations

from desktop_crm.domain.enums import GrantAccess
from desktop_crm.domain.errors import PermissionDenied
from desktop_crm.services.activity_access import visible_customer
from desktop_crm.services.context import Work
from desktop_crm.services.customer_sight import sight_of
from desktop_crm.services.scopes import owner_scope
from desktop_crm.storage.models import Customer


def customer_for(w: Work, customer_id: str, resource: str, action: str) -> Customer:
    """The live customer if this user may do `action` on its `resource` records."""
    w.actor.require(resource, action)
    customer = visible_customer(w, customer_id)
    if owner_scope(w.session, w.actor, resource, action).covers(customer.owner_id):
        return customer
    if sight_of(w).grants.get(customer.id) == GrantAccess.READ_WRITE:
        return customer
    raise PermissionDenied(f"{resource}.{action}")


def readable_customer(w: Work, customer_id: str, resource: str, action: str) -> Customer:
    """The live customer if this user sees it and their roles may read `resource` at all
    (a customer's records are seen with the customer)."""
    w.actor.require(resource, action)
    return visible_customer(w, customer_id)
