"""The record form: one editor per field the user may see, read-only where they may not
change it, a Reveal button beside a masked value they may reveal, and the service's
validation message under the field it concerns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.enums import CustomerKind, LifecycleStage, Tier
from desktop_crm.ui.labels import kind_label, stage_label, tier_label
from desktop_crm.ui.record.editors import CodeCombo, OptionalDateEdit, TagsEdit
from desktop_crm.ui.record.form_state import FORM_FIELDS, FormState
from desktop_crm.ui.record.list_editor import ListFieldEditor, UrlOpener
from desktop_crm.ui.widgets import ERROR_COLOUR, FieldErrorLabel

_TEXT_LIMITS = {"name": 200, "company": 200, "title": 200, "city": 200, "region": 200,
                "source": 200, "address": 500, "country": 2}
_UNBOUNDED = 16_777_215  # Qt's QWIDGETSIZE_MAX
# An invalid field is outlined in the error colour (the `invalid` property is set on it).
_INVALID_STYLE = (
    "QLineEdit[invalid=\"true\"], QPlainTextEdit[invalid=\"true\"], "
    "QComboBox[invalid=\"true\"], QDateEdit[invalid=\"true\"], "
    "ListFieldEditor[invalid=\"true\"] "
    f"{{ border: 1px solid {ERROR_COLOUR}; border-radius: 3px; }}"
    # a value the user may not change reads as text, not as a box waiting for input
    "QLineEdit[readOnly=\"true\"], QPlainTextEdit[readOnly=\"true\"] "
    "{ border: 1px solid transparent; background: transparent; }"
)


class CustomerForm(QWidget):
    edited = Signal()
    reveal_requested = Signal(str)  # field

    def __init__(self, open_url: UrlOpener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerForm")
        self.setStyleSheet(_INVALID_STYLE)
        self._state: FormState | None = None
        self._editors: dict[str, QWidget] = {}
        self._rows: dict[str, _FieldRow] = {}
        self._layout = QFormLayout(self)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._sections: list[tuple[QLabel, tuple[str, ...]]] = []
        labels = self._field_labels()
        for title, names in self._section_titles():
            header = QLabel(title, self)
            header.setObjectName("formSectionLabel")
            header.setStyleSheet("font-weight: bold; padding-top: 8px;")
            self._layout.addRow(header)
            self._sections.append((header, names))
            for name in names:
                editor = self._make_editor(name, open_url)
                editor.setAccessibleName(labels[name])
                row = _FieldRow(name, editor, self)
                row.reveal_button.clicked.connect(lambda _=False, n=name: self.reveal_requested
                                                  .emit(n))
                self._editors[name] = editor
                self._rows[name] = row
                if name == "notes":
                    self._layout.addRow(row)  # under its section heading, the full width
                else:
                    self._layout.addRow(labels[name], row)

    # --- building -----------------------------------------------------------------------------

    def _section_titles(self) -> list[tuple[str, tuple[str, ...]]]:
        return [
            (self.tr("Contact"), ("kind", "name", "company", "title", "phones", "emails")),
            (self.tr("Sales"), ("lifecycle_stage", "tier", "tags", "source", "birthday")),
            (self.tr("Address"), ("address", "city", "region", "country")),
            (self.tr("Notes"), ("notes",)),
        ]

    def _field_labels(self) -> dict[str, str]:
        return {
            "kind": self.tr("Kind"), "name": self.tr("Name"), "company": self.tr("Company"),
            "title": self.tr("Job title"), "phones": self.tr("Phones"),
            "emails": self.tr("Emails"), "lifecycle_stage": self.tr("Stage"),
            "tier": self.tr("Tier"), "tags": self.tr("Tags"), "source": self.tr("Source"),
            "birthday": self.tr("Birthday"), "address": self.tr("Address"),
            "city": self.tr("City"), "region": self.tr("Region"),
            "country": self.tr("Country code"), "notes": self.tr("Notes"),
        }

    def _make_editor(self, name: str, open_url: UrlOpener) -> QWidget:
        editor: QWidget
        if name in ("phones", "emails"):
            editor = ListFieldEditor(name, open_url, self)  # type: ignore[arg-type]
            editor.edited.connect(self.edited)
        elif name == "kind":
            editor = CodeCombo(CustomerKind, kind_label, self)
        elif name == "lifecycle_stage":
            editor = CodeCombo(LifecycleStage, stage_label, self)
        elif name == "tier":
            editor = CodeCombo([None, *Tier], tier_label, self)
        elif name == "tags":
            editor = TagsEdit(self)
        elif name == "birthday":
            editor = OptionalDateEdit(self)
            editor.edited.connect(self.edited)
        elif name == "notes":
            editor = QPlainTextEdit(self)
            editor.setTabChangesFocus(True)
            lines = editor.fontMetrics().lineSpacing()
            editor.setMinimumHeight(lines * 5)
            editor.setMaximumHeight(lines * 12)
            editor.textChanged.connect(self.edited)
        else:
            editor = QLineEdit(self)
            editor.setMaxLength(_TEXT_LIMITS[name])
            if name == "country":
                editor.setPlaceholderText(self.tr("e.g. CN"))
                editor.setMaximumWidth(editor.fontMetrics().averageCharWidth() * 8)
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda _text: self.edited.emit())
        if isinstance(editor, QComboBox):
            editor.activated.connect(lambda _index: self.edited.emit())
        if name not in ("phones", "emails"):
            editor.setObjectName(f"{name}Edit")
        return editor

    # --- showing ------------------------------------------------------------------------------

    def load(self, state: FormState, revealed: Mapping[str, Sequence[str]]) -> None:
        """Show these values under these rules; `revealed` values replace their masks."""
        self._state = state
        self.clear_errors()
        for name in FORM_FIELDS:
            shown = name not in state.hidden
            self._layout.setRowVisible(self._rows[name], shown)
            editable = name in state.editable
            value = revealed.get(name, state.values[name])
            self._write(name, value, editable=editable,
                        linkable=name not in state.masked or name in revealed)
            self._rows[name].reveal_button.setVisible(
                name in state.revealable and name not in revealed)
        for header, names in self._sections:
            header.setVisible(any(n not in state.hidden for n in names))

    def show_revealed(self, name: str, values: Sequence[str]) -> None:
        """The real value of a masked field, for this view only (still read-only)."""
        self._write(name, values, editable=False, linkable=True)
        self._rows[name].reveal_button.hide()

    def set_tag_suggestions(self, tags: Sequence[str]) -> None:
        editor = self._editors["tags"]
        assert isinstance(editor, TagsEdit)
        editor.set_suggestions(tags)

    def editor(self, name: str) -> QWidget:
        return self._editors[name]

    def reveal_button(self, name: str) -> QPushButton:
        return self._rows[name].reveal_button

    def focus_first_editable(self) -> None:
        for name in FORM_FIELDS:
            if self._state and name in self._state.editable and name not in self._state.hidden:
                self._editors[name].setFocus(Qt.FocusReason.OtherFocusReason)
                return

    # --- reading ------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The editable fields as the editors hold them now."""
        if self._state is None:
            return {}
        return {name: self._read(name) for name in FORM_FIELDS
                if name in self._state.editable and name not in self._state.hidden}

    def changes(self) -> dict[str, Any]:
        """The editable fields whose value differs from the one loaded."""
        if self._state is None:
            return {}
        original = self._state.values
        return {name: value for name, value in self.values().items()
                if _comparable(value) != _comparable(original[name])}

    # --- errors -------------------------------------------------------------------------------

    def show_error(self, name: str, text: str) -> bool:
        """Show a message under the field; False when the form has no such visible field."""
        row = self._rows.get(name)
        if row is None or row.isHidden():
            return False
        row.set_error(text)
        self._editors[name].setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def clear_errors(self) -> None:
        for row in self._rows.values():
            row.set_error("")

    def error_text(self, name: str) -> str:
        row = self._rows[name]
        return row.error.text() if row.error.isVisibleTo(self) else ""

    # --- editor plumbing ----------------------------------------------------------------------

    def _write(self, name: str, value: Any, *, editable: bool, linkable: bool) -> None:
        editor = self._editors[name]
        self._show_value(editor, value, editable=editable, linkable=linkable)
        for widget in [editor, *editor.findChildren(QLineEdit)]:
            _repolish(widget)  # the read-only look follows the property

    def _show_value(self, editor: QWidget, value: Any, *, editable: bool, linkable: bool
                    ) -> None:
        if isinstance(editor, ListFieldEditor):
            editor.set_values(list(value or ()), editable=editable, linkable=linkable)
        elif isinstance(editor, CodeCombo):
            editor.set_code(value)
            editor.setEnabled(editable)
        elif isinstance(editor, TagsEdit):
            editor.set_tags(list(value or ()))
            editor.setReadOnly(not editable)
        elif isinstance(editor, OptionalDateEdit):
            editor.set_value(value)
            editor.set_read_only(not editable)
        elif isinstance(editor, QPlainTextEdit):
            editor.blockSignals(True)
            editor.setPlainText(value or "")
            editor.blockSignals(False)
            editor.setReadOnly(not editable)
        elif isinstance(editor, QLineEdit):
            editor.setText(value or "")
            editor.setReadOnly(not editable)

    def _read(self, name: str) -> Any:
        editor = self._editors[name]
        if isinstance(editor, ListFieldEditor):
            return editor.values()
        if isinstance(editor, CodeCombo):
            return editor.code()
        if isinstance(editor, TagsEdit):
            return editor.tags()
        if isinstance(editor, OptionalDateEdit):
            return editor.value()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText().strip()
        assert isinstance(editor, QLineEdit)
        return editor.text().strip()


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _comparable(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(value)
    if isinstance(value, str):
        return value.strip()
    return value


class _FieldRow(QWidget):
    """An editor, the Reveal button beside it when it may be revealed, the error under it."""

    def __init__(self, name: str, editor: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self._outlined = editor.date_edit if isinstance(editor, OptionalDateEdit) else editor
        self.reveal_button = QPushButton(self.tr("Reveal"), self)
        self.reveal_button.setObjectName(f"{name}RevealButton")
        self.reveal_button.setToolTip(self.tr(
            "Show the full value here, once; the reveal is written to the audit log"))
        self.reveal_button.hide()
        self.error = FieldErrorLabel(f"{name}Error", self)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(editor, 1)
        if editor.maximumWidth() < _UNBOUNDED:
            line.addStretch(1)  # a narrow editor (country code) sits at the left
        line.addWidget(self.reveal_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(line)
        layout.addWidget(self.error)

    def set_error(self, text: str) -> None:
        self.error.show_message(text)
        target = self._outlined
        if bool(target.property("invalid")) != bool(text):
            target.setProperty("invalid", bool(text))
            _repolish(target)

