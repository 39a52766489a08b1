"""One complaint, whole: who complained, about what, how it came in, its status and what is
due by when, the first response and the resolution, with the next steps the user may take.
Opened from the record's Complaints tab and from the to-do hub's complaints bucket.

It reads the complaint on the read lane when opened and again whenever complaints change,
so a step taken here or elsewhere shows at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_crm.services.complaints import ComplaintView
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.feedback.complaint_steps import (
    STEP_ORDER,
    ComplaintActions,
    legal,
    step_text,
    step_tip,
)
from desktop_crm.ui.feedback.complaint_view_text import due_text, status_text
from desktop_crm.ui.feedback.feedback_errors import feedback_error_text
from desktop_crm.ui.feedback.feedback_labels import channel_label
from desktop_crm.ui.labels import severity_label
from desktop_crm.ui.moments import local_text
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.widgets import ERROR_COLOUR, QuietMessageLabel


def _value_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ComplaintDialog(QDialog):
    customer_requested = Signal(str)

    def __init__(self, session: CrmSession, ops: Operations, complaint_id: str, *,
                 user_id: str, handles_any: bool, parent: QWidget | None = None) -> None:
        """`handles_any`: the user may handle complaints of this customer not assigned to
        them (the assignee always may)."""
        super().__init__(parent)
        self.setObjectName("complaintDialog")
        self.setWindowTitle(self.tr("Complaint"))
        self._session = session
        self._ops = ops
        self._complaint_id = complaint_id
        self._user_id = user_id
        self._handles_any = handles_any
        self.complaint: ComplaintView | None = None
        self.actions = ComplaintActions(session, ops, self)
        self.actions.complaint_did_change.connect(self._show_step_taken)
        self.actions.action_did_fail.connect(lambda text: self.message.show_error(text))

        self.values: dict[str, QLabel] = {}
        about = QFormLayout()
        about.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label in (
                ("customer", self.tr("Customer:")), ("summary", self.tr("Summary:")),
                ("status", self.tr("Status:")), ("due", self.tr("Due:")),
                ("severity", self.tr("Severity:")), ("channel", self.tr("Channel:")),
                ("category", self.tr("Category:")), ("opened", self.tr("Opened:")),
                ("assignee", self.tr("Handled by:")), ("response", self.tr("Response:")),
                ("resolution", self.tr("Resolution:"))):
            self.values[key] = _value_label(self, f"complaint{key.title()}Value")
            about.addRow(label, self.values[key])
        self.values["summary"].setStyleSheet("font-weight: bold;")
        self.message = QuietMessageLabel("complaintMessage", self)
        self.message.show_progress(self.tr("Loading…"))

        self.step_buttons: dict[str, QPushButton] = {}
        steps = QHBoxLayout()
        for step in STEP_ORDER:
            button = QPushButton(step_text(step), self)
            button.setObjectName(f"{step}StepButton")
            button.setToolTip(step_tip(step))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, s=step: self.take(s))
            steps.addWidget(button)
            self.step_buttons[step] = button
        steps.addStretch(1)
        self.customer_button = QPushButton(self.tr("Open customer"), self)
        self.customer_button.setObjectName("complaintCustomerButton")
        self.customer_button.setAutoDefault(False)
        self.customer_button.clicked.connect(self._open_customer)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        close.addButton(self.customer_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addLayout(about)
        layout.addWidget(self.message)
        layout.addLayout(steps)
        layout.addWidget(close)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)
        self._show_steps()
        ops.changes_did_happen.connect(self._on_changes)
        self.read()

    def read(self) -> None:
        complaints, complaint_id = self._session.complaints, self._complaint_id
        self._ops.run(lambda: complaints.get(complaint_id), lane=Lane.READ, context=self,
                      on_success=self.show_complaint,
                      on_failure=lambda error: self.message.show_error(
                          feedback_error_text(error)))

    def show_complaint(self, complaint: ComplaintView) -> None:
        self.complaint = complaint
        self.message.clear_message()
        v = self.values
        v["customer"].setText(complaint.customer_name or self.tr("(not shown to you)"))
        v["summary"].setText(complaint.summary)
        v["status"].setText(status_text(complaint))
        v["status"].setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;"
                                  if complaint.overdue else "")
        v["due"].setText(due_text(complaint))
        v["severity"].setText(severity_label(complaint.severity))
        v["channel"].setText(channel_label(complaint.channel))
        v["category"].setText(complaint.category)
        v["opened"].setText(local_text(complaint.opened_at))
        v["assignee"].setText(complaint.assignee_name)
        v["response"].setText(_dated(complaint.response, complaint.first_response_at))
        v["resolution"].setText(_dated(complaint.resolution, complaint.resolved_at))
        for key in ("category", "due", "response", "resolution"):
            if not v[key].text():
                v[key].setText("—")  # nothing yet: said, not left blank
        self.customer_button.setVisible(bool(complaint.customer_name))
        self._show_steps()

    def _show_steps(self) -> None:
        complaint = self.complaint
        may = complaint is not None and (complaint.assignee_id == self._user_id
                                         or self._handles_any)
        for step, button in self.step_buttons.items():
            button.setVisible(may)
            button.setEnabled(complaint is not None and legal(step, complaint.status))

    def take(self, step: str) -> None:
        if self.complaint is not None and self.step_buttons[step].isEnabled():
            self.message.clear_message()
            self.actions.take(step, self.complaint)

    def _show_step_taken(self, complaint: ComplaintView) -> None:
        if isValid(self):
            self.show_complaint(complaint)

    def _on_changes(self, changes: OpChanges) -> None:
        if isValid(self) and changes.touches("complaint") and self.complaint is not None:
            self.read()

    def _open_customer(self) -> None:
        if self.complaint is not None:
            self.customer_requested.emit(self.complaint.customer_id)
            self.accept()

    def done(self, result: int) -> None:
        self.actions.close_dialogs()
        super().done(result)


def _dated(text: str, when: object) -> str:
    if not text:
        return ""
    return f"{text}\n({local_text(when)})" if when is not None else text  # type: ignore[arg-type]
