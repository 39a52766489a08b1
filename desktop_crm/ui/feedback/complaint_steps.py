"""A complaint's next steps as the user may take them: respond, resolve, close, reopen and
route, each offered only where the complaint's status allows it (the service's own table,
services/complaints_flow.STEPS) and only to those who may handle it.

Respond, resolve and route ask in a dialog; close runs at once; reopen asks first, because
it clears the resolution. Every step broadcasts that complaints changed, so the record's
tab, the hub and an open complaint read again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget
from shiboken6 import isValid

from desktop_crm.services.complaints import ComplaintView
from desktop_crm.services.complaints_flow import STEPS
from desktop_crm.services.session import CrmSession
from desktop_crm.ui import prompts
from desktop_crm.ui.feedback.complaint_dialogs import (
    COMPLAINT_CHANGED,
    ComplaintTextDialog,
    RouteComplaintDialog,
)
from desktop_crm.ui.feedback.feedback_errors import feedback_error_text
from desktop_crm.ui.ops import Lane, OpChanges, Operations

STEP_ORDER = ("respond", "resolve", "close", "reopen", "assign")


def legal(step: str, status: str) -> bool:
    """Whether `step` may follow a complaint in `status`."""
    return status in STEPS[step][0]


class ComplaintActions(QObject):
    complaint_did_change = Signal(object)  # the ComplaintView after the step
    action_did_fail = Signal(str)

    def __init__(self, session: CrmSession, ops: Operations, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._ops = ops
        self._widget = parent
        self.dialog: QDialog | None = None

    def take(self, step: str, complaint: ComplaintView) -> None:
        """Take `step` on the complaint (a dialog first for those that ask)."""
        if not legal(step, complaint.status):
            return
        match step:
            case "respond" | "resolve":
                self._ask(ComplaintTextDialog(self._session, self._ops, complaint, step,
                                              parent=self._widget))
            case "assign":
                self._ask(RouteComplaintDialog(self._session, self._ops, complaint,
                                               parent=self._widget))
            case "close":
                complaints = self._session.complaints
                self._write(lambda: complaints.close(complaint.id))
            case "reopen":
                if prompts.confirm(self._widget, self.tr("Reopen the complaint"), self.tr(
                        "Take this complaint up again? Its resolution is cleared; the first "
                        "response stays.")):
                    complaints = self._session.complaints
                    self._write(lambda: complaints.reopen(complaint.id))

    def _ask(self, dialog: QDialog) -> None:
        if self.dialog is not None and isValid(self.dialog):
            dialog.deleteLater()
            self.dialog.raise_()
            return
        self.dialog = dialog
        dialog.did_save.connect(self.complaint_did_change)  # type: ignore[attr-defined]
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _write(self, work: Callable[[], Any]) -> None:
        self._ops.run(work, lane=Lane.WRITE, context=self,
                      changes=OpChanges(COMPLAINT_CHANGED),
                      on_success=self.complaint_did_change.emit,
                      on_failure=lambda error: self.action_did_fail.emit(
                          feedback_error_text(error)))

    def close_dialogs(self) -> None:
        if self.dialog is not None and isValid(self.dialog):
            self.dialog.done(0)


def step_text(step: str) -> str:
    """The button's words for a step (a trailing … where a dialog or a question follows)."""
    texts = {
        "respond": QCoreApplication.translate("ComplaintSteps", "Record response…"),
        "resolve": QCoreApplication.translate("ComplaintSteps", "Resolve…"),
        "close": QCoreApplication.translate("ComplaintSteps", "Close"),
        "reopen": QCoreApplication.translate("ComplaintSteps", "Reopen…"),
        "assign": QCoreApplication.translate("ComplaintSteps", "Route…"),
    }
    return texts[step]


def step_tip(step: str) -> str:
    tips = {
        "respond": QCoreApplication.translate(
            "ComplaintSteps", "Record what was first said to the customer"),
        "resolve": QCoreApplication.translate(
            "ComplaintSteps", "Record how it was resolved (a return visit is scheduled)"),
        "close": QCoreApplication.translate("ComplaintSteps", "Close the resolved complaint"),
        "reopen": QCoreApplication.translate("ComplaintSteps", "Take the complaint up again"),
        "assign": QCoreApplication.translate("ComplaintSteps", "Hand it to another user"),
    }
    return tips[step]
