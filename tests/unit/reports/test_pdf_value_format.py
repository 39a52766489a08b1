"""How the report's figures read as text (value_format) and its own words (pdf_text)."""

from __future__ import annotations

import re
import string

import pytest

from desktop_crm.domain.errors import ValidationError
from desktop_crm.reports.pdf_text import _WORDS, PdfWords
from desktop_crm.reports.report_model import Figure, ScopeKind, Unit
from desktop_crm.reports.value_format import (
    Direction,
    Verdict,
    direction,
    format_change,
    format_number,
    format_value,
    verdict,
)


@pytest.mark.parametrize(("unit", "value", "text"), [
    (Unit.SCORE_5, 4.3157, "4.3 / 5"),
    (Unit.SCORE_5, 5, "5.0 / 5"),
    (Unit.NPS, -12.5, "-13"),  # halves round away from zero, as people round
    (Unit.NPS, 35, "+35"),  # the scale runs from -100 to +100
    (Unit.NPS, -0.4, "0"),  # never "-0", nor "+0"
    (Unit.PERCENT, 37.25, "37.3%"),
    (Unit.COUNT, 1226, "1,226"),
    (Unit.RATE, 1.875, "1.9"),
    (Unit.HOURS, 5.25, "5.3"),
    (Unit.MONEY, 123456789, "1,234,567.89"),  # minor units in, yuan out
    (Unit.MONEY, 5, "0.05"),
    (Unit.SCORE_100, 47.5, "47.5 / 100"),
])
def test_each_unit_reads_with_its_own_decimals(unit: Unit, value: float, text: str) -> None:
    assert format_value(unit, value, "en") == text


def test_no_data_is_a_word_in_each_language_never_zero() -> None:
    assert format_value(Unit.SCORE_5, None, "en") == "No data"
    assert format_value(Unit.SCORE_5, None, "zh") == "无数据"
    assert format_number(Unit.PERCENT, None, "zh") == "无数据"
    assert format_value(Unit.COUNT, 0, "en") == "0"


def test_table_cells_drop_the_scale_but_keep_the_percent_sign() -> None:
    assert format_number(Unit.SCORE_5, 4.1, "en") == "4.1"
    assert format_number(Unit.NPS, 10.0, "en") == "+10"
    assert format_number(Unit.PERCENT, 25, "en") == "25.0%"


@pytest.mark.parametrize(("unit", "value", "previous", "en", "zh", "moved"), [
    (Unit.SCORE_5, 4.3157, 4.2, "+0.1", "+0.1", Direction.UP),
    (Unit.SCORE_5, 4.22, 4.2, "0.0", "0.0", Direction.FLAT),
    (Unit.PERCENT, 91.4, 93.0, "-1.6 pts", "-1.6 个百分点", Direction.DOWN),
    (Unit.PERCENT, 37.25, 37.21, "0.0 pts", "0.0 个百分点", Direction.FLAT),  # below print
    (Unit.MONEY, 123456789, 98765400, "+246,913.89", "+246,913.89", Direction.UP),
    (Unit.NPS, -12.5, 3.0, "-16", "-16", Direction.DOWN),
    (Unit.NPS, 3.0, None, "", "", None),
])
def test_changes_are_signed_and_judged_at_printed_precision(
        unit: Unit, value: float, previous: float | None, en: str, zh: str,
        moved: Direction | None) -> None:
    figure = Figure("x", unit, value, previous)
    assert format_change(unit, figure.change, "en") == en
    assert format_change(unit, figure.change, "zh") == zh
    assert direction(figure) is moved


def test_a_move_is_good_news_only_in_the_better_direction() -> None:
    assert verdict(Figure("csat", Unit.SCORE_5, 4.5, 4.0)) is Verdict.GOOD
    assert verdict(Figure("csat", Unit.SCORE_5, 3.5, 4.0)) is Verdict.BAD
    assert verdict(Figure("complaints", Unit.COUNT, 30, 20, higher_is_better=False)) \
        is Verdict.BAD
    assert verdict(Figure("complaints", Unit.COUNT, 10, 20, higher_is_better=False)) \
        is Verdict.GOOD
    assert verdict(Figure("complaints", Unit.COUNT, 10, 10, higher_is_better=False)) \
        is Verdict.NEUTRAL
    assert verdict(Figure("csat", Unit.SCORE_5, None, 4.0)) is Verdict.NEUTRAL


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValidationError):
        format_value(Unit.COUNT, 1, "fr")
    with pytest.raises(ValidationError):
        PdfWords("fr")


def test_both_languages_say_every_phrase_with_the_same_placeholders() -> None:
    assert _WORDS["en"].keys() == _WORDS["zh"].keys()
    for key, english in _WORDS["en"].items():
        names = {f for _, f, _, _ in string.Formatter().parse(english) if f}
        chinese = {f for _, f, _, _ in string.Formatter().parse(_WORDS["zh"][key]) if f}
        if key != "month":  # English names the month, Chinese numbers it
            assert chinese == names, key
    assert not any(re.search(r"[\u4e00-\u9fff]", text) for text in _WORDS["en"].values())


@pytest.mark.parametrize(("period", "en", "zh"), [
    ("2026-10", "October 2026", "2026年10月"),
    ("2026-01", "January 2026", "2026年1月"),
    ("2026-Q4", "Q4 2026", "2026年第4季度"),
    ("whenever", "whenever", "whenever"),
])
def test_periods_read_as_words(period: str, en: str, zh: str) -> None:
    assert PdfWords("en").period(period) == en
    assert PdfWords("zh").period(period) == zh


def test_the_scope_names_whose_report_it_is() -> None:
    assert PdfWords("zh").scope(ScopeKind.USER, "张伟") == "销售人员：张伟"
    assert PdfWords("en").scope(ScopeKind.DEPARTMENT, "East") == "Department: East"
    assert PdfWords("en").scope(ScopeKind.COMPANY, "") == "The whole company"
