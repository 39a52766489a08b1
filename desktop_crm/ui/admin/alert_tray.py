"""Watching for new alerts: a badge count and a tray message for the admins.

`AlertWatcher` asks `session.alerts.unacknowledged_count()` off the GUI thread every few
seconds and after every operation that changed data (one question at a time; a request while
one is out asks once more when it returns). It emits `count_changed` when the number moves
and `new_alerts` with how many arrived since the last look, and hands those to a
`TrayNotifier` (ui/tray.py) — a seam, because an offscreen Qt has no tray. The main window
wires it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_crm.domain.errors import PermissionDenied, VaultLocked
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.tray import TrayNotifier

log = logging.getLogger(__name__)
POLL_SECONDS = 60


class AlertWatcher(QObject):
    count_changed = Signal(int)
    new_alerts = Signal(int)

    def __init__(self, session: CrmSession, ops: Operations, *,
                 notifier: TrayNotifier | None = None, poll_seconds: float = POLL_SECONDS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._ops = ops
        self._notifier = notifier
        self._count: int | None = None  # None until the first answer
        self._asking = False
        self._ask_again = False
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, round(poll_seconds * 1000)))
        self._timer.timeout.connect(self.poll)
        ops.changes_did_happen.connect(self._on_changes)

    @property
    def count(self) -> int | None:
        return self._count

    def start(self) -> None:
        self._timer.start()
        self.poll()

    def stop(self) -> None:
        """Stop asking (the session locks, or the user may not read alerts)."""
        self._timer.stop()
        self._ask_again = False

    def poll(self) -> None:
        if self._asking:
            self._ask_again = True
            return
        self._asking = True
        alerts = self._session.alerts
        self._ops.run(alerts.unacknowledged_count, lane=Lane.READ, context=self,
                      on_success=self._answered, on_failure=self._failed)

    def _on_changes(self, changes: OpChanges) -> None:
        if self._timer.isActive():
            self.poll()

    def _answered(self, count: int) -> None:
        self._asking = False
        previous, self._count = self._count, count
        if count != previous:
            self.count_changed.emit(count)
        if previous is not None and count > previous:
            arrived = count - previous
            self.new_alerts.emit(arrived)
            if self._notifier is not None:
                self._notifier.notify(
                    self.tr("New alerts"),
                    self.tr("%n new alert(s) for an administrator to look at.", "", arrived))
        self._again()

    def _failed(self, error: Exception) -> None:
        self._asking = False
        if isinstance(error, PermissionDenied | VaultLocked):
            self.stop()  # nothing to watch for this user, or any more
            return
        log.warning("could not count the open alerts: %s", error)
        self._again()

    def _again(self) -> None:
        if self._ask_again and self._timer.isActive():
            self._ask_again = False
            self.poll()
