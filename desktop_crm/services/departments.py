"""The department tree: create, rename, move, merge, delete, and the tree with its head counts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop_crm.domain import validation as v
from desktop_crm.domain.enums import UserStatus
from desktop_crm.domain.errors import Conflict, NotFound, ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import alerts as alert_kinds
from desktop_crm.services import audit
from desktop_crm.services.actor import bump_access_version
from desktop_crm.services.context import ServiceContext, Work
from desktop_crm.services.org_views import DepartmentNode, DepartmentView, MergeCounts
from desktop_crm.services.scopes import department_subtree
from desktop_crm.storage.models import Customer, Department, PoolMember, RoleGrant, User

R = Resource.DEPARTMENT

# Service messages the admin pages show (marked for translation there).
CYCLE = "a department cannot move under itself or one of its own sub-departments"
DUPLICATE_NAME = "a department of this name already sits at this place in the tree"
MERGE_INTO_ITSELF = "choose another department to merge into"
MERGE_INTO_CHILD = "a department cannot be merged into one of its own sub-departments"
NOT_EMPTY = "move this department's people and sub-departments first"
NAMED_BY_ROLE = ("a role grants access by this department: change the role, or merge the "
                 "department into another instead")
HOLDS_CUSTOMERS = ("customers still belong to this department: merge it into another "
                   "department instead")


class DepartmentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def list(self) -> list[DepartmentView]:
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            rows = w.session.execute(
                select(Department).where(Department.deleted_at.is_(None))
                .order_by(Department.name)
            ).scalars()
            return [DepartmentView(d.id, d.name, d.parent_id) for d in rows]

    def tree(self) -> list[DepartmentNode]:
        """The live departments as a tree (roots first, siblings by name), each with the number
        of people who have not departed working directly in it."""
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            counts = dict(w.session.execute(
                select(User.department_id, func.count())
                .where(User.deleted_at.is_(None), User.status != UserStatus.DEPARTED.value,
                       User.department_id.is_not(None))
                .group_by(User.department_id)
            ).tuples().all())
            rows = w.session.execute(
                select(Department.id, Department.name, Department.parent_id)
                .where(Department.deleted_at.is_(None))
            ).tuples().all()
            return _build_tree(rows, counts)

    def create(self, name: str, *, parent_id: str | None = None) -> DepartmentView:
        with self.ctx.writing() as w:
            w.actor.require(R, Action.MANAGE)
            clean = v.required_text("name", name, max_length=100)
            if parent_id and _live(w.session.get(Department, parent_id)) is None:
                raise ValidationError("parent", "no such department")
            _require_free_name(w.session, clean, parent_id, None)
            dept = Department(id=new_id(), created_at=w.now, updated_at=w.now, version=1,
                              updated_by=w.actor.user_id, name=clean, parent_id=parent_id)
            w.session.add(dept)
            w.session.flush()
            bump_access_version(w.session)
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action="department.create", entity=R, entity_id=dept.id)
            return DepartmentView(dept.id, dept.name, dept.parent_id)

    def update(self, department_id: str, *, name: str | None = None,
               parent_id: str | None = None) -> DepartmentView:
        """Rename and/or move under another parent (to move to the top level, see `move`)."""
        with self.ctx.writing() as w:
            w.actor.require(R, Action.MANAGE)
            dept = _require(w.session, department_id)
            if parent_id is not None:
                _require_new_parent(w.session, dept, parent_id)
            target_parent = dept.parent_id if parent_id is None else parent_id
            if name is not None:
                dept.name = v.required_text("name", name, max_length=100)
            if name is not None or parent_id is not None:
                _require_free_name(w.session, dept.name, target_parent, dept.id)
            dept.parent_id = target_parent
            return self._save_change(w, dept, moved_to=parent_id, moved=parent_id is not None)

    def move(self, department_id: str, new_parent_id: str | None) -> DepartmentView:
        """Put a department (with everything below it) under another one, or at the top level
        (None). Refused when the new parent is the department itself or below it."""
        with self.ctx.writing() as w:
            w.actor.require(R, Action.MANAGE)
            dept = _require(w.session, department_id)
            if new_parent_id is not None:
                _require_new_parent(w.session, dept, new_parent_id)
            _require_free_name(w.session, dept.name, new_parent_id, dept.id)
            dept.parent_id = new_parent_id
            return self._save_change(w, dept, moved_to=new_parent_id, moved=True)

    def merge(self, source_id: str, into_id: str) -> MergeCounts:
        """Fold one department into another in one transaction: its people, sub-departments,
        customers, pool memberships and the role grants naming it move to the target; the
        source is deleted (a tombstone)."""
        with self.ctx.writing() as w:
            w.actor.require(R, Action.MANAGE)
            source = _require(w.session, source_id)
            if into_id == source.id:
                raise ValidationError("into", MERGE_INTO_ITSELF)
            target = _live(w.session.get(Department, into_id))
            if target is None:
                raise ValidationError("into", "no such department")
            if target.id in department_subtree(w.session, source.id):
                raise ValidationError("into", MERGE_INTO_CHILD)
            children = list(w.session.execute(select(Department).where(
                Department.parent_id == source.id, Department.deleted_at.is_(None))).scalars())
            for child in children:
                _require_free_name(w.session, child.name, target.id, child.id)
            counts = _move_contents(w, source.id, target.id, children)
            _stamp(source, w)
            source.deleted_at = w.now
            w.session.flush()
            bump_access_version(w.session)
            seq = audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                               action="department.merge", entity=R, entity_id=source.id,
                               detail={"into": target.id, **counts.as_detail()})
            audit.raise_alert(w.session, at=w.now, kind=alert_kinds.SCOPE_CHANGE, audit_seq=seq,
                              actor_id=w.actor.user_id,
                              message=f"department {source.name} merged into {target.name}")
            return counts

    def delete(self, department_id: str) -> None:
        with self.ctx.writing() as w:
            w.actor.require(R, Action.MANAGE)
            dept = _require(w.session, department_id)
            # departed people keep their department on the history; they do not hold it
            members = w.session.execute(
                select(func.count()).select_from(User).where(
                    User.department_id == dept.id, User.deleted_at.is_(None),
                    User.status != UserStatus.DEPARTED.value)
            ).scalar_one()
            children = w.session.execute(
                select(func.count()).select_from(Department).where(
                    Department.parent_id == dept.id, Department.deleted_at.is_(None))
            ).scalar_one()
            if members or children:
                raise Conflict(NOT_EMPTY)
            if any(dept.id in grant.department_ids for grant in w.session.execute(
                    select(RoleGrant).where(RoleGrant.deleted_at.is_(None))).scalars()):
                raise Conflict(NAMED_BY_ROLE)  # the role could not be saved again otherwise
            if w.session.execute(select(Customer.id).where(
                    Customer.department_id == dept.id, Customer.deleted_at.is_(None))
                    .limit(1)).first():
                raise Conflict(HOLDS_CUSTOMERS)
            _stamp(dept, w)
            dept.deleted_at = w.now
            bump_access_version(w.session)
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action="department.delete", entity=R, entity_id=dept.id)

    def _save_change(self, w: Work, dept: Department, *, moved_to: str | None,
                     moved: bool) -> DepartmentView:
        _stamp(dept, w)
        w.session.flush()
        bump_access_version(w.session)  # a move changes who sees what
        detail = {"parent": moved_to} if moved else {}
        seq = audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                           action="department.move" if moved else "department.update",
                           entity=R, entity_id=dept.id, detail=detail)
        if moved:
            audit.raise_alert(w.session, at=w.now, kind=alert_kinds.SCOPE_CHANGE, audit_seq=seq,
                              actor_id=w.actor.user_id,
                              message=f"department {dept.name} moved in the tree")
        return DepartmentView(dept.id, dept.name, dept.parent_id)


def _move_contents(w: Work, source_id: str, target_id: str,
                   children: list[Department]) -> MergeCounts:
    session, now, by = w.session, w.now, w.actor.user_id
    for child in children:
        child.parent_id = target_id
        _stamp(child, w)
    users = _repoint(session, User, source_id, target_id, now, by)
    customers = _repoint(session, Customer, source_id, target_id, now, by)
    pool_members = _repoint(session, PoolMember, source_id, target_id, now, by)
    grants = 0
    for grant in session.execute(select(RoleGrant).where(RoleGrant.deleted_at.is_(None))).scalars():
        if source_id in grant.department_ids:
            kept = [d for d in grant.department_ids if d != source_id]
            grant.department_ids = kept if target_id in kept else [*kept, target_id]
            grant.version += 1
            grant.updated_at, grant.updated_by = now, by
            grants += 1
    return MergeCounts(users=users, sub_departments=len(children), customers=customers,
                       role_grants=grants, pool_members=pool_members)


def _repoint(session: Session, model: type[User] | type[Customer] | type[PoolMember],
             source_id: str, target_id: str, now: datetime, by: str) -> int:
    """Every row of `model` in the source department moves to the target (one statement)."""
    result = session.execute(
        update(model).where(model.department_id == source_id)
        .values(department_id=target_id, version=model.version + 1, updated_at=now,
                updated_by=by)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)


def _build_tree(rows: list[tuple[str, str, str | None]],
                counts: dict[str, int]) -> list[DepartmentNode]:
    known = {row[0] for row in rows}
    children: dict[str | None, list[tuple[str, str, str | None]]] = {}
    for row in rows:
        parent = row[2] if row[2] in known else None  # an orphan shows at the top level
        children.setdefault(parent, []).append(row)

    def build(parent: str | None) -> tuple[DepartmentNode, ...]:
        below = sorted(children.get(parent, []), key=lambda r: (r[1].casefold(), r[0]))
        return tuple(DepartmentNode(id=i, name=n, parent_id=p, user_count=counts.get(i, 0),
                                    children=build(i)) for i, n, p in below)

    return list(build(None))


def _require(session: Session, department_id: str) -> Department:
    dept = _live(session.get(Department, department_id))
    if dept is None:
        raise NotFound(R, department_id)
    return dept


def _require_new_parent(session: Session, dept: Department, parent_id: str) -> None:
    if parent_id in department_subtree(session, dept.id):
        raise ValidationError("parent", CYCLE)
    if _live(session.get(Department, parent_id)) is None:
        raise ValidationError("parent", "no such department")


def _require_free_name(session: Session, name: str, parent_id: str | None,
                       own_id: str | None) -> None:
    """Siblings must be told apart: no two live departments of one name under one parent."""
    siblings = select(Department.id, Department.name).where(
        Department.deleted_at.is_(None),
        Department.parent_id.is_(None) if parent_id is None
        else Department.parent_id == parent_id)
    wanted = name.casefold()
    for sibling_id, sibling_name in session.execute(siblings):
        if sibling_id != own_id and sibling_name.casefold() == wanted:
            raise ValidationError("name", DUPLICATE_NAME)


def _stamp(dept: Department, w: Work) -> None:
    dept.version += 1
    dept.updated_at, dept.updated_by = w.now, w.actor.user_id


def _live(dept: Department | None) -> Department | None:
    return dept if dept is not None and dept.deleted_at is None else None
