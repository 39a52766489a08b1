"""Folding text for search, and the SQL function that confirms a search candidate.

The trigram index keeps no positions (detail=none, to keep the vault small), so a query of
more than three characters returns rows holding all its trigrams somewhere, and it cannot
tell columns apart. Each candidate is therefore confirmed in SQL by `crm_contains(text,
needle)` over the columns the user may search, with the same folding as the index
(case-insensitive, accents removed).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

CONTAINS_FUNCTION = "crm_contains"

# Joins a row's searchable columns for confirmation: no typed query contains it (control
# characters are removed from queries), so a match never spans two columns.
COLUMN_SEPARATOR = "\x1f"


def fold(text: str) -> str:
    """Casefolded, without accents, full-width forms made plain ("Émile" -> "emile")."""
    if text.isascii():
        return text.lower()
    return _combining_marks().sub("", unicodedata.normalize("NFKD", text)).casefold()


@lru_cache(maxsize=1)
def _combining_marks() -> re.Pattern[str]:
    """Every combining character of the BMP (the accents NFKD splits off), as one class:
    removed in C rather than tested one character at a time (BMP only, so the class is
    a bitmap). Built on first use, in ~15 ms."""
    ranges: list[list[int]] = []
    for code in range(0x300, 0x10000):
        if unicodedata.combining(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return re.compile("[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges) + "]")


def contains_folded(text: str | None, folded_needle: str) -> bool:
    """Whether `text`, folded, contains an already folded needle.

    Called for every search candidate, so the common cases stay in C: a plain lowercase
    hit, or ASCII text, where lowercase is the whole fold.
    """
    if not text:
        return False
    lowered = text.lower()
    if folded_needle in lowered:
        return True
    return not text.isascii() and folded_needle in fold(text)


def register_functions(connection: Any) -> None:
    """Make `crm_contains` available on one DB-API connection."""
    connection.create_function(CONTAINS_FUNCTION, 2, contains_folded, deterministic=True)
