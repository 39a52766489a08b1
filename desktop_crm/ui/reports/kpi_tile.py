"""One KPI as a tile: its title, its value for the period, and the change against the
previous period (arrow, signed amount, coloured good or bad). The tooltip says what the
figure counts and what it was in the previous period."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette, QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop_crm.reports import definitions, value_format
from desktop_crm.reports.report_model import Figure, Unit
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.reports.card import PADDING, Card
from desktop_crm.ui.reports.figure_text import change_of, value_text

VALUE_SCALE = 1.8  # the value's font against the page's
ARROW_SCALE = 1.4  # the arrow against the change's text: its shape must read at a glance


class KpiTile(Card):
    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"kpiTile_{key}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("kpiTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.value_label = QLabel(self)
        self.value_label.setObjectName("kpiValue")
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * VALUE_SCALE)
        font.setBold(True)
        self.value_label.setFont(font)
        self.value_label.setTextFormat(Qt.TextFormat.RichText)
        self.change_label = QLabel(self)
        self.change_label.setObjectName("kpiChange")
        self.change_label.setTextFormat(Qt.TextFormat.RichText)
        arrow_font = QFont(self.change_label.font())
        arrow_font.setPointSizeF(arrow_font.pointSizeF() * ARROW_SCALE)
        # the same height with or without an arrow, so tiles in a row line up
        self.change_label.setMinimumHeight(QFontMetrics(arrow_font).height())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PADDING, PADDING - 2, PADDING, PADDING - 2)
        layout.setSpacing(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.change_label)
        # room for a two-line title, so tiles in a row line up whatever their title's length
        lines = self.title_label.fontMetrics().lineSpacing()
        self.title_label.setMinimumHeight(lines * 2)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.figure: Figure | None = None
        self.shown_value = ""  # the value as plain text ("4.32 / 5")

    def show_figure(self, figure: Figure, previous_period: str, language: str) -> None:
        self.figure = figure
        title = definitions.title(figure.key, language)
        self.title_label.setText(title)
        self.shown_value = value_text(figure.unit, figure.value, language)
        self.value_label.setText(self._value_html(figure, language))
        previous = value_text(figure.unit, figure.previous, language)
        change = change_of(figure, language)
        if change is None:
            self.change_label.setText(_escaped(filled(self.tr("%1: %2"), previous_period,
                                                      previous)))
            self.change_label.setStyleSheet("")
            self.change_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            said = ""
        else:
            size = self.change_label.font().pointSizeF() * ARROW_SCALE
            arrow = f'<span style="font-size: {size:.1f}pt">{change.arrow}</span>'
            self.change_label.setText(filled(self.tr("%1 %2 vs %3"), arrow,
                                             _escaped(change.text), _escaped(previous_period)))
            self.change_label.setStyleSheet(f"color: {change.colour.name()};")
            said = change.verdict_text(previous_period)
        lines = [f"<b>{_escaped(title)}</b>", _escaped(definitions.definition(figure.key,
                                                                              language)),
                 _escaped(filled(self.tr("%1: %2"), previous_period, previous))]
        if said:
            lines.append(_escaped(said))
        self.setToolTip("<br>".join(lines))
        self.setAccessibleName(title)
        self.setAccessibleDescription(" ".join(
            part for part in (self.shown_value, self.change_text(), said) if part))

    def _value_html(self, figure: Figure, language: str) -> str:
        """The number large, its scale (" / 5") at the page's size after it."""
        suffix = value_format.unit_suffix(figure.unit)
        if figure.value is None or not suffix or figure.unit is Unit.PERCENT:
            return _escaped(self.shown_value)
        size = self.title_label.font().pointSizeF()
        number = _escaped(self.shown_value.removesuffix(suffix))
        return (f'{number}<span style="font-size: {size:.1f}pt; font-weight: normal">'
                f"{_escaped(suffix)}</span>")

    def change_text(self) -> str:
        """The change line as plain text (the label holds rich text for the arrow's size)."""
        return QTextDocumentFragment.fromHtml(self.change_label.text()).toPlainText()


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
