"""What other PDF readers make of a report: poppler's pdftotext, pdftoppm, pdffonts and pdfinfo,
and qpdf's structural check, each run as a user would run it."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=60,
                          check=False)


def qpdf_check(pdf: Path) -> subprocess.CompletedProcess[str]:
    return _run("qpdf", "--check", pdf)


def page_count(pdf: Path) -> int:
    info = _run("pdfinfo", pdf)
    assert info.returncode == 0, info.stderr
    return int(re.search(r"^Pages:\s+(\d+)$", info.stdout, re.MULTILINE).group(1))


def text(pdf: Path, page: int | None = None) -> str:
    pages = ("-f", str(page), "-l", str(page)) if page else ()
    result = _run("pdftotext", "-enc", "UTF-8", *pages, pdf, "-")
    assert result.returncode == 0, result.stderr
    return result.stdout


@dataclass(frozen=True)
class PdfFont:
    name: str
    type: str
    embedded: bool
    subset: bool


def fonts(pdf: Path) -> list[PdfFont]:
    result = _run("pdffonts", pdf)
    assert result.returncode == 0, result.stderr
    found = []
    for line in result.stdout.splitlines()[2:]:
        # name type [type ...] encoding emb sub uni object-id generation
        parts = line.split()
        found.append(PdfFont(parts[0], " ".join(parts[1:-6]), parts[-5] == "yes",
                             parts[-4] == "yes"))
    return found


def render_pages(pdf: Path, folder: Path, *, dpi: int = 24) -> list[Path]:
    """Every page as a greyscale PGM image (simple to read without an imaging library)."""
    folder.mkdir(parents=True, exist_ok=True)
    result = _run("pdftoppm", "-r", str(dpi), "-gray", pdf, folder / "page")
    assert result.returncode == 0, result.stderr
    return sorted(folder.glob("page-*.pgm"))


def dark_pixels(pgm: Path) -> int:
    """How many pixels of a binary PGM are clearly darker than paper: ink on the page."""
    data = pgm.read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
    assert header, "not an 8-bit binary PGM"
    pixels = data[header.end():]
    assert len(pixels) == int(header.group(1)) * int(header.group(2))
    return sum(1 for value in pixels if value < 160)
