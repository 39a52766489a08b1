"""Dashboard speed: a month's contacted customers and repurchases from sums, a customer's
live calls and orders from their indexes alone.

- month_tallies (local, never synced): of a report group's customers in a month, how many
  were contacted, ordered once, twice or more, and once for the first time; kept right by
  triggers on customer_months (storage/month_tallies_sql.py) and filled here from it.
- ix_interactions_customer_started and ix_orders_customer_ordered gain deleted_at before
  the time: "did this customer have a live call (order) in this range" is answered by the
  index, without reading each row for its deleted_at. The churn list and the survey
  figures ask that for thousands of customers.

Revision ID: 0011_dashboard_speed
Revises: 0010_report_speed
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop_crm.storage import report_summary

revision = "0011_dashboard_speed"
down_revision = "0010_report_speed"
branch_labels = None
depends_on = None

# name, table, columns before, columns after
_INDEXES = (
    ("ix_interactions_customer_started", "interactions",
     ["customer_id", "started_at"], ["customer_id", "deleted_at", "started_at"]),
    ("ix_orders_customer_ordered", "orders",
     ["customer_id", "ordered_at"], ["customer_id", "deleted_at", "ordered_at"]),
)
_COUNTS = ("contacted", "once", "twice", "first_once")


def _set_revision(value: str) -> None:
    op.execute(sa.text("UPDATE vault_meta SET value = :v WHERE key = 'schema_revision'")
               .bindparams(v=value))


def _replace_indexes(new: bool) -> None:
    for name, table, before, after in _INDEXES:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, after if new else before)


def upgrade() -> None:
    op.create_table(
        "month_tallies",
        sa.Column("group_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("month", sa.Integer(), autoincrement=False, nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False, server_default="0")
          for name in _COUNTS),
        sa.PrimaryKeyConstraint("group_id", "month", name="pk_month_tallies"),
        sqlite_with_rowid=False,
    )
    _replace_indexes(new=True)
    connection = op.get_bind()
    report_summary.refill_tallies(connection)
    report_summary.create_triggers(connection, report_summary.TALLY_TRIGGERS)
    _set_revision(revision)


def downgrade() -> None:
    report_summary.drop_triggers(op.get_bind(), report_summary.TALLY_TRIGGERS)
    _replace_indexes(new=False)
    op.drop_table("month_tallies")
    _set_revision(down_revision)
