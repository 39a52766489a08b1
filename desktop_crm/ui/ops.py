"""The one way the GUI calls services: an operation on a worker thread (Anki style).

`Operations.run(work, ...)` runs `work()` off the GUI thread, then calls `on_success(result)`
or `on_failure(error)` back on the GUI thread. After an operation that changed data succeeds,
`changes_did_happen` tells every open view what changed, so each refreshes itself (and skips
changes it made, by comparing `origin`). An answer for a `context` widget that has been
deleted meanwhile (its window closed on lock) is dropped instead of touching it.

Two lanes, as DESIGN.md asks: interactive reads run beside long writes instead of queueing
behind them. The write lane has one thread so writes keep their order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from desktop_crm.domain.errors import AccountRevoked, AccountSuspended, CrmError, VaultLocked

T = TypeVar("T")
# Errors that end the session whichever view met them: another sign-in rotated the key
# (a departure), or an administrator revoked or suspended this account.
ACCESS_ENDED = (VaultLocked, AccountRevoked, AccountSuspended)
log = logging.getLogger(__name__)


class Lane(Enum):
    READ = "read"
    WRITE = "write"


@dataclass(frozen=True)
class OpChanges:
    """What an operation changed, for the views that show it."""

    entities: frozenset[str]
    origin: object | None = None  # the view that made the change (it need not refresh)

    def touches(self, entity: str) -> bool:
        return entity in self.entities


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call back to this thread."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        owner: Operations,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[Exception], None] | None,
        changes: OpChanges | None,
        context: QObject | None,
    ) -> None:
        super().__init__()
        self._owner = owner
        self._session_number = owner.session_number  # which sign-in asked
        self._context = context
        self._on_success = on_success
        self._on_failure = on_failure
        self._changes = changes
        self.succeeded.connect(self._deliver_success, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._deliver_failure, Qt.ConnectionType.QueuedConnection)

    def _context_gone(self) -> bool:
        return self._context is not None and not shiboken6.isValid(self._context)

    @Slot(object)
    def _deliver_success(self, result: Any) -> None:
        try:
            if self._on_success is not None and not self._context_gone():
                self._on_success(result)
        finally:
            self._owner._finished(self)
        if self._changes is not None:
            self._owner.changes_did_happen.emit(self._changes)

    @Slot(object)
    def _deliver_failure(self, error: Exception) -> None:
        # Only the session that asked may end: an answer arriving after a lock and a new
        # sign-in must not lock the new session.
        if isinstance(error, ACCESS_ENDED) and not self._context_gone() \
                and self._session_number == self._owner.session_number:
            self._owner.access_did_end.emit(error)
        try:
            if self._context_gone():
                pass  # nobody left to tell: the window closed
            elif self._on_failure is not None:
                self._on_failure(error)
            else:
                log.error("operation failed with nobody to tell", exc_info=error)
        finally:
            self._owner._finished(self)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # every error goes back to the GUI thread, never lost
            if not _is_expected(exc):
                log.error("operation raised an unexpected error", exc_info=exc)
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class Operations(QObject):
    """Runs service calls off the GUI thread and broadcasts what changed."""

    changes_did_happen = Signal(object)  # OpChanges
    busy_did_change = Signal(bool)
    access_did_end = Signal(object)  # the error (one of ACCESS_ENDED) that ended the session

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools = {Lane.READ: QThreadPool(self), Lane.WRITE: QThreadPool(self)}
        self._pools[Lane.READ].setMaxThreadCount(2)
        self._pools[Lane.WRITE].setMaxThreadCount(1)
        self._running: set[_Relay] = set()
        self.session_number = 0  # moves on every lock (see `session_ended`)

    def run(
        self,
        work: Callable[[], T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
        changes: OpChanges | None = None,
        lane: Lane = Lane.WRITE,
        context: QObject | None = None,
    ) -> None:
        relay = _Relay(self, on_success, on_failure, changes, context)
        self._running.add(relay)  # keeps the relay alive until its answer is delivered
        if len(self._running) == 1:
            self.busy_did_change.emit(True)
        self._pools[lane].start(_Job(work, relay))

    def session_ended(self) -> None:
        """The signed-in session was locked: answers for it can no longer end a later one."""
        self.session_number += 1

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait_for_workers(self, msecs: int = 30_000) -> bool:
        """Block until the worker threads are idle (shutdown; answers are still queued)."""
        return all(pool.waitForDone(msecs) for pool in self._pools.values())

    def _finished(self, relay: _Relay) -> None:
        self._running.discard(relay)
        relay.deleteLater()
        if not self._running:
            self.busy_did_change.emit(False)


def _is_expected(exc: Exception) -> bool:
    return isinstance(exc, CrmError)
