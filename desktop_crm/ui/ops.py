"""The one way the GUI calls services: an operation on a worker thread (Anki style).

`Operations.run(work, ...)` runs `work()` off the GUI thread, then calls `on_success(result)`
or `on_failure(error)` back on the GUI thread. After an operation that changed data succeeds,
`changes_did_happen` tells every open view what changed, so each refreshes itself (and skips
changes it made, by comparing `origin`). An answer for a `context` widget that has been
deleted meanwhile (its window closed on lock) is dropped instead of touching it.

Two lanes, as DESIGN.md asks: interactive reads run beside long writes instead of queueing
behind them. The write lane has one thread so writes keep their order.

A worker holds nothing of the GUI once its work is done: the callbacks, the work (a closure
that may name a widget) and the answer are held by the GUI thread, which drops them last.
Were a worker to drop the last reference to a widget, the widget would be deleted on the
worker's thread, which crashes Qt.
"""

from __future__ import annotations

import itertools
import logging
import threading
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


@dataclass
class _Pending:
    """One operation, as the GUI thread keeps it until its answer is delivered."""

    work: Callable[[], Any] | None
    on_success: Callable[[Any], None] | None
    on_failure: Callable[[Exception], None] | None
    changes: OpChanges | None
    context: QObject | None
    session_number: int  # which sign-in asked
    succeeded: bool = False
    answer: Any = None

    def context_gone(self) -> bool:
        return self.context is not None and not shiboken6.isValid(self.context)


class _Job(QRunnable):
    """Runs one operation's work; knows it only by ticket once the work has run."""

    def __init__(self, owner: Operations, ticket: int, work: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._owner = owner
        self._ticket = ticket
        self._work: Callable[[], Any] | None = work

    def run(self) -> None:
        work, self._work = self._work, None
        assert work is not None
        try:
            self._owner._record(self._ticket, True, work())
        except Exception as exc:  # every error goes back to the GUI thread, never lost
            if not _is_expected(exc):
                log.error("operation raised an unexpected error", exc_info=exc)
            self._owner._record(self._ticket, False, exc)
        del work
        self._owner._answered.emit(self._ticket)


class Operations(QObject):
    """Runs service calls off the GUI thread and broadcasts what changed."""

    changes_did_happen = Signal(object)  # OpChanges
    busy_did_change = Signal(bool)
    access_did_end = Signal(object)  # the error (one of ACCESS_ENDED) that ended the session
    _answered = Signal(int)  # a ticket whose answer is recorded (emitted by a worker)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools = {Lane.READ: QThreadPool(self), Lane.WRITE: QThreadPool(self)}
        self._pools[Lane.READ].setMaxThreadCount(2)
        self._pools[Lane.WRITE].setMaxThreadCount(1)
        self._pending: dict[int, _Pending] = {}
        self._tickets = itertools.count(1)
        self._answers_lock = threading.Lock()
        self.session_number = 0  # moves on every lock (see `session_ended`)
        self._answered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

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
        ticket = next(self._tickets)
        self._pending[ticket] = _Pending(work, on_success, on_failure, changes, context,
                                         self.session_number)
        if len(self._pending) == 1:
            self.busy_did_change.emit(True)
        self._pools[lane].start(_Job(self, ticket, work))

    def session_ended(self) -> None:
        """The signed-in session was locked: answers for it can no longer end a later one."""
        self.session_number += 1

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait_for_workers(self, msecs: int = 30_000) -> bool:
        """Block until the worker threads are idle (shutdown; answers are still queued)."""
        return all(pool.waitForDone(msecs) for pool in self._pools.values())

    def _record(self, ticket: int, succeeded: bool, answer: Any) -> None:
        """On the worker: hand the answer to the GUI thread's record of the operation."""
        with self._answers_lock:
            pending = self._pending[ticket]
            pending.succeeded, pending.answer = succeeded, answer

    @Slot(int)
    def _deliver(self, ticket: int) -> None:
        with self._answers_lock:
            pending = self._pending.pop(ticket)
        pending.work = None
        try:
            if pending.succeeded:
                self._deliver_success(pending)
            else:
                self._deliver_failure(pending)
        finally:
            if not self._pending:
                self.busy_did_change.emit(False)

    def _deliver_success(self, pending: _Pending) -> None:
        if pending.on_success is not None and not pending.context_gone():
            pending.on_success(pending.answer)
        if pending.changes is not None:
            self.changes_did_happen.emit(pending.changes)

    def _deliver_failure(self, pending: _Pending) -> None:
        error = pending.answer
        # Only the session that asked may end: an answer arriving after a lock and a new
        # sign-in must not lock the new session.
        if isinstance(error, ACCESS_ENDED) and not pending.context_gone() \
                and pending.session_number == self.session_number:
            self.access_did_end.emit(error)
        if pending.context_gone():
            return  # nobody left to tell: the window closed
        if pending.on_failure is not None:
            pending.on_failure(error)
        else:
            log.error("operation failed with nobody to tell", exc_info=error)


def _is_expected(exc: Exception) -> bool:
    return isinstance(exc, CrmError)
