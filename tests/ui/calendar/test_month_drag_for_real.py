"""The month grid's real drag (QDrag with mouse events from xdotool) under an X server; the
offscreen tests drive the same drop through the model."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HELPER = Path(__file__).with_name("xvfb_month_drag.py")


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("xvfb-run") and shutil.which("xdotool")),
                    reason="needs xvfb-run and xdotool")
def test_dragging_an_entry_with_the_mouse_asks_to_move_it_to_the_day_dropped_on(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run(["xvfb-run", "-a", sys.executable, str(HELPER)], env=env,
                          capture_output=True, text=True, timeout=90, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stdout + done.stderr
    assert json.loads(lines[-1]) == {"asked": [["回访张伟 报价单", "2026-05-21"]]}
    assert done.returncode == 0
