"""Building a satisfaction report and writing it as a PDF, off the GUI thread.

`PdfJob.start` runs the build and the write as one operation on the write lane (the build
records an audit event); the cover names the company as the policy does at that moment.
Progress from the worker reaches the GUI thread through a queued signal (`progressed`, a
percentage and the step) and nothing on the worker touches a widget. The build counts for
the first part of the bar, the layout and write for the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal

from desktop_crm.reports.report_model import ReportScope, ScopeKind
from desktop_crm.reports.satisfaction_pdf import write_satisfaction_pdf
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.ops import Lane, OpChanges, Operations

BUILD_SHARE = 60  # percent of the bar the build takes; writing the PDF takes the rest
BUILDING, WRITING = "building", "writing"
REPORT_RECORDED = OpChanges(frozenset({"audit"}))


@dataclass(frozen=True)
class PdfRequest:
    period: str
    scope: ReportScope
    language: str  # "en" or "zh"
    target: Path


def overall_percent(step: str, done: int, total: int) -> int:
    """Where a step's (done, total) puts the whole bar."""
    part = done / total if total > 0 else 1.0
    part = min(max(part, 0.0), 1.0)
    if step == BUILDING:
        return round(part * BUILD_SHARE)
    return BUILD_SHARE + round(part * (100 - BUILD_SHARE))


class PdfJob(QObject):
    progressed = Signal(int, str)  # percent of the whole, the step (BUILDING or WRITING)
    _worker_progress = Signal(int, str)  # emitted on the worker, delivered queued

    def __init__(self, session: CrmSession, ops: Operations,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._ops = ops
        self._worker_progress.connect(self.progressed, Qt.ConnectionType.QueuedConnection)
        self.running = False

    def start(self, request: PdfRequest, *, on_success: Callable[[Path], None],
              on_failure: Callable[[Exception], None]) -> None:
        self.running = True
        reports, policies = self._session.reports, self._session.policies
        tell = self._worker_progress.emit

        def work() -> Path:
            company = policies.current().company_name
            scope = request.scope
            if scope.kind is ScopeKind.COMPANY:  # the cover names the company
                scope = replace(scope, label=company)
            report = reports.build(
                request.period, scope, language=request.language,
                progress=lambda done, total: tell(overall_percent(BUILDING, done, total),
                                                  BUILDING))
            write_satisfaction_pdf(
                report, request.target, language=request.language, company=company,
                progress=lambda done, total: tell(overall_percent(WRITING, done, total),
                                                  WRITING))
            return request.target

        def succeeded(target: Path) -> None:
            self.running = False
            on_success(target)

        def failed(error: Exception) -> None:
            self.running = False
            on_failure(error)

        self._ops.run(work, lane=Lane.WRITE, changes=REPORT_RECORDED, context=self,
                      on_success=succeeded, on_failure=failed)
