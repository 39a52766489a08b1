"""Report figures in words: values by unit, "No data", and the change's arrow and verdict."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from desktop_crm.reports.report_model import Figure, Unit
from desktop_crm.ui.reports.figure_text import (
    BAD_COLOUR,
    DOWN,
    FLAT,
    GOOD_COLOUR,
    UP,
    Verdict,
    change_of,
    value_text,
)

EN = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@pytest.mark.parametrize(("unit", "value", "text"), [
    (Unit.SCORE_5, 4.26, "4.3"),
    (Unit.NPS, 32.4, "+32"),
    (Unit.NPS, -12.0, "-12"),
    (Unit.NPS, 0.2, "0"),
    (Unit.NPS, -0.2, "0"),
    (Unit.NPS, 32.5, "+33"),
    (Unit.PERCENT, 41.52, "41.5%"),
    (Unit.HOURS, 3.25, "3.3 h"),  # halves round away from zero, as people round
    (Unit.MONEY, 123456789, "1,234,567.89"),
    (Unit.MONEY, 5, "0.05"),
    (Unit.COUNT, 12480, "12,480"),
    (Unit.RATE, 1.44, "1.4"),
    (Unit.SCORE_100, 61.25, "61.3"),
])
def test_a_value_reads_by_its_unit(unit, value, text):
    assert value_text(unit, value, EN) == text


def test_a_missing_value_is_no_data_never_zero():
    assert value_text(Unit.SCORE_5, None, EN) == "No data"
    assert value_text(Unit.COUNT, 0, EN) == "0"


def test_a_rise_of_a_figure_better_higher_is_good_news_with_an_up_arrow():
    change = change_of(Figure("csat", Unit.SCORE_5, 4.26, 4.05), EN)
    assert change is not None
    assert (change.arrow, change.text, change.verdict) == (UP, "+0.2", Verdict.GOOD)
    assert change.colour.name().lower() == GOOD_COLOUR.lower()


def test_a_rise_of_a_figure_better_lower_is_bad_news_still_shaped_as_up():
    change = change_of(Figure("overdue_amount", Unit.MONEY, 2654321, 1200000,
                              higher_is_better=False), EN)
    assert change is not None
    assert (change.arrow, change.text, change.verdict) == (UP, "+14,543.21", Verdict.BAD)
    assert change.colour.name().lower() == BAD_COLOUR.lower()


def test_a_fall_in_complaints_is_good_news_with_a_down_arrow():
    change = change_of(Figure("complaints", Unit.COUNT, 7, 11, higher_is_better=False), EN)
    assert change is not None
    assert (change.arrow, change.text, change.verdict) == (DOWN, "-4", Verdict.GOOD)


def test_a_percentage_moves_in_points_and_a_change_too_small_to_show_is_flat():
    moved = change_of(Figure("retention", Unit.PERCENT, 92.3, 91.0), EN)
    assert moved is not None and moved.text == "+1.3 pts"
    still = change_of(Figure("collection_rate", Unit.PERCENT, 41.5, 41.52), EN)
    assert still is not None
    assert (still.arrow, still.text, still.verdict) == (FLAT, "0.0 pts", Verdict.NEUTRAL)


def test_no_change_is_shown_without_data_on_either_side():
    assert change_of(Figure("csat", Unit.SCORE_5, None, 4.0), EN) is None
    assert change_of(Figure("csat", Unit.SCORE_5, 4.0, None), EN) is None


def test_the_verdict_is_said_in_words_too():
    change = change_of(Figure("nps", Unit.NPS, 32, 35), EN)
    assert change is not None
    assert change.verdict_text("2026-04") == "worse than 2026-04"
