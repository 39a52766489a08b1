"""Users, their roles and their sign-in slots."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from sqlalchemy import func, select
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
from desktop_crm.services.org_views import RoleView, UserListRow, UserView
from desktop_crm.services.passwords import one_time_password
from desktop_crm.services.policies import PolicyService
from desktop_crm.services.scopes import subordinates
from desktop_crm.storage.models import AuditEvent, Department, Role, User, UserRole

R = Resource.USER


class KeySlots(Protocol):
    """The vault's key-slot operations the user service needs (an open vault provides them)."""

    def add_user_slot(self, user_id: str, username: str, password: str) -> None: ...

    def change_password(self, old_password: str, new_password: str) -> None: ...

    def reset_user_slot(self, user_id: str, username: str, new_password: str) -> None: ...

    def remembered_device_counts(self) -> dict[str, int]: ...


SIGN_IN = "auth.sign_in"  # the audit action written at every successful sign-in
# Service messages the admin pages show (marked for translation there).
SUPERIOR_CYCLE = "a user cannot report to themselves or to someone who reports to them"
SUPERIOR_DEPARTED = "this person has departed and cannot be a superior"
DEPARTED_UNCHANGED = "this user has departed; their record can no longer be changed"
RESET_OWN = "change your own password instead of resetting it"
LAST_ADMIN = "the vault must keep at least one active administrator"
ADMIN_ROLE = "admin"


class UserService:
    def __init__(self, ctx: ServiceContext, slots: KeySlots) -> None:
        self.ctx = ctx
        self.slots = slots

    def list(self, *, include_departed: bool = True) -> list[UserView]:
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            query = select(User).where(User.deleted_at.is_(None)).order_by(User.username_key)
            if not include_departed:
                query = query.where(User.status != UserStatus.DEPARTED)
            users = list(w.session.execute(query).scalars())
            roles = _role_names(w.session, [u.id for u in users])
            return [_view(u, roles.get(u.id, ())) for u in users]

    def get(self, user_id: str) -> UserView:
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            user = _find(w.session, user_id)
            return _view(user, _role_names(w.session, [user.id]).get(user.id, ()))

    def find_by_username(self, username: str) -> UserView:
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            user = w.session.execute(
                select(User).where(User.username_key == username.strip().casefold())
            ).scalar_one_or_none()
            if user is None:
                raise NotFound(R, username)
            return _view(user, _role_names(w.session, [user.id]).get(user.id, ()))

    def overview(self, *, include_departed: bool = False) -> list[UserListRow]:
        """The admin's user list: names resolved, each user's last sign-in (one grouped read
        of the audit log) and how many devices remember them (from the key file)."""
        with self.ctx.reading() as w:
            w.actor.require(R, Action.MANAGE)
            devices = self.slots.remembered_device_counts()
            query = select(User).where(User.deleted_at.is_(None)).order_by(User.username_key)
            if not include_departed:
                query = query.where(User.status != UserStatus.DEPARTED)
            users = list(w.session.execute(query).scalars())
            roles = _role_names(w.session, [u.id for u in users])
            departments = dict(w.session.execute(
                select(Department.id, Department.name)).tuples().all())
            names = dict(w.session.execute(select(User.id, User.display_name)).tuples().all())
            signed_in = _last_sign_ins(w.session)
            return [
                UserListRow(
                    user=_view(u, roles.get(u.id, ())),
                    department_name=departments.get(u.department_id or "", ""),
                    superior_name=names.get(u.superior_id or "", ""),
                    last_sign_in=signed_in.get(u.id),
                    remembered_devices=devices.get(u.id, 0),
                )
                for u in users
            ]

    def role_choices(self) -> list[RoleView]:
        """The roles an admin may give a user."""
        with self.ctx.reading() as w:
            w.actor.require(R, Action.MANAGE)
            rows = w.session.execute(
                select(Role).where(Role.deleted_at.is_(None)).order_by(Role.name)).scalars()
            return [RoleView(r.id, r.name, r.title, r.description, r.builtin) for r in rows]

    def create(
        self, username: str, display_name: str = "", *, roles: list[str],
        department_id: str | None = None, superior_id: str | None = None,
    ) -> tuple[UserView, str]:
        """A new user with a one-time password (returned once; changed at first sign-in)."""
        with self.ctx.writing() as w:
            w.actor.require(R, Action.MANAGE)
            user = add_user(
                w.session, w.now, by=w.actor.user_id, username=username,
                display_name=display_name, roles=roles,
                department_id=department_id, superior_id=superior_id,
                must_change_password=True,
            )
            password = one_time_password()
            # Last step inside the transaction: if the slot cannot be written, no user row stays.
            self.slots.add_user_slot(user.id, user.username, password)
            return _view(user, tuple(sorted(roles))), password

    def set_status(self, user_id: str, status: UserStatus) -> UserView:
        """Suspend or reactivate (departure is its own workflow)."""
        if status is UserStatus.DEPARTED:
            raise ValidationError("status", "use the departure workflow")
        with self.ctx.writing() as w:
            w.actor.require(R, Action.MANAGE)
            user = _find(w.session, user_id)
            if user.status == UserStatus.DEPARTED:
                raise Conflict("this user has departed; their access cannot be restored")
            if user.id == w.actor.user_id and status is UserStatus.SUSPENDED:
                raise ValidationError("user", "you cannot suspend yourself")
            user.status = status.value
            w.session.flush()
            if not active_admins(w.session):
                raise ValidationError("user", LAST_ADMIN)  # rolls the change back
            _touch(user, w)
            verb = "suspend" if status is UserStatus.SUSPENDED else "reactivate"
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id, action=f"user.{verb}",
                         entity=R, entity_id=user.id)
            return _view(user, _role_names(w.session, [user.id]).get(user.id, ()))

    def set_roles(self, user_id: str, roles: list[str]) -> UserView:
        with self.ctx.writing() as w:
            w.actor.require(R, Action.MANAGE)
            user = _find(w.session, user_id)
            _replace_roles(w.session, w.now, w.actor.user_id, user.id, roles)
            if ADMIN_ROLE not in roles and not active_admins(w.session):
                raise ValidationError("roles", LAST_ADMIN)  # rolls the change back
            seq = audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                               action="user.set_roles", entity=R, entity_id=user.id,
                               detail={"roles": sorted(roles)})
            audit.raise_alert(w.session, at=w.now, kind=alert_kinds.ROLE_CHANGE, audit_seq=seq,
                              actor_id=w.actor.user_id,
                              message=f"roles of {user.username} set to {', '.join(sorted(roles))}")
            return _view(user, tuple(sorted(roles)))

    def update(
        self, user_id: str, *, display_name: str | None = None,
        department_id: str | None = None, superior_id: str | None = None,
    ) -> UserView:
        """Change what is given (None leaves a value as it is; "" clears the department or
        the superior). A superior must be active or suspended, and not the user or anyone
        below them in the reporting line."""
        with self.ctx.writing() as w:
            w.actor.require(R, Action.MANAGE)
            user = _find(w.session, user_id)
            if user.status == UserStatus.DEPARTED:
                raise Conflict(DEPARTED_UNCHANGED)
            changed: list[str] = []
            if display_name is not None:
                clean = v.required_text("display_name", display_name, max_length=100)
                if clean != user.display_name:
                    user.display_name = clean
                    changed.append("display_name")
            if department_id is not None:
                wanted = department_id or None
                if wanted and _live_department(w.session, wanted) is None:
                    raise ValidationError("department", "no such department")
                if wanted != user.department_id:
                    user.department_id = wanted
                    changed.append("department")
            if superior_id is not None:
                wanted = superior_id or None
                if wanted:
                    _require_superior(w.session, user.id, wanted)
                if wanted != user.superior_id:
                    user.superior_id = wanted
                    changed.append("superior")
            view = _view(user, _role_names(w.session, [user.id]).get(user.id, ()))
            if not changed:
                return view  # nothing to write, nothing to audit
            _touch(user, w)
            seq = audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                               action="user.update", entity=R, entity_id=user.id,
                               detail={"changed": changed,
                                       "department_id": user.department_id,
                                       "superior_id": user.superior_id})
            if "department" in changed or "superior" in changed:
                # a manager's department and reporting line decide whose customers they see
                audit.raise_alert(w.session, at=w.now, kind=alert_kinds.SCOPE_CHANGE, audit_seq=seq,
                                  actor_id=w.actor.user_id,
                                  message=f"department or superior of {user.username} changed")
            return view

    def reset_password(self, user_id: str) -> str:
        """An admin resets a user's password: a fresh key pair under a new one-time password
        (returned once, to be changed at the next sign-in). The old password and the
        devices that remembered the user stop working at once."""
        with self.ctx.writing() as w:
            w.actor.require(R, Action.MANAGE)
            user = _find(w.session, user_id)
            if user.id == w.actor.user_id:
                raise ValidationError("user", RESET_OWN)
            if user.status == UserStatus.DEPARTED:
                raise Conflict("this user has departed; their access cannot be restored")
            user.must_change_password = True
            _touch(user, w)
            seq = audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                               action="user.reset_password", entity=R, entity_id=user.id)
            audit.raise_alert(w.session, at=w.now, kind=alert_kinds.PASSWORD_RESET, audit_seq=seq,
                              actor_id=w.actor.user_id, severity="high",
                              message=f"password of {user.username} reset by an administrator")
            password = one_time_password()
            # Last step inside the transaction: if the key file cannot be written, the
            # database change rolls back and the old password keeps working.
            self.slots.reset_user_slot(user.id, user.username, password)
            return password

    def change_own_password(self, old_password: str, new_password: str) -> None:
        PolicyService(self.ctx).password_rules().check("new_password", new_password)
        if new_password == old_password:
            raise ValidationError("new_password", "must differ from the current password")
        with self.ctx.writing() as w:
            user = _find(w.session, w.actor.user_id)
            user.must_change_password = False
            _touch(user, w)
            audit.record(w.session, at=w.now, actor_id=user.id, action="user.change_password",
                         entity=R, entity_id=user.id)
            # The key file changes last; a failure here rolls the database change back.
            self.slots.change_password(old_password, new_password)


def add_user(
    session: Session, now: datetime, *, by: str | None, username: str, display_name: str,
    roles: list[str], department_id: str | None, superior_id: str | None,
    must_change_password: bool, user_id: str | None = None,
) -> User:
    """Validate and insert a user row with its roles (shared by set-up, CLI, admin)."""
    name = v.username("username", username)
    display = v.optional_text("display_name", display_name, max_length=100) or name
    if not roles:
        raise ValidationError("roles", "give the user at least one role")
    if session.execute(select(User.id).where(User.username_key == name.casefold())).first():
        raise ValidationError("username", f"“{name}” is already taken")
    if department_id and session.get(Department, department_id) is None:
        raise ValidationError("department", "no such department")
    if superior_id:
        superior = session.get(User, superior_id)
        if superior is None or superior.status == UserStatus.DEPARTED:
            raise ValidationError("superior", "no such active user")
    user_id = user_id or new_id()
    by = by or user_id  # the first admin creates themselves
    user = User(
        id=user_id, created_at=now, updated_at=now, version=1, updated_by=by, username=name,
        username_key=name.casefold(), display_name=display, department_id=department_id,
        superior_id=superior_id, status=UserStatus.ACTIVE.value,
        must_change_password=must_change_password,
    )
    session.add(user)
    session.flush()
    _replace_roles(session, now, by, user.id, roles)
    audit.record(session, at=now, actor_id=by, action="user.create", entity=R, entity_id=user.id,
                 detail={"roles": sorted(roles)})
    return user


def _replace_roles(
    session: Session, now: datetime, by: str, user_id: str, roles: list[str]
) -> None:
    if not roles:
        raise ValidationError("roles", "give the user at least one role")
    found = dict(session.execute(
        select(Role.name, Role.id).where(Role.name.in_(roles), Role.deleted_at.is_(None))
    ).tuples().all())
    missing = sorted(set(roles) - set(found))
    if missing:
        raise ValidationError("roles", f"no such role: {', '.join(missing)}")
    current = {
        link.role_id: link
        for link in session.execute(
            select(UserRole).where(UserRole.user_id == user_id)).scalars()
    }
    for role_id, link in current.items():
        if role_id not in found.values() and link.deleted_at is None:
            link.deleted_at = now
            link.updated_at, link.updated_by, link.version = now, by, link.version + 1
    for role_id in found.values():
        link = current.get(role_id)
        if link is None:
            session.add(UserRole(id=new_id(), created_at=now, updated_at=now, version=1,
                                 updated_by=by, user_id=user_id, role_id=role_id))
        elif link.deleted_at is not None:
            link.deleted_at = None
            link.updated_at, link.updated_by, link.version = now, by, link.version + 1
    session.flush()
    bump_access_version(session)


def _find(session: Session, user_id: str) -> User:
    user = session.get(User, user_id)
    if user is None or user.deleted_at is not None:
        raise NotFound(R, user_id)
    return user


def active_admins(session: Session) -> list[str]:
    """Active users holding the admin role (read inside the transaction that changes it)."""
    return list(session.execute(
        select(User.id).join(UserRole, UserRole.user_id == User.id)
        .join(Role, Role.id == UserRole.role_id)
        .where(Role.name == ADMIN_ROLE, Role.deleted_at.is_(None),
               UserRole.deleted_at.is_(None), User.deleted_at.is_(None),
               User.status == UserStatus.ACTIVE.value)
    ).scalars())


def _live_department(session: Session, department_id: str) -> Department | None:
    dept = session.get(Department, department_id)
    return dept if dept is not None and dept.deleted_at is None else None


def _require_superior(session: Session, user_id: str, superior_id: str) -> None:
    if superior_id == user_id or superior_id in subordinates(session, user_id):
        raise ValidationError("superior", SUPERIOR_CYCLE)
    superior = session.get(User, superior_id)
    if superior is None or superior.deleted_at is not None:
        raise ValidationError("superior", "no such active user")
    if superior.status == UserStatus.DEPARTED:
        raise ValidationError("superior", SUPERIOR_DEPARTED)


def _last_sign_ins(session: Session) -> dict[str, datetime]:
    """Each user's newest sign-in: the newest "auth.sign_in" event per user, in one query."""
    newest = (select(func.max(AuditEvent.seq)).where(AuditEvent.action == SIGN_IN)
              .group_by(AuditEvent.entity_id))
    rows = session.execute(
        select(AuditEvent.entity_id, AuditEvent.at).where(AuditEvent.seq.in_(newest)))
    return {entity_id: at for entity_id, at in rows}


def _role_names(session: Session, user_ids: list[str]) -> dict[str, tuple[str, ...]]:
    result: dict[str, list[str]] = {}
    for user_id, name in session.execute(
        select(UserRole.user_id, Role.name).join(Role, Role.id == UserRole.role_id)
        .where(UserRole.user_id.in_(user_ids), UserRole.deleted_at.is_(None))
    ):
        result.setdefault(user_id, []).append(name)
    return {k: tuple(sorted(v)) for k, v in result.items()}


def _view(user: User, roles: tuple[str, ...]) -> UserView:
    return UserView(
        id=user.id, username=user.username, display_name=user.display_name,
        department_id=user.department_id, superior_id=user.superior_id, roles=roles,
        status=user.status, must_change_password=user.must_change_password,
        departed_at=user.departed_at,
    )


def _touch(user: User, w: Work) -> None:
    user.version += 1
    user.updated_at = w.now
    user.updated_by = w.actor.user_id
    bump_access_version(w.session)  # status and the forced password change live in the actor
