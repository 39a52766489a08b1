"""What a customer filter bar and an assign menu offer one user, all within their sight."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, select

from desktop_crm.domain.enums import UserStatus
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.context import Work
from desktop_crm.services.customer_filters import DepartmentChoice, FilterChoices, OwnerChoice
from desktop_crm.services.customer_sight import Sight
from desktop_crm.services.customer_views import field_view
from desktop_crm.services.scopes import owner_scope
from desktop_crm.storage.customer_facets import common_cities_and_tags
from desktop_crm.storage.models import Customer, Department, User

R = Resource.CUSTOMER
CHOICES_MAX = 200  # cities and tags offered at most

_u = User.__table__.c
_USERS = select(_u.id, _u.username, _u.display_name, _u.department_id, _u.status).where(
    _u.deleted_at.is_(None))
_d = Department.__table__.c
_DEPARTMENTS = select(_d.id, _d.name, _d.parent_id).where(_d.deleted_at.is_(None))
_c = Customer.__table__.c
_OWNERS_OF = select(_c.owner_id).distinct().where(
    _c.id.in_(bindparam("ids", expanding=True)), _c.deleted_at.is_(None))


def filter_choices(w: Work, sight: Sight) -> FilterChoices:
    """Owners whose customers the user sees (themselves included), their departments with
    the departments above them, and the cities and tags common among visible customers.

    A field the user sees hidden or masked in lists offers no values (they would tell it).
    """
    owners = _visible_owners(w, sight)
    conn = w.session.connection()
    common = common_cities_and_tags(conn, owner_ids=sight.owner_ids,
                                    extra_ids=list(sight.grants), limit=CHOICES_MAX)
    unseen: set[str] = set()
    for shared_only in (False, True):
        view = field_view(w.actor, in_list=True, shared_only=shared_only)
        unseen |= view.hidden | view.masked
    return FilterChoices(
        owners=owners,
        departments=_departments_of(w, sight, owners),
        cities=[] if "city" in unseen else common.cities,
        tags=[] if "tags" in unseen else common.tags,
    )


def assignable_owners(w: Work) -> list[OwnerChoice]:
    """Active users this user may hand a customer to (empty without the assign right)."""
    if not w.actor.can(R, Action.ASSIGN):
        return []
    scope = owner_scope(w.session, w.actor, R, Action.ASSIGN)
    return _choices(u for u in w.session.connection().execute(_USERS)
                    if u.status == UserStatus.ACTIVE and scope.covers(u.id))


def _visible_owners(w: Work, sight: Sight) -> list[OwnerChoice]:
    """Users whose customers this user may see: those their scope reaches and the owners
    of records shared with them, plus themselves. Departed users own nothing any more
    (their customers were handed over), so they are left out."""
    conn = w.session.connection()
    wanted: set[str | None] = {w.actor.user_id}
    if sight.grants:
        wanted |= set(conn.execute(_OWNERS_OF, {"ids": list(sight.grants)}).scalars())
    return _choices(u for u in conn.execute(_USERS)
                    if u.status != UserStatus.DEPARTED
                    and (sight.scope.covers(u.id) or u.id in wanted))


def _choices(users: Iterable) -> list[OwnerChoice]:
    """In user-name order. Screens order them by display name in the reader's language
    (Qt's collator knows pinyin order); pypinyin is not loaded for this (~55 MiB)."""
    chosen = [OwnerChoice(u.id, u.username, u.display_name, u.department_id) for u in users]
    return sorted(chosen, key=lambda o: o.username)


def _departments_of(w: Work, sight: Sight, owners: list[OwnerChoice]) -> list[DepartmentChoice]:
    """Every department for a user who sees everyone; otherwise those of the owners
    offered, with the departments above them so a tree can be drawn."""
    every = {d.id: DepartmentChoice(d.id, d.name, d.parent_id)
             for d in w.session.connection().execute(_DEPARTMENTS)}
    if sight.scope.everyone:
        shown = set(every)
    else:
        shown = set()
        for owner in owners:
            at = owner.department_id
            while at is not None and at in every and at not in shown:
                shown.add(at)
                at = every[at].parent_id
    return sorted((every[i] for i in shown), key=lambda d: (d.name, d.id))
