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


@dataclass(frozen=True)
class DepartmentNode:
    """One department of the tree, with the people working directly in it (not departed)."""

    id: str
    name: str
    parent_id: str | None
    user_count: int
    children: tuple[DepartmentNode, ...] = ()

    @property
    def total_user_count(self) -> int:
        """The people here and in every department below."""
        return self.user_count + sum(child.total_user_count for child in self.children)


@dataclass(frozen=True)
class MergeCounts:
    """What a department merge moved to the department it was merged into."""

    users: int
    sub_departments: int
    customers: int
    role_grants: int
    pool_members: int

    def as_detail(self) -> dict[str, int]:
        return {"users": self.users, "sub_departments": self.sub_departments,
                "customers": self.customers, "role_grants": self.role_grants,
                "pool_members": self.pool_members}


@dataclass(frozen=True)
class UserListRow:
    """A user as the admin's user list shows them: names resolved, last sign-in, devices."""

    user: UserView
    department_name: str
    superior_name: str
    last_sign_in: datetime | None  # None: never signed in
    remembered_devices: int
