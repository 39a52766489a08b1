"""Copying the write-ahead log into the database file in the background.

In WAL mode SQLite copies the log into the file (a checkpoint, with a sync of the file)
inside whichever commit pushes the log past its threshold: that one save waits 50-100 ms
for the disk, and the slowest saves are all checkpoints. The write lane therefore
checkpoints only as a backstop (WRITE_LANE_AUTOCHECKPOINT_PAGES), and a thread does the
usual work with a PASSIVE checkpoint, which never blocks a writer, once the file has seen
no commit for a second, from this process or any other (PRAGMA data_version tells): the
file's sync then never queues beside a save's own sync of the log. Closing the last
connection checkpoints too, so a short-lived process (the CLI) leaves no large log.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from sqlalchemy import Engine

# The write lane's own threshold: far above what a second of editing writes, so only a
# burst that outruns the thread (a bulk import) makes a commit checkpoint itself.
WRITE_LANE_AUTOCHECKPOINT_PAGES = 16_384
INTERVAL_SECONDS = 1.0

_log = logging.getLogger(__name__)


class WalCheckpointer:
    """A daemon thread checkpointing one database file after each pause in writing.

    It keeps one connection of `engine` for itself: data_version is only meaningful on the
    same connection, and it moves whenever another connection commits.
    """

    def __init__(self, engine: Engine, interval: float = INTERVAL_SECONDS) -> None:
        self._engine = engine
        self._interval = interval
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the thread and wait for it (before the engine is disposed)."""
        self._stopping.set()
        self._thread.join()

    def _run(self) -> None:
        try:
            connection = self._engine.raw_connection()
        except Exception as error:  # the engine is closing already
            _log.debug("no background checkpoints: %s", type(error).__name__)
            return
        try:
            self._watch(connection.driver_connection)
        finally:
            connection.close()

    def _watch(self, db: Any) -> None:
        seen, changed_at, pending = None, time.monotonic(), True
        while not self._stopping.wait(self._interval / 4):
            try:
                version = db.execute("PRAGMA data_version").fetchone()[0]
                if version != seen:  # someone committed since the last look
                    seen, changed_at, pending = version, time.monotonic(), True
                elif pending and time.monotonic() - changed_at >= self._interval:
                    db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                    pending = False
            except Exception as error:  # a locked or closing database: try again later
                _log.debug("background checkpoint skipped: %s", type(error).__name__)
