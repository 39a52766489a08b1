"""Every connection of both lanes: the key first, then WAL, synchronous=FULL, foreign keys
and secure_delete (DESIGN traps 1 and 8)."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import Engine

from desktop_crm.storage.vault import Vault
from tests.integration.vault.conftest import ADMIN, ADMIN_PASSWORD, NOW


@pytest.fixture
def first_statements(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The opening words of each statement, per raw connection opened from now on."""
    per_connection: list[list[str]] = []
    real_connect = sqlcipher3.connect

    def traced_connect(*args: object, **kwargs: object) -> sqlcipher3.Connection:
        conn = real_connect(*args, **kwargs)
        seen: list[str] = []
        per_connection.append(seen)
        # Only the first two words: the key statement's text must not be kept anywhere.
        conn.set_trace_callback(lambda sql: seen.append(" ".join(sql.split()[:2])))
        return conn

    monkeypatch.setattr(sqlcipher3, "connect", traced_connect)
    return per_connection


def _settings_of_simultaneous_connections(engine: Engine, count: int) -> list[tuple[object, ...]]:
    # Raw pool connections held at once, so each is a new connection from the creator (and
    # no BEGIN IMMEDIATE makes the write lane's connections wait for each other).
    with ExitStack() as stack:
        connections = [engine.raw_connection() for _ in range(count)]
        for conn in connections:
            stack.callback(conn.close)
        return [
            tuple(
                conn.cursor().execute(f"PRAGMA {name}").fetchone()[0]
                for name in ("journal_mode", "synchronous", "foreign_keys", "secure_delete")
            )
            for conn in connections
        ]


def test_every_connection_of_both_lanes_is_keyed_first_and_configured(
    vault_dir: Path, first_statements: list[list[str]]
) -> None:
    opened = Vault(vault_dir).unlock(ADMIN, ADMIN_PASSWORD, now=NOW)
    try:
        database = opened.database
        settings = _settings_of_simultaneous_connections(database.write_engine, 3)
        settings += _settings_of_simultaneous_connections(database.read_engine, 4)
    finally:
        opened.lock()
    assert settings == [("wal", 2, 1, 1)] * 7
    assert len(first_statements) >= 7
    for statements in first_statements:
        assert statements[0] == "PRAGMA key"
        assert statements[1].startswith("SELECT count(*)")  # the verification read comes next
