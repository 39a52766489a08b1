"""The call log: calls, visits, emails, meetings and messages with a customer.

Logging a contact with a next step and its date also creates a follow-up reminder for the
person who logged it, in the same transaction (the reminder's `source` names the call).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from desktop_crm.domain import validation as v
from desktop_crm.domain.enums import Direction, InteractionKind, ReminderKind
from desktop_crm.domain.errors import PermissionDenied, ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import audit
from desktop_crm.services.activity_access import visible_customer
from desktop_crm.services.context import OutOfScope, ServiceContext, Work
from desktop_crm.services.reminders import TITLE_MAX, add_reminder, readable_owners
from desktop_crm.services.scopes import owner_scope
from desktop_crm.storage.models import Interaction, Reminder
from desktop_crm.storage.types import as_stored

R = Resource.INTERACTION
# The fields of the log-a-call dialog, in its order.
FIELDS = ("kind", "direction", "started_at", "duration_seconds", "outcome", "summary", "needs",
          "special_notes", "next_step", "next_step_at")
# A next step picked to the minute for "now" is not in the past yet.
NEXT_STEP_GRACE = timedelta(minutes=1)
NEXT_STEP_HORIZON = timedelta(days=2 * 366)
FOLLOW_UP_SOURCE = "interaction:"  # + the call's id, in the reminder's `source`


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
    reminder_id: str | None = None  # the follow-up this call created, if the user sees it


class InteractionService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def log(self, customer_id: str, data: Mapping[str, Any]) -> InteractionView:
        """Log one contact with a customer the user can see; it counts as a follow-up.

        With `next_step_at` (and the `next_step` it names) a follow-up reminder for the
        acting user is created with it, due then and titled from the next step.
        """
        with self.ctx.guard(Resource.CUSTOMER, customer_id, "interaction.create"), \
                self.ctx.writing() as w:
            w.actor.require(R, Action.CREATE)
            customer = visible_customer(w, customer_id)
            values = _validate(data, now=w.now, partial=False)
            _check_next_step(values, now=w.now)
            if values.get("next_step_at") is not None:
                w.actor.require(Resource.REMINDER, Action.CREATE)
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
            reminder_id = None
            if item.next_step_at is not None:
                reminder_id = add_reminder(
                    w, owner_id=w.actor.user_id, customer_id=customer.id,
                    kind=ReminderKind.FOLLOW_UP.value, title=follow_up_title(item.next_step),
                    due_at=item.next_step_at, all_day=False,
                    source=FOLLOW_UP_SOURCE + item.id).id
            return _view(item, reminder_id)

    def for_customer(self, customer_id: str, *, limit: int = 200) -> list[InteractionView]:
        """A customer's contacts, newest first (owners see all of their customers' calls)."""
        with self.ctx.guard(Resource.CUSTOMER, customer_id, "interaction.read"), \
                self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            visible_customer(w, customer_id)
            rows = list(w.session.execute(
                select(Interaction).where(Interaction.customer_id == customer_id,
                                          Interaction.deleted_at.is_(None))
                .order_by(Interaction.started_at.desc()).limit(limit)
            ).scalars())
            follow_ups = _follow_ups(w, customer_id, [i.id for i in rows])
            return [_view(i, follow_ups.get(i.id)) for i in rows]

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
            return _view(item, _follow_ups(w, item.customer_id, [item.id]).get(item.id))

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
            visible_customer(w, item.customer_id)  # a child of a customer they see
        w.actor.require(R, action)
        if not owner_scope(w.session, w.actor, R, action).covers(item.user_id):
            raise PermissionDenied(f"{R}.{action}")
        return item


def follow_up_title(next_step: str) -> str:
    """A reminder title from the next step: its first line, cut to fit."""
    line = next_step.strip().splitlines()[0].strip() if next_step.strip() else ""
    return line if len(line) <= TITLE_MAX else line[: TITLE_MAX - 1] + "…"


def _check_next_step(values: Mapping[str, Any], *, now: datetime) -> None:
    """A next step with a date becomes a reminder: it needs its words and a future date."""
    due = values.get("next_step_at")
    if due is None:
        return
    if not values.get("next_step"):
        raise ValidationError("next_step", "say what the next step is: it becomes the "
                                           "follow-up reminder's title")
    if due < now - NEXT_STEP_GRACE:
        raise ValidationError("next_step_at", "is in the past: a follow-up needs a date to come")
    if due > now + NEXT_STEP_HORIZON:
        raise ValidationError("next_step_at", "is more than two years ahead")


def _follow_ups(w: Work, customer_id: str, interaction_ids: list[str]) -> dict[str, str]:
    """interaction id -> the follow-up reminder it created, among those this user may read."""
    if not interaction_ids:
        return {}
    query = select(Reminder.source, Reminder.id).where(
        Reminder.customer_id == customer_id, Reminder.deleted_at.is_(None),
        Reminder.source.in_([FOLLOW_UP_SOURCE + i for i in interaction_ids]))
    if w.actor.can(Resource.REMINDER, Action.READ):
        scope = readable_owners(w)
        if not scope.everyone:
            query = query.where(Reminder.owner_id.in_(scope.owner_ids))
    else:
        query = query.where(Reminder.owner_id == w.actor.user_id)
    found = w.session.execute(query.order_by(Reminder.created_at)).all()
    return {source.removeprefix(FOLLOW_UP_SOURCE): reminder_id for source, reminder_id in found}


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
    if value in (None, "") and not required:
        return None
    # UTC, to the millisecond: the view equals the row read back
    return as_stored(v.aware_moment(field, value))


def _view(i: Interaction, reminder_id: str | None = None) -> InteractionView:
    return InteractionView(
        id=i.id, customer_id=i.customer_id, user_id=i.user_id, kind=i.kind,
        direction=i.direction, started_at=i.started_at, duration_seconds=i.duration_seconds,
        outcome=i.outcome, summary=i.summary, needs=i.needs, special_notes=i.special_notes,
        next_step=i.next_step, next_step_at=i.next_step_at, version=i.version,
        reminder_id=reminder_id,
    )
