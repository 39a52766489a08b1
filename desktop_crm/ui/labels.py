"""The words a person reads for the app's stored codes (stages, tiers, kinds, roles).

Stored values stay English codes; every screen asks here for the label, so a stage reads the
same in the list, the record, the filters and the calls page, in either language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


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
        "suspect": _t("Suspect"),
        "prospect": _t("Prospect"),
        "first_time_buyer": _t("First-time buyer"),
        "repeat_buyer": _t("Repeat buyer"),
        "advocate": _t("Advocate"),
    }
    return labels.get(stage, stage)


def tier_label(tier: str | None) -> str:
    if not tier:
        return ""
    labels = {
        "high_value": _t("High value"),
        "potential": _t("Potential"),
        "dormant": _t("Dormant"),
    }
    return labels.get(tier, tier)


def kind_label(kind: str) -> str:
    """A customer's kind: a person or a company."""
    return {"person": _t("Person"), "company": _t("Company")}.get(kind, kind)


def interaction_kind_label(kind: str) -> str:
    labels = {
        "call": _t("Call"),
        "visit": _t("Visit"),
        "email": _t("Email"),
        "meeting": _t("Meeting"),
        "message": _t("Message"),
    }
    return labels.get(kind, kind)


def direction_label(direction: str) -> str:
    return {"inbound": _t("Inbound"), "outbound": _t("Outbound")}.get(direction, direction)


def reminder_kind_label(kind: str) -> str:
    labels = {
        "follow_up": _t("Follow-up"),
        "visit": _t("Visit"),
        "contract_expiry": _t("Contract expiry"),
        "receivable": _t("Receivable"),
        "birthday": _t("Birthday"),
        "holiday_greeting": _t("Holiday greeting"),
        "complaint": _t("Complaint"),
        "custom": _t("Custom"),
    }
    return labels.get(kind, kind)
