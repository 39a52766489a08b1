"""Folding text for search, and the SQL function that confirms a search candidate.

The trigram index keeps no positions (detail=none, to keep the vault small), so a query of
more than three characters returns rows holding all its trigrams somewhere, and it cannot
tell columns apart. Each candidate is therefore confirmed in SQL by `crm_contains(text,
needle)` over the columns the user may search, with the same folding as the index
(case-insensitive, accents removed).
"""

from __future__ import annotations

import unicodedata
from typing import Any

CONTAINS_FUNCTION = "crm_contains"

# Joins a row's searchable columns for confirmation: no typed query contains it (control
# characters are removed from queries), so a match never spans two columns.
COLUMN_SEPARATOR = "\x1f"


def fold(text: str) -> str:
    """Casefolded, without accents, full-width forms made plain ("Émile" -> "emile")."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def contains_folded(text: str | None, folded_needle: str) -> bool:
    """Whether `text`, folded, contains an already folded needle."""
    return bool(text) and folded_needle in fold(text)  # type: ignore[operator]


def register_functions(connection: Any) -> None:
    """Make `crm_contains` available on one DB-API connection."""
    connection.create_function(CONTAINS_FUNCTION, 2, contains_folded, deterministic=True)
