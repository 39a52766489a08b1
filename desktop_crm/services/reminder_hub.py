"""The to-do hub: the first page a salesperson sees, in buckets.

Each list is capped at BUCKET_MAX entries (the most recent overdue first); the totals say how
many there are in all, so "1,204 overdue" is never shown as 200.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from sqlalchemy import select

from desktop_crm.domain.enums import ComplaintStatus, ReminderKind
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import reminder_calendar as calendar
from desktop_crm.services.complaints_flow import overdue_clause
from desktop_crm.services.context import Work
from desktop_crm.services.customer_sight import sight_of
from desktop_crm.services.customer_views import field_view, shown
from desktop_crm.services.policies import policy_set
from desktop_crm.services.reminder_due import (
    due_entries,
    missed_occurrences,
    overdue_one_offs,
)
from desktop_crm.services.reminder_views import Entry
from desktop_crm.services.scopes import owner_scope, subordinates
from desktop_crm.storage.models import Complaint, Customer
from desktop_crm.storage.types import as_stored

BUCKET_MAX = 200
CONTRACT_DAYS = 30  # contracts ending within a month
INSTALMENT_DAYS = 14  # instalments due within two weeks, and every overdue one
BIRTHDAY_DAYS = 7  # birthdays and holidays of the coming week
WEEK_DAYS = 7
_OPEN_COMPLAINT = (ComplaintStatus.OPEN.value, ComplaintStatus.IN_PROGRESS.value)
_GREETINGS = (ReminderKind.BIRTHDAY.value, ReminderKind.HOLIDAY_GREETING.value)
_MS = timedelta(milliseconds=1)


@dataclass(frozen=True)
class ComplaintItem:
    id: str
    customer_id: str
    customer_name: str
    summary: str
    severity: str
    status: str
    opened_at: datetime
    overdue: bool = False  # late for its first response or its resolution (policies)


@dataclass(frozen=True)
class TodoHub:
    overdue: list[Entry] = field(default_factory=list)
    today: list[Entry] = field(default_factory=list)
    this_week: list[Entry] = field(default_factory=list)
    contracts: list[Entry] = field(default_factory=list)
    instalments: list[Entry] = field(default_factory=list)
    birthdays: list[Entry] = field(default_factory=list)
    team_overdue: list[Entry] = field(default_factory=list)
    complaints: list[ComplaintItem] = field(default_factory=list)
    overdue_total: int = 0
    team_overdue_total: int = 0


def todo_hub(w: Work, zone: tzinfo) -> TodoHub:
    today = w.now.astimezone(zone).date()
    start = _midnight(today, zone)
    overdue, overdue_total = _overdue(w, frozenset({w.actor.user_id}), start, zone)
    me = frozenset({w.actor.user_id})
    team = _team(w)
    team_overdue, team_total = _overdue(w, team, start, zone) if team else ([], 0)
    return TodoHub(
        overdue=overdue, overdue_total=overdue_total,
        today=due_entries(w, _midnight(today + timedelta(days=1), zone) - _MS, start - _MS,
                          zone),
        this_week=due_entries(w, _midnight(today + timedelta(days=WEEK_DAYS + 1), zone) - _MS,
                              _midnight(today + timedelta(days=1), zone) - _MS, zone),
        # the most urgent renewals are the ones whose reminder has already come
        contracts=[e for e in overdue if e.kind == ReminderKind.CONTRACT_EXPIRY.value]
        + _upcoming(w, me, today, CONTRACT_DAYS, {ReminderKind.CONTRACT_EXPIRY.value}, zone),
        instalments=[e for e in overdue if e.kind == ReminderKind.RECEIVABLE.value]
        + _upcoming(w, me, today, INSTALMENT_DAYS, {ReminderKind.RECEIVABLE.value}, zone),
        birthdays=_upcoming(w, me, today, BIRTHDAY_DAYS, set(_GREETINGS), zone),
        team_overdue=team_overdue, team_overdue_total=team_total,
        complaints=_complaints(w))


def _midnight(day: date, zone: tzinfo) -> datetime:
    return as_stored(datetime.combine(day, time(), tzinfo=zone).astimezone(UTC))


def _overdue(w: Work, owners: frozenset[str], before: datetime,
             zone: tzinfo) -> tuple[list[Entry], int]:
    """Overdue at the start of today: the latest BUCKET_MAX one-offs and every repeating
    reminder's missed occurrence, newest first."""
    until = before - _MS
    one_offs, total = overdue_one_offs(w, owners, until, zone, limit=BUCKET_MAX)
    repeating = [e for e in calendar.entries(w, missed_occurrences(w, owners, until, zone))
                 if e.done_at is None and e.alarm(zone) <= until]
    made = calendar.entries(w, one_offs) + repeating
    made = [e for e in made if e.alarm(zone) <= until]
    made.sort(key=lambda e: e.alarm(zone), reverse=True)
    return made[:BUCKET_MAX], total + len(repeating)


def _upcoming(w: Work, owners: frozenset[str], today: date, days: int, kinds: set[str],
              zone: tzinfo) -> list[Entry]:
    found = calendar.find(w, calendar.Days(today, today + timedelta(days=days), zone), owners,
                          kinds=kinds, include_done=False)
    return calendar.in_order(calendar.entries(w, found), zone)[:BUCKET_MAX]


def _team(w: Work) -> frozenset[str]:
    """The user's reports, however deep, whose reminders they may read."""
    below = subordinates(w.session, w.actor.user_id)
    scope = owner_scope(w.session, w.actor, Resource.REMINDER, Action.READ)
    return frozenset(u for u in below if scope.covers(u))


def _complaints(w: Work) -> list[ComplaintItem]:
    """Open complaints assigned to the user: the overdue ones first, each part oldest first."""
    if not w.actor.can(Resource.COMPLAINT, Action.READ):
        return []
    late = overdue_clause(w.now, policy_set(w.session))
    rows = w.session.execute(
        select(Complaint, Customer.name, Customer.owner_id, late)
        .join(Customer, Customer.id == Complaint.customer_id)
        .where(Complaint.assignee_id == w.actor.user_id, Complaint.deleted_at.is_(None),
               Complaint.status.in_(_OPEN_COMPLAINT))
        .order_by(late.desc(), Complaint.opened_at).limit(BUCKET_MAX)).tuples().all()
    if not rows:
        return []
    sight = sight_of(w)
    own = field_view(w.actor, in_list=True, shared_only=False)
    shared = field_view(w.actor, in_list=True, shared_only=True)
    items = []
    for complaint, name, owner, overdue in rows:
        view = shared if sight.shared_only(owner) else own
        # assigned a complaint about a customer they cannot see: the work, not the name
        visible = sight.sees({"id": complaint.customer_id, "owner_id": owner})
        items.append(ComplaintItem(complaint.id, complaint.customer_id,
                                   (shown(view, "name", name) or "") if visible else "",
                                   complaint.summary,
                                   complaint.severity, complaint.status, complaint.opened_at,
                                   bool(overdue)))
    return items
