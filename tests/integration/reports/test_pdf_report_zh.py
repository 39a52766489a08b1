"""A company report in Chinese, opened the way other readers open it: qpdf checks its structure,
poppler extracts its text and renders its pages, and its only font is an embedded subset."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop_crm.reports import definitions
from desktop_crm.reports.satisfaction_pdf import write_satisfaction_pdf
from desktop_crm.reports.value_format import format_value

from . import poppler
from .sample_report import AUDIT_HEAD, SALESPEOPLE_NAMES, company_report

COMPANY = "星辰贸易有限公司"
REPORT = company_report(churn_count=60, detractor_count=45)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("zh") / "满意度报告.pdf"
    write_satisfaction_pdf(REPORT, target, language="zh", company=COMPANY)
    return target


@pytest.fixture(scope="module")
def text(pdf: Path) -> str:
    return poppler.text(pdf)


def _squeezed(value: str) -> str:
    """Text without whitespace: a wrapped Chinese line may break between any two characters."""
    return re.sub(r"\s+", "", value)


def test_qpdf_finds_no_structural_error(pdf: Path) -> None:
    check = poppler.qpdf_check(pdf)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No syntax or stream encoding errors" in check.stdout


def test_poppler_renders_every_page_with_ink_on_it(pdf: Path, tmp_path: Path) -> None:
    pages = poppler.page_count(pdf)
    images = poppler.render_pages(pdf, tmp_path)
    assert pages >= 6  # cover, summary, trends, distributions, lists over pages, appendix
    assert len(images) == pages
    assert all(poppler.dark_pixels(image) > 150 for image in images)  # not just a footer


def test_the_only_font_is_an_embedded_subset_of_the_shipped_cjk_font(pdf: Path) -> None:
    fonts = poppler.fonts(pdf)
    assert fonts
    for font in fonts:
        assert re.fullmatch(r"[A-Z]{6}\+WenQuanYiMicroHei(-\d+)?", font.name), font
        assert font.type == "TrueType"
        assert font.embedded and font.subset, font


def test_chinese_names_come_out_as_written(text: str) -> None:
    for name in (*SALESPEOPLE_NAMES, COMPANY, REPORT.scope.label, REPORT.generated_by,
                 "上海星辰贸易有限公司", "孙044", "赵058"):
        assert _squeezed(name) in _squeezed(text), name


def test_every_kpi_reads_as_the_report_formats_it(pdf: Path) -> None:
    tiles = set(poppler.text(pdf, 2).splitlines())  # the executive summary
    for figure in REPORT.kpis:
        assert format_value(figure.unit, figure.value, "zh") in tiles, figure.key
    # the same figures written out by hand: rounding halves up, money in yuan, grouping
    for written in ("4.3 / 5", "-13", "37.3%", "23", "1.9", "5.3", "7.8", "无数据", "91.4%",
                    "28.6%", "12.0%", "1,234,567.89", "1,500,000.00", "26,500.50", "66.7%",
                    "47.5 / 100", "1,226"):
        assert written in tiles, written
    for change in ("+0.1 较 2026-09", "-16 较 2026-09", "-1.6 个百分点 较 2026-09",
                   "0.0 个百分点 较 2026-09", "+246,913.89 较 2026-09", "无可比数据"):
        assert change in tiles, change


def test_every_page_carries_the_audit_head_and_its_number(pdf: Path) -> None:
    pages = poppler.page_count(pdf)
    for page in range(1, pages + 1):
        page_text = poppler.text(pdf, page)
        assert f"审计链头哈希：{AUDIT_HEAD}" in page_text, page
        assert f"第 {page} 页，共 {pages} 页" in page_text, page


def test_lists_say_how_many_customers_they_leave_out(text: str) -> None:
    assert "另有 17 位未列出（共 77 位）。" in text  # 60 churn risks shown of 77
    assert "另有" not in text.split("贬损者")[-1].split("方法说明")[0]  # all detractors shown


def test_a_comment_is_printed_as_typed_not_read_as_markup(text: str) -> None:
    assert "<b>不是标签</b>&符号" in _squeezed(text)


def test_the_appendix_prints_every_definition(text: str) -> None:
    squeezed = _squeezed(text)
    for key in definitions.APPENDIX_ORDER:
        assert _squeezed(definitions.definition(key, "zh")) in squeezed, key


def test_the_parts_come_in_the_report_order(text: str) -> None:
    headings = ["客户满意度报告", "执行摘要", "近 12 期趋势", "分布",
                "忠诚度漏斗（活跃客户按阶段）", "销售人员", "流失风险客户", "贬损者", "方法说明"]
    positions = [text.index(f"{h}\n") for h in headings]
    assert positions == sorted(positions)


def test_no_english_heading_in_a_chinese_report(text: str) -> None:
    for english in ("Executive summary", "Page ", "No data", "Salespeople", "Methodology",
                    "Audit chain"):
        assert english not in text
