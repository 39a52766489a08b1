"""The to-do hub: the first page a salesperson sees — what is overdue, today, this week, which
contracts expire, which instalments are due, whose birthday or holiday comes, which complaints
wait on them, and for a manager what their team let slip.

It reads `session.reminders.hub()` (and whether the user reads anyone else's reminders, for
the team bucket) on the read lane when first shown, again after an operation that changed
reminders, customers or complaints, and at midnight, when "today" moves. Done and Snooze run
on the write lane (ReminderActions; Done on a return visit asks for the customer's answer);
"Log call" opens the call dialog for the customer and completes the reminder once the call is
logged; a double-click opens the reminder dialog. A complaint's row opens the complaint, with
the next steps its status allows.
Wide windows put the buckets in two columns, the urgent ones on the left.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_crm.domain.local_zone import local_zone
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.actor import Actor
from desktop_crm.services.reminder_views import Entry
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.calendar.hub_section import HubSection, RowActions
from desktop_crm.ui.calendar.reminder_actions import ReminderActions
from desktop_crm.ui.calendar.reminder_dialog import ReminderDialog
from desktop_crm.ui.calendar.reminder_text import weekday_name
from desktop_crm.ui.calls.log_call import LogCallDialog
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.feedback.complaint_dialog import ComplaintDialog
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.list_page import ListPage
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.widgets import QuietMessageLabel

REFRESHED_BY = ("reminder", "customer", "complaint")
TWO_COLUMNS_FROM = 1400  # page width (px) from which the buckets sit side by side,
# leaving each row room for its title beside the four actions
NEW_REMINDER_SHORTCUT = "Ctrl+Shift+N"
# bucket: (the service's field, column when wide)
_LEFT = ("overdue", "today", "this_week", "team_overdue")
_RIGHT = ("contracts", "instalments", "birthdays", "complaints")
_ONE_COLUMN = ("overdue", "today", "this_week", "contracts", "instalments", "birthdays",
               "complaints", "team_overdue")


class HubPage(ListPage):
    customer_requested = Signal(str)

    def __init__(self, session: CrmSession, ops: Operations, actor: Actor, *,
                 zone: tzinfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hubPage")
        self._session = session
        self._ops = ops
        self._actor = actor
        self._zone = zone or local_zone()  # the service's zone too: "today" is the same day
        self._loading = False
        self._load_again = False
        self._two_columns: bool | None = None
        self.hub: Any = None  # the last TodoHub read
        self.reminder_dialog: ReminderDialog | None = None
        self.log_call_dialog: LogCallDialog | None = None
        self.complaint_dialog: ComplaintDialog | None = None
        self.actions = ReminderActions(session, ops, parent=self)
        self.actions.action_did_fail.connect(self._show_error)

        self.title_label = QLabel(self.tr("To-do"), self)
        self.title_label.setObjectName("hubTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.summary_label = QLabel(self.tr("Loading your reminders…"), self)
        self.summary_label.setObjectName("hubSummary")
        self.new_button: QPushButton | None = None
        if actor.can(Resource.REMINDER, Action.CREATE):
            self.new_button = QPushButton(self.tr("New reminder"), self)
            self.new_button.setObjectName("newReminderButton")
            self.new_button.setToolTip(filled(self.tr("Create a reminder (%1)"),
                                              NEW_REMINDER_SHORTCUT))
            self.new_button.clicked.connect(lambda: self.new_reminder())
            shortcut = QShortcut(QKeySequence(NEW_REMINDER_SHORTCUT), self)
            shortcut.activated.connect(lambda: self.new_reminder())
        self.message = QuietMessageLabel("hubMessage", self)

        self.sections = self._build_sections()
        self.content = QWidget(self)
        self.content.setObjectName("hubContent")
        self.left_column = QVBoxLayout()
        self.right_column = QVBoxLayout()
        self.columns = QHBoxLayout(self.content)
        self.columns.setContentsMargins(0, 0, 4, 0)
        self.columns.addLayout(self.left_column, 1)
        self.columns.addLayout(self.right_column, 1)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("hubScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(self.content)
        self._arrange(two_columns=False)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addSpacing(12)
        top.addWidget(self.summary_label, 1)
        if self.new_button is not None:
            top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 8, 0)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll, 1)

        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self.refresh)
        ops.changes_did_happen.connect(self._on_changes)

    def _build_sections(self) -> dict[str, HubSection]:
        may = RowActions(may_update=self._actor.can(Resource.REMINDER, Action.UPDATE),
                         may_log_call=self._actor.can(Resource.INTERACTION, Action.CREATE))
        clock, zone = self._session.clock, self._zone
        texts = {
            "overdue": (self.tr("Overdue"), self.tr("Nothing overdue.")),
            "today": (self.tr("Today"), self.tr("Nothing else due today.")),
            "this_week": (self.tr("This week"), self.tr("Nothing more this week.")),
            "contracts": (self.tr("Contracts expiring"),
                          self.tr("No contract expires in the next 30 days.")),
            "instalments": (self.tr("Instalments due"), self.tr("No instalment is due.")),
            "birthdays": (self.tr("Birthdays and holidays"),
                          self.tr("No birthday or holiday in the next 7 days.")),
            "complaints": (self.tr("Complaints waiting on me"),
                           self.tr("No complaint is waiting on you.")),
            "team_overdue": (self.tr("Team overdue"), self.tr("Your team has nothing overdue.")),
        }
        sections = {}
        for key in _ONE_COLUMN:
            title, empty = texts[key]
            section = HubSection(key, title, empty, clock, zone, may,
                                 marks_late=key in ("overdue", "team_overdue", "today"),
                                 shows_owner=key == "team_overdue", parent=self)
            section.done_requested.connect(self.actions.complete)
            section.snooze_requested.connect(self.actions.snooze)
            section.open_requested.connect(self.open_reminder)
            section.customer_requested.connect(self.customer_requested)
            section.log_call_requested.connect(self.log_call)
            section.complaint_requested.connect(self.open_complaint)
            sections[key] = section
        sections["team_overdue"].hide()  # until the user proves to read a team's reminders
        return sections

    # --- layout -------------------------------------------------------------------------------

    def _arrange(self, *, two_columns: bool) -> None:
        """The buckets in one column, or urgent ones left and the rest right."""
        if two_columns == self._two_columns:
            return
        self._two_columns = two_columns
        for column in (self.left_column, self.right_column):
            while column.count():
                column.takeAt(0)
        placed = ((_LEFT, self.left_column), (_RIGHT, self.right_column)) if two_columns \
            else ((_ONE_COLUMN, self.left_column),)
        for keys, column in placed:
            for key in keys:
                column.addWidget(self.sections[key])
            column.addStretch(1)
        self.columns.setStretch(1, 1 if two_columns else 0)  # one column takes the width

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(two_columns=event.size().width() >= TWO_COLUMNS_FROM)

    # --- loading ------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._loading

    def read_again(self) -> None:
        if self._loading:
            self._load_again = True
            return
        self._loading = True
        reminders, zone = self._session.reminders, self._zone

        def read() -> tuple[Any, bool]:
            return reminders.hub(zone=zone), len(reminders.owners()) > 1

        self._ops.run(read, lane=Lane.READ, on_success=self._show_hub,
                      on_failure=self._load_failed)

    def _show_hub(self, answer: tuple[Any, bool]) -> None:
        if not isValid(self):
            return
        self._loading = False
        if self._load_again:
            self._load_again = False
            self.read_again()
        hub, reads_team = answer
        self.hub = hub
        self.message.clear_message()
        today = self._today()
        for key, section in self.sections.items():
            if key == "complaints":
                section.show_complaints(list(hub.complaints), today)
            else:
                section.show_entries(list(getattr(hub, key)), today,
                                     getattr(hub, f"{key}_total", None))
        self.sections["team_overdue"].setVisible(reads_team)
        self.summary_label.setText(self._summary(hub, today))
        self._aim_at_midnight()

    def _load_failed(self, error: Exception) -> None:
        if not isValid(self):
            return
        self._loading = False
        self._show_error(error_text(error))
        if self._load_again:
            self._load_again = False
            self.read_again()

    def _summary(self, hub: Any, today: date) -> str:
        """"Wed 2026-05-06 · 3 overdue · 5 due today", in words for none."""
        parts = [f"{weekday_name(today)} {today.isoformat()}"]
        overdue = self.sections["overdue"].count
        if overdue:
            parts.append(self.tr("%n overdue", "", overdue))
        parts.append(self.tr("%n due today", "", len(hub.today)) if hub.today
                     else self.tr("nothing due today"))
        return " · ".join(parts)

    def _today(self) -> date:
        return self._session.clock.now().astimezone(self._zone).date()

    def _aim_at_midnight(self) -> None:
        """Read again just after midnight: yesterday's "today" becomes overdue."""
        now = self._session.clock.now().astimezone(self._zone)
        midnight = datetime.combine(now.date() + timedelta(days=1), time(), tzinfo=self._zone)
        wait_ms = (midnight - now).total_seconds() * 1000 + 1000
        self._midnight.start(max(1000, min(round(wait_ms), 24 * 3600 * 1000)))

    def _on_changes(self, changes: OpChanges) -> None:
        self.refresh_if_changed(any(changes.touches(e) for e in REFRESHED_BY))

    def _show_error(self, text: str) -> None:
        if isValid(self):
            self.message.show_error(text)

    # --- acting on an entry -------------------------------------------------------------------

    def new_reminder(self, day: date | None = None, customer_id: str | None = None) -> None:
        self._open_dialog(ReminderDialog(self._session, self._ops, day=day,
                                         customer_id=customer_id, parent=self))

    def open_reminder(self, entry: Entry) -> None:
        self._open_dialog(ReminderDialog(self._session, self._ops,
                                         reminder_id=entry.reminder_id, parent=self))

    def _open_dialog(self, dialog: ReminderDialog) -> None:
        if self.reminder_dialog is not None:
            dialog.deleteLater()
            self.reminder_dialog.raise_()
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._forget_reminder_dialog())
        self.reminder_dialog = dialog
        dialog.open()

    def _forget_reminder_dialog(self) -> None:
        self.reminder_dialog = None

    def log_call(self, entry: Entry) -> None:
        """The call dialog for the entry's customer; a logged call completes the reminder."""
        if entry.customer_id is None or self.log_call_dialog is not None:
            return
        dialog = LogCallDialog(self._session, self._ops, self._actor,
                               (entry.customer_id, entry.customer_name), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.call_did_log.connect(lambda _view: self.actions.complete(entry))
        dialog.finished.connect(lambda _result: self._forget_call_dialog())
        self.log_call_dialog = dialog
        dialog.open()

    def _forget_call_dialog(self) -> None:
        self.log_call_dialog = None

    def open_complaint(self, complaint_id: str) -> None:
        """The complaint, whole, with its next steps (it is assigned to this user)."""
        if self.complaint_dialog is not None:
            self.complaint_dialog.raise_()
            return
        dialog = ComplaintDialog(self._session, self._ops, complaint_id,
                                 user_id=self._actor.user_id, handles_any=False, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.customer_requested.connect(self.customer_requested)
        dialog.finished.connect(lambda _result: self._forget_complaint_dialog())
        self.complaint_dialog = dialog
        dialog.open()

    def _forget_complaint_dialog(self) -> None:
        self.complaint_dialog = None

    def close_dialogs(self) -> None:
        """The session locks: what is open closes without asking."""
        for dialog in (self.reminder_dialog, self.log_call_dialog, self.complaint_dialog):
            if dialog is not None:
                dialog.done(0)
        self.actions.close_dialogs()
