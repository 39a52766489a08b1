"""One list of a record tab: a small heading, the actions (wrapping onto a second line when
the pane is narrow), and the table, or a sentence in its place when there is nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.ui.feedback.columns_model import ColumnsModel
from desktop_crm.ui.flow_layout import FlowLayout
from desktop_crm.ui.widgets import TableOrEmpty, list_table


class ListSection(QWidget):
    def __init__(self, name: str, model: ColumnsModel[Any], parent: QWidget | None = None,
                 *, heading: str = "") -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Section")
        self.model = model
        self.heading = QLabel(heading, self)
        self.heading.setObjectName(f"{name}Heading")
        self.heading.setStyleSheet("font-weight: bold;")
        self.heading.setVisible(bool(heading))
        self.actions = FlowLayout(spacing=4)
        self.table = list_table(self, model, f"{name}Table")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        stretching = [i for i, c in enumerate(model.columns) if c.stretch]
        for column in stretching:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(not stretching)
        self.stack = TableOrEmpty(self.table, f"{name}Empty", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addLayout(self.actions)
        layout.addWidget(self.stack, 1)

    def add_button(self, name: str, text: str, tip: str,
                   slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        self.actions.addWidget(button)
        return button

    def show_rows(self, rows: Sequence[Any], empty_text: Callable[[], str]) -> None:
        """The rows, keeping the selected row selected when it is still listed."""
        kept = self.selected()
        self.model.set_rows(rows)
        self.stack.show_count(len(rows), empty_text)
        if kept is not None:
            self.select_where(lambda row: getattr(row, "id", None) == getattr(kept, "id", ""))

    def selected(self) -> Any:
        """The selected row, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_where(self, wanted: Callable[[Any], bool]) -> bool:
        for position, row in enumerate(self.model.rows):
            if wanted(row):
                self.table.selectRow(position)
                self.table.scrollTo(self.model.index(position, 0))
                return True
        return False

    def on_selection(self, slot: Callable[[], object]) -> None:
        self.table.selectionModel().selectionChanged.connect(lambda *_args: slot())
        self.model.modelReset.connect(lambda: slot())

    def on_activate(self, slot: Callable[[], object]) -> None:
        """A double-click or Enter on a row."""
        self.table.activated.connect(lambda _index: slot())
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
