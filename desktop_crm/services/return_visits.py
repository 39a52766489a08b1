"""Return visits (回访): a call or visit to ask how things went, some days after a customer's
first purchase and after one of their complaints is resolved (policy days).

A return visit is a reminder of kind return_visit for the customer's owner, all day on its
date, with the source key "return_visit:order:<order id>" or
"return_visit:complaint:<complaint id>". The key is written once: a visit that was completed
or deleted is never scheduled again, and the reminder generator (which schedules the visits
that bulk paths such as the demo and imports left out) reads the same keys.

A visit falls due `days` after the day of its purchase or resolution, in the company's time
zone; one whose day has already passed is due today, and one whose day passed more than
CATCH_UP_DAYS ago is history, not a to-do, and is not scheduled at all.

Completing a visit takes a 5-level satisfaction answer: it is recorded as a CSAT answer
pointing at the visit, and the visit is marked done, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from sqlalchemy import select

from desktop_crm.domain import validation as v
from desktop_crm.domain.enums import Channel, ReminderKind, UserStatus
from desktop_crm.domain.errors import Conflict, PermissionDenied, ValidationError
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import audit
from desktop_crm.services import feedback_values as fv
from desktop_crm.services.context import OutOfScope, ServiceContext, Work
from desktop_crm.services.feedback import (
    COMMENT_MAX,
    RECORD_CHANNELS,
    SatisfactionView,
    add_answer,
    answer_view,
)
from desktop_crm.services.feedback_access import customer_for
from desktop_crm.services.policies import PolicySet, policy_set
from desktop_crm.services.reminder_fields import moment
from desktop_crm.services.reminder_titles import GeneratedWords
from desktop_crm.services.reminder_views import ReminderView
from desktop_crm.services.reminders import add_reminder, readable_owners, reminder_view
from desktop_crm.services.scopes import owner_scope
from desktop_crm.storage.models import Customer, Reminder, User

After = Literal["order", "complaint"]
AFTER_ORDER: After = "order"
AFTER_COMPLAINT: After = "complaint"
SOURCE_PREFIX = "return_visit:"
CATCH_UP_DAYS = 30
SURVEY = "return visit"
R = Resource.REMINDER


def source_key(after: After, record_id: str) -> str:
    return f"{SOURCE_PREFIX}{after}:{record_id}"


def after_days(policies: PolicySet, after: After) -> int:
    if after == AFTER_ORDER:
        return policies.return_visit_after_purchase_days
    return policies.return_visit_after_complaint_days


def visit_day(trigger_day: date, days: int, today: date) -> date | None:
    """The day a visit `days` after `trigger_day` is due as seen on `today` (today when its
    day has passed), or None when it passed more than CATCH_UP_DAYS ago."""
    due = trigger_day + timedelta(days=days)
    if due < today - timedelta(days=CATCH_UP_DAYS):
        return None
    return max(due, today)


def schedule_return_visit(w: Work, customer: Customer, *, after: After, record_id: str,
                          at: datetime, language: str) -> ReminderView | None:
    """Schedule the visit after this purchase or resolution, in the caller's unit of work,
    for the customer's owner. None when there is nothing to schedule: the key was written
    before, the customer has no active owner, or the visit would be history already."""
    words = GeneratedWords(language)  # a wrong language is refused before anything else
    source = source_key(after, record_id)
    if customer.owner_id is None or w.session.execute(
            select(Reminder.id).where(Reminder.source == source).limit(1)).first():
        return None
    active = w.session.execute(select(User.id).where(
        User.id == customer.owner_id, User.status == UserStatus.ACTIVE.value,
        User.deleted_at.is_(None))).first()
    if active is None:
        return None
    policies = policy_set(w.session)
    zone = policies.company_zone
    day = visit_day(at.astimezone(zone).date(), after_days(policies, after),
                    w.now.astimezone(zone).date())
    if day is None:
        return None
    return add_reminder(
        w, owner_id=customer.owner_id, customer_id=customer.id,
        kind=ReminderKind.RETURN_VISIT.value, title=words.return_visit(customer.name, after=after),
        due_at=moment("due_at", day, all_day=True), all_day=True, source=source,
        time_zone=policies.company_time_zone)


@dataclass(frozen=True)
class ReturnVisitDone:
    response: SatisfactionView  # the answer recorded
    reminder: ReminderView  # the visit, done now


class ReturnVisitService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def complete(self, reminder_id: str, answer: int, *, comment: str = "",
                 channel: str | None = None) -> ReturnVisitDone:
        """Complete a return visit with the customer's answer (1 very unhappy .. 5 very
        happy) and an optional comment; `channel` is how the visit was made (default
        "return_visit"). The answer counts as CSAT; both land or neither does."""
        with self.ctx.guard(R, reminder_id, Action.UPDATE), self.ctx.writing() as w:
            item = _locate(w, reminder_id)
            values = {
                "csat": fv.whole("answer", answer, 1, 5),
                "comment": v.optional_text("comment", comment, max_length=COMMENT_MAX),
                "channel": Channel.RETURN_VISIT.value if channel in (None, "")
                else fv.choice("channel", channel, RECORD_CHANNELS),
                "survey": SURVEY, "responded_at": w.now,
            }
            assert item.customer_id is not None  # _locate checked it
            customer = customer_for(w, item.customer_id, Resource.INTERACTION, Action.CREATE)
            response = add_answer(w, customer.id, values, reminder_id=item.id)
            item.done_at = w.now
            item.version += 1
            item.updated_at, item.updated_by = w.now, w.actor.user_id
            w.session.flush()
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action="return_visit.complete", entity=R, entity_id=item.id,
                         detail={"customer": customer.id, "response": response.id,
                                 "csat": values["csat"]})
            return ReturnVisitDone(answer_view(w, response), reminder_view(item))


def _locate(w: Work, reminder_id: str) -> Reminder:
    """An open return visit this user may complete."""
    item = w.session.get(Reminder, reminder_id)
    if item is None or item.deleted_at is not None:
        raise OutOfScope
    if not readable_owners(w).covers(item.owner_id):
        raise OutOfScope
    w.actor.require(R, Action.UPDATE)
    if not owner_scope(w.session, w.actor, R, Action.UPDATE).covers(item.owner_id):
        raise PermissionDenied(f"{R}.{Action.UPDATE}")
    if item.kind != ReminderKind.RETURN_VISIT.value or item.customer_id is None:
        raise ValidationError("reminder_id", "is not a return visit to a customer")
    if item.rrule:
        raise ValidationError("reminder_id", "a repeating reminder is not a return visit")
    if item.done_at is not None:
        raise Conflict("this return visit was completed already")
    return item
