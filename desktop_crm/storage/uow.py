"""The unit of work: one transaction, rolled back unless committed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker


class Database:
    """The open vault database: a write lane and a read lane over the same file."""

    def __init__(self, write_engine: Engine, read_engine: Engine) -> None:
        self.write_engine = write_engine
        self.read_engine = read_engine
        self._write_sessions = sessionmaker(write_engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(read_engine, expire_on_commit=False)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A write transaction (BEGIN IMMEDIATE); commits only if the block ends normally."""
        with self._write_sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only snapshot on the read lane; never waits for the writer."""
        with self._read_sessions() as session, session.begin():
            yield session
            session.rollback()

    def dispose(self) -> None:
        self.write_engine.dispose()
        self.read_engine.dispose()
