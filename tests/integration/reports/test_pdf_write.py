"""Writing the report: one salesperson's own report (no salesperson table, nothing to show),
progress, and a target that cannot take the file (whole or nothing, a clear error)."""

from __future__ import annotations

import errno
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_crm.domain.errors import ValidationError
from desktop_crm.reports import satisfaction_pdf
from desktop_crm.reports.report_model import ReportScope, ScopeKind
from desktop_crm.reports.satisfaction_pdf import ReportWriteFailed, write_satisfaction_pdf

from . import poppler
from .sample_report import company_report, salesperson_report

REPORT = salesperson_report()


def _write(target: Path, **kwargs: object) -> None:
    write_satisfaction_pdf(REPORT, target, language="en", company="Star Trading Ltd", **kwargs)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[int, int]]]:
    target = tmp_path_factory.mktemp("own") / "mine.pdf"
    steps: list[tuple[int, int]] = []
    _write(target, progress=lambda done, total: steps.append((done, total)))
    return target, steps


def test_a_salespersons_own_report_has_no_salesperson_table(pdf) -> None:
    text = poppler.text(pdf[0])
    assert "Salesperson: 张伟" in text
    assert "Salespeople" not in text
    assert "Repurchase rate\n" in text  # the tile is there, the table column is not
    assert "Active customers\n\nCSAT" not in text


def test_nothing_to_show_reads_no_data_not_zero(pdf) -> None:
    text = poppler.text(pdf[0])
    assert text.count("No data") >= 18 + 6  # every tile and every trend chart
    assert "No customer is at risk of churning at the end of this period." in text
    assert "No detractor answered in this period." in text
    assert "more not shown" not in text
    assert poppler.qpdf_check(pdf[0]).returncode == 0


def test_progress_runs_from_nothing_to_done(pdf) -> None:
    steps = pdf[1]
    total = steps[0][1]
    assert steps[0] == (0, total) and steps[-1] == (total, total)
    assert [done for done, _ in steps] == sorted({done for done, _ in steps})
    assert all(t == total for _, t in steps)


def test_an_unknown_language_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        write_satisfaction_pdf(REPORT, tmp_path / "r.pdf", language="fr", company="X")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("where", ["missing folder", "file as folder", "folder as target"])
def test_a_target_that_cannot_take_a_file_raises_and_leaves_nothing(tmp_path: Path,
                                                                     where: str) -> None:
    (tmp_path / "notes.txt").write_text("not a folder")
    (tmp_path / "reports").mkdir()
    target = {"missing folder": tmp_path / "gone" / "r.pdf",
              "file as folder": tmp_path / "notes.txt" / "r.pdf",
              "folder as target": tmp_path / "reports"}[where]
    with pytest.raises(ReportWriteFailed) as raised:
        _write(target)
    assert str(target) in str(raised.value)
    assert not raised.value.disk_full
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["notes.txt", "reports"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="permissions do not hold back root")
def test_a_read_only_folder_raises_and_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ReportWriteFailed, match="Permission denied"):
            _write(folder / "r.pdf")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_full_disk_keeps_the_old_report_and_leaves_no_partial_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "october.pdf"
    target.write_bytes(b"last month's report")

    def disk_full(out, data: bytes) -> None:
        out.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(satisfaction_pdf, "_write_all", disk_full)
    with pytest.raises(ReportWriteFailed, match="the disk is full") as raised:
        _write(target)
    assert raised.value.disk_full
    assert target.read_bytes() == b"last month's report"
    assert [p.name for p in tmp_path.iterdir()] == ["october.pdf"]


def test_a_new_report_replaces_the_old_one_whole(tmp_path: Path, pdf) -> None:
    target = tmp_path / "october.pdf"
    target.write_bytes(b"last month's report")
    _write(target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert target.stat().st_size == pdf[0].stat().st_size
    assert [p.name for p in tmp_path.iterdir()] == ["october.pdf"]


def test_the_longest_comment_and_names_still_lay_out(tmp_path: Path) -> None:
    report = company_report(churn_count=2, detractor_count=2)
    longest = replace(report.detractors[0], name="名" * 300, comment="很长的意见" * 400)
    report = replace(report, detractors=(longest, report.detractors[1]),
                     scope=ReportScope(ScopeKind.DEPARTMENT, "d-1", "很长的部门名称" * 30))
    target = tmp_path / "long.pdf"
    write_satisfaction_pdf(report, target, language="zh", company="公司名" * 60)
    text = poppler.text(target)
    assert "很长的意见" * 40 in re.sub(r"\s+", "", text)  # a few lines of it...
    assert "很长的意见" * 100 not in re.sub(r"\s+", "", text)  # ...not two thousand characters
    assert poppler.qpdf_check(target).returncode == 0
