"""The call log: calls, visits, emails, meetings and messages with a customer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from desktop_crm.domain import validation as v
from desktop_crm.domain.enums import Direction, InteractionKind
from desktop_crm.domain.errors import PermissionDenied, ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import audit
from desktop_crm.services.context import OutOfScope, ServiceContext, Work
from desktop_crm.services.scopes import granted_record_ids, owner_scope
from desktop_crm.storage.models import Customer, Interaction

R = Resource.INTERACTION
FIELDS = ("kind", "direction", "started_at", "duration_seconds", "outcome", "summary", "needs",
          "special_notes", "next_step", "next_step_at")


@dataclass(frozen=True)
class InteractionView:
    id: str
    customer_id: str
    user_id: str | None
    kind: str
    direction: str
    started_at: datetime
    duration_seconds: int
    outcome: str
    summary: str
    needs: str
    special_notes: str
    next_step: str
    next_step_at: datetime | None
    version: int


class InteractionService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def log(self, customer_id: str, data: Mapping[str, Any]) -> InteractionView:
        """Log one contact with a customer the user can see; it counts as a follow-up."""
        with self.ctx.guard(Resource.CUSTOMER, customer_id, "interaction.create"), \
                self.ctx.writing() as w:
            w.actor.require(R, Action.CREATE)
            customer = _visible_customer(w, customer_id)
            values = _validate(data, now=w.now, partial=False)
            item = Interaction(id=new_id(), created_at=w.now, updated_at=w.now, version=1,
                               updated_by=w.actor.user_id, customer_id=customer.id,
                               user_id=w.actor.user_id, **values)
            w.session.add(item)
            if customer.last_followup_at is None or item.started_at > customer.last_followup_at:
                customer.last_followup_at = item.started_at  # derived: no version bump
            w.session.flush()
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action="interaction.create", entity=R, entity_id=item.id,
                         detail={"customer": customer.id, "kind": item.kind})
            return _view(item)

    def for_customer(self, customer_id: str, *, limit: int = 200) -> list[InteractionView]:
        """A customer's contacts, newest first (owners see all of their customers' calls)."""
        with self.ctx.guard(Resource.CUSTOMER, customer_id, "interaction.read"), \
                self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            _visible_customer(w, customer_id)
            rows = w.session.execute(
                select(Interaction).where(Interaction.customer_id == customer_id,
                                          Interaction.deleted_at.is_(None))
                .order_by(Interaction.started_at.desc()).limit(limit)
            ).scalars()
            return [_view(i) for i in rows]

    def update(self, interaction_id: str, changes: Mapping[str, Any]) -> InteractionView:
        with self.ctx.guard(R, interaction_id, Action.UPDATE), self.ctx.writing() as w:
            item = self._locate(w, interaction_id, Action.UPDATE)
            values = _validate(changes, now=w.now, partial=True)
            changed = sorted(k for k, val in values.items() if getattr(item, k) != val)
            for name in changed:
                setattr(item, name, values[name])
            if changed:
                item.version += 1
                item.updated_at, item.updated_by = w.now, w.actor.user_id
                audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                             action="interaction.update", entity=R, entity_id=item.id,
                             detail={"fields": changed})
            return _view(item)

    def delete(self, interaction_id: str) -> None:
        with self.ctx.guard(R, interaction_id, Action.DELETE), self.ctx.writing() as w:
            item = self._locate(w, interaction_id, Action.DELETE)
            item.deleted_at = w.now
            item.version += 1
            item.updated_at, item.updated_by = w.now, w.actor.user_id
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action="interaction.delete", entity=R, entity_id=item.id)

    def _locate(self, w: Work, interaction_id: str, action: str) -> Interaction:
        item = w.session.get(Interaction, interaction_id)
        if item is None or item.deleted_at is not None:
            raise OutOfScope
        own_scope = owner_scope(w.session, w.actor, R, Action.READ)
        if not own_scope.covers(item.user_id):
            _visible_customer(w, item.customer_id)  # a child of a customer they see
        w.actor.require(R, action)
        if not owner_scope(w.session, w.actor, R, action).covers(item.user_id):
            raise PermissionDenied(f"{R}.{action}")
        return item


def _visible_customer(w: Work, customer_id: str) -> Customer:
    customer = w.session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise OutOfScope
    scope = owner_scope(w.session, w.actor, Resource.CUSTOMER, Action.READ)
    if not scope.covers(customer.owner_id) and customer.id not in granted_record_ids(
            w.session, w.actor, Resource.CUSTOMER, w.now):
        raise OutOfScope
    return customer


def _validate(data: Mapping[str, Any], *, now: datetime, partial: bool) -> dict[str, Any]:
    unknown = set(data) - set(FIELDS)
    if unknown:
        raise ValidationError(sorted(unknown)[0], "is not a call-log field")
    out: dict[str, Any] = {}
    if not partial:
        out.update(kind="call", direction="outbound", started_at=now)
    for name, value in data.items():
        match name:
            case "kind":
                out[name] = v.enum_value(name, value, InteractionKind).value
            case "direction":
                out[name] = v.enum_value(name, value, Direction).value
            case "started_at" | "next_step_at":
                out[name] = _moment(name, value, required=name == "started_at")
            case "duration_seconds":
                if not isinstance(value, int) or not 0 <= value <= 24 * 3600:
                    raise ValidationError(name, "must be between 0 seconds and 24 hours")
                out[name] = value
            case "outcome":
                out[name] = v.optional_text(name, value, max_length=100)
            case _:
                out[name] = v.optional_text(name, value, max_length=5000)
    if "started_at" in out and out["started_at"] > now.replace(year=now.year + 1):
        raise ValidationError("started_at", "is more than a year in the future")
    return out


def _moment(field: str, value: Any, *, required: bool) -> datetime | None:
    if value in (None, ""):
        if required:
            raise ValidationError(field, "must not be empty")
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise ValidationError(field, f"“{value}” is not a date and time") from None
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValidationError(field, "must be a date and time with its time zone")
    return value


def _view(i: Interaction) -> InteractionView:
    return InteractionView(
        id=i.id, customer_id=i.customer_id, user_id=i.user_id, kind=i.kind,
        direction=i.direction, started_at=i.started_at, duration_seconds=i.duration_seconds,
        outcome=i.outcome, summary=i.summary, needs=i.needs, special_notes=i.special_notes,
        next_step=i.next_step, next_step_at=i.next_step_at, version=i.version,
    )
