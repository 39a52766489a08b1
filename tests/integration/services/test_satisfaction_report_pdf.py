# ruff: noqa: F811  (the imported fixtures are parameters of the tests)
"""From the vault to the page: the report the service builds, written as a PDF and read back
with poppler. The numbers on the page are the metrics engine's, the Chinese names are there,
and a salesperson's PDF holds none of a colleague's customers."""

from __future__ import annotations

import re
from pathlib import Path

from desktop_crm.reports.satisfaction_pdf import write_satisfaction_pdf
from desktop_crm.reports.value_format import format_value
from tests.integration.reports import poppler
from tests.integration.services.conftest import Org

# the hand-placed organisation of the report's own tests, as fixtures (named as parameters)
from tests.integration.services.test_satisfaction_report import (  # noqa: F401
    COMPANY,
    Placed,
    org,
    placed,
)


def _squeezed(text: str) -> str:
    """Without whitespace: a wrapped Chinese line may break between any two characters."""
    return re.sub(r"\s+", "", text)


def test_the_company_pdf_shows_the_engine_s_figures_and_the_chinese_names(
        org: Org, placed: Placed, tmp_path: Path) -> None:
    report = org.session("admin").reports.build("2026-10", COMPANY, language="zh")
    target = tmp_path / "2026-10 满意度.pdf"
    write_satisfaction_pdf(report, target, language="zh", company="星辰贸易有限公司")

    assert poppler.qpdf_check(target).returncode == 0
    pages = poppler.page_count(target)
    assert len(poppler.render_pages(target, tmp_path)) == pages
    text = _squeezed(poppler.text(target))
    for figure in report.kpis:
        assert _squeezed(format_value(figure.unit, figure.value, "zh")) in text, figure.key
    for name in ("客户D", "客户C", "星辰贸易有限公司"):
        assert name in text
    assert report.audit_head and text.count(report.audit_head[:16]) >= pages


def test_a_salesperson_s_pdf_names_only_their_own_customers(
        org: Org, placed: Placed, tmp_path: Path) -> None:
    report = org.session("sales_east1").reports.build("2026-10", COMPANY, language="zh")
    target = tmp_path / "mine.pdf"
    write_satisfaction_pdf(report, target, language="zh", company="星辰贸易有限公司")
    text = _squeezed(poppler.text(target))
    assert "客户E" in text  # their own churn risk
    for colleague_s in ("客户C", "客户D", "sales_south2"):
        assert colleague_s not in text
    assert "138****5678" in text and "13812345678" not in text  # masked as their list is
