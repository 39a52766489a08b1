"""Whose customers one user sees, and how a list view and filters narrow that.

A user sees the customers of the owners their data scope reaches, plus records shared with
them through collaborator grants. A `CustomerFilter` only ever narrows this: a list view or
an owner/department filter is intersected with the scope (and keeps only the shared records
those owners hold); a filter on a field the user may not see unmasked matches nothing, as a
search for it would.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from desktop_crm.domain.enums import GrantAccess
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.actor import Actor
from desktop_crm.services.context import Work
from desktop_crm.services.customer_filters import NO_FILTER, CustomerFilter, ListView
from desktop_crm.services.customer_views import field_view
from desktop_crm.services.scopes import (
    OwnerScope,
    department_subtree,
    granted_record_ids,
    owner_scope,
    subordinates,
    users_in,
)
from desktop_crm.storage.row_filter import RowFilter

R = Resource.CUSTOMER
_ROW_FILTER_FIELDS = ("lifecycle_stage", "tier", "tag", "city")
_FIELD_OF = {"tag": "tags"}  # the customer field a row filter tests


@dataclass(frozen=True)
class Sight:
    """What one user can see of customers in one unit of work."""

    scope: OwnerScope
    grants: Mapping[str, GrantAccess]

    def sees(self, customer: Mapping[str, Any]) -> bool:
        return self.scope.covers(customer["owner_id"]) or customer["id"] in self.grants

    def shared_only(self, owner_id: str | None) -> bool:
        return not self.scope.covers(owner_id)

    @property
    def owner_ids(self) -> frozenset[str] | None:
        return None if self.scope.everyone else self.scope.owner_ids


def sight_of(w: Work, action: str = Action.READ) -> Sight:
    return Sight(owner_scope(w.session, w.actor, R, action),
                 granted_record_ids(w.session, w.actor, R, w.now))


@dataclass(frozen=True)
class ListSight:
    """The customers one list shows: a user's sight narrowed by a filter.

    `scope` stays the user's whole read scope: it decides, row by row, whether a record is
    their own or only shared with them (which masks it more).
    """

    scope: OwnerScope
    owner_ids: frozenset[str] | None  # list these owners' customers; None: every owner
    extra_ids: Collection[str]  # and these records shared with the user...
    extra_owner_ids: frozenset[str] | None  # ...when one of these owns them (None: any)
    where: RowFilter
    blocked: bool = False  # the filter tests a field the user may not see

    @property
    def nothing(self) -> bool:
        """Whether the list is empty whatever the data (no query needed)."""
        no_owners = self.owner_ids is not None and not self.owner_ids
        no_extras = not self.extra_ids or (
            self.extra_owner_ids is not None and not self.extra_owner_ids)
        return self.blocked or (no_owners and no_extras)

    def storage_args(self) -> dict[str, Any]:
        """Keyword arguments of the storage list, count and search readers."""
        return {"owner_ids": self.owner_ids, "extra_ids": self.extra_ids,
                "extra_owner_ids": self.extra_owner_ids, "where": self.where}


def narrowed(w: Work, sight: Sight, filters: CustomerFilter | None) -> ListSight:
    """`sight` narrowed by a list view and filters (never widened)."""
    filters = filters or NO_FILTER
    owners = _filter_owners(w.session, w.actor, filters)
    scope_owners = sight.owner_ids
    if filters.view == "shared":
        listed: frozenset[str] | None = frozenset()
    elif owners is None:
        listed = scope_owners
    else:
        listed = owners if scope_owners is None else owners & scope_owners
    where = RowFilter(**{name: getattr(filters, name) for name in _ROW_FILTER_FIELDS})
    return ListSight(sight.scope, listed, list(sight.grants), owners, where,
                     blocked=_tests_unseen_field(w.actor, filters))


def _filter_owners(
    session: Session, actor: Actor, filters: CustomerFilter
) -> frozenset[str] | None:
    """The owners the view, owner and department filters allow together; None: any."""
    allowed: list[frozenset[str]] = []
    if filters.view in ("mine", "subordinates", "department"):
        allowed.append(view_owners(session, actor, filters.view))
    if filters.owner_id is not None:
        allowed.append(frozenset({filters.owner_id}))
    if filters.department_id is not None:
        allowed.append(department_owners(session, actor, filters.department_id))
    if not allowed:
        return None
    return frozenset.intersection(*allowed)


def view_owners(session: Session, actor: Actor, view: ListView) -> frozenset[str]:
    """Whose customers a per-owner list view is about, before the scope applies."""
    key = ("view_owners", view)
    found = actor.memo.get(key)
    if found is None:
        if view == "mine":
            found = frozenset({actor.user_id})
        elif view == "subordinates":
            found = frozenset(subordinates(session, actor.user_id))
        elif view == "department":
            mine = [actor.department_id] if actor.department_id else []
            found = frozenset(users_in(session, mine))
        else:
            raise ValueError(f"{view} is not a per-owner view")
        actor.memo[key] = found
    return found


def department_owners(session: Session, actor: Actor, department_id: str) -> frozenset[str]:
    """Users in a department and every department below it (kept with the actor: a move
    in the tree or between departments changes the access version, hence the actor)."""
    key = ("department_owners", department_id)
    found = actor.memo.get(key)
    if found is None:
        found = actor.memo[key] = frozenset(
            users_in(session, department_subtree(session, department_id)))
    return found


def _tests_unseen_field(actor: Actor, filters: CustomerFilter) -> bool:
    """Whether a filter tests a field the user sees hidden or masked in a list: matching
    on it would tell them its value."""
    tested = {_FIELD_OF.get(name, name) for name in _ROW_FILTER_FIELDS
              if getattr(filters, name) is not None}
    if not tested:
        return False
    unseen = set()
    for shared_only in (False, True):
        view = field_view(actor, in_list=True, shared_only=shared_only)
        unseen |= view.hidden | view.masked
    return bool(tested & unseen)


def available_views(session: Session, actor: Actor, scope: OwnerScope) -> list[ListView]:
    """The list views worth offering: each shows something "mine" alone would not.

    Everyone's scope offers all five; "shared" is offered to anyone who reads customers
    (a colleague may share a record at any time).
    """
    if not actor.can(R, Action.READ):
        return []
    if scope.everyone:
        return ["mine", "subordinates", "department", "shared", "all"]
    me = actor.user_id
    views: list[ListView] = []
    if scope.covers(me):
        views.append("mine")
    if scope.owner_ids & view_owners(session, actor, "subordinates"):
        views.append("subordinates")
    if scope.owner_ids & (view_owners(session, actor, "department") - {me}):
        views.append("department")
    views.append("shared")
    if scope.owner_ids - {me}:
        views.append("all")
    return views
