"""Work deferred from saves to the pauses between them.

Two jobs would otherwise land inside whichever save happens to set them off, and cost that
save 40-100 ms:
- copying the write-ahead log into the database file (a checkpoint, with a sync of the
  file), which SQLite does inside the commit that pushes the log past its threshold;
- merging the search index's segments, which FTS5 does inside every 64th commit unless
  told not to (storage/search.py tells it; `merge_search_segments` is the idle step).

The write lane therefore checkpoints only as a backstop (WRITE_LANE_AUTOCHECKPOINT_PAGES),
and a thread does both once the file has seen no commit for a second, from this process or
any other (PRAGMA data_version tells): first the idle tasks, in short steps that stop as
soon as someone else commits, then a PASSIVE checkpoint, which never blocks a writer. The
file's sync then never queues beside a save's own sync of the log. Closing the last
connection checkpoints too, so a short-lived process (the CLI) leaves no large log.

A log file keeps the size of its busiest moment (up to 64 MiB after a bulk import) until
the vault closes. When a pause's checkpoint has copied all of it and it is larger than
WAL_KEEP_BYTES, the thread empties it (a TRUNCATE checkpoint) if that needs no waiting:
no reader may still use the log, and a save arriving meanwhile waits only for the truncate.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

# The write lane's own threshold: far above what a second of editing writes, so only a
# burst that outruns the thread (a bulk import) makes a commit checkpoint itself.
WRITE_LANE_AUTOCHECKPOINT_PAGES = 16_384
INTERVAL_SECONDS = 1.0
# A log up to this size stays for the next saves to reuse; a larger one is emptied.
WAL_KEEP_BYTES = 4 * 2**20

# One short step of deferred work on the thread's raw connection, in its own transaction;
# True when it did some, so that another step may follow.
IdleTask = Callable[[Any], bool]

_log = logging.getLogger(__name__)


class IdleUpkeep:
    """A daemon thread doing deferred work on one database file after each pause in writing.

    It keeps one connection of `engine` for itself: data_version is only meaningful on the
    same connection, and it moves whenever another connection commits (never for the
    thread's own commits).
    """

    def __init__(self, engine: Engine, tasks: Sequence[IdleTask] = (),
                 interval: float = INTERVAL_SECONDS) -> None:
        self._engine = engine
        self._tasks = tuple(tasks)
        self._interval = interval
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="idle-upkeep", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the thread and wait for it (before the engine is disposed)."""
        self._stopping.set()
        self._thread.join()

    def _run(self) -> None:
        try:
            connection = self._engine.raw_connection()
        except Exception as error:  # the engine is closing already
            _log.debug("no idle upkeep: %s", type(error).__name__)
            return
        try:
            self._watch(connection.driver_connection)
        finally:
            connection.close()

    def _watch(self, db: Any) -> None:
        seen, changed_at, pending = None, time.monotonic(), True
        while not self._stopping.wait(self._interval / 4):
            try:
                version = _data_version(db)
                if version != seen:  # someone committed since the last look
                    seen, changed_at, pending = version, time.monotonic(), True
                elif pending and time.monotonic() - changed_at >= self._interval:
                    self._run_tasks(db, seen)
                    busy, logged, copied = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                    if not busy and logged == copied:
                        _trim_log(db)
                    pending = False
            except Exception as error:  # a locked or closing database: try again later
                _log.debug("idle checkpoint skipped: %s", type(error).__name__)

    def _run_tasks(self, db: Any, version: int) -> None:
        for task in self._tasks:
            try:
                while not self._stopping.is_set() and task(db):
                    if _data_version(db) != version:
                        return  # writing resumed: the rest waits for the next pause
            except Exception as error:  # one task failing leaves the others and the checkpoint
                _log.debug("idle task %s failed: %s", task.__name__, type(error).__name__)


def _trim_log(db: Any) -> None:
    """Empty a large, wholly copied log unless a reader or a writer is using it (no wait)."""
    path = Path(db.execute("PRAGMA database_list").fetchone()[2] + "-wal")
    if not path.exists() or path.stat().st_size <= WAL_KEEP_BYTES:
        return
    timeout = db.execute("PRAGMA busy_timeout").fetchone()[0]
    db.execute("PRAGMA busy_timeout = 0").fetchall()
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(timeout)}").fetchall()


def _data_version(db: Any) -> int:
    return int(db.execute("PRAGMA data_version").fetchone()[0])
