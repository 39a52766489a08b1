"""Every figure and term of the report has its title and definition in every language."""

from __future__ import annotations

import pytest

from desktop_crm.domain.enums import LifecycleStage, Tier
from desktop_crm.domain.errors import ValidationError
from desktop_crm.reports import definitions
from desktop_crm.reports.report_model import Unit


@pytest.mark.parametrize("language", definitions.LANGUAGES)
def test_every_key_has_a_title_and_a_definition(language: str) -> None:
    for key in definitions.APPENDIX_ORDER:
        assert definitions.title(key, language).strip()
        assert definitions.definition(key, language).strip()
    for key in definitions.CHURN_REASONS:
        assert definitions.churn_reason(key, language).strip()


@pytest.mark.parametrize("language", definitions.LANGUAGES)
def test_every_distribution_bar_has_a_label(language: str) -> None:
    bars = {
        "csat": [str(score) for score in range(1, 6)],
        "nps": ["detractor", "passive", "promoter"],
        "stage": [stage.value for stage in LifecycleStage],
        "tier": [tier.value for tier in Tier] + ["none"],
        "rfm": list(definitions.RFM_SEGMENTS),
    }
    for group, keys in bars.items():
        for key in keys:
            assert definitions.share_label(group, key, language).strip()


def test_every_kpi_has_a_unit_and_trends_are_kpis() -> None:
    assert set(definitions.UNITS) == set(definitions.KPI_ORDER)
    assert set(definitions.TREND_KEYS) <= set(definitions.KPI_ORDER)
    assert definitions.unit("nps") is Unit.NPS
    assert not definitions.higher_is_better("overdue_amount")
    assert definitions.higher_is_better("csat")


def test_the_chinese_texts_are_chinese() -> None:
    assert definitions.title("nps", "zh") != definitions.title("nps", "en")
    assert "推荐" in definitions.definition("nps", "zh")


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValidationError):
        definitions.title("csat", "fr")
