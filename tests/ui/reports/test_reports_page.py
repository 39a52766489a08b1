"""The Reports page on a real vault: a PDF written where the person chose, the progress bar
filled from the worker, the file offered; an unwritable folder or a refused scope said in
words, leaving no file."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QUrl

from desktop_crm.reports.report_model import ScopeKind
from desktop_crm.services.org_views import UserView
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.ops import Operations
from desktop_crm.ui.reports.report_scopes import Reach
from desktop_crm.ui.reports.reports_page import ReportsPage
from tests.ui.reports.conftest import SHANGHAI, wait_idle


def open_reports(qtbot, ops: Operations, session: CrmSession, answer: Path | None
                 ) -> tuple[ReportsPage, list[tuple[str, Path]], list[QUrl]]:
    page = ReportsPage(session, ops, session.me(), zone=SHANGHAI)
    qtbot.addWidget(page)
    asked: list[tuple[str, Path]] = []
    opened: list[QUrl] = []

    def ask(_parent, title: str, start: Path) -> Path | None:
        asked.append((title, start))
        return answer

    page.ask_pdf_path = ask
    page.open_url = opened.append
    page.resize(1000, 700)
    page.show()
    wait_idle(qtbot, ops)
    return page, asked, opened


def test_a_pdf_is_written_where_chosen_with_the_bar_filling_to_the_end(
        qtbot, ops, signed_in, tmp_path):
    out = tmp_path / "out"  # the test's vault sits in tmp_path too
    out.mkdir()
    admin = signed_in("admin")
    admin.policies.update(company_name="示例贸易有限公司")
    page, asked, opened = open_reports(qtbot, ops, admin, out / "五月报告")
    seen: list[int] = []
    page.job.progressed.connect(lambda percent, _step: seen.append(percent))
    page.language_combo.setCurrentIndex(page.language_combo.findData("zh"))
    page.generate_button.click()
    assert not page.generate_button.isEnabled()
    wait_idle(qtbot, ops)
    target = out / "五月报告.pdf"
    assert asked[0][1].name == "satisfaction-report-2026-05.pdf"
    text = subprocess.run(["pdftotext", str(target), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "示例贸易有限公司" in text and "客户满意度报告" in text  # the cover, in Chinese
    assert page.progress_bar.value() == 100 and page.generate_button.isEnabled()
    assert seen == sorted(seen) and seen[0] < 60 <= seen[-1] == 100  # build, then write
    assert page.status_label.text() == f"Saved to {target}"
    page.open_button.click()
    page.folder_button.click()
    assert opened == [QUrl.fromLocalFile(str(target)), QUrl.fromLocalFile(str(out))]
    assert [p.name for p in out.iterdir()] == [target.name]  # no temporary file left


def test_an_unwritable_folder_is_said_in_words_and_leaves_no_file(
        qtbot, ops, signed_in, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    missing = out / "gone" / "report.pdf"
    page, _, _ = open_reports(qtbot, ops, signed_in("admin"), missing)
    page.generate_button.click()
    wait_idle(qtbot, ops)
    assert page.message.isVisible()
    assert page.message.text().startswith(
        f"The report could not be saved in {missing.parent} (")
    assert not page.progress_bar.isVisible() and not page.open_button.isVisible()
    assert page.generate_button.isEnabled() and page.saved_path is None
    assert list(out.iterdir()) == []


def test_a_scope_outside_the_viewers_sight_is_refused_and_no_file_is_written(
        qtbot, ops, signed_in, tmp_path):
    sales2 = signed_in("sales2")
    admin_id = signed_in("admin").user_id
    out = tmp_path / "out"
    out.mkdir()
    page, _, _ = open_reports(qtbot, ops, sales2, out / "report.pdf")
    # a choice the list no longer offers (the person left the viewer's team meanwhile)
    stale = UserView(admin_id, "admin", "管理员 Admin", None, None, (), "active", False)
    page.scope_picker.set_reach(Reach((), (stale,)))
    page.scope_picker.choose(ScopeKind.USER, admin_id)
    page.generate_button.click()
    wait_idle(qtbot, ops)
    assert page.message.text() == "This record does not exist or is outside your view."
    assert list(out.iterdir()) == []


def test_cancelling_the_save_dialog_writes_nothing(qtbot, ops, signed_in, tmp_path):
    page, asked, _ = open_reports(qtbot, ops, signed_in("sales2"), None)
    page.generate_button.click()
    assert asked and not ops.busy and page.generate_button.isEnabled()
    assert not page.progress_bar.isVisible()
