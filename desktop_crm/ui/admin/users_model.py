"""The admin's user table: one row per user, filtered by what the admin types."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QSortFilterProxyModel,
    Qt,
)

from desktop_crm.services.org_views import UserListRow
from desktop_crm.ui.labels import role_title
from desktop_crm.ui.moments import local_text
from desktop_crm.ui.table_models import RIGHT_ALIGNED, RowTableModel

COLUMNS = ("username", "display_name", "department", "superior", "roles", "status",
           "last_sign_in", "devices")
_TITLES = {
    "username": QT_TRANSLATE_NOOP("UsersTableModel", "Sign-in name"),
    "display_name": QT_TRANSLATE_NOOP("UsersTableModel", "Display name"),
    "department": QT_TRANSLATE_NOOP("UsersTableModel", "Department"),
    "superior": QT_TRANSLATE_NOOP("UsersTableModel", "Reports to"),
    "roles": QT_TRANSLATE_NOOP("UsersTableModel", "Roles"),
    "status": QT_TRANSLATE_NOOP("UsersTableModel", "Status"),
    "last_sign_in": QT_TRANSLATE_NOOP("UsersTableModel", "Last sign-in"),
    "devices": QT_TRANSLATE_NOOP("UsersTableModel", "Remembered devices"),
}
# labels.py has no user status yet (see the report): the three states, translated here
_STATUS = {
    "active": QT_TRANSLATE_NOOP("UsersTableModel", "Active"),
    "suspended": QT_TRANSLATE_NOOP("UsersTableModel", "Suspended"),
    "departed": QT_TRANSLATE_NOOP("UsersTableModel", "Departed"),
}
USER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("UsersTableModel", text)


def status_text(status: str) -> str:
    source = _STATUS.get(status)
    return _tr(source) if source else status


class _ShownUser(NamedTuple):
    """A user's row and its cells' texts, made once: the filter reads every cell often."""

    row: UserListRow
    texts: tuple[str, ...]


class UsersTableModel(RowTableModel[_ShownUser]):
    title_context = "UsersTableModel"
    titles = tuple(_TITLES[key] for key in COLUMNS)

    def set_rows(self, rows: Sequence[UserListRow]) -> None:
        self.beginResetModel()
        self._rows = [_ShownUser(row, self._row_texts(row)) for row in rows]
        self.endResetModel()

    def row_at(self, row: int) -> UserListRow:
        return self._rows[row].row

    def row_of(self, user_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.row.user.id == user_id), -1)

    def cell_text(self, row: _ShownUser, column: int) -> str:
        return row.texts[column]

    def cell_tooltip(self, row: _ShownUser, column: int) -> str | None:
        if COLUMNS[column] == "devices":
            return QCoreApplication.translate(
                "UsersTableModel", "Devices that sign this user in without a password")
        return None

    def cell_data(self, row: _ShownUser, column: int, role: int) -> Any:
        if role == USER_ID_ROLE:
            return row.row.user.id
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[column] == "devices":
            return RIGHT_ALIGNED
        return None

    def _row_texts(self, row: UserListRow) -> tuple[str, ...]:
        user = row.user
        return (
            user.username,
            user.display_name,
            row.department_name,
            row.superior_name,
            ", ".join(role_title(r) for r in user.roles),
            status_text(user.status),
            local_text(row.last_sign_in) if row.last_sign_in
            else QCoreApplication.translate("UsersTableModel", "never"),
            str(row.remembered_devices),
        )


class UsersFilterModel(QSortFilterProxyModel):
    """Keeps the rows where any column holds the typed text (case ignored)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
