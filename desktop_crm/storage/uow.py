"""The unit of work: one transaction, rolled back unless committed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from desktop_crm.domain.errors import VaultKeyChanged
from desktop_crm.storage.idle_upkeep import IdleUpkeep
from desktop_crm.storage.search import merge_search_segments

KEY_CHANGED = "the vault's key was changed by another sign-in (a departure, for one): sign in again"


@contextmanager
def _key_changes_lock() -> Iterator[None]:
    """A connection opened before another process rotated the data key reads pages it can no
    longer decrypt: SQLCipher says "file is not a database". For this session that means
    the vault is locked, and the user signs in again with their unchanged password."""
    try:
        yield
    except DatabaseError as error:
        if "file is not a database" in str(error.orig):
            raise VaultKeyChanged(KEY_CHANGED) from None
        raise


class Database:
    """The open vault database: a write lane and a read lane over the same file."""

    def __init__(self, write_engine: Engine, read_engine: Engine) -> None:
        self.write_engine = write_engine
        self.read_engine = read_engine
        self._write_sessions = sessionmaker(write_engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(read_engine, expire_on_commit=False)
        self._upkeep = IdleUpkeep(write_engine, tasks=(merge_search_segments,))

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A write transaction (BEGIN IMMEDIATE); commits only if the block ends normally."""
        with _key_changes_lock(), self._write_sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only snapshot on the read lane; never waits for the writer."""
        with _key_changes_lock(), self._read_sessions() as session, session.begin():
            yield session
            session.rollback()

    def compact(self) -> None:
        """VACUUM (a bulk load leaves pages part-filled) and fold the WAL into the file.

        Both must run outside a transaction, so on the driver's own autocommit connection
        rather than through the engine, which opens a transaction first.
        """
        with self.write_engine.connect() as connection:
            raw = connection.connection.driver_connection
            raw.execute("VACUUM")
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    @contextmanager
    def search_index_deferred(self) -> Iterator[None]:
        """Load customers and their activity over many transactions without per-row upkeep
        of the search index and the report summary; both are rebuilt once at the end, also
        when the load fails (at a million customers the summary's rebuild takes about half
        the time its triggers would).

        Only for a vault nobody else uses yet (a new demo or import target): in between,
        searches miss the rows loaded so far and reports are stale. The triggers are dropped
        in a committed transaction and restored, with the rebuilds, in another.
        """
        from desktop_crm.storage import report_summary
        from desktop_crm.storage.search import drop_search_triggers, restore_search_index

        with self.write_engine.connect() as connection:
            drop_search_triggers(connection)
            report_summary.drop_triggers(connection)
            connection.commit()
            try:
                yield
            finally:
                restore_search_index(connection)
                report_summary.restore_summary(connection)
                connection.commit()

    def dispose(self) -> None:
        self._upkeep.stop()
        self.write_engine.dispose()
        self.read_engine.dispose()
