"""The complaint dialogs: open one on a customer's record, record its first response or its
resolution (what was said and when), and route it to another user."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop_crm.domain.enums import Severity, UserStatus
from desktop_crm.services.complaints import CATEGORY_MAX, ComplaintView
from desktop_crm.services.feedback import RECORD_CHANNELS
from desktop_crm.services.org_views import UserView
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.feedback.entry_form import (
    EntryDialog,
    about_label,
    changed_moment,
    moment_edit,
    text_edit,
)
from desktop_crm.ui.feedback.feedback_labels import channel_label
from desktop_crm.ui.feedback.report_language import generated_language
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.labels import complaint_status_label, severity_label
from desktop_crm.ui.moments import local_text
from desktop_crm.ui.ops import Lane, Operations

COMPLAINT_CHANGED = frozenset({"complaint"})
# resolving schedules a return visit: the calendar and the hub read again too
COMPLAINT_RESOLVED = frozenset({"complaint", "reminder"})


def active_users(users: list[UserView]) -> list[UserView]:
    return [u for u in users if u.status == UserStatus.ACTIVE]


def user_name(user: UserView) -> str:
    return user.display_name or user.username


def fill_users(combo: QComboBox, users: list[UserView], *, keep_first: int) -> None:
    """Replace the user choices after the first `keep_first` entries."""
    while combo.count() > keep_first:
        combo.removeItem(combo.count() - 1)
    for user in sorted(active_users(users), key=user_name):
        combo.addItem(filled("%1 (%2)", user_name(user), user.username), user.id)


class OpenComplaintDialog(EntryDialog):
    """What the customer complains about, how it came in, how bad it is, and who handles it
    (the customer's owner unless another is chosen)."""

    def __init__(self, session: CrmSession, ops: Operations, customer: tuple[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, object_name="openComplaintDialog",
                         accept_name="saveComplaintButton", changes=COMPLAINT_CHANGED,
                         parent=parent)
        self.setWindowTitle(filled(self.tr("Open a complaint — %1"), customer[1]))
        self.save_button.setText(self.tr("Open complaint"))
        self._session = session
        self._customer_id = customer[0]
        self.summary_edit = text_edit(self.body, "complaintSummaryEdit",
                                      self.tr("What the customer complains about"), 4)
        self.severity_combo = QComboBox(self.body)
        self.severity_combo.setObjectName("severityCombo")
        for severity in Severity:
            self.severity_combo.addItem(severity_label(severity), severity.value)
        self.severity_combo.setCurrentIndex(self.severity_combo.findData(Severity.MEDIUM.value))
        self.channel_combo = QComboBox(self.body)
        self.channel_combo.setObjectName("complaintChannelCombo")
        for channel in RECORD_CHANNELS:
            self.channel_combo.addItem(channel_label(channel), channel)
        self.category_edit = QLineEdit(self.body)
        self.category_edit.setObjectName("categoryEdit")
        self.category_edit.setMaxLength(CATEGORY_MAX)
        self.category_edit.setPlaceholderText(self.tr("e.g. delivery, quality, billing"))
        self.opened_edit = moment_edit(self.body, "openedEdit", session.clock.now())
        self.assignee_combo = QComboBox(self.body)
        self.assignee_combo.setObjectName("assigneeCombo")
        self.assignee_combo.addItem(self.tr("The customer's owner"), None)
        self.fields.add(self.tr("Summary:"), self.summary_edit, "summary")
        self.fields.add(self.tr("Severity:"), self.severity_combo, "severity")
        self.fields.add(self.tr("Channel:"), self.channel_combo, "channel")
        self.fields.add(self.tr("Category:"), self.category_edit, "category")
        self.fields.add(self.tr("Opened:"), self.opened_edit, "opened_at")
        self.fields.add(self.tr("Handled by:"), self.assignee_combo, "assignee_id")
        users = session.users
        ops.run(lambda: users.list(include_departed=False), lane=Lane.READ, context=self,
                on_success=lambda found: fill_users(self.assignee_combo, found, keep_first=1),
                on_failure=lambda _error: None)  # the owner stays a choice

    def problem(self) -> tuple[str, str] | None:
        if not self.summary_edit.toPlainText().strip():
            return "summary", self.tr("Say in a few words what the complaint is about.")
        return None

    def work(self) -> Callable[[], Any]:
        data: dict[str, Any] = {
            "summary": self.summary_edit.toPlainText().strip(),
            "severity": self.severity_combo.currentData(),
            "channel": self.channel_combo.currentData(),
            "category": self.category_edit.text().strip(),
            "assignee_id": self.assignee_combo.currentData(),
        }
        opened = changed_moment(self.opened_edit)
        if opened is not None:  # unchanged: opened now
            data["opened_at"] = opened
        complaints, customer_id = self._session.complaints, self._customer_id
        return lambda: complaints.open(customer_id, data)


class ComplaintTextDialog(EntryDialog):
    """The first response ("respond") or the resolution ("resolve"): what was said or done,
    and when (now unless changed)."""

    def __init__(self, session: CrmSession, ops: Operations, complaint: ComplaintView,
                 step: str, parent: QWidget | None = None) -> None:
        responding = step == "respond"
        super().__init__(ops, object_name="respondDialog" if responding else "resolveDialog",
                         accept_name="saveStepButton",
                         changes=COMPLAINT_CHANGED if responding else COMPLAINT_RESOLVED,
                         parent=parent)
        self._session = session
        self._complaint = complaint
        self._step = step
        self.setWindowTitle(self.tr("Record the first response") if responding
                            else self.tr("Resolve the complaint"))
        self.save_button.setText(self.tr("Save response") if responding
                                 else self.tr("Resolve"))
        self.about = about_label(complaint_about(complaint), self.body, "complaintAbout")
        self.text_edit = text_edit(
            self.body, "stepTextEdit",
            self.tr("What was said to the customer") if responding
            else self.tr("How the complaint was resolved"), 4)
        self.when_edit = moment_edit(self.body, "stepWhenEdit", session.clock.now())
        self.form.addRow(self.about)
        self.fields.add(self.tr("Response:") if responding else self.tr("Resolution:"),
                        self.text_edit, "response" if responding else "resolution")
        self.fields.add(self.tr("When:"), self.when_edit, "at")

    def problem(self) -> tuple[str, str] | None:
        field = "response" if self._step == "respond" else "resolution"
        if not self.text_edit.toPlainText().strip():
            return field, (self.tr("Say what was said to the customer.")
                           if self._step == "respond"
                           else self.tr("Say how the complaint was resolved."))
        return None

    def work(self) -> Callable[[], Any]:
        text = self.text_edit.toPlainText().strip()
        when: datetime | None = changed_moment(self.when_edit)  # None: now
        complaints, complaint_id = self._session.complaints, self._complaint.id
        if self._step == "respond":
            return lambda: complaints.respond(complaint_id, text, at=when)
        language = generated_language()
        return lambda: complaints.resolve(complaint_id, text, at=when, language=language)


class RouteComplaintDialog(EntryDialog):
    """Hand an open complaint to another user; the service checks they may handle it."""

    def __init__(self, session: CrmSession, ops: Operations, complaint: ComplaintView,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, object_name="routeComplaintDialog",
                         accept_name="saveRouteButton", changes=COMPLAINT_CHANGED,
                         parent=parent)
        self._session = session
        self._complaint = complaint
        self.setWindowTitle(self.tr("Route the complaint"))
        self.save_button.setText(self.tr("Route"))
        self.form.addRow(about_label(complaint_about(complaint), self.body, "complaintAbout"))
        self.assignee_combo = QComboBox(self.body)
        self.assignee_combo.setObjectName("routeAssigneeCombo")
        self.assignee_combo.setPlaceholderText(self.tr("Loading the users…"))
        self.fields.add(self.tr("Handled by:"), self.assignee_combo, "assignee_id")
        users = session.users
        ops.run(lambda: users.list(include_departed=False), lane=Lane.READ, context=self,
                on_success=self._show_users, on_failure=self._failed)

    def _show_users(self, users: list[UserView]) -> None:
        others = [u for u in users if u.id != self._complaint.assignee_id]
        fill_users(self.assignee_combo, others, keep_first=0)
        self.assignee_combo.setCurrentIndex(-1)
        self.assignee_combo.setPlaceholderText(self.tr("Choose who handles it"))

    def problem(self) -> tuple[str, str] | None:
        if self.assignee_combo.currentData() is None:
            return "assignee_id", self.tr("Choose who handles the complaint.")
        return None

    def work(self) -> Callable[[], Any]:
        complaints, complaint_id = self._session.complaints, self._complaint.id
        assignee = str(self.assignee_combo.currentData())
        return lambda: complaints.assign(complaint_id, assignee)


def complaint_about(complaint: ComplaintView) -> str:
    """One line naming the complaint: opened when, status, its summary's start."""
    summary = complaint.summary.strip().splitlines()[0] if complaint.summary.strip() else ""
    return " · ".join(part for part in (
        local_text(complaint.opened_at), complaint_status_label(complaint.status),
        severity_label(complaint.severity), summary) if part)
