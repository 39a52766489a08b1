"""Report speed: active customers counted from sums, receivables and complaints read from
narrow indexes.

- activity_gaps (local, never synced): of a report group's customers active in a month,
  how many after a pause of how many months; kept right by triggers on customer_months
  (storage/activity_gaps_sql.py) and filled here from it.
- ix_payment_plans_live_due, ix_receipts_live_received: each live contract's instalments
  and receipts with their dates and amounts, so a receivables figure reads two narrow
  indexes instead of both tables.
- ix_complaints_live_opened: a period's live complaints with their customers.
- ix_contracts_live_customer: each live contract's customer.
- ix_customers_high_value: live high-value customers with their creation, for the churn
  count (a tenth of the customers, a few MiB at a million).

Revision ID: 0010_report_speed
Revises: 0009_satisfaction
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop_crm.storage import report_summary

revision = "0010_report_speed"
down_revision = "0009_satisfaction"
branch_labels = None
depends_on = None

_LIVE = sa.text("deleted_at IS NULL")
_INDEXES = (
    ("ix_payment_plans_live_due", "payment_plans", ["contract_id", "due_date", "amount_minor"]),
    ("ix_receipts_live_received", "receipts", ["contract_id", "received_at", "amount_minor"]),
    ("ix_complaints_live_opened", "complaints", ["opened_at", "customer_id"]),
    ("ix_contracts_live_customer", "contracts", ["id", "customer_id"]),
)

_HIGH_VALUE = "ix_customers_high_value"


def _set_revision(value: str) -> None:
    op.execute(sa.text("UPDATE vault_meta SET value = :v WHERE key = 'schema_revision'")
               .bindparams(v=value))


def upgrade() -> None:
    op.create_table(
        "activity_gaps",
        sa.Column("group_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("month", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("gap", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("customers", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("group_id", "month", "gap", name="pk_activity_gaps"),
        sqlite_with_rowid=False,
    )
    for name, table, columns in _INDEXES:
        op.create_index(name, table, columns, sqlite_where=_LIVE)
    op.create_index(_HIGH_VALUE, "customers", ["id", "created_at"],
                    sqlite_where=sa.text("tier = 'high_value' AND deleted_at IS NULL"))
    connection = op.get_bind()
    report_summary.refill_gaps(connection)
    report_summary.create_triggers(connection, report_summary.GAP_TRIGGERS)
    _set_revision(revision)


def downgrade() -> None:
    report_summary.drop_triggers(op.get_bind(), report_summary.GAP_TRIGGERS)
    op.drop_index(_HIGH_VALUE, table_name="customers")
    for name, table, _ in reversed(_INDEXES):
        op.drop_index(name, table_name=table)
    op.drop_table("activity_gaps")
    _set_revision(down_revision)
