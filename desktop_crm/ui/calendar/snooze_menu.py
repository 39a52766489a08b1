"""The Snooze menu: 15 minutes, 1 hour, tomorrow morning, or a moment the person picks.

The presets are the domain's (`snooze_until`), computed from the session's clock when chosen,
so "tomorrow" is 09:00 on tomorrow's wall clock here, across a DST change too. The chosen
moment (aware UTC) comes out of `until_chosen`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QLabel, QMenu, QVBoxLayout, QWidget
from shiboken6 import isValid

from desktop_crm.domain.clock import Clock
from desktop_crm.domain.local_zone import local_zone
from desktop_crm.domain.reminder_times import snooze_until
from desktop_crm.ui.moments import DATE_TIME_FORMAT, from_qdatetime, to_qdatetime
from desktop_crm.ui.widgets import dialog_buttons

CUSTOM_AHEAD = timedelta(hours=2)  # the custom picker starts a little ahead of now


class SnoozeMenu(QMenu):
    until_chosen = Signal(object)  # aware datetime

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snoozeMenu")
        self.setTitle(self.tr("Snooze"))
        self._clock = clock
        self.custom_dialog: CustomSnoozeDialog | None = None
        for text, preset, name in ((self.tr("15 minutes"), "15m", "snooze15m"),
                                   (self.tr("1 hour"), "1h", "snooze1h"),
                                   (self.tr("Tomorrow 09:00"), "tomorrow", "snoozeTomorrow")):
            action = self.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(lambda _=False, p=preset: self.choose_preset(p))
        self.addSeparator()
        custom = self.addAction(self.tr("Custom…"))
        custom.setObjectName("snoozeCustom")
        custom.triggered.connect(self.choose_custom)

    def choose_preset(self, preset: str) -> None:
        self.until_chosen.emit(snooze_until(preset, self._clock.now(), local_zone()))

    def choose_custom(self) -> None:
        """A small dialog for the day and time; the menu emits once it is accepted.

        The dialog belongs to the window: a list that reloads meanwhile may delete the row
        this menu hangs on, and then the choice has nobody left to tell."""
        owner = self.parentWidget()
        while isinstance(owner, QMenu):  # a submenu: its menu closes once chosen
            owner = owner.parentWidget()
        dialog = CustomSnoozeDialog(self._clock.now(), owner.window() if owner else None)
        dialog.accepted.connect(lambda: isValid(self) and self.until_chosen.emit(dialog.until()))
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.custom_dialog = dialog
        dialog.open()

    def _forget(self, dialog: CustomSnoozeDialog) -> None:
        if self.custom_dialog is dialog:
            self.custom_dialog = None
        dialog.deleteLater()


class CustomSnoozeDialog(QDialog):
    """Pick when the reminder comes back; never earlier than now."""

    def __init__(self, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customSnoozeDialog")
        self.setWindowTitle(self.tr("Snooze until"))
        start = (now + CUSTOM_AHEAD).replace(minute=0, second=0, microsecond=0)
        self.edit = QDateTimeEdit(to_qdatetime(start), self)
        self.edit.setObjectName("snoozeUntilEdit")
        self.edit.setDisplayFormat(DATE_TIME_FORMAT)
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumDateTime(to_qdatetime(now))
        label = QLabel(self.tr("Remind me again at:"), self)
        label.setBuddy(self.edit)
        buttons, self.ok_button, _cancel = dialog_buttons(
            self, accept_text=self.tr("Snooze"), accept_name="snoozeOkButton",
            reject_text=self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    def until(self) -> datetime:
        return from_qdatetime(self.edit.dateTime())
