"""The benchmark's demo vault: built once, cached outside the repository, reused.

The cache folder is named after the schema's head revision and the customer count, so a new
migration or another BENCH_CUSTOMERS gets a fresh build. A build goes to a temporary folder
and is renamed into place only when complete, so an interrupted build is never reused.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import platformdirs

from benchmarks.settings import BENCH_PASSWORD, SEED, TODAY, chosen_vault, use_production_kdf
from desktop_crm.security.kdf import PRODUCTION
from desktop_crm.security.keyfile import SlotStatus, read_key_file
from desktop_crm.services.demo import build_demo_vault
from desktop_crm.storage.schema import head_revision
from desktop_crm.storage.vault import VaultPaths

CACHE_APP = "desktop-crm-bench"


def cache_root() -> Path:
    return Path(platformdirs.user_cache_dir(CACHE_APP))


def vault_dir_for(customers: int) -> Path:
    return cache_root() / f"vault-{head_revision()}-{customers}"


def ensure_demo_vault(customers: int, *, log: bool = True) -> Path:
    """The cached demo vault with `customers` customers, built now if missing or stale."""
    use_production_kdf()
    chosen = chosen_vault()
    if chosen is not None:
        return chosen
    target = vault_dir_for(customers)
    if target.exists() and _built_with_production_kdf(target):
        return target
    if target.exists():
        _say(log, f"rebuilding {target.name}: it was not made with the production KDF")
        shutil.rmtree(target)
    _drop_other_revisions(customers, keep=target, log=log)
    building = target.with_name(target.name + ".building")
    if building.exists():
        shutil.rmtree(building)  # left by an interrupted build
    started = time.perf_counter()
    _say(log, f"building the demo vault with {customers:,} customers in {target} ...")

    def progress(done: int, total: int) -> None:
        if log and (done == total or done % 50_000 == 0):
            elapsed = time.perf_counter() - started
            _say(log, f"  {done:,}/{total:,} customers, {elapsed:.0f} s")

    build_demo_vault(building, customers=customers, seed=SEED, today=TODAY,
                     password=BENCH_PASSWORD, progress=progress)
    building.rename(target)
    _say(log, f"built in {time.perf_counter() - started:.0f} s")
    # The kernel would otherwise write the new gigabyte back while the first figures run,
    # and their syncs would queue behind it (a save's p99 reached 97 ms that way).
    os.sync()
    return target


def _built_with_production_kdf(vault_dir: Path) -> bool:
    paths = VaultPaths(vault_dir)
    if not paths.keys.is_file() or not paths.db.is_file():
        return False
    keys = read_key_file(paths.keys)
    return all(
        slot.wrapped_private_key is not None and slot.wrapped_private_key.kdf == PRODUCTION
        for slot in keys.users
        if slot.status is SlotStatus.ACTIVE
    )


def _drop_other_revisions(customers: int, *, keep: Path, log: bool) -> None:
    """A vault of an older schema is never used again; at 1M customers it holds ~1 GiB."""
    root = cache_root()
    if not root.is_dir():
        return
    for old in root.glob(f"vault-*-{customers}"):
        if old != keep and old.is_dir():
            _say(log, f"removing {old.name}: built for another schema revision")
            shutil.rmtree(old)


def _say(log: bool, message: str) -> None:
    if log:
        print(message, file=sys.stderr, flush=True)
