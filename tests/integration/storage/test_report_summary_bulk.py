"""The summary stays right through the service paths: a bulk activity import, assignment
and deletion by the customer service, a bulk load with the triggers deferred (also one that
fails), and the upgrade of a vault that already holds data."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import nullcontext
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, insert

from desktop_crm.domain.ids import new_id
from desktop_crm.services.bulk import ActivityBatch, ActivityImport
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.services.setup import initialize_vault
from desktop_crm.storage import report_summary, schema
from desktop_crm.storage.models import Policy

from .test_report_summary import assert_summary_right, stored

PASSWORD = "admin-password-1"
ZONE = "Asia/Shanghai"
T0 = datetime(2026, 5, 20, 3, 0, tzinfo=UTC)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[CrmSession]:
    initialize_vault(tmp_path / "vault", admin_username="admin", admin_password=PASSWORD)
    session = sign_in(tmp_path / "vault", "admin", PASSWORD)
    with _engine(session).begin() as conn:
        report_summary.use_time_zone(conn, ZONE)
    yield session
    session.lock()


def _engine(session: CrmSession) -> Engine:
    return session._open().database.write_engine


def _batch(customers: list[str], admin: str) -> ActivityBatch:
    """Every kind of activity, some of it in the next month."""
    batch = ActivityBatch()
    for index, customer in enumerate(customers):
        at = T0 + timedelta(days=15 * index)
        contract = new_id()
        batch.interactions.append({"customer_id": customer, "started_at": at})
        batch.orders.append({"customer_id": customer, "ordered_at": at, "amount_minor": 990})
        batch.satisfaction.append({"customer_id": customer, "responded_at": at,
                                   "csat": index % 5 + 1, "nps": 10 - index})
        batch.complaints.append({"customer_id": customer, "opened_at": at,
                                 "first_response_at": at + timedelta(hours=3),
                                 "resolved_at": at + timedelta(days=20)})
        batch.reminders.append({"owner_id": admin, "customer_id": customer,
                                "kind": "return_visit", "title": "回访", "due_at": at,
                                "done_at": at if index % 2 else None})
        batch.contracts.append({"id": contract, "customer_id": customer, "number": f"HT-{index}",
                                "start_date": date(2026, 5, 1), "end_date": date(2027, 4, 30),
                                "amount_minor": 50_000})
        batch.payment_plans.append({"contract_id": contract, "instalment": 1,
                                    "due_date": at.date(), "amount_minor": 50_000})
        batch.receipts.append({"contract_id": contract, "amount_minor": 20_000,
                               "received_at": at})
    return batch


def test_a_bulk_import_assignment_and_deletion_keep_the_summary_right(
        session: CrmSession) -> None:
    session.customers.bulk_create([{"name": f"客户{i}"} for i in range(4)])
    customers = [row.id for row in session.customers.list_page(limit=10).rows]
    other, _ = session.users.create("sales1", "销售一", roles=["sales"])
    written = ActivityImport(session.users.ctx).create(_batch(customers, session.user_id))
    assert written["reminders"] == 4
    engine = _engine(session)
    assert_summary_right(engine, ZONE)
    session.customers.assign(customers[0], other.id)
    session.customers.update(customers[1], {"lifecycle_stage": "advocate", "tier": "potential"})
    session.customers.delete(customers[2])
    assert_summary_right(engine, ZONE)
    with engine.connect() as conn:
        by_group, _ = stored(conn)
    owners = {owner for owner, _, _, _ in by_group}
    assert len(owners) == 2  # the assigned customer's figures went with it


@pytest.mark.parametrize("fails", [False, True])
def test_a_deferred_load_leaves_the_summary_whole(session: CrmSession, fails: bool) -> None:
    database = session._open().database
    with (pytest.raises(RuntimeError) if fails else nullcontext(),
          database.search_index_deferred()):
        session.customers.bulk_create([{"name": "批量 Bulk"}])
        customer = session.customers.list_page(limit=1).rows[0].id
        ActivityImport(session.users.ctx).create(_batch([customer], session.user_id))
        if fails:
            raise RuntimeError("the load broke off")
    engine = _engine(session)
    with engine.connect() as conn:
        triggers = {row[0] for row in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert set(report_summary.SUMMARY_TRIGGERS) <= triggers
    assert_summary_right(engine, ZONE)
    later = session.customers.create({"name": "后来的客户 Later"})  # counted by the triggers
    with engine.connect() as conn:
        new_customers = conn.exec_driver_sql("SELECT sum(is_new) FROM group_months").scalar()
    assert new_customers == 2 and later.id
    assert_summary_right(engine, ZONE)


def test_the_upgrade_fills_the_summary_from_the_data_there(session: CrmSession) -> None:
    session.customers.bulk_create([{"name": f"老客户{i}", "source": "referral"}
                                   for i in range(3)])
    customers = [row.id for row in session.customers.list_page(limit=10).rows]
    ActivityImport(session.users.ctx).create(_batch(customers, session.user_id))
    session.customers.delete(customers[1])
    engine = _engine(session)
    with engine.begin() as conn:
        command.downgrade(schema.alembic_config(conn), "0008_reminder_calendar")
    with engine.begin() as conn:
        tables = {row[0] for row in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "customer_months" not in tables
        now = datetime.now(UTC)
        conn.execute(insert(Policy), [{"id": new_id(), "key": "company_time_zone",
                                       "value": {"zone": "America/New_York"},
                                       "created_at": now, "updated_at": now}])
    schema.upgrade(engine)
    with engine.connect() as conn:
        assert report_summary.months_zone(conn) == "America/New_York"
        by_group, customer_rows = stored(conn)
    assert sum(counters.get("is_new", 0) for counters in by_group.values()) == 2
    assert sum(counters.get("referred", 0) for counters in by_group.values()) == 2
    assert len(customer_rows) == 2  # the two live customers, each active in one month
    assert_summary_right(engine, "America/New_York")
