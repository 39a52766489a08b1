"""The look: Fusion with a light or a dark palette that follows the system, a few style
sheets for single widgets, and a font list that puts a Chinese face right after the Latin one.

No style sheet is set on the whole application: Qt then draws every widget through its
style-sheet engine, and the customer list's cells paint about a quarter slower.

Font fallback: Qt picks, per character, the first family in the list that has the glyph. The
list names the system UI font of each platform and its Chinese companion (Segoe UI and
Microsoft YaHei UI on Windows, PingFang SC on macOS, Noto Sans CJK SC or WenQuanYi Micro Hei
on Linux), so Chinese never falls to whatever font happens to be installed first and never
shows as boxes where a CJK font exists at all.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

STYLES_DIR = Path(__file__).resolve().parents[2] / "resources" / "styles"
FONT_FAMILIES = [
    "Segoe UI", "Microsoft YaHei UI",  # Windows
    ".AppleSystemUIFont", "PingFang SC",  # macOS
    "Noto Sans", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "DejaVu Sans",  # Linux
]
ACCENT = "#1f6feb"

_LIGHT = {
    QPalette.ColorRole.Window: "#f4f6f8",
    QPalette.ColorRole.WindowText: "#1d2430",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f7f9fb",
    QPalette.ColorRole.Text: "#1d2430",
    QPalette.ColorRole.Button: "#eef1f4",
    QPalette.ColorRole.ButtonText: "#1d2430",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#1d2430",
    QPalette.ColorRole.PlaceholderText: "#7a8594",
    QPalette.ColorRole.Highlight: ACCENT,
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#0b5cd5",
    QPalette.ColorRole.Mid: "#c9d0d8",
}
_DARK = {
    QPalette.ColorRole.Window: "#1e2227",
    QPalette.ColorRole.WindowText: "#e3e7ec",
    QPalette.ColorRole.Base: "#16191d",
    QPalette.ColorRole.AlternateBase: "#1c2025",
    QPalette.ColorRole.Text: "#e3e7ec",
    QPalette.ColorRole.Button: "#2a2f36",
    QPalette.ColorRole.ButtonText: "#e3e7ec",
    QPalette.ColorRole.ToolTipBase: "#2a2f36",
    QPalette.ColorRole.ToolTipText: "#e3e7ec",
    QPalette.ColorRole.PlaceholderText: "#8b95a3",
    QPalette.ColorRole.Highlight: "#2f7bf5",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#6ea8ff",
    QPalette.ColorRole.Mid: "#3a414a",
}


def palette_for(scheme: Qt.ColorScheme) -> QPalette:
    colours = _DARK if scheme == Qt.ColorScheme.Dark else _LIGHT
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor(colours[QPalette.ColorRole.PlaceholderText])
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_theme(app: QApplication) -> None:
    """Style the app now and again whenever the system switches between light and dark."""
    app.setStyle(QStyleFactory.create("Fusion"))
    font = QFont(app.font())
    font.setFamilies(FONT_FAMILIES)
    app.setFont(font)
    hints = QGuiApplication.styleHints()
    app.setPalette(palette_for(hints.colorScheme()))
    hints.colorSchemeChanged.connect(lambda scheme: app.setPalette(palette_for(scheme)))


def apply_style_sheet(widget: QWidget, name: str) -> None:
    """The style sheet resources/styles/<name>.qss, for this widget (and its children) only."""
    path = STYLES_DIR / f"{name}.qss"
    if path.exists():
        widget.setStyleSheet(path.read_text(encoding="utf-8"))
