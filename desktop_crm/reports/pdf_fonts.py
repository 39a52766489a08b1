"""The one font the PDF report writes every text in: WenQuanYi Micro Hei, shipped with the app.

Chinese must render on a machine without Chinese fonts, so the report embeds a subset of a
TrueType font it carries itself (resources/fonts, Apache-2.0, licence beside it). reportlab's
CID font STSong-Light would not be embedded and would depend on the viewer's fonts.
The font also has Latin glyphs, so an English report looks the same as a Chinese one.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desktop_crm.domain.errors import CrmError

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT_FILE = FONTS_DIR / "wqy-microhei.ttc"
FONT_NAME = "WenQuanYiMicroHei"
_FACE_INDEX = 0  # the collection's proportional face ("Micro Hei"; 1 is "Micro Hei Mono")

_lock = threading.Lock()


class ReportFontMissing(CrmError):
    """The app's report font is not where the app was installed; the PDF cannot be made."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"the report font {path.name} cannot be read: {reason}")
        self.path = path
        self.reason = reason


def register_report_font() -> str:
    """Register the font with reportlab once (reports may run on any worker thread) and
    return its name for styles and canvases."""
    with _lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            try:
                font = TTFont(FONT_NAME, str(FONT_FILE), subfontIndex=_FACE_INDEX)
            except (OSError, TTFError) as error:
                raise ReportFontMissing(FONT_FILE, str(error)) from None
            pdfmetrics.registerFont(font)
    return FONT_NAME
