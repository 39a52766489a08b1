"""A dragged calendar entry as mime data: its reminder id and occurrence key, nothing else
(the drop finds the entry again in what the view loaded)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QMimeData

from desktop_crm.services.reminder_views import Entry
from desktop_crm.ui.calendar.day_summary import EntryKey, entry_key

ENTRY_MIME_TYPE = "application/x-desktop-crm-reminder-entry"


def entries_mime(entries: Sequence[Entry]) -> QMimeData:
    """Mime data naming `entries`; their titles as text for a drop outside the app."""
    data = QMimeData()
    keys = [list(entry_key(entry)) for entry in entries]
    data.setData(ENTRY_MIME_TYPE, json.dumps(keys).encode())
    data.setText("\n".join(entry.title for entry in entries))
    return data


def keys_from_mime(data: QMimeData | None) -> list[EntryKey]:
    """The entries the mime data names; none when it is not ours or not readable."""
    if data is None or not data.hasFormat(ENTRY_MIME_TYPE):
        return []
    try:
        raw = json.loads(bytes(data.data(ENTRY_MIME_TYPE).data()).decode())
    except (ValueError, UnicodeDecodeError):
        return []
    keys: list[EntryKey] = []
    for item in raw if isinstance(raw, list) else []:
        if (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)
                and (item[1] is None or isinstance(item[1], str))):
            keys.append((item[0], item[1]))
    return keys
