"""A customer's contracts: a number unique among live contracts, a start and a later end, an
amount above zero and a status. Deleting a contract deletes its instalments and receipts with
it (tombstones, so sync passes them on)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import select, update

from desktop_crm.domain import validation as v
from desktop_crm.domain.enums import ContractStatus
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import feedback_values as fv
from desktop_crm.services.commerce_orders import check_limit
from desktop_crm.services.commerce_records import (
    changed_fields,
    created,
    touch,
    writable_contract,
    writable_customer,
)
from desktop_crm.services.commerce_views import ContractView, contract_view
from desktop_crm.services.context import ServiceContext, Work
from desktop_crm.services.feedback_access import readable_customer
from desktop_crm.storage.models import Contract, PaymentPlan, Receipt

ENTITY = "contract"
FIELDS = ("number", "title", "start_date", "end_date", "amount_minor", "currency", "status")
NUMBER_MAX, TITLE_MAX = 64, 200


class ContractOps:
    ctx: ServiceContext

    def contracts(self, customer_id: str, *, limit: int = 200) -> list[ContractView]:
        """A customer's contracts, the latest start first."""
        check_limit(limit)
        with self.ctx.guard(Resource.CUSTOMER, customer_id, "contract.read"), \
                self.ctx.reading() as w:
            readable_customer(w, customer_id, Resource.CUSTOMER, Action.READ)
            rows = w.session.execute(
                select(Contract).where(Contract.customer_id == customer_id,
                                       Contract.deleted_at.is_(None))
                .order_by(Contract.start_date.desc(), Contract.number).limit(limit)).scalars()
            return [contract_view(c) for c in rows]

    def create_contract(self, customer_id: str, data: Mapping[str, Any]) -> ContractView:
        """A contract: number, start_date, end_date (after the start), amount_minor (> 0),
        currency (default CNY), title, status (default active)."""
        with self.ctx.guard(Resource.CUSTOMER, customer_id, "contract.create"), \
                self.ctx.writing() as w:
            customer = writable_customer(w, customer_id)
            values = _validate(data)
            for name in ("number", "start_date", "end_date", "amount_minor"):
                if name not in values:
                    raise ValidationError(name, "must not be empty")
            _check_dates(values["start_date"], values["end_date"])
            _check_number_free(w, values["number"], None)
            item = Contract(id=new_id(), customer_id=customer.id, **{
                "title": "", "currency": fv.DEFAULT_CURRENCY,
                "status": ContractStatus.ACTIVE.value, **values})
            created(w, item, ENTITY, {"customer": customer.id, "number": item.number})
            return contract_view(item)

    def update_contract(self, contract_id: str, changes: Mapping[str, Any]) -> ContractView:
        with self.ctx.guard(ENTITY, contract_id, Action.UPDATE), self.ctx.writing() as w:
            item, _ = writable_contract(w, contract_id)
            values = _validate(changes)
            _check_dates(values.get("start_date", item.start_date),
                         values.get("end_date", item.end_date))
            if "currency" in values and values["currency"] != item.currency and _has_money(
                    w, item.id):
                raise ValidationError("currency", "this contract has instalments or "
                                                  "receipts in its currency")
            if "number" in values and values["number"] != item.number:
                _check_number_free(w, values["number"], item.id)
            changed = changed_fields(item, values)
            if changed:
                touch(w, item, ENTITY, "update", {"customer": item.customer_id,
                                                  "fields": changed})
            return contract_view(item)

    def delete_contract(self, contract_id: str) -> None:
        """Delete a contract with its instalments and receipts."""
        with self.ctx.guard(ENTITY, contract_id, Action.DELETE), self.ctx.writing() as w:
            item, _ = writable_contract(w, contract_id)
            item.deleted_at = w.now
            counts = {}
            for model in (Receipt, PaymentPlan):
                counts[model.__tablename__] = w.session.execute(
                    update(model).where(model.contract_id == item.id,
                                        model.deleted_at.is_(None))
                    .values(deleted_at=w.now, updated_at=w.now, updated_by=w.actor.user_id,
                            version=model.version + 1)
                    .execution_options(synchronize_session=False)).rowcount
            touch(w, item, ENTITY, "delete", {"customer": item.customer_id, **counts})


def _validate(data: Mapping[str, Any]) -> dict[str, Any]:
    fv.only(data, FIELDS, ENTITY)
    out: dict[str, Any] = {}
    for name, value in data.items():
        match name:
            case "number":
                out[name] = v.required_text(name, value, max_length=NUMBER_MAX)
            case "title":
                out[name] = v.optional_text(name, value, max_length=TITLE_MAX)
            case "start_date" | "end_date":
                out[name] = fv.day(name, value)
            case "amount_minor":
                out[name] = fv.amount(name, value)
            case "currency":
                out[name] = fv.currency(name, value)
            case "status":
                out[name] = v.enum_value(name, value, ContractStatus).value
    return out


def _check_dates(start: date, end: date) -> None:
    if end <= start:
        raise ValidationError("end_date", "must be after the start date")


def _check_number_free(w: Work, number: str, contract_id: str | None) -> None:
    query = select(Contract.id).where(Contract.number == number, Contract.deleted_at.is_(None))
    if contract_id is not None:
        query = query.where(Contract.id != contract_id)
    if w.session.execute(query.limit(1)).first() is not None:
        raise ValidationError("number", f"“{number}” is the number of another contract")


def _has_money(w: Work, contract_id: str) -> bool:
    return any(w.session.execute(
        select(model.id).where(model.contract_id == contract_id, model.deleted_at.is_(None))
        .limit(1)).first() for model in (PaymentPlan, Receipt))
