"""Idle auto-lock: no keyboard or mouse input for the policy's interval locks the vault."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
})


class IdleWatcher(QObject):
    """Watches every input event of the application; emits `idle_did_expire` once per silence."""

    idle_did_expire = Signal()

    def __init__(self, interval: timedelta, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, int(interval.total_seconds() * 1000)))
        self._timer.timeout.connect(self.idle_did_expire)
        self._app: QCoreApplication | None = None

    @property
    def interval(self) -> timedelta:
        return timedelta(milliseconds=self._timer.interval())

    def start(self) -> None:
        self._app = QCoreApplication.instance()
        if self._app is not None:
            self._app.installEventFilter(self)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._timer.start()  # restart the countdown
        return False
