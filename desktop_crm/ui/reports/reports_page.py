"""The Reports page: the customer satisfaction report as a PDF.

Pick a period, whose customers and the report's language (the interface's by default), then
"Generate PDF…" asks where to save it, builds and writes it on the write lane with a progress
bar, and says where it went with buttons to open the file or its folder. A failure (a folder
that cannot be written, a scope outside the viewer's sight) is said in words and leaves no
file. The save dialog and the opening of files are seams a test replaces
(`ask_pdf_path`, `open_url`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_crm.domain.local_zone import local_zone
from desktop_crm.reports.satisfaction_pdf import ReportWriteFailed
from desktop_crm.services.actor import Actor
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.errors import error_text
from desktop_crm.ui.i18n import filled
from desktop_crm.ui.list_page import ListPage
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.reports.card import PADDING, Card
from desktop_crm.ui.reports.dashboard_page import CHOICES_CHANGED_BY
from desktop_crm.ui.reports.figure_text import report_language
from desktop_crm.ui.reports.pdf_export import WRITING, PdfJob, PdfRequest
from desktop_crm.ui.reports.period_picker import ReportPeriodPicker
from desktop_crm.ui.reports.report_scopes import Reach, reach_reader
from desktop_crm.ui.reports.scope_picker import ScopePicker
from desktop_crm.ui.widgets import QuietMessageLabel, filter_combo

PathAsker = Callable[[QWidget, str, Path], Path | None]
FORM_WIDTH = 640  # the form reads as one column, however wide the window


def ask_pdf_path(parent: QWidget, title: str, start: Path) -> Path | None:
    """The save dialog (tests replace the page's `ask_pdf_path` instead)."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, title, str(start),
        QCoreApplication.translate("ReportsPage", "PDF documents (*.pdf)"))
    return Path(chosen) if chosen else None


def default_folder() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


class ReportsPage(ListPage):
    def __init__(self, session: CrmSession, ops: Operations, actor: Actor, *,
                 zone: tzinfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsPage")
        self._session = session
        self._ops = ops
        self._actor = actor
        self._zone = zone or local_zone()
        self._folder: Path | None = None  # where the last report went: the next starts there
        self.ask_pdf_path: PathAsker = ask_pdf_path
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.saved_path: Path | None = None
        self.job = PdfJob(session, ops, self)
        self.job.progressed.connect(self._show_progress)

        self.title_label = QLabel(self.tr("Reports"), self)
        self.title_label.setObjectName("reportsTitle")
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.heading = QLabel(self.tr("Customer satisfaction report (PDF)"), self)
        self.heading.setObjectName("reportHeading")
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        self.about_label = QLabel(self.tr(
            "The period's key figures beside the period before, twelve periods of trends, "
            "the answers, tiers and loyalty stages, each salesperson's figures, the customers "
            "at risk of leaving and the unhappy ones, and how every figure is counted."), self)
        self.about_label.setObjectName("reportAbout")
        self.about_label.setWordWrap(True)
        self.about_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.period_picker = ReportPeriodPicker(self._today(), self)
        self.scope_picker = ScopePicker(self)
        self.language_combo = filter_combo(self, "reportLanguageCombo",
                                           self.tr("The report's language"))
        self.language_combo.addItem(self.tr("English"), "en")
        self.language_combo.addItem(self.tr("Simplified Chinese"), "zh")
        self.language_combo.setCurrentIndex(self.language_combo.findData(report_language()))
        self.generate_button = QPushButton(self.tr("Generate PDF…"), self)
        self.generate_button.setObjectName("generatePdfButton")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("reportProgress")
        self.progress_bar.setRange(0, 100)
        self.progress_bar.hide()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("reportStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QuietMessageLabel("reportMessage", self)
        self.open_button = QPushButton(self.tr("Open the PDF"), self)
        self.open_button.setObjectName("openPdfButton")
        self.open_button.clicked.connect(self.open_saved)
        self.folder_button = QPushButton(self.tr("Show the folder"), self)
        self.folder_button.setObjectName("openFolderButton")
        self.folder_button.clicked.connect(self.open_folder)
        self.open_button.hide()
        self.folder_button.hide()

        self._lay_out()
        self.scope_picker.scope_did_change.connect(lambda _: self._forget_result())
        self.period_picker.period_did_change.connect(lambda _: self._forget_result())
        ops.changes_did_happen.connect(self._on_changes)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Period"), self.period_picker)
        form.addRow(self.tr("Whose customers"), self.scope_picker)
        form.addRow(self.tr("Language"), self.language_combo)
        opened = QHBoxLayout()
        opened.addWidget(self.open_button)
        opened.addWidget(self.folder_button)
        opened.addStretch(1)
        action = QHBoxLayout()
        action.addWidget(self.generate_button)
        action.addStretch(1)

        column = Card(self)
        column.setObjectName("reportCard")
        column.setMaximumWidth(FORM_WIDTH)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(PADDING * 2, PADDING * 2, PADDING * 2, PADDING * 2)
        inner.setSpacing(8)
        inner.addWidget(self.heading)
        inner.addWidget(self.about_label)
        inner.addSpacing(4)
        inner.addLayout(form)
        inner.addSpacing(4)
        inner.addLayout(action)
        inner.addWidget(self.progress_bar)
        inner.addWidget(self.status_label)
        inner.addWidget(self.message)
        inner.addLayout(opened)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 8, 8)
        layout.setSpacing(12)
        layout.addWidget(self.title_label)
        layout.addWidget(column)
        layout.addStretch(1)

    # --- the choices --------------------------------------------------------------------------

    def read_again(self) -> None:
        self._ops.run(reach_reader(self._session, self._actor), lane=Lane.READ, context=self,
                      on_success=self._show_choices,
                      on_failure=lambda error: self._show_error(error_text(error)))

    def _show_choices(self, reach: Reach) -> None:
        if isValid(self):
            self.scope_picker.set_reach(reach)

    def _on_changes(self, changes: OpChanges) -> None:
        self.refresh_if_changed(any(changes.touches(e) for e in CHOICES_CHANGED_BY))

    def _today(self) -> date:
        return self._session.clock.now().astimezone(self._zone).date()

    def language(self) -> str:
        return str(self.language_combo.currentData())

    # --- generating ---------------------------------------------------------------------------

    def generate(self) -> None:
        scope = self.scope_picker.scope()
        if scope is None or self.job.running:
            return
        period = self.period_picker.period()
        start = (self._folder or default_folder()) / self._file_name(period)
        target = self.ask_pdf_path(self, self.tr("Save the report as"), start)
        if target is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self._folder = target.parent
        self._forget_result()
        self.generate_button.setEnabled(False)
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.status_label.setText(self.tr("Computing the figures…"))
        request = PdfRequest(period=period, scope=scope, language=self.language(),
                             target=target)
        self.job.start(request, on_success=self._saved, on_failure=self._failed)

    def _file_name(self, period: str) -> str:
        stem = self.tr("satisfaction-report", "the start of a report's file name")
        return f"{stem}-{period}.pdf"

    def _show_progress(self, percent: int, step: str) -> None:
        if not isValid(self) or not self.job.running:
            return
        self.progress_bar.setValue(percent)
        if step == WRITING:
            self.status_label.setText(self.tr("Writing the PDF…"))

    def _saved(self, target: Path) -> None:
        self.saved_path = target
        self.generate_button.setEnabled(True)
        self.progress_bar.setValue(100)
        self.status_label.setText(filled(self.tr("Saved to %1"), str(target)))
        self.status_label.setToolTip(str(target))
        self.open_button.show()
        self.folder_button.show()

    def _failed(self, error: Exception) -> None:
        self.generate_button.setEnabled(True)
        self.progress_bar.hide()
        self.status_label.setText("")
        self._show_error(self._failure_text(error))

    def _failure_text(self, error: Exception) -> str:
        if isinstance(error, ReportWriteFailed):
            if error.disk_full:
                return self.tr("The disk is full: the report was not saved.")
            return filled(self.tr("The report could not be saved in %1 (%2). Choose another "
                                  "folder."), str(error.target.parent), error.reason)
        return error_text(error)

    def _show_error(self, text: str) -> None:
        if isValid(self):
            self.message.show_error(text)

    def _forget_result(self) -> None:
        if self.job.running:
            return
        self.saved_path = None
        self.message.clear_message()
        self.status_label.setText("")
        self.status_label.setToolTip("")
        self.progress_bar.hide()
        self.open_button.hide()
        self.folder_button.hide()

    def open_saved(self) -> None:
        if self.saved_path is not None:
            self.open_url(QUrl.fromLocalFile(str(self.saved_path)))

    def open_folder(self) -> None:
        if self.saved_path is not None:
            self.open_url(QUrl.fromLocalFile(str(self.saved_path.parent)))
