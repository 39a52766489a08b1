"""What the scope picker offers: the viewer's report grant over the organisation lists."""

from __future__ import annotations

from desktop_crm.domain.enums import Scope, UserStatus
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.reports.report_model import ScopeKind
from desktop_crm.services.actor import Actor, ScopeGrant
from desktop_crm.services.org_views import DepartmentView, UserView
from desktop_crm.ui.reports.report_scopes import report_reach, scope_choices

DEPARTMENTS = [DepartmentView("hq", "总部 HQ", None), DepartmentView("east", "华东 East", "hq"),
               DepartmentView("shanghai", "上海 Shanghai", "east"),
               DepartmentView("south", "华南 South", "hq")]


def user(user_id: str, department: str | None, superior: str | None = None,
         status: UserStatus = UserStatus.ACTIVE) -> UserView:
    return UserView(user_id, user_id, f"{user_id} 名", department, superior, (), status.value,
                    False)


USERS = [user("boss", "hq"), user("mgr", "east", "boss"), user("ann", "shanghai", "mgr"),
         user("bob", "east", "mgr"), user("cat", "south", "ann"),
         user("gone", "east", "mgr", UserStatus.DEPARTED)]


def actor(user_id: str, department: str | None, *scopes: Scope,
          departments: tuple[str, ...] = ()) -> Actor:
    grants = tuple(ScopeGrant(s, departments if s is Scope.CUSTOM_DEPARTMENTS else ())
                   for s in scopes)
    return Actor(user_id, user_id, f"{user_id} 名", department, (), False,
                 grants={(Resource.REPORT, Action.READ): grants} if grants else {})


def offered(viewer: Actor) -> tuple[list[str], list[str]]:
    reach = report_reach(viewer, USERS, DEPARTMENTS)
    return [d.id for d, _ in reach.departments], sorted(u.id for u in reach.people)


def test_the_whole_company_offers_every_department_as_a_tree_and_everyone_still_here():
    reach = report_reach(actor("boss", "hq", Scope.ALL), USERS, DEPARTMENTS)
    assert [(d.id, depth) for d, depth in reach.departments] == [
        ("hq", 0), ("east", 1), ("shanghai", 2), ("south", 1)]
    assert sorted(u.id for u in reach.people) == ["ann", "bob", "boss", "cat", "mgr"]


def test_a_salesperson_is_offered_only_themselves():
    assert offered(actor("bob", "east", Scope.SELF)) == ([], ["bob"])


def test_a_manager_reaches_their_reporting_line_and_their_department_tree():
    departments, people = offered(actor("mgr", "east", Scope.SELF_AND_SUBORDINATES,
                                        Scope.DEPARTMENT_AND_CHILDREN))
    assert departments == ["east", "shanghai"]
    assert people == ["ann", "bob", "cat", "mgr"]  # cat reports to ann from another department


def test_named_departments_reach_only_those_departments():
    departments, people = offered(actor("boss", "hq", Scope.CUSTOM_DEPARTMENTS,
                                        departments=("south",)))
    assert departments == ["south"]
    assert people == ["boss", "cat"]  # the viewer is always offered themselves


def test_without_the_report_grant_nothing_is_offered():
    assert offered(actor("bob", "east")) == ([], [])


def test_without_the_organisation_lists_the_viewer_is_offered_only_themselves():
    reach = report_reach(actor("mgr", "east", Scope.DEPARTMENT), None, None)
    assert reach.departments == () and [u.id for u in reach.people] == ["mgr"]


def test_the_choices_start_with_everything_the_viewer_sees():
    reach = report_reach(actor("mgr", "east", Scope.DEPARTMENT_AND_CHILDREN), USERS,
                         DEPARTMENTS)
    choices = scope_choices(reach, "All I can see")
    assert [(c.scope.kind, c.scope.id) for c in choices[:3]] == [
        (ScopeKind.COMPANY, None), (ScopeKind.DEPARTMENT, "east"),
        (ScopeKind.DEPARTMENT, "shanghai")]
    assert choices[0].scope.label == "All I can see"
    assert [c.depth for c in choices[1:3]] == [0, 1]
    assert {c.scope.kind for c in choices[3:]} == {ScopeKind.USER}
