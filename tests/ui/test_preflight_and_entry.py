"""The entry point: GUI or CLI by its arguments; a GUI that cannot start says why in words."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from desktop_crm import app
from desktop_crm.ui import preflight

ENTRY = Path(sys.executable).parent / "desktop-crm"
LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd4f1e5000)
\tlibQt6XcbQpa.so.6 => /opt/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f0c1c400000)
\tlibxcb-cursor.so.0 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-cursor.so.0 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0c1be00000)
"""


@pytest.mark.parametrize(("args", "vault"), [
    ([], None),
    (["--vault", "/srv/crm"], "/srv/crm"),
    (["--vault=/srv/crm"], "/srv/crm"),
])
def test_no_arguments_or_only_a_vault_open_the_gui(args, vault):
    gui = app.gui_arguments(args)
    assert gui is not None and gui.vault == vault


@pytest.mark.parametrize("args", [
    ["init", "--admin", "boss"], ["--vault", "/srv/crm", "customer", "list"], ["--help"],
    ["--vault"], ["--json"],
])
def test_anything_else_goes_to_the_cli(args, monkeypatch):
    assert app.gui_arguments(args) is None
    calls = []
    fake_cli = types.ModuleType("desktop_crm.cli")
    fake_cli.main = lambda argv: calls.append(argv) or 7  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "desktop_crm.cli", fake_cli)
    assert app.main(args) == 7
    assert calls == [args]


def test_missing_libraries_are_read_from_ldd_and_named_with_their_package():
    missing = preflight.parse_ldd_missing(LDD_OUTPUT)
    assert missing == ["libxcb-cursor.so.0", "libxkbcommon-x11.so.0"]
    sentence = preflight.missing_libraries_sentence(missing, "Qt's xcb display plugin")
    assert "libxcb-cursor.so.0, libxkbcommon-x11.so.0" in sentence
    assert sentence.endswith("sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0)")


def test_an_unknown_library_gets_the_debian_naming_rule():
    assert preflight.debian_package("libfoo.so.3") == "libfoo3"
    assert preflight.debian_package("libbar2.so.1") == "libbar2-1"


def test_a_missing_qt_dependency_at_import_is_named():
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    assert "sudo apt-get install libegl1" in preflight.import_problem(error)


def test_no_display_is_said_in_words():
    problem = preflight.gui_problem({"PATH": "/usr/bin"}, platform="linux")
    assert problem is not None and problem.startswith("no display:")


def test_the_platform_qt_will_use_is_read_from_the_environment():
    assert preflight.qt_platform_name({"QT_QPA_PLATFORM": "xcb:dpi=96;offscreen"}) == "xcb"
    assert preflight.default_linux_platform({"DISPLAY": ":0"}) == "xcb"
    assert preflight.default_linux_platform({"WAYLAND_DISPLAY": "wayland-0"}) == "wayland"


def test_offscreen_qt_can_start_here():
    assert preflight.gui_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


def run_entry(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([str(ENTRY)], env={**base, **env}, capture_output=True, text=True,
                          timeout=60, check=False)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland are Linux's")
@pytest.mark.skipif(not ENTRY.exists(), reason="the desktop-crm script is not installed")
def test_the_app_without_a_display_exits_1_with_one_sentence_not_a_qt_abort():
    result = run_entry({})
    assert result.returncode == 1
    assert result.stderr.startswith("desktop-crm: no display:")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's here")
@pytest.mark.skipif(not ENTRY.exists(), reason="the desktop-crm script is not installed")
def test_an_x_display_nobody_answers_is_said_in_words():
    result = run_entry({"DISPLAY": ":4242"})
    assert result.returncode == 1
    assert result.stderr.startswith("desktop-crm: no display: no X server answers at "
                                    "DISPLAY=:4242")
