"""A complaint's life: which step may follow which status, and when it is overdue.

open --respond--> in_progress --resolve--> resolved --close--> closed
resolved or closed --reopen--> in_progress (the first response stays; the resolution goes)
Routing to another assignee is for open and in-progress complaints.

Overdue (policies): no first response within `complaint_response_hours` of opening, or not
resolved within `complaint_resolution_days` of opening. Only open and in-progress
complaints can be overdue.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, and_, or_

from desktop_crm.domain.enums import ComplaintStatus as S
from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.policies import PolicySet
from desktop_crm.storage.models import Complaint

OPEN_STATUSES = (S.OPEN.value, S.IN_PROGRESS.value)

# step -> (the statuses it may start from, the status it leads to)
STEPS: dict[str, tuple[tuple[str, ...], str]] = {
    "respond": ((S.OPEN.value,), S.IN_PROGRESS.value),
    "resolve": ((S.IN_PROGRESS.value,), S.RESOLVED.value),
    "close": ((S.RESOLVED.value,), S.CLOSED.value),
    "reopen": ((S.RESOLVED.value, S.CLOSED.value), S.IN_PROGRESS.value),
    "assign": (OPEN_STATUSES, ""),  # "": the status stays
}
_PAST = {"respond": "responded to", "resolve": "resolved", "close": "closed",
         "reopen": "reopened", "assign": "routed"}
# (step, status it was refused in) -> what to do instead
_HINTS = {
    ("respond", S.IN_PROGRESS.value): "its first response is recorded already",
    ("respond", S.RESOLVED.value): "it is resolved already",
    ("respond", S.CLOSED.value): "it is closed",
    ("resolve", S.OPEN.value): "record its first response first",
    ("resolve", S.RESOLVED.value): "it is resolved already",
    ("resolve", S.CLOSED.value): "it is closed: reopen it first",
    ("close", S.OPEN.value): "resolve it first",
    ("close", S.IN_PROGRESS.value): "resolve it first",
    ("close", S.CLOSED.value): "it is closed already",
    ("reopen", S.OPEN.value): "it is still open",
    ("reopen", S.IN_PROGRESS.value): "it is still open",
    ("assign", S.RESOLVED.value): "it is resolved: reopen it first",
    ("assign", S.CLOSED.value): "it is closed: reopen it first",
}


def next_status(step: str, status: str) -> str:
    """The status `step` leads to from `status`; a ValidationError on "status" when the step
    is not allowed there."""
    starts, leads_to = STEPS[step]
    if status not in starts:
        hint = _HINTS.get((step, status), "not from this status")
        label = status.replace("_", " ")
        raise ValidationError("status", f"a complaint that is {label} cannot be "
                                        f"{_PAST[step]}: {hint}")
    return leads_to or status


def response_due(opened_at: datetime, policies: PolicySet) -> datetime:
    return opened_at + policies.complaint_response_within


def resolution_due(opened_at: datetime, policies: PolicySet) -> datetime:
    return opened_at + policies.complaint_resolution_within


def is_overdue(complaint: Complaint, now: datetime, policies: PolicySet) -> bool:
    if complaint.status not in OPEN_STATUSES:
        return False
    late_response = complaint.first_response_at is None and \
        now > response_due(complaint.opened_at, policies)
    return late_response or now > resolution_due(complaint.opened_at, policies)


def overdue_clause(now: datetime, policies: PolicySet) -> ColumnElement[bool]:
    """The same test in SQL over the complaints table (for sorting the to-do hub)."""
    response_late = and_(Complaint.first_response_at.is_(None),
                         Complaint.opened_at < now - policies.complaint_response_within)
    return and_(Complaint.status.in_(OPEN_STATUSES), or_(
        response_late, Complaint.opened_at < now - policies.complaint_resolution_within))
