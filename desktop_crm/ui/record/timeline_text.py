"""The words of a timeline entry: its icon, heading, text and the details worth a glance.

Stored codes (call kinds, complaint states, severities) are worded by ui/labels.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from desktop_crm.services.timeline import TimelineEntry
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.labels import (
    complaint_status_label,
    direction_label,
    interaction_kind_label,
    severity_label,
)

translate = QCoreApplication.translate  # the name the catalogue's extractor looks for
T = "TimelineText"  # the catalogue context (written out where the extractor must read it)


@dataclass(frozen=True)
class EntryText:
    icon: str  # icon file stem
    heading: str
    text: str  # the record's own words (summary, comment, description)
    details: tuple[str, ...]  # short facts, shown smaller
    attention: str = ""  # something to notice (special notes, an open complaint)


def date_text(day: date | datetime) -> str:
    return (day.astimezone().date() if isinstance(day, datetime) else day).isoformat()


def money_text(amount_minor: int | None, currency: str | None) -> str:
    if amount_minor is None:
        return ""
    amount = QLocale().toString(amount_minor / 100, "f", 2)
    return f"{currency} {amount}" if currency else amount


def entry_text(entry: TimelineEntry) -> EntryText:
    detail = entry.detail
    match entry.kind:
        case "interaction":
            return _interaction(entry.title, detail)
        case "complaint":
            return _complaint(entry.title, detail)
        case "satisfaction":
            return _satisfaction(entry.title, detail)
        case "order":
            return EntryText("kind-order", translate("TimelineText", "Order"), entry.title,
                             _present(money_text(detail.get("amount_minor"),
                                                 detail.get("currency"))))
        case "contract":
            return _contract(entry.title, detail)
    return EntryText("kind-message", entry.kind, entry.title, ())


def _interaction(summary: str, detail: Mapping[str, Any]) -> EntryText:
    kind = str(detail.get("kind") or "call")
    parts = [interaction_kind_label(kind)]
    if detail.get("direction"):
        parts.append(direction_label(str(detail["direction"])))
    if detail.get("outcome"):
        parts.append(str(detail["outcome"]))
    facts: list[str] = []
    if detail.get("needs"):
        facts.append(filled(translate("TimelineText", "Needs: %1"), detail["needs"]))
    if detail.get("next_step"):
        step = str(detail["next_step"])
        if detail.get("next_step_at"):
            step += f" ({date_text(detail['next_step_at'])})"
        facts.append(filled(translate("TimelineText", "Next step: %1"), step))
    if detail.get("user_display_name"):
        facts.append(filled(translate("TimelineText", "By %1"), detail["user_display_name"]))
    return EntryText(f"kind-{kind}", " · ".join(parts), summary, tuple(facts),
                     str(detail.get("special_notes") or ""))


def _complaint(summary: str, detail: Mapping[str, Any]) -> EntryText:
    status = str(detail.get("status") or "")
    parts = [translate("TimelineText", "Complaint")]
    if detail.get("severity"):
        parts.append(severity_label(str(detail["severity"])))
    if status:
        parts.append(complaint_status_label(status))
    facts = _present(str(detail.get("category") or ""))
    if detail.get("assignee_display_name"):
        facts += (filled(translate("TimelineText", "Handled by %1"),
                         detail["assignee_display_name"]),)
    attention = ""
    if status in ("open", "in_progress"):
        attention = translate("TimelineText", "Not resolved yet")
    return EntryText("kind-complaint", " · ".join(parts), summary, facts, attention)


def _satisfaction(comment: str, detail: Mapping[str, Any]) -> EntryText:
    parts = [translate("TimelineText", "Survey response")]
    if detail.get("csat") is not None:
        parts.append(filled(translate("TimelineText", "Satisfaction %1/5"), detail["csat"]))
    if detail.get("nps") is not None:
        parts.append(filled(translate("TimelineText", "Recommend %1/10"), detail["nps"]))
    return EntryText("kind-survey", " · ".join(parts), comment,
                     _present(str(detail.get("survey") or "")))


def _contract(number: str, detail: Mapping[str, Any]) -> EntryText:
    heading = translate("TimelineText", "Contract")
    if number:
        heading = filled(translate("TimelineText", "Contract %1"), number)
    span = ""
    if detail.get("start_date") and detail.get("end_date"):
        span = filled(translate("TimelineText", "%1 to %2"), date_text(detail["start_date"]),
                      date_text(detail["end_date"]))
    facts = _present(money_text(detail.get("amount_minor"), detail.get("currency")), span)
    return EntryText("kind-contract", heading, str(detail.get("title") or ""), facts)


def _present(*texts: str) -> tuple[str, ...]:
    return tuple(t for t in texts if t)
