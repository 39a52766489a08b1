"""What a customer list may be narrowed by, and the choices a filter bar offers.

The GUI, the CLI and the tests hand a `CustomerFilter` to `CustomerService.list_page`,
`page_at`, `count` and `search`. A filter only ever narrows what the user's data scope and
collaborator grants show: a view or value outside their sight yields nothing, not an error.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Literal, get_args

from desktop_crm.domain.enums import LifecycleStage, Tier
from desktop_crm.domain.errors import ValidationError

ListView = Literal["all", "mine", "subordinates", "shared", "department"]
LIST_VIEWS: tuple[ListView, ...] = get_args(ListView)


@dataclass(frozen=True)
class CustomerFilter:
    """Which of the customers a user may see a list shows. None means "any"."""

    view: ListView = "all"  # narrows the user's sight; never widens it
    lifecycle_stage: str | None = None
    tier: str | None = None
    owner_id: str | None = None
    department_id: str | None = None  # owners in that department and its children
    tag: str | None = None  # exact tag
    city: str | None = None  # exact city

    def __post_init__(self) -> None:
        if self.view not in LIST_VIEWS:
            raise ValidationError("view", f"“{self.view}” is not a list view")

    @property
    def empty(self) -> bool:
        """Whether this filter shows everything the user may see (the plain list)."""
        return self == NO_FILTER

    @property
    def values(self) -> dict[str, str]:
        """The value filters that are set, by field name (the view apart)."""
        return {f.name: value for f in fields(self)
                if f.name != "view" and (value := getattr(self, f.name)) is not None}


NO_FILTER = CustomerFilter()


@dataclass(frozen=True)
class OwnerChoice:
    """A user a filter bar (or an assign menu) offers as an owner."""

    id: str
    username: str
    display_name: str
    department_id: str | None


@dataclass(frozen=True)
class DepartmentChoice:
    id: str
    name: str
    parent_id: str | None


@dataclass(frozen=True)
class FilterChoices:
    """What a filter bar offers this user: only values from customers within their sight."""

    owners: list[OwnerChoice]  # whose customers they may see, themselves included
    departments: list[DepartmentChoice]  # departments of those owners, with their ancestors
    cities: list[str]  # most common first
    tags: list[str]  # most common first
    lifecycle_stages: tuple[str, ...] = tuple(LifecycleStage)
    tiers: tuple[str, ...] = tuple(Tier)
