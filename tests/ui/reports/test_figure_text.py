"""Report figures in words in the GUI: the numbers as the PDF prints them, "No data", and the
change's arrow, colour and verdict."""

from __future__ import annotations

from desktop_crm.reports.report_model import Figure, Unit
from desktop_crm.ui.reports.figure_text import (
    BAD_COLOUR,
    DOWN,
    FLAT,
    GOOD_COLOUR,
    NEUTRAL_COLOUR,
    UP,
    Verdict,
    change_of,
    number_text,
    value_text,
)


def test_values_read_as_the_pdf_prints_them():
    assert value_text(Unit.SCORE_5, 4.2611, "en") == "4.3 / 5"
    assert number_text(Unit.SCORE_5, 4.2611, "en") == "4.3"
    assert value_text(Unit.NPS, 32.4, "en") == "+32"
    assert value_text(Unit.MONEY, 123456789, "en") == "1,234,567.89"
    assert value_text(Unit.PERCENT, 41.52, "zh") == "41.5%"


def test_a_missing_value_is_no_data_never_zero():
    assert value_text(Unit.SCORE_5, None, "en") == "No data"
    assert value_text(Unit.SCORE_5, None, "zh") == "无数据"
    assert value_text(Unit.COUNT, 0, "en") == "0"


def test_a_rise_of_a_figure_better_higher_is_good_news_with_an_up_arrow():
    change = change_of(Figure("csat", Unit.SCORE_5, 4.26, 4.05), "en")
    assert change is not None
    assert (change.arrow, change.text, change.verdict) == (UP, "+0.2", Verdict.GOOD)
    assert change.colour.name().lower() == GOOD_COLOUR.lower()


def test_a_rise_of_a_figure_better_lower_is_bad_news_still_shaped_as_up():
    change = change_of(Figure("overdue_amount", Unit.MONEY, 2654321, 1200000,
                              higher_is_better=False), "en")
    assert change is not None
    assert (change.arrow, change.text, change.verdict) == (UP, "+14,543.21", Verdict.BAD)
    assert change.colour.name().lower() == BAD_COLOUR.lower()


def test_a_fall_in_complaints_is_good_news_with_a_down_arrow():
    change = change_of(Figure("complaints", Unit.COUNT, 7, 11, higher_is_better=False), "en")
    assert change is not None
    assert (change.arrow, change.text, change.verdict) == (DOWN, "-4", Verdict.GOOD)


def test_a_change_too_small_to_print_is_flat_and_neutral():
    still = change_of(Figure("collection_rate", Unit.PERCENT, 41.5, 41.52), "zh")
    assert still is not None
    assert (still.arrow, still.text, still.verdict) == (FLAT, "0.0 个百分点", Verdict.NEUTRAL)
    assert still.colour.name().lower() == NEUTRAL_COLOUR.lower()


def test_no_change_is_shown_without_data_on_either_side():
    assert change_of(Figure("csat", Unit.SCORE_5, None, 4.0), "en") is None
    assert change_of(Figure("csat", Unit.SCORE_5, 4.0, None), "en") is None


def test_the_verdict_is_said_in_words_too():
    change = change_of(Figure("nps", Unit.NPS, 32, 35), "en")
    assert change is not None
    assert change.verdict_text("2026-04") == "worse than 2026-04"
