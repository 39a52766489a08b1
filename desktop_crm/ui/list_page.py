"""A page over one list that reads only when someone looks: the first time it is shown, and
again when an operation changed what it lists (at once while it is visible, otherwise on its
next showing), so hidden tabs cost nothing."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class ListPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._started = False
        self._stale = False

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
