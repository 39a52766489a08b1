"""Deferred work (the log copied into the file, idle tasks) happens in pauses, not in saves."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from desktop_crm.security.secret import SecretBytes
from desktop_crm.storage import idle_upkeep
from desktop_crm.storage.engine import Lane, open_engine
from desktop_crm.storage.idle_upkeep import WRITE_LANE_AUTOCHECKPOINT_PAGES, IdleUpkeep
from desktop_crm.storage.uow import Database

ROWS = [{"x": "y" * 500}] * 20


@pytest.fixture
def key() -> bytes:
    return os.urandom(32)


@pytest.fixture
def writer(tmp_path: Path, key: bytes) -> Iterator[Engine]:
    """A write lane over a new file with one table."""
    engine = open_engine(tmp_path / "crm.db", SecretBytes(key), lane=Lane.WRITE, create=True)
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
    checkpointer = IdleUpkeep(writer, interval=0.05)
    try:
        after = wait_for_growth(db, before)
    finally:
        checkpointer.stop()
    assert after > before + 400_000


def test_the_thread_waits_for_a_pause_in_writing(tmp_path: Path, writer: Engine) -> None:
    db = tmp_path / "crm.db"
    before = db.stat().st_size
    checkpointer = IdleUpkeep(writer, interval=2.0)
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
    thread = database._upkeep._thread
    assert thread.is_alive()
    database.dispose()
    assert not thread.is_alive()


class Steps:
    """An idle task that does `work` steps, each a write on the thread's own connection."""

    def __init__(self, work: int, between: Callable[[], None] = lambda: None) -> None:
        self.left = work
        self.done = 0
        self.between = between

    def __call__(self, db: Any) -> bool:
        if not self.left:
            return False
        db.execute("INSERT INTO t VALUES ('upkeep')")
        self.left -= 1
        self.done += 1
        self.between()
        return True


def run_until(condition: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)


def test_idle_tasks_run_to_the_end_after_a_pause_and_not_during_saves(writer: Engine) -> None:
    task = Steps(work=5)
    upkeep = IdleUpkeep(writer, tasks=(task,), interval=0.5)
    try:
        busy_until = time.monotonic() + 0.8
        while time.monotonic() < busy_until:
            save(writer)
            assert task.done == 0
        run_until(lambda: task.left == 0)
    finally:
        upkeep.stop()
    assert task.done == 5  # its own writes do not count as someone writing again


def test_a_task_stops_between_steps_when_someone_else_commits(writer: Engine) -> None:
    task = Steps(work=50, between=lambda: save(writer))  # a save lands after each step
    upkeep = IdleUpkeep(writer, tasks=(task,), interval=0.05)
    try:
        run_until(lambda: task.done > 0)
        time.sleep(0.02)
        first_round = task.done
    finally:
        upkeep.stop()
    assert first_round == 1


def test_a_failing_task_leaves_the_checkpoint(tmp_path: Path, writer: Engine) -> None:
    def broken(db: Any) -> bool:
        raise RuntimeError("no such table")

    db = tmp_path / "crm.db"
    for _ in range(50):
        save(writer)
    before = db.stat().st_size
    upkeep = IdleUpkeep(writer, tasks=(broken,), interval=0.05)
    try:
        after = wait_for_growth(db, before)
    finally:
        upkeep.stop()
    assert after > before + 400_000


def test_a_pause_empties_a_large_log_once_every_reader_is_done(
    tmp_path: Path, key: bytes, writer: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(idle_upkeep, "WAL_KEEP_BYTES", 100_000)
    log = tmp_path / "crm.db-wal"
    reader = open_engine(tmp_path / "crm.db", SecretBytes(key), lane=Lane.READ)
    upkeep = IdleUpkeep(writer, interval=0.05)
    try:
        with reader.connect() as conn, conn.begin():  # a reader still on the log's snapshot
            conn.execute(text("SELECT count(*) FROM t")).scalar_one()
            for _ in range(50):
                save(writer)
            time.sleep(0.5)
            assert log.stat().st_size > 400_000  # the reader's snapshot holds the log
        deadline = time.monotonic() + 10
        while log.stat().st_size and time.monotonic() < deadline:
            save(writer)  # a pause after these finds no reader
            time.sleep(0.3)
        assert log.stat().st_size == 0
        save(writer)  # and the vault goes on
        with reader.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM t")).scalar_one() > 50 * len(ROWS)
    finally:
        upkeep.stop()
        reader.dispose()


def test_a_small_log_stays_for_the_next_saves(tmp_path: Path, writer: Engine) -> None:
    save(writer)
    upkeep = IdleUpkeep(writer, interval=0.05)
    try:
        time.sleep(0.5)
    finally:
        upkeep.stop()
    assert 0 < (tmp_path / "crm.db-wal").stat().st_size <= idle_upkeep.WAL_KEEP_BYTES
