"""A complaint's status as words and marks: overdue is said with a mark, not by colour alone,
and its due time says what is late."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_crm.services.complaints import ComplaintView
from desktop_crm.services.complaints_flow import OPEN_STATUSES
from desktop_crm.ui.feedback.feedback_labels import overdue_text
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.labels import complaint_status_label
from desktop_crm.ui.moments import local_text


def status_text(complaint: ComplaintView) -> str:
    """"In progress · ⚠ Overdue" or "Resolved"."""
    status = complaint_status_label(complaint.status)
    return f"{status} · {overdue_text()}" if complaint.overdue else status


def due_text(complaint: ComplaintView) -> str:
    """What is due next and by when, or when it was resolved."""
    if complaint.status not in OPEN_STATUSES:
        if complaint.resolved_at is None:
            return ""
        return filled(QCoreApplication.translate("ComplaintText", "Resolved %1"),
                      local_text(complaint.resolved_at))
    if complaint.first_response_at is None:
        return filled(QCoreApplication.translate("ComplaintText", "Response due %1"),
                      local_text(complaint.response_due_at))
    return filled(QCoreApplication.translate("ComplaintText", "Resolution due %1"),
                  local_text(complaint.resolution_due_at))
