"""Money as people type and read it — "1,234.50" or "1234.5", in the person's locale or the
plain form — held as whole minor units (fen, cents) of a currency.

Parsing goes through Decimal, never a float, so 0.1 + 0.2 fen errors cannot creep in.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QLocale

# ISO 4217 currencies without minor units; every other one has two decimals here.
_NO_DECIMALS = frozenset({"JPY", "KRW", "VND", "CLP", "ISK", "PYG", "UGX"})
_SYMBOLS = "¥￥$€£"
_DIGITS = re.compile(r"[0-9]+")
CURRENCIES = ("CNY", "USD", "EUR", "HKD", "JPY", "GBP")  # offered first; any code may be typed


def minor_digits(currency: str) -> int:
    return 0 if currency.upper() in _NO_DECIMALS else 2


def parse_amount(text: str, currency: str, locale: QLocale | None = None) -> int | None:
    """The minor units of a typed amount, or None when it is not a plain amount with at most
    the currency's decimals. The locale's form and the plain form (1234.5) are both read;
    full-width digits from a Chinese input method are read as digits."""
    cleaned = unicodedata.normalize("NFKC", text)
    cleaned = re.sub(r"\s", "", cleaned).removeprefix(currency.upper())
    cleaned = cleaned.lstrip(_SYMBOLS)
    if not cleaned:
        return None
    locale = locale or QLocale()
    forms = ((locale.groupSeparator(), locale.decimalPoint()), (",", "."))
    for group, point in forms:
        value = _number(cleaned, group, point)
        if value is not None:
            break
    else:
        return None
    scaled = value.scaleb(minor_digits(currency))
    if scaled != scaled.to_integral_value():
        return None  # more decimals than the currency has
    return int(scaled)


def _number(text: str, group: str, point: str) -> Decimal | None:
    whole, found, fraction = text.partition(point)
    if found and point in fraction:
        return None
    if group and group in whole:
        parts = whole.split(group)
        # a group separator stands between groups of three digits, nowhere else
        if not parts[0] or any(len(part) != 3 for part in parts[1:]):
            return None
        whole = "".join(parts)
    whole = whole or "0"
    if not _DIGITS.fullmatch(whole) or (fraction and not _DIGITS.fullmatch(fraction)):
        return None
    try:
        return Decimal(f"{whole}.{fraction or '0'}")
    except InvalidOperation:
        return None


def number_text(amount_minor: int, currency: str, locale: QLocale | None = None) -> str:
    """The amount as the locale writes it, with the currency's decimals: 1,234.50."""
    locale = locale or QLocale()
    digits = minor_digits(currency)
    plain = f"{Decimal(amount_minor).scaleb(-digits):,.{digits}f}"
    group, point = locale.groupSeparator(), locale.decimalPoint()
    return "".join(group if c == "," else point if c == "." else c for c in plain)


def money_text(amount_minor: int, currency: str, locale: QLocale | None = None) -> str:
    """CNY 1,234.50"""
    return f"{currency} {number_text(amount_minor, currency, locale)}"
