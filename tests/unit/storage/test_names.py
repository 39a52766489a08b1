"""Name keys: Chinese names sort by pinyin among Latin names and are found by pinyin."""

from __future__ import annotations

import pytest
from pypinyin import Style, pinyin

from desktop_crm.storage.names import (
    SURNAME_READINGS,
    NameKeys,
    fold_latin,
    name_keys,
)


@pytest.mark.parametrize(
    ("name", "pinyin_", "initials"),
    [
        ("张伟", "zhangwei", "zw"),
        ("张伟明", "zhangweiming", "zwm"),
        ("欧阳娜娜", "ouyangnana", "oynn"),
        ("吕布", "lvbu", "lb"),  # ü typed as v
        ("李长青", "lichangqing", "lcq"),  # phrase context: 长青 is chang, not zhang
        ("Smith", "", ""),
        ("张Tom", "zhang", "z"),  # pinyin of the Chinese part only
        ("Anna 王", "wang", "w"),
        ("𠮷野家", "yejia", "yj"),  # a character without a reading stays out of the pinyin
    ],
)
def test_pinyin_and_initials(name: str, pinyin_: str, initials: str) -> None:
    keys = name_keys(name)
    assert (keys.pinyin, keys.initials) == (pinyin_, initials)


def test_chinese_names_sort_by_pinyin_among_latin_names() -> None:
    names = ["Zoe Adams", "张伟", "anna", "Émile", "王芳", "Bob", "李娜", "zhao", "Wang Li"]
    ordered = sorted(names, key=lambda n: name_keys(n).sort_key)
    assert ordered == [
        "anna",
        "Bob",
        "Émile",
        "李娜",
        "王芳",
        "Wang Li",
        "张伟",
        "zhao",
        "Zoe Adams",
    ]


def test_shorter_names_sort_first_and_homophones_share_a_key() -> None:
    names = ["张伟明", "章伟", "张伟", "张卫"]
    keys = [name_keys(n).sort_key for n in names]
    # every "zhang wei" before "zhang wei ming"; the list breaks ties between homophones
    assert keys == ["zhang wei ming", "zhang wei", "zhang wei", "zhang wei"]


def test_sort_key_is_the_folded_name() -> None:
    assert name_keys("  John   SMITH ") == NameKeys(sort_key="john smith", pinyin="", initials="")
    assert name_keys("张伟").sort_key == "zhang wei"
    assert name_keys("Ｓｍｉｔｈ").sort_key == "smith"  # full-width


@pytest.mark.parametrize(
    ("name", "reading"),
    [
        ("单伟", "shanwei"),
        ("曾国藩", "zengguofan"),
        ("解晓东", "xiexiaodong"),
        ("仇明", "qiuming"),
        ("区志", "ouzhi"),
        ("朴树", "piaoshu"),
        ("尉迟恭", "yuchigong"),
        ("万俟卨", "moqixie"),
        ("单于平", "chanyuping"),
    ],
)
def test_polyphonic_surnames_read_as_surnames(name: str, reading: str) -> None:
    assert name_keys(name).pinyin == reading


def test_surname_readings_only_apply_to_a_persons_leading_surname() -> None:
    assert name_keys("曾经公司", person=False).pinyin == "cengjinggongsi"
    assert name_keys("王单").pinyin == "wangdan"
    assert name_keys("Tom 曾").pinyin == "ceng"  # not leading: the Latin part comes first


def test_every_surname_reading_is_one_pypinyin_offers() -> None:
    for surname, readings in SURNAME_READINGS.items():
        assert len(surname) == len(readings)
        for char, reading in zip(surname, readings, strict=True):
            offered = pinyin(char, style=Style.NORMAL, heteronym=True)[0]
            assert reading in offered, (surname, reading, offered)


def test_empty_and_blank_names() -> None:
    assert name_keys("") == NameKeys(sort_key="", pinyin="", initials="")
    assert name_keys("   ") == name_keys("")


def test_folding() -> None:
    assert fold_latin("Émile Ñuñez") == "emile nunez"
    assert fold_latin("STRASSE") == "strasse"


def test_repeated_names_give_equal_keys() -> None:
    # the caches must not mix up person and company readings of the same text
    assert name_keys("曾伟").pinyin == "zengwei"
    assert name_keys("曾伟", person=False).pinyin == "cengwei"
    assert name_keys("曾伟").pinyin == "zengwei"
