"""Copying the write-ahead log into the database file in the background.

In WAL mode SQLite copies the log into the file (a checkpoint, with a sync of the file)
inside whichever commit pushes the log past its threshold: that one save waits 50-80 ms
for the disk, and the slowest saves are all checkpoints. The write lane therefore
checkpoints only as a backstop (WRITE_LANE_AUTOCHECKPOINT_PAGES), and a thread does the
usual work with a PASSIVE checkpoint, which never blocks a writer, once writing has paused
for a second: the file's sync then never queues behind, or in front of, a save's own sync
of the log. Closing the last connection checkpoints too, so a short-lived process (the CLI)
leaves no large log.
"""

from __future__ import annotations

import logging
import threading
import time

from sqlalchemy import Engine

# The write lane's own threshold: far above what a second of editing writes, so only a
# burst that outruns the thread (a bulk import) makes a commit checkpoint itself.
WRITE_LANE_AUTOCHECKPOINT_PAGES = 16_384
INTERVAL_SECONDS = 1.0

_log = logging.getLogger(__name__)


class WalCheckpointer:
    """A daemon thread checkpointing one database through its write engine's pool."""

    def __init__(self, engine: Engine, interval: float = INTERVAL_SECONDS) -> None:
        self._engine = engine
        self._interval = interval
        self._last_write = time.monotonic()
        self._pending = True  # written to since the last checkpoint (as far as we know)
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
        self._thread.start()

    def checkpoint(self) -> None:
        """One PASSIVE checkpoint: copies what no reader still needs; never waits."""
        connection = self._engine.raw_connection()
        try:
            connection.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            connection.close()

    def wrote(self) -> None:
        """Note a commit: the next checkpoint waits for a pause in writing."""
        self._last_write = time.monotonic()
        self._pending = True

    def stop(self) -> None:
        """Stop the thread and wait for it (before the engine is disposed)."""
        self._stopping.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stopping.wait(self._interval / 4):
            if not self._pending or time.monotonic() - self._last_write < self._interval:
                continue  # nothing new, or still writing: keep the disk for the writer
            seen = self._last_write
            try:
                self.checkpoint()
                # a commit during the checkpoint keeps its frames pending
                self._pending = self._last_write != seen
            except Exception as error:  # a locked or closing database: try again later
                _log.debug("background checkpoint skipped: %s", type(error).__name__)
