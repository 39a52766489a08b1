"""Every change to who may see or do what moves the access version, whoever writes it.

Open sessions keep their user's roles and scopes and reload them when the vault's access
version moves. The services move it in the transaction of each access change; these
triggers move it too, so a writer that forgets (a future workflow, a sync download, a
repair by hand) can never leave an open session acting on permissions that are gone.

Revision ID: 0005_access_version_triggers
Revises: 0004_pinyin_prefix_index
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_access_version_triggers"
down_revision = "0004_pinyin_prefix_index"
branch_labels = None
depends_on = None

ACCESS_TABLES = (
    "users", "user_roles", "roles", "role_grants", "field_policies", "record_grants",
    "departments",
)
EVENTS = ("INSERT", "UPDATE", "DELETE")
BUMP = ("UPDATE vault_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)"
        " WHERE key = 'access_version'")


def trigger_name(table: str, event: str) -> str:
    return f"{table}_access_{event.lower()}"


def _set_revision(value: str) -> None:
    op.execute(sa.text("UPDATE vault_meta SET value = :v WHERE key = 'schema_revision'")
               .bindparams(v=value))


def upgrade() -> None:
    op.execute("INSERT OR IGNORE INTO vault_meta (key, value) VALUES ('access_version', '1')")
    for table in ACCESS_TABLES:
        for event in EVENTS:
            op.execute(f"CREATE TRIGGER {trigger_name(table, event)} AFTER {event} ON {table}"
                       f" BEGIN {BUMP}; END")
    _set_revision(revision)


def downgrade() -> None:
    for table in ACCESS_TABLES:
        for event in EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger_name(table, event)}")
    _set_revision(down_revision)
