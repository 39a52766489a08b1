"""Quiet saves: the search index merges its segments while the vault is idle, not inside
every 64th save.

FTS5 stores its merge setting in the index itself (customer_fts_config). With automerge
off, a commit only adds its small segment; the idle thread (storage/idle_upkeep.py) merges
them in short steps, and FTS5 still merges a level at once when it reaches 16 segments.

Revision ID: 0012_quiet_saves
Revises: 0011_dashboard_speed
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_quiet_saves"
down_revision = "0011_dashboard_speed"
branch_labels = None
depends_on = None


def _set_revision(value: str) -> None:
    op.execute(sa.text("UPDATE vault_meta SET value = :v WHERE key = 'schema_revision'")
               .bindparams(v=value))


def _set_automerge(segments: int) -> None:
    op.execute(f"INSERT INTO customer_fts(customer_fts, rank) VALUES ('automerge', {segments})")


def upgrade() -> None:
    _set_automerge(0)
    _set_revision(revision)


def downgrade() -> None:
    _set_automerge(4)  # FTS5's default
    _set_revision(down_revision)
