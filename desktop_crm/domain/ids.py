"""Typed ids: every synced row's id is a UUID made by the client, stored as text."""

from __future__ import annotations

import uuid
from typing import NewType

UserId = NewType("UserId", str)
CustomerId = NewType("CustomerId", str)
DepartmentId = NewType("DepartmentId", str)
RoleId = NewType("RoleId", str)


def new_id() -> str:
    return str(uuid.uuid4())
