"""Derived name keys: the pinyin sort key, full pinyin and initials of a customer's name.

Pure Python (no SQLAlchemy): the customer service stores the result in `sort_key`,
`name_pinyin` and `name_initials`, and the bulk paths call it for up to a million names, so
readings are cached per character and per Chinese run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from desktop_crm.storage.text_match import fold as fold_latin

# Polyphonic characters read differently as a surname. Every reading here is one pypinyin
# itself offers for the character (a unit test holds that), so this only picks among them.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "尉迟": ("yu", "chi"),
    "万俟": ("mo", "qi"),
    "长孙": ("zhang", "sun"),
    "单于": ("chan", "yu"),
    "单": ("shan",),
    "曾": ("zeng",),
    "解": ("xie",),
    "仇": ("qiu",),
    "区": ("ou",),
    "朴": ("piao",),
    "查": ("zha",),
    "盖": ("ge",),
    "乐": ("yue",),
    "覃": ("qin",),
    "缪": ("miao",),
    "翟": ("zhai",),
    "召": ("shao",),
    "秘": ("bi",),
    "种": ("chong",),
    "员": ("yun",),
    "薄": ("bo",),
    "折": ("she",),
}


_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class NameKeys:
    """`sort_key`: pinyin syllables of Chinese characters and casefolded, accent-free Latin
    text, space-separated ("zhang wei" for 张伟, "smith" for Smith); a shorter key sorts
    first ("zhang wei" before "zhang wei ming"), and the list breaks ties by row.
    `pinyin` and `initials`: of the Chinese characters only, lowercase ASCII ("zhangwei",
    "zw"); empty for a name with no Chinese character."""

    sort_key: str
    pinyin: str
    initials: str


def name_keys(name: str, *, person: bool = True) -> NameKeys:
    """The derived keys of one name; `person` reads a leading polyphonic surname as one."""
    name = _WHITESPACE.sub(" ", name).strip()
    if name.isascii():
        # the common Latin case, without Unicode folding: casefold is all ASCII needs
        return NameKeys(sort_key=name.casefold(), pinyin="", initials="")
    return _mixed_name_keys(name, person)


@lru_cache(maxsize=65536)
def _mixed_name_keys(name: str, person: bool) -> NameKeys:
    # Chinese names repeat a lot in a customer base (张伟), so whole names are cached too.
    pieces: list[str] = []
    syllables: list[str] = []
    for is_han, run in _runs(name):
        if is_han:
            readings = _run_readings(run, person and not pieces)
            pieces.extend(readings)
            syllables.extend(r for r in readings if r.isascii())
        else:
            folded = fold_latin(run).strip()
            if folded:
                pieces.append(folded)
    return NameKeys(
        sort_key=" ".join(pieces),
        pinyin="".join(syllables),
        initials="".join(s[0] for s in syllables),
    )


def _is_han(char: str) -> bool:
    # Characters pypinyin has a reading for; rare ones without a reading stay as they are.
    return ord(char) in _pinyin_dict()


@lru_cache(maxsize=1)
def _pinyin_dict() -> dict[int, str]:
    # pypinyin's tables take tens of MiB: loaded when the first non-Latin name needs them,
    # so a process that only lists or searches never pays for them
    from pypinyin.pinyin_dict import pinyin_dict

    return pinyin_dict


def _runs(name: str) -> list[tuple[bool, str]]:
    """The name cut into alternating runs of Chinese characters and other text."""
    runs: list[tuple[bool, str]] = []
    for char in name:
        is_han = _is_han(char)
        if runs and runs[-1][0] == is_han:
            runs[-1] = (is_han, runs[-1][1] + char)
        else:
            runs.append((is_han, char))
    return runs


def _run_readings(run: str, leading_surname: bool) -> list[str]:
    if leading_surname:
        for surname in (run[:2], run[:1]):
            reading = SURNAME_READINGS.get(surname)
            if reading is not None:
                return [*reading, *_run_readings(run[len(surname) :], False)]
    single = [_single_reading(c) for c in run]
    if all(r is not None for r in single):
        return [r for r in single if r is not None]
    return list(_phrase_readings(run))


@lru_cache(maxsize=32768)
def _single_reading(char: str) -> str | None:
    """The toneless reading of a character that has only one; None if it has several."""
    from pypinyin.contrib.tone_convert import to_normal

    readings = {to_normal(r) for r in _pinyin_dict()[ord(char)].split(",")}
    return readings.pop() if len(readings) == 1 else None


@lru_cache(maxsize=65536)
def _phrase_readings(run: str) -> tuple[str, ...]:
    # Polyphonic characters need pypinyin's phrase context (李长青: chang, not zhang).
    from pypinyin import Style, lazy_pinyin

    return tuple(lazy_pinyin(run, style=Style.NORMAL, v_to_u=False))
