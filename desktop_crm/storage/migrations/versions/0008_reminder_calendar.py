"""The reminder calendar: end times, notes and zones; single-occurrence changes; a local
occurrence cache.

- reminders.ends_at / notes / time_zone: a visit from 14:00 to 15:00, what to prepare, and
  the zone a timed repeating reminder keeps its wall-clock time in.
- reminder_overrides (synced): one occurrence of a repeating reminder completed, snoozed,
  moved or skipped.
- reminder_occurrences + reminder_spans (local, never synced): the expanded occurrences of
  repeating reminders around today, checked against each reminder's version when read.
- Indexes: an owner's repeating reminders, generated reminders by origin, snoozed ones.

Revision ID: 0008_reminder_calendar
Revises: 0007_admin_console
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop_crm.storage.types import UtcDateTime, UuidBytes

revision = "0008_reminder_calendar"
down_revision = "0007_admin_console"
branch_labels = None
depends_on = None


def _set_revision(value: str) -> None:
    op.execute(sa.text("UPDATE vault_meta SET value = :v WHERE key = 'schema_revision'")
               .bindparams(v=value))


def upgrade() -> None:
    with op.batch_alter_table("reminders") as batch:
        batch.add_column(sa.Column("ends_at", UtcDateTime(), nullable=True))
        batch.add_column(sa.Column("notes", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("time_zone", sa.String(64), nullable=False,
                                   server_default=""))
    op.create_index("ix_reminders_owner_series", "reminders", ["owner_id"],
                    sqlite_where=sa.text("rrule <> '' AND deleted_at IS NULL"))
    op.create_index("ix_reminders_source", "reminders", ["source"],
                    sqlite_where=sa.text("source <> ''"))
    op.create_index("ix_reminders_owner_snoozed", "reminders", ["owner_id", "snoozed_until"],
                    sqlite_where=sa.text("snoozed_until IS NOT NULL"))
    op.create_table(
        "reminder_overrides",
        sa.Column("id", UuidBytes(), primary_key=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", UuidBytes(), nullable=True),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("reminder_id", UuidBytes(), sa.ForeignKey(
            "reminders.id", name="fk_reminder_overrides_reminder_id_reminders"), nullable=False),
        sa.Column("occurrence", sa.String(32), nullable=False),
        sa.Column("done_at", UtcDateTime(), nullable=True),
        sa.Column("snoozed_until", UtcDateTime(), nullable=True),
        sa.Column("moved_to", UtcDateTime(), nullable=True),
        sa.Column("skipped", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_reminder_overrides"),
        sa.UniqueConstraint("reminder_id", "occurrence",
                            name="uq_reminder_overrides_reminder_id_occurrence"),
    )
    op.create_table(
        "reminder_occurrences",
        sa.Column("reminder_id", UuidBytes(), nullable=False),
        sa.Column("occurrence", sa.String(32), nullable=False),
        sa.Column("owner_id", UuidBytes(), nullable=False),
        sa.Column("starts_at", UtcDateTime(), nullable=False),
        sa.Column("all_day", sa.Boolean(), nullable=False),
        sa.Column("done_at", UtcDateTime(), nullable=True),
        sa.Column("snoozed_until", UtcDateTime(), nullable=True),
        sa.Column("series_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("reminder_id", "occurrence", name="pk_reminder_occurrences"),
    )
    op.create_index("ix_reminder_occurrences_owner_start", "reminder_occurrences",
                    ["owner_id", "starts_at"])
    op.create_table(
        "reminder_spans",
        sa.Column("reminder_id", UuidBytes(), nullable=False),
        sa.Column("owner_id", UuidBytes(), nullable=False),
        sa.Column("series_version", sa.Integer(), nullable=False),
        sa.Column("covers_from", UtcDateTime(), nullable=False),
        sa.Column("covers_until", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("reminder_id", name="pk_reminder_spans"),
    )
    _set_revision(revision)


def downgrade() -> None:
    op.drop_table("reminder_spans")
    op.drop_index("ix_reminder_occurrences_owner_start", table_name="reminder_occurrences")
    op.drop_table("reminder_occurrences")
    op.drop_table("reminder_overrides")
    for name in ("ix_reminders_owner_snoozed", "ix_reminders_source",
                 "ix_reminders_owner_series"):
        op.drop_index(name, table_name="reminders")
    with op.batch_alter_table("reminders") as batch:
        batch.drop_column("time_zone")
        batch.drop_column("notes")
        batch.drop_column("ends_at")
    _set_revision(down_revision)
