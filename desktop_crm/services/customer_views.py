"""Read models of customers: plain frozen rows the GUI, CLI and reports receive."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any

from desktop_crm.domain.enums import FieldAccess, MaskMode
from desktop_crm.domain.masking import mask_value, masked_in
from desktop_crm.services.actor import Actor

RESOURCE = "customer"

# Fields a person edits; ownership moves only through `assign`.
EDITABLE_FIELDS = (
    "kind", "name", "company", "title", "phones", "emails", "address", "city", "region",
    "country", "birthday", "source", "referred_by", "lifecycle_stage", "tier", "tags", "notes",
    "custom_fields",
)
LIST_FIELDS = ("kind", "name", "company", "phones", "emails", "city", "lifecycle_stage", "tier",
               "tags")


@dataclass(frozen=True, slots=True)
class CustomerRow:
    """One line of a customer list or search result (masks for lists applied)."""

    id: str
    name: str
    company: str
    phones: tuple[str, ...]
    emails: tuple[str, ...]
    city: str
    lifecycle_stage: str
    tier: str | None
    tags: tuple[str, ...]
    owner_id: str | None
    updated_at: datetime
    kind: str = "person"
    hidden: frozenset[str] = frozenset()
    masked: frozenset[str] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        return _public_dict(self)


@dataclass(frozen=True)
class CustomerRecord:
    """One customer as its record view shows it (masks for record views applied)."""

    id: str
    version: int
    created_at: datetime
    updated_at: datetime
    owner_id: str | None
    department_id: str | None
    kind: str = "person"
    name: str = ""
    company: str = ""
    title: str = ""
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    address: str = ""
    city: str = ""
    region: str = ""
    country: str = ""
    birthday: date | None = None
    source: str = ""
    referred_by: str | None = None
    lifecycle_stage: str = "suspect"
    tier: str | None = None
    tags: tuple[str, ...] = ()
    notes: str = ""
    custom_fields: dict[str, Any] = field(default_factory=dict)
    last_followup_at: datetime | None = None
    hidden: frozenset[str] = frozenset()
    masked: frozenset[str] = frozenset()
    editable: frozenset[str] = frozenset()  # fields this user may change on this record
    can_delete: bool = False
    can_reveal: bool = False
    can_assign: bool = False

    def to_dict(self) -> dict[str, Any]:
        return _public_dict(self)


_META = {"hidden", "masked", "editable", "can_delete", "can_reveal", "can_assign"}


def _public_dict(view: Any) -> dict[str, Any]:
    """Fields as JSON-ready values; a hidden field is absent, a masked one is its mask."""
    out: dict[str, Any] = {}
    for f in fields(view):
        if f.name in _META or f.name in view.hidden:
            continue
        value = getattr(view, f.name)
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, datetime | date):
            value = value.isoformat()
        out[f.name] = value
    return out


@dataclass(frozen=True)
class FieldView:
    """How one user sees the fields of one record."""

    hidden: frozenset[str]
    masked: frozenset[str]
    readonly: frozenset[str]


def field_view(actor: Actor, *, in_list: bool, shared_only: bool) -> FieldView:
    """Hidden, masked and read-only fields for this user.

    A record the user reaches only through a collaborator grant is masked everywhere where
    the role masks at all (list-only becomes everywhere).
    """
    hidden, masked, readonly = set(), set(), set()
    for name in EDITABLE_FIELDS:
        access, mask = actor.field_rule(RESOURCE, name)
        if shared_only and mask is MaskMode.LIST_ONLY:
            mask = MaskMode.EVERYWHERE
        if access is FieldAccess.HIDDEN:
            hidden.add(name)
            continue
        if masked_in(mask, in_list=in_list):
            masked.add(name)
        if access is not FieldAccess.EDIT or masked_in(mask, in_list=False):
            readonly.add(name)  # a masked field is read-only
    return FieldView(frozenset(hidden), frozenset(masked), frozenset(readonly))


def shown(view: FieldView, name: str, value: Any) -> Any:
    """A value as this view shows it: blank when hidden, masked when masked."""
    if name in view.hidden:
        return () if isinstance(value, list | tuple) else None
    if name in view.masked:
        value = mask_value(name, list(value) if isinstance(value, tuple) else value)
    return tuple(value) if isinstance(value, list) else value
