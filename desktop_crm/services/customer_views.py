"""Read models of customers: plain frozen rows the GUI, CLI and reports receive."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any, NamedTuple

from desktop_crm.domain.enums import FieldAccess, MaskMode
from desktop_crm.domain.masking import MASKERS, mask_value, masked_in
from desktop_crm.services.actor import Actor
from desktop_crm.storage.stored_values import KEY_LENGTH, StoredRow, stored_decoder

RESOURCE = "customer"

# Fields a person edits; ownership moves only through `assign`.
EDITABLE_FIELDS = (
    "kind", "name", "company", "title", "phones", "emails", "address", "city", "region",
    "country", "birthday", "source", "referred_by", "lifecycle_stage", "tier", "tags", "notes",
    "custom_fields",
)
LIST_FIELDS = ("kind", "name", "company", "phones", "emails", "city", "lifecycle_stage", "tier",
               "tags")
# The columns a list row is built from, in CustomerRow's field order (select them so).
ROW_COLUMNS = ("id", "name", "company", "phones", "emails", "city", "lifecycle_stage", "tier",
               "tags", "owner_id", "updated_at", "kind")
# The columns a list page reads after its key (id, sort value, owner, rowid) and the
# owner's tag: every row column but the two the key already holds.
PAGE_COLUMNS = tuple(name for name in ROW_COLUMNS if name not in ("id", "owner_id"))
# where each row column sits in a stored page row
_STORED_AT = {"id": 0, "owner_id": 2,
              **{name: KEY_LENGTH + i for i, name in enumerate(PAGE_COLUMNS)}}
_LIST_VALUED = frozenset({"phones", "emails", "tags"})
_new_row = tuple.__new__
# row columns that field policies govern (id, owner, time and kind are always shown)
_GOVERNED = frozenset(ROW_COLUMNS[1:9])


class CustomerRow(NamedTuple):
    """One line of a customer list or search result (masks for lists applied).

    A light immutable tuple with named fields: a list builds hundreds of them per page.
    """

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
        return _public_dict(self, self._fields)


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
        return _public_dict(self, _RECORD_FIELDS)


_RECORD_FIELDS = tuple(f.name for f in fields(CustomerRecord))
_META = {"hidden", "masked", "editable", "can_delete", "can_reveal", "can_assign"}


def _public_dict(view: Any, names: Sequence[str]) -> dict[str, Any]:
    """Fields as JSON-ready values; a hidden field is absent, a masked one is its mask."""
    out: dict[str, Any] = {}
    for name in names:
        if name in _META or name in view.hidden:
            continue
        value = getattr(view, name)
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, datetime | date):
            value = value.isoformat()
        out[name] = value
    return out


@dataclass(frozen=True)
class FieldView:
    """How one user sees the fields of one record."""

    hidden: frozenset[str]
    masked: frozenset[str]
    readonly: frozenset[str]


def field_view(actor: Actor, *, in_list: bool, shared_only: bool) -> FieldView:
    """Hidden, masked and read-only fields for this user (worked out once per actor).

    A record the user reaches only through a collaborator grant is masked everywhere where
    the role masks at all (list-only becomes everywhere).
    """
    key = ("field_view", in_list, shared_only)
    view = actor.memo.get(key)
    if view is None:
        view = actor.memo[key] = _field_view(actor, in_list=in_list, shared_only=shared_only)
    return view


def _field_view(actor: Actor, *, in_list: bool, shared_only: bool) -> FieldView:
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


def record_view(
    customer: Mapping[str, Any], view: FieldView, *, can_update: bool, can_delete: bool,
    can_reveal: bool, can_assign: bool,
) -> CustomerRecord:
    """One customer row (every column by name) as this field view shows it in a record."""
    return CustomerRecord(
        id=customer["id"], version=customer["version"], created_at=customer["created_at"],
        updated_at=customer["updated_at"], owner_id=customer["owner_id"],
        department_id=customer["department_id"], last_followup_at=customer["last_followup_at"],
        hidden=view.hidden, masked=view.masked,
        editable=frozenset(set(EDITABLE_FIELDS) - view.readonly - view.hidden)
        if can_update else frozenset(),
        can_delete=can_delete,
        can_reveal=bool(view.masked & set(MASKERS)) and can_reveal,
        can_assign=can_assign,
        **{name: shown(view, name, customer[name]) for name in EDITABLE_FIELDS},
    )


def shown(view: FieldView, name: str, value: Any) -> Any:
    """A value as this view shows it: blank when hidden, masked when masked."""
    if name in view.hidden:
        return () if isinstance(value, list | tuple) else None
    if name in view.masked:
        value = mask_value(name, list(value) if isinstance(value, tuple) else value)
    return tuple(value) if isinstance(value, list) else value


class RowBuilder:
    """Turns customer rows into CustomerRows for one list field view.

    Which columns are hidden, masked or plain is settled once. `build` takes decoded
    ROW_COLUMNS values (a search result); `build_stored` takes list page rows as stored
    and decodes, masks and hides each cell in one pass (no per-row dict or copy).
    """

    def __init__(self, view: FieldView) -> None:
        self.view = view
        self.hidden = view.hidden & frozenset(EDITABLE_FIELDS)
        self.masked = view.masked
        governed = [(i, name) for i, name in enumerate(ROW_COLUMNS) if name in _GOVERNED]
        # masked phones and e-mails, item by item (the common mask, so the direct path)
        self._masked_lists = [(i, MASKERS[name]) for i, name in governed
                              if name in view.masked and name in MASKERS
                              and name in _LIST_VALUED and name not in view.hidden]
        direct = {i for i, _ in self._masked_lists}
        self._policed = [(i, name) for i, name in governed if i not in direct
                         and name in view.hidden | view.masked]
        policed = {i for i, _ in self._policed}
        self._lists = [i for i, name in governed
                       if name in _LIST_VALUED and i not in direct and i not in policed]
        self._stored_cells = [(_STORED_AT[name], self._stored_cell(name))
                              for name in ROW_COLUMNS]

    def build(self, values: Sequence[Any], customer_id: str | None = None) -> CustomerRow:
        """A row from ROW_COLUMNS values; `customer_id` stands in for the first when given."""
        cells = list(values)
        if customer_id is not None:
            cells[0] = customer_id
        for i in self._lists:
            cells[i] = tuple(cells[i])
        for i, masker in self._masked_lists:
            cells[i] = tuple(map(masker, cells[i]))
        for i, name in self._policed:
            cells[i] = shown(self.view, name, cells[i])
        cells.append(self.hidden)
        cells.append(self.masked)
        return _new_row(CustomerRow, cells)  # every field given: skip the keyword handling

    def build_stored(self, rows: Iterable[StoredRow]) -> list[CustomerRow]:
        """Rows of a list page as read (page key, then PAGE_COLUMNS), as CustomerRows."""
        cells = self._stored_cells
        tail = [self.hidden, self.masked]
        return [_new_row(CustomerRow, [row[at] if cell is None else cell(row[at])
                                       for at, cell in cells] + tail)
                for row in rows]

    def _stored_cell(self, name: str) -> Callable[[Any], Any] | None:
        """Stored value of one row column -> the cell this view shows (None: as stored)."""
        decode = stored_decoder(name) or _same
        listed = name in _LIST_VALUED
        if name in self.view.hidden and name in _GOVERNED:
            blank = () if listed else None
            return lambda value: blank
        masker = MASKERS.get(name) if name in self.view.masked else None
        if masker is not None and listed:
            return lambda value: tuple(map(masker, decode(value)))
        if name in self.view.masked and name in _GOVERNED:
            return lambda value: shown(self.view, name, decode(value))
        return None if decode is _same else decode  # text lists decode to tuples


def _same(value: Any) -> Any:
    return value


def row_builder(actor: Actor, *, shared_only: bool) -> RowBuilder:
    """The list row builder for this actor's own-scope or shared-only records."""
    key = ("row_builder", shared_only)
    builder = actor.memo.get(key)
    if builder is None:
        view = field_view(actor, in_list=True, shared_only=shared_only)
        builder = actor.memo[key] = RowBuilder(view)
    return builder
