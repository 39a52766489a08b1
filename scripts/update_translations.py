"""Refresh the catalogues after GUI strings changed, then compile them.

    python scripts/update_translations.py

1. `pyside6-lupdate` collects every tr() string under desktop_crm/ui into the Chinese catalogue
   (new strings arrive unfinished: translate them in Qt Linguist or the .ts file itself).
2. The English catalogue holds only plural forms: "%n customer(s)" becomes "%n customer" and
   "%n customers". They are written from the sources, so English needs no hand work.
3. `pyside6-lrelease` compiles both to the .qm files the app loads.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
CHINESE = TRANSLATIONS / "desktop_crm_zh_CN.ts"
ENGLISH = TRANSLATIONS / "desktop_crm_en.ts"
TOOLS = Path(sys.executable).parent
PLURAL_PART = re.compile(r"(\w+)\((e?s)\)")  # customer(s), match(es)


def english_forms(source: str) -> tuple[str, str]:
    return PLURAL_PART.sub(r"\1", source), PLURAL_PART.sub(r"\1\2", source)


def write_english_plurals(chinese: Path, english: Path) -> None:
    root = ET.Element("TS", version="2.1", language="en_US")
    for context in ET.parse(chinese).getroot().iter("context"):
        plural = [m for m in context.iter("message") if m.get("numerus") == "yes"]
        if not plural:
            continue
        out = ET.SubElement(root, "context")
        ET.SubElement(out, "name").text = context.findtext("name")
        for message in plural:
            copy = ET.SubElement(out, "message", numerus="yes")
            source = message.findtext("source") or ""
            ET.SubElement(copy, "source").text = source
            translation = ET.SubElement(copy, "translation")
            for form in english_forms(source):
                ET.SubElement(translation, "numerusform").text = form
    ET.indent(root)
    english.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                       + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "desktop_crm" / "ui").rglob("*.py"))
    subprocess.run([str(TOOLS / "pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                    *sources, "-ts", str(CHINESE)], check=True)
    write_english_plurals(CHINESE, ENGLISH)
    for catalogue in (CHINESE, ENGLISH):
        subprocess.run([str(TOOLS / "pyside6-lrelease"), str(catalogue), "-qm",
                        str(catalogue.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
