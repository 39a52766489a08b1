"""The Calls view: the calls, visits, emails, meetings and messages on every customer one
user can see, newest first, filtered by period, by who logged them, outcome and kind.

A call is seen with its customer (the user's customer sight, as in the customer's own call
log). The customer's name shows as the user's list field policy shows it: masked or blank
where names are masked or hidden.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import bindparam, select

from desktop_crm.domain import validation as v
from desktop_crm.domain.enums import InteractionKind
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.activity_access import display_names
from desktop_crm.services.context import ServiceContext, Work
from desktop_crm.services.customer_filters import OwnerChoice
from desktop_crm.services.customer_sight import Sight, sight_of
from desktop_crm.services.customer_views import field_view, shown
from desktop_crm.storage import call_list
from desktop_crm.storage.call_list import CallQuery, CallRecord, PageKey
from desktop_crm.storage.models import User

PAGE_LIMIT_MAX = 1000
# known_outcomes reads the outcomes of this many of the newest calls the user sees
OUTCOME_SAMPLE = 1000
COUNT_AT_MOST = 1000  # count's default bound


_u = User.__table__.c
_USERS = select(_u.id, _u.username, _u.display_name, _u.department_id).where(
    _u.id.in_(bindparam("ids", expanding=True)))

@dataclass(frozen=True)
class CallFilter:
    """Each filter is optional; given together, a call must match them all."""

    since: datetime | None = None  # started at or after (aware)
    until: datetime | None = None  # started before (aware)
    owner_id: str | None = None  # the user who logged it
    outcome: str | None = None  # exactly this outcome ("" or None: any)
    kind: str | None = None  # an InteractionKind value


NO_FILTER = CallFilter()


class CallRow(NamedTuple):
    """One line of the Calls view."""

    id: str
    customer_id: str
    customer_name: str  # masked or blank as the user's list field policy shows names
    user_id: str | None
    user_display_name: str
    kind: str
    direction: str
    started_at: datetime
    duration_seconds: int
    outcome: str
    summary: str
    next_step_at: datetime | None


@dataclass(frozen=True)
class CallPage:
    rows: list[CallRow]
    # pass back as `after` for the next page; None when this was the last page
    next_after: PageKey | None


class CallService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def page(
        self, *, filters: CallFilter | None = NO_FILTER, after: PageKey | None = None,
        limit: int = 200,
    ) -> CallPage:
        """One page of matching calls, newest first, continuing after `after`."""
        if not 1 <= limit <= PAGE_LIMIT_MAX:
            raise ValidationError("limit", f"must be between 1 and {PAGE_LIMIT_MAX}")
        after = _page_key(after)
        with self.ctx.reading() as w:
            sight, query = self._query(w, filters)
            found = call_list.page_calls(w.session.connection(), query, after=after,
                                         limit=limit)
            rows = _rows(w, sight, found)
            return CallPage(rows, found[-1].key if len(found) == limit else None)

    def count(
        self, filters: CallFilter | None = NO_FILTER, *, at_most: int | None = COUNT_AT_MOST
    ) -> int:
        """How many calls match, counted up to `at_most`: an answer equal to it means "that
        many or more" (show "1,000+").

        The bound keeps a count as cheap as a few pages. `at_most=None` counts them all:
        quick for a user who sees every customer and filters by period or not at all, but
        for a narrower sight, or by person, outcome or kind, it reads every call in the
        period (seconds at a million calls).
        """
        if at_most is not None and at_most < 0:
            raise ValidationError("at_most", "must not be negative")
        with self.ctx.reading() as w:
            _, query = self._query(w, filters)
            return call_list.count_calls(w.session.connection(), query, at_most=at_most)

    def known_outcomes(self, limit: int = 50) -> list[str]:
        """Outcomes to offer in a filter or as suggestions, most used first: those of the
        newest OUTCOME_SAMPLE calls this user sees."""
        with self.ctx.reading() as w:
            _, query = self._query(w, NO_FILTER)
            return call_list.outcomes_in_use(w.session.connection(), query,
                                             sample=OUTCOME_SAMPLE, limit=limit)

    def known_callers(self) -> list[OwnerChoice]:
        """The people who logged the newest OUTCOME_SAMPLE calls this user sees (the Calls
        page's "logged by" filter), most calls first."""
        with self.ctx.reading() as w:
            _, query = self._query(w, NO_FILTER)
            ids = call_list.callers_in_use(w.session.connection(), query, sample=OUTCOME_SAMPLE)
            users = {u.id: u for u in w.session.execute(_USERS, {"ids": ids})}
            return [OwnerChoice(u.id, u.username, u.display_name, u.department_id)
                    for u in (users.get(i) for i in ids) if u is not None]

    def _query(self, w: Work, filters: CallFilter | None) -> tuple[Sight, CallQuery]:
        w.actor.require(Resource.INTERACTION, Action.READ)
        sight = sight_of(w)
        return sight, CallQuery(
            owner_ids=sight.owner_ids, customer_ids=list(sight.grants),
            **_checked(filters or NO_FILTER))


def _checked(filters: CallFilter) -> dict[str, Any]:
    since = _moment("since", filters.since)
    until = _moment("until", filters.until)
    if since is not None and until is not None and until < since:
        raise ValidationError("until", "is before the start of the period")
    kind = None if filters.kind in (None, "") else v.enum_value(
        "kind", filters.kind, InteractionKind).value
    outcome = (filters.outcome or "").strip() or None
    return {"since": since, "until": until, "user_id": filters.owner_id or None,
            "outcome": outcome, "kind": kind}


def _moment(field: str, value: datetime | None) -> datetime | None:
    if value is not None and (not isinstance(value, datetime) or value.tzinfo is None):
        raise ValidationError(field, "must be a date and time with its time zone")
    return value


def _page_key(after: Any) -> PageKey | None:
    """A page key as `next_after` gave it."""
    if after is None:
        return None
    if (not isinstance(after, tuple) or len(after) != 3 or not isinstance(after[0], datetime)
            or after[0].tzinfo is None or not isinstance(after[1], str)
            or not isinstance(after[2], int)):
        raise ValidationError("after", "is not a page key this list gave")
    return after


def _rows(w: Work, sight: Sight, found: list[CallRecord]) -> list[CallRow]:
    if not found:
        return []
    own = field_view(w.actor, in_list=True, shared_only=False)
    shared = field_view(w.actor, in_list=True, shared_only=True)
    names = display_names(w, {r.user_id for r in found if r.user_id is not None})
    rows = []
    for r in found:
        view = shared if sight.shared_only(r.customer_owner_id) else own
        rows.append(CallRow(
            r.id, r.customer_id, shown(view, "name", r.customer_name) or "", r.user_id,
            names.get(r.user_id, "") if r.user_id else "", r.kind, r.direction,
            r.started_at, r.duration_seconds, r.outcome, r.summary, r.next_step_at))
    return rows
