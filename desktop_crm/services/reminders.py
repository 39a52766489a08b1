"""Reminders: follow-ups, visits, renewals and the rest of a user's to-do list.

A reminder belongs to its owner; others see it as far as their reminder read scope reaches
(a manager sees their team's). A reminder may point at a customer the creator can see. A
repeating reminder (an RFC 5545 RRULE) may have single occurrences completed, snoozed, moved
or skipped; those are reminder_overrides, named by the occurrence's original start.

Times are stored in UTC. An all-day reminder keeps its calendar date as 00:00 UTC of that
date, so the date stays the same wherever it is shown: read it as `due_at.date()`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import literal_column, select

from desktop_crm.domain.enums import UserStatus
from desktop_crm.domain.errors import Conflict, PermissionDenied, ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.local_zone import local_zone, local_zone_name
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.domain.recurrence import (
    Recurrence,
    key_text,
    occurrences,
    parse_key,
    parse_rrule,
)
from desktop_crm.services import audit
from desktop_crm.services import reminder_calendar as calendar
from desktop_crm.services import reminder_series as series
from desktop_crm.services.activity_access import visible_customer
from desktop_crm.services.context import OutOfScope, ServiceContext, Work
from desktop_crm.services.reminder_due import due_entries
from desktop_crm.services.reminder_fields import TITLE_MAX, moment, validate_reminder
from desktop_crm.services.reminder_hub import TodoHub, todo_hub
from desktop_crm.services.reminder_views import Entry, ReminderView
from desktop_crm.services.scopes import OwnerScope, owner_scope
from desktop_crm.storage.models import Reminder, ReminderOverride, User
from desktop_crm.storage.types import as_stored

__all__ = ["TITLE_MAX", "ReminderService", "ReminderView", "add_reminder",
           "forget_occurrence_changes", "readable_owners", "touch_reminder"]

R = Resource.REMINDER
LIST_LIMIT_MAX = 5000
WINDOW_DAYS_MAX = 400  # a year's agenda and then some; more is a report, not a view
SAME_RULE_SPAN = timedelta(days=731)
_ROWID = literal_column("reminders.rowid")
# changing any of these re-bases a repeating reminder: its occurrence changes no longer apply
_RULE_FIELDS = ("due_at", "all_day", "rrule", "time_zone")


class ReminderService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def get(self, reminder_id: str) -> ReminderView:
        with self.ctx.guard(R, reminder_id, Action.READ), self.ctx.reading() as w:
            return reminder_view(_locate(w, reminder_id, Action.READ))

    def create(self, data: Mapping[str, Any]) -> ReminderView:
        """A reminder for the acting user, or for `owner_id` when their scope allows it.

        `data`: kind (ReminderKind, default follow_up), title, due_at (an aware datetime; for
        all_day a date or a datetime whose own date is kept), all_day, ends_at, notes, rrule,
        time_zone (default the computer's), customer_id, owner_id.
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

    def update(self, reminder_id: str, changes: Mapping[str, Any], *,
               version: int | None = None) -> ReminderView:
        """Change some fields (the keys of `create`); `version` guards against a lost edit."""
        with self.ctx.guard(R, reminder_id, Action.UPDATE), self.ctx.writing() as w:
            item = _locate(w, reminder_id, Action.UPDATE)
            if version is not None and item.version != version:
                raise Conflict("this reminder was changed meanwhile; reload and retry")
            current = {"kind": item.kind, "title": item.title, "all_day": item.all_day,
                       "due_at": item.due_at.date() if item.all_day else item.due_at,
                       "ends_at": (item.ends_at.date() if item.all_day else item.ends_at)
                       if item.ends_at is not None else None,
                       "notes": item.notes, "rrule": item.rrule,
                       "time_zone": item.time_zone or local_zone_name()}
            wanted = {k: v for k, v in changes.items() if k not in ("customer_id", "owner_id")}
            if wanted.get("all_day") is True and not current["all_day"] and "due_at" not in \
                    wanted and isinstance(current["due_at"], datetime):
                wanted["due_at"] = current["due_at"].date()  # keep the day it showed on
            values = validate_reminder({**current, **wanted})
            changed = {k: v for k, v in values.items() if getattr(item, k) != v}
            if "time_zone" not in changes:
                changed.pop("time_zone", None)  # a zone never stored is not a change
            if "rrule" in changed and same_rule(item, values["rrule"]):
                del changed["rrule"]  # the same rule spelt another way keeps its occurrences
            if "customer_id" in changes:
                cid = changes["customer_id"] or None
                cid = visible_customer(w, str(cid)).id if cid is not None else None
                if cid != item.customer_id:
                    changed["customer_id"] = cid
            if "owner_id" in changes and changes["owner_id"] != item.owner_id:
                changed["owner_id"] = _owner(w, changes["owner_id"])
            if not changed:
                return reminder_view(item)
            for name, value in changed.items():
                setattr(item, name, value)
            if any(name in changed for name in _RULE_FIELDS):
                forget_occurrence_changes(w, item)
                item.snoozed_until = None
            touch_reminder(w, item, "reminder.update", {"fields": sorted(changed)})
            return reminder_view(item)

    def complete(self, reminder_id: str, occurrence: str | None = None) -> ReminderView:
        """Mark a reminder, or one occurrence of a repeating one, done (done already: kept)."""
        with self.ctx.guard(R, reminder_id, Action.UPDATE), self.ctx.writing() as w:
            item = _locate(w, reminder_id, Action.UPDATE)
            if _repeating(item, occurrence):
                change = _change(w, item, occurrence)
                if change.done_at is None:
                    change.done_at = w.now
                    _changed(w, item, change, "reminder.complete")
            elif item.done_at is None:
                item.done_at = w.now
                touch_reminder(w, item, "reminder.complete")
            return reminder_view(item)

    def reopen(self, reminder_id: str, occurrence: str | None = None) -> ReminderView:
        """Undo a completion."""
        with self.ctx.guard(R, reminder_id, Action.UPDATE), self.ctx.writing() as w:
            item = _locate(w, reminder_id, Action.UPDATE)
            if _repeating(item, occurrence):
                change = _change(w, item, occurrence)
                if change.done_at is not None:
                    change.done_at = None
                    _changed(w, item, change, "reminder.reopen")
            elif item.done_at is not None:
                item.done_at = None
                touch_reminder(w, item, "reminder.reopen")
            return reminder_view(item)

    def snooze(self, reminder_id: str, until: datetime,
               occurrence: str | None = None) -> ReminderView:
        """Be reminded again at `until` (the presets are in domain.reminder_times)."""
        with self.ctx.guard(R, reminder_id, Action.UPDATE), self.ctx.writing() as w:
            item = _locate(w, reminder_id, Action.UPDATE)
            if not isinstance(until, datetime) or until.tzinfo is None:
                raise ValidationError("until", "must be a date and time with its time zone")
            when = as_stored(until.astimezone(UTC))
            if when <= w.now:
                raise ValidationError("until", "must be later than now")
            if when.year > 2200:
                raise ValidationError("until", "must fall before 2200")
            if _repeating(item, occurrence):
                change = _change(w, item, occurrence)
                change.snoozed_until = when
                _changed(w, item, change, "reminder.snooze")
            else:
                item.snoozed_until = when
                touch_reminder(w, item, "reminder.snooze")
            return reminder_view(item)

    def reschedule(self, reminder_id: str, to: datetime | date,
                   occurrence: str | None = None) -> ReminderView:
        """Move the start to `to` (a date when all-day), keeping the duration: a repeating
        reminder's first occurrence, or with `occurrence` only that one."""
        with self.ctx.guard(R, reminder_id, Action.UPDATE), self.ctx.writing() as w:
            item = _locate(w, reminder_id, Action.UPDATE)
            if item.all_day and isinstance(to, datetime):
                raise ValidationError("to", "an all-day reminder moves to a date")
            if not item.all_day and not isinstance(to, datetime):
                raise ValidationError("to", "a timed reminder moves to a date and time")
            start = moment("to", to, all_day=item.all_day)
            if occurrence is not None and _repeating(item, occurrence):
                change = _change(w, item, occurrence)
                original = series.occurrence_start(change.occurrence, item)
                change.moved_to = None if start == original else start
                change.snoozed_until = None
                _changed(w, item, change, "reminder.reschedule")
                return reminder_view(item)
            if item.ends_at is not None:
                item.ends_at = start + (item.ends_at - item.due_at)
            if item.rrule and start != item.due_at:
                forget_occurrence_changes(w, item)
            item.due_at, item.snoozed_until = start, None
            touch_reminder(w, item, "reminder.reschedule")
            return reminder_view(item)

    def delete(self, reminder_id: str, occurrence: str | None = None) -> None:
        """Delete a reminder, a repeating one whole (a tombstone, so sync passes it on), or
        with `occurrence` skip just that one."""
        with self.ctx.guard(R, reminder_id, Action.DELETE), self.ctx.writing() as w:
            item = _locate(w, reminder_id, Action.DELETE)
            if occurrence is not None and _repeating(item, occurrence):
                change = _change(w, item, occurrence)
                change.skipped = True
                _changed(w, item, change, "reminder.skip")
                return
            item.deleted_at = w.now
            touch_reminder(w, item, "reminder.delete")

    def list(
        self, *, due_from: datetime | None = None, due_until: datetime | None = None,
        include_done: bool = False, customer_id: str | None = None, limit: int = 500,
    ) -> list[ReminderView]:
        """The user's own reminders and those their reminder read scope covers, by due time
        (a repeating one once, by its first occurrence).

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

    def window(
        self, first_day: date, end_day: date, *, zone: tzinfo | None = None,
        kinds: Collection[str] | None = None, owner_ids: Collection[str] | None = None,
        include_done: bool = True, limit: int | None = None,
    ) -> list[Entry]:
        """Every entry on the local days [first_day, end_day) in `zone` (default the
        computer's), repeating reminders expanded, in calendar order: by day, all-day first,
        then start, then title. `owner_ids` defaults to the user alone; owners outside the
        user's read scope are left out."""
        if not isinstance(first_day, date) or not isinstance(end_day, date) \
                or isinstance(first_day, datetime) or isinstance(end_day, datetime):
            raise ValidationError("first_day", "the window is given as two dates")
        if not 0 < (end_day - first_day).days <= WINDOW_DAYS_MAX:
            raise ValidationError("end_day", f"must be 1 to {WINDOW_DAYS_MAX} days after the "
                                  "first day")
        if limit is not None and not 1 <= limit <= LIST_LIMIT_MAX:
            raise ValidationError("limit", f"must be between 1 and {LIST_LIMIT_MAX}")
        zone = zone or local_zone()
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            owners = _chosen_owners(w, owner_ids)
            found = calendar.find(w, calendar.Days(first_day, end_day, zone), owners,
                                  kinds=kinds, include_done=include_done)
            ordered = calendar.in_order(calendar.entries(w, found), zone)
            return ordered[:limit] if limit is not None else ordered

    def due(self, until: datetime, *, since: datetime | None = None,
            zone: tzinfo | None = None) -> list[Entry]:
        """The user's own undone entries whose alarm falls in (since, until], by alarm time.
        With no `since`: everything overdue at `until`, where a repeating reminder counts
        only its latest missed occurrence of the last week."""
        for name, value in (("until", until), ("since", since)):
            _optional_moment(name, value)
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            return due_entries(w, until, since, zone or local_zone())

    def hub(self, *, zone: tzinfo | None = None) -> TodoHub:
        """The to-do hub: what is overdue, today, this week, and what waits on the user."""
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            return todo_hub(w, zone or local_zone())

    def owners(self) -> list[tuple[str, str]]:
        """(id, display name) of the users whose reminders this user reads, theirs first."""
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            scope = readable_owners(w)
            query = select(User.id, User.display_name).where(User.deleted_at.is_(None))
            if not scope.everyone:
                query = query.where(User.id.in_(scope.owner_ids))
            found = w.session.execute(query.order_by(User.display_name)).tuples().all()
            me = w.actor.user_id
            return sorted(found, key=lambda row: row[0] != me)

    def refresh_cache(self, *, limit: int = 2000) -> int:
        """Bring the occurrence cache up to date for up to `limit` repeating reminders (after
        a sync, a bulk change, or as today moves on); returns how many were refreshed."""
        with self.ctx.writing() as w:
            w.actor.require(R, Action.READ)
            stale = series.stale_series(w.session, w.now, limit)
            series.refresh(w.session, stale, w.now)
            return len(stale)


def add_reminder(
    w: Work, *, owner_id: str, customer_id: str | None, kind: str, title: str,
    due_at: datetime, all_day: bool, source: str = "", ends_at: datetime | None = None,
    notes: str = "", rrule: str = "", time_zone: str = "",
) -> ReminderView:
    """Write one validated reminder and its audit event in the caller's unit of work."""
    item = Reminder(id=new_id(), created_at=w.now, updated_at=w.now, version=1,
                    updated_by=w.actor.user_id, owner_id=owner_id, customer_id=customer_id,
                    kind=kind, title=title, due_at=due_at, all_day=all_day, source=source,
                    ends_at=ends_at, notes=notes, rrule=rrule,
                    time_zone=time_zone or local_zone_name())
    w.session.add(item)
    w.session.flush()
    detail: dict[str, Any] = {"kind": kind, "owner": owner_id}
    if customer_id is not None:
        detail["customer"] = customer_id
    if source:
        detail["source"] = source
    if rrule:
        detail["rrule"] = rrule
        series.refresh(w.session, [item], w.now)
    audit.record(w.session, at=w.now, actor_id=w.actor.user_id, action="reminder.create",
                 entity=R, entity_id=item.id, detail=detail)
    return reminder_view(item)


def same_rule(item: Reminder, given: str) -> bool:
    """Whether `given` repeats `item` on the same occurrences as its stored rule does
    ("FREQ=WEEKLY" from a Monday start is "FREQ=WEEKLY;BYDAY=MO"): the first two years of
    each from the reminder's start are compared."""
    if not item.rrule or not given:
        return item.rrule == given
    try:
        if parse_rrule(item.rrule) == parse_rrule(given):
            return True
        start = series.occurrence_start(key_text(series.recurrence_of(item).start), item)
        then = start + SAME_RULE_SPAN
        ours = occurrences(series.recurrence_of(item), start, then)
        theirs = occurrences(Recurrence(given, series.recurrence_of(item).start,
                                        item.time_zone or "UTC", item.all_day), start, then)
    except ValidationError:
        return False
    return [o.key for o in ours] == [o.key for o in theirs]


def reminder_view(r: Reminder) -> ReminderView:
    return ReminderView(id=r.id, owner_id=r.owner_id, customer_id=r.customer_id, kind=r.kind,
                        title=r.title, due_at=r.due_at, all_day=r.all_day, done_at=r.done_at,
                        version=r.version, ends_at=r.ends_at, notes=r.notes, rrule=r.rrule,
                        time_zone=r.time_zone, snoozed_until=r.snoozed_until, source=r.source)


def readable_owners(w: Work) -> OwnerScope:
    """Whose reminders this user reads: their read scope, and always their own."""
    scope = owner_scope(w.session, w.actor, R, Action.READ)
    if scope.everyone or w.actor.user_id in scope.owner_ids:
        return scope
    return OwnerScope(False, scope.owner_ids | {w.actor.user_id})


def _chosen_owners(w: Work, owner_ids: Collection[str] | None) -> frozenset[str]:
    if owner_ids is None:
        return frozenset({w.actor.user_id})
    if isinstance(owner_ids, str):
        raise ValidationError("owner_ids", "must be a collection of user ids")
    scope = readable_owners(w)
    return frozenset(o for o in owner_ids if scope.covers(o))


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


def _repeating(item: Reminder, occurrence: str | None) -> bool:
    """Whether the call is about one occurrence; a repeating reminder must name it."""
    if occurrence is None:
        if item.rrule:
            raise ValidationError("occurrence", "name the occurrence of a repeating reminder")
        return False
    if not item.rrule:
        raise ValidationError("occurrence", "this reminder does not repeat")
    return True


def _change(w: Work, item: Reminder, occurrence: str | None) -> ReminderOverride:
    """The (new or existing) change record of one real occurrence of `item`."""
    assert occurrence is not None
    found = w.session.execute(select(ReminderOverride).where(
        ReminderOverride.reminder_id == item.id,
        ReminderOverride.occurrence == occurrence)).scalar()
    if found is not None and found.deleted_at is None:
        return found
    _check_occurrence(item, occurrence)
    if found is not None:  # a change dropped when the rule was re-based: start afresh
        found.deleted_at = None
        found.done_at = found.snoozed_until = found.moved_to = None
        found.skipped = False
        return found
    change = ReminderOverride(id=new_id(), created_at=w.now, updated_at=w.now, version=0,
                              updated_by=w.actor.user_id, reminder_id=item.id,
                              occurrence=occurrence, skipped=False)
    w.session.add(change)
    return change


def _check_occurrence(item: Reminder, occurrence: str) -> None:
    key = parse_key(occurrence, all_day=item.all_day)
    rule = series.recurrence_of(item)
    around = series.occurrence_start(occurrence, item)
    for found in occurrences(rule, around - timedelta(days=2), around + timedelta(days=2)):
        if key_text(found.key) == key_text(key):
            return
    raise ValidationError("occurrence", f"“{occurrence}” is not an occurrence of this reminder")


def _changed(w: Work, item: Reminder, change: ReminderOverride, action: str) -> None:
    change.version += 1
    change.updated_at, change.updated_by = w.now, w.actor.user_id
    touch_reminder(w, item, action, {"occurrence": change.occurrence})


def touch_reminder(w: Work, item: Reminder, action: str,
                   detail: dict[str, Any] | None = None) -> None:
    """Record a change to `item` (or to one of its occurrences): version, audit, cache."""
    item.version += 1
    item.updated_at, item.updated_by = w.now, w.actor.user_id
    w.session.flush()
    audit.record(w.session, at=w.now, actor_id=w.actor.user_id, action=action, entity=R,
                 entity_id=item.id, detail=detail)
    series.refresh(w.session, [item], w.now)


def forget_occurrence_changes(w: Work, item: Reminder) -> None:
    """A re-based rule: its occurrence keys no longer name the same occurrences."""
    for change in series.changes_of(w.session, [item.id]).get(item.id, []):
        if change.deleted_at is None:
            change.deleted_at = w.now
            change.version += 1
            change.updated_at, change.updated_by = w.now, w.actor.user_id


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
