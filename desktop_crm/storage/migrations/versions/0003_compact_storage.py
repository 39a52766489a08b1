"""Compact storage: ids as 16 bytes, times as integer milliseconds, a leaner search index.

A million customers with their activity must fit in 1 GiB. UUID text (36 bytes) and ISO
times (26 bytes) repeat on every row and in every index; as bytes and integers they take 16
and 6. Sort keys lose the name appended to them, and the customer list indexes stop
repeating the id: the rowid every index entry carries breaks ties. The pool index covers
pooled customers only, and the trigram index keeps no positions or column sizes
(detail=none, columnsize=0: a quarter of its size); the search confirms each candidate
against the columns the user may search.

SQLite cannot change a column's type in place, so each synced table is rebuilt the way its
documentation prescribes (create the new table, copy, drop, rename), keeping rowids, which
the search index points at. Foreign keys are checked once at commit.

Revision ID: 0003_compact_storage
Revises: 0002_live_list_indexes
"""

from __future__ import annotations

import re
from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

revision = "0003_compact_storage"
down_revision = "0002_live_list_indexes"
branch_labels = None
depends_on = None

SYNCED_TABLES = (
    "departments", "users", "roles", "user_roles", "role_grants", "field_policies",
    "record_grants", "policies", "customer_pools", "pool_rules", "pool_members", "customers",
    "ownership_history", "interactions", "reminders", "contracts", "payment_plans", "receipts",
    "orders", "satisfaction_responses", "complaints",
)
_ID_NAMES = {"id", "updated_by", "referred_by", "granted_by"}
_TIME_NAMES = {"snoozed_until"}


def is_id_column(name: str) -> bool:
    return name in _ID_NAMES or name.endswith("_id")


def is_time_column(name: str) -> bool:
    return name in _TIME_NAMES or name.endswith("_at")


# --- conversions, in SQL ----------------------------------------------------------------------


def uuid_text_to_bytes(col: str) -> str:
    # text that is no UUID (a free-text referred_by, say) stays text, as UuidBytes keeps it
    raw = f"unhex(replace({col}, '-', ''))"
    return f"CASE WHEN length({raw}) = 16 THEN {raw} ELSE {col} END"


def uuid_bytes_to_text(col: str) -> str:
    h = f"lower(hex({col}))"
    return (f"CASE WHEN typeof({col}) = 'blob' AND length({col}) = 16 THEN substr({h}, 1, 8)"
            f" || '-' || substr({h}, 9, 4) || '-' || substr({h}, 13, 4) || '-' || "
            f"substr({h}, 17, 4) || '-' || substr({h}, 21) ELSE {col} END")


def iso_text_to_millis(col: str) -> str:
    # "2026-11-23T08:00:00.123456": whole seconds from the first 19 characters, exact
    return f"unixepoch(substr({col}, 1, 19)) * 1000 + CAST(substr({col}, 21, 3) AS INTEGER)"


def millis_to_iso_text(col: str) -> str:
    return (f"CASE WHEN {col} IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%S', "
            f"{col} / 1000, 'unixepoch') || printf('.%03d000', {col} % 1000) END")


# --- the customer indexes and the search index -------------------------------------------------

LIVE = "WHERE deleted_at IS NULL"
LIST_INDEXES_BEFORE = {
    "ix_customers_sort": "sort_key, id, owner_id",
    "ix_customers_updated": "updated_at, id, owner_id",
    "ix_customers_owner_sort": "owner_id, sort_key, id",
    "ix_customers_owner_updated": "owner_id, updated_at, id",
}
LIST_INDEXES_AFTER = {
    "ix_customers_sort": "sort_key, owner_id",
    "ix_customers_updated": "updated_at, owner_id",
    "ix_customers_owner_sort": "owner_id, sort_key",
    "ix_customers_owner_updated": "owner_id, updated_at",
}
POOL_INDEX_BEFORE = "CREATE INDEX ix_customers_pool_id ON customers (pool_id)"
POOL_INDEX_AFTER = (
    "CREATE INDEX ix_customers_pool_id ON customers (pool_id) WHERE pool_id IS NOT NULL"
)

SEARCH_COLUMNS = "name, company, phones, emails, tags, name_pinyin, name_initials"
SEARCH_TABLE_BEFORE = f"""
    CREATE VIRTUAL TABLE customer_fts USING fts5(
        {SEARCH_COLUMNS},
        content='customers', content_rowid='rowid',
        tokenize='trigram remove_diacritics 1'
    )
"""
SEARCH_TABLE_AFTER = f"""
    CREATE VIRTUAL TABLE customer_fts USING fts5(
        {SEARCH_COLUMNS},
        content='customers', content_rowid='rowid',
        tokenize='trigram remove_diacritics 1', detail=none, columnsize=0
    )
"""
_NEW = "new.rowid, new." + SEARCH_COLUMNS.replace(", ", ", new.")
_OLD = "old.rowid, old." + SEARCH_COLUMNS.replace(", ", ", old.")
SEARCH_TRIGGERS = (
    f"""
    CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
        INSERT INTO customer_fts(rowid, {SEARCH_COLUMNS}) VALUES ({_NEW});
    END
    """,
    f"""
    CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN
        INSERT INTO customer_fts(customer_fts, rowid, {SEARCH_COLUMNS})
        VALUES ('delete', {_OLD});
    END
    """,
    f"""
    CREATE TRIGGER customers_fts_update AFTER UPDATE OF {SEARCH_COLUMNS} ON customers BEGIN
        INSERT INTO customer_fts(customer_fts, rowid, {SEARCH_COLUMNS})
        VALUES ('delete', {_OLD});
        INSERT INTO customer_fts(rowid, {SEARCH_COLUMNS}) VALUES ({_NEW});
    END
    """,
)


# --- the rebuild ------------------------------------------------------------------------------


def _rebuild(
    table: str,
    id_type: str,
    time_type: str,
    id_value: Callable[[str], str],
    time_value: Callable[[str], str],
    sort_key_value: str,
) -> list[str]:
    """Rebuild `table` with new id and time column types; return its index DDL to re-run."""
    bind = op.get_bind()
    create = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).scalar_one()
    indexes = [
        row[0] for row in bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
            " AND sql IS NOT NULL ORDER BY name", (table,))
    ]
    columns = [row[1] for row in bind.exec_driver_sql(f"PRAGMA table_info({table})")]
    values = []
    for col in columns:
        if is_id_column(col):
            create = _retype(create, col, id_type)
            values.append(id_value(col))
        elif is_time_column(col):
            create = _retype(create, col, time_type)
            values.append(time_value(col))
        elif table == "customers" and col == "sort_key":
            values.append(sort_key_value)
        else:
            values.append(col)
    staged = f"_rebuild_{table}"
    # a table renamed into place before is stored as CREATE TABLE "name"
    create = re.sub(rf'^CREATE TABLE "?{table}"? \(', f"CREATE TABLE {staged} (", create)
    bind.exec_driver_sql(create)
    names = ", ".join(columns)
    bind.exec_driver_sql(
        f"INSERT INTO {staged} (rowid, {names}) SELECT rowid, {', '.join(values)} FROM {table}"
    )
    bind.exec_driver_sql(f"DROP TABLE {table}")
    bind.exec_driver_sql(f"ALTER TABLE {staged} RENAME TO {table}")
    return indexes


def _retype(create: str, column: str, new_type: str) -> str:
    """Change one column's declared type in the CREATE TABLE text SQLAlchemy wrote."""
    pattern = re.compile(rf"^(\s+){column} [A-Z]+(\(\d+\))?", re.MULTILINE)
    changed, count = pattern.subn(rf"\g<1>{column} {new_type}", create)
    if count != 1:
        raise RuntimeError(f"cannot find the column {column} to retype")
    return changed


def _migrate(
    id_type: str, time_type: str, id_value: Callable[[str], str],
    time_value: Callable[[str], str], sort_key_value: str, list_indexes: dict[str, str],
    pool_index: str, search_table: str,
) -> None:
    op.execute("PRAGMA defer_foreign_keys = ON")  # parents and children move in turn
    for trigger in ("customers_fts_insert", "customers_fts_delete", "customers_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS customer_fts")
    for table in SYNCED_TABLES:
        for ddl in _rebuild(table, id_type, time_type, id_value, time_value, sort_key_value):
            name = re.search(r"INDEX (\S+) ON", ddl).group(1)  # type: ignore[union-attr]
            if name in list_indexes:
                ddl = f"CREATE INDEX {name} ON customers ({list_indexes[name]}) {LIVE}"
            elif name == "ix_customers_pool_id":
                ddl = pool_index
            op.execute(ddl)
    op.execute(search_table)
    for trigger in SEARCH_TRIGGERS:
        op.execute(trigger)
    op.execute("INSERT INTO customer_fts(customer_fts) VALUES ('rebuild')")


# "zhang wei\x1f张伟" -> "zhang wei", and back
SORT_KEY_SHORT = (
    "CASE WHEN instr(sort_key, char(31)) > 0"
    " THEN substr(sort_key, 1, instr(sort_key, char(31)) - 1) ELSE sort_key END"
)
SORT_KEY_WITH_NAME = "sort_key || char(31) || name"


def _set_revision(value: str) -> None:
    op.execute(sa.text("UPDATE vault_meta SET value = :v WHERE key = 'schema_revision'")
               .bindparams(v=value))


def upgrade() -> None:
    _migrate("BLOB", "INTEGER", uuid_text_to_bytes, iso_text_to_millis, SORT_KEY_SHORT,
             LIST_INDEXES_AFTER, POOL_INDEX_AFTER, SEARCH_TABLE_AFTER)
    _set_revision(revision)


def downgrade() -> None:
    _migrate("VARCHAR(36)", "VARCHAR(26)", uuid_bytes_to_text, millis_to_iso_text,
             SORT_KEY_WITH_NAME, LIST_INDEXES_BEFORE, POOL_INDEX_BEFORE, SEARCH_TABLE_BEFORE)
    _set_revision(down_revision)
