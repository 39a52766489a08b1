"""The audit log table: newest first, read a keyset page (by seq) at a time.

A search whose filters have no index answers after a bounded stretch of the log, saying
where it stopped; while a page came back short, the model carries on by itself (each call
is short), so rare matches still fill the screen and the page can say how far back it has
looked. Holding stops at ROWS_HELD_MAX: narrowing the filters reaches older events.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal

from desktop_crm.services.audit_log import AuditEntry, AuditLogService, AuditPage
from desktop_crm.ui.moments import local_text
from desktop_crm.ui.ops import Operations
from desktop_crm.ui.table_models import RIGHT_ALIGNED, KeysetPage, KeysetTableModel

PAGE_SIZE = 200
ROWS_HELD_MAX = 10_000


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


class AuditTableModel(KeysetTableModel[AuditEntry]):
    # rows held, whether the search is still reading, the oldest seq looked at (None: the end)
    progress_did_change = Signal(int, bool, object)
    title_context = "AuditTableModel"
    titles = tuple(title for _, title in COLUMNS)
    rows_held_max = ROWS_HELD_MAX

    def __init__(self, audit: AuditLogService, ops: Operations,
                 parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self._audit = audit
        self._query = AuditQuery()

    @property
    def query(self) -> AuditQuery:
        return self._query

    @property
    def searching(self) -> bool:
        return self.reading

    def set_query(self, query: AuditQuery) -> None:
        self._query = query
        self.reload()

    def reload(self) -> None:
        super().reload()
        self.progress_did_change.emit(len(self._rows), True, None)

    def first_page_work(self) -> Callable[[], AuditPage]:
        return self.next_page_work(None)

    def next_page_work(self, cursor: Any) -> Callable[[], AuditPage]:
        filters, audit = self._query.as_filters(), self._audit
        if cursor is None:
            return lambda: audit.search(limit=PAGE_SIZE, **filters)
        return lambda: audit.search(limit=PAGE_SIZE, before_seq=cursor, **filters)

    def first_page(self, answer: AuditPage) -> KeysetPage[AuditEntry]:
        return self.next_page(answer)

    def next_page(self, answer: AuditPage) -> KeysetPage[AuditEntry]:
        return KeysetPage(answer.rows, answer.next_before_seq)

    def page_did_arrive(self, answer: AuditPage, first: bool) -> None:
        """Carry on while a bounded search came back short; then say where it stands."""
        keep_going = len(answer.rows) < PAGE_SIZE and self.canFetchMore()
        self.progress_did_change.emit(len(self._rows), keep_going,
                                      answer.searched_to_seq if keep_going else None)
        if keep_going:
            self.fetchMore()

    def read_did_fail(self, error: Exception) -> None:
        super().read_did_fail(error)
        self.progress_did_change.emit(len(self._rows), False, None)

    # --- cells ----------------------------------------------------------------------------------

    def cell_text(self, row: AuditEntry, column: int) -> str:
        return _text(row, _KEYS[column])

    def cell_data(self, row: AuditEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == _SEQ:
            return RIGHT_ALIGNED
        return None

    def entry_at(self, position: int) -> AuditEntry | None:
        return self._held(position)
