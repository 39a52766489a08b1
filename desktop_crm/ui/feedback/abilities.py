"""What the user may do with one customer's feedback, complaints and commerce records, so the
record's tabs offer only that (absent buttons, not ones that fail). The services decide for
real; this reads the same rules off the record and the user's roles.

A customer's record says whether the user may update it (`editable`: their scope reaches its
owner, or it is shared with them read-write). Feedback and complaints follow the same scopes
in every default role, except where a role reaches every customer for them (customer
service logs calls and handles complaints for all).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_crm.domain.enums import Scope
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.actor import Actor
from desktop_crm.services.customer_views import CustomerRecord


@dataclass(frozen=True)
class RecordAbilities:
    user_id: str
    record_feedback: bool  # record, change and delete satisfaction answers
    open_complaints: bool
    handle_complaints: bool  # respond, resolve, close, reopen, route any of its complaints
    write_commerce: bool  # orders, contracts, instalments, receipts
    read_complaints: bool

    def may_handle(self, assignee_id: str | None) -> bool:
        """A complaint's assignee handles it whatever their role; others need the grant."""
        return assignee_id == self.user_id or self.handle_complaints

    @classmethod
    def none(cls, user_id: str = "") -> RecordAbilities:
        return cls(user_id, False, False, False, False, False)

    @classmethod
    def of(cls, actor: Actor, record: CustomerRecord | None) -> RecordAbilities:
        if record is None:
            return cls.none(actor.user_id)
        updates_customer = bool(record.editable)

        def may(resource: str, action: str) -> bool:
            return actor.can(resource, action) and (
                updates_customer or _reaches_everyone(actor, resource, action))

        return cls(
            user_id=actor.user_id,
            record_feedback=may(Resource.INTERACTION, Action.CREATE),
            open_complaints=may(Resource.COMPLAINT, Action.CREATE),
            handle_complaints=may(Resource.COMPLAINT, Action.UPDATE),
            write_commerce=updates_customer,
            read_complaints=actor.can(Resource.COMPLAINT, Action.READ),
        )


def _reaches_everyone(actor: Actor, resource: str, action: str) -> bool:
    return any(grant.scope == Scope.ALL for grant in actor.grants.get((resource, action), ()))
