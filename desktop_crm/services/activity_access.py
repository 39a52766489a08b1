"""A customer's activity (calls, reminders, complaints, orders...) is reached through the
customer: whoever sees the customer sees its activity, within what their roles may read."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from desktop_crm.services.context import OutOfScope, Work
from desktop_crm.services.customer_sight import sight_of
from desktop_crm.storage.models import Customer, User


def visible_customer(w: Work, customer_id: str) -> Customer:
    """The live customer if this user can see it; OutOfScope otherwise, as for a missing id."""
    customer = w.session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise OutOfScope
    if not sight_of(w).sees({"id": customer.id, "owner_id": customer.owner_id}):
        raise OutOfScope
    return customer


def display_names(w: Work, user_ids: Iterable[str | None]) -> dict[str, str]:
    """The display names of these users (None and unknown ids are left out)."""
    wanted = {u for u in user_ids if u is not None}
    if not wanted:
        return {}
    return dict(w.session.execute(
        select(User.id, User.display_name).where(User.id.in_(wanted))).tuples().all())
