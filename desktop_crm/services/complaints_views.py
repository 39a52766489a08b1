"""Complaints as the GUI, the CLI and the to-do hub receive them: plain frozen rows, the
customer's name as the user's list field policy shows it (blank for a customer they do not
see), the assignee's display name, the due times and whether it is overdue."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from desktop_crm.services.activity_access import display_names
from desktop_crm.services.complaints_flow import is_overdue, resolution_due, response_due
from desktop_crm.services.context import Work
from desktop_crm.services.customer_sight import sight_of
from desktop_crm.services.customer_views import field_view, shown
from desktop_crm.services.policies import PolicySet, policy_set
from desktop_crm.storage.models import Complaint, Customer


@dataclass(frozen=True)
class ComplaintView:
    id: str
    customer_id: str
    customer_name: str  # masked or blank as the user's list field policy shows names
    opened_at: datetime
    channel: str
    category: str
    severity: str
    summary: str
    status: str
    assignee_id: str | None
    assignee_name: str
    first_response_at: datetime | None
    response: str
    resolved_at: datetime | None
    resolution: str
    response_due_at: datetime  # a first response is late after this
    resolution_due_at: datetime  # a resolution is late after this
    overdue: bool  # open or in progress and late for either
    version: int


def complaint_views(w: Work, complaints: Sequence[Complaint],
                    policies: PolicySet | None = None) -> list[ComplaintView]:
    """Views of these complaints for the acting user, in the order given."""
    if not complaints:
        return []
    policies = policies or policy_set(w.session)
    names = customer_names(w, {c.customer_id for c in complaints})
    assignees = display_names(w, (c.assignee_id for c in complaints))
    return [ComplaintView(
        id=c.id, customer_id=c.customer_id, customer_name=names.get(c.customer_id, ""),
        opened_at=c.opened_at, channel=c.channel, category=c.category, severity=c.severity,
        summary=c.summary, status=c.status, assignee_id=c.assignee_id,
        assignee_name=assignees.get(c.assignee_id, "") if c.assignee_id else "",
        first_response_at=c.first_response_at, response=c.response,
        resolved_at=c.resolved_at, resolution=c.resolution,
        response_due_at=response_due(c.opened_at, policies),
        resolution_due_at=resolution_due(c.opened_at, policies),
        overdue=is_overdue(c, w.now, policies), version=c.version,
    ) for c in complaints]


def customer_names(w: Work, customer_ids: Iterable[str]) -> dict[str, str]:
    """Customer id -> its name as this user's list view shows it; customers they cannot see
    (an assignee may be handed a complaint about one) are left out: the work, not the name."""
    wanted = list(set(customer_ids))
    if not wanted:
        return {}
    rows = w.session.execute(select(Customer.id, Customer.name, Customer.owner_id).where(
        Customer.id.in_(wanted), Customer.deleted_at.is_(None))).tuples().all()
    sight = sight_of(w)
    own = field_view(w.actor, in_list=True, shared_only=False)
    shared = field_view(w.actor, in_list=True, shared_only=True)
    names = {}
    for customer_id, name, owner_id in rows:
        if not sight.sees({"id": customer_id, "owner_id": owner_id}):
            continue
        view = shared if sight.shared_only(owner_id) else own
        names[customer_id] = shown(view, "name", name) or ""
    return names
