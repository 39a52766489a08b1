"""The search index merges its segments while the vault is idle, never inside a save.

FTS5 adds one small segment per commit; left to itself it merges them inside every 64th
commit, which on a million customers made that save 40-60 ms slower (benchmarks/bench_save).
"""

from __future__ import annotations

import time

from sqlalchemy import Engine, insert

from desktop_crm.storage import search
from desktop_crm.storage.idle_upkeep import IdleUpkeep
from desktop_crm.storage.models import Customer
from tests.integration.storage.conftest import customer_row

SAVES = 80


def automerge(engine: Engine) -> int:
    with engine.connect() as conn:
        rows = dict(conn.exec_driver_sql("SELECT k, v FROM customer_fts_config").all())
    return int(rows.get("automerge", 4))  # absent: FTS5's default, 4


def index_blocks(engine: Engine) -> int:
    """Rows of the index's own storage: one per leaf page of every segment, and more."""
    with engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM customer_fts_data").scalar_one())


def save_one_by_one(engine: Engine, count: int) -> list[str]:
    names = [f"Quiet saver {i:03d}" for i in range(count)]
    for name in names:
        with engine.begin() as conn:
            conn.execute(insert(Customer), [customer_row(name)])
    return names


def found(engine: Engine, term: str) -> int:
    """Customers holding every trigram of `term` (the index keeps no positions)."""
    grams = " AND ".join(f'"{term[i:i + 3]}"' for i in range(len(term) - 2))
    with engine.connect() as conn:
        return int(conn.exec_driver_sql(
            "SELECT count(*) FROM customer_fts WHERE customer_fts MATCH ?", (grams,)
        ).scalar_one())


def merge_until_done(engine: Engine) -> int:
    steps = 0
    with engine.connect() as conn:
        db = conn.connection.driver_connection
        while search.merge_search_segments(db):
            steps += 1
    return steps


def test_saves_leave_merging_off_and_a_rebuild_keeps_it_so(engine: Engine) -> None:
    assert automerge(engine) == search.SAVE_AUTOMERGE == 0
    with engine.begin() as conn:
        search.rebuild_search_index(conn)
    assert automerge(engine) == 0


def test_saves_pile_up_segments_that_idle_steps_merge(engine: Engine) -> None:
    names = save_one_by_one(engine, SAVES)
    piled_up = index_blocks(engine)
    assert merge_until_done(engine) >= 1
    merged = index_blocks(engine)
    assert merged < piled_up / 2  # dozens of one-page segments became a few
    assert merge_until_done(engine) == 0  # nothing left: the step says so
    assert found(engine, "quiet saver") == len(names)
    assert found(engine, names[-1]) == 1
    with engine.begin() as conn:
        assert search.search_index_is_consistent(conn)


def test_the_idle_thread_merges_after_a_pause(engine: Engine) -> None:
    save_one_by_one(engine, SAVES)
    piled_up = index_blocks(engine)
    upkeep = IdleUpkeep(engine, tasks=(search.merge_search_segments,), interval=0.05)
    try:
        deadline = time.monotonic() + 10
        while index_blocks(engine) >= piled_up / 2 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        upkeep.stop()
    assert index_blocks(engine) < piled_up / 2
    assert found(engine, "quiet saver") == SAVES
