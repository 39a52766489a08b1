"""Company policies kept in the vault: each a key with a small JSON value.

Every signed-in user reads the policies that govern their own session (idle lock, remember
me, password rules...); only a role holding POLICY manage may change one, each change is
validated against its range and audited ("policy.update"). A stored value that is missing or
damaged reads as its default, so a broken row never disables a safeguard. A new company time
zone re-counts the report summary in the same transaction (storage.report_summary).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.holidays import (
    DEFAULT_HOLIDAY_TEXT,
    HolidayListError,
    HolidayRule,
    parse_holidays,
)
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.local_zone import local_zone
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import audit
from desktop_crm.services.context import ServiceContext
from desktop_crm.storage import report_summary
from desktop_crm.storage.models import Policy

IDLE_LOCK = "idle_lock"  # {"minutes": N}
IDLE_LOCK_MINUTES_DEFAULT = 15
IDLE_LOCK_MINUTES_RANGE = (1, 240)
HOLIDAY_LIST_MAX_CHARACTERS = 20_000
ZONE_NAME_MAX_CHARACTERS = 64
COMPANY_NAME_MAX_CHARACTERS = 200


@dataclass(frozen=True)
class PasswordRules:
    """What a password a user chooses must satisfy."""

    min_length: int = 10
    letters_and_digits: bool = False

    def problem(self, password: str) -> str | None:
        """Why `password` breaks the rules (the English message), or None when it passes."""
        if len(password) < self.min_length:
            return f"must be at least {self.min_length} characters long"
        if password.strip() != password or not password.strip():
            return "must not start or end with spaces"
        if self.letters_and_digits and not (
                re.search(r"[^\W\d_]", password) and re.search(r"\d", password)):
            return "must contain both letters and digits"
        return None

    def check(self, field: str, password: str) -> str:
        problem = self.problem(password)
        if problem is not None:
            raise ValidationError(field, problem)
        return password


@dataclass(frozen=True)
class PolicySet:
    """Every admin policy at once, each at its default until an admin changes it."""

    idle_lock_minutes: int = IDLE_LOCK_MINUTES_DEFAULT
    remember_me_allowed: bool = True
    reveal_burst_count: int = 10  # this many reveals by one user...
    reveal_burst_minutes: int = 10  # ...within this many minutes raise an alert
    contract_expiry_lead_days: int = 30  # remind this long before a contract ends
    password_min_length: int = 10
    password_letters_and_digits: bool = False
    offline_lease_days: int = 14  # a laptop unsynced this long locks itself (team mode)
    followup_gap_days: int = 30  # a high-value customer not followed up this long is flagged
    escalation_days: int = 3  # ...and the flag goes to the owner's superior this long past due
    holiday_lead_days: int = 7  # greeting reminders appear this long before a holiday
    holiday_list: str = DEFAULT_HOLIDAY_TEXT  # one holiday a line (domain.holidays)
    return_visit_after_purchase_days: int = 7  # 回访 this long after a first purchase...
    return_visit_after_complaint_days: int = 3  # ...and after a complaint is resolved
    complaint_response_hours: int = 24  # a complaint with no first response by then is late
    complaint_resolution_days: int = 7  # ...and one not resolved by then
    active_months: int = 12  # a customer with a call or order this recently is active
    company_time_zone: str = ""  # an IANA name for report periods; "": this computer's
    company_name: str = ""  # on the cover of every report

    @property
    def holidays(self) -> list[HolidayRule]:
        return parse_holidays(self.holiday_list)

    @property
    def company_zone(self) -> tzinfo:
        """The zone the company's days and months are reckoned in."""
        return ZoneInfo(self.company_time_zone) if self.company_time_zone else local_zone()

    @property
    def complaint_response_within(self) -> timedelta:
        return timedelta(hours=self.complaint_response_hours)

    @property
    def complaint_resolution_within(self) -> timedelta:
        return timedelta(days=self.complaint_resolution_days)

    @property
    def idle_lock_after(self) -> timedelta:
        return timedelta(minutes=self.idle_lock_minutes)

    @property
    def reveal_burst_window(self) -> timedelta:
        return timedelta(minutes=self.reveal_burst_minutes)

    @property
    def password_rules(self) -> PasswordRules:
        return PasswordRules(self.password_min_length, self.password_letters_and_digits)


@dataclass(frozen=True)
class _Spec:
    key: str  # the policies row
    item: str  # the name inside its JSON value
    low: int | None = None  # whole numbers: the allowed range; None: a yes/no switch...
    high: int | None = None
    # ...unless this is a text: what is wrong with a value (None when it is fine)
    text: Callable[[Any], str | None] | None = None


def _holiday_list_problem(value: Any) -> str | None:
    if not isinstance(value, str):
        return "must be text"
    if len(value) > HOLIDAY_LIST_MAX_CHARACTERS:
        return f"is longer than {HOLIDAY_LIST_MAX_CHARACTERS} characters"
    try:
        parse_holidays(value)
    except HolidayListError as error:
        return error.message
    return None


def _company_name_problem(value: Any) -> str | None:
    if not isinstance(value, str):
        return "must be text"
    if value != value.strip():
        return "must not begin or end with spaces"
    if len(value) > COMPANY_NAME_MAX_CHARACTERS:
        return f"must be at most {COMPANY_NAME_MAX_CHARACTERS} characters"
    return None


def _zone_problem(value: Any) -> str | None:
    """An IANA zone name this computer knows ("Asia/Shanghai"), or "" for its own zone."""
    if not isinstance(value, str):
        return "must be text"
    if value == "":
        return None
    if value != value.strip() or len(value) > ZONE_NAME_MAX_CHARACTERS:
        return f"“{value}” is not an IANA time zone name"
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return f"“{value}” is not an IANA time zone name (such as Asia/Shanghai)"
    return None


# PolicySet field -> where it is stored and what it may hold.
SPECS: dict[str, _Spec] = {
    "idle_lock_minutes": _Spec(IDLE_LOCK, "minutes", *IDLE_LOCK_MINUTES_RANGE),
    "remember_me_allowed": _Spec("remember_me", "allowed"),
    "reveal_burst_count": _Spec("reveal_burst", "count", 2, 1000),
    "reveal_burst_minutes": _Spec("reveal_burst", "minutes", 1, 1440),
    "contract_expiry_lead_days": _Spec("contract_expiry", "lead_days", 1, 365),
    "password_min_length": _Spec("password_rules", "min_length", 8, 128),
    "password_letters_and_digits": _Spec("password_rules", "letters_and_digits"),
    "offline_lease_days": _Spec("offline_lease", "days", 1, 365),
    "followup_gap_days": _Spec("followup_gap", "days", 1, 365),
    "escalation_days": _Spec("followup_gap", "escalation_days", 1, 90),
    "holiday_lead_days": _Spec("holiday_greetings", "lead_days", 1, 60),
    "holiday_list": _Spec("holiday_greetings", "list", text=_holiday_list_problem),
    "return_visit_after_purchase_days": _Spec("return_visits", "after_purchase_days", 1, 90),
    "return_visit_after_complaint_days": _Spec("return_visits", "after_complaint_days", 1, 90),
    "complaint_response_hours": _Spec("complaints", "response_hours", 1, 720),
    "complaint_resolution_days": _Spec("complaints", "resolution_days", 1, 365),
    "active_months": _Spec("reports", "active_months", 1, 36),
    # storage.report_summary reads this row too (the zone of report months)
    "company_time_zone": _Spec("company_time_zone", "zone", text=_zone_problem),
    "company_name": _Spec("company", "name", text=_company_name_problem),
}
DEFAULTS = PolicySet()
_KEYS = sorted({spec.key for spec in SPECS.values()})
_p = Policy.__table__.c
_ALL = select(_p.key, _p.value).where(_p.key.in_(bindparam("keys", expanding=True)),
                                      _p.deleted_at.is_(None))


def policy_set(session: Session) -> PolicySet:
    """The policies in force, read in the caller's transaction (one query)."""
    stored = {key: value for key, value in
              session.connection().execute(_ALL, {"keys": _KEYS})
              if isinstance(value, dict)}
    values: dict[str, Any] = {}
    for name, spec in SPECS.items():
        value = stored.get(spec.key, {}).get(spec.item)
        if value is not None and _problem(spec, value) is None:
            values[name] = value
    return replace(DEFAULTS, **values)


def validated(current: PolicySet, changes: dict[str, Any]) -> PolicySet:
    """`current` with `changes` applied; raises ValidationError naming the first bad field."""
    for name, value in changes.items():
        spec = SPECS.get(name)
        if spec is None:
            raise ValidationError(name, "is not a policy")
        if spec.text is _holiday_list_problem and isinstance(value, str):
            try:
                parse_holidays(value)
            except HolidayListError as error:  # keeps its line-numbered problems
                raise HolidayListError(error.problems, field=name) from None
        problem = _problem(spec, value)
        if problem is not None:
            raise ValidationError(name, problem)
    return replace(current, **changes)


def _problem(spec: _Spec, value: Any) -> str | None:
    if spec.text is not None:
        return spec.text(value)
    if spec.low is None or spec.high is None:
        return None if isinstance(value, bool) else "must be yes or no"
    if isinstance(value, bool) or not isinstance(value, int) or not \
            spec.low <= value <= spec.high:
        return f"must be a whole number from {spec.low} to {spec.high}"
    return None


class PolicyService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def current(self) -> PolicySet:
        """Every policy; any signed-in user reads them (they govern their own session)."""
        with self.ctx.reading() as w:
            return policy_set(w.session)

    def idle_lock_after(self) -> timedelta:
        """How long the app may sit untouched before it locks itself."""
        return self.current().idle_lock_after

    def password_rules(self) -> PasswordRules:
        """What the change-password dialog tells the user (and what is enforced)."""
        return self.current().password_rules

    def set_idle_lock_minutes(self, minutes: int) -> None:
        try:
            self.update(idle_lock_minutes=minutes)
        except ValidationError as error:  # the name callers of this setter know
            raise ValidationError("minutes", error.message) from None

    def update(self, **changes: Any) -> PolicySet:
        """Change some policies (PolicySet field names); returns the policies now in force.

        One audited "policy.update" event per stored key that changed; bad input writes nothing.
        """
        with self.ctx.writing() as w:
            w.actor.require(Resource.POLICY, Action.MANAGE)
            before = policy_set(w.session)
            after = validated(before, changes)
            for key in _KEYS:
                names = [n for n, spec in SPECS.items() if spec.key == key]
                if all(getattr(before, n) == getattr(after, n) for n in names):
                    continue
                value = {SPECS[n].item: getattr(after, n) for n in names}
                row = w.session.scalar(select(Policy).where(Policy.key == key))
                if row is None:
                    row = Policy(id=new_id(), key=key, created_at=w.now, version=0)
                    w.session.add(row)
                row.value = value
                row.deleted_at = None
                row.updated_at, row.updated_by = w.now, w.actor.user_id
                row.version = (row.version or 0) + 1
                w.session.flush()
                audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                             action="policy.update", entity=Resource.POLICY, entity_id=row.id,
                             detail={"key": key, **value})
            if after.company_time_zone != before.company_time_zone:
                # report months begin at midnight there: the summary is counted again
                report_summary.use_time_zone(w.session.connection(), after.company_time_zone)
            return after

