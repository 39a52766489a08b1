"""Compact indexes: the same reads from about 46 MiB less index at a million customers.

- ix_customers_sort, ix_customers_updated and ix_customers_owner_updated hold a 4-byte tag
  of the owner's id (its last four bytes) instead of all 16; the list order becomes (sort
  value, owner tag, rowid) and the owner's id is tested on the row, which a page reads
  anyway (storage/list_sql.py). ix_customers_owner_sort keeps the id: every other read by
  owner uses it.
- ix_interactions_user_started holds the caller's tag the same way (storage/call_list.py).
- ix_customers_initials leaves out the names without Chinese characters (no initials).
- Instalments and receipts each keep one contract index instead of two: the full
  (contract, deleted, time, amount) index serves both the receivables sums, which read only
  live rows, and the foreign key, which needs every row.

Revision ID: 0013_compact_indexes
Revises: 0012_quiet_saves
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_compact_indexes"
down_revision = "0012_quiet_saves"
branch_labels = None
depends_on = None

_LIVE = "deleted_at IS NULL"

# name, table, columns, partial-index condition: after and before
_AFTER = (
    ("ix_customers_sort", "customers", "sort_key, substr(owner_id, 13, 4)", _LIVE),
    ("ix_customers_updated", "customers", "updated_at, substr(owner_id, 13, 4)", _LIVE),
    ("ix_customers_owner_updated", "customers", "substr(owner_id, 13, 4), updated_at", _LIVE),
    ("ix_customers_initials", "customers", "name_initials", "name_initials <> ''"),
    ("ix_interactions_user_started", "interactions", "substr(user_id, 13, 4), started_at", ""),
    ("ix_payment_plans_contract_due", "payment_plans",
     "contract_id, deleted_at, due_date, amount_minor", ""),
    ("ix_receipts_contract_received", "receipts",
     "contract_id, deleted_at, received_at, amount_minor", ""),
)
_BEFORE = (
    ("ix_customers_sort", "customers", "sort_key, owner_id", _LIVE),
    ("ix_customers_updated", "customers", "updated_at, owner_id", _LIVE),
    ("ix_customers_owner_updated", "customers", "owner_id, updated_at", _LIVE),
    ("ix_customers_initials", "customers", "name_initials", ""),
    ("ix_interactions_user_started", "interactions", "user_id, started_at", ""),
    ("ix_payment_plans_contract_id", "payment_plans", "contract_id", ""),
    ("ix_payment_plans_live_due", "payment_plans", "contract_id, due_date, amount_minor", _LIVE),
    ("ix_receipts_contract_id", "receipts", "contract_id", ""),
    ("ix_receipts_live_received", "receipts", "contract_id, received_at, amount_minor", _LIVE),
)


def _set_revision(value: str) -> None:
    op.execute(sa.text("UPDATE vault_meta SET value = :v WHERE key = 'schema_revision'")
               .bindparams(v=value))


def _replace(drop: tuple[tuple[str, str, str, str], ...],
             create: tuple[tuple[str, str, str, str], ...]) -> None:
    for name, *_ in drop:
        op.execute(f"DROP INDEX {name}")
    for name, table, columns, where in create:
        op.execute(f"CREATE INDEX {name} ON {table} ({columns})"
                   + (f" WHERE {where}" if where else ""))


def upgrade() -> None:
    _replace(_BEFORE, _AFTER)
    _set_revision(revision)


def downgrade() -> None:
    _replace(_AFTER, _BEFORE)
    _set_revision(down_revision)
