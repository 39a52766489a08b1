"""The vault directory of the demo: <= 1 GiB.

Every file in the folder counts (database, -wal, -shm, key files, backups), measured with
the vault open, as it rests between saves: after the idle thread's pause, which empties a
log grown past WAL_KEEP_BYTES (the save figures before this one grow it). The lower bound is
the database's pages in use: the file without free pages, WAL or anything beside it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from benchmarks.context import Bench, run_standalone
from benchmarks.measure import Result, mib
from desktop_crm.storage.idle_upkeep import WAL_KEEP_BYTES
from desktop_crm.storage.vault import VaultPaths

GOAL = 2**30


def directory_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def pages_in_use(bench: Bench) -> int:
    pragma = bench.raw.execute
    page_size = int(pragma("PRAGMA page_size").fetchone()[0])
    pages = int(pragma("PRAGMA page_count").fetchone()[0])
    free = int(pragma("PRAGMA freelist_count").fetchone()[0])
    return (pages - free) * page_size


def settled_size(folder: Path, seconds: float = 10) -> int:
    """The directory's size once the log is back within WAL_KEEP_BYTES (or `seconds` on)."""
    log = VaultPaths(folder).wal
    deadline = time.monotonic() + seconds
    while (log.exists() and log.stat().st_size > WAL_KEEP_BYTES
           and time.monotonic() < deadline):
        time.sleep(0.1)
    return directory_size(folder)


def run(bench: Bench) -> list[Result]:
    size = settled_size(bench.vault_dir)
    return [Result(
        f"vault directory size ({bench.customers:,} customers)", "-", mib(size),
        f"{mib(pages_in_use(bench))} of db pages in use", "<= 1024 MiB", size <= GOAL)]


if __name__ == "__main__":
    sys.exit(run_standalone(run))
