"""The customer service: the only door to customer records.

Records and their changes live here; lists, searches and filter choices in customer_lists.
Every method acts as one user: it checks the action against the user's roles, the record
against their data scope and collaborator grants, and shows fields through their field
policies. A record outside the scope is `NotFound` (and the attempt is audited), exactly as a
missing id would be.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, insert, select, update

from desktop_crm.domain import validation as v
from desktop_crm.domain.enums import GrantAccess, UserStatus
from desktop_crm.domain.errors import Conflict, PermissionDenied, ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.permissions import MASKABLE_CUSTOMER_FIELDS, Action, Resource
from desktop_crm.services import alerts as alert_kinds
from desktop_crm.services import audit
from desktop_crm.services.context import OutOfScope, ServiceContext, Work
from desktop_crm.services.customer_fields import record_id, refuse_locked_fields, validate_customer
from desktop_crm.services.customer_lists import CustomerLists, CustomerPage, Order
from desktop_crm.services.customer_sight import Sight
from desktop_crm.services.customer_views import (
    CustomerRecord,
    FieldView,
    field_view,
    record_view,
)

__all__ = ["CustomerPage", "CustomerService", "Order"]  # the GUI imports all three from here
from desktop_crm.services.policies import policy_set
from desktop_crm.services.scopes import OwnerScope, owner_scope
from desktop_crm.storage.models import Customer, OwnershipChange, Reminder, User
from desktop_crm.storage.names import name_keys

R = Resource.CUSTOMER

# Statements built once: executing a prepared construct skips rebuilding it on every call.
_customers = Customer.__table__
_c = _customers.c
_ONE = select(_customers).where(_c.id == bindparam("customer_id"))
_INSERT = insert(_customers)
_UPDATE = update(_customers).where(_c.id == bindparam("target_id"))
_RECORD_OWNER_CHANGE = insert(OwnershipChange.__table__)
_u = User.__table__.c
_ACTIVE_USER = select(_u.id, _u.department_id).where(
    _u.id == bindparam("user_id"), _u.status == UserStatus.ACTIVE.value, _u.deleted_at.is_(None))


class CustomerService(CustomerLists):
    """One user's door to customers."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reads ---------------------------------------------------------------------------------

    def get(self, customer_id: str) -> CustomerRecord:
        with self.ctx.guard(R, customer_id, Action.READ), self.ctx.reading() as w:
            customer, sight = self._locate(w, customer_id, Action.READ)
            return self._record(w, customer, sight)

    # --- writes --------------------------------------------------------------------------------

    def create(self, data: Mapping[str, Any]) -> CustomerRecord:
        with self.ctx.writing() as w:
            w.actor.require(R, Action.CREATE)
            values = validate_customer(data, today=w.now.date(), partial=False)
            view = field_view(w.actor, in_list=False, shared_only=False)
            refuse_locked_fields(values, view, creating=True)
            owner_id, department_id = self._owner(
                w, data.get("owner_id") or w.actor.user_id, Action.CREATE)
            customer = {
                **_DEFAULTS, "custom_fields": {}, **values, **_name_keys(values["name"]),
                "id": new_id(), "created_at": w.now, "updated_at": w.now, "version": 1,
                "updated_by": w.actor.user_id, "owner_id": owner_id,
                "department_id": department_id,
            }
            w.session.connection().execute(_INSERT, customer)
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action="customer.create", entity=R, entity_id=customer["id"],
                         detail={"fields": sorted(values)})
            return self._record(w, customer, self._sight(w))

    def update(
        self, customer_id: str, changes: Mapping[str, Any], *, expected_version: int | None = None
    ) -> CustomerRecord:
        with self.ctx.guard(R, customer_id, Action.UPDATE), self.ctx.writing() as w:
            customer, sight = self._locate(w, customer_id, Action.UPDATE)
            if expected_version is not None and customer["version"] != expected_version:
                raise Conflict("this customer was changed by someone else; reload and retry")
            if "owner_id" in changes:
                raise ValidationError("owner_id", "change the owner with “assign”")
            values = validate_customer(changes, today=w.now.date(), partial=True,
                                       country=customer["country"])
            view = field_view(w.actor, in_list=False,
                              shared_only=sight.shared_only(customer["owner_id"]))
            refuse_locked_fields(values, view, creating=False)
            changed = sorted(k for k, val in values.items() if customer[k] != val)
            if not changed:
                return self._record(w, customer, sight)
            update = {name: values[name] for name in changed}
            if "name" in changed:
                update.update(_name_keys(values["name"]))
            customer = self._save(w, customer, update)
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action="customer.update", entity=R, entity_id=customer_id,
                         detail={"fields": changed})
            return self._record(w, customer, sight)

    def delete(self, customer_id: str) -> None:
        """Soft delete: the row stays as a tombstone so sync and the audit trail keep it."""
        with self.ctx.guard(R, customer_id, Action.DELETE), self.ctx.writing() as w:
            customer, _ = self._locate(w, customer_id, Action.DELETE)
            self._save(w, customer, {"deleted_at": w.now})
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action="customer.delete", entity=R, entity_id=customer_id)

    def reveal(self, customer_id: str, field: str) -> tuple[str, ...]:
        """The unmasked value of one masked field; audited, and a burst alerts the admins."""
        if field not in MASKABLE_CUSTOMER_FIELDS:
            raise ValidationError("field", f"“{field}” is not a maskable field")
        with self.ctx.guard(R, customer_id, Action.REVEAL), self.ctx.writing() as w:
            customer, _ = self._locate(w, customer_id, Action.REVEAL)
            access, _ = w.actor.field_rule(R, field)
            if access.value == "hidden":
                raise PermissionDenied(f"{R}.{field}.read")
            seq = audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                               action="customer.reveal", entity=R, entity_id=customer_id,
                               detail={"field": field})
            policies = policy_set(w.session)
            burst, window = policies.reveal_burst_count, policies.reveal_burst_window
            recent = audit.count_recent(w.session, actor_id=w.actor.user_id,
                                        action="customer.reveal", since=w.now - window)
            if recent == burst:
                audit.raise_alert(
                    w.session, at=w.now, kind=alert_kinds.REVEAL_BURST, audit_seq=seq,
                    actor_id=w.actor.user_id, severity="high",
                    message=f"{w.actor.username} revealed {recent} masked values within "
                            f"{int(window.total_seconds() // 60)} minutes",
                )
            return tuple(customer[field])

    def assign(self, customer_id: str, new_owner_id: str, *, reason: str = "") -> CustomerRecord:
        """Hand a customer to another owner within the caller's scope; kept in the history."""
        with self.ctx.guard(R, customer_id, Action.ASSIGN), self.ctx.writing() as w:
            customer, _ = self._locate(w, customer_id, Action.ASSIGN)
            owner_id, department_id = self._owner(w, new_owner_id, Action.ASSIGN)
            previous = customer["owner_id"]
            if owner_id != previous:
                w.session.connection().execute(_RECORD_OWNER_CHANGE, {
                    "id": new_id(), "created_at": w.now, "updated_at": w.now, "version": 1,
                    "updated_by": w.actor.user_id, "deleted_at": None,
                    "customer_id": customer_id, "from_owner_id": previous,
                    "to_owner_id": owner_id, "changed_at": w.now, "reason": reason[:200],
                })
                customer = self._save(w, customer, {
                    "previous_owner_id": previous, "owner_id": owner_id,
                    "department_id": department_id})
                # the customer's open reminders go with it, so no one keeps a customer's
                # to-do list after handing the customer on
                moved = w.session.execute(
                    update(Reminder).where(
                        Reminder.customer_id == customer_id, Reminder.owner_id == previous,
                        Reminder.done_at.is_(None), Reminder.deleted_at.is_(None))
                    .values(owner_id=owner_id, version=Reminder.version + 1,
                            updated_at=w.now, updated_by=w.actor.user_id)
                    .execution_options(synchronize_session=False)).rowcount
                audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                             action="customer.assign", entity=R, entity_id=customer_id,
                             detail={"from": previous, "to": owner_id, "reminders": moved})
            return self._record(w, customer, self._sight(w))

    def bulk_create(self, rows: Iterable[Mapping[str, Any]], *, batch_size: int = 5000) -> int:
        """Create many customers (import, demo data) in batches through Core.

        Each batch is one transaction with one audit event carrying its count; every row is
        validated like a single create, and the search index is kept by the same triggers.
        """
        total = 0
        batch: list[Mapping[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= batch_size:
                total += self._insert_batch(batch)
                batch = []
        if batch:
            total += self._insert_batch(batch)
        return total

    # --- internals -----------------------------------------------------------------------------

    def _insert_batch(self, batch: Sequence[Mapping[str, Any]]) -> int:
        with self.ctx.writing() as w:
            w.actor.require(R, Action.CREATE)
            scope = owner_scope(w.session, w.actor, R, Action.CREATE)
            owners = _active_owner_departments(w)
            view = field_view(w.actor, in_list=False, shared_only=False)
            records = []
            for index, data in enumerate(batch):
                try:
                    values, owner_id, given_id = self._checked_row(w, data, view, owners, scope)
                    created_at = _given_creation(data.get("created_at"), w.now)
                except ValidationError as error:
                    # an import names the row to fix as well as the field
                    raise ValidationError(
                        error.field, f"{error.message} (customers, row {index + 1})") from None
                keys = name_keys(values["name"])
                records.append({
                    **_DEFAULTS, **values, "id": given_id or new_id(),
                    "created_at": created_at, "updated_at": w.now, "version": 1,
                    "updated_by": w.actor.user_id, "owner_id": owner_id,
                    "department_id": owners[owner_id], "sort_key": keys.sort_key,
                    "name_pinyin": keys.pinyin, "name_initials": keys.initials,
                })
            w.session.execute(Customer.__table__.insert(), records)
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action="customer.bulk_create", entity=R,
                         detail={"count": len(records)})
            return len(records)

    @staticmethod
    def _checked_row(
        w: Work, data: Mapping[str, Any], view: FieldView, owners: Mapping[str, str | None],
        scope: OwnerScope,
    ) -> tuple[dict[str, Any], str, str | None]:
        """One bulk row's validated fields, owner and given id (a bulk source such as an
        import, the demo or sync may bring the client-made id along)."""
        given_id = data.get("id")
        fields = {k: val for k, val in data.items() if k not in ("id", "created_at")}
        values = validate_customer(fields, today=w.now.date(), partial=False)
        refuse_locked_fields(values, view, creating=True)
        owner_id = data.get("owner_id") or w.actor.user_id
        if owner_id not in owners or not scope.covers(owner_id):
            raise ValidationError("owner_id", f"no active user {owner_id} in your scope")
        return values, owner_id, record_id(given_id) if given_id else None

    def _locate(
        self, w: Work, customer_id: str, action: str
    ) -> tuple[Mapping[str, Any], Sight]:
        """The customer's row if this user may see it, checked for `action` too."""
        row = w.session.connection().execute(_ONE, {"customer_id": customer_id}).first()
        if row is None or row.deleted_at is not None:
            raise OutOfScope  # indistinguishable from out of scope
        customer = row._mapping
        sight = self._sight(w)
        if not sight.sees(customer):
            raise OutOfScope
        if action != Action.READ:
            w.actor.require(R, action)
            in_scope = owner_scope(w.session, w.actor, R, action).covers(customer["owner_id"])
            writable = sight.grants.get(customer_id) == GrantAccess.READ_WRITE
            if not in_scope and not (action == Action.UPDATE and writable):
                raise PermissionDenied(f"{R}.{action}")
        return customer, sight

    def _owner(self, w: Work, owner_id: str, action: str) -> tuple[str, str | None]:
        """(id, department) of an active owner within the caller's scope for `action`."""
        if owner_id == w.actor.user_id:
            department_id = w.actor.department_id  # active and current: the actor was checked
        else:
            found = w.session.connection().execute(_ACTIVE_USER, {"user_id": owner_id}).first()
            if found is None:
                raise ValidationError("owner_id", "no such active user")
            department_id = found.department_id
        if not owner_scope(w.session, w.actor, R, action).covers(owner_id):
            raise ValidationError("owner_id", "this user is outside your scope")
        return owner_id, department_id

    def _save(
        self, w: Work, customer: Mapping[str, Any], changes: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Write these column changes as a new version; returns the row as it now is."""
        touched = {**changes, "version": customer["version"] + 1, "updated_at": w.now,
                   "updated_by": w.actor.user_id}
        w.session.connection().execute(_UPDATE, {**touched, "target_id": customer["id"]})
        return {**customer, **touched}

    def _record(self, w: Work, customer: Mapping[str, Any], sight: Sight) -> CustomerRecord:
        owner_id = customer["owner_id"]
        view = field_view(w.actor, in_list=False, shared_only=sight.shared_only(owner_id))

        def in_scope_for(action: str) -> bool:
            return w.actor.can(R, action) and owner_scope(
                w.session, w.actor, R, action).covers(owner_id)

        can_update = in_scope_for(Action.UPDATE) or (
            w.actor.can(R, Action.UPDATE)
            and sight.grants.get(customer["id"]) == GrantAccess.READ_WRITE)
        return record_view(
            customer, view, can_update=can_update, can_delete=in_scope_for(Action.DELETE),
            can_reveal=in_scope_for(Action.REVEAL), can_assign=in_scope_for(Action.ASSIGN))


_DEFAULTS: dict[str, Any] = {
    "kind": "person", "company": "", "title": "", "phones": [], "emails": [], "address": "",
    "city": "", "region": "", "country": "", "birthday": None, "source": "",
    "referred_by": None, "lifecycle_stage": "suspect", "tier": None, "tags": [], "notes": "",
    "custom_fields": {}, "pool_id": None, "previous_owner_id": None, "claimed_at": None,
    "last_followup_at": None, "deleted_at": None,
}


def _active_owner_departments(w: Work) -> dict[str, str | None]:
    return dict(w.session.execute(
        select(User.id, User.department_id).where(
            User.status == UserStatus.ACTIVE, User.deleted_at.is_(None))
    ).tuples().all())



def _name_keys(name: str) -> dict[str, str]:
    keys = name_keys(name)
    return {"sort_key": keys.sort_key, "name_pinyin": keys.pinyin,
            "name_initials": keys.initials}


def _given_creation(value: Any, now: datetime) -> datetime:
    """When a bulk row's customer was first recorded: as its source says (an import from
    another system, the demo's history), never later than now; now when it says nothing."""
    if value in (None, ""):
        return now
    given = v.aware_moment("created_at", value)
    if given > now:
        raise ValidationError("created_at", "must not be in the future")
    return given
