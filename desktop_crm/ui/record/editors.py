"""Small editors of the record form: stored codes in a combo, tags with completion, an
optional date."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QWidget,
)

TAG_SEPARATOR = ", "


class CodeCombo(QComboBox):
    """A combo over stored codes, showing each one's label; `code()` is the stored value."""

    def __init__(self, codes: Iterable[str | None], label: Callable[[str], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code in codes:
            self.addItem(label(code) if code else self.tr("None"), code)

    def code(self) -> str | None:
        return self.currentData()

    def set_code(self, code: str | None) -> None:
        index = self.findData(code)
        if index < 0:  # a code this build does not know: show it rather than lose it
            self.addItem(code or "", code)
            index = self.count() - 1
        self.setCurrentIndex(index)


def split_tags(text: str) -> list[str]:
    """Tags typed as a comma list (Chinese commas too), blanks dropped."""
    parts = text.replace("，", ",").replace(";", ",").replace("；", ",").split(",")
    return [tag for part in parts if (tag := " ".join(part.split()))]


class _LastTagCompleter(QCompleter):
    """Completes the tag being typed (after the last comma), keeping the ones before it."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(QStringListModel(edit), edit)
        self._edit = edit
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def set_suggestions(self, tags: Sequence[str]) -> None:
        model = self.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(list(tags))

    def splitPath(self, path: str) -> list[str]:
        return [split_tags(path)[-1] if path.strip() and not path.rstrip().endswith(
            (",", "，")) else ""]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        typed = self._edit.text()
        cut = max(typed.rfind(","), typed.rfind("，"))
        before = split_tags(typed[:cut]) if cut >= 0 else []
        return TAG_SEPARATOR.join([*before, str(index.data())])


class TagsEdit(QLineEdit):
    """Tags as a comma list, completing from the tags already in use."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Tags, separated by commas"))
        self._completer = _LastTagCompleter(self)
        self.setCompleter(self._completer)

    def set_suggestions(self, tags: Sequence[str]) -> None:
        self._completer.set_suggestions(tags)

    def tags(self) -> list[str]:
        return split_tags(self.text())

    def set_tags(self, tags: Sequence[str]) -> None:
        self.setText(TAG_SEPARATOR.join(tags))


class OptionalDateEdit(QWidget):
    """A date picker that may also say "none" (the earliest date stands for it)."""

    edited = Signal()
    _NONE = QDate(1899, 12, 31)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(self._NONE)
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.date_edit.setSpecialValueText(self.tr("None"))
        self.date_edit.setDate(self._NONE)
        self.date_edit.userDateChanged.connect(lambda _d: self._changed())
        self.clear_button = QToolButton(self)
        self.clear_button.setText("×")
        self.clear_button.setToolTip(self.tr("No date"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(lambda: self.set_value(None, by_user=True))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.date_edit)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self._point_calendar_at_sensible_page()

    def value(self) -> date | None:
        chosen = self.date_edit.date()
        return None if chosen == self._NONE else chosen.toPython()

    def set_value(self, value: date | None, *, by_user: bool = False) -> None:
        self.date_edit.setDate(QDate(value) if value else self._NONE)
        self._point_calendar_at_sensible_page()
        if by_user:
            self.edited.emit()

    def set_read_only(self, read_only: bool) -> None:
        self.date_edit.setReadOnly(read_only)
        self.date_edit.setCalendarPopup(not read_only)
        self.clear_button.setVisible(not read_only)

    def _changed(self) -> None:
        self.clear_button.setEnabled(self.value() is not None)
        self.edited.emit()

    def _point_calendar_at_sensible_page(self) -> None:
        """Opened on "none", the calendar starts thirty years back, not in 1899."""
        self.clear_button.setEnabled(self.value() is not None)
        calendar = self.date_edit.calendarWidget()  # none while read-only
        if self.value() is None and calendar is not None:
            today = QDate.currentDate()
            calendar.setCurrentPage(today.year() - 30, today.month())
