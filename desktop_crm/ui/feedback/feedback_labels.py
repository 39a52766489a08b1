"""The words for the feedback codes: channels, satisfaction scores, contract statuses and an
instalment's state. A state that needs attention carries a mark as well as its colour, so it
reads without colour."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from desktop_crm.domain.enums import InstalmentState
from desktop_crm.ui.feedback.money import money_text
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.widgets import ERROR_COLOUR

CONTEXT = "FeedbackLabels"
WARNING_COLOUR = "#c25e00"  # amber, as the timeline's warnings
OVERDUE_MARK = "⚠"
PARTLY_PAID_MARK = "◐"
PAID_MARK = "✓"

_CHANNELS = {
    "phone": QT_TRANSLATE_NOOP("FeedbackLabels", "Phone"),
    "email": QT_TRANSLATE_NOOP("FeedbackLabels", "Email"),
    "visit": QT_TRANSLATE_NOOP("FeedbackLabels", "Visit"),
    "web": QT_TRANSLATE_NOOP("FeedbackLabels", "Web"),
    "wechat": QT_TRANSLATE_NOOP("FeedbackLabels", "WeChat"),
    "message": QT_TRANSLATE_NOOP("FeedbackLabels", "Message"),
    "other": QT_TRANSLATE_NOOP("FeedbackLabels", "Other"),
    "return_visit": QT_TRANSLATE_NOOP("FeedbackLabels", "Return visit"),
}
_CSAT = {
    1: QT_TRANSLATE_NOOP("FeedbackLabels", "Very unhappy"),
    2: QT_TRANSLATE_NOOP("FeedbackLabels", "Unhappy"),
    3: QT_TRANSLATE_NOOP("FeedbackLabels", "Neutral"),
    4: QT_TRANSLATE_NOOP("FeedbackLabels", "Happy"),
    5: QT_TRANSLATE_NOOP("FeedbackLabels", "Very happy"),
}
_CONTRACT_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("FeedbackLabels", "Draft"),
    "active": QT_TRANSLATE_NOOP("FeedbackLabels", "Active"),
    "expired": QT_TRANSLATE_NOOP("FeedbackLabels", "Expired"),
    "terminated": QT_TRANSLATE_NOOP("FeedbackLabels", "Terminated"),
}


def _translated(labels: dict[str, str], code: str) -> str:
    source = labels.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source else code


def channel_label(channel: str) -> str:
    return _translated(_CHANNELS, channel)


def contract_status_label(status: str) -> str:
    return _translated(_CONTRACT_STATUSES, status)


def csat_words(score: int) -> str:
    """1 very unhappy .. 5 very happy."""
    source = _CSAT.get(score)
    return QCoreApplication.translate(CONTEXT, source) if source else str(score)


def csat_text(score: int | None) -> str:
    """★★★★☆ 4 — the stars for a glance, the number for a screen reader and a copy."""
    if score is None:
        return ""
    return f"{'★' * score}{'☆' * (5 - score)} {score}"


def nps_group(score: int) -> str:
    if score >= 9:
        return QCoreApplication.translate("FeedbackLabels", "Promoter")
    if score >= 7:
        return QCoreApplication.translate("FeedbackLabels", "Passive")
    return QCoreApplication.translate("FeedbackLabels", "Detractor")


def nps_text(score: int | None) -> str:
    """9 · Promoter"""
    return "" if score is None else f"{score} · {nps_group(score)}"


def instalment_state_text(state: str, outstanding_minor: int, currency: str) -> str:
    """"⚠ Overdue · CNY 500.00 outstanding", "◐ Partly paid · …", "✓ Paid", "Due"."""
    owed = money_text(outstanding_minor, currency)
    match state:
        case InstalmentState.PAID:
            return f"{PAID_MARK} " + QCoreApplication.translate("FeedbackLabels", "Paid")
        case InstalmentState.OVERDUE:
            return f"{OVERDUE_MARK} " + filled(
                QCoreApplication.translate("FeedbackLabels", "Overdue · %1 outstanding"), owed)
        case InstalmentState.PARTLY_PAID:
            return f"{PARTLY_PAID_MARK} " + filled(
                QCoreApplication.translate("FeedbackLabels", "Partly paid · %1 outstanding"),
                owed)
    return QCoreApplication.translate("FeedbackLabels", "Due")


def instalment_state_colour(state: str) -> QColor | None:
    if state == InstalmentState.OVERDUE:
        return QColor(ERROR_COLOUR)
    if state == InstalmentState.PARTLY_PAID:
        return QColor(WARNING_COLOUR)
    return None


def overdue_text() -> str:
    return f"{OVERDUE_MARK} " + QCoreApplication.translate("FeedbackLabels", "Overdue")
