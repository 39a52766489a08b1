"""The satisfaction report as an A4 PDF: cover, executive summary, trends, distributions,
salespeople, churn risks, detractors and the methodology, every page numbered "page X of Y"
with the audit chain's head in its footer.

The file is written whole or not at all: the PDF is laid out in memory, written to a
temporary file beside the target, flushed to disk, then renamed over it.
"""

from __future__ import annotations

import errno
import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from desktop_crm.domain.errors import CrmError
from desktop_crm.reports import pdf_lists, pdf_sections
from desktop_crm.reports.charts import GRID, MUTED
from desktop_crm.reports.pdf_fonts import register_report_font
from desktop_crm.reports.pdf_sections import PdfContext
from desktop_crm.reports.pdf_styles import report_styles
from desktop_crm.reports.pdf_text import PdfWords, report_zone
from desktop_crm.reports.report_model import SatisfactionReport

Progress = Callable[[int, int], None]

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 22 * mm  # room for the footer
PDF_LANGUAGE = {"en": "en", "zh": "zh-CN"}

# the report's parts in reading order; each is one step of the progress
_SECTIONS: tuple[Callable[[PdfContext], list[Flowable]], ...] = (
    pdf_sections.cover,
    pdf_sections.summary,
    pdf_sections.trends,
    pdf_sections.distributions,
    pdf_lists.salespeople,
    pdf_lists.churn_risks,
    pdf_lists.detractors,
    lambda ctx: [PageBreak(), *pdf_lists.appendix(ctx)],
)


class ReportWriteFailed(CrmError):
    """The PDF could not be written to its target; nothing was left behind there."""

    def __init__(self, target: Path, reason: str, *, disk_full: bool = False) -> None:
        super().__init__(f"could not write the report to {target}: {reason}")
        self.target = target
        self.reason = reason
        self.disk_full = disk_full


def write_satisfaction_pdf(report: SatisfactionReport, target: Path, *, language: str,
                           company: str, progress: Progress | None = None) -> None:
    """Lay the report out in `language` ("en" or "zh") and write it to `target` atomically.

    Raises ReportWriteFailed when the folder cannot take the file (missing, read-only, full);
    a file already at `target` is then left as it was.
    """
    target = Path(target)
    words = PdfWords(language)
    steps = len(_SECTIONS) + 2  # the parts, the layout, the write
    report_progress = progress or (lambda done, total: None)
    report_progress(0, steps)
    if target.is_dir():
        raise ReportWriteFailed(target, "it is a folder")
    font = register_report_font()
    ctx = PdfContext(report=report, words=words, styles=report_styles(font, language),
                     company=company, zone=report_zone(report.time_zone),
                     width=PAGE_WIDTH - 2 * MARGIN_X)
    story: list[Flowable] = []
    for done, section in enumerate(_SECTIONS, start=1):
        story += section(ctx)
        report_progress(done, steps)
    data = _layout(story, ctx, font)
    report_progress(steps - 1, steps)
    _write_atomically(target, data)
    report_progress(steps, steps)


def _layout(story: list[Flowable], ctx: PdfContext, font: str) -> bytes:
    say = ctx.words
    title = f"{say('report_title')} {ctx.report.period}"
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=title, author=ctx.report.generated_by,
        subject=ctx.company, creator="Desktop CRM", initialFontName=font,
        lang=PDF_LANGUAGE[ctx.language])
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    header = _fit(f"{say('report_title')} · {say.period(ctx.report.period)} · "
                  f"{say.scope(ctx.report.scope.kind, ctx.report.scope.label)}",
                  font, 7, PAGE_WIDTH - 2 * MARGIN_X)
    audit = say("footer_audit", hash=ctx.report.audit_head) if ctx.report.audit_head \
        else say("footer_no_audit")

    def page_furniture(canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFont(font, 7)
        canvas.setFillColor(MUTED)
        canvas.setStrokeColor(GRID)
        if page > 1:  # the cover needs no running head
            canvas.drawString(MARGIN_X, PAGE_HEIGHT - 12 * mm, header)
            canvas.line(MARGIN_X, PAGE_HEIGHT - 13.5 * mm, PAGE_WIDTH - MARGIN_X,
                        PAGE_HEIGHT - 13.5 * mm)
        canvas.line(MARGIN_X, 15 * mm, PAGE_WIDTH - MARGIN_X, 15 * mm)
        canvas.drawString(MARGIN_X, 11 * mm, audit)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, 11 * mm,
                               say("footer_page", page=page, pages=pages))
        canvas.restoreState()

    doc.build(story, canvasmaker=_numbered_canvas(page_furniture))
    return buffer.getvalue()


def _fit(text: str, font: str, size: float, width: float) -> str:
    """The text, cut with an ellipsis where it would run past `width` (a long scope name)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _numbered_canvas(furniture: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas that holds its pages back until the end, so each can say "of Y"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab calls it at the end of every page
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                furniture(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _write_atomically(target: Path, data: bytes) -> None:
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                             dir=target.parent)
    except OSError as error:
        raise _write_failed(target, error) from None
    temp = Path(temp_name)
    try:
        try:
            with os.fdopen(handle, "wb") as out:
                _write_all(out, data)
            os.replace(temp, target)
        except OSError as error:
            raise _write_failed(target, error) from None
    finally:
        temp.unlink(missing_ok=True)


def _write_all(out: io.BufferedWriter, data: bytes) -> None:
    """Write every byte and flush it to the disk (the seam a test uses to fill the disk)."""
    out.write(data)
    out.flush()
    os.fsync(out.fileno())


def _write_failed(target: Path, error: OSError) -> ReportWriteFailed:
    disk_full = error.errno in (errno.ENOSPC, errno.EDQUOT)
    reason = "the disk is full" if disk_full else (error.strerror or type(error).__name__)
    return ReportWriteFailed(target, reason, disk_full=disk_full)
