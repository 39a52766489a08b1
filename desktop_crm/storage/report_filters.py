"""The scope filters every report query shares: whose customers (owner ids, as stored) or
which report groups (ids), as an ` AND column IN (...)` clause and its parameters. None
means everyone (no clause); an empty collection covers nobody, and the query is not run.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from desktop_crm.storage.types import uuid_to_bytes

OwnerIds = Collection[str] | None
GroupIds = Collection[int] | None


def in_list(column: str, values: Sequence[Any]) -> str:
    return f" AND {column} IN ({', '.join('?' for _ in values)})"


def owner_filter(owner_ids: OwnerIds, column: str = "c.owner_id") -> tuple[str, list[Any]]:
    """` AND column IN (...)` and its parameters; nothing for every owner."""
    if owner_ids is None:
        return "", []
    stored = [uuid_to_bytes(owner) for owner in sorted(owner_ids)]
    return in_list(column, stored), stored


def group_filter(group_ids: GroupIds, column: str = "group_id") -> tuple[str, list[Any]]:
    if group_ids is None:
        return "", []
    wanted = sorted(group_ids)
    return in_list(column, wanted), wanted


def covers_nobody(ids: Collection[Any] | None) -> bool:
    return ids is not None and not ids
