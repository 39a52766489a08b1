"""The Calls page's columns: title, cell text and tooltip of one CallRow.

The customer's name arrives masked (or blank) as the user's list policy shows it, and every
cell, tooltip and copy shows exactly that.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_crm.services.calls import CallRow
from desktop_crm.ui.calls.durations import minutes_text
from desktop_crm.ui.labels import direction_label, interaction_kind_label
from desktop_crm.ui.moments import local_text

CONTEXT = "CallColumns"


def first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def duration_cell(seconds: int) -> str:
    return minutes_text(seconds) if seconds else ""


@dataclass(frozen=True)
class CallColumn:
    key: str
    title: str  # source text, translated in the "CallColumns" context
    text: Callable[[CallRow], str]
    tooltip: Callable[[CallRow], str] | None = None  # None: the cell's own text

    def translated_title(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.title)


COLUMNS: tuple[CallColumn, ...] = (
    CallColumn("started", QT_TRANSLATE_NOOP("CallColumns", "Started"),
               lambda r: local_text(r.started_at)),
    CallColumn("customer", QT_TRANSLATE_NOOP("CallColumns", "Customer"),
               lambda r: r.customer_name),
    CallColumn("kind", QT_TRANSLATE_NOOP("CallColumns", "Kind"),
               lambda r: interaction_kind_label(r.kind)),
    CallColumn("direction", QT_TRANSLATE_NOOP("CallColumns", "Direction"),
               lambda r: direction_label(r.direction)),
    CallColumn("duration", QT_TRANSLATE_NOOP("CallColumns", "Minutes"),
               lambda r: duration_cell(r.duration_seconds)),
    CallColumn("outcome", QT_TRANSLATE_NOOP("CallColumns", "Outcome"), lambda r: r.outcome),
    CallColumn("summary", QT_TRANSLATE_NOOP("CallColumns", "Summary"),
               lambda r: first_line(r.summary), lambda r: r.summary.strip()),
    CallColumn("by", QT_TRANSLATE_NOOP("CallColumns", "Logged by"),
               lambda r: r.user_display_name),
)


def column_index(key: str) -> int:
    return next(i for i, c in enumerate(COLUMNS) if c.key == key)
