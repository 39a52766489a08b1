"""How a reminder entry reads in a list, a banner or a tray message: when, what, for whom.

Plain functions over the service's Entry, in the person's language. A timed entry is shown on
the wall clock of the given zone (the app passes this computer's); an all-day one keeps its
own date (read with `Entry.day`, never converted).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_crm.services.reminder_views import Entry
from desktop_crm.ui.i18n import filled

_WEEKDAYS = (
    QT_TRANSLATE_NOOP("ReminderText", "Mon"),
    QT_TRANSLATE_NOOP("ReminderText", "Tue"),
    QT_TRANSLATE_NOOP("ReminderText", "Wed"),
    QT_TRANSLATE_NOOP("ReminderText", "Thu"),
    QT_TRANSLATE_NOOP("ReminderText", "Fri"),
    QT_TRANSLATE_NOOP("ReminderText", "Sat"),
    QT_TRANSLATE_NOOP("ReminderText", "Sun"),
)
WEEK_AHEAD = 6  # days after today that read as a weekday rather than a date


def weekday_name(day: date) -> str:
    return QCoreApplication.translate("ReminderText", _WEEKDAYS[day.weekday()])


def day_text(day: date, today: date) -> str:
    """"Today", "Tomorrow", "Yesterday", a weekday within the coming week, else 2026-05-03."""
    if day == today:
        return QCoreApplication.translate("ReminderText", "Today")
    if day == today + timedelta(days=1):
        return QCoreApplication.translate("ReminderText", "Tomorrow")
    if day == today - timedelta(days=1):
        return QCoreApplication.translate("ReminderText", "Yesterday")
    if today < day <= today + timedelta(days=WEEK_AHEAD):
        return weekday_name(day)
    return day.isoformat()


def clock_text(moment: datetime, zone: tzinfo) -> str:
    return moment.astimezone(zone).strftime("%H:%M")


def when_text(entry: Entry, today: date, zone: tzinfo) -> str:
    """When it is due, as short as is clear: "14:30" today, "Tomorrow 09:00", "Wed", a date."""
    day = entry.day(zone)
    if entry.all_day:
        all_day = QCoreApplication.translate("ReminderText", "All day")
        return all_day if day == today else day_text(day, today)
    if day == today:
        return clock_text(entry.starts_at, zone)
    return f"{day_text(day, today)} {clock_text(entry.starts_at, zone)}"


def caption(entry: Entry) -> str:
    """"Title — Customer", or the title alone when no customer is linked (or shown)."""
    if entry.customer_name:
        return f"{entry.title} — {entry.customer_name}"
    return entry.title


def due_line(entry: Entry) -> str:
    """The banner's line for one entry: "Due: Call about the quote — 张伟"."""
    return filled(QCoreApplication.translate("ReminderText", "Due: %1"), caption(entry))


def snoozed_text(entry: Entry, today: date, zone: tzinfo) -> str:
    """"Snoozed until 15:45" when snoozed past its start, else ""."""
    if entry.snoozed_until is None or entry.snoozed_until <= entry.starts_at:
        return ""
    until = entry.snoozed_until
    day = until.astimezone(zone).date()
    shown = clock_text(until, zone) if day == today else \
        f"{day_text(day, today)} {clock_text(until, zone)}"
    return filled(QCoreApplication.translate("ReminderText", "Snoozed until %1"), shown)
