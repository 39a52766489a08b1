"""A customer's orders. The first live order of a customer schedules a return visit for its
owner (return_visits); deleting an order drops the return visit it scheduled if that is still
to do."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select

from desktop_crm.domain import validation as v
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import feedback_values as fv
from desktop_crm.services.commerce_records import (
    changed_fields,
    created,
    live,
    touch,
    writable_customer,
)
from desktop_crm.services.commerce_views import OrderView, order_view
from desktop_crm.services.context import ServiceContext, Work
from desktop_crm.services.feedback_access import readable_customer
from desktop_crm.services.reminders import touch_reminder
from desktop_crm.services.return_visits import AFTER_ORDER, schedule_return_visit, source_key
from desktop_crm.storage.models import Order, Reminder

ENTITY = "order"
FIELDS = ("ordered_at", "amount_minor", "currency", "description")
DESCRIPTION_MAX = 200
LIST_LIMIT_MAX = 2000


class OrderOps:
    ctx: ServiceContext

    def orders(self, customer_id: str, *, limit: int = 200) -> list[OrderView]:
        """A customer's orders, newest first."""
        check_limit(limit)
        with self.ctx.guard(Resource.CUSTOMER, customer_id, "order.read"), \
                self.ctx.reading() as w:
            readable_customer(w, customer_id, Resource.CUSTOMER, Action.READ)
            rows = w.session.execute(
                select(Order).where(Order.customer_id == customer_id,
                                    Order.deleted_at.is_(None))
                .order_by(Order.ordered_at.desc()).limit(limit)).scalars()
            return [order_view(o) for o in rows]

    def create_order(self, customer_id: str, data: Mapping[str, Any], *,
                     language: str = "en") -> OrderView:
        """An order: amount_minor (> 0), currency (default CNY), ordered_at (default now),
        description. The customer's first live order schedules a return visit, titled in
        `language` ("en" or "zh"); its id comes back as `return_visit_id`."""
        with self.ctx.guard(Resource.CUSTOMER, customer_id, "order.create"), \
                self.ctx.writing() as w:
            customer = writable_customer(w, customer_id)
            values = _validate(data, now=w.now, partial=False)
            first = w.session.execute(select(Order.id).where(
                Order.customer_id == customer.id, Order.deleted_at.is_(None)).limit(1)
            ).first() is None
            item = Order(id=new_id(), customer_id=customer.id, **values)
            created(w, item, ENTITY, {"customer": customer.id, "first": first})
            visit = schedule_return_visit(w, customer, after=AFTER_ORDER, record_id=item.id,
                                          at=item.ordered_at, language=language) \
                if first else None
            return order_view(item, visit.id if visit else None)

    def update_order(self, order_id: str, changes: Mapping[str, Any]) -> OrderView:
        with self.ctx.guard(ENTITY, order_id, Action.UPDATE), self.ctx.writing() as w:
            item = _writable(w, order_id)
            changed = changed_fields(item, _validate(changes, now=w.now, partial=True))
            if changed:
                touch(w, item, ENTITY, "update",
                      {"customer": item.customer_id, "fields": changed})
            return order_view(item)

    def delete_order(self, order_id: str) -> None:
        with self.ctx.guard(ENTITY, order_id, Action.DELETE), self.ctx.writing() as w:
            item = _writable(w, order_id)
            item.deleted_at = w.now
            touch(w, item, ENTITY, "delete", {"customer": item.customer_id})
            _drop_open_visit(w, item)


def _writable(w: Work, order_id: str) -> Order:
    item = live(w, Order, order_id)
    writable_customer(w, item.customer_id)
    return item


def _drop_open_visit(w: Work, order: Order) -> None:
    """A return visit still to do after a purchase that is gone has nothing to ask about."""
    visit = w.session.execute(select(Reminder).where(
        Reminder.source == source_key(AFTER_ORDER, order.id), Reminder.deleted_at.is_(None),
        Reminder.done_at.is_(None))).scalar()
    if visit is not None:
        visit.deleted_at = w.now
        touch_reminder(w, visit, "reminder.delete", {"order_deleted": order.id})


def _validate(data: Mapping[str, Any], *, now: datetime, partial: bool) -> dict[str, Any]:
    fv.only(data, FIELDS, ENTITY)
    out: dict[str, Any] = {} if partial else {
        "ordered_at": now, "currency": fv.DEFAULT_CURRENCY, "description": ""}
    for name, value in data.items():
        match name:
            case "ordered_at":
                out[name] = fv.past_moment(name, value, now=now)
            case "amount_minor":
                out[name] = fv.amount(name, value)
            case "currency":
                out[name] = fv.currency(name, value)
            case "description":
                out[name] = v.optional_text(name, value, max_length=DESCRIPTION_MAX)
    if not partial and "amount_minor" not in out:
        raise ValidationError("amount_minor", "must not be empty")
    return out


def check_limit(limit: int) -> None:
    if not 1 <= limit <= LIST_LIMIT_MAX:
        raise ValidationError("limit", f"must be between 1 and {LIST_LIMIT_MAX}")
