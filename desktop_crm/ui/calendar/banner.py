"""The bar under the toolbar that says a reminder is due, with what can be done about it.

One entry: "Due: <title> — <customer>" with Done, Snooze, Open and Dismiss. Several:
"3 reminders due" with Show (the to-do hub lists them) and Dismiss. The banner shows what the
`DueWatcher` says is due (`show_entries`, wired to `due_did_change`); Done and Snooze run
through ReminderActions, after which the watcher's next look takes the entry away. Open goes
to the customer when one is linked, else to the reminder itself.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from desktop_crm.domain.local_zone import local_zone
from desktop_crm.services.reminder_views import Entry
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.calendar.kind_style import kind_icon, kind_label
from desktop_crm.ui.calendar.reminder_actions import ReminderActions
from desktop_crm.ui.calendar.reminder_dialog import ReminderDialog
from desktop_crm.ui.calendar.reminder_text import due_line, when_text
from desktop_crm.ui.calendar.snooze_menu import SnoozeMenu
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.ops import Operations
from desktop_crm.ui.widgets import ERROR_COLOUR

# Dark text on a pale amber reads on light and dark themes alike (the bar sets both colours).
_STYLE = (
    "QFrame#dueBanner { background: #fff3cd; border: 1px solid #e0b84c; border-radius: 4px; }"
    "QFrame#dueBanner QLabel { color: #3d3000; }"
    "QFrame#dueBanner QLabel#dueBannerProblem { color: " + ERROR_COLOUR + "; }"
)
ICON_SIZE = QSize(18, 18)


class DueBanner(QFrame):
    dismiss_requested = Signal(object)  # list[Entry] (the watcher forgets them)
    customer_requested = Signal(str)  # customer id
    show_all_requested = Signal()  # several are due: show them (the to-do hub)

    def __init__(self, session: CrmSession, ops: Operations, *, zone: tzinfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueBanner")
        self.setStyleSheet(_STYLE)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._session = session
        self._ops = ops
        self._zone = zone or local_zone()
        self._entries: list[Entry] = []
        self.reminder_dialog: ReminderDialog | None = None
        self._actions = ReminderActions(session, ops, origin=self, parent=self)
        self._actions.action_did_fail.connect(self._show_problem)

        self.icon_label = QLabel(self)
        self.icon_label.setObjectName("dueBannerIcon")
        self.text_label = QLabel(self)
        self.text_label.setObjectName("dueBannerText")
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        font = self.text_label.font()
        font.setBold(True)
        self.text_label.setFont(font)
        self.when_label = QLabel(self)
        self.when_label.setObjectName("dueBannerWhen")
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("dueBannerProblem")
        self.problem_label.hide()

        self.done_button = self._button("dueDoneButton", self.tr("Done"),
                                        self.tr("Mark this reminder done"))
        self.snooze_button = self._button("dueSnoozeButton", self.tr("Snooze"),
                                          self.tr("Remind me again later"))
        self.snooze_menu = SnoozeMenu(session.clock, self)
        self.snooze_button.setMenu(self.snooze_menu)
        self.open_button = self._button("dueOpenButton", self.tr("Open"), "")
        self.show_button = self._button("dueShowButton", self.tr("Show"),
                                        self.tr("List the reminders that are due"))
        self.dismiss_button = self._button("dueDismissButton", self.tr("Dismiss"),
                                           self.tr("Hide this until the next reminder is due"))
        self.done_button.clicked.connect(self._done)
        self.snooze_menu.until_chosen.connect(self._snooze)
        self.open_button.clicked.connect(self._open)
        self.show_button.clicked.connect(self.show_all_requested)
        self.dismiss_button.clicked.connect(self._dismiss)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.icon_label)
        layout.addWidget(self.text_label, 1)
        layout.addWidget(self.when_label)
        layout.addWidget(self.problem_label)
        for button in (self.done_button, self.snooze_button, self.open_button,
                       self.show_button, self.dismiss_button):
            layout.addWidget(button)
        self.hide()

    def _button(self, name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        return button

    # --- what is shown ------------------------------------------------------------------------

    @property
    def entries(self) -> list[Entry]:
        return list(self._entries)

    def show_entries(self, entries: list[Entry]) -> None:
        """Show these due entries (oldest alarm first), or hide when there are none."""
        self._entries = list(entries)
        self.problem_label.hide()
        if not entries:
            self.hide()
            return
        single = len(entries) == 1
        today = self._session.clock.now().astimezone(self._zone).date()
        if single:
            [entry] = entries
            self.icon_label.setPixmap(kind_icon(entry.kind).pixmap(ICON_SIZE))
            self.icon_label.setToolTip(kind_label(entry.kind))
            self.text_label.setText(due_line(entry))
            self.when_label.setText(when_text(entry, today, self._zone))
            self.open_button.setToolTip(
                self.tr("Open the customer's record") if entry.customer_id
                else self.tr("Open the reminder"))
        else:
            self.icon_label.setPixmap(kind_icon(entries[0].kind).pixmap(ICON_SIZE))
            self.icon_label.setToolTip("")
            self.text_label.setText(self.tr("%n reminder(s) due", "", len(entries)))
            oldest = when_text(entries[0], today, self._zone)
            self.when_label.setText(filled(self.tr("oldest: %1"), oldest))
        self.text_label.setToolTip(self.text_label.text())
        for button in (self.done_button, self.snooze_button, self.open_button):
            button.setVisible(single)
        self.show_button.setVisible(not single)
        self.show()

    def close_dialogs(self) -> None:
        """The session locks: a return visit's answer dialog closes without saving."""
        self._actions.close_dialogs()

    def _show_problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.setToolTip(text)
        self.problem_label.show()

    # --- actions ------------------------------------------------------------------------------

    def _single(self) -> Entry | None:
        return self._entries[0] if len(self._entries) == 1 else None

    def _done(self) -> None:
        entry = self._single()
        if entry is not None:
            self._actions.complete(entry)

    def _snooze(self, until: object) -> None:
        entry = self._single()
        if entry is not None:
            self._actions.snooze(entry, until)  # type: ignore[arg-type]

    def _open(self) -> None:
        entry = self._single()
        if entry is None:
            return
        if entry.customer_id:
            self.customer_requested.emit(entry.customer_id)
            return
        if self.reminder_dialog is None:
            dialog = ReminderDialog(self._session, self._ops, reminder_id=entry.reminder_id,
                                    parent=self.window())
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _result: setattr(self, "reminder_dialog", None))
            self.reminder_dialog = dialog
            dialog.open()

    def _dismiss(self) -> None:
        entries, self._entries = self._entries, []
        self.hide()
        self.dismiss_requested.emit(entries)
