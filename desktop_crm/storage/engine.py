"""SQLAlchemy engines over one SQLCipher file.

Known traps handled here (DESIGN.md): the key is the very first statement on every raw DB-API
connection and is followed by a verification read, because `PRAGMA key` answers `ok` even for
a wrong key (1); the key is never a statement SQLAlchemy sees, so it cannot reach `echo` output
or exception text (2); a missing or empty file is refused rather than silently created (3);
SQLite's autocommit driver gets an explicit `BEGIN IMMEDIATE` (7); WAL, synchronous=FULL,
foreign keys and secure_delete on every connection (8).
"""

from __future__ import annotations

import functools
from enum import StrEnum
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from desktop_crm.domain.errors import VaultDamaged, VaultNotFound
from desktop_crm.security.secret import SecretBytes
from desktop_crm.storage.idle_upkeep import WRITE_LANE_AUTOCHECKPOINT_PAGES
from desktop_crm.storage.text_match import register_functions

# Applied, in this order, after the key on every new connection.
CONNECTION_PRAGMAS: tuple[tuple[str, str], ...] = (
    ("cipher_log_level", "NONE"),
    ("journal_mode", "WAL"),
    ("synchronous", "FULL"),
    ("foreign_keys", "ON"),
    ("secure_delete", "ON"),
    ("busy_timeout", "10000"),
)


# Page cache per read connection. One-shot commands and the benchmarks keep 64 MiB: a count
# or a deep jump over a million rows then reads each page once. The desktop app stays open all
# day beside Qt and limits it (see `limit_read_cache`): two read connections at 64 MiB would
# be most of its memory.
READ_LANE_CACHE_KIB = 64 * 1024


def limit_read_cache(kib: int) -> None:
    """Page cache of read connections opened from now on in this process (the composition
    root calls it once, before any vault is opened)."""
    global READ_LANE_CACHE_KIB
    READ_LANE_CACHE_KIB = kib


class Lane(StrEnum):
    """Writes take the database's write lock at BEGIN; reads never wait for it."""

    WRITE = "write"
    READ = "read"


class KeyRejected(VaultDamaged):
    """SQLCipher could not read the file with this key (wrong key or damaged header)."""


@functools.cache
def _silence_sqlcipher_log() -> None:
    """SQLCipher's log level is process-wide: set it once on a throwaway connection, so the key
    stays the very first statement on every vault connection and a wrong key prints nothing."""
    scratch = sqlcipher3.connect(":memory:")
    try:
        scratch.execute("PRAGMA cipher_log_level = NONE").fetchall()
    finally:
        scratch.close()


def open_raw_connection(
    db_path: Path, data_key: SecretBytes, *, cache_kib: int = 0, autocheckpoint_pages: int = 0
) -> sqlcipher3.Connection:
    """A keyed, verified, configured DB-API connection (autocommit; callers BEGIN themselves)."""
    _silence_sqlcipher_log()
    conn = sqlcipher3.connect(str(db_path), isolation_level=None, check_same_thread=False)
    try:
        # The key goes first, as a raw-key literal: no KDF on open, and never via SQLAlchemy.
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:
            # Raised from here so the driver's message (and its traceback) carries no key.
            raise KeyRejected("the vault database cannot be read with this key") from None
        for name, value in CONNECTION_PRAGMAS:
            conn.execute(f"PRAGMA {name} = {value}").fetchall()
        register_functions(conn)
        if autocheckpoint_pages:
            conn.execute(f"PRAGMA wal_autocheckpoint = {int(autocheckpoint_pages)}").fetchall()
        if cache_kib:
            # every page read is decrypted: a larger cache keeps list and search pages warm
            conn.execute(f"PRAGMA cache_size = -{int(cache_kib)}").fetchall()
    except BaseException:
        conn.close()
        raise
    return conn


def check_database_file(db_path: Path) -> None:
    """An existing vault's database must be there and non-empty (SQLite would create it)."""
    if not db_path.is_file():
        raise VaultNotFound(f"no vault database at {db_path.name}")
    if db_path.stat().st_size == 0:
        raise VaultDamaged(f"the vault database {db_path.name} is empty")


def open_engine(
    db_path: Path, data_key: SecretBytes, *, lane: Lane = Lane.WRITE, create: bool = False
) -> Engine:
    """An engine whose every connection is keyed and configured; opens one to verify the key."""
    if not create:
        check_database_file(db_path)

    cache_kib = READ_LANE_CACHE_KIB if lane is Lane.READ else 0
    # the write lane leaves checkpoints to a background thread (storage/idle_upkeep.py)
    autocheckpoint = WRITE_LANE_AUTOCHECKPOINT_PAGES if lane is Lane.WRITE else 0

    def connect() -> sqlcipher3.Connection:
        return open_raw_connection(db_path, data_key, cache_kib=cache_kib,
                                   autocheckpoint_pages=autocheckpoint)

    # The plain pysqlite dialect over the sqlcipher3 module: the pysqlcipher dialect would send
    # its own `PRAGMA key` from the URL, which is exactly what trap 2 forbids.
    engine = create_engine(
        "sqlite://",
        module=sqlcipher3,
        creator=connect,
        poolclass=QueuePool,
        pool_size=2 if lane is Lane.READ else 1,
        # the write lane lends one connection for good to the idle upkeep thread
        max_overflow=2 if lane is Lane.READ else 3,
        echo=False,
    )
    begin_statement = "BEGIN IMMEDIATE" if lane is Lane.WRITE else "BEGIN"

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql(begin_statement)

    # Verify now, so a wrong key or damaged file is reported at unlock, not at first use.
    try:
        with engine.connect():
            pass
    except BaseException:
        engine.dispose()
        raise
    return engine


def connection_pragmas(engine: Engine) -> dict[str, str]:
    """The PRAGMA values a fresh connection of this engine reports (for checks and tests)."""
    with engine.connect() as conn:
        result = {}
        for name, _ in CONNECTION_PRAGMAS:
            if name == "cipher_log_level":
                continue
            row = conn.exec_driver_sql(f"PRAGMA {name}").fetchone()
            result[name] = str(row[0]) if row else ""
        return result
