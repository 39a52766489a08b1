"""What a departing employee holds, and handing it all to the receivers, in the caller's
transaction.

Customers move with everything under them (calls, contracts, payment plans, complaints stay
linked to the customer, stages untouched); each move leaves an ownership-history entry that
names the departed owner. Open reminders and open complaints follow their customer's new
owner, or go to the first receiver when they belong to no moving customer. Collaborator
grants and pool memberships of the departed user end; their direct reports report to the
first receiver. Bulk paths go through Core in batches: a salesperson may own 100,000
customers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from desktop_crm.domain.departure_split import CustomerToPlace
from desktop_crm.domain.enums import ComplaintStatus
from desktop_crm.domain.ids import new_id
from desktop_crm.services.scopes import subordinates
from desktop_crm.storage.models import (
    Complaint,
    Contract,
    Customer,
    Department,
    OwnershipChange,
    PaymentPlan,
    PoolMember,
    RecordGrant,
    Reminder,
    User,
)

BATCH = 2000
OPEN_COMPLAINT = (ComplaintStatus.OPEN.value, ComplaintStatus.IN_PROGRESS.value)

_c = Customer.__table__.c
_r = Reminder.__table__.c
_k = Complaint.__table__.c
_g = RecordGrant.__table__.c
_u = User.__table__.c
_pm = PoolMember.__table__.c

_MOVE_CUSTOMER = (
    update(Customer.__table__).where(_c.id == bindparam("cid"))
    .values(owner_id=bindparam("to_owner"), previous_owner_id=bindparam("from_owner"),
            department_id=bindparam("to_department"), updated_at=bindparam("now"),
            updated_by=bindparam("by"), version=_c.version + 1)
)
_RECORD_MOVE = insert(OwnershipChange.__table__)


@dataclass(frozen=True)
class Holdings:
    """What one user holds that must not leave with them."""

    customers: int = 0
    customers_by_tier: Mapping[str, int] = field(default_factory=dict)  # "" = no tier
    customers_by_department: Mapping[str, int] = field(default_factory=dict)  # "" = none
    open_reminders: int = 0
    open_complaints: int = 0
    contracts: int = 0
    payment_plans: int = 0
    collaborator_grants: int = 0
    direct_reports: int = 0

    @property
    def anything(self) -> bool:
        return bool(self.customers or self.open_reminders or self.open_complaints
                    or self.collaborator_grants or self.direct_reports)


@dataclass(frozen=True)
class Moved:
    customers: Mapping[str, int]  # receiver id -> count
    reminders: int
    complaints: int
    grants_ended: int
    direct_reports: int

    def as_detail(self) -> dict[str, Any]:
        return {"customers": dict(self.customers), "reminders": self.reminders,
                "complaints": self.complaints, "grants_ended": self.grants_ended,
                "direct_reports": self.direct_reports}


def _live_customers_of(user_id: str) -> Any:
    return (_c.owner_id == user_id) & _c.deleted_at.is_(None)


def holdings(session: Session, user_id: str) -> Holdings:
    conn = session.connection()
    owned = _live_customers_of(user_id)
    by_tier = {tier or "": n for tier, n in conn.execute(
        select(_c.tier, func.count()).where(owned).group_by(_c.tier))}
    by_department = {dept or "": n for dept, n in conn.execute(
        select(_c.department_id, func.count()).where(owned).group_by(_c.department_id))}
    contract_ids = select(Contract.id).where(
        Contract.customer_id.in_(select(_c.id).where(owned)), Contract.deleted_at.is_(None))
    return Holdings(
        customers=sum(by_tier.values()),
        customers_by_tier=by_tier,
        customers_by_department=by_department,
        open_reminders=_count(conn, _open_reminders(user_id)),
        open_complaints=_count(conn, _open_complaints(user_id)),
        contracts=_count(conn, select(func.count()).select_from(contract_ids.subquery())),
        payment_plans=_count(conn, select(func.count()).select_from(PaymentPlan).where(
            PaymentPlan.contract_id.in_(contract_ids), PaymentPlan.deleted_at.is_(None))),
        collaborator_grants=_count(conn, select(func.count()).select_from(RecordGrant).where(
            _g.grantee_id == user_id, _g.deleted_at.is_(None))),
        direct_reports=_count(conn, select(func.count()).select_from(User).where(
            _u.superior_id == user_id, _u.deleted_at.is_(None), _u.status != "departed")),
    )


def _count(conn: Any, query: Any) -> int:
    return int(conn.execute(query).scalar_one())


def _open_reminders(user_id: str) -> Any:
    return select(func.count()).select_from(Reminder).where(
        _r.owner_id == user_id, _r.done_at.is_(None), _r.deleted_at.is_(None))


def _open_complaints(user_id: str) -> Any:
    return select(func.count()).select_from(Complaint).where(
        _k.assignee_id == user_id, _k.status.in_(OPEN_COMPLAINT), _k.deleted_at.is_(None))


def customers_to_place(session: Session, user_id: str) -> list[CustomerToPlace]:
    """The user's live customers in list order (name), as the split needs them."""
    rows = session.connection().execute(
        select(_c.id, _c.department_id, _c.tier).where(_live_customers_of(user_id))
        .order_by(_c.sort_key, _c.id))
    return [CustomerToPlace(r.id, r.department_id, r.tier) for r in rows]


def department_parents(session: Session) -> dict[str, str | None]:
    return dict(session.execute(
        select(Department.id, Department.parent_id).where(Department.deleted_at.is_(None))
    ).tuples().all())


def hand_over(
    session: Session, *, departed_id: str, plan: Mapping[str, str], first_receiver: str,
    receiver_departments: Mapping[str, str | None], now: datetime, by: str, reason: str,
) -> Moved:
    """Move everything the departed user holds to the receivers the plan names."""
    conn = session.connection()
    per_receiver: dict[str, int] = {}
    for chunk in _chunks(plan.items(), BATCH):
        conn.execute(_MOVE_CUSTOMER, [
            {"cid": cid, "to_owner": to, "from_owner": departed_id,
             "to_department": receiver_departments.get(to), "now": now, "by": by}
            for cid, to in chunk])
        conn.execute(_RECORD_MOVE, [
            {"id": new_id(), "created_at": now, "updated_at": now, "version": 1,
             "updated_by": by, "deleted_at": None, "customer_id": cid,
             "from_owner_id": departed_id, "to_owner_id": to, "changed_at": now,
             "reason": reason[:200]}
            for cid, to in chunk])
        for _, to in chunk:
            per_receiver[to] = per_receiver.get(to, 0) + 1

    def follow_customer(table: Any, owner_column: Any, where: Any) -> int:
        rows = conn.execute(select(table.c.id, table.c.customer_id).where(where)).all()
        for chunk in _chunks(rows, BATCH):
            conn.execute(
                update(table).where(table.c.id == bindparam("rid")).values(
                    {owner_column.key: bindparam("to"), "updated_at": now, "updated_by": by,
                     "version": table.c.version + 1}),
                [{"rid": r.id, "to": plan.get(r.customer_id or "", first_receiver)}
                 for r in chunk])
        return len(rows)

    reminders = follow_customer(
        Reminder.__table__, _r.owner_id,
        (_r.owner_id == departed_id) & _r.done_at.is_(None) & _r.deleted_at.is_(None))
    complaints = follow_customer(
        Complaint.__table__, _k.assignee_id,
        (_k.assignee_id == departed_id) & _k.status.in_(OPEN_COMPLAINT)
        & _k.deleted_at.is_(None))
    grants = conn.execute(
        update(RecordGrant.__table__)
        .where(_g.grantee_id == departed_id, _g.deleted_at.is_(None))
        .values(deleted_at=now, updated_at=now, updated_by=by, version=_g.version + 1)
    ).rowcount
    conn.execute(
        update(PoolMember.__table__).where(_pm.user_id == departed_id, _pm.deleted_at.is_(None))
        .values(deleted_at=now, updated_at=now, updated_by=by, version=_pm.version + 1))
    # Direct reports now report to the first receiver. A first receiver who sat anywhere
    # below the departed user first moves up to the departed user's own superior, or the
    # reporting line would loop (D -> X -> R: X would report to R and R to X).
    departed_superior = conn.execute(select(_u.superior_id).where(_u.id == departed_id)).scalar()
    reports = _count(conn, select(func.count()).select_from(User).where(
        _u.superior_id == departed_id, _u.deleted_at.is_(None)))
    if first_receiver in subordinates(session, departed_id):
        conn.execute(
            update(User.__table__).where(_u.id == first_receiver)
            .values(superior_id=departed_superior, updated_at=now, updated_by=by,
                    version=_u.version + 1))
    conn.execute(
        update(User.__table__)
        .where(_u.superior_id == departed_id, _u.deleted_at.is_(None))
        .values(superior_id=first_receiver, updated_at=now, updated_by=by,
                version=_u.version + 1))
    return Moved(per_receiver, reminders, complaints, grants, reports)


def _chunks(items: Iterable[Any], size: int) -> Iterable[Sequence[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
