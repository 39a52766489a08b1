"""The admin console: departures, notes on acknowledged alerts, and who may read alerts.

- departures: one row per employee leaving (frozen -> committed -> done, or cancelled). The
  row outlives a crash, so the next sign-in can finish what the commit started. A frozen
  departure takes reveal and export away from the leaving user, so it moves the access
  version like every other access table.
- alerts.acknowledged_note: what the admin wrote when acknowledging.
- The built-in admin role reads and acknowledges alerts; the built-in auditor reads them.
  New vaults get these grants from the default roles; this adds them to existing ones.

Revision ID: 0007_admin_console
Revises: 0006_call_list_indexes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop_crm.storage.types import JsonDict, UtcDateTime, UuidBytes

revision = "0007_admin_console"
down_revision = "0006_call_list_indexes"
branch_labels = None
depends_on = None

BUMP = ("UPDATE vault_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)"
        " WHERE key = 'access_version'")
EVENTS = ("INSERT", "UPDATE", "DELETE")
ALERT_GRANTS = (("admin", "read"), ("admin", "update"), ("auditor", "read"))
NOW_MS = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"


def _set_revision(value: str) -> None:
    op.execute(sa.text("UPDATE vault_meta SET value = :v WHERE key = 'schema_revision'")
               .bindparams(v=value))


def upgrade() -> None:
    op.create_table(
        "departures",
        sa.Column("id", UuidBytes(), primary_key=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", UuidBytes(), nullable=True),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("user_id", UuidBytes(), sa.ForeignKey("users.id",
                  name="fk_departures_user_id_users"), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("started_by", UuidBytes(), nullable=False),
        sa.Column("frozen_at", UtcDateTime(), nullable=False),
        sa.Column("committed_at", UtcDateTime(), nullable=True),
        sa.Column("finished_at", UtcDateTime(), nullable=True),
        sa.Column("plan", JsonDict(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_departures"),
    )
    op.create_index("ix_departures_user_id", "departures", ["user_id"])
    for event in EVENTS:
        op.execute(f"CREATE TRIGGER departures_access_{event.lower()} AFTER {event} ON departures"
                   f" BEGIN {BUMP}; END")
    with op.batch_alter_table("alerts") as batch:
        batch.add_column(sa.Column("acknowledged_note", sa.Text(), nullable=False,
                                   server_default=""))
    for role, action in ALERT_GRANTS:
        op.execute(sa.text(
            "INSERT INTO role_grants (id, created_at, updated_at, version, role_id, resource,"
            " action, scope, department_ids)"
            f" SELECT randomblob(16), {NOW_MS}, {NOW_MS}, 1, id, 'alert', :action, 'all', ''"
            " FROM roles WHERE name = :role AND builtin AND deleted_at IS NULL"
            " AND NOT EXISTS (SELECT 1 FROM role_grants g WHERE g.role_id = roles.id"
            " AND g.resource = 'alert' AND g.action = :action AND g.deleted_at IS NULL)"
        ).bindparams(role=role, action=action))
    _set_revision(revision)


def downgrade() -> None:
    op.execute("DELETE FROM role_grants WHERE resource = 'alert'")
    with op.batch_alter_table("alerts") as batch:
        batch.drop_column("acknowledged_note")
    for event in EVENTS:
        op.execute(f"DROP TRIGGER IF EXISTS departures_access_{event.lower()}")
    op.drop_index("ix_departures_user_id", table_name="departures")
    op.drop_table("departures")
    _set_revision(down_revision)
