"""Can Qt start here? Asked before any Qt widget module is imported.

Without this, a missing system library or display ends in Qt's own abort ("could not load the
Qt platform plugin ..."), which tells a person nothing. Standard library only: this module runs
exactly when PySide6 may not load.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import importlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

# Shared libraries Qt's widgets and platform plugins need, and the Debian/Ubuntu package of each.
DEBIAN_PACKAGES: dict[str, str] = {
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
    "libGLdispatch.so.0": "libglvnd0",
    "libEGL.so.1": "libegl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libpng16.so.16": "libpng16-16",
}

_SONAME = re.compile(r"(lib[\w.+\-]+\.so(?:\.\d+)*)")
_LDD_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def gui_problem(
    environ: Mapping[str, str] | None = None, platform: str | None = None
) -> str | None:
    """One sentence saying why the GUI cannot start here, or None when it can."""
    env = os.environ if environ is None else environ
    platform = platform or sys.platform
    qpa = qt_platform_name(env)
    if platform.startswith("linux") and qpa == "" and not (
        env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")
    ):
        return (
            "no display: this is a window application and no graphical session was found "
            "(DISPLAY and WAYLAND_DISPLAY are not set); start it from a desktop session, "
            "run it under xvfb-run, or use the command-line interface (desktop-crm --help)"
        )
    try:
        qt_core = importlib.import_module("PySide6.QtCore")
        importlib.import_module("PySide6.QtWidgets")
    except ImportError as exc:
        return import_problem(exc)
    if not platform.startswith("linux"):
        return None
    plugin_name = qpa or default_linux_platform(env)
    plugin = platform_plugin_path(Path(str(qt_core.__file__)).parent, plugin_name)
    if plugin is not None:
        missing = missing_libraries(plugin)
        if missing:
            return missing_libraries_sentence(missing, f"Qt's {plugin_name} display plugin")
    if plugin_name == "xcb":
        return x_server_problem(env.get("DISPLAY", ""))
    return None


def qt_platform_name(environ: Mapping[str, str]) -> str:
    """The first platform QT_QPA_PLATFORM names ("xcb:opts;offscreen" -> "xcb"), or ""."""
    value = environ.get("QT_QPA_PLATFORM", "").strip()
    return value.split(";")[0].split(":")[0].strip()


def default_linux_platform(environ: Mapping[str, str]) -> str:
    """The plugin Qt 6 picks on its own: Wayland in a Wayland session, otherwise X11."""
    wayland_session = environ.get("XDG_SESSION_TYPE", "") == "wayland"
    if environ.get("WAYLAND_DISPLAY") and (wayland_session or not environ.get("DISPLAY")):
        return "wayland"
    return "xcb"


def platform_plugin_path(qt_package_dir: Path, name: str) -> Path | None:
    path = qt_package_dir / "Qt" / "plugins" / "platforms" / f"libq{name}.so"
    return path if path.exists() else None


def import_problem(exc: ImportError) -> str:
    text = str(exc)
    match = _SONAME.search(text)
    if match and "cannot open shared object file" in text:
        return missing_libraries_sentence([match.group(1)], "Qt")
    return (
        f"the Qt library for Python (PySide6) cannot be loaded ({text}); "
        "reinstall the app's Python packages with `make run`"
    )


def missing_libraries(shared_object: Path) -> list[str]:
    """The shared libraries `shared_object` needs that the dynamic loader cannot find."""
    ldd = shutil.which("ldd")
    if ldd:
        try:
            result = subprocess.run(
                [ldd, str(shared_object)], capture_output=True, text=True, timeout=20,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            pass
        else:
            return parse_ldd_missing(result.stdout)
    # No ldd: loading the library names the first one missing.
    try:
        ctypes.CDLL(str(shared_object))
    except OSError as exc:
        match = _SONAME.search(str(exc))
        return [match.group(1)] if match else []
    return []


def parse_ldd_missing(ldd_output: str) -> list[str]:
    found = _LDD_NOT_FOUND.findall(ldd_output)
    return list(dict.fromkeys(found))  # unique, in the loader's order


def missing_libraries_sentence(sonames: list[str], needed_by: str) -> str:
    packages = list(dict.fromkeys(debian_package(s) for s in sonames))
    libraries = ", ".join(sonames)
    noun = "library" if len(sonames) == 1 else "libraries"
    package_noun = "package" if len(packages) == 1 else "packages"
    return (
        f"the window cannot open because the system {noun} {libraries} needed by {needed_by} "
        f"{'is' if len(sonames) == 1 else 'are'} missing; install the {package_noun} "
        f"{' '.join(packages)} (on Debian or Ubuntu: sudo apt-get install {' '.join(packages)})"
    )


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that ships `soname` (a good guess for unknown ones)."""
    known = DEBIAN_PACKAGES.get(soname)
    if known:
        return known
    # Debian names a library package after its soname: libfoo.so.3 -> libfoo3.
    base, _, version = soname.partition(".so")
    version = version.lstrip(".").split(".")[0]
    if base[-1:].isdigit() and version:
        return f"{base.lower()}-{version}"
    return f"{base.lower()}{version}"


def x_server_problem(display: str) -> str | None:
    """Whether an X server answers at `display` (Qt would abort if none does)."""
    name = ctypes.util.find_library("xcb")
    if name is None:
        return missing_libraries_sentence(["libxcb.so.1"], "Qt's xcb display plugin")
    xcb = ctypes.CDLL(name)
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode() or None, None)
    try:
        failed = xcb.xcb_connection_has_error(connection) != 0
    finally:
        xcb.xcb_disconnect(connection)
    if failed:
        return (
            f"no display: no X server answers at DISPLAY={display or '(unset)'}; start the app "
            "from a desktop session or under xvfb-run"
        )
    return None
