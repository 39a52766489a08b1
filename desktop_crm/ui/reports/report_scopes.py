"""Whose customers a report may cover, as the scope picker offers them: "All I can see",
then the departments and the people the viewer's report scope reaches.

Worked out from the viewer's own report grant and the organisation lists (users and
departments), the way the services' data scopes are: the union over the viewer's roles.
The service checks the chosen scope again and refuses one outside the viewer's sight; this
only keeps such choices off the list. A salesperson is offered only themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop_crm.domain.enums import Scope, UserStatus
from desktop_crm.domain.errors import PermissionDenied
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.reports.report_model import ReportScope, ScopeKind
from desktop_crm.services.actor import Actor, ScopeGrant
from desktop_crm.services.org_views import DepartmentView, UserView
from desktop_crm.services.session import CrmSession


@dataclass(frozen=True)
class ScopeChoice:
    scope: ReportScope
    depth: int = 0  # a department's depth in the tree, for indenting


@dataclass(frozen=True)
class Reach:
    """The departments (in tree order, with their depth) and people a report may cover."""

    departments: tuple[tuple[DepartmentView, int], ...]
    people: tuple[UserView, ...]


def report_reach(actor: Actor, users: Sequence[UserView] | None,
                 departments: Sequence[DepartmentView] | None) -> Reach:
    """What the viewer's report grant reaches among the live departments and the people who
    have not departed. Without the organisation lists (a role that may not read them) the
    viewer is offered only themselves."""
    grants = actor.grants.get((Resource.REPORT, Action.READ), ())
    if not grants:
        return Reach((), ())
    if users is None or departments is None:
        return Reach((), (_myself(actor),))
    everyone = any(g.scope is Scope.ALL for g in grants)
    children: dict[str | None, list[DepartmentView]] = {}
    known = {d.id for d in departments}
    for department in sorted(departments, key=lambda d: d.name):
        parent = department.parent_id if department.parent_id in known else None
        children.setdefault(parent, []).append(department)
    reached_departments: set[str] = set()
    reached_people: set[str] = set()
    for grant in grants:
        units, people = _reach_of(grant, actor, users, children)
        reached_departments |= units
        reached_people |= people
    tree = [(d, depth) for d, depth in _walk(children, None, 0)
            if everyone or d.id in reached_departments]
    top = min((depth for _, depth in tree), default=0)  # the first offered sits at the margin
    tree = [(d, depth - top) for d, depth in tree]
    live = [u for u in users if u.status != UserStatus.DEPARTED]
    people = tuple(u for u in live if everyone or u.id in reached_people)
    if not any(u.id == actor.user_id for u in people):
        people = (_myself(actor), *people)
    return Reach(tuple(tree), people)


def _reach_of(grant: ScopeGrant, actor: Actor, users: Sequence[UserView],
              children: dict[str | None, list[DepartmentView]]) -> tuple[set[str], set[str]]:
    """(departments, people) one grant reaches."""
    match grant.scope:
        case Scope.SELF:
            return set(), {actor.user_id}
        case Scope.SELF_AND_SUBORDINATES:
            return set(), {actor.user_id} | _subordinates(actor.user_id, users)
        case Scope.DEPARTMENT:
            units = {actor.department_id} if actor.department_id else set()
        case Scope.DEPARTMENT_AND_CHILDREN:
            if not actor.department_id:
                return set(), {actor.user_id}
            units = _subtree(actor.department_id, children)
        case Scope.CUSTOM_DEPARTMENTS:
            units = set(grant.department_ids)
        case _:
            return set(), set()
    return units, {u.id for u in users if u.department_id in units}


def _subordinates(user_id: str, users: Sequence[UserView]) -> set[str]:
    below: set[str] = set()
    frontier = {user_id}
    while frontier:
        frontier = {u.id for u in users if u.superior_id in frontier and u.id not in below}
        below |= frontier
    below.discard(user_id)
    return below


def _subtree(department_id: str, children: dict[str | None, list[DepartmentView]]) -> set[str]:
    found = {department_id}
    frontier = [department_id]
    while frontier:
        at = frontier.pop()
        for child in children.get(at, []):
            if child.id not in found:
                found.add(child.id)
                frontier.append(child.id)
    return found


def _walk(children: dict[str | None, list[DepartmentView]], parent: str | None,
          depth: int) -> list[tuple[DepartmentView, int]]:
    walked = []
    for department in children.get(parent, []):
        walked.append((department, depth))
        walked.extend(_walk(children, department.id, depth + 1))
    return walked


def _myself(actor: Actor) -> UserView:
    return UserView(actor.user_id, actor.username, actor.display_name, actor.department_id,
                    None, actor.roles, UserStatus.ACTIVE.value, False)


def scope_choices(reach: Reach, everything_label: str) -> list[ScopeChoice]:
    """The picker's entries: everything the viewer sees, then departments, then people
    (in the order given: the widget sorts people by name in the reader's language)."""
    choices = [ScopeChoice(ReportScope(ScopeKind.COMPANY, None, everything_label))]
    choices += [ScopeChoice(ReportScope(ScopeKind.DEPARTMENT, d.id, d.name), depth)
                for d, depth in reach.departments]
    choices += [ScopeChoice(ReportScope(ScopeKind.USER, u.id, u.display_name or u.username))
                for u in reach.people]
    return choices


def reach_reader(session: CrmSession, actor: Actor) -> Callable[[], Reach]:
    """The read (for the read lane) of what the viewer's reports may cover."""
    users, departments = session.users, session.departments

    def read() -> Reach:
        try:
            people, units = users.list(include_departed=False), departments.list()
        except PermissionDenied:  # a role that may not read the organisation
            return report_reach(actor, None, None)
        return report_reach(actor, people, units)

    return read
