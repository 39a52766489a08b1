"""The department tree."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop_crm.domain import validation as v
from desktop_crm.domain.errors import Conflict, NotFound, ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import audit
from desktop_crm.services.actor import bump_access_version
from desktop_crm.services.context import ServiceContext
from desktop_crm.services.org_views import DepartmentView
from desktop_crm.services.scopes import department_subtree
from desktop_crm.storage.models import Department, User

R = Resource.DEPARTMENT


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

    def create(self, name: str, *, parent_id: str | None = None) -> DepartmentView:
        with self.ctx.writing() as w:
            w.actor.require(R, Action.MANAGE)
            clean = v.required_text("name", name, max_length=100)
            if parent_id and _live(w.session.get(Department, parent_id)) is None:
                raise ValidationError("parent", "no such department")
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
        with self.ctx.writing() as w:
            w.actor.require(R, Action.MANAGE)
            dept = _live(w.session.get(Department, department_id))
            if dept is None:
                raise NotFound(R, department_id)
            if name is not None:
                dept.name = v.required_text("name", name, max_length=100)
            if parent_id is not None:
                if parent_id in department_subtree(w.session, dept.id):
                    raise ValidationError("parent", "a department cannot sit below itself")
                if _live(w.session.get(Department, parent_id)) is None:
                    raise ValidationError("parent", "no such department")
                dept.parent_id = parent_id
            dept.version += 1
            dept.updated_at, dept.updated_by = w.now, w.actor.user_id
            bump_access_version(w.session)  # a move changes who sees what
            seq = audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                               action="department.update", entity=R, entity_id=dept.id)
            if parent_id is not None:  # moving a department changes who sees what
                audit.raise_alert(w.session, at=w.now, kind="scope_change", audit_seq=seq,
                                  actor_id=w.actor.user_id,
                                  message=f"department {dept.name} moved in the tree")
            return DepartmentView(dept.id, dept.name, dept.parent_id)

    def delete(self, department_id: str) -> None:
        with self.ctx.writing() as w:
            w.actor.require(R, Action.MANAGE)
            dept = _live(w.session.get(Department, department_id))
            if dept is None:
                raise NotFound(R, department_id)
            members = w.session.execute(
                select(func.count()).select_from(User).where(User.department_id == dept.id)
            ).scalar_one()
            children = w.session.execute(
                select(func.count()).select_from(Department).where(
                    Department.parent_id == dept.id, Department.deleted_at.is_(None))
            ).scalar_one()
            if members or children:
                raise Conflict("move this department's people and sub-departments first")
            dept.deleted_at = w.now
            dept.version += 1
            dept.updated_at, dept.updated_by = w.now, w.actor.user_id
            bump_access_version(w.session)
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action="department.delete", entity=R, entity_id=dept.id)


def _live(dept: Department | None) -> Department | None:
    return dept if dept is not None and dept.deleted_at is None else None
