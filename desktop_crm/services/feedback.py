"""Satisfaction answers (CSAT 1-5 and/or NPS 0-10) recorded on a customer's record, or right
after logging a call with them.

Whoever may log calls for the customer may record, change and delete its answers (its owner,
their managers, customer service, admins); whoever sees the customer reads them. An answer
given on a return visit is recorded by ReturnVisitService when the visit is completed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from desktop_crm.domain import validation as v
from desktop_crm.domain.enums import Channel
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import audit
from desktop_crm.services import feedback_values as fv
from desktop_crm.services.activity_access import display_names
from desktop_crm.services.bulk_rules import record_id
from desktop_crm.services.context import OutOfScope, ServiceContext, Work
from desktop_crm.services.feedback_access import customer_for, readable_customer
from desktop_crm.storage.models import Interaction, SatisfactionResponse

ENTITY = "satisfaction_response"
FIELDS = ("csat", "nps", "comment", "channel", "survey", "responded_at", "interaction_id")
# Where an answer recorded by hand came in; "return_visit" is the return visit's own.
RECORD_CHANNELS = tuple(c.value for c in Channel if c is not Channel.RETURN_VISIT)
ALL_CHANNELS = tuple(c.value for c in Channel)
COMMENT_MAX, SURVEY_MAX = 2000, 100
LIST_LIMIT_MAX = 2000
# who may record, change and delete answers: those who may log the customer's calls
_WRITE = (Resource.INTERACTION, Action.CREATE)


@dataclass(frozen=True)
class SatisfactionView:
    id: str
    customer_id: str
    responded_at: datetime
    channel: str
    csat: int | None
    nps: int | None
    comment: str
    survey: str
    interaction_id: str | None  # the call it followed
    reminder_id: str | None  # the return visit it completed
    user_id: str | None  # who recorded it
    user_display_name: str
    version: int


class FeedbackService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def record(self, customer_id: str, data: Mapping[str, Any]) -> SatisfactionView:
        """Record one answer: csat and/or nps (at least one), comment, channel (one of
        RECORD_CHANNELS, default phone), survey, responded_at (default now), interaction_id
        (a call with this customer it followed)."""
        with self.ctx.guard(Resource.CUSTOMER, customer_id, "satisfaction.create"), \
                self.ctx.writing() as w:
            customer = customer_for(w, customer_id, *_WRITE)
            values = validate_answer(data, now=w.now, channels=RECORD_CHANNELS)
            values.setdefault("responded_at", w.now)
            _check_call(w, customer.id, values.get("interaction_id"))
            item = add_answer(w, customer.id, values)
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action=f"{ENTITY}.create", entity=ENTITY, entity_id=item.id,
                         detail={"customer": customer.id, "fields": sorted(values)})
            return answer_view(w, item)

    def for_customer(self, customer_id: str, *, limit: int = 200) -> list[SatisfactionView]:
        """A customer's answers, newest first."""
        if not 1 <= limit <= LIST_LIMIT_MAX:
            raise ValidationError("limit", f"must be between 1 and {LIST_LIMIT_MAX}")
        with self.ctx.guard(Resource.CUSTOMER, customer_id, "satisfaction.read"), \
                self.ctx.reading() as w:
            readable_customer(w, customer_id, Resource.CUSTOMER, Action.READ)
            rows = list(w.session.execute(
                select(SatisfactionResponse)
                .where(SatisfactionResponse.customer_id == customer_id,
                       SatisfactionResponse.deleted_at.is_(None))
                .order_by(SatisfactionResponse.responded_at.desc(),
                          SatisfactionResponse.created_at.desc())
                .limit(limit)).scalars())
            names = display_names(w, (r.user_id for r in rows))
            return [answer_view(w, r, names) for r in rows]

    def update(self, response_id: str, changes: Mapping[str, Any]) -> SatisfactionView:
        """Change some fields (those of `record`); the answer keeps at least one score."""
        with self.ctx.guard(ENTITY, response_id, Action.UPDATE), self.ctx.writing() as w:
            item = _locate(w, response_id)
            channels = ALL_CHANNELS if item.reminder_id else RECORD_CHANNELS
            values = validate_answer(changes, now=w.now, channels=channels, partial=True)
            if "interaction_id" in values:
                _check_call(w, item.customer_id, values["interaction_id"])
            changed = sorted(k for k, val in values.items() if getattr(item, k) != val)
            for name in changed:
                setattr(item, name, values[name])
            if item.csat is None and item.nps is None:
                raise ValidationError("csat", "give a CSAT or an NPS score")
            if changed:
                item.version += 1
                item.updated_at, item.updated_by = w.now, w.actor.user_id
                w.session.flush()
                audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                             action=f"{ENTITY}.update", entity=ENTITY, entity_id=item.id,
                             detail={"customer": item.customer_id, "fields": changed})
            return answer_view(w, item)

    def delete(self, response_id: str) -> None:
        with self.ctx.guard(ENTITY, response_id, Action.DELETE), self.ctx.writing() as w:
            item = _locate(w, response_id)
            item.deleted_at = w.now
            item.version += 1
            item.updated_at, item.updated_by = w.now, w.actor.user_id
            w.session.flush()
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action=f"{ENTITY}.delete", entity=ENTITY, entity_id=item.id,
                         detail={"customer": item.customer_id})


def validate_answer(data: Mapping[str, Any], *, now: datetime, channels: tuple[str, ...],
                    partial: bool = False) -> dict[str, Any]:
    """The fields of an answer as stored; a new one needs a CSAT or an NPS score."""
    fv.only(data, FIELDS, "survey answer")
    out: dict[str, Any] = {} if partial else {"channel": Channel.PHONE.value}
    for name, value in data.items():
        match name:
            case "csat":
                out[name] = fv.optional_whole(name, value, 1, 5)
            case "nps":
                out[name] = fv.optional_whole(name, value, 0, 10)
            case "comment":
                out[name] = v.optional_text(name, value, max_length=COMMENT_MAX)
            case "survey":
                out[name] = v.optional_text(name, value, max_length=SURVEY_MAX)
            case "channel":
                out[name] = fv.choice(name, value, channels)
            case "responded_at":
                out[name] = fv.past_moment(name, value, now=now)
            case "interaction_id":
                out[name] = record_id(name, value) if value not in (None, "") else None
    if not partial and out.get("csat") is None and out.get("nps") is None:
        raise ValidationError("csat", "give a CSAT or an NPS score")
    return out


def add_answer(w: Work, customer_id: str, values: Mapping[str, Any], *,
               reminder_id: str | None = None) -> SatisfactionResponse:
    """Write one checked answer in the caller's unit of work (its audit event is theirs)."""
    item = SatisfactionResponse(
        id=new_id(), created_at=w.now, updated_at=w.now, version=1,
        updated_by=w.actor.user_id, customer_id=customer_id, user_id=w.actor.user_id,
        reminder_id=reminder_id, **{"comment": "", "survey": "", **values})
    w.session.add(item)
    w.session.flush()
    return item


def _check_call(w: Work, customer_id: str, interaction_id: str | None) -> None:
    """The call an answer followed must be a live call with the same customer."""
    if interaction_id is None:
        return
    call = w.session.get(Interaction, interaction_id)
    if call is None or call.deleted_at is not None or call.customer_id != customer_id:
        raise ValidationError("interaction_id", "is not a call with this customer")


def _locate(w: Work, response_id: str) -> SatisfactionResponse:
    item = w.session.get(SatisfactionResponse, response_id)
    if item is None or item.deleted_at is not None:
        raise OutOfScope
    customer_for(w, item.customer_id, *_WRITE)
    return item


def answer_view(w: Work, r: SatisfactionResponse, names: Mapping[str, str] | None = None
          ) -> SatisfactionView:
    if names is None:
        names = display_names(w, [r.user_id])
    return SatisfactionView(
        id=r.id, customer_id=r.customer_id, responded_at=r.responded_at, channel=r.channel,
        csat=r.csat, nps=r.nps, comment=r.comment, survey=r.survey,
        interaction_id=r.interaction_id, reminder_id=r.reminder_id, user_id=r.user_id,
        user_display_name=names.get(r.user_id, "") if r.user_id else "", version=r.version)
