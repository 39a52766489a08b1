"""One unit of work = one SQLite transaction, and writers take turns (DESIGN trap 7)."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text

from desktop_crm.storage.vault import OpenVault


def _count(opened: OpenVault) -> int:
    with opened.database.reading() as session:
        return session.execute(text("SELECT count(*) FROM vault_meta")).scalar_one()


def test_an_error_inside_a_unit_of_work_leaves_nothing(admin: OpenVault) -> None:
    before = _count(admin)
    with pytest.raises(RuntimeError), admin.database.unit_of_work() as session:
        session.execute(text("INSERT INTO vault_meta (key, value) VALUES ('a', '1')"))
        session.execute(text("INSERT INTO vault_meta (key, value) VALUES ('b', '2')"))
        raise RuntimeError("the service found a problem after writing")
    assert _count(admin) == before


def test_two_writers_do_not_interleave(admin: OpenVault) -> None:
    events: list[str] = []
    first_has_written = threading.Event()

    def first() -> None:
        with admin.database.unit_of_work() as session:
            session.execute(text("INSERT INTO vault_meta (key, value) VALUES ('first', '1')"))
            first_has_written.set()
            time.sleep(0.3)
            events.append("first commits")

    def second() -> None:
        first_has_written.wait()
        with admin.database.unit_of_work() as session:
            # Without BEGIN IMMEDIATE this read would start at once, inside first's transaction.
            session.execute(text("SELECT count(*) FROM vault_meta")).scalar()
            events.append("second begins")
            session.execute(text("INSERT INTO vault_meta (key, value) VALUES ('second', '2')"))

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=15)
    assert events == ["first commits", "second begins"]


def test_a_reader_does_not_wait_for_the_writer(admin: OpenVault) -> None:
    before = _count(admin)
    with admin.database.unit_of_work() as session:
        session.execute(text("INSERT INTO vault_meta (key, value) VALUES ('pending', '1')"))
        started = time.monotonic()
        assert _count(admin) == before  # the read lane sees the last commit, at once
        assert time.monotonic() - started < 1
