"""Alembic builds the whole data model on a real SQLCipher file, once, and says where it is."""

from __future__ import annotations

import logging
import os
import re
import warnings
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Column, Connection, Engine, select, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex

from desktop_crm.security.secret import SecretBytes
from desktop_crm.storage import schema, search
from desktop_crm.storage.engine import open_engine
from desktop_crm.storage.models import Base, VaultMeta

from .conftest import AddCustomer


def model_differences(conn: Connection) -> list[object]:
    """What `alembic check` would report: the database against models.py, FTS left out."""

    def include(obj: object, name: str | None, type_: str, reflected: bool, other: object) -> bool:
        return not (type_ == "table" and name is not None and search.is_search_index_table(name))

    context = MigrationContext.configure(
        conn, opts={"include_object": include, "compare_type": True}
    )
    with warnings.catch_warnings():
        # SQLite's expression indexes are not reflected: test_expression_indexes checks them
        warnings.filterwarnings("ignore", message=".*expression-based index")
        return list(compare_metadata(context, Base.metadata))


def expression_indexes() -> dict[str, str]:
    """The model indexes on an expression, each as SQLite writes its columns."""
    found = {}
    for table in Base.metadata.tables.values():
        for index in table.indexes:
            if any(not isinstance(e, Column) for e in index.expressions):
                ddl = str(CreateIndex(index).compile(dialect=sqlite.dialect()))
                found[index.name] = ddl[ddl.index("("):]
    return found


def sqlite_objects(conn: Connection, kind: str) -> dict[str, str]:
    rows = conn.execute(
        text("SELECT name, sql FROM sqlite_master WHERE type = :kind"), {"kind": kind}
    )
    return {name: sql or "" for name, sql in rows}


def test_a_new_database_starts_unmigrated_and_upgrades_to_head(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "crm.db", SecretBytes(os.urandom(32)), create=True)
    try:
        assert schema.current_revision(engine) is None
        schema.upgrade(engine)
        assert schema.current_revision(engine) == schema.head_revision()
        assert schema.HEAD == "0013_compact_indexes"
    finally:
        engine.dispose()


def test_every_model_table_and_the_search_index_exist(engine: Engine) -> None:
    with engine.connect() as conn:
        tables = sqlite_objects(conn, "table")
        triggers = sqlite_objects(conn, "trigger")
        meta = conn.execute(select(VaultMeta.value).where(VaultMeta.key == "schema_revision"))
        revision_row = meta.scalar_one()
    assert set(Base.metadata.tables) <= set(tables)
    assert "trigram" in tables[search.SEARCH_TABLE]
    assert "content='customers'" in tables[search.SEARCH_TABLE]
    assert set(search.SEARCH_TRIGGERS) <= set(triggers)
    assert revision_row == "0013_compact_indexes"


def test_migrated_database_matches_the_models(engine: Engine) -> None:
    with engine.connect() as conn:
        assert model_differences(conn) == []


def test_expression_indexes_are_as_the_models_define_them(engine: Engine) -> None:
    # the comparison above cannot see these (alembic skips them): compare the DDL instead
    wanted = expression_indexes()
    assert set(wanted) == {"ix_customers_sort", "ix_customers_updated",
                           "ix_customers_owner_updated", "ix_interactions_user_started"}
    with engine.connect() as conn:
        stored = sqlite_objects(conn, "index")
    for name, columns in wanted.items():
        assert stored[name][stored[name].index("("):] == columns, name


def test_the_model_comparison_notices_a_missing_index(engine: Engine) -> None:
    # so an empty comparison above means agreement, not a comparison that sees nothing
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ix_customers_name")
    with engine.connect() as conn:
        differences = model_differences(conn)
    assert [d[0] for d in differences] == ["add_index"]  # type: ignore[index]


def test_upgrade_again_changes_nothing_and_keeps_data(
    engine: Engine, add_customer: AddCustomer
) -> None:
    customer_id = add_customer("张伟")
    with engine.connect() as conn:
        before = sqlite_objects(conn, "table") | sqlite_objects(conn, "index")
    schema.upgrade(engine)
    schema.upgrade(engine)
    with engine.connect() as conn:
        after = sqlite_objects(conn, "table") | sqlite_objects(conn, "index")
        rows = conn.execute(text("SELECT count(*) FROM vault_meta")).scalar_one()
        found = search.search_customer_ids(
            conn, "张伟", limit=5, owner_ids=None, searchable_columns={"name"}
        )
    assert after == before
    assert rows == 3  # the schema revision, the access version, the report time zone
    assert found == [customer_id]


def test_upgrade_neither_prints_nor_reconfigures_logging(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = logging.getLogger()
    before = (root.level, list(root.handlers), logging.getLogger("alembic").level)
    engine = open_engine(tmp_path / "crm.db", SecretBytes(os.urandom(32)), create=True)
    try:
        schema.upgrade(engine)
        schema.upgrade(engine)
    finally:
        engine.dispose()
    assert (root.level, list(root.handlers), logging.getLogger("alembic").level) == before
    assert capsys.readouterr() == ("", "")


def test_the_search_triggers_in_code_are_the_ones_the_revision_created(engine: Engine) -> None:
    # search_index_suspended re-creates triggers from search.py; they must not drift
    def normalised(sql: str) -> str:
        return re.sub(r"\s+", " ", sql).strip()

    with engine.connect() as conn:
        created = sqlite_objects(conn, "trigger")
    for name, ddl in search.SEARCH_TRIGGERS.items():
        assert normalised(created[name]) == normalised(ddl)


def test_downgrade_to_base_and_upgrade_again(engine: Engine) -> None:
    with engine.begin() as conn:
        command.downgrade(schema.alembic_config(conn), "base")
    with engine.connect() as conn:
        assert set(sqlite_objects(conn, "table")) == {"alembic_version"}
    schema.upgrade(engine)
    with engine.connect() as conn:
        assert model_differences(conn) == []


def test_head_constant_matches_the_migrations_folder() -> None:
    assert schema.head_revision() == schema.HEAD


def test_opening_a_vault_migrates_an_older_schema(tmp_path: Path) -> None:
    from desktop_crm.services.session import sign_in
    from desktop_crm.services.setup import initialize_vault

    vault = tmp_path / "vault"
    initialize_vault(vault, admin_username="admin", admin_password="admin-password-1")
    session = sign_in(vault, "admin", "admin-password-1")
    engine = session._open().database.write_engine
    from alembic import command

    with engine.begin() as connection:
        command.downgrade(schema.alembic_config(connection), "0001_initial")
    assert schema.current_revision(engine) == "0001_initial"
    session.lock()
    reopened = sign_in(vault, "admin", "admin-password-1")
    try:
        assert schema.current_revision(reopened._open().database.write_engine) == schema.HEAD
    finally:
        reopened.lock()


def test_compact_storage_converts_a_vault_with_data_and_back(tmp_path: Path) -> None:
    from desktop_crm.services.session import sign_in
    from desktop_crm.services.setup import initialize_vault

    vault = tmp_path / "vault"
    initialize_vault(vault, admin_username="admin", admin_password="admin-password-1")
    session = sign_in(vault, "admin", "admin-password-1")
    made = session.customers.create(
        {"name": "张伟", "phones": ["+8613812345678"], "emails": ["zw@example.com"],
         "referred_by": "John Smith"})  # free text in an id column stays text both ways
    before = session.customers.get(made.id)
    engine = session._open().database.write_engine
    with engine.begin() as connection:
        command.downgrade(schema.alembic_config(connection), "0002_live_list_indexes")
    with engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT id, owner_id, updated_at, sort_key FROM customers").one()
    # the older form: UUID text, ISO text to the millisecond, the name appended to the key
    assert row[0] == made.id
    assert row[1] == before.owner_id
    assert row[2] == before.updated_at.replace(tzinfo=None).isoformat(timespec="microseconds")
    assert row[3] == "zhang wei\x1f张伟"
    session.lock()

    reopened = sign_in(vault, "admin", "admin-password-1")  # opening migrates it forward
    try:
        assert reopened.customers.get(made.id) == before
        assert [hit.id for hit in reopened.customers.search("138123")] == [made.id]
        assert [hit.id for hit in reopened.customers.search("张伟")] == [made.id]
        assert reopened.verify_audit().ok
    finally:
        reopened.lock()
