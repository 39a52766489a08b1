"""Customer satisfaction: what a complaint's response and resolution said; where an answer
came from.

- complaints.response / resolution: the words of the first response and of the resolution.
- satisfaction_responses.reminder_id / interaction_id / user_id: the return visit (a
  reminder of kind return_visit) the answer completed, the call it followed, who recorded
  it. Partial indexes find an answer by its visit or call (most answers have neither).
- report_months, report_groups, group_months, customer_months (local, never synced): the
  report summary, kept right by triggers on every source table (storage/report_summary.py
  holds their one definition), filled here from the data already there, with months in
  the company time zone (the policy, else this computer's zone).

Revision ID: 0009_satisfaction
Revises: 0008_reminder_calendar
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop_crm.storage import report_summary
from desktop_crm.storage.types import UuidBytes

revision = "0009_satisfaction"
down_revision = "0008_reminder_calendar"
branch_labels = None
depends_on = None

_ANSWER_LINKS = (("reminder_id", "reminders"), ("interaction_id", "interactions"),
                 ("user_id", "users"))


def _set_revision(value: str) -> None:
    op.execute(sa.text("UPDATE vault_meta SET value = :v WHERE key = 'schema_revision'")
               .bindparams(v=value))


def upgrade() -> None:
    with op.batch_alter_table("complaints") as batch:
        batch.add_column(sa.Column("response", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("resolution", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("satisfaction_responses") as batch:
        for column, target in _ANSWER_LINKS:
            batch.add_column(sa.Column(column, UuidBytes(), nullable=True))
            batch.create_foreign_key(f"fk_satisfaction_responses_{column}_{target}",
                                     target, [column], ["id"])
    for column in ("reminder_id", "interaction_id"):
        op.create_index(f"ix_satisfaction_responses_{column}", "satisfaction_responses",
                        [column], sqlite_where=sa.text(f"{column} IS NOT NULL"))
    _create_summary()
    _set_revision(revision)


def _create_summary() -> None:
    op.create_table(
        "report_months",
        sa.Column("month", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("starts_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("month", name="pk_report_months"),
        sa.UniqueConstraint("starts_at", name="uq_report_months_starts_at"),
    )
    op.create_table(
        "report_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("owner_id", UuidBytes(), nullable=True),
        sa.Column("lifecycle_stage", sa.String(32), nullable=False),
        sa.Column("tier", sa.String(16), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_report_groups"),
        sa.UniqueConstraint("key", name="uq_report_groups_key"),
    )
    op.create_table(
        "group_months",
        sa.Column("group_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("month", sa.Integer(), autoincrement=False, nullable=False),
        *_counters(report_summary.COUNTERS),
        sa.PrimaryKeyConstraint("group_id", "month", name="pk_group_months"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "customer_months",
        sa.Column("group_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("customer_ref", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("month", sa.Integer(), autoincrement=False, nullable=False),
        *_counters(report_summary.CUSTOMER_COUNTERS),
        sa.PrimaryKeyConstraint("group_id", "customer_ref", "month",
                                name="pk_customer_months"),
        sqlite_with_rowid=False,
    )
    connection = op.get_bind()
    report_summary.create_triggers(connection, report_summary.SOURCE_TRIGGERS)
    report_summary.fill_months(connection, report_summary.company_zone(connection))
    report_summary.rebuild_sums(connection)


def _counters(names: tuple[str, ...]) -> list[sa.Column[int]]:
    return [sa.Column(name, sa.Integer(), nullable=False, server_default="0") for name in names]


def downgrade() -> None:
    connection = op.get_bind()
    report_summary.drop_triggers(connection)
    for table in ("customer_months", "group_months", "report_groups", "report_months"):
        op.drop_table(table)
    op.execute(sa.text("DELETE FROM vault_meta WHERE key = :k")
               .bindparams(k=report_summary.ZONE_META))
    for column in ("interaction_id", "reminder_id"):
        op.drop_index(f"ix_satisfaction_responses_{column}", table_name="satisfaction_responses")
    with op.batch_alter_table("satisfaction_responses") as batch:
        for column, target in reversed(_ANSWER_LINKS):
            batch.drop_constraint(f"fk_satisfaction_responses_{column}_{target}",
                                  type_="foreignkey")
            batch.drop_column(column)
    with op.batch_alter_table("complaints") as batch:
        batch.drop_column("resolution")
        batch.drop_column("response")
    _set_revision(down_revision)
