"""Time the admin console's heavy steps on a big vault: role preview, a departure's holdings,
split preview, hand-over commit and key rotation.

    python scripts/measure_departure.py COPY_OF_VAULT_DIR [--leaving sales_east1]
        [--receivers sales_east2,sales_east3] [--split tier]

It DEPARTS a user: run it on a copy (for instance of the benchmark vault under
~/.cache/desktop-crm-bench). The password is DESKTOP_CRM_PASSWORD (default: the benchmark
vault's). Leave DESKTOP_CRM_KDF unset to sign in at the production cost.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from desktop_crm.domain.departure_split import SplitMode
from desktop_crm.services import departure
from desktop_crm.services.session import sign_in

BENCH_PASSWORD = "bench-demo-password-1"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vault", type=Path)
    parser.add_argument("--leaving", default="sales_east1")
    parser.add_argument("--receivers", default="sales_east2,sales_east3")
    parser.add_argument("--split", default=SplitMode.TIER.value,
                        choices=[m.value for m in SplitMode])
    args = parser.parse_args()
    password = os.environ.get("DESKTOP_CRM_PASSWORD", BENCH_PASSWORD)

    started = time.perf_counter()
    admin = sign_in(args.vault, "admin", password)
    print(f"admin sign-in (with any migration): {time.perf_counter() - started:.2f} s")
    users = {u.username: u.id for u in admin.users.list()}
    manager = next(r for r in admin.roles.list() if r.name == "manager")
    started = time.perf_counter()
    preview = admin.roles.preview(manager.id, user_id=users["mgr_east"])
    print(f"role preview (manager, mgr_east): {preview.customers} customers in "
          f"{time.perf_counter() - started:.3f} s")

    leaving = users[args.leaving]
    receivers = [users[name] for name in args.receivers.split(",")]
    mode = SplitMode(args.split)
    started = time.perf_counter()
    held = admin.departures.freeze(leaving).holdings
    print(f"freeze + holdings: {held.customers} customers, {held.open_reminders} open reminders"
          f" in {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    split = admin.departures.preview(leaving, receivers, mode)
    print(f"split preview ({mode.value}): {sorted(split.values(), reverse=True)} in "
          f"{time.perf_counter() - started:.2f} s")

    passed: dict[str, float] = {}
    departure.step_hook = lambda step: passed.setdefault(step, time.perf_counter())
    started = time.perf_counter()
    outcome = admin.departures.complete(leaving, receivers, mode)
    total = time.perf_counter() - started
    committed = passed["committed"] - started
    print(f"departure: committed after {committed:.1f} s, key rotated in "
          f"{total - committed:.1f} s, {total:.1f} s in all (state {outcome.departure.state})")
    admin.lock()


if __name__ == "__main__":
    main()
