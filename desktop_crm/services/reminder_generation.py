"""Reminders the app writes by itself: birthdays, contract expiries, instalments due and
overdue (回款), high-value customers nobody followed up (escalated to the owner's superior when
that stays undone), holiday greetings, and the return visits (回访) after a first purchase or a
resolved complaint that bulk paths left out.

A run covers the customers whose owners lie in the acting user's reminder-create scope (a
salesperson: their own; an admin: everyone); each reminder belongs to the customer's owner,
an escalation to the owner's superior, a greeting to each user in scope who owns customers.

Idempotent: every generated reminder carries a stable `source` key, and a run first reads every
key it could write, done and deleted rows included, in one query. A key that exists is never
written again, so a reminder the user completed or deleted does not come back. The run holds
the write lock from its first read (BEGIN IMMEDIATE), so two runs cannot both miss a key.
Reads are a few grouped queries, whatever the number of customers; the new reminders go in
through the bulk path (reminder_bulk), with one audit event for the run.

Titles are in the run's language (reminder_titles). An existing title is left as it was
written: only a birthday series follows its customer's changed birthday or name, and a
contract's expiry its renewal. An open reminder follows its customer to a new owner (re-titled
in the run's language); a done or deleted one stays with the owner who dealt with it.

A run also completes the open reminders whose reason is gone: an instalment paid in full, a
contract no longer active or with another end date, a follow-up gap closed by a later
follow-up (and its escalation). A rule met with a date the app cannot store (a contract ending
in 2999) is skipped and counted; it does not stop the run. Both counts go in the run's audit
event.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select

from desktop_crm.domain.enums import ContractStatus, ReminderKind, Tier, UserStatus
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.holidays import holidays_between
from desktop_crm.domain.local_zone import local_zone, local_zone_name
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import audit
from desktop_crm.services import reminder_series as series
from desktop_crm.services.context import ServiceContext, Work
from desktop_crm.services.policies import PolicySet, policy_set
from desktop_crm.services.reminder_bulk import add_reminders
from desktop_crm.services.reminder_fields import moment
from desktop_crm.services.reminder_titles import GeneratedWords, birthday_titles
from desktop_crm.services.reminders import forget_occurrence_changes, touch_reminder
from desktop_crm.services.return_visits_catch_up import (
    ORDER_VISIT_PREFIX,
    missing_return_visits,
)
from desktop_crm.services.scopes import OwnerScope, owner_scope
from desktop_crm.storage.models import (
    Contract,
    Customer,
    PaymentPlan,
    Receipt,
    Reminder,
    User,
)

R = Resource.REMINDER
_c, _u, _m = Customer.__table__.c, User.__table__.c, Reminder.__table__.c
_k, _p, _r = Contract.__table__.c, PaymentPlan.__table__.c, Receipt.__table__.c
_OWING = (ContractStatus.ACTIVE.value, ContractStatus.EXPIRED.value)  # instalments still due


@dataclass(frozen=True)
class GenerationReport:
    """What one run wrote: new reminders by kind, escalations, reminders it updated (moved,
    renamed or handed to a customer's new owner) and completed (their reason gone), and the
    rules it skipped (a date out of range)."""

    created: Mapping[str, int]  # ReminderKind value -> count (escalations not included)
    escalations: int
    updated: int
    completed: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        """Reminders written: created, escalated, updated and completed."""
        return sum(self.created.values()) + self.escalations + self.updated + self.completed


@dataclass(frozen=True)
class _Wanted:
    """One reminder a rule asks for."""

    source: str
    owner_id: str
    customer_id: str | None
    kind: str
    title: str
    day: date  # all-day, on this date (a yearly series starts on it)
    notes: str = ""
    rrule: str = ""
    about: str = ""  # the customer's name: an escalation's title, a birthday's check


@dataclass(frozen=True)
class _Existing:
    id: str
    source: str
    owner_id: str
    customer_id: str | None
    day: date
    title: str
    open: bool  # neither done nor deleted


@dataclass
class _Tally:
    created: Counter[str] = field(default_factory=Counter)
    escalations: int = 0
    updated: int = 0
    completed: int = 0
    skipped: int = 0


class ReminderGenerator:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def run(self, *, today: date | None = None, language: str = "en") -> GenerationReport:
        """Write every reminder the rules ask for that is not there yet, in one transaction.

        `today` (default: the local date now) is the day the rules count from: what is
        overdue, which holidays are near, how long since a customer's last follow-up.
        `language` ("en" or "zh") is the one new titles are written in."""
        words = GeneratedWords(language)
        with self.ctx.writing() as w:
            w.actor.require(R, Action.CREATE)
            scope = owner_scope(w.session, w.actor, R, Action.CREATE)
            day = today or w.now.astimezone(local_zone()).date()
            return _Run(w, scope, day, policy_set(w.session), words).go()


class _Run:
    def __init__(self, w: Work, scope: OwnerScope, today: date, policies: PolicySet,
                 words: GeneratedWords) -> None:
        self.w, self.scope, self.today, self.policies = w, scope, today, policies
        self.words = words
        self.users = {row.id: row for row in w.session.execute(
            select(_u.id, _u.display_name, _u.superior_id, _u.status)
            .where(_u.deleted_at.is_(None)))}
        # owners this run writes for: active users in the create scope
        self.owners = sorted(uid for uid, row in self.users.items()
                             if row.status == UserStatus.ACTIVE.value and scope.covers(uid))
        self.existing = {row.source: row for row in self._existing()}
        self._open_expiries: dict[str, _Existing] | None = None  # by "contract:<id>"
        self.tally = _Tally()
        self.sources: Counter[str] = Counter()  # created, by the rule in their source key

    def go(self) -> GenerationReport:
        gaps = self._follow_up_gaps()
        self._write((*self._birthdays(), *self._contracts(), *self._instalments(),
                     *gaps.values(), *self._holidays(), *self._return_visits()))
        # after the rest: an escalation names the gap reminder it escalates
        self._write(self._escalations(gaps), escalation=True)
        # after the writes: a renewed contract's reminder has moved to its new end by now
        self._complete(self._settled())
        tally = self.tally
        report = GenerationReport(dict(tally.created), tally.escalations, tally.updated,
                                  tally.completed, tally.skipped)
        audit.record(self.w.session, at=self.w.now, actor_id=self.w.actor.user_id,
                     action="reminder.generate", entity=R,
                     detail={"today": self.today.isoformat(), "language": self.words.language,
                             **report.created, "escalations": report.escalations,
                             "updated": report.updated, "completed": report.completed,
                             "skipped": report.skipped, "sources": dict(self.sources)})
        return report

    # ---- reads: one grouped query each ------------------------------------------------------

    def _in_scope(self, owner_column: Any) -> ColumnElement[bool]:
        return owner_column.in_(self.owners)

    def _existing(self) -> Iterable[_Existing]:
        """Every generated reminder this run could write again, done and deleted ones too."""
        query = select(_m.id, _m.source, _m.owner_id, _m.customer_id, _m.due_at, _m.title,
                       _m.done_at, _m.deleted_at).where(_m.source != "")
        if not self.scope.everyone:  # also rows of customers who changed hands since
            owners = list(self.scope.owner_ids)
            query = query.where(or_(_m.owner_id.in_(owners), _m.customer_id.in_(
                select(_c.id).where(_c.owner_id.in_(owners)))))
        for row in self.w.session.execute(query):
            yield _Existing(row.id, row.source, row.owner_id, row.customer_id,
                            row.due_at.date(), row.title,
                            row.done_at is None and row.deleted_at is None)

    def _birthdays(self) -> Iterable[_Wanted]:
        found = self.w.session.execute(
            select(_c.id, _c.name, _c.owner_id, _c.birthday)
            .where(_c.deleted_at.is_(None), _c.birthday.is_not(None), self._in_scope(_c.owner_id)))
        for row in found:
            yield _Wanted(f"birthday:{row.id}", row.owner_id, row.id, ReminderKind.BIRTHDAY,
                          self.words.birthday(row.name), row.birthday, rrule="FREQ=YEARLY",
                          about=row.name)

    def _contracts(self) -> Iterable[_Wanted]:
        lead = timedelta(days=self.policies.contract_expiry_lead_days)
        found = self.w.session.execute(
            select(_k.id, _k.number, _k.end_date, _c.id.label("customer_id"), _c.name,
                   _c.owner_id)
            .join(Customer, _c.id == _k.customer_id)
            .where(_k.deleted_at.is_(None), _k.status == ContractStatus.ACTIVE.value,
                   _k.end_date >= self.today, _c.deleted_at.is_(None),
                   self._in_scope(_c.owner_id)))
        for row in found:
            yield _Wanted(f"contract:{row.id}:{row.end_date.isoformat()}", row.owner_id,
                          row.customer_id, ReminderKind.CONTRACT_EXPIRY,
                          self.words.contract_ends(row.number, row.end_date, row.name),
                          max(row.end_date - lead, self.today))

    def _instalments(self) -> Iterable[_Wanted]:
        """A reminder on each unpaid instalment's due date; once it is overdue, one more."""
        received = (select(_r.plan_id, func.sum(_r.amount_minor).label("amount"))
                    .where(_r.deleted_at.is_(None), _r.plan_id.is_not(None))
                    .group_by(_r.plan_id).subquery())
        paid = func.coalesce(received.c.amount, 0)
        found = self.w.session.execute(
            select(_p.id, _p.instalment, _p.due_date, _p.amount_minor, _p.currency,
                   paid.label("paid"), _k.number, _c.id.label("customer_id"), _c.name,
                   _c.owner_id)
            .select_from(PaymentPlan.__table__.join(Contract, _k.id == _p.contract_id)
                         .join(Customer, _c.id == _k.customer_id)
                         .outerjoin(received, received.c.plan_id == _p.id))
            .where(_p.deleted_at.is_(None), _k.deleted_at.is_(None), _k.status.in_(_OWING),
                   _c.deleted_at.is_(None), paid < _p.amount_minor,
                   self._in_scope(_c.owner_id)))
        for row in found:
            notes = self.words.instalment_notes(
                row.due_date, _money(row.amount_minor, row.currency),
                _money(row.paid, row.currency), _money(row.amount_minor - row.paid, row.currency))
            overdue = row.due_date < self.today
            title = self.words.payment(row.instalment, row.number, row.name, overdue=overdue)
            if overdue:
                yield _Wanted(f"overdue:{row.id}", row.owner_id, row.customer_id,
                              ReminderKind.RECEIVABLE, title, self.today, notes)
            else:
                yield _Wanted(f"instalment:{row.id}", row.owner_id, row.customer_id,
                              ReminderKind.RECEIVABLE, title, row.due_date, notes)

    def _follow_up_gaps(self) -> dict[str, _Wanted]:
        """High-value customers with no follow-up for the policy's gap, by customer id."""
        zone, gap = local_zone(), self.policies.followup_gap_days
        found = self.w.session.execute(
            select(_c.id, _c.name, _c.owner_id, _c.last_followup_at, _c.created_at)
            .where(_c.deleted_at.is_(None), _c.tier == Tier.HIGH_VALUE.value,
                   self._in_scope(_c.owner_id)))
        wanted = {}
        for row in found:
            last = row.last_followup_at.astimezone(zone).date() \
                if row.last_followup_at is not None else None
            since = last or row.created_at.astimezone(zone).date()
            if (self.today - since).days < gap:
                continue
            wanted[row.id] = _Wanted(
                f"gap:{row.id}:{last.isoformat() if last else 'never'}", row.owner_id, row.id,
                ReminderKind.FOLLOW_UP, self.words.follow_up(row.name, last), self.today,
                about=row.name)
        return wanted

    def _escalations(self, gaps: Mapping[str, _Wanted]) -> Iterable[_Wanted]:
        """A follow-up reminder for a gap still open `escalation_days` after it was due goes
        to the owner's superior, when this run may write for them."""
        late = self.today - timedelta(days=self.policies.escalation_days)
        for gap in gaps.values():
            item = self.existing.get(gap.source)
            if item is None or not item.open or item.day > late:
                continue
            owner = self.users.get(item.owner_id)
            boss = self.users.get(owner.superior_id) if owner and owner.superior_id else None
            if owner is None or boss is None or boss.id not in self.owners:
                continue
            yield _Wanted(f"escalation:{item.id}", boss.id, gap.customer_id,
                          ReminderKind.FOLLOW_UP,
                          self.words.escalated(owner.display_name, gap.about, item.day),
                          self.today)

    def _holidays(self) -> Iterable[_Wanted]:
        """One greeting reminder per holiday for each user in scope who owns customers."""
        end = self.today + timedelta(days=self.policies.holiday_lead_days + 1)
        coming = holidays_between(self.policies.holidays, self.today, end)
        if not coming:
            return
        holders = self.w.session.execute(
            select(_c.owner_id).where(_c.deleted_at.is_(None), self._in_scope(_c.owner_id))
            .group_by(_c.owner_id)).scalars().all()
        for holiday in coming:
            rule = holiday.rule
            title = self.words.greetings(rule)
            for user_id in holders:
                yield _Wanted(f"holiday:{rule.key}:{holiday.year}:{user_id}", user_id, None,
                              ReminderKind.HOLIDAY_GREETING, title, holiday.day)

    def _return_visits(self) -> Iterable[_Wanted]:
        """Return visits after a first purchase or a resolved complaint that the bulk paths
        (demo data, imports) did not schedule (return_visits_catch_up)."""
        visited = {item.customer_id for item in self.existing.values()
                   if item.source.startswith(ORDER_VISIT_PREFIX)}
        for due in missing_return_visits(self.w.session, self.owners, self.today,
                                         self.policies, visited):
            yield _Wanted(due.source, due.owner_id, due.customer_id, ReminderKind.RETURN_VISIT,
                          self.words.return_visit(due.name, after=due.after), due.day)

    # ---- writes -----------------------------------------------------------------------------

    def _write(self, wanted: Iterable[_Wanted], *, escalation: bool = False) -> None:
        """Create what is not there yet in one bulk write; follow what changed at its source."""
        new: dict[str, tuple[_Wanted, datetime]] = {}  # by source: a rule met twice writes once
        for item in wanted:
            found = self.existing.get(item.source)
            if found is None and item.kind == ReminderKind.CONTRACT_EXPIRY:
                found = self._renewed_contract(item)
            if found is None:
                if item.source not in new and (due_at := self._due(item)) is not None:
                    new[item.source] = (item, due_at)
            elif found.open and (found.owner_id != item.owner_id or _changed(found, item)):
                self._update(found, item)
        zone = local_zone_name()
        made = add_reminders(self.w, [{
            "owner_id": item.owner_id, "customer_id": item.customer_id, "kind": str(item.kind),
            "title": item.title, "due_at": due_at, "all_day": True, "source": item.source,
            "notes": item.notes, "rrule": item.rrule, "time_zone": zone}
            for item, due_at in new.values()])
        for reminder_id, (item, _) in zip(made, new.values(), strict=True):
            self.existing[item.source] = _Existing(
                reminder_id, item.source, item.owner_id, item.customer_id, item.day,
                item.title, True)
            self.sources[item.source.split(":", 1)[0]] += 1
            if escalation:
                self.tally.escalations += 1
            else:
                self.tally.created[str(item.kind)] += 1

    def _renewed_contract(self, wanted: _Wanted) -> _Existing | None:
        """An open expiry reminder of the same contract under its old end date."""
        if self._open_expiries is None:
            self._open_expiries = {}
            for item in self.existing.values():
                if item.open and item.source.startswith("contract:"):
                    self._open_expiries[item.source.rsplit(":", 1)[0]] = item
        return self._open_expiries.get(wanted.source.rsplit(":", 1)[0])

    def _due(self, wanted: _Wanted) -> datetime | None:
        """The stored moment of a wanted reminder, or None (counted) when it is out of the
        range a reminder may fall in: one odd contract must not stop everyone's reminders."""
        try:
            return moment("due_at", wanted.day, all_day=True)
        except ValidationError:
            self.tally.skipped += 1
            return None

    def _update(self, found: _Existing, wanted: _Wanted) -> None:
        """A changed birthday, name or contract end: the same reminder, moved and renamed.
        A customer's new owner: the same reminder, theirs now, titled with today's name;
        its date stays (an overdue or gap reminder is not due again from today)."""
        w = self.w
        item = w.session.get(Reminder, found.id)
        assert item is not None
        moved = _changed(found, wanted)
        due_at = self._due(wanted) if moved else item.due_at
        if due_at is None:
            return
        day = wanted.day if moved else found.day
        fields = sorted(name for name, old, new in (
            ("due_at", item.due_at, due_at), ("title", item.title, wanted.title),
            ("source", item.source, wanted.source), ("owner_id", item.owner_id,
                                                     wanted.owner_id)) if old != new)
        if item.rrule and item.due_at != due_at:
            forget_occurrence_changes(w, item)  # their keys name the old dates
            item.snoozed_until = None
        item.due_at, item.title, item.source = due_at, wanted.title, wanted.source
        item.owner_id = wanted.owner_id
        touch_reminder(w, item, "reminder.update", {"fields": fields, "generated": True})
        del self.existing[found.source]
        self.existing[wanted.source] = _Existing(
            found.id, wanted.source, wanted.owner_id, found.customer_id, day, wanted.title,
            True)
        self.tally.updated += 1

    # ---- reminders whose reason is gone -----------------------------------------------------

    def _settled(self) -> list[_Existing]:
        """Open reminders of owners this run writes for whose reason no longer holds."""
        owners = set(self.owners)
        by_rule: dict[str, dict[str, _Existing]] = {}
        for item in self.existing.values():
            if item.open and item.owner_id in owners:
                rule, _, rest = item.source.partition(":")
                by_rule.setdefault(rule, {})[rest] = item
        dues, overdues = by_rule.get("instalment", {}), by_rule.get("overdue", {})
        paid = self._paid({*dues, *overdues})
        settled = [item for plans in (dues, overdues) for plan, item in plans.items()
                   if plan in paid]
        expiries = by_rule.get("contract", {})
        over = self._contracts_over(expiries)
        settled += [item for key, item in expiries.items() if key in over]
        # a gap is closed once the customer was followed up after the day in its key; its
        # escalation with it (the gap reminder may have been completed by hand already)
        by_id = {item.id: item for item in self.existing.values()}
        escalated = {rest: by_id[rest].source.partition(":")[2]
                     for rest in by_rule.get("escalation", {}) if rest in by_id
                     and by_id[rest].source.startswith("gap:")}
        closed = self._gaps_closed({*by_rule.get("gap", {}), *escalated.values()})
        settled += [item for rest, item in by_rule.get("gap", {}).items() if rest in closed]
        settled += [by_rule["escalation"][rest] for rest, gap in escalated.items()
                    if gap in closed]
        return settled

    def _paid(self, plans: set[str]) -> frozenset[str]:
        """Of these plan ids, the ones nothing is owed on any more: paid in full, deleted, or
        their contract deleted or no longer owing (a draft, terminated)."""
        owing: set[str] = set()
        received = func.coalesce(select(func.sum(_r.amount_minor)).where(
            _r.plan_id == _p.id, _r.deleted_at.is_(None)).scalar_subquery(), 0)
        for chunk in _chunks(list(plans)):
            owing.update(self.w.session.scalars(
                select(_p.id).join(Contract, _k.id == _p.contract_id)
                .where(_p.id.in_(chunk), _p.deleted_at.is_(None), _k.deleted_at.is_(None),
                       _k.status.in_(_OWING), received < _p.amount_minor)))
        return frozenset(plans - owing)

    def _contracts_over(self, expiries: Mapping[str, _Existing]) -> frozenset[str]:
        """Of these "<contract id>:<end>" keys, the ones whose contract is gone, no longer
        active, or now ends on another day (a renewal this run could not follow)."""
        live: set[str] = set()
        contracts = {key.split(":", 1)[0] for key in expiries}
        for chunk in _chunks(list(contracts)):
            live.update(f"{row.id}:{row.end_date.isoformat()}" for row in self.w.session.execute(
                select(_k.id, _k.end_date).where(
                    _k.id.in_(chunk), _k.deleted_at.is_(None),
                    _k.status == ContractStatus.ACTIVE.value)))
        return frozenset(expiries) - live

    def _gaps_closed(self, gaps: Iterable[str]) -> frozenset[str]:
        """Of these "<customer id>:<last follow-up date or never>" keys, the ones whose
        customer has been followed up since."""
        keys: dict[str, list[str]] = {}  # by customer: an old gap may still be open
        for key in gaps:
            keys.setdefault(key.split(":", 1)[0], []).append(key)
        zone, closed = local_zone(), set()
        for chunk in _chunks(list(keys)):
            for row in self.w.session.execute(
                    select(_c.id, _c.last_followup_at).where(
                        _c.id.in_(chunk), _c.last_followup_at.is_not(None))):
                last = row.last_followup_at.astimezone(zone).date().isoformat()
                closed.update(key for key in keys[row.id]
                              if key.endswith(":never") or last > key.split(":", 1)[1])
        return frozenset(closed)

    def _complete(self, settled: Iterable[_Existing]) -> None:
        """Mark these done, counted in the run's audit event rather than one event each."""
        w, done = self.w, []
        for found in settled:
            item = w.session.get(Reminder, found.id)
            assert item is not None
            item.done_at = w.now
            item.version += 1
            item.updated_at, item.updated_by = w.now, w.actor.user_id
            done.append(item)
            self.existing[found.source] = _Existing(
                found.id, found.source, found.owner_id, found.customer_id, found.day,
                found.title, False)
        if done:
            w.session.flush()
            series.refresh(w.session, done, w.now)  # a series made of one by hand: uncached
        self.tally.completed += len(done)


def _changed(found: _Existing, wanted: _Wanted) -> bool:
    """Whether an open generated reminder must follow what it was made from: a renewed
    contract's new end, or a customer's changed birthday or name on the birthday series.
    The name is looked for in the title in every language, so a run in another language
    does not rewrite it."""
    if found.source != wanted.source:
        return True
    return wanted.kind == ReminderKind.BIRTHDAY and (
        found.day != wanted.day or found.title not in birthday_titles(wanted.about))


def _chunks(ids: list[str], size: int = 500) -> Iterable[list[str]]:
    """Ids a few hundred at a time: an IN (...) stays well below SQLite's variable limit."""
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _money(minor: int, currency: str) -> str:
    return f"{minor / 100:,.2f} {currency}"


__all__ = ["GenerationReport", "ReminderGenerator"]
