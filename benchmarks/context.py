"""What the figures run against: the cached demo vault, each user signed in, a raw connection."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3

from benchmarks.demo_vault import ensure_demo_vault
from benchmarks.measure import Result
from benchmarks.settings import BENCH_PASSWORD, USERS, customer_count
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services.scopes import owner_scope
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.storage.engine import open_raw_connection
from desktop_crm.storage.names import name_keys
from desktop_crm.storage.vault import OpenVault, Vault, VaultPaths


@dataclass(frozen=True)
class BenchUser:
    name: str
    session: CrmSession
    # whose customers this user sees; None for everyone (the raw bounds filter the same way)
    owner_ids: frozenset[str] | None
    visible: int  # customers this user sees


@dataclass(frozen=True)
class Bench:
    vault_dir: Path
    customers: int
    users: tuple[BenchUser, ...]
    raw: sqlcipher3.Connection  # one keyed raw connection for the lower bounds
    keyholder: OpenVault  # admin's unlocked vault: keys further raw connections

    def open_raw(self) -> sqlcipher3.Connection:
        """A new keyed raw connection (what the unlock lower bound opens)."""
        return open_raw_connection(VaultPaths(self.vault_dir).db, self.keyholder.data_key)


def visible_owners(session: CrmSession) -> frozenset[str] | None:
    with session.customers.ctx.reading() as w:
        scope = owner_scope(w.session, w.actor, Resource.CUSTOMER, Action.READ)
    return None if scope.everyone else scope.owner_ids


@contextmanager
def opened_bench(vault_dir: Path, customers: int) -> Iterator[Bench]:
    """Every benchmark user signed in, and one raw connection; all closed afterwards.

    The desktop app never runs a full garbage collection inside a save: it turns automatic
    collection off and collects on its own thread between events (ui/collector.py). This
    process has no event loop, so it keeps full passes short instead (_settle_heap).
    """
    _settle_heap()
    sessions: list[CrmSession] = []
    keyholder = Vault(vault_dir).unlock("admin", BENCH_PASSWORD, now=datetime.now(UTC))
    conn = open_raw_connection(VaultPaths(vault_dir).db, keyholder.data_key)
    try:
        users = []
        for name in USERS:
            session = sign_in(vault_dir, name, BENCH_PASSWORD)
            sessions.append(session)
            owners = visible_owners(session)
            users.append(BenchUser(name, session, owners, session.customers.count()))
        yield Bench(vault_dir, customers, tuple(users), conn, keyholder)
    finally:
        for session in sessions:
            session.lock()
        conn.close()
        keyholder.lock()


def _settle_heap() -> None:
    """Load the tables every session uses (pypinyin's, ~200,000 objects) and freeze the heap
    so far: full collections skip it, and one then takes a few ms instead of 40-60 ms."""
    name_keys("张伟")
    gc.collect()
    gc.freeze()


def run_standalone(figure: Callable[[Bench], list[Result]]) -> int:
    """Run one figure on its own (`python -m benchmarks.bench_search`) and print its table."""
    from benchmarks.table import print_table

    customers = customer_count()
    with opened_bench(ensure_demo_vault(customers), customers) as bench:
        results = figure(bench)
    print_table(results, customers=customers)
    return 0 if all(r.passed for r in results) else 1
