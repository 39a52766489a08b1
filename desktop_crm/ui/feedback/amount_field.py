"""An amount of money typed as people write it ("1,234.50", "1234.5") beside its currency: a
choice of the common ones (any three-letter code may be typed), or fixed when the amount is
in a contract's currency."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop_crm.ui.feedback.money import CURRENCIES, minor_digits, number_text, parse_amount


class _UpperCase(QValidator):
    def validate(self, text: str, position: int) -> object:
        upper = text.upper()[:3]
        state = QValidator.State.Acceptable if len(upper) == 3 and upper.isalpha() \
            else QValidator.State.Intermediate
        return state, upper, min(position, len(upper))


class AmountField(QWidget):
    def __init__(self, name: str, *, currency: str = "CNY", fixed_currency: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Field")
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"{name}Edit")
        example = number_text(123450, currency)
        self.edit.setPlaceholderText(self.tr("e.g. %1").replace("%1", example))
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0") * 22)
        self.currency_combo: QComboBox | None = None
        self.currency_label: QLabel | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        if fixed_currency:
            self.currency_label = QLabel(currency, self)
            self.currency_label.setObjectName(f"{name}Currency")
            layout.addWidget(self.currency_label)
        else:
            combo = QComboBox(self)
            combo.setObjectName(f"{name}CurrencyCombo")
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItems(list(CURRENCIES))
            combo.setValidator(_UpperCase(combo))
            combo.setEditText(currency)
            combo.setAccessibleName(self.tr("Currency"))
            self.currency_combo = combo
            layout.addWidget(combo)
        layout.addStretch(1)

    def currency(self) -> str:
        if self.currency_combo is not None:
            return self.currency_combo.currentText().strip().upper()
        assert self.currency_label is not None
        return self.currency_label.text()

    def minor(self) -> int | None:
        """The amount in minor units, or None when it cannot be read."""
        return parse_amount(self.edit.text(), self.currency() or "CNY")

    def set_minor(self, amount_minor: int, currency: str) -> None:
        if self.currency_combo is not None:
            self.currency_combo.setEditText(currency)
        self.edit.setText(number_text(amount_minor, currency))

    def problem(self) -> str | None:
        """What is wrong with the amount typed, in words; None when it reads."""
        amount = self.minor()
        if not self.edit.text().strip():
            return self.tr("Type the amount.")
        if amount is None:
            digits = minor_digits(self.currency() or "CNY")
            example = number_text(123450 if digits else 1234, self.currency() or "CNY",
                                  QLocale())
            return self.tr("Type an amount like %1.").replace("%1", example)
        if amount <= 0:
            return self.tr("The amount must be above zero.")
        return None
