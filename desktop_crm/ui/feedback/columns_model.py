"""A table over a few held rows, its columns declared once: title, text, and optionally a
tooltip, right alignment (amounts), a colour and bold for a row that needs attention."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont

from desktop_crm.ui.table_models import RIGHT_ALIGNED, RowTableModel

RowT = TypeVar("RowT")


@dataclass(frozen=True)
class Column(Generic[RowT]):
    title: str  # English source text, translated in the model's context
    text: Callable[[RowT], str]
    tooltip: Callable[[RowT], str] | None = None  # None: the cell's own text
    right: bool = False
    colour: Callable[[RowT], QColor | None] | None = None
    bold: Callable[[RowT], bool] | None = None
    stretch: bool = False  # takes the width left over (a summary, a comment)


def local_day(moment: datetime) -> str:
    """The local date of a moment (a list's column; the time is in its tooltip)."""
    return moment.astimezone().date().isoformat()


class ColumnsModel(RowTableModel[RowT]):
    def __init__(self, context: str, columns: Sequence[Column[RowT]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title_context = context  # type: ignore[misc]
        self.titles = tuple(c.title for c in columns)  # type: ignore[misc]
        self.columns = tuple(columns)

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    @property
    def rows(self) -> list[RowT]:
        return list(self._rows)

    def row_at(self, position: int) -> RowT | None:
        return self._held(position)

    def cell_text(self, row: RowT, column: int) -> str:
        return self.columns[column].text(row)

    def cell_tooltip(self, row: RowT, column: int) -> str | None:
        tip = self.columns[column].tooltip
        return (tip(row) if tip else self.cell_text(row, column)) or None

    def cell_data(self, row: RowT, column: int, role: int) -> Any:
        spec = self.columns[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.right:
            return RIGHT_ALIGNED
        if role == Qt.ItemDataRole.ForegroundRole and spec.colour is not None:
            return spec.colour(row)
        if role == Qt.ItemDataRole.FontRole and spec.bold is not None and spec.bold(row):
            font = QFont()
            font.setBold(True)
            return font
        return None
