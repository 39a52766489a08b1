"""A contract's payment plan (回款计划: numbered instalments, each due on a date) and the
money received (回款), booked against an instalment or against the contract as a whole.

An instalment's state is derived on every read from the receipts booked against it (see
commerce_views.instalment_state); money received without an instalment counts for the
contract only. Amounts are minor units in the contract's currency.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import func, select, update

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import feedback_values as fv
from desktop_crm.services.bulk_rules import record_id
from desktop_crm.services.commerce_orders import check_limit
from desktop_crm.services.commerce_records import (
    changed_fields,
    created,
    live,
    touch,
    writable_contract,
)
from desktop_crm.services.commerce_views import (
    InstalmentView,
    ReceiptView,
    instalment_view,
    receipt_view,
)
from desktop_crm.services.context import ServiceContext, Work
from desktop_crm.services.feedback_access import readable_customer
from desktop_crm.services.policies import policy_set
from desktop_crm.storage.models import Contract, PaymentPlan, Receipt

PLAN, RECEIPT = "payment_plan", "receipt"
PLAN_FIELDS = ("instalment", "due_date", "amount_minor", "currency")
RECEIPT_FIELDS = ("amount_minor", "currency", "received_at", "plan_id")
INSTALMENT_MAX = 1000


class PaymentOps:
    ctx: ServiceContext

    # --- reads ---------------------------------------------------------------------------

    def instalments(self, customer_id: str, *, today: date | None = None
                    ) -> list[InstalmentView]:
        """Every instalment of the customer's live contracts with its state on `today`
        (default: today in the company's time zone), by due date."""
        with self.ctx.guard(Resource.CUSTOMER, customer_id, "payment_plan.read"), \
                self.ctx.reading() as w:
            readable_customer(w, customer_id, Resource.CUSTOMER, Action.READ)
            if today is None:
                today = w.now.astimezone(policy_set(w.session).company_zone).date()
            received = (select(Receipt.plan_id, func.sum(Receipt.amount_minor).label("sum"))
                        .join(Contract, Contract.id == Receipt.contract_id)
                        .where(Contract.customer_id == customer_id,
                               Receipt.deleted_at.is_(None), Receipt.plan_id.is_not(None))
                        .group_by(Receipt.plan_id))
            paid = dict(w.session.execute(received).tuples().all())
            rows = w.session.execute(
                select(PaymentPlan, Contract).join(Contract,
                                                   Contract.id == PaymentPlan.contract_id)
                .where(Contract.customer_id == customer_id, Contract.deleted_at.is_(None),
                       PaymentPlan.deleted_at.is_(None))
                .order_by(PaymentPlan.due_date, Contract.number, PaymentPlan.instalment)
            ).tuples().all()
            return [instalment_view(p, c, paid.get(p.id, 0), today) for p, c in rows]

    def receipts(self, customer_id: str, *, limit: int = 200) -> list[ReceiptView]:
        """Money received from the customer, the latest first."""
        check_limit(limit)
        with self.ctx.guard(Resource.CUSTOMER, customer_id, "receipt.read"), \
                self.ctx.reading() as w:
            readable_customer(w, customer_id, Resource.CUSTOMER, Action.READ)
            rows = w.session.execute(
                select(Receipt).join(Contract, Contract.id == Receipt.contract_id)
                .where(Contract.customer_id == customer_id, Contract.deleted_at.is_(None),
                       Receipt.deleted_at.is_(None))
                .order_by(Receipt.received_at.desc()).limit(limit)).scalars()
            return [receipt_view(r) for r in rows]

    # --- instalments ---------------------------------------------------------------------

    def add_instalment(self, contract_id: str, data: Mapping[str, Any]) -> InstalmentView:
        """An instalment: due_date, amount_minor (> 0), instalment (its number; default the
        next), currency (the contract's)."""
        with self.ctx.guard("contract", contract_id, "payment_plan.create"), \
                self.ctx.writing() as w:
            contract, _ = writable_contract(w, contract_id)
            values = _plan_values(data, contract)
            for name in ("due_date", "amount_minor"):
                if name not in values:
                    raise ValidationError(name, "must not be empty")
            number = values.pop("instalment", None) or _next_instalment(w, contract.id)
            _check_instalment_free(w, contract.id, number, None)
            item = PaymentPlan(id=new_id(), contract_id=contract.id, instalment=number,
                               currency=contract.currency, **values)
            created(w, item, PLAN, {"contract": contract.id, "instalment": number})
            return self._instalment(w, item, contract)

    def update_instalment(self, plan_id: str, changes: Mapping[str, Any]) -> InstalmentView:
        with self.ctx.guard(PLAN, plan_id, Action.UPDATE), self.ctx.writing() as w:
            item, contract = _writable_plan(w, plan_id)
            values = _plan_values(changes, contract)
            if "instalment" in values:
                _check_instalment_free(w, contract.id, values["instalment"], item.id)
            changed = changed_fields(item, values)
            if changed:
                touch(w, item, PLAN, "update", {"contract": contract.id, "fields": changed})
            return self._instalment(w, item, contract)

    def delete_instalment(self, plan_id: str) -> None:
        """Delete an instalment; money booked against it stays, as the contract's."""
        with self.ctx.guard(PLAN, plan_id, Action.DELETE), self.ctx.writing() as w:
            item, contract = _writable_plan(w, plan_id)
            item.deleted_at = w.now
            moved = w.session.execute(
                update(Receipt).where(Receipt.plan_id == item.id, Receipt.deleted_at.is_(None))
                .values(plan_id=None, updated_at=w.now, updated_by=w.actor.user_id,
                        version=Receipt.version + 1)
                .execution_options(synchronize_session=False)).rowcount
            touch(w, item, PLAN, "delete", {"contract": contract.id, "receipts": moved})

    # --- receipts ------------------------------------------------------------------------

    def add_receipt(self, contract_id: str, data: Mapping[str, Any]) -> ReceiptView:
        """Money received: amount_minor (> 0), received_at (default now), plan_id (an
        instalment of this contract, optional), currency (the contract's)."""
        with self.ctx.guard("contract", contract_id, "receipt.create"), \
                self.ctx.writing() as w:
            contract, _ = writable_contract(w, contract_id)
            values = _receipt_values(w, data, contract)
            if "amount_minor" not in values:
                raise ValidationError("amount_minor", "must not be empty")
            item = Receipt(id=new_id(), contract_id=contract.id, currency=contract.currency,
                           **{"received_at": w.now, "plan_id": None, **values})
            created(w, item, RECEIPT, {"contract": contract.id, "plan": item.plan_id})
            return receipt_view(item)

    def update_receipt(self, receipt_id: str, changes: Mapping[str, Any]) -> ReceiptView:
        with self.ctx.guard(RECEIPT, receipt_id, Action.UPDATE), self.ctx.writing() as w:
            item = live(w, Receipt, receipt_id)
            contract, _ = writable_contract(w, item.contract_id)
            changed = changed_fields(item, _receipt_values(w, changes, contract))
            if changed:
                touch(w, item, RECEIPT, "update", {"contract": contract.id, "fields": changed})
            return receipt_view(item)

    def delete_receipt(self, receipt_id: str) -> None:
        with self.ctx.guard(RECEIPT, receipt_id, Action.DELETE), self.ctx.writing() as w:
            item = live(w, Receipt, receipt_id)
            contract, _ = writable_contract(w, item.contract_id)
            item.deleted_at = w.now
            touch(w, item, RECEIPT, "delete", {"contract": contract.id})

    def _instalment(self, w: Work, item: PaymentPlan, contract: Contract) -> InstalmentView:
        received = w.session.execute(select(func.coalesce(func.sum(Receipt.amount_minor), 0))
                                     .where(Receipt.plan_id == item.id,
                                            Receipt.deleted_at.is_(None))).scalar_one()
        today = w.now.astimezone(policy_set(w.session).company_zone).date()
        return instalment_view(item, contract, int(received), today)


def _writable_plan(w: Work, plan_id: str) -> tuple[PaymentPlan, Contract]:
    item = live(w, PaymentPlan, plan_id)
    contract, _ = writable_contract(w, item.contract_id)
    return item, contract


def _plan_values(data: Mapping[str, Any], contract: Contract) -> dict[str, Any]:
    fv.only(data, PLAN_FIELDS, "instalment")
    out: dict[str, Any] = {}
    for name, value in data.items():
        match name:
            case "instalment":
                out[name] = fv.whole(name, value, 1, INSTALMENT_MAX)
            case "due_date":
                out[name] = fv.day(name, value)
            case "amount_minor":
                out[name] = fv.amount(name, value)
            case "currency":
                _same_currency(value, contract)
    return out


def _receipt_values(w: Work, data: Mapping[str, Any], contract: Contract) -> dict[str, Any]:
    fv.only(data, RECEIPT_FIELDS, "receipt")
    out: dict[str, Any] = {}
    for name, value in data.items():
        match name:
            case "amount_minor":
                out[name] = fv.amount(name, value)
            case "received_at":
                out[name] = fv.past_moment(name, value, now=w.now)
            case "plan_id":
                out[name] = _plan_of(w, value, contract)
            case "currency":
                _same_currency(value, contract)
    return out


def _plan_of(w: Work, value: Any, contract: Contract) -> str | None:
    """An instalment of this contract, or None for the contract as a whole."""
    if value in (None, ""):
        return None
    plan = w.session.get(PaymentPlan, record_id("plan_id", value))
    if plan is None or plan.deleted_at is not None or plan.contract_id != contract.id:
        raise ValidationError("plan_id", "is not an instalment of this contract")
    return plan.id


def _same_currency(value: Any, contract: Contract) -> None:
    if fv.currency("currency", value) != contract.currency:
        raise ValidationError("currency", f"must be the contract's currency, "
                                          f"{contract.currency}")


def _next_instalment(w: Work, contract_id: str) -> int:
    last = w.session.execute(select(func.max(PaymentPlan.instalment)).where(
        PaymentPlan.contract_id == contract_id, PaymentPlan.deleted_at.is_(None))).scalar()
    return (last or 0) + 1


def _check_instalment_free(w: Work, contract_id: str, number: int,
                           plan_id: str | None) -> None:
    query = select(PaymentPlan.id).where(PaymentPlan.contract_id == contract_id,
                                         PaymentPlan.instalment == number,
                                         PaymentPlan.deleted_at.is_(None))
    if plan_id is not None:
        query = query.where(PaymentPlan.id != plan_id)
    if w.session.execute(query.limit(1)).first() is not None:
        raise ValidationError("instalment", f"this contract has an instalment {number} "
                                            "already")


__all__ = ["PaymentOps"]
