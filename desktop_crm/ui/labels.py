"""The words a person reads for the app's stored codes (stages, tiers, kinds, roles).

Stored values stay English codes; every screen asks here for the label, so a stage reads the
same in the list, the record, the filters and the calls page, in either language.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def _label(labels: dict[str, str], code: str) -> str:
    """The translated label of a stored code; an unknown code shows as stored."""
    source = labels.get(code)
    return QCoreApplication.translate("Labels", source) if source else code


def role_title(role: str) -> str:
    """The default roles in the person's language; a role an admin added keeps its name."""
    titles = {
        "admin": QCoreApplication.translate("Roles", "Administrator"),
        "manager": QCoreApplication.translate("Roles", "Manager"),
        "sales": QCoreApplication.translate("Roles", "Salesperson"),
        "service": QCoreApplication.translate("Roles", "Customer service"),
        "auditor": QCoreApplication.translate("Roles", "Auditor"),
    }
    return titles.get(role, role)


def stage_label(stage: str) -> str:
    labels = {
        "suspect": QT_TRANSLATE_NOOP("Labels", "Suspect"),
        "prospect": QT_TRANSLATE_NOOP("Labels", "Prospect"),
        "first_time_buyer": QT_TRANSLATE_NOOP("Labels", "First-time buyer"),
        "repeat_buyer": QT_TRANSLATE_NOOP("Labels", "Repeat buyer"),
        "advocate": QT_TRANSLATE_NOOP("Labels", "Advocate"),
    }
    return _label(labels, stage)


def tier_label(tier: str | None) -> str:
    if not tier:
        return ""
    labels = {
        "high_value": QT_TRANSLATE_NOOP("Labels", "High value"),
        "potential": QT_TRANSLATE_NOOP("Labels", "Potential"),
        "dormant": QT_TRANSLATE_NOOP("Labels", "Dormant"),
    }
    return _label(labels, tier)


def kind_label(kind: str) -> str:
    """A customer's kind: a person or a company."""
    return _label({"person": QT_TRANSLATE_NOOP("Labels", "Person"),
                   "company": QT_TRANSLATE_NOOP("Labels", "Company")}, kind)


def interaction_kind_label(kind: str) -> str:
    labels = {
        "call": QT_TRANSLATE_NOOP("Labels", "Call"),
        "visit": QT_TRANSLATE_NOOP("Labels", "Visit"),
        "email": QT_TRANSLATE_NOOP("Labels", "Email"),
        "meeting": QT_TRANSLATE_NOOP("Labels", "Meeting"),
        "message": QT_TRANSLATE_NOOP("Labels", "Message"),
    }
    return _label(labels, kind)


def direction_label(direction: str) -> str:
    return _label({"inbound": QT_TRANSLATE_NOOP("Labels", "Inbound"),
                   "outbound": QT_TRANSLATE_NOOP("Labels", "Outbound")}, direction)


def reminder_kind_label(kind: str) -> str:
    labels = {
        "follow_up": QT_TRANSLATE_NOOP("Labels", "Follow-up"),
        "visit": QT_TRANSLATE_NOOP("Labels", "Visit"),
        "contract_expiry": QT_TRANSLATE_NOOP("Labels", "Contract expiry"),
        "receivable": QT_TRANSLATE_NOOP("Labels", "Receivable"),
        "birthday": QT_TRANSLATE_NOOP("Labels", "Birthday"),
        "holiday_greeting": QT_TRANSLATE_NOOP("Labels", "Holiday greeting"),
        "complaint": QT_TRANSLATE_NOOP("Labels", "Complaint"),
        "custom": QT_TRANSLATE_NOOP("Labels", "Custom"),
    }
    return _label(labels, kind)


def complaint_status_label(status: str) -> str:
    return _label({
        "open": QT_TRANSLATE_NOOP("Labels", "Open"),
        "in_progress": QT_TRANSLATE_NOOP("Labels", "In progress"),
        "resolved": QT_TRANSLATE_NOOP("Labels", "Resolved"),
        "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
    }, status)


def severity_label(severity: str) -> str:
    return _label({
        "low": QT_TRANSLATE_NOOP("Labels", "Low"),
        "medium": QT_TRANSLATE_NOOP("Labels", "Medium"),
        "high": QT_TRANSLATE_NOOP("Labels", "High"),
        "critical": QT_TRANSLATE_NOOP("Labels", "Critical"),
    }, severity)
