"""The customer service: the only door to customer records.

Every method acts as one user: it checks the action against the user's roles, the record
against their data scope and collaborator grants, and shows fields through their field
policies. A record outside the scope is `NotFound` (and the attempt is audited), exactly as a
missing id would be.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

from sqlalchemy import bindparam, insert, select, update

from desktop_crm.domain.enums import GrantAccess, UserStatus
from desktop_crm.domain.errors import Conflict, PermissionDenied, ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.permissions import MASKABLE_CUSTOMER_FIELDS, Action, Resource
from desktop_crm.services import audit, customer_choices
from desktop_crm.services.actor import Actor
from desktop_crm.services.context import OutOfScope, ServiceContext, Work
from desktop_crm.services.customer_fields import record_id, refuse_locked_fields, validate_customer
from desktop_crm.services.customer_filters import (
    CustomerFilter,
    FilterChoices,
    ListView,
    OwnerChoice,
)
from desktop_crm.services.customer_sight import (
    ListSight,
    Sight,
    available_views,
    narrowed,
    sight_of,
)
from desktop_crm.services.customer_views import (
    PAGE_COLUMNS,
    ROW_COLUMNS,
    CustomerRecord,
    CustomerRow,
    FieldView,
    field_view,
    record_view,
    row_builder,
)
from desktop_crm.services.scopes import OwnerScope, owner_scope
from desktop_crm.storage import customer_list
from desktop_crm.storage import search as customer_search
from desktop_crm.storage.models import Customer, OwnershipChange, User
from desktop_crm.storage.names import name_keys
from desktop_crm.storage.stored_values import StoredRow, page_key, stored_decoder

R = Resource.CUSTOMER
Order = Literal["name", "updated"]
SEARCH_TERMS = ("name", "company", "tags", "pinyin", "phones", "emails")

# Statements built once: executing a prepared construct skips rebuilding it on every call.
_customers = Customer.__table__
_c = _customers.c
_LIST_ROWS = select(*(_c[name] for name in ROW_COLUMNS)).where(
    _c.id.in_(bindparam("ids", expanding=True)))
_OWNER = ROW_COLUMNS.index("owner_id")
_STORED_OWNER = 2  # in a stored page row (see stored_values.StoredRow)
_owner_id = stored_decoder("owner_id")
_ONE = select(_customers).where(_c.id == bindparam("customer_id"))
_INSERT = insert(_customers)
_UPDATE = update(_customers).where(_c.id == bindparam("target_id"))
_RECORD_OWNER_CHANGE = insert(OwnershipChange.__table__)
_u = User.__table__.c
_ACTIVE_USER = select(_u.id, _u.department_id).where(
    _u.id == bindparam("user_id"), _u.status == UserStatus.ACTIVE.value, _u.deleted_at.is_(None))


@dataclass(frozen=True)
class CustomerPage:
    rows: list[CustomerRow]
    # pass back as `after` for the next page; None when this was the last page
    next_after: tuple[Any, ...] | None


class CustomerService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reads ---------------------------------------------------------------------------------

    def get(self, customer_id: str) -> CustomerRecord:
        with self.ctx.guard(R, customer_id, Action.READ), self.ctx.reading() as w:
            customer, sight = self._locate(w, customer_id, Action.READ)
            return self._record(w, customer, sight)

    def count(self, *, filters: CustomerFilter | None = None) -> int:
        """How many customers the list shows with these filters."""
        with self.ctx.reading() as w:
            sight = narrowed(w, self._sight(w), filters)
            if sight.nothing:
                return 0
            return customer_list.count_customers(w.session.connection(),
                                                 **sight.storage_args())

    def list_page(
        self, *, order: Order = "name", after: tuple[Any, ...] | None = None,
        limit: int = 200, descending: bool = False, filters: CustomerFilter | None = None,
    ) -> CustomerPage:
        """One page of the sorted list, continuing after the key the previous page returned
        (pass the same filters for every page of one list)."""
        return self._page(partial(customer_list.page_rows, order=order, after=after,
                                  limit=limit, descending=descending), order, limit, filters)

    def page_at(
        self, position: int, *, order: Order = "name", limit: int = 200,
        descending: bool = False, filters: CustomerFilter | None = None,
    ) -> CustomerPage:
        """The page that starts at this position of the sorted list (for scroll-bar jumps)."""
        return self._page(partial(customer_list.rows_at_position, order=order,
                                  position=position, limit=limit, descending=descending),
                          order, limit, filters)

    def available_views(self) -> list[ListView]:
        """The list views worth offering this user (see customer_sight.available_views)."""
        with self.ctx.reading() as w:
            return available_views(w.session, w.actor, self._sight(w).scope)

    def filter_choices(self) -> FilterChoices:
        """Owners, departments, cities, tags, stages and tiers a filter bar offers."""
        with self.ctx.reading() as w:
            return customer_choices.filter_choices(w, self._sight(w))

    def assignable_owners(self) -> list[OwnerChoice]:
        """Active users this user may hand a customer to with `assign`."""
        with self.ctx.reading() as w:
            return customer_choices.assignable_owners(w)

    def _page(
        self, read: Callable[..., list[StoredRow]], order: Order, limit: int,
        filters: CustomerFilter | None,
    ) -> CustomerPage:
        """A page of rows from one of customer_list's readers, within this user's sight."""
        with self.ctx.reading() as w:
            sight = narrowed(w, self._sight(w), filters)
            if sight.nothing:
                return CustomerPage([], None)
            stored = read(w.session.connection(), columns=PAGE_COLUMNS, **sight.storage_args())
            rows = self._page_rows(w, sight, stored)
            return CustomerPage(
                rows, page_key(order, stored[-1]) if len(stored) == limit else None)

    def search(
        self, query: str, *, limit: int = 50, filters: CustomerFilter | None = None
    ) -> list[CustomerRow]:
        """Customers matching a name, company, tag, pinyin, phone or email fragment.

        A field the user may not read unmasked on a record is not searchable on that record,
        so a phone fragment never confirms masked digits.
        """
        query = query.strip()
        if not query:
            return []
        with self.ctx.reading() as w:
            sight = narrowed(w, self._sight(w), filters)
            if sight.nothing:
                return []
            conn = w.session.connection()
            ids: list[str] = []
            if sight.owner_ids is None or sight.owner_ids:
                ids = customer_search.search_customer_ids(
                    conn, query, limit=limit, owner_ids=sight.owner_ids, where=sight.where,
                    searchable_columns=self._searchable(w.actor, shared_only=False),
                )
            shared = [i for i in sight.extra_ids if i not in ids]
            if shared and len(ids) < limit and sight.owner_ids is not None:
                ids += customer_search.search_customer_ids(
                    conn, query, limit=limit - len(ids), owner_ids=frozenset(),
                    extra_ids=shared, extra_owner_ids=sight.extra_owner_ids,
                    where=sight.where,
                    searchable_columns=self._searchable(w.actor, shared_only=True),
                )
            return self._rows(w, sight, ids)

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
            burst, window = audit.REVEAL_BURST
            recent = audit.count_recent(w.session, actor_id=w.actor.user_id,
                                        action="customer.reveal", since=w.now - window)
            if recent == burst:
                audit.raise_alert(
                    w.session, at=w.now, kind="reveal_burst", audit_seq=seq,
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
                audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                             action="customer.assign", entity=R, entity_id=customer_id,
                             detail={"from": previous, "to": owner_id})
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
                except ValidationError as error:
                    # an import names the row to fix as well as the field
                    raise ValidationError(
                        error.field, f"{error.message} (customers, row {index + 1})") from None
                keys = name_keys(values["name"])
                records.append({
                    **_DEFAULTS, **values, "id": given_id or new_id(),
                    "created_at": w.now, "updated_at": w.now, "version": 1,
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
        fields = {k: val for k, val in data.items() if k != "id"}
        values = validate_customer(fields, today=w.now.date(), partial=False)
        refuse_locked_fields(values, view, creating=True)
        owner_id = data.get("owner_id") or w.actor.user_id
        if owner_id not in owners or not scope.covers(owner_id):
            raise ValidationError("owner_id", f"no active user {owner_id} in your scope")
        return values, owner_id, record_id(given_id) if given_id else None

    def _sight(self, w: Work, action: str = Action.READ) -> Sight:
        return sight_of(w, action)

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

    def _searchable(self, actor: Actor, *, shared_only: bool) -> set[str]:
        key = ("searchable", shared_only)
        columns = actor.memo.get(key)
        if columns is None:
            view = field_view(actor, in_list=False, shared_only=shared_only)
            blocked = view.hidden | view.masked
            columns = {t for t in SEARCH_TERMS if t not in blocked}
            if "name" in blocked:
                columns.discard("pinyin")
            actor.memo[key] = columns
        return set(columns)

    def _rows(self, w: Work, sight: ListSight, ids: Sequence[str]) -> list[CustomerRow]:
        """List rows for these ids, in this order, as this user may see them."""
        if not ids:
            return []
        found = {r[0]: r for r in w.session.connection().execute(_LIST_ROWS, {"ids": ids}).all()}
        return self._built(w, sight, [(i, found.get(i)) for i in ids])

    def _page_rows(
        self, w: Work, sight: ListSight, stored: Sequence[StoredRow]
    ) -> list[CustomerRow]:
        """List rows from a page's stored rows, each masked as the user's own record or as
        one only shared with them."""
        rows = row_builder(w.actor, shared_only=False).build_stored(stored)
        if sight.scope.everyone or not sight.extra_ids:
            return rows  # every row is within the scope
        shared = row_builder(w.actor, shared_only=True)
        covers = sight.scope.covers
        for i, row in enumerate(stored):
            if not covers(_owner_id(row[_STORED_OWNER])):  # shared only: masked further
                rows[i] = shared.build_stored((row,))[0]
        return rows

    def _built(
        self, w: Work, sight: ListSight, cells: Sequence[tuple[str, Sequence[Any] | None]]
    ) -> list[CustomerRow]:
        own, shared = (row_builder(w.actor, shared_only=False),
                       row_builder(w.actor, shared_only=True))
        covers = sight.scope.covers
        return [(own if covers(row[_OWNER]) else shared).build(row, customer_id)
                for customer_id, row in cells if row is not None]

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
