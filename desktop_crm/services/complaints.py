"""Complaints (问题反馈): opened on a customer's record, routed to whoever handles them, answered
first, then resolved, closed or reopened (complaints_flow holds which step may follow which).

Who may:
- open one: whoever may create complaints for the customer (its owner, their managers,
  customer service, admins);
- read one: whoever sees the customer and may read complaints, and always its assignee;
- handle one (respond, resolve, close, reopen, route): its assignee, or whoever may update
  complaints of the customer's owner (their managers, customer service, admins).
An assignee is the customer's owner (the default) or a user who may update complaints of
that owner. Resolving a complaint schedules a return visit (return_visits).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select

from desktop_crm.domain import validation as v
from desktop_crm.domain.enums import Channel, GrantAccess, Severity
from desktop_crm.domain.errors import (
    AccountRevoked,
    AccountSuspended,
    PermissionDenied,
    ValidationError,
)
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import audit
from desktop_crm.services import feedback_values as fv
from desktop_crm.services.actor import load_actor
from desktop_crm.services.bulk_rules import record_id
from desktop_crm.services.complaints_flow import OPEN_STATUSES, next_status, overdue_clause
from desktop_crm.services.complaints_views import ComplaintView, complaint_views
from desktop_crm.services.context import OutOfScope, ServiceContext, Work
from desktop_crm.services.customer_sight import sight_of
from desktop_crm.services.feedback_access import customer_for, readable_customer
from desktop_crm.services.policies import policy_set
from desktop_crm.services.return_visits import AFTER_COMPLAINT, schedule_return_visit
from desktop_crm.services.scopes import owner_scope
from desktop_crm.storage.models import Complaint, Customer

__all__ = ["ComplaintService", "ComplaintView"]

R = Resource.COMPLAINT
FIELDS = ("channel", "category", "severity", "summary", "assignee_id", "opened_at")
TEXT_MAX, CATEGORY_MAX = 5000, 64
LIST_LIMIT_MAX = 2000


class ComplaintService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reads ---------------------------------------------------------------------------

    def get(self, complaint_id: str) -> ComplaintView:
        with self.ctx.guard(R, complaint_id, Action.READ), self.ctx.reading() as w:
            return complaint_views(w, [_locate(w, complaint_id, handle=False)])[0]

    def for_customer(self, customer_id: str, *, limit: int = 200) -> list[ComplaintView]:
        """A customer's complaints, newest first."""
        _check_limit(limit)
        with self.ctx.guard(Resource.CUSTOMER, customer_id, "complaint.read"), \
                self.ctx.reading() as w:
            readable_customer(w, customer_id, R, Action.READ)
            rows = w.session.execute(
                select(Complaint).where(Complaint.customer_id == customer_id,
                                        Complaint.deleted_at.is_(None))
                .order_by(Complaint.opened_at.desc()).limit(limit)).scalars().all()
            return complaint_views(w, rows)

    def assigned_to_me(self, *, include_done: bool = False,
                       limit: int = 200) -> list[ComplaintView]:
        """Complaints assigned to the user: overdue ones first, then the oldest first; with
        `include_done`, resolved and closed ones follow, newest first."""
        _check_limit(limit)
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            policies = policy_set(w.session)
            mine = select(Complaint).where(Complaint.assignee_id == w.actor.user_id,
                                           Complaint.deleted_at.is_(None))
            late = overdue_clause(w.now, policies)
            rows = list(w.session.execute(
                mine.where(Complaint.status.in_(OPEN_STATUSES))
                .order_by(late.desc(), Complaint.opened_at).limit(limit)).scalars())
            if include_done and len(rows) < limit:
                rows += w.session.execute(
                    mine.where(Complaint.status.not_in(OPEN_STATUSES))
                    .order_by(Complaint.opened_at.desc()).limit(limit - len(rows))).scalars()
            return complaint_views(w, rows, policies)

    # --- writes --------------------------------------------------------------------------

    def open(self, customer_id: str, data: Mapping[str, Any]) -> ComplaintView:
        """Open a complaint: summary (required), channel (default phone), category, severity
        (default medium), opened_at (default now), assignee_id (default the customer's
        owner)."""
        with self.ctx.guard(Resource.CUSTOMER, customer_id, "complaint.create"), \
                self.ctx.writing() as w:
            customer = customer_for(w, customer_id, R, Action.CREATE)
            values = _validate(data, now=w.now)
            assignee = values.pop("assignee_id", None) or customer.owner_id
            if assignee is None:
                raise ValidationError("assignee_id", "this customer has no owner: choose "
                                                     "who handles the complaint")
            _check_assignee(w, assignee, customer)
            item = Complaint(id=new_id(), created_at=w.now, updated_at=w.now, version=1,
                             updated_by=w.actor.user_id, customer_id=customer.id,
                             assignee_id=assignee, status="open", first_response_at=None,
                             resolved_at=None, response="", resolution="",
                             **{"opened_at": w.now, "channel": Channel.PHONE.value,
                                "category": "", "severity": Severity.MEDIUM.value, **values})
            w.session.add(item)
            w.session.flush()
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action="complaint.create", entity=R, entity_id=item.id,
                         detail={"customer": customer.id, "assignee": assignee,
                                 "severity": item.severity})
            return complaint_views(w, [item])[0]

    def assign(self, complaint_id: str, assignee_id: str) -> ComplaintView:
        """Route an open or in-progress complaint to another user."""
        with self.ctx.guard(R, complaint_id, Action.UPDATE), self.ctx.writing() as w:
            item = _locate(w, complaint_id, handle=True)
            next_status("assign", item.status)
            assignee = record_id("assignee_id", assignee_id)
            if assignee != item.assignee_id:
                customer = w.session.get(Customer, item.customer_id)
                assert customer is not None  # _locate found it live
                _check_assignee(w, assignee, customer)
                before, item.assignee_id = item.assignee_id, assignee
                _touch(w, item, "complaint.assign", {"from": before, "to": assignee})
            return complaint_views(w, [item])[0]

    def respond(self, complaint_id: str, text: str, *,
                at: datetime | None = None) -> ComplaintView:
        """Record the first response (what was said, and when: default now); the complaint
        is in progress from then on."""
        with self.ctx.guard(R, complaint_id, Action.UPDATE), self.ctx.writing() as w:
            item = _locate(w, complaint_id, handle=True)
            status = next_status("respond", item.status)
            words = v.required_text("response", text, max_length=TEXT_MAX)
            when = _step_time("at", at, now=w.now, after=item.opened_at,
                              after_what="the complaint was opened")
            item.response, item.first_response_at, item.status = words, when, status
            _touch(w, item, "complaint.respond", {"at": when.isoformat()})
            return complaint_views(w, [item])[0]

    def resolve(self, complaint_id: str, text: str, *, at: datetime | None = None,
                language: str = "en") -> ComplaintView:
        """Record how it was resolved, and when (default now). A return visit for the
        customer's owner is scheduled, titled in `language` ("en" or "zh")."""
        with self.ctx.guard(R, complaint_id, Action.UPDATE), self.ctx.writing() as w:
            item = _locate(w, complaint_id, handle=True)
            status = next_status("resolve", item.status)
            words = v.required_text("resolution", text, max_length=TEXT_MAX)
            assert item.first_response_at is not None  # in progress: responded
            when = _step_time("at", at, now=w.now, after=item.first_response_at,
                              after_what="the first response")
            item.resolution, item.resolved_at, item.status = words, when, status
            _touch(w, item, "complaint.resolve", {"at": when.isoformat()})
            customer = w.session.get(Customer, item.customer_id)
            assert customer is not None  # _locate found it live
            schedule_return_visit(w, customer, after=AFTER_COMPLAINT, record_id=item.id,
                                  at=when, language=language)
            return complaint_views(w, [item])[0]

    def close(self, complaint_id: str) -> ComplaintView:
        """Close a resolved complaint."""
        with self.ctx.guard(R, complaint_id, Action.UPDATE), self.ctx.writing() as w:
            item = _locate(w, complaint_id, handle=True)
            item.status = next_status("close", item.status)
            _touch(w, item, "complaint.close")
            return complaint_views(w, [item])[0]

    def reopen(self, complaint_id: str) -> ComplaintView:
        """Take a resolved or closed complaint up again: in progress, its resolution gone."""
        with self.ctx.guard(R, complaint_id, Action.UPDATE), self.ctx.writing() as w:
            item = _locate(w, complaint_id, handle=True)
            before = item.status
            item.status = next_status("reopen", item.status)
            item.resolved_at, item.resolution = None, ""
            _touch(w, item, "complaint.reopen", {"from": before})
            return complaint_views(w, [item])[0]


def _locate(w: Work, complaint_id: str, *, handle: bool) -> Complaint:
    """The live complaint if the user may read it (or, with `handle`, handle it)."""
    item = w.session.get(Complaint, complaint_id)
    if item is None or item.deleted_at is not None:
        raise OutOfScope
    customer = w.session.get(Customer, item.customer_id)
    if customer is None or customer.deleted_at is not None:
        raise OutOfScope
    sight = sight_of(w)
    sees = sight.sees({"id": customer.id, "owner_id": customer.owner_id})
    mine = item.assignee_id == w.actor.user_id
    if not (mine or sees):
        raise OutOfScope
    w.actor.require(R, Action.READ)
    if not handle or mine:
        return item
    w.actor.require(R, Action.UPDATE)
    if not owner_scope(w.session, w.actor, R, Action.UPDATE).covers(customer.owner_id) \
            and sight.grants.get(customer.id) != GrantAccess.READ_WRITE:
        raise PermissionDenied(f"{R}.{Action.UPDATE}")
    return item


def _check_assignee(w: Work, user_id: str, customer: Customer) -> None:
    """An active user who may handle this customer's complaints: its owner, or someone
    whose roles update complaints of the owner."""
    try:
        assignee = load_actor(w.session, user_id)
    except (AccountRevoked, AccountSuspended):
        raise ValidationError("assignee_id", "no such active user") from None
    if user_id == customer.owner_id:
        return
    if not owner_scope(w.session, assignee, R, Action.UPDATE).covers(customer.owner_id):
        raise ValidationError("assignee_id", "this user may not handle this customer's "
                                             "complaints")


def _validate(data: Mapping[str, Any], *, now: datetime) -> dict[str, Any]:
    fv.only(data, FIELDS, "complaint")
    out: dict[str, Any] = {}
    for name, value in data.items():
        match name:
            case "channel":
                out[name] = v.enum_value(name, value, Channel).value
            case "severity":
                out[name] = v.enum_value(name, value, Severity).value
            case "category":
                out[name] = v.optional_text(name, value, max_length=CATEGORY_MAX)
            case "opened_at":
                out[name] = fv.past_moment(name, value, now=now)
            case "assignee_id":
                out[name] = record_id(name, value) if value not in (None, "") else None
    out["summary"] = v.required_text("summary", data.get("summary"), max_length=TEXT_MAX)
    return out


def _step_time(field: str, value: datetime | None, *, now: datetime, after: datetime,
               after_what: str) -> datetime:
    when = now if value is None else fv.past_moment(field, value, now=now)
    if when < after:
        raise ValidationError(field, f"is before {after_what}")
    return when


def _touch(w: Work, item: Complaint, action: str,
           detail: dict[str, Any] | None = None) -> None:
    item.version += 1
    item.updated_at, item.updated_by = w.now, w.actor.user_id
    w.session.flush()
    audit.record(w.session, at=w.now, actor_id=w.actor.user_id, action=action, entity=R,
                 entity_id=item.id, detail={"customer": item.customer_id, **(detail or {})})


def _check_limit(limit: int) -> None:
    if not 1 <= limit <= LIST_LIMIT_MAX:
        raise ValidationError("limit", f"must be between 1 and {LIST_LIMIT_MAX}")
