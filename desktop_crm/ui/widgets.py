"""Small widgets the screens share: a field's inline error, a status message line, the
long lists' table (and the sentence standing in for it when empty) and the filter bars'
combos and date edits."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

ERROR_COLOUR = "#b3261e"  # readable on light and dark backgrounds
DATE_FORMAT = "yyyy-MM-dd"


class FieldErrorLabel(QLabel):
    """The message under a field; hidden while there is nothing to say."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_message("")


class MessageLabel(QLabel):
    """A one-line status under a form: an error in red, progress in the normal colour."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setMinimumHeight(self.fontMetrics().height() * 2)

    def show_error(self, text: str) -> None:
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.setText(text)

    def show_progress(self, text: str) -> None:
        self.setStyleSheet("")
        self.setText(text)

    def clear_message(self) -> None:
        self.setText("")


class QuietMessageLabel(MessageLabel):
    """A MessageLabel hidden while it has nothing to say."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(object_name, parent)
        self.setMinimumHeight(0)
        self.hide()

    def show_error(self, text: str) -> None:
        super().show_error(text)
        self.setVisible(bool(text))

    def show_progress(self, text: str) -> None:
        super().show_progress(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        super().clear_message()
        self.hide()


def dialog_buttons(
    parent: QWidget, *, accept_text: str, accept_name: str, reject_text: str
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """A dialog's accept (default) and reject buttons, named for the tests that press them."""
    buttons = QDialogButtonBox(parent)
    accept = QPushButton(accept_text, parent)
    accept.setObjectName(accept_name)
    accept.setDefault(True)
    reject = QPushButton(reject_text, parent)
    reject.setObjectName("cancelButton")
    buttons.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(reject, QDialogButtonBox.ButtonRole.RejectRole)
    return buttons, accept, reject


def field_with_message(parent: QWidget, field: QWidget | QHBoxLayout, name: str, *,
                       narrow: bool = False) -> tuple[QVBoxLayout, FieldErrorLabel]:
    """A form field with its message under it (named `<fieldName>Error` for the tests); the
    message takes room only when it speaks."""
    head, *rest = name.split("_")
    error = FieldErrorLabel(f"{head}{''.join(part.title() for part in rest)}Error", parent)
    error.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    column = QVBoxLayout()
    column.setSpacing(2)
    if isinstance(field, QWidget) and narrow:
        row = QHBoxLayout()  # a narrow field must not narrow its message
        row.addWidget(field)
        row.addStretch(1)
        column.addLayout(row)
    elif isinstance(field, QWidget):
        column.addWidget(field)
    else:
        column.addLayout(field)
    column.addWidget(error)
    return column, error


SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")


def entry_dialog_buttons(
    dialog: QDialog, *, accept_text: str, accept_name: str, save: Callable[[], None]
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """Save and Cancel for a dialog of text fields: Enter belongs to the fields (a summary
    takes several lines), so nothing is a default button and Ctrl+Enter saves."""
    buttons, save_button, cancel_button = dialog_buttons(
        dialog, accept_text=accept_text, accept_name=accept_name,
        reject_text=QCoreApplication.translate("EntryDialog", "Cancel"))
    save_button.setDefault(False)
    save_button.setAutoDefault(False)
    cancel_button.setAutoDefault(False)
    save_button.clicked.connect(save)
    cancel_button.clicked.connect(dialog.reject)
    for keys in SAVE_KEYS:
        shortcut = QShortcut(QKeySequence(keys), dialog)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(save)
    return buttons, save_button, cancel_button


def list_table(parent: QWidget, model: QAbstractItemModel, object_name: str) -> QTableView:
    """A table over a long list: whole rows selected, one line per row, rows of one height
    (the view never measures a million rows), columns the person may reorder."""
    table = QTableView(parent)
    table.setObjectName(object_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionsMovable(True)
    header.setHighlightSections(False)
    return table


class TableOrEmpty(QStackedWidget):
    """A list's table, or in its place a sentence saying why nothing is listed."""

    def __init__(self, table: QTableView, empty_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName(empty_name)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.addWidget(table)
        self.addWidget(self.empty_label)

    def show_count(self, total: int, empty_text: Callable[[], str]) -> None:
        """The table while anything is listed; else the sentence `empty_text` gives."""
        self.setCurrentWidget(self.table if total else self.empty_label)
        if not total:
            self.empty_label.setText(empty_text())


def filter_combo(parent: QWidget, object_name: str, tip: str) -> QComboBox:
    """One filter of a filter bar: as wide as its longest choice, named for screen readers."""
    combo = QComboBox(parent)
    combo.setObjectName(object_name)
    combo.setToolTip(tip)
    combo.setAccessibleName(tip)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.setMaxVisibleItems(20)
    return combo


def filter_date_edit(parent: QWidget, object_name: str, tip: str) -> QDateEdit:
    """One end of a filter's range of days, picked from a calendar, named for screen readers."""
    edit = QDateEdit(parent)
    edit.setObjectName(object_name)
    edit.setToolTip(tip)
    edit.setAccessibleName(tip)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    return edit


def fill_combo(combo: QComboBox, anything: str | None,
               items: Sequence[tuple[Any, str]]) -> bool:
    """Replace a filter's choices, keeping the chosen value when it is still offered; with
    `anything`, the first entry means "any" (None). True when the choice had to change."""
    combo.blockSignals(True)
    kept = combo.currentData()
    combo.clear()
    if anything is not None:
        combo.addItem(anything, None)
    for value, label in items:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(combo.findData(kept), 0))
    combo.blockSignals(False)
    return combo.currentData() != kept
