"""The write-ahead log reaches the database file in the background, not inside a save."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from desktop_crm.security.secret import SecretBytes
from desktop_crm.storage.checkpoints import WRITE_LANE_AUTOCHECKPOINT_PAGES, WalCheckpointer
from desktop_crm.storage.engine import Lane, open_engine
from desktop_crm.storage.uow import Database

ROWS = [{"x": "y" * 500}] * 20


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[Engine]:
    """A write lane over a new file with one table."""
    engine = open_engine(tmp_path / "crm.db", SecretBytes(os.urandom(32)), lane=Lane.WRITE,
                         create=True)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x TEXT)"))
    yield engine
    engine.dispose()


def save(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO t VALUES (:x)"), ROWS)


def wait_for_growth(db: Path, size: int, seconds: float = 10) -> int:
    deadline = time.monotonic() + seconds
    while db.stat().st_size == size and time.monotonic() < deadline:
        time.sleep(0.05)
    return db.stat().st_size


def test_the_write_lane_leaves_checkpoints_to_the_thread(tmp_path: Path) -> None:
    key = SecretBytes(os.urandom(32))
    write = open_engine(tmp_path / "crm.db", key, lane=Lane.WRITE, create=True)
    read = open_engine(tmp_path / "crm.db", key, lane=Lane.READ)
    try:
        with write.connect() as conn:
            threshold = conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar_one()
        with read.connect() as conn:
            default = conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar_one()
        assert threshold == WRITE_LANE_AUTOCHECKPOINT_PAGES
        assert default == 1000  # SQLite's own, on connections that never write
    finally:
        write.dispose()
        read.dispose()


def test_written_pages_reach_the_file_without_a_commit_checkpointing(
    tmp_path: Path, writer: Engine
) -> None:
    db = tmp_path / "crm.db"
    for _ in range(50):
        save(writer)
    before = db.stat().st_size  # the rows are only in the log so far
    checkpointer = WalCheckpointer(writer, interval=0.05)
    try:
        after = wait_for_growth(db, before)
    finally:
        checkpointer.stop()
    assert after > before + 400_000


def test_the_thread_waits_for_a_pause_in_writing(tmp_path: Path, writer: Engine) -> None:
    db = tmp_path / "crm.db"
    before = db.stat().st_size
    checkpointer = WalCheckpointer(writer, interval=2.0)
    try:
        busy_until = time.monotonic() + 1.0
        while time.monotonic() < busy_until:  # a burst of saves
            save(writer)
        assert db.stat().st_size == before  # nothing copied while saves kept coming
        after = wait_for_growth(db, before)
    finally:
        checkpointer.stop()
    assert after > before


def test_disposing_the_database_stops_its_thread(tmp_path: Path) -> None:
    key = SecretBytes(os.urandom(32))
    write = open_engine(tmp_path / "crm.db", key, lane=Lane.WRITE, create=True)
    read = open_engine(tmp_path / "crm.db", key, lane=Lane.READ)
    database = Database(write, read)
    thread = database._checkpointer._thread
    assert thread.is_alive()
    database.dispose()
    assert not thread.is_alive()
