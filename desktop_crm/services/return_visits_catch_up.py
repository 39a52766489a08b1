"""The return visits the bulk paths (demo data, imports) did not schedule, for the reminder
generator to write: after each customer's first live order, and after each resolved
complaint, whose visit is not yet history (return_visits.visit_day).

A customer who has had a return visit after a purchase (open, done or deleted) gets no other
one from here, even when its first order is now another (an earlier one entered later).
Reads are two range queries over the recent orders and complaints of the owners given.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session, aliased

from desktop_crm.domain.enums import ComplaintStatus
from desktop_crm.services.policies import PolicySet
from desktop_crm.services.return_visits import (
    AFTER_COMPLAINT,
    AFTER_ORDER,
    CATCH_UP_DAYS,
    After,
    after_days,
    source_key,
    visit_day,
)
from desktop_crm.storage.models import Complaint, Customer, Order

ORDER_VISIT_PREFIX = source_key(AFTER_ORDER, "")
_RESOLVED = (ComplaintStatus.RESOLVED.value, ComplaintStatus.CLOSED.value)


@dataclass(frozen=True)
class DueVisit:
    source: str
    after: After
    owner_id: str
    customer_id: str
    name: str  # the customer's, for the title
    day: date


def missing_return_visits(session: Session, owners: Collection[str], today: date,
                          policies: PolicySet, visited: Collection[str]) -> Iterator[DueVisit]:
    """The visits due after recent first orders and resolutions of customers owned by
    `owners`, except for customers in `visited` (they had a visit after a purchase).
    Keys already written are the caller's to skip."""
    if not owners:
        return
    zone = policies.company_zone
    owned = and_(Customer.deleted_at.is_(None), Customer.owner_id.in_(list(owners)))

    def since(after: After) -> datetime:
        # a day early: the zone's day may start before UTC's
        first = today - timedelta(days=CATCH_UP_DAYS + after_days(policies, after) + 1)
        return datetime.combine(first, time(), tzinfo=UTC)

    def due(after: After, record_id: str, at: datetime, owner_id: str, customer_id: str,
            name: str) -> DueVisit | None:
        day = visit_day(at.astimezone(zone).date(), after_days(policies, after), today)
        if day is None:
            return None
        return DueVisit(source_key(after, record_id), after, owner_id, customer_id, name, day)

    earlier = aliased(Order)
    first_orders = session.execute(
        select(Order.id, Order.ordered_at, Customer.owner_id, Customer.id, Customer.name)
        .join(Customer, Customer.id == Order.customer_id)
        .where(Order.deleted_at.is_(None), Order.ordered_at >= since(AFTER_ORDER), owned,
               ~exists().where(earlier.customer_id == Order.customer_id,
                               earlier.deleted_at.is_(None),
                               or_(earlier.ordered_at < Order.ordered_at,
                                   and_(earlier.ordered_at == Order.ordered_at,
                                        earlier.id < Order.id))))).tuples()
    for order_id, at, owner_id, customer_id, name in first_orders:
        if customer_id not in visited and (
                found := due(AFTER_ORDER, order_id, at, owner_id, customer_id, name)):
            yield found
    resolved = session.execute(
        select(Complaint.id, Complaint.resolved_at, Customer.owner_id, Customer.id,
               Customer.name)
        .join(Customer, Customer.id == Complaint.customer_id)
        .where(Complaint.deleted_at.is_(None), Complaint.status.in_(_RESOLVED),
               Complaint.resolved_at >= since(AFTER_COMPLAINT), owned)).tuples()
    for complaint_id, at, owner_id, customer_id, name in resolved:
        if found := due(AFTER_COMPLAINT, complaint_id, at, owner_id, customer_id, name):
            yield found
