"""The activity bulk path: validation, permission and scope, audit, derived follow-up date."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop_crm.domain.errors import PermissionDenied, ValidationError
from desktop_crm.services.bulk import ActivityBatch, ActivityImport, bulk_write_settings
from desktop_crm.services.session import CrmSession
from tests.integration.demo.conftest import Demo

AT = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


def own_customer(session: CrmSession) -> str:
    return session.customers.list_page(limit=1).rows[0].id


def call(customer_id: str, **changes: object) -> dict[str, object]:
    return {"customer_id": customer_id, "kind": "call", "started_at": AT,
            "summary": "确认报价", **changes}


def audit_count(session: CrmSession) -> int:
    return session.verify_audit().count


def test_a_salesperson_imports_calls_for_their_own_customer(demo: Demo) -> None:
    sales = demo.session("sales_east1")
    customer_id = own_customer(sales)
    before = len(sales.interactions.for_customer(customer_id))

    written = ActivityImport(sales.users.ctx).create(ActivityBatch(
        interactions=[call(customer_id), call(customer_id, started_at=AT.replace(day=21))]))

    assert written["interactions"] == 2
    calls = sales.interactions.for_customer(customer_id)
    assert len(calls) == before + 2
    assert {c.user_id for c in calls[:2]} == {sales.user_id}
    record = sales.customers.get(customer_id)
    assert record.last_followup_at is not None and record.last_followup_at >= AT


def test_another_salespersons_customer_is_refused_and_nothing_is_written(demo: Demo) -> None:
    admin = demo.session("admin")
    theirs = own_customer(demo.session("sales_east2"))
    sales = demo.session("sales_east1")
    mine = own_customer(sales)
    calls_before = len(admin.interactions.for_customer(mine))
    events = audit_count(admin)

    with pytest.raises(ValidationError) as refused:
        ActivityImport(sales.users.ctx).create(
            ActivityBatch(interactions=[call(mine), call(theirs)]))

    assert refused.value.field == "customer_id"
    assert audit_count(admin) == events
    assert len(admin.interactions.for_customer(mine)) == calls_before


def test_one_invalid_row_refuses_the_whole_batch(demo: Demo) -> None:
    admin = demo.session("admin")
    customer_id = own_customer(admin)
    before = len(admin.interactions.for_customer(customer_id))
    events = audit_count(admin)
    batch = ActivityBatch(
        interactions=[call(customer_id)],
        orders=[{"customer_id": customer_id, "ordered_at": AT, "amount_minor": -5}],
    )
    with pytest.raises(ValidationError) as refused:
        ActivityImport(admin.users.ctx).create(batch)
    assert refused.value.field == "amount_minor"
    assert "(orders, row 1)" in refused.value.message
    assert len(admin.interactions.for_customer(customer_id)) == before
    assert audit_count(admin) == events


@pytest.mark.parametrize(("row", "field"), [
    ({"kind": "fax"}, "kind"),
    ({"started_at": datetime(2026, 11, 20)}, "started_at"),  # no time zone
    ({"duration_seconds": 90_000}, "duration_seconds"),
    ({"colour": "red"}, "colour"),
    ({"customer_id": "not-an-id"}, "customer_id"),
])
def test_call_fields_are_validated(demo: Demo, row: dict, field: str) -> None:
    admin = demo.session("admin")
    customer_id = own_customer(admin)
    with pytest.raises(ValidationError) as refused:
        ActivityImport(admin.users.ctx).create(
            ActivityBatch(interactions=[call(customer_id), {**call(customer_id), **row}]))
    assert refused.value.field == field
    assert refused.value.message.endswith("(interactions, row 2)")


def test_an_auditor_may_not_import_activity(demo: Demo) -> None:
    auditor = demo.session("auditor")
    with pytest.raises(PermissionDenied):
        ActivityImport(auditor.users.ctx).create(
            ActivityBatch(interactions=[call(own_customer(auditor))]))


def test_contracts_plans_and_receipts_are_written_together_and_audited(demo: Demo) -> None:
    admin = demo.session("admin")
    customer_id = own_customer(admin)
    contract_id = "00000000-0000-4000-8000-000000000001"
    plan_id = "00000000-0000-4000-8000-000000000002"
    events = audit_count(admin)
    written = ActivityImport(admin.users.ctx).create(ActivityBatch(
        contracts=[{"id": contract_id, "customer_id": customer_id, "number": "HT-1",
                    "start_date": date(2026, 1, 1), "end_date": date(2026, 12, 31),
                    "amount_minor": 100_00, "currency": "CNY"}],
        payment_plans=[{"id": plan_id, "contract_id": contract_id, "instalment": 1,
                        "due_date": date(2026, 6, 30), "amount_minor": 100_00}],
        receipts=[{"contract_id": contract_id, "plan_id": plan_id, "amount_minor": 50_00,
                   "received_at": AT}],
    ))
    assert (written["contracts"], written["payment_plans"], written["receipts"]) == (1, 1, 1)
    assert audit_count(admin) == events + 3  # one event per kind, each with its count


def test_a_receipt_for_an_unknown_plan_is_refused(demo: Demo) -> None:
    admin = demo.session("admin")
    with pytest.raises(ValidationError) as refused:
        ActivityImport(admin.users.ctx).create(ActivityBatch(receipts=[{
            "contract_id": "00000000-0000-4000-8000-00000000000a", "amount_minor": 1,
            "received_at": AT}]))
    assert refused.value.field == "contract_id"


def test_the_bulk_write_settings_are_undone_afterwards_even_on_error(demo: Demo) -> None:
    admin = demo.session("admin")
    ctx = admin.users.ctx

    def pragma(name: str) -> int:
        with ctx.writing() as w:
            return int(w.session.connection().exec_driver_sql(f"PRAGMA {name}").scalar_one())

    def settings() -> tuple[int, int]:
        return pragma("cache_size"), pragma("wal_autocheckpoint")

    before = settings()
    with bulk_write_settings(ctx, cache_mib=64, checkpoint_mib=8):
        assert settings() == (-64 * 1024, 8 * 1024 * 1024 // pragma("page_size"))
    assert settings() == before
    with pytest.raises(RuntimeError), bulk_write_settings(ctx, cache_mib=32, checkpoint_mib=4):
        raise RuntimeError("load failed")
    assert settings() == before
