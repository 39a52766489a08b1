"""The write-ahead log reaches the database file in the background, not inside a save."""

from __future__ import annotations

import os
import time
from pathlib import Path

from sqlalchemy import text

from desktop_crm.security.secret import SecretBytes
from desktop_crm.storage.checkpoints import WRITE_LANE_AUTOCHECKPOINT_PAGES, WalCheckpointer
from desktop_crm.storage.engine import Lane, open_engine
from desktop_crm.storage.uow import Database


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


def test_written_pages_reach_the_file_without_a_commit_checkpointing(tmp_path: Path) -> None:
    db = tmp_path / "crm.db"
    engine = open_engine(db, SecretBytes(os.urandom(32)), lane=Lane.WRITE, create=True)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (x TEXT)"))
        for _ in range(20):
            with engine.begin() as conn:
                conn.execute(text("INSERT INTO t VALUES (:x)"), [{"x": "y" * 500}] * 50)
        before = db.stat().st_size  # the rows are only in the log so far
        checkpointer = WalCheckpointer(engine, interval=0.05)
        try:
            deadline = time.monotonic() + 10
            while db.stat().st_size == before and time.monotonic() < deadline:
                time.sleep(0.05)
        finally:
            checkpointer.stop()
        assert db.stat().st_size > before + 400_000
    finally:
        engine.dispose()


def test_disposing_the_database_stops_its_thread(tmp_path: Path) -> None:
    key = SecretBytes(os.urandom(32))
    write = open_engine(tmp_path / "crm.db", key, lane=Lane.WRITE, create=True)
    read = open_engine(tmp_path / "crm.db", key, lane=Lane.READ)
    database = Database(write, read)
    thread = database._checkpointer._thread
    assert thread.is_alive()
    database.dispose()
    assert not thread.is_alive()


def test_the_thread_waits_for_a_pause_in_writing(tmp_path: Path) -> None:
    db = tmp_path / "crm.db"
    engine = open_engine(db, SecretBytes(os.urandom(32)), lane=Lane.WRITE, create=True)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (x TEXT)"))
        before = db.stat().st_size
        checkpointer = WalCheckpointer(engine, interval=2.0)
        try:
            busy_until = time.monotonic() + 1.0
            while time.monotonic() < busy_until:  # a burst of saves
                with engine.begin() as conn:
                    conn.execute(text("INSERT INTO t VALUES (:x)"), [{"x": "y" * 500}] * 20)
                checkpointer.wrote()
            assert db.stat().st_size == before  # nothing copied while saves kept coming
            deadline = time.monotonic() + 10
            while db.stat().st_size == before and time.monotonic() < deadline:
                time.sleep(0.05)
        finally:
            checkpointer.stop()
        assert db.stat().st_size > before
    finally:
        engine.dispose()
