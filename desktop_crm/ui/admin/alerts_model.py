"""The alerts table: newest first, a page at a time as the view scrolls (keyset by time).

Every answer carries the generation of the filters it was asked for; a late answer to old
filters is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from shiboken6 import isValid

from desktop_crm.services.alerts import AlertService, AlertView
from desktop_crm.ui.admin.alert_labels import alert_kind_colour, alert_kind_icon, alert_kind_label
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.labels import severity_label
from desktop_crm.ui.moments import local_text
from desktop_crm.ui.ops import Lane, Operations

PAGE_SIZE = 200
ALERT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class AlertQuery:
    kinds: tuple[str, ...] | None = None
    since: datetime | None = None
    until: datetime | None = None
    acknowledged: bool | None = None

    def as_filters(self) -> dict[str, Any]:
        return {"kinds": self.kinds, "since": self.since, "until": self.until,
                "acknowledged": self.acknowledged}


def _title(text: str) -> str:
    return QCoreApplication.translate("AlertTableModel", text)


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


class AlertTableModel(QAbstractTableModel):
    count_did_change = Signal(int)
    load_did_fail = Signal(str)

    def __init__(self, alerts: AlertService, ops: Operations,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._alerts = alerts
        self._ops = ops
        self._rows: list[AlertView] = []
        self._query = AlertQuery()
        self._generation = 0
        self._total = 0
        self._more = False
        self.loading = False
        self._fetching = False

    # --- loading --------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    def set_query(self, query: AlertQuery) -> None:
        self._query = query
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self.loading, self._fetching = True, False
        generation, filters, alerts = self._generation, self._query.as_filters(), self._alerts

        def load() -> tuple[int, list[AlertView]]:
            return alerts.count(**filters), alerts.list(limit=PAGE_SIZE, **filters)

        self._ops.run(load, lane=Lane.READ, context=self,
                      on_success=lambda answer: self._loaded(generation, *answer),
                      on_failure=lambda error: self._failed(generation, error))

    def _current(self, generation: int) -> bool:
        return isValid(self) and generation == self._generation

    def _loaded(self, generation: int, total: int, rows: list[AlertView]) -> None:
        if not self._current(generation):
            return
        self.loading = False
        self.beginResetModel()
        self._rows = rows
        self._total = max(total, len(rows))
        self._more = len(rows) == PAGE_SIZE
        self.endResetModel()
        self.count_did_change.emit(self._total)

    def _failed(self, generation: int, error: Exception) -> None:
        if self._current(generation):
            self.loading = self._fetching = False
            self.load_did_fail.emit(error_text(error))

    def canFetchMore(self, parent: _ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self.loading and not self._fetching

    def fetchMore(self, parent: _ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or not self._rows:
            return
        self._fetching = True
        generation, filters, alerts = self._generation, self._query.as_filters(), self._alerts
        before = self._rows[-1].position
        self._ops.run(lambda: alerts.list(limit=PAGE_SIZE, before=before, **filters),
                      lane=Lane.READ, context=self,
                      on_success=lambda rows: self._more_arrived(generation, rows),
                      on_failure=lambda error: self._failed(generation, error))

    def _more_arrived(self, generation: int, rows: list[AlertView]) -> None:
        if not self._current(generation):
            return
        self._fetching = False
        self._more = len(rows) == PAGE_SIZE
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    # --- QAbstractTableModel --------------------------------------------------------------------

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return _title(COLUMNS[section][1])
        return None

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _text(row, _KEYS[column])
        if role == Qt.ItemDataRole.ToolTipRole:
            return _text(row, _KEYS[column]) or None
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
        return self._rows[position] if 0 <= position < len(self._rows) else None

