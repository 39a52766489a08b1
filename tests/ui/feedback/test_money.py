"""Money typed the way people write it, in their locale or the plain form, read exactly."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from desktop_crm.ui.feedback.money import money_text, number_text, parse_amount

CHINA, GERMANY, US = QLocale("zh_CN"), QLocale("de_DE"), QLocale("en_US")


@pytest.mark.parametrize(("typed", "locale", "minor"), [
    ("1,234.50", CHINA, 123450),
    ("1234.5", CHINA, 123450),
    ("1234", US, 123400),
    (" ¥ 1,234.5 ", CHINA, 123450),
    ("CNY 99", CHINA, 9900),
    ("１２３４．５", CHINA, 123450),  # a Chinese input method's full-width digits
    ("1.234,50", GERMANY, 123450),
    ("1234,5", GERMANY, 123450),
    ("1234.5", GERMANY, 123450),  # the plain form is read in every locale
    (".5", US, 50),
    ("0.1", US, 10),
    ("9999999999999.99", US, 999999999999999),  # beyond a float's exact cents
])
def test_an_amount_is_read_in_the_locale_or_the_plain_form(typed, locale, minor):
    assert parse_amount(typed, "CNY", locale) == minor


@pytest.mark.parametrize("typed", ["", "abc", "12.345", "1,23", "1..2", "-5", "1,2345.00",
                                   "12,34,567"])
def test_what_is_not_an_amount_is_refused(typed):
    assert parse_amount(typed, "CNY", US) is None


def test_a_currency_without_minor_units_takes_whole_amounts_only():
    assert parse_amount("1,500", "JPY", US) == 1500
    assert parse_amount("1500.5", "JPY", US) is None


def test_amounts_are_written_in_the_locale():
    assert money_text(123450, "CNY", CHINA) == "CNY 1,234.50"
    assert number_text(123450, "EUR", GERMANY) == "1.234,50"
    assert number_text(1500, "JPY", US) == "1,500"
    assert number_text(5, "USD", US) == "0.05"
