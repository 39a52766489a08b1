"""One customer's history in one list: calls, complaints, survey responses, orders and
contracts, newest first, with when they were last contacted.

Whoever sees the customer sees its history, each kind as far as their roles read it: a role
without complaint read gets no complaints (nor their count). Titles and details are the
records' own data; the GUI words the kinds and labels.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from types import MappingProxyType
from typing import Any, Literal

from sqlalchemy import func, select

from desktop_crm.domain.enums import ComplaintStatus
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.activity_access import display_names, visible_customer
from desktop_crm.services.context import ServiceContext, Work
from desktop_crm.storage.models import (
    Complaint,
    Contract,
    Interaction,
    Order,
    SatisfactionResponse,
)

EntryKind = Literal["interaction", "complaint", "satisfaction", "order", "contract"]
LIMIT_MAX = 2000
OPEN_COMPLAINT = (ComplaintStatus.OPEN.value, ComplaintStatus.IN_PROGRESS.value)
# which comes first among entries at the same moment (newest first, then this order)
_KIND_ORDER: Mapping[str, int] = {"contract": 0, "order": 1, "satisfaction": 2,
                                  "complaint": 3, "interaction": 4}


@dataclass(frozen=True)
class TimelineEntry:
    kind: EntryKind
    id: str
    at: datetime  # aware; a contract's start date at local midnight
    title: str  # the record's text: summary, comment, order description, contract number
    detail: Mapping[str, Any]  # the record's fields that matter (read-only)


@dataclass(frozen=True)
class Timeline:
    entries: list[TimelineEntry]
    last_contact_at: datetime | None  # the latest call, visit... up to now
    days_since_last_contact: int | None  # in local dates, by the service clock
    open_complaints: int  # open or in progress (0 for a role without complaint read)


class TimelineService:
    def __init__(self, ctx: ServiceContext, zone: tzinfo | None = None) -> None:
        """`zone`: where "local" dates are reckoned; None for this computer's zone."""
        self.ctx = ctx
        self._zone = zone

    def for_customer(self, customer_id: str, *, limit: int = 200) -> Timeline:
        """The newest `limit` entries of a customer this user can see."""
        if not 1 <= limit <= LIMIT_MAX:
            raise ValidationError("limit", f"must be between 1 and {LIMIT_MAX}")
        with self.ctx.guard(Resource.CUSTOMER, customer_id, "timeline.read"), \
                self.ctx.reading() as w:
            w.actor.require(Resource.CUSTOMER, Action.READ)
            visible_customer(w, customer_id)
            entries: list[TimelineEntry] = []
            last_contact, open_complaints = None, 0
            if w.actor.can(Resource.INTERACTION, Action.READ):
                entries += self._interactions(w, customer_id, limit)
                last_contact = _last_contact(w, customer_id)
            if w.actor.can(Resource.COMPLAINT, Action.READ):
                entries += self._complaints(w, customer_id, limit)
                open_complaints = _open_complaints(w, customer_id)
            entries += _satisfaction(w, customer_id, limit)
            entries += _orders(w, customer_id, limit)
            entries += self._contracts(w, customer_id, limit)
            entries.sort(key=lambda e: (e.at, _KIND_ORDER[e.kind], e.id), reverse=True)
            days = None
            if last_contact is not None:
                days = (self._local_date(w.now) - self._local_date(last_contact)).days
            return Timeline(entries[:limit], last_contact, days, open_complaints)

    def _interactions(self, w: Work, customer_id: str, limit: int) -> list[TimelineEntry]:
        rows = _newest(w, Interaction, customer_id, Interaction.started_at, limit)
        names = display_names(w, (i.user_id for i in rows))
        return [_entry("interaction", i.id, i.started_at, i.summary, {
            "kind": i.kind, "direction": i.direction, "outcome": i.outcome, "needs": i.needs,
            "special_notes": i.special_notes, "next_step": i.next_step,
            "next_step_at": i.next_step_at, "duration_seconds": i.duration_seconds,
            "user_id": i.user_id, "user_display_name": names.get(i.user_id, ""),
        }) for i in rows]

    def _complaints(self, w: Work, customer_id: str, limit: int) -> list[TimelineEntry]:
        rows = _newest(w, Complaint, customer_id, Complaint.opened_at, limit)
        names = display_names(w, (c.assignee_id for c in rows))
        return [_entry("complaint", c.id, c.opened_at, c.summary, {
            "category": c.category, "severity": c.severity, "status": c.status,
            "channel": c.channel, "assignee_id": c.assignee_id,
            "assignee_display_name": names.get(c.assignee_id, ""),
            "first_response_at": c.first_response_at, "resolved_at": c.resolved_at,
        }) for c in rows]

    def _contracts(self, w: Work, customer_id: str, limit: int) -> list[TimelineEntry]:
        rows = _newest(w, Contract, customer_id, Contract.start_date, limit)
        return [_entry("contract", c.id, self._local_midnight(c.start_date), c.number, {
            "number": c.number, "title": c.title, "start_date": c.start_date,
            "end_date": c.end_date, "amount_minor": c.amount_minor, "currency": c.currency,
            "status": c.status,
        }) for c in rows]

    def _local_date(self, moment: datetime) -> date:
        return (moment.astimezone(self._zone) if self._zone else moment.astimezone()).date()

    def _local_midnight(self, day: date) -> datetime:
        if self._zone is not None:
            return datetime.combine(day, time(), tzinfo=self._zone)
        return datetime.combine(day, time()).astimezone()  # this computer's zone that day


def _satisfaction(w: Work, customer_id: str, limit: int) -> list[TimelineEntry]:
    rows = _newest(w, SatisfactionResponse, customer_id, SatisfactionResponse.responded_at,
                   limit)
    return [_entry("satisfaction", s.id, s.responded_at, s.comment, {
        "survey": s.survey, "channel": s.channel, "csat": s.csat, "nps": s.nps,
    }) for s in rows]


def _orders(w: Work, customer_id: str, limit: int) -> list[TimelineEntry]:
    rows = _newest(w, Order, customer_id, Order.ordered_at, limit)
    return [_entry("order", o.id, o.ordered_at, o.description, {
        "amount_minor": o.amount_minor, "currency": o.currency,
    }) for o in rows]


def _newest(w: Work, model: Any, customer_id: str, at: Any, limit: int) -> list[Any]:
    """A customer's live rows of one kind, newest first (each kind has a customer index)."""
    return list(w.session.execute(
        select(model).where(model.customer_id == customer_id, model.deleted_at.is_(None))
        .order_by(at.desc()).limit(limit)).scalars())


def _last_contact(w: Work, customer_id: str) -> datetime | None:
    """The latest contact that has happened (a call dated ahead is not a contact yet)."""
    return w.session.execute(
        select(func.max(Interaction.started_at)).where(
            Interaction.customer_id == customer_id, Interaction.deleted_at.is_(None),
            Interaction.started_at <= w.now)).scalar()


def _open_complaints(w: Work, customer_id: str) -> int:
    return w.session.execute(
        select(func.count()).select_from(Complaint).where(
            Complaint.customer_id == customer_id, Complaint.deleted_at.is_(None),
            Complaint.status.in_(OPEN_COMPLAINT))).scalar_one()


def _entry(kind: EntryKind, entry_id: str, at: datetime, title: str,
           detail: dict[str, Any]) -> TimelineEntry:
    return TimelineEntry(kind, entry_id, at, title, MappingProxyType(detail))
