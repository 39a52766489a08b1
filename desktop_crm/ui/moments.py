"""Moments between the services (aware UTC datetimes) and the screen (local QDateTime, text)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QLocale

# Year first and a 24-hour clock read the same in Chinese and English and never mislead
# about day and month order.
DATE_TIME_FORMAT = "yyyy-MM-dd HH:mm"


def to_qdatetime(moment: datetime) -> QDateTime:
    """The local date and time of an aware moment."""
    return QDateTime.fromMSecsSinceEpoch(round(moment.timestamp() * 1000))


def from_qdatetime(value: QDateTime) -> datetime:
    """The aware UTC moment a local QDateTime names (to the millisecond, as stored)."""
    millis = value.toMSecsSinceEpoch()
    return datetime.fromtimestamp(millis // 1000, UTC).replace(microsecond=millis % 1000 * 1000)


def local_text(moment: datetime) -> str:
    """2026-05-01 14:30 in this computer's zone (plain Python: list pages call it off the
    GUI thread, for every row)."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def local_date_text(moment: datetime) -> str:
    """The local date in the person's own short form (a status message, not a column)."""
    return QLocale().toString(to_qdatetime(moment).date(), QLocale.FormatType.LongFormat)
