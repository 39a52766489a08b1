"""The bulk path for customer activity: calls, reminders, contracts and their payment plans
and receipts, orders, survey responses and complaints (demo data, imports).

Like `CustomerService.bulk_create`: one transaction per batch, every row validated as a single
write would be, the acting user's permission and data scope checked, one audit event per
record kind with its count, Core `executemany` inside. Derived values stay right: a customer's
`last_followup_at` moves to its newest call.

Permissions: calls, reminders and complaints need their own `create` grant; contracts, payment
plans, receipts, orders and survey responses belong to the customer's record and need
`customer.update`. Every customer a row refers to must be in the matching scope.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import Table, bindparam, or_, select

from desktop_crm.domain.enums import UserStatus
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import audit, bulk_rules
from desktop_crm.services.context import ServiceContext, Work
from desktop_crm.services.scopes import OwnerScope, owner_scope
from desktop_crm.storage.models import (
    Complaint,
    Contract,
    Customer,
    Interaction,
    Order,
    PaymentPlan,
    Receipt,
    Reminder,
    SatisfactionResponse,
    User,
)

Row = Mapping[str, Any]
_LOOKUP_CHUNK = 500  # ids per IN (...) lookup, well below SQLite's variable limit


@dataclass
class ActivityBatch:
    """Rows of every activity kind, written together in one transaction."""

    interactions: list[Row] = field(default_factory=list)
    reminders: list[Row] = field(default_factory=list)
    contracts: list[Row] = field(default_factory=list)
    payment_plans: list[Row] = field(default_factory=list)
    receipts: list[Row] = field(default_factory=list)
    orders: list[Row] = field(default_factory=list)
    satisfaction: list[Row] = field(default_factory=list)
    complaints: list[Row] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {f.name: len(getattr(self, f.name)) for f in fields(self)}

    def __len__(self) -> int:
        return sum(self.counts().values())


@dataclass(frozen=True)
class _Kind:
    attr: str  # the ActivityBatch list
    table: Table
    entity: str  # audit entity
    validate: Callable[[Row], dict[str, Any]]
    resource: str
    action: str


# Parents before children: contracts before their payment plans, plans before receipts.
_KINDS = (
    _Kind("interactions", Interaction.__table__, Resource.INTERACTION, bulk_rules.interaction,
          Resource.INTERACTION, Action.CREATE),
    _Kind("reminders", Reminder.__table__, Resource.REMINDER, bulk_rules.reminder,
          Resource.REMINDER, Action.CREATE),
    _Kind("contracts", Contract.__table__, "contract", bulk_rules.contract,
          Resource.CUSTOMER, Action.UPDATE),
    _Kind("payment_plans", PaymentPlan.__table__, "payment_plan", bulk_rules.payment_plan,
          Resource.CUSTOMER, Action.UPDATE),
    _Kind("receipts", Receipt.__table__, "receipt", bulk_rules.receipt,
          Resource.CUSTOMER, Action.UPDATE),
    _Kind("orders", Order.__table__, "order", bulk_rules.order,
          Resource.CUSTOMER, Action.UPDATE),
    _Kind("satisfaction", SatisfactionResponse.__table__, "satisfaction_response",
          bulk_rules.satisfaction, Resource.CUSTOMER, Action.UPDATE),
    _Kind("complaints", Complaint.__table__, Resource.COMPLAINT, bulk_rules.complaint,
          Resource.COMPLAINT, Action.CREATE),
)


class ActivityImport:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def create(self, batch: ActivityBatch) -> dict[str, int]:
        """Write one batch; returns the rows written per kind. Nothing is written on error."""
        with self.ctx.writing() as w:
            checked = {kind.attr: self._validated(w, kind, getattr(batch, kind.attr))
                       for kind in _KINDS}
            _Refs(w, checked).check()
            for kind in _KINDS:
                records = checked[kind.attr]
                if not records:
                    continue
                w.session.execute(kind.table.insert(), records)
                audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                             action=f"{kind.entity}.bulk_create", entity=kind.entity,
                             detail={"count": len(records)})
            _advance_followups(w, checked["interactions"])
            return {attr: len(records) for attr, records in checked.items()}

    def _validated(self, w: Work, kind: _Kind, rows: Iterable[Row]) -> list[dict[str, Any]]:
        records = []
        for index, row in enumerate(rows):
            if not records:  # ask only when there is something to write
                w.actor.require(kind.resource, kind.action)
            try:
                values = kind.validate(row)
            except ValidationError as error:  # an import names the row to fix
                raise ValidationError(
                    error.field, f"{error.message} ({kind.attr}, row {index + 1})") from None
            records.append({
                **values, "id": values["id"] or new_id(), "created_at": w.now,
                "updated_at": w.now, "version": 1, "updated_by": w.actor.user_id,
                "deleted_at": None,
            })
        if kind.attr == "interactions":
            for record in records:
                record["user_id"] = record["user_id"] or w.actor.user_id
        return records


class _Refs:
    """Checks that every record a batch refers to exists and lies in the actor's scope."""

    def __init__(self, w: Work, checked: Mapping[str, list[dict[str, Any]]]) -> None:
        self.w = w
        self.checked = checked
        self._scopes: dict[tuple[str, str], OwnerScope] = {}

    def check(self) -> None:
        by_scope: dict[tuple[str, str], set[str]] = {}
        for kind in _KINDS:
            records = self.checked[kind.attr]
            ids = {r["customer_id"] for r in records if r.get("customer_id")}
            if kind.attr in ("payment_plans", "receipts"):
                ids |= self._contract_customers({r["contract_id"] for r in records})
            by_scope.setdefault((kind.resource, kind.action), set()).update(ids)
        # one lookup for every customer the batch names: most appear under several kinds
        owners = self._live_customer_owners(set().union(*by_scope.values()))
        for (resource, action), customer_ids in by_scope.items():
            self._customers_in_scope(owners, customer_ids, resource, action)
        self._plans_exist()
        self._users_exist()

    def _scope(self, resource: str, action: str) -> OwnerScope:
        key = (resource, action)
        if key not in self._scopes:
            self._scopes[key] = owner_scope(self.w.session, self.w.actor, resource, action)
        return self._scopes[key]

    def _live_customer_owners(self, customer_ids: set[str]) -> dict[str, str]:
        """Customer id -> owner id, for those of `customer_ids` that exist, not deleted."""
        c = Customer.__table__.c
        return dict(_lookup(self.w, select(c.id, c.owner_id).where(c.deleted_at.is_(None)),
                            c.id, customer_ids))

    def _customers_in_scope(self, owners: Mapping[str, str], customer_ids: set[str],
                            resource: str, action: str) -> None:
        if not customer_ids:
            return
        scope = self._scope(resource, action)
        for customer_id in customer_ids:
            if customer_id not in owners or not scope.covers(owners[customer_id]):
                raise ValidationError("customer_id", f"no customer {customer_id} in your scope")

    def _contract_customers(self, contract_ids: set[str]) -> set[str]:
        """The customers of these contracts, from this batch or from the database."""
        in_batch = {r["id"]: r["customer_id"] for r in self.checked["contracts"]}
        result = {in_batch[i] for i in contract_ids if i in in_batch}
        stored = contract_ids - in_batch.keys()
        c = Contract.__table__.c
        found = dict(_lookup(self.w, select(c.id, c.customer_id).where(c.deleted_at.is_(None)),
                             c.id, stored))
        missing = stored - found.keys()
        if missing:
            raise ValidationError("contract_id", f"no contract {sorted(missing)[0]}")
        return result | set(found.values())

    def _plans_exist(self) -> None:
        plans = {r["plan_id"] for r in self.checked["receipts"] if r["plan_id"]}
        plans -= {r["id"] for r in self.checked["payment_plans"]}
        c = PaymentPlan.__table__.c
        found = {row[0] for row in _lookup(self.w, select(c.id), c.id, plans)}
        if plans - found:
            raise ValidationError("plan_id", f"no payment plan {sorted(plans - found)[0]}")

    def _users_exist(self) -> None:
        """Reminder owners must be active users in scope; call makers and assignees exist."""
        owners = {r["owner_id"] for r in self.checked["reminders"]}
        scope = self._scope(Resource.REMINDER, Action.CREATE)
        u = User.__table__.c
        active = {row[0] for row in _lookup(
            self.w, select(u.id).where(u.status == UserStatus.ACTIVE, u.deleted_at.is_(None)),
            u.id, owners)}
        for owner_id in owners:
            if owner_id not in active or not scope.covers(owner_id):
                raise ValidationError("owner_id", f"no active user {owner_id} in your scope")
        others = {r["user_id"] for r in self.checked["interactions"]} | {
            r["assignee_id"] for r in self.checked["complaints"] if r["assignee_id"]}
        known = {row[0] for row in _lookup(self.w, select(u.id), u.id, others)}
        if others - known:
            raise ValidationError("user_id", f"no user {sorted(others - known)[0]}")


def _lookup(w: Work, query: Any, key: Any, ids: Collection[str]) -> list[Any]:
    """Rows of `query` whose `key` is one of `ids`, fetched in chunks."""
    ordered = sorted(ids)
    rows: list[Any] = []
    for start in range(0, len(ordered), _LOOKUP_CHUNK):
        chunk = ordered[start:start + _LOOKUP_CHUNK]
        rows.extend(w.session.execute(query.where(key.in_(chunk))).all())
    return rows


def _advance_followups(w: Work, interactions: list[dict[str, Any]]) -> None:
    """Each customer's last follow-up becomes its newest call, if that is newer (derived:
    no version bump, as for a single call)."""
    newest: dict[str, Any] = {}
    for record in interactions:
        at = record["started_at"]
        if record["customer_id"] not in newest or at > newest[record["customer_id"]]:
            newest[record["customer_id"]] = at
    if not newest:
        return
    c = Customer.__table__.c
    statement = (
        Customer.__table__.update()
        .where(c.id == bindparam("customer"),
               or_(c.last_followup_at.is_(None), c.last_followup_at < bindparam("at")))
        .values(last_followup_at=bindparam("at"))
    )
    w.session.execute(statement, [{"customer": k, "at": v} for k, v in newest.items()])


@contextmanager
def bulk_write_settings(ctx: ServiceContext, *, cache_mib: int, checkpoint_mib: int
                        ) -> Iterator[None]:
    """A bigger page cache and rarer WAL checkpoints on the write lane while a bulk load runs.

    Cache: bulk loads insert into indexes keyed by random values (names, sort keys); once
    those outgrow SQLite's default 2 MiB cache, nearly every row costs page reads (and
    decryption) and the load slows down several times over (measured: 1.3 ms instead of
    0.38 ms per customer at 200,000 customers).
    Checkpoints: by default the WAL is copied into the database file, and the file synced,
    after every commit that leaves the WAL above 4 MiB: after every bulk batch. Rarer
    checkpoints copy a page that many batches change (index pages) once instead of once per
    batch (measured: a quarter of a 200,000-customer demo build went to waiting for the
    disk before). Durability stays: every commit still syncs the WAL, and a checkpoint
    still runs once the WAL reaches `checkpoint_mib`.
    The previous settings come back at the end, also when the load fails.
    """
    previous = _set_write_pragmas(ctx, cache_size=-1024 * int(cache_mib),
                                  wal_autocheckpoint=_pages(ctx, checkpoint_mib))
    try:
        yield
    except BaseException:
        with suppress(Exception):  # the load's own error is the one worth reporting
            _set_write_pragmas(ctx, **previous)
        raise
    _set_write_pragmas(ctx, **previous)


def _pages(ctx: ServiceContext, mib: int) -> int:
    with ctx.writing() as w:
        page_size = w.session.connection().exec_driver_sql("PRAGMA page_size").scalar_one()
        return max(1, int(mib) * 1024 * 1024 // int(page_size))


def _set_write_pragmas(ctx: ServiceContext, **values: int) -> dict[str, int]:
    """Set these numeric PRAGMAs on the write lane's connection; returns their old values."""
    with ctx.writing() as w:
        connection = w.session.connection()
        previous = {}
        for name, value in values.items():
            previous[name] = int(connection.exec_driver_sql(f"PRAGMA {name}").scalar_one())
            connection.exec_driver_sql(f"PRAGMA {name} = {int(value)}")
        return previous
