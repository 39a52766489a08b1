"""Reminders: follow-ups, visits, renewals and the rest of a user's to-do list.

A reminder belongs to its owner; others see it as far as their reminder read scope reaches
(a manager sees their team's). A reminder may point at a customer the creator can see.

Times are stored in UTC. An all-day reminder keeps its calendar date as 00:00 UTC of that
date, so the date stays the same wherever it is shown: read it as `due_at.date()`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import literal_column, select

from desktop_crm.domain import validation as v
from desktop_crm.domain.enums import ReminderKind, UserStatus
from desktop_crm.domain.errors import PermissionDenied, ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import audit
from desktop_crm.services.activity_access import visible_customer
from desktop_crm.services.context import OutOfScope, ServiceContext, Work
from desktop_crm.services.scopes import OwnerScope, owner_scope
from desktop_crm.storage.models import Reminder, User
from desktop_crm.storage.types import as_stored

R = Resource.REMINDER
FIELDS = ("kind", "title", "due_at", "all_day", "customer_id", "owner_id")
TITLE_MAX = 200
LIST_LIMIT_MAX = 5000
_EARLIEST_YEAR, _LATEST_YEAR = 1900, 2200
_ROWID = literal_column("reminders.rowid")


@dataclass(frozen=True)
class ReminderView:
    id: str
    owner_id: str
    customer_id: str | None
    kind: str
    title: str
    due_at: datetime  # UTC; for an all-day reminder 00:00 UTC of its date
    all_day: bool
    done_at: datetime | None
    version: int


class ReminderService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def create(self, data: Mapping[str, Any]) -> ReminderView:
        """A reminder for the acting user, or for `owner_id` when their scope allows it.

        `data`: kind (ReminderKind, default follow_up), title, due_at (an aware datetime; for
        all_day a date or a datetime whose own date is kept), all_day, customer_id, owner_id.
        """
        customer_id = data.get("customer_id") or None
        with self.ctx.guard(Resource.CUSTOMER, str(customer_id or ""), "reminder.create"), \
                self.ctx.writing() as w:
            w.actor.require(R, Action.CREATE)
            values = validate_reminder(data)
            owner_id = _owner(w, data.get("owner_id") or w.actor.user_id)
            if customer_id is not None:
                customer_id = visible_customer(w, str(customer_id)).id
            return add_reminder(w, owner_id=owner_id, customer_id=customer_id, **values)

    def list(
        self, *, due_from: datetime | None = None, due_until: datetime | None = None,
        include_done: bool = False, customer_id: str | None = None, limit: int = 500,
    ) -> list[ReminderView]:
        """The user's own reminders and those their reminder read scope covers, by due time.

        `due_from` is inclusive, `due_until` exclusive; done ones only with `include_done`.
        """
        due_from = _optional_moment("due_from", due_from)
        due_until = _optional_moment("due_until", due_until)
        if not 1 <= limit <= LIST_LIMIT_MAX:
            raise ValidationError("limit", f"must be between 1 and {LIST_LIMIT_MAX}")
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            query = select(Reminder).where(Reminder.deleted_at.is_(None))
            scope = readable_owners(w)
            if not scope.everyone:
                query = query.where(Reminder.owner_id.in_(scope.owner_ids))
            if due_from is not None:
                query = query.where(Reminder.due_at >= due_from)
            if due_until is not None:
                query = query.where(Reminder.due_at < due_until)
            if not include_done:
                query = query.where(Reminder.done_at.is_(None))
            if customer_id is not None:
                query = query.where(Reminder.customer_id == customer_id)
            # rowid breaks ties: one owner's reminders then come straight from their index
            found = w.session.execute(
                query.order_by(Reminder.due_at, _ROWID).limit(limit)).scalars()
            return [reminder_view(r) for r in found]

    def complete(self, reminder_id: str) -> ReminderView:
        """Mark a reminder done (done already: returned as it is, nothing written)."""
        with self.ctx.guard(R, reminder_id, Action.UPDATE), self.ctx.writing() as w:
            item = _locate(w, reminder_id, Action.UPDATE)
            if item.done_at is None:
                item.done_at = w.now
                item.version += 1
                item.updated_at, item.updated_by = w.now, w.actor.user_id
                audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                             action="reminder.complete", entity=R, entity_id=item.id)
            return reminder_view(item)


def add_reminder(
    w: Work, *, owner_id: str, customer_id: str | None, kind: str, title: str,
    due_at: datetime, all_day: bool, source: str = "",
) -> ReminderView:
    """Write one validated reminder and its audit event in the caller's unit of work."""
    item = Reminder(id=new_id(), created_at=w.now, updated_at=w.now, version=1,
                    updated_by=w.actor.user_id, owner_id=owner_id, customer_id=customer_id,
                    kind=kind, title=title, due_at=due_at, all_day=all_day, source=source)
    w.session.add(item)
    w.session.flush()
    detail: dict[str, Any] = {"kind": kind, "owner": owner_id}
    if customer_id is not None:
        detail["customer"] = customer_id
    if source:
        detail["source"] = source
    audit.record(w.session, at=w.now, actor_id=w.actor.user_id, action="reminder.create",
                 entity=R, entity_id=item.id, detail=detail)
    return reminder_view(item)


def validate_reminder(data: Mapping[str, Any]) -> dict[str, Any]:
    """kind, title, due_at and all_day as stored; raises ValidationError naming the field."""
    unknown = set(data) - set(FIELDS)
    if unknown:
        raise ValidationError(sorted(unknown)[0], "is not a reminder field")
    all_day = data.get("all_day", False)
    if not isinstance(all_day, bool):
        raise ValidationError("all_day", "must be true or false")
    return {
        "kind": v.enum_value("kind", data.get("kind") or ReminderKind.FOLLOW_UP,
                             ReminderKind).value,
        "title": v.required_text("title", data.get("title"), max_length=TITLE_MAX),
        "due_at": due_moment(data.get("due_at"), all_day=all_day),
        "all_day": all_day,
    }


def due_moment(value: Any, *, all_day: bool) -> datetime:
    """When a reminder is due, in UTC; an all-day one at 00:00 UTC of its date."""
    if value in (None, ""):
        raise ValidationError("due_at", "must not be empty")
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value) if all_day and len(value) == 10 \
                else datetime.fromisoformat(value)
        except ValueError:
            raise ValidationError("due_at", f"“{value}” is not a date and time") from None
    if all_day and isinstance(value, date):
        day = value if not isinstance(value, datetime) else value.date()  # its own date
        moment = datetime.combine(day, time(), tzinfo=UTC)
    elif isinstance(value, datetime) and value.tzinfo is not None:
        moment = value.astimezone(UTC)
    else:
        raise ValidationError("due_at", "must be a date and time with its time zone")
    if not _EARLIEST_YEAR <= moment.year <= _LATEST_YEAR:
        raise ValidationError("due_at", f"must fall between {_EARLIEST_YEAR} and {_LATEST_YEAR}")
    return as_stored(moment)


def reminder_view(r: Reminder) -> ReminderView:
    return ReminderView(id=r.id, owner_id=r.owner_id, customer_id=r.customer_id, kind=r.kind,
                        title=r.title, due_at=r.due_at, all_day=r.all_day, done_at=r.done_at,
                        version=r.version)


def readable_owners(w: Work) -> OwnerScope:
    """Whose reminders this user reads: their read scope, and always their own."""
    scope = owner_scope(w.session, w.actor, R, Action.READ)
    if scope.everyone or w.actor.user_id in scope.owner_ids:
        return scope
    return OwnerScope(False, scope.owner_ids | {w.actor.user_id})


def _locate(w: Work, reminder_id: str, action: str) -> Reminder:
    item = w.session.get(Reminder, reminder_id)
    if item is None or item.deleted_at is not None:
        raise OutOfScope
    if not readable_owners(w).covers(item.owner_id):
        raise OutOfScope
    w.actor.require(R, action)
    if not owner_scope(w.session, w.actor, R, action).covers(item.owner_id):
        raise PermissionDenied(f"{R}.{action}")
    return item


def _owner(w: Work, owner_id: str) -> str:
    """An active user the acting user may create reminders for."""
    if owner_id == w.actor.user_id:
        return owner_id
    active = w.session.execute(
        select(User.id).where(User.id == owner_id, User.status == UserStatus.ACTIVE.value,
                              User.deleted_at.is_(None))).scalar()
    if active is None:
        raise ValidationError("owner_id", "no such active user")
    if not owner_scope(w.session, w.actor, R, Action.CREATE).covers(owner_id):
        raise ValidationError("owner_id", "this user is outside your scope")
    return owner_id


def _optional_moment(field: str, value: datetime | None) -> datetime | None:
    if value is not None and (not isinstance(value, datetime) or value.tzinfo is None):
        raise ValidationError(field, "must be a date and time with its time zone")
    return value
