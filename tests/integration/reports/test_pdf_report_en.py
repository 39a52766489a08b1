"""A company report in English: every text in English (only the customers' own names and
comments stay Chinese), figures as formatted, the salesperson table and the "more" lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop_crm.reports import definitions
from desktop_crm.reports.satisfaction_pdf import write_satisfaction_pdf
from desktop_crm.reports.value_format import format_value

from . import poppler
from .sample_report import AUDIT_HEAD, SALESPEOPLE_NAMES, company_report

REPORT = company_report(churn_count=5, detractor_count=3)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("en") / "satisfaction.pdf"
    write_satisfaction_pdf(REPORT, target, language="en", company="Star Trading Ltd")
    return target


@pytest.fixture(scope="module")
def text(pdf: Path) -> str:
    return poppler.text(pdf)


def test_the_pdf_passes_qpdf_and_embeds_only_its_font(pdf: Path) -> None:
    assert poppler.qpdf_check(pdf).returncode == 0
    assert {re.sub(r"^[A-Z]{6}\+", "", f.name) for f in poppler.fonts(pdf)} == \
        {"WenQuanYiMicroHei-0"}
    assert all(f.embedded and f.subset for f in poppler.fonts(pdf))


def test_the_cover_says_whose_report_it_is(text: str) -> None:
    cover = text.split("Executive summary")[0]
    for expected in ("Star Trading Ltd", "Customer satisfaction report", "The whole company",
                     "October 2026 (2026-10)", "September 2026 (2026-09)", "Asia/Shanghai",
                     "周经理"):
        assert expected in cover, expected


def test_tiles_show_value_change_and_no_data(pdf: Path) -> None:
    summary = poppler.text(pdf, 2)
    tiles = set(summary.splitlines())
    for figure in REPORT.kpis:
        assert format_value(figure.unit, figure.value, "en") in tiles, figure.key
    assert {"4.3 / 5", "-13", "No data", "47.5 / 100", "26,500.50"} <= tiles
    assert "+0.1 vs 2026-09" in tiles  # csat 4.3157 against 4.2
    assert "-16 vs 2026-09" in tiles  # nps -12.5 against 3.0: whole points, half away from 0
    assert "0.0 pts vs 2026-09" in tiles  # referral rate unchanged
    assert "+246,913.89 vs 2026-09" in tiles  # collected, in yuan
    assert summary.count("nothing to compare") == 3  # first response median, both resolutions


def test_the_salesperson_table_lists_everyone(text: str) -> None:
    table = text.split("Salespeople")[1].split("Customers at risk of churning")[0]
    for name in SALESPEOPLE_NAMES:
        assert name in table
    for cell in ("4.1", "No data", "+10", "-28", "30.0%", "740,740.68"):
        assert cell in table, cell


def test_lists_translate_reasons_and_count_what_is_left_out(text: str) -> None:
    assert definitions.churn_reason("high_value_no_contact", "en") in text
    assert "Complained, no purchase within 30" in text
    assert "17 more not shown (22 in all)." in text
    assert "Late delivery; nobody called back." in text


def test_every_page_is_numbered_and_signed_with_the_audit_head(pdf: Path) -> None:
    pages = poppler.page_count(pdf)
    for page in range(1, pages + 1):
        page_text = poppler.text(pdf, page)
        assert f"Page {page} of {pages}" in page_text
        assert f"Audit chain head: {AUDIT_HEAD}" in page_text


def test_no_chinese_words_of_the_report_itself(text: str) -> None:
    for chinese in ("执行摘要", "无数据", "页", "方法说明", "审计链", "较"):
        assert chinese not in text, chinese
