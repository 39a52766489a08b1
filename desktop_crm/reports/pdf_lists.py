"""The later parts of the PDF report: the per-salesperson table, the churn-risk and detractor
lists (masked already by the service that made the report) and the methodology appendix."""

from __future__ import annotations

from datetime import datetime

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from desktop_crm.reports import definitions
from desktop_crm.reports.pdf_sections import PdfContext
from desktop_crm.reports.pdf_styles import list_table_style
from desktop_crm.reports.pdf_text import local_time
from desktop_crm.reports.report_model import Unit
from desktop_crm.reports.value_format import format_number

HEADING_ROOM = 110.0  # points: a heading and a few rows
# a list is a summary: a comment (up to 2,000 characters) is cut to a few lines, a name to one
COMMENT_SHOWN = 280
NAME_SHOWN = 60


def salespeople(ctx: PdfContext) -> list[Flowable]:
    """One row a salesperson; nothing at all for a report without any (one person's own)."""
    rows = ctx.report.salespeople
    if not rows:
        return []
    s, say, lang = ctx.styles, ctx.words, ctx.language
    head = [s.para(say("col_salesperson"), s.cell_head)] + [
        s.para(say(key), s.cell_head_right) for key in
        ("col_active", "col_csat", "col_nps", "col_complaints", "col_repurchase",
         "col_collected")]
    body = [[s.para(_clip(row.name, NAME_SHOWN), s.cell),
             _right(ctx, format_number(Unit.COUNT, row.active_customers, lang)),
             _right(ctx, format_number(Unit.SCORE_5, row.csat, lang)),
             _right(ctx, format_number(Unit.NPS, row.nps, lang)),
             _right(ctx, format_number(Unit.COUNT, row.complaints, lang)),
             _right(ctx, format_number(Unit.PERCENT, row.repurchase_rate, lang)),
             _right(ctx, format_number(Unit.MONEY, row.collected_minor, lang))]
            for row in rows]
    shares = (0.22, 0.12, 0.12, 0.1, 0.11, 0.14, 0.19)
    table = Table([head, *body], colWidths=[ctx.width * x for x in shares], repeatRows=1,
                  splitInRow=1)
    table.setStyle(list_table_style(s.font))
    return [*_keep_heading(ctx, say("salespeople"), table), Spacer(1, 12)]


def churn_risks(ctx: PdfContext) -> list[Flowable]:
    report, s, say = ctx.report, ctx.styles, ctx.words
    if not report.churn_risks:
        return [CondPageBreak(HEADING_ROOM), ctx.heading(say("churn_risks")),
                s.para(say("churn_none"), s.note),
                Spacer(1, 12)]
    head = [s.para(say(key), s.cell_head) for key in
            ("col_customer", "col_phone", "col_owner", "col_reason", "col_since")]
    body = [[s.para(_clip(risk.name, NAME_SHOWN), s.cell), s.para(risk.phone, s.cell),
             s.para(_clip(risk.owner_name, NAME_SHOWN), s.cell),
             s.para(_reason(risk.reason, ctx.language), s.cell),
             s.para(_date(ctx, risk.since), s.cell)] for risk in report.churn_risks]
    shares = (0.24, 0.16, 0.16, 0.30, 0.14)
    table = Table([head, *body], colWidths=[ctx.width * x for x in shares], repeatRows=1,
                  splitInRow=1)
    table.setStyle(list_table_style(s.font))
    return [*_keep_heading(ctx, say("churn_risks"), table),
            *_more(ctx, report.churn_risk_total, len(report.churn_risks)), Spacer(1, 12)]


def detractors(ctx: PdfContext) -> list[Flowable]:
    report, s, say = ctx.report, ctx.styles, ctx.words
    if not report.detractors:
        return [CondPageBreak(HEADING_ROOM), ctx.heading(say("detractors")),
                s.para(say("detractors_none"), s.note)]
    head = [s.para(say(key), s.cell_head) for key in
            ("col_customer", "col_phone", "col_owner", "col_answer", "col_comment",
             "col_answered")]
    body = [[s.para(_clip(d.name, NAME_SHOWN), s.cell), s.para(d.phone, s.cell),
             s.para(_clip(d.owner_name, NAME_SHOWN), s.cell),
             s.para(f"{_score(d.nps)} / {_score(d.csat)}", s.cell),
             s.para(_clip(d.comment, COMMENT_SHOWN), s.cell),
             s.para(_date(ctx, d.responded_at), s.cell)]
            for d in report.detractors]
    shares = (0.15, 0.13, 0.11, 0.10, 0.39, 0.12)
    table = Table([head, *body], colWidths=[ctx.width * x for x in shares], repeatRows=1,
                  splitInRow=1)
    table.setStyle(list_table_style(s.font))
    return [*_keep_heading(ctx, say("detractors"), table),
            *_more(ctx, report.detractor_total, len(report.detractors))]


def appendix(ctx: PdfContext) -> list[Flowable]:
    """Every figure's and term's definition, as the metrics engine computes it."""
    s, say, lang = ctx.styles, ctx.words, ctx.language
    parts: list[Flowable] = [
        ctx.heading(say("methodology")),
        s.para(say("methodology_intro", zone=ctx.report.time_zone), s.body),
        Spacer(1, 4),
        s.para(say("audit_note"), s.body),
    ]
    for key in definitions.APPENDIX_ORDER:
        parts.append(KeepTogether([s.para(definitions.title(key, lang), s.term),
                                   s.para(definitions.definition(key, lang), s.body)]))
    return parts


def _keep_heading(ctx: PdfContext, title: str, table: Table) -> list[Flowable]:
    """A new page when too little is left for the heading and the table's first rows (a long
    table then splits, its header row repeated)."""
    return [CondPageBreak(HEADING_ROOM), ctx.heading(title), table]


def _more(ctx: PdfContext, total: int, shown: int) -> list[Flowable]:
    if total <= shown:
        return []
    return [Spacer(1, 4), ctx.styles.para(
        ctx.words("more_not_shown", count=f"{total - shown:,}", total=f"{total:,}"),
        ctx.styles.note)]


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _right(ctx: PdfContext, text: str) -> Paragraph:
    return ctx.styles.para(text, ctx.styles.cell_right)


def _reason(key: str, language: str) -> str:
    try:
        return definitions.churn_reason(key, language)
    except KeyError:  # a reason this build does not know yet still shows, as its key
        return key


def _score(value: int | None) -> str:
    return "–" if value is None else str(value)


def _date(ctx: PdfContext, moment: datetime) -> str:
    return local_time(moment, ctx.zone).strftime("%Y-%m-%d")

