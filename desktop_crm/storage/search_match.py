"""What a search query matches: alternatives of (columns, words), the FTS5 expression
that finds candidates, and the SQL that confirms each one.

The trigram index keeps no positions and cannot tell columns apart, so a candidate is
confirmed in the columns the user may search (see text_match).
"""

from __future__ import annotations

import re
from typing import Any

from desktop_crm.storage.text_match import COLUMN_SEPARATOR, CONTAINS_FUNCTION
from desktop_crm.storage.text_match import fold as fold_latin


class Sql:
    """A piece of SQL and its parameters, in order."""

    def __init__(self, text: str, params: list[Any] | tuple[Any, ...] = ()) -> None:
        self.text = text
        self.params = list(params)


# Above every code point: `name < q + TOP` bounds a prefix range in SQLite's binary order.
TOP = "\U0010ffff"

# searchable column names the service passes -> FTS5 columns. Pinyin is derived from the
# name, so it is searchable only together with the name.
FTS_COLUMNS = {
    "name": ("name",),
    "company": ("company",),
    "phones": ("phones",),
    "emails": ("emails",),
    "tags": ("tags",),
    "pinyin": ("name_pinyin", "name_initials"),
}

PHONE_LIKE = re.compile(r"^[+\d\s().\-]+$")

MatchPlan = list[tuple[tuple[str, ...], tuple[str, ...]]]


def match_plan(query: str, searchable: set[str]) -> MatchPlan:
    """Alternatives, each: every word must occur in one of these FTS columns.

    A phone-like query is its digits against the phones (stored phones are E.164 digits:
    "138 1234-5678" must find +8613812345678) or the text as typed elsewhere. Several
    words of three characters or more each match anywhere ("Smith John" finds John Smith).
    """
    columns = [fts for name in sorted(searchable) for fts in FTS_COLUMNS[name]]
    if "name" not in searchable:
        columns = [col for col in columns if col not in FTS_COLUMNS["pinyin"]]
    if not columns:
        return []
    digits = re.sub(r"\D", "", query)
    if PHONE_LIKE.match(query) and len(digits) >= 3:
        plan: MatchPlan = []
        if "phones" in columns:
            plan.append((("phones",), (digits,)))
        others = tuple(col for col in columns if col != "phones")
        if others:
            plan.append((others, (query,)))
        return plan
    tokens = query.split(" ")
    if len(tokens) > 1 and all(len(t) >= 3 for t in tokens):
        return [(tuple(columns), tuple(tokens))]
    return [(tuple(columns), (query,))]


def fts_expression(plan: MatchPlan) -> str:
    """Every trigram of every word, quoted (no input is FTS syntax): the index keeps no
    positions, so a word is found as all of its trigrams and confirmed afterwards."""
    alternatives = []
    for _columns, words in plan:
        grams = dict.fromkeys(quoted(w[i : i + 3]) for w in words for i in range(len(w) - 2))
        alternatives.append("(" + " AND ".join(grams) + ")")
    return " OR ".join(alternatives)


def confirmation(plan: MatchPlan, *, always: bool = False) -> Sql:
    """The test that a candidate holds each word in the allowed columns; nothing when the
    trigram hit is already exact (one trigram, and every indexed column may be searched)
    unless `always`."""
    every = tuple(col for cols in FTS_COLUMNS.values() for col in cols)
    exact = all(set(cols) == set(every) and all(len(w) == 3 for w in words)
                for cols, words in plan)
    if exact and not always:
        return Sql("")
    tests, params = [], []
    for columns, words in plan:
        text = f" || char({ord(COLUMN_SEPARATOR)}) || ".join(columns)
        tests.append(" AND ".join(f"{CONTAINS_FUNCTION}({text}, ?)" for _ in words))
        params += [fold_latin(word) for word in words]
    return Sql(" AND (" + " OR ".join(f"({t})" for t in tests) + ")", params)


def quoted(term: str) -> str:
    # Inside an FTS5 string everything is literal; a double quote is written twice.
    return '"' + term.replace('"', '""') + '"'


def is_chinese(query: str) -> bool:
    """No Latin letter or digit: matched on the name as typed, not on its sort key.

    (A query that folds to nothing, such as a lone accent, is matched as typed too.)
    """
    return not any(ch.isascii() and ch.isalnum() for ch in query) or not fold_latin(query)


def in_range(col: str, prefix: str, tier: int) -> tuple[str, list[Any], int]:
    """`col` starts with `prefix`, as an index range (LIKE would not use the index)."""
    return f"({col} >= ? AND {col} < ?)", [prefix, prefix + TOP], tier
