"""Bring a vault's database schema up to date with Alembic, on the vault's own engine."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

if TYPE_CHECKING:  # Alembic is loaded only when a database needs migrating
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# The newest revision; a test keeps it equal to the migrations folder's head, so opening an
# up-to-date vault costs one query instead of loading Alembic.
HEAD = "0013_compact_indexes"


def upgrade_if_needed(engine: Engine) -> None:
    """Migrate an existing vault opened by a newer build; a current one costs one query."""
    with engine.connect() as connection:
        stored = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    if stored != HEAD:
        upgrade(engine)


def upgrade(engine: Engine) -> None:
    """Migrate this database to the newest revision; a database already there is untouched.

    One transaction (the write lane's BEGIN IMMEDIATE): an interrupted upgrade leaves the
    previous schema, and two processes upgrading at once take turns.
    """
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")


def current_revision(engine: Engine) -> str | None:
    """The revision this database is at (None for a database never migrated)."""
    from alembic.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    """The newest revision this build of the application knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("the migrations folder holds no revision")
    return head


def alembic_config(connection: Connection | None = None) -> Config:
    """A programmatic Alembic configuration (no ini file); env.py migrates `connection`."""
    from alembic.config import Config

    config = Config()
    # Config interpolates %-signs in option values; a folder name may contain one.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.attributes["connection"] = connection
    return config
