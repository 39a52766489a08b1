"""`report satisfaction` through the CLI, on the demo vault: the PDF and its figures."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.integration.cli.conftest import AsUser

PERIOD = "2026-10"  # the demo's activity spreads over the two years before 2026-11-23


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_the_company_report_is_written_and_its_figures_printed(as_user: AsUser,
                                                               tmp_path: Path) -> None:
    target = tmp_path / "满意度报告.pdf"
    result = as_user("admin", "report", "satisfaction", "--period", PERIOD, "-o", str(target),
                     "--language", "en", "--json")
    assert result.code == 0, result.err
    summary = result.json()
    assert summary["file"] == str(target) and target.read_bytes().startswith(b"%PDF")
    assert (summary["period"], summary["previous_period"]) == ("2026-10", "2026-09")
    assert summary["scope"]["kind"] == "company"
    assert summary["kpis"]["active_customers"]["value"] > 0
    assert len(summary["audit_head"]) == 64
    assert summary["audit_head"][:16] in _text(target).replace("\n", "")

    text = as_user("admin", "report", "satisfaction", "--period", "2026-Q3",
                   "-o", str(tmp_path / "q3.pdf"))
    assert text.code == 0, text.err
    assert text.out.startswith(f"{tmp_path / 'q3.pdf'}: ") and "2026-Q3" in text.out
    assert "CSAT" in text.out or "满意度" in text.out


def test_one_person_s_report_names_them(as_user: AsUser, tmp_path: Path) -> None:
    target = tmp_path / "east1.pdf"
    result = as_user("mgr_east", "report", "satisfaction", "--period", PERIOD,
                     "--user", "sales_east1", "-o", str(target), "--json")
    assert result.code == 0, result.err
    scope = result.json()["scope"]
    assert scope["kind"] == "user" and scope["name"]
    assert scope["name"] in _text(target)


def test_a_scope_outside_the_viewer_s_is_refused_in_one_line(as_user: AsUser,
                                                             tmp_path: Path) -> None:
    target = tmp_path / "south.pdf"
    refused = as_user("sales_east1", "report", "satisfaction", "--period", PERIOD,
                      "--user", "sales_south2", "-o", str(target))
    assert refused.code == 1 and refused.err.count("\n") == 1
    assert not target.exists()


def test_bad_periods_and_targets_say_what_is_wrong_and_leave_no_file(as_user: AsUser,
                                                                    tmp_path: Path) -> None:
    bad = as_user("admin", "report", "satisfaction", "--period", "2026-13",
                  "-o", str(tmp_path / "r.pdf"))
    assert bad.code == 1 and "period" in bad.err and "1 to 12" in bad.err
    nowhere = as_user("admin", "report", "satisfaction", "--period", PERIOD,
                      "-o", str(tmp_path / "missing" / "r.pdf"))
    assert nowhere.code == 1 and "could not write the report" in nowhere.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo"]
    both = as_user("admin", "report", "satisfaction", "--period", PERIOD,
                   "--user", "sales_east1", "--department", "华东", "-o", str(tmp_path / "r.pdf"))
    assert both.code == 2
