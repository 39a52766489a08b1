"""Read models of the organisation: users, departments, roles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class UserView:
    id: str
    username: str
    display_name: str
    department_id: str | None
    superior_id: str | None
    roles: tuple[str, ...]
    status: str
    must_change_password: bool
    departed_at: datetime | None = None


@dataclass(frozen=True)
class DepartmentView:
    id: str
    name: str
    parent_id: str | None


@dataclass(frozen=True)
class RoleView:
    id: str
    name: str
    title: str
    description: str
    builtin: bool
