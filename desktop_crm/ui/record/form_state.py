"""What the record form shows and lets change: values and field rules, from a record or for a
new customer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop_crm.domain.masking import MASKERS
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.actor import Actor
from desktop_crm.services.customer_views import EDITABLE_FIELDS, CustomerRecord, field_view

# The fields the form shows. `referred_by` (another customer's id) and `custom_fields` need a
# customer picker and a field schema before a person can edit them; the form leaves them as
# they are.
FORM_FIELDS = (
    "kind", "name", "company", "title", "phones", "emails", "lifecycle_stage", "tier", "tags",
    "source", "birthday", "address", "city", "region", "country", "notes",
)
NEW_CUSTOMER_VALUES: Mapping[str, Any] = {
    "kind": "person", "name": "", "company": "", "title": "", "phones": (), "emails": (),
    "lifecycle_stage": "suspect", "tier": None, "tags": (), "source": "", "birthday": None,
    "address": "", "city": "", "region": "", "country": "", "notes": "",
}


@dataclass(frozen=True)
class FormState:
    values: Mapping[str, Any]  # as the service shows them (masked values masked)
    hidden: frozenset[str]
    masked: frozenset[str]
    editable: frozenset[str]
    can_reveal: bool

    @property
    def revealable(self) -> frozenset[str]:
        """Masked fields with a Reveal button (only phones and e-mails can be revealed)."""
        return self.masked & frozenset(MASKERS) if self.can_reveal else frozenset()

    @classmethod
    def of_record(cls, record: CustomerRecord) -> FormState:
        return cls(
            values={name: getattr(record, name) for name in FORM_FIELDS},
            hidden=record.hidden, masked=record.masked, editable=record.editable,
            can_reveal=record.can_reveal)

    @classmethod
    def for_new_customer(cls, actor: Actor) -> FormState:
        """The field rules a new record of this user's own will have."""
        view = field_view(actor, in_list=False, shared_only=False)
        may_create = actor.can(Resource.CUSTOMER, Action.CREATE)
        editable = frozenset(EDITABLE_FIELDS) - view.readonly - view.hidden
        return cls(values=NEW_CUSTOMER_VALUES, hidden=view.hidden, masked=frozenset(),
                   editable=editable if may_create else frozenset(), can_reveal=False)
