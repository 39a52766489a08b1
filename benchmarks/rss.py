"""The current resident set size of this process, as /proc reports it (imports only pathlib)."""

from __future__ import annotations

from pathlib import Path


def current_rss_line() -> str:
    """`VmRSS: <n> kB`, the line the RSS figure reads from a child's stderr."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return " ".join(line.split())
    raise RuntimeError("this system reports no VmRSS")
