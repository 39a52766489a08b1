"""The department tree as an item model: name and head count, dragged to move.

A drop does not move the rows itself: it asks (`move_requested`) and the page lets the
service decide, then reads the tree again. So a refused move (a department dropped under its
own sub-department) leaves the tree as it was, with the service's reason shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel

from desktop_crm.services.org_views import DepartmentNode

MIME_TYPE = "application/x-desktop-crm-department"
DEPARTMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_TITLES = (QT_TRANSLATE_NOOP("DepartmentTreeModel", "Department"),
           QT_TRANSLATE_NOOP("DepartmentTreeModel", "People"))
_Index = QModelIndex | QPersistentModelIndex


class DepartmentTreeModel(QStandardItemModel):
    move_requested = Signal(str, object)  # department id, new parent id (None: top level)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.nodes: list[DepartmentNode] = []
        self._set_titles()

    def _set_titles(self) -> None:
        self.setHorizontalHeaderLabels(
            [QCoreApplication.translate("DepartmentTreeModel", t) for t in _TITLES])

    def set_tree(self, nodes: Sequence[DepartmentNode]) -> None:
        # rows only: clearing the columns too would drop the view's column sizing
        self.removeRows(0, self.rowCount())
        self.nodes = list(nodes)
        root = self.invisibleRootItem()
        for node in nodes:
            self._add(root, node)

    def _add(self, parent: QStandardItem, node: DepartmentNode) -> None:
        name = QStandardItem(node.name)
        name.setData(node.id, DEPARTMENT_ID_ROLE)
        name.setEditable(False)
        name.setDragEnabled(True)
        name.setDropEnabled(True)
        total = node.total_user_count
        count = QStandardItem(str(node.user_count) if total == node.user_count
                              else f"{node.user_count} ({total})")
        count.setToolTip(QCoreApplication.translate(
            "DepartmentTreeModel", "People in this department (and in all below it)"))
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        count.setEditable(False)
        count.setDragEnabled(False)
        count.setDropEnabled(True)
        parent.appendRow([name, count])
        for child in node.children:
            self._add(name, child)

    def index_of(self, department_id: str) -> QModelIndex:
        found = self.match(self.index(0, 0), DEPARTMENT_ID_ROLE, department_id, 1,
                           Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        return found[0] if found else QModelIndex()

    def department_id(self, index: _Index) -> str | None:
        if not index.isValid():
            return None
        return index.siblingAtColumn(0).data(DEPARTMENT_ID_ROLE)

    # --- drag and drop -------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        ids = [self.department_id(i) for i in indexes if i.column() == 0]
        if ids and ids[0]:
            data.setData(MIME_TYPE, QByteArray(ids[0].encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: _Index) -> bool:
        return data.hasFormat(MIME_TYPE) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: _Index) -> bool:
        """A department dropped on another (or on the empty area: the top level)."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        moved = bytes(data.data(MIME_TYPE).data()).decode()
        target = self.department_id(parent)
        current = self.department_id(self.index_of(moved).parent())
        if moved and target != current:
            self.move_requested.emit(moved, target)
        return False  # the rows stay until the service has moved the department
