"""The admin's user table: one row per user, filtered by what the admin types."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop_crm.services.org_views import UserListRow
from desktop_crm.ui.labels import role_title
from desktop_crm.ui.moments import local_text

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
_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("UsersTableModel", text)


def status_text(status: str) -> str:
    source = _STATUS.get(status)
    return _tr(source) if source else status


class UsersTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[UserListRow] = []
        self._texts: list[tuple[str, ...]] = []

    def set_rows(self, rows: Sequence[UserListRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = [self._row_texts(row) for row in self._rows]
        self.endResetModel()

    def row_at(self, row: int) -> UserListRow:
        return self._rows[row]

    def row_of(self, user_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.user.id == user_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(_TITLES[COLUMNS[section]])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][index.column()]
        if role == USER_ID_ROLE:
            return self._rows[index.row()].user.id
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[index.column()] == "devices":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[index.column()] == "devices":
            return QCoreApplication.translate(
                "UsersTableModel", "Devices that sign this user in without a password")
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
