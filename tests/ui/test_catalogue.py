"""Every string the GUI shows has a Chinese translation in the committed catalogue."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "desktop_crm_zh_CN.ts"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"


def sources(ts: Path, *, translated_only: bool) -> set[tuple[str, str]]:
    found = set()
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in (
                "unfinished", "obsolete", "vanished")
            text = "".join(translation.itertext()).strip() if translation is not None else ""
            if not translated_only or (done and text):
                found.add((name, message.findtext("source") or ""))
    return found


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate is not installed")
def test_every_gui_string_is_translated_to_chinese(tmp_path):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(CATALOGUE, fresh)  # lupdate keeps what is translated and adds what is new
    files = sorted(str(p) for p in (ROOT / "desktop_crm" / "ui").rglob("*.py"))
    subprocess.run([str(LUPDATE), "-no-obsolete", *files, "-ts", str(fresh)],
                   check=True, capture_output=True)
    missing = sources(fresh, translated_only=False) - sources(CATALOGUE, translated_only=True)
    assert not missing, f"strings without a Chinese translation: {sorted(missing)}"


@pytest.mark.skipif(not LRELEASE.exists(), reason="pyside6-lrelease is not installed")
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_committed_qm_files_are_compiled_from_the_committed_ts(tmp_path, language):
    source = CATALOGUE.with_name(f"desktop_crm_{language}.ts")
    compiled = tmp_path / "fresh.qm"
    subprocess.run([str(LRELEASE), str(source), "-qm", str(compiled)], check=True,
                   capture_output=True)
    assert compiled.read_bytes() == source.with_suffix(".qm").read_bytes(), (
        "run pyside6-lrelease on the catalogue and commit the .qm")
