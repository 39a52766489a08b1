"""Phones and e-mails as editable lists: one line per value, added and removed one by one.

Each value carries a link button (`tel:` or `mailto:`) that hands the address to the system's
handler through an injected opener, so a test can see what would have been opened. A masked
value gets no link: the app does not hold the real address to dial.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.ui.icons import icon

UrlOpener = Callable[[QUrl], object]
ListField = Literal["phones", "emails"]


class ListFieldEditor(QFrame):
    """The values of one list field; `values()` gives the non-empty ones, in order."""

    edited = Signal()

    def __init__(self, field: ListField, open_url: UrlOpener, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{field}Edit")
        self.field = field
        self._open_url = open_url
        self._editable = False
        self._linkable = False
        self._rows: list[_ValueRow] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(4)
        self.add_button = QPushButton(self._add_text(), self)
        self.add_button.setObjectName(f"{field}AddButton")
        self.add_button.setFlat(True)
        self.add_button.clicked.connect(lambda: self._add_row("", focus=True))
        add_line = QHBoxLayout()
        add_line.setContentsMargins(0, 0, 0, 0)
        add_line.addWidget(self.add_button)
        add_line.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(2)
        layout.addLayout(self._rows_layout)
        layout.addLayout(add_line)

    def _add_text(self) -> str:
        return self.tr("+ Add phone") if self.field == "phones" else self.tr("+ Add email")

    def set_values(self, values: Sequence[str], *, editable: bool, linkable: bool) -> None:
        """Show these values; `linkable` is False for masked values (nothing to dial)."""
        self._editable = editable
        self._linkable = linkable
        for row in self._rows:
            self._drop(row)
        self._rows = []
        for value in values:
            self._add_row(value)
        if editable and not values:
            self._add_row("")  # somewhere to type straight away
        self.add_button.setVisible(editable)

    def values(self) -> list[str]:
        return [text for row in self._rows if (text := row.edit.text().strip())]

    def line_edits(self) -> list[QLineEdit]:
        return [row.edit for row in self._rows]

    def link_buttons(self) -> list[QToolButton]:
        return [row.link for row in self._rows if not row.link.isHidden()]

    def _add_row(self, value: str, *, focus: bool = False) -> None:
        row = _ValueRow(self.field, value, editable=self._editable, linkable=self._linkable,
                        parent=self)
        row.edit.setObjectName(f"{self.field}Item{len(self._rows)}")
        row.edit.textEdited.connect(lambda _text: self.edited.emit())
        row.link.clicked.connect(lambda: self._open(row))
        row.remove.clicked.connect(lambda: self._remove(row))
        self._rows.append(row)
        self._rows_layout.addWidget(row)
        if focus:
            row.edit.setFocus()
            self.edited.emit()

    def _remove(self, row: _ValueRow) -> None:
        self._rows.remove(row)
        self._drop(row)
        if not self._rows:
            self._add_row("")
        self.edited.emit()

    def _drop(self, row: _ValueRow) -> None:
        self._rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()

    def _open(self, row: _ValueRow) -> None:
        value = row.edit.text().strip()
        if value:
            scheme = "tel" if self.field == "phones" else "mailto"
            self._open_url(QUrl(f"{scheme}:{value}"))


class _ValueRow(QWidget):
    def __init__(self, field: ListField, value: str, *, editable: bool, linkable: bool,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(value, self)
        self.edit.setReadOnly(not editable)
        self.edit.setClearButtonEnabled(editable)
        if field == "phones":
            self.edit.setPlaceholderText(self.tr("e.g. 138 1234 5678 or +1 415 555 0100"))
        else:
            self.edit.setPlaceholderText(self.tr("name@example.com"))
        self.link = QToolButton(self)
        self.link.setObjectName(f"{field}LinkButton")
        self.link.setIcon(icon("kind-call" if field == "phones" else "kind-email"))
        self.link.setToolTip(self.tr("Call this number") if field == "phones"
                             else self.tr("Write an email to this address"))
        self.link.setAutoRaise(True)
        self.link.setVisible(linkable and bool(value))
        self.remove = QToolButton(self)
        self.remove.setObjectName(f"{field}RemoveButton")
        self.remove.setText("×")
        self.remove.setToolTip(self.tr("Remove"))
        self.remove.setAutoRaise(True)
        self.remove.setVisible(editable)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.link)
        layout.addWidget(self.remove)
        if linkable and editable:
            self.edit.textChanged.connect(lambda text: self.link.setVisible(bool(text.strip())))
