"""A score picked with one click: CSAT as five stars (1 very unhappy .. 5 very happy), NPS as
eleven numbered buttons (0 .. 10). Clicking the chosen score again clears it ("not asked");
the digit keys pick a score while the row has focus. The words beside the row say what the
score means, so it reads without its colour."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionFocusRect,
    QStylePainter,
    QToolButton,
    QWidget,
)

from desktop_crm.ui.i18n import filled

STAR_COLOUR = "#b86e00"  # amber that reads on the light and the dark palette


class ScoreButtons(QWidget):
    score_did_change = Signal(object)  # int | None

    def __init__(self, low: int, high: int, *, stars: bool, words: Callable[[int], str],
                 object_name: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(accessible_name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._low, self._high, self._stars, self._words = low, high, stars, words
        self._score: int | None = None
        if not stars:  # the chosen number stands out by more than a shade
            self.setStyleSheet(
                "QToolButton { border: 1px solid palette(mid); border-radius: 3px;"
                " padding: 2px 4px; }"
                "QToolButton:checked { background: palette(highlight);"
                " color: palette(highlighted-text); font-weight: bold; }")
        self.buttons: list[QToolButton] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1 if stars else 2)
        for value in range(low, high + 1):
            button = QToolButton(self)
            button.setObjectName(f"{object_name}{value}")
            button.setCheckable(True)
            button.setAutoRaise(stars)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the row takes the keys
            button.setToolTip(filled(self.tr("%1 — %2"), value, words(value)))
            button.setAccessibleName(filled(self.tr("%1 — %2"), value, words(value)))
            button.clicked.connect(lambda _checked=False, v=value: self._clicked(v))
            if stars:
                font = button.font()
                font.setPointSizeF(font.pointSizeF() * 1.5)
                button.setFont(font)
            else:
                button.setText(str(value))
                button.setMinimumWidth(button.fontMetrics().horizontalAdvance("10") + 12)
            layout.addWidget(button)
            self.buttons.append(button)
        self.words_label = QLabel(self)
        self.words_label.setObjectName(f"{object_name}Words")
        # as wide as its longest words from the start: a row that grew as a score was picked
        # would make the form around it lay its labels out again, too narrow
        metrics = self.words_label.fontMetrics()
        self.words_label.setMinimumWidth(max(
            metrics.horizontalAdvance(text) for text in (
                self.tr("Not asked"),
                *(filled(self.tr("%1 — %2"), v, words(v)) for v in range(low, high + 1)))))
        layout.addSpacing(8)
        layout.addWidget(self.words_label)
        layout.addStretch(1)
        self._show()

    def score(self) -> int | None:
        return self._score

    def set_score(self, score: int | None) -> None:
        if score is not None and not self._low <= score <= self._high:
            raise ValueError(f"score {score} is outside {self._low}..{self._high}")
        if score != self._score:
            self._score = score
            self._show()
            self.score_did_change.emit(score)

    def _clicked(self, value: int) -> None:
        self.set_score(None if value == self._score else value)
        self._show()  # a click toggles the button itself: draw what the score says

    def _show(self) -> None:
        for value, button in zip(range(self._low, self._high + 1), self.buttons, strict=True):
            if self._stars:
                lit = self._score is not None and value <= self._score
                button.setText("★" if lit else "☆")
                button.setChecked(value == self._score)
                button.setStyleSheet(f"color: {STAR_COLOUR}; border: none;" if lit
                                     else "border: none;")
            else:
                button.setChecked(value == self._score)
        self.words_label.setText(self.tr("Not asked") if self._score is None
                                 else filled(self.tr("%1 — %2"), self._score,
                                             self._words(self._score)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and self._low <= int(text) <= self._high:
            self.set_score(int(text))
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.set_score(None)
        elif event.key() == Qt.Key.Key_Right:
            self.set_score(min(self._high, (self._score if self._score is not None
                                            else self._low - 1) + 1))
        elif event.key() == Qt.Key.Key_Left and self._score is not None:
            self.set_score(max(self._low, self._score - 1))
        else:
            super().keyPressEvent(event)

    # the row has the focus, not a button: it draws the focus frame around itself
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            painter = QStylePainter(self)
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option)
