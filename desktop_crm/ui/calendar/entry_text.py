"""The words one calendar entry shows: its time, its line in a day, its tooltip."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from desktop_crm.services.reminder_views import Entry
from desktop_crm.ui.calendar.kind_style import kind_label
from desktop_crm.ui.i18n import filled


def time_text(entry: Entry, zone: tzinfo) -> str:
    """"09:00" (its start on the wall clock of `zone`), or "All day"."""
    if entry.all_day:
        return QCoreApplication.translate("CalendarEntry", "All day")
    return entry.starts_at.astimezone(zone).strftime("%H:%M")


def line_text(entry: Entry, zone: tzinfo) -> str:
    """"09:00 Title" for a timed entry, the title alone for an all-day one."""
    if entry.all_day:
        return entry.title
    return f"{time_text(entry, zone)} {entry.title}"


def tooltip_text(entry: Entry, zone: tzinfo, *, show_owner: bool = False) -> str:
    """Everything about the entry in words, one fact a line (no colour needed)."""
    lines = [entry.title, f"{kind_label(entry.kind)} · {time_text(entry, zone)}"]
    if entry.ends_at is not None and not entry.all_day:
        lines[-1] += " – " + entry.ends_at.astimezone(zone).strftime("%H:%M")
    if entry.customer_name:
        lines.append(filled(QCoreApplication.translate("CalendarEntry", "Customer: %1"),
                            entry.customer_name))
    if show_owner and entry.owner_name:
        lines.append(filled(QCoreApplication.translate("CalendarEntry", "Owner: %1"),
                            entry.owner_name))
    if entry.recurring:
        lines.append(QCoreApplication.translate("CalendarEntry", "Repeats"))
    if entry.done_at is not None:
        lines.append(QCoreApplication.translate("CalendarEntry", "Done"))
    elif entry.snoozed_until is not None and entry.snoozed_until > entry.starts_at:
        lines.append(filled(QCoreApplication.translate("CalendarEntry", "Snoozed until %1"),
                            entry.snoozed_until.astimezone(zone).strftime("%Y-%m-%d %H:%M")))
    return "\n".join(lines)


def done_look(role: int, done: bool) -> QFont | QColor | None:
    """How a done entry reads in any list: struck through and greyed (None otherwise)."""
    if not done:
        return None
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setStrikeOut(True)
        return font
    if role == Qt.ItemDataRole.ForegroundRole:
        return QApplication.palette().color(QPalette.ColorGroup.Disabled,
                                            QPalette.ColorRole.Text)
    return None
