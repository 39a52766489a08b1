"""A page over one list: filters and a count on top, the list below; it reads only when
someone looks (the first time it is shown, and again when an operation changed what it
lists: at once while it is visible, otherwise on its next showing), so hidden tabs cost
nothing."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget


class ListPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._started = False
        self._stale = False

    def lay_out(self, filters: QWidget, count: QWidget, action: QWidget | None,
                message: QWidget, body: QWidget) -> None:
        """The filters, the count and the page's action (if any) on top, then its message
        line, then the list taking the room left."""
        top = QHBoxLayout()
        top.addWidget(filters, 1)
        top.addWidget(count)
        if action is not None:
            top.addWidget(action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addLayout(top)
        layout.addWidget(message)
        layout.addWidget(body, 1)

    def read_again(self) -> None:
        """Read what the page lists (its filters' choices too, where it has them)."""
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            self.start()
        elif self._stale:
            self.refresh()

    def start(self) -> None:
        """The page is shown for the first time."""
        self._started = True
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self.read_again()

    def refresh_if_changed(self, changed: bool) -> None:
        """An operation finished: read again if it `changed` what this page lists."""
        if not self._started or not changed:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True
