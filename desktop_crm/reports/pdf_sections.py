"""The first parts of the PDF report as platypus flowables: the cover, the executive summary of
KPI tiles, the trend charts and the distributions with the loyalty funnel."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import tzinfo

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table
from reportlab.platypus.flowables import HRFlowable

from desktop_crm.reports import definitions
from desktop_crm.reports.charts import (
    ACCENT,
    CSAT_COLOURS,
    GRID,
    NPS_COLOURS,
    VERDICT_COLOURS,
    Bar,
    bar_chart,
    change_arrow,
    funnel,
    trend_chart,
)
from desktop_crm.reports.pdf_styles import ReportStyles
from desktop_crm.reports.pdf_text import PdfWords, local_time
from desktop_crm.reports.report_model import Figure, SatisfactionReport, Share
from desktop_crm.reports.value_format import (
    direction,
    format_change,
    format_number,
    format_value,
    no_data,
    shown_number,
    unit_suffix,
    verdict,
)

TILE_FILL = colors.HexColor("#F5F7F9")
TILES_PER_ROW = 3
CHARTS_PER_ROW = 2
GUTTER = 10.0


@dataclass(frozen=True)
class PdfContext:
    """What every section needs: the report, its language's words and styles, the company,
    the zone its times are shown in and the frame's width."""

    report: SatisfactionReport
    words: PdfWords
    styles: ReportStyles
    company: str
    zone: tzinfo
    width: float

    @property
    def language(self) -> str:
        return self.words.language

    def heading(self, text: str) -> Paragraph:
        return self.styles.para(text, self.styles.heading)

    def count_share(self, count: int, total: int) -> str:
        """"12 (40.0%)": a bar's count and its share of the distribution."""
        share = f" ({count / total * 100:.1f}%)" if total else ""
        return f"{count:,}{share}"


def cover(ctx: PdfContext) -> list[Flowable]:
    report, say, s = ctx.report, ctx.words, ctx.styles
    generated = local_time(report.generated_at, ctx.zone).strftime("%Y-%m-%d %H:%M")
    rows = [
        (say("cover_company"), ctx.company),
        (say("cover_scope"), say.scope(report.scope.kind, report.scope.label)),
        (say("cover_period"), f"{say.period(report.period)} ({report.period})"),
        (say("cover_previous"),
         f"{say.period(report.previous_period)} ({report.previous_period})"),
        (say("cover_time_zone"), report.time_zone),
        (say("cover_generated_by"), report.generated_by),
        (say("cover_generated_at"), f"{generated} ({report.time_zone})"),
    ]
    table = Table([[s.para(label, s.cover_label), s.para(value, s.cover_value)]
                   for label, value in rows], colWidths=[ctx.width * 0.28, ctx.width * 0.72],
                  hAlign="LEFT")
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), s.font),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ("LINEBELOW", (0, 0), (-1, -2), 0.3, GRID)])
    return [
        Spacer(1, 120),
        s.para(ctx.company, s.cover_label),
        s.para(say("report_title"), s.cover_title),
        HRFlowable(width="100%", thickness=2, color=ACCENT, spaceBefore=2, spaceAfter=24),
        table,
        Spacer(1, 30),
        s.para(say("cover_masked"), s.small),
        PageBreak(),
    ]


def summary(ctx: PdfContext) -> list[Flowable]:
    """The KPI tiles, in the report's order, three a row."""
    say = ctx.words
    tile_w = (ctx.width - GUTTER * (TILES_PER_ROW - 1)) / TILES_PER_ROW
    tiles = [_tile(ctx, figure, tile_w) for figure in ctx.report.kpis]
    grid = _grid(tiles, TILES_PER_ROW, tile_w, ctx.styles.font)
    return [ctx.heading(say("summary")),
            ctx.styles.para(say("summary_note", previous=say.period(
                ctx.report.previous_period)), ctx.styles.note),
            grid, PageBreak()]


def trends(ctx: PdfContext) -> list[Flowable]:
    s = ctx.styles
    chart_w = (ctx.width - GUTTER * (CHARTS_PER_ROW - 1)) / CHARTS_PER_ROW
    cells: list[list[Flowable]] = []
    for trend in ctx.report.trends:
        drawing = trend_chart(
            trend, width=chart_w, height=172, font=s.font,
            value_text=lambda v, unit=trend.unit: format_number(unit, v, ctx.language),
            no_data=format_value(trend.unit, None, ctx.language))
        cells.append([s.para(definitions.title(trend.key, ctx.language), s.subheading),
                             drawing])
    return [ctx.heading(ctx.words("trends")), s.para(ctx.words("trends_note"), s.note),
            _grid(cells, CHARTS_PER_ROW, chart_w, s.font), PageBreak()]


def distributions(ctx: PdfContext) -> list[Flowable]:
    report, say, s = ctx.report, ctx.words, ctx.styles
    half = (ctx.width - GUTTER) / 2

    def bars(group: str, shares: tuple[Share, ...], palette: dict[str, colors.Color] | None
             = None) -> list[Bar]:
        return [Bar(definitions.share_label(group, share.key, ctx.language), share.count,
                    (palette or {}).get(share.key, ACCENT)) for share in shares]

    def block(title: str, shares: tuple[Share, ...], drawn: Flowable) -> list[Flowable]:
        body = drawn if sum(x.count for x in shares) else s.para(say("no_answers"), s.note)
        return ([s.para(title, s.subheading), body])

    csat = block(say("csat_distribution"), report.csat_distribution, bar_chart(
        bars("csat", report.csat_distribution, CSAT_COLOURS), width=half, font=s.font,
        count_text=ctx.count_share))
    nps = block(say("nps_groups"), report.nps_groups, bar_chart(
        bars("nps", report.nps_groups, NPS_COLOURS), width=half, font=s.font,
        count_text=ctx.count_share))
    stages = block(say("loyalty_funnel"), report.loyalty_stages, funnel(
        bars("stage", report.loyalty_stages), width=ctx.width, font=s.font,
        count_text=ctx.count_share))
    tiers = block(say("tiers"), report.tiers, bar_chart(
        bars("tier", report.tiers), width=half, font=s.font, count_text=ctx.count_share))
    rfm = block(say("rfm_segments"), report.rfm_segments, bar_chart(
        bars("rfm", report.rfm_segments), width=half, font=s.font,
        count_text=ctx.count_share))
    return [ctx.heading(say("distributions")),
            _grid([csat, nps], 2, half, s.font), Spacer(1, 6),
            KeepTogether(stages), Spacer(1, 6),
            _grid([tiers, rfm], 2, half, s.font)]


def _tile(ctx: PdfContext, figure: Figure, width: float) -> Table:
    """One KPI: its title, its value (the unit set smaller), and an arrow with the change
    against the previous period coloured by whether the move is good news."""
    s, say = ctx.styles, ctx.words
    title = s.para(definitions.title(figure.key, ctx.language), s.tile_title)
    if figure.value is None:
        value = s.para(no_data(ctx.language), s.tile_no_data)
    else:
        suffix = unit_suffix(figure.unit)
        small = f'<font size="10">{suffix}</font>' if suffix else ""
        digits = shown_number(figure.unit, figure.value)
        size = 17 if len(digits) <= 12 else (14 if len(digits) <= 15 else 11)  # fit the tile
        value = Paragraph(f'<font size="{size}">{digits}</font>{small}', s.tile_value)
    change = format_change(figure.unit, figure.change, ctx.language)
    tone = VERDICT_COLOURS[verdict(figure)]
    if change:
        text = f"{change} {say('vs_previous', previous=ctx.report.previous_period)}"
    else:
        text = say("no_previous")
    change_row = Table([[change_arrow(direction(figure), verdict(figure), font=s.font, size=7),
                         s.para(text, s.tile_change)]], colWidths=[11, width - 24])
    change_row.setStyle([("FONTNAME", (0, 0), (-1, -1), s.font),
                         ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                         ("LEFTPADDING", (0, 0), (-1, -1), 0),
                         ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                         ("TOPPADDING", (0, 0), (-1, -1), 0),
                         ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                         ("TEXTCOLOR", (1, 0), (1, 0), tone)])
    tile = Table([[title], [value], [change_row]], colWidths=[width], rowHeights=[24, 30, 18])
    tile.setStyle([("FONTNAME", (0, 0), (-1, -1), s.font),
                   ("BACKGROUND", (0, 0), (-1, -1), TILE_FILL),
                   ("LINEBEFORE", (0, 0), (0, -1), 2.5, tone),
                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                   ("LEFTPADDING", (0, 0), (-1, -1), 7),
                   ("TOPPADDING", (0, 0), (0, 0), 6), ("BOTTOMPADDING", (0, -1), (-1, -1), 6)])
    return tile


def _grid(cells: Sequence[Flowable | list[Flowable]], per_row: int, cell_w: float,
          font: str) -> Table:
    """Cells (a flowable, or flowables stacked) per_row a row, with a gutter column between
    cells and a gutter below each row."""
    data: list[list[object]] = []
    for start in range(0, len(cells), per_row):
        line: list[object] = []
        for index in range(per_row):
            if index:
                line.append("")
            line.append(cells[start + index] if start + index < len(cells) else "")
        data.append(line)
    widths = [cell_w if index % 2 == 0 else GUTTER for index in range(2 * per_row - 1)]
    table = Table(data or [[""] * len(widths)], colWidths=widths, hAlign="LEFT")
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), font),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), GUTTER)])
    return table
