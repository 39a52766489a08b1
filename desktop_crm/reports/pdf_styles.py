"""Paragraph and table styles of the PDF report, all in the embedded font.

Chinese text wraps between any two characters (reportlab's CJK word wrap); English wraps at
spaces and still splits a word too long for its cell (a Chinese comment in an English report).
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, TableStyle

from desktop_crm.reports.charts import ACCENT, GRID, INK, MUTED

HEADER_FILL = colors.HexColor("#EEF2F6")
ZEBRA_FILL = colors.HexColor("#F8FAFB")


@dataclass(frozen=True)
class ReportStyles:
    font: str
    body: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle
    cell_head_right: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    cover_title: ParagraphStyle
    cover_label: ParagraphStyle
    cover_value: ParagraphStyle
    tile_title: ParagraphStyle
    tile_value: ParagraphStyle
    tile_no_data: ParagraphStyle
    tile_change: ParagraphStyle
    term: ParagraphStyle

    def para(self, text: str, style: ParagraphStyle) -> Paragraph:
        """A paragraph of plain text: names and comments are escaped, never read as markup."""
        return Paragraph(escape(text), style)


def report_styles(font: str, language: str) -> ReportStyles:
    wrap = "CJK" if language == "zh" else None

    def style(name: str, size: float, colour: colors.Color = INK, **extra: object) -> \
            ParagraphStyle:
        extra.setdefault("leading", size * 1.4)
        return ParagraphStyle(name, fontName=font, fontSize=size, textColor=colour,
                              wordWrap=wrap, splitLongWords=True, **extra)

    return ReportStyles(
        font=font,
        body=style("body", 9.5),
        small=style("small", 8, MUTED),
        note=style("note", 8.5, MUTED, spaceBefore=2, spaceAfter=6),
        cell=style("cell", 8),
        cell_right=style("cell_right", 8, alignment=TA_RIGHT),
        cell_head=style("cell_head", 8, MUTED),
        cell_head_right=style("cell_head_right", 8, MUTED, alignment=TA_RIGHT),
        heading=style("heading", 15, ACCENT, spaceBefore=4, spaceAfter=6),
        subheading=style("subheading", 10.5, INK, spaceBefore=8, spaceAfter=4),
        cover_title=style("cover_title", 26, ACCENT, leading=34, spaceAfter=10),
        cover_label=style("cover_label", 9.5, MUTED),
        cover_value=style("cover_value", 11),
        tile_title=style("tile_title", 8, MUTED, leading=10),
        tile_value=style("tile_value", 17, INK, leading=22),
        tile_no_data=style("tile_no_data", 13, MUTED, leading=22),
        tile_change=style("tile_change", 7.5, MUTED, leading=9.5),
        term=style("term", 9.5, ACCENT, spaceBefore=7, spaceAfter=1),
    )


def list_table_style(font: str, right_columns: tuple[int, ...] = ()) -> TableStyle:
    """A list: a tinted header row repeated on every page, thin rules, zebra rows."""
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, MUTED),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, GRID),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA_FILL]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    commands += [("ALIGN", (c, 0), (c, -1), "RIGHT") for c in right_columns]
    return TableStyle(commands)

