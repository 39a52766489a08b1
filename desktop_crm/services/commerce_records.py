"""What the commerce services share: finding a record through its customer, and recording a
change (version, time, audit) or a soft delete.

Orders and contracts belong to the customer's record: whoever may update the customer may
write them, whoever sees the customer reads them. Instalments and receipts are reached
through their contract.
"""

from __future__ import annotations

from typing import Any, TypeVar

from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import audit
from desktop_crm.services.context import OutOfScope, Work
from desktop_crm.services.feedback_access import customer_for
from desktop_crm.storage.models import Contract, Customer, Synced

T = TypeVar("T", bound=Synced)
# who may write a customer's commerce records: whoever may update the customer
WRITE = (Resource.CUSTOMER, Action.UPDATE)


def live(w: Work, model: type[T], record_id: str) -> T:
    """A live row by id; OutOfScope (NotFound outside) when missing or deleted."""
    item = w.session.get(model, record_id)
    if item is None or item.deleted_at is not None:
        raise OutOfScope
    return item


def writable_customer(w: Work, customer_id: str) -> Customer:
    return customer_for(w, customer_id, *WRITE)


def writable_contract(w: Work, contract_id: str) -> tuple[Contract, Customer]:
    """A live contract of a customer this user may update, and that customer."""
    contract = live(w, Contract, contract_id)
    return contract, writable_customer(w, contract.customer_id)


def touch(w: Work, item: Synced, entity: str, action: str, detail: dict[str, Any]) -> None:
    """Record a change to `item`: a new version by this user now, and its audit event."""
    item.version += 1
    item.updated_at, item.updated_by = w.now, w.actor.user_id
    w.session.flush()
    audit.record(w.session, at=w.now, actor_id=w.actor.user_id, action=f"{entity}.{action}",
                 entity=entity, entity_id=item.id, detail=detail)


def created(w: Work, item: Synced, entity: str, detail: dict[str, Any]) -> None:
    """Add a new row (its synced columns filled in here) and its audit event."""
    item.created_at = item.updated_at = w.now
    item.version, item.updated_by = 1, w.actor.user_id
    w.session.add(item)
    w.session.flush()
    audit.record(w.session, at=w.now, actor_id=w.actor.user_id, action=f"{entity}.create",
                 entity=entity, entity_id=item.id, detail=detail)


def changed_fields(item: Synced, values: dict[str, Any]) -> list[str]:
    """Set the values that differ; returns their names, sorted."""
    changed = sorted(k for k, value in values.items() if getattr(item, k) != value)
    for name in changed:
        setattr(item, name, values[name])
    return changed
