"""What every benchmark shares: the demo size, who signs in, and the fixed demo inputs."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

CUSTOMERS_SWITCH = "BENCH_CUSTOMERS"
# Measure an existing demo vault (made with BENCH_PASSWORD) instead of the cached one,
# for example a copy changed to try a fix.
VAULT_SWITCH = "BENCH_VAULT"
DEFAULT_CUSTOMERS = 1_000_000

# A fixed password for every demo user of the benchmark vault (it holds only demo data), a
# fixed seed and a fixed "today", so every build of the cache holds the same customers.
BENCH_PASSWORD = "bench-demo-password-1"
SEED = 1
TODAY = date(2026, 1, 15)

# Their scopes differ by orders of magnitude: one salesperson's customers, a manager's team
# across two departments, and everyone's.
USERS = ("sales_east1", "mgr_east", "admin")


def customer_count() -> int:
    """How many customers the benchmark vault holds (BENCH_CUSTOMERS, default one million)."""
    raw = os.environ.get(CUSTOMERS_SWITCH, "").replace("_", "").strip()
    if not raw:
        return DEFAULT_CUSTOMERS
    count = int(raw)
    if count <= 0:
        raise ValueError(f"{CUSTOMERS_SWITCH} must be a positive number of customers")
    return count


def chosen_vault() -> Path | None:
    raw = os.environ.get(VAULT_SWITCH, "").strip()
    return Path(raw) if raw else None


def use_production_kdf() -> None:
    """Unlock figures are only meaningful with the production Argon2id cost."""
    os.environ.pop("DESKTOP_CRM_KDF", None)
