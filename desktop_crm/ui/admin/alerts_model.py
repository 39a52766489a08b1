"""The alerts table: newest first, a page at a time as the view scrolls (keyset by time).

Every answer carries the generation of the filters it was asked for; a late answer to old
filters is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtGui import QFont

from desktop_crm.services.alerts import AlertService, AlertView
from desktop_crm.ui.admin.alert_labels import alert_kind_colour, alert_kind_icon, alert_kind_label
from desktop_crm.ui.labels import severity_label
from desktop_crm.ui.moments import local_text
from desktop_crm.ui.ops import Operations
from desktop_crm.ui.table_models import KeysetPage, KeysetTableModel

PAGE_SIZE = 200
ALERT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class AlertQuery:
    kinds: tuple[str, ...] | None = None
    since: datetime | None = None
    until: datetime | None = None
    acknowledged: bool | None = None

    def as_filters(self) -> dict[str, Any]:
        return {"kinds": self.kinds, "since": self.since, "until": self.until,
                "acknowledged": self.acknowledged}


# (key, English title) in column order; titles are translated when shown
COLUMNS = (
    ("at", QT_TRANSLATE_NOOP("AlertTableModel", "Time")),
    ("kind", QT_TRANSLATE_NOOP("AlertTableModel", "Kind")),
    ("severity", QT_TRANSLATE_NOOP("AlertTableModel", "Severity")),
    ("message", QT_TRANSLATE_NOOP("AlertTableModel", "What happened")),
    ("actor", QT_TRANSLATE_NOOP("AlertTableModel", "Caused by")),
    ("acknowledged_by", QT_TRANSLATE_NOOP("AlertTableModel", "Acknowledged by")),
    ("acknowledged_at", QT_TRANSLATE_NOOP("AlertTableModel", "Acknowledged at")),
    ("note", QT_TRANSLATE_NOOP("AlertTableModel", "Note")),
)
_KEYS = [key for key, _ in COLUMNS]
_KIND = _KEYS.index("kind")
_SEVERITY = _KEYS.index("severity")
_SERIOUS = ("high", "critical")


def _text(row: AlertView, key: str) -> str:
    match key:
        case "at":
            return local_text(row.at)
        case "kind":
            return alert_kind_label(row.kind)
        case "severity":
            return severity_label(row.severity)
        case "message":
            return row.message
        case "actor":
            return row.actor_name
        case "acknowledged_by":
            return row.acknowledged_by_name
        case "acknowledged_at":
            return local_text(row.acknowledged_at) if row.acknowledged_at else ""
        case "note":
            return row.acknowledged_note
    return ""


class AlertTableModel(KeysetTableModel[AlertView]):
    count_did_change = Signal(int)
    title_context = "AlertTableModel"
    titles = tuple(title for _, title in COLUMNS)

    def __init__(self, alerts: AlertService, ops: Operations,
                 parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self._alerts = alerts
        self._query = AlertQuery()
        self._total = 0

    # --- loading --------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    @property
    def loading(self) -> bool:
        return self._first_page_loading

    def set_query(self, query: AlertQuery) -> None:
        self._query = query
        self.reload()

    def first_page_work(self) -> Callable[[], tuple[int, list[AlertView]]]:
        filters, alerts = self._query.as_filters(), self._alerts
        return lambda: (alerts.count(**filters), alerts.list(limit=PAGE_SIZE, **filters))

    def next_page_work(self, cursor: Any) -> Callable[[], list[AlertView]]:
        filters, alerts = self._query.as_filters(), self._alerts
        return lambda: alerts.list(limit=PAGE_SIZE, before=cursor, **filters)

    def first_page(self, answer: tuple[int, list[AlertView]]) -> KeysetPage[AlertView]:
        total, rows = answer
        self._total = max(total, len(rows))
        return self.next_page(rows)

    def next_page(self, answer: list[AlertView]) -> KeysetPage[AlertView]:
        # a full page may have more behind it, read from the last one's place
        more = len(answer) == PAGE_SIZE
        return KeysetPage(answer, answer[-1].position if more else None)

    def page_did_arrive(self, answer: Any, first: bool) -> None:
        if first:
            self.count_did_change.emit(self._total)

    # --- cells ----------------------------------------------------------------------------------

    def cell_text(self, row: AlertView, column: int) -> str:
        return _text(row, _KEYS[column])

    def cell_data(self, row: AlertView, column: int, role: int) -> Any:
        if role == ALERT_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DecorationRole and column == _KIND:
            return alert_kind_icon(row.kind)
        if role == Qt.ItemDataRole.ForegroundRole and column == _KIND:
            return alert_kind_colour(row.kind)
        if role == Qt.ItemDataRole.FontRole and not row.acknowledged and (
                column == _KIND or (column == _SEVERITY and row.severity in _SERIOUS)):
            font = QFont()
            font.setBold(True)  # what still needs someone's attention stands out
            return font
        return None

    def alert_at(self, position: int) -> AlertView | None:
        return self._held(position)
