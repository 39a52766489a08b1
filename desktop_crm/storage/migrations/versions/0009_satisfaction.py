"""Customer satisfaction: what a complaint's response and resolution said; where an answer
came from.

- complaints.response / resolution: the words of the first response and of the resolution.
- satisfaction_responses.reminder_id / interaction_id / user_id: the return visit (a
  reminder of kind return_visit) the answer completed, the call it followed, who recorded
  it. Partial indexes find an answer by its visit or call (most answers have neither).

Revision ID: 0009_satisfaction
Revises: 0008_reminder_calendar
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

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
    _set_revision(revision)


def downgrade() -> None:
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
