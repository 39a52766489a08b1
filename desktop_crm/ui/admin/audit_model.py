"""The audit log table: newest first, read a keyset page (by seq) at a time.

A search whose filters have no index answers after a bounded stretch of the log, saying
where it stopped; while a page came back short, the model carries on by itself (each call
is short), so rare matches still fill the screen and the page can say how far back it has
looked. Holding stops at ROWS_HELD_MAX: narrowing the filters reaches older events.
"""

from __future__ import annotations

import json
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
from shiboken6 import isValid

from desktop_crm.services.audit_log import AuditEntry, AuditLogService, AuditPage
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.moments import local_text
from desktop_crm.ui.ops import Lane, Operations

PAGE_SIZE = 200
ROWS_HELD_MAX = 10_000
_ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class AuditQuery:
    actor_id: str | None = None
    action: str | None = None  # a prefix
    entity: str | None = None
    text: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    def as_filters(self) -> dict[str, Any]:
        return {"actor_id": self.actor_id, "action": self.action, "entity": self.entity,
                "text": self.text, "since": self.since, "until": self.until}

    def narrowed(self) -> bool:
        return any(value for value in self.as_filters().values())


COLUMNS = (
    ("seq", QT_TRANSLATE_NOOP("AuditTableModel", "#")),
    ("at", QT_TRANSLATE_NOOP("AuditTableModel", "Time")),
    ("actor", QT_TRANSLATE_NOOP("AuditTableModel", "Who")),
    ("action", QT_TRANSLATE_NOOP("AuditTableModel", "Action")),
    ("entity", QT_TRANSLATE_NOOP("AuditTableModel", "Record")),
    ("entity_id", QT_TRANSLATE_NOOP("AuditTableModel", "Record id")),
    ("detail", QT_TRANSLATE_NOOP("AuditTableModel", "Details")),
)
_KEYS = [key for key, _ in COLUMNS]
_SEQ = _KEYS.index("seq")


def detail_text(entry: AuditEntry) -> str:
    """The details on one line, as stored (names and notes in their own language)."""
    if not entry.detail:
        return ""
    return json.dumps(entry.detail, ensure_ascii=False, sort_keys=True, default=str)[1:-1]


def _text(row: AuditEntry, key: str) -> str:
    match key:
        case "seq":
            return str(row.seq)
        case "at":
            return local_text(row.at)
        case "actor":
            return row.actor_name or (row.actor_id or "")
        case "action":
            return row.action
        case "entity":
            return row.entity
        case "entity_id":
            return row.entity_id
        case "detail":
            return detail_text(row)
    return ""


class AuditTableModel(QAbstractTableModel):
    # rows held, whether the search is still reading, the oldest seq looked at (None: the end)
    progress_did_change = Signal(int, bool, object)
    load_did_fail = Signal(str)

    def __init__(self, audit: AuditLogService, ops: Operations,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._audit = audit
        self._ops = ops
        self._rows: list[AuditEntry] = []
        self._query = AuditQuery()
        self._generation = 0
        self._next_before: int | None = None
        self.loading = False
        self._fetching = False

    @property
    def query(self) -> AuditQuery:
        return self._query

    @property
    def searching(self) -> bool:
        return self.loading or self._fetching

    def set_query(self, query: AuditQuery) -> None:
        self._query = query
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self.loading, self._fetching = True, False
        generation, filters, audit = self._generation, self._query.as_filters(), self._audit
        self.progress_did_change.emit(len(self._rows), True, None)
        self._ops.run(lambda: audit.search(limit=PAGE_SIZE, **filters), lane=Lane.READ,
                      context=self,
                      on_success=lambda page: self._loaded(generation, page),
                      on_failure=lambda error: self._failed(generation, error))

    def _current(self, generation: int) -> bool:
        return isValid(self) and generation == self._generation

    def _loaded(self, generation: int, page: AuditPage) -> None:
        if not self._current(generation):
            return
        self.loading = False
        self.beginResetModel()
        self._rows = list(page.rows)
        self._next_before = page.next_before_seq
        self.endResetModel()
        self._after_page(page)

    def _failed(self, generation: int, error: Exception) -> None:
        if self._current(generation):
            self.loading = self._fetching = False
            self.load_did_fail.emit(error_text(error))
            self.progress_did_change.emit(len(self._rows), False, None)

    def canFetchMore(self, parent: _ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return (not parent.isValid() and self._next_before is not None and not self.searching
                and len(self._rows) < ROWS_HELD_MAX)

    def fetchMore(self, parent: _ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation, filters, audit = self._generation, self._query.as_filters(), self._audit
        before = self._next_before
        self._ops.run(lambda: audit.search(limit=PAGE_SIZE, before_seq=before, **filters),
                      lane=Lane.READ, context=self,
                      on_success=lambda page: self._more_arrived(generation, page),
                      on_failure=lambda error: self._failed(generation, error))

    def _more_arrived(self, generation: int, page: AuditPage) -> None:
        if not self._current(generation):
            return
        self._fetching = False
        self._next_before = page.next_before_seq
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self._after_page(page)

    def _after_page(self, page: AuditPage) -> None:
        """Carry on while a bounded search came back short; then say where it stands."""
        keep_going = len(page.rows) < PAGE_SIZE and self.canFetchMore()
        self.progress_did_change.emit(len(self._rows), keep_going,
                                      page.searched_to_seq if keep_going else None)
        if keep_going:
            self.fetchMore()

    # --- QAbstractTableModel --------------------------------------------------------------------

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("AuditTableModel", COLUMNS[section][1])
        return None

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _text(row, _KEYS[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole:
            return _text(row, _KEYS[index.column()]) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == _SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def entry_at(self, position: int) -> AuditEntry | None:
        return self._rows[position] if 0 <= position < len(self._rows) else None
