"""Readying a long-running process (the desktop app, the benchmarks) for quick saves.

Python's full garbage collection walks every tracked object. After start-up that is some
300,000 of them, two thirds pypinyin's tables, which load on the first Chinese name; a
full pass then held a save (or the window) for 40-60 ms about once in a hundred saves.
They live as long as the process, so they are loaded first and then frozen
(gc.freeze): full passes skip them from then on. Nothing of a session exists yet, so a
locked session's objects are still collected.
"""

from __future__ import annotations

import gc

from desktop_crm.storage.names import name_keys


def settle_start_up_heap() -> None:
    """Once every module is loaded and before any vault is opened."""
    name_keys("张伟")  # pypinyin loads its tables on first use
    gc.collect()  # only what is alive now is frozen
    gc.freeze()
