"""Resident memory of the CLI after a search: `desktop-crm ... customer search 张伟` <= 150 MiB.

The CLI runs as a child process through `benchmarks.cli_rss`, which calls the installed entry
point and then reports its own VmRSS. The lower bound is a child that imports only sqlcipher3
and runs the same name search on the same file (`benchmarks.raw_rss`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from benchmarks.context import Bench, BenchUser, run_standalone
from benchmarks.measure import Result
from benchmarks.settings import BENCH_PASSWORD
from desktop_crm.storage.vault import VaultPaths

QUERY = "张伟"
CLI_LIMIT = 100  # the CLI's default list limit
GOAL_KIB = 150 * 1024
REPO_ROOT = Path(__file__).resolve().parent.parent


def run(bench: Bench) -> list[Result]:
    lower = _raw_rss(bench)
    results = []
    for user in bench.users:
        measured, problem = _cli_rss(bench, user)
        cell = problem or f"{measured / 1024:.0f} MiB"
        results.append(Result(
            f"CLI resident memory after `customer search {QUERY}`", user.name, cell,
            f"{lower / 1024:.0f} MiB", "<= 150 MiB",
            problem is None and measured <= GOAL_KIB))
    return results


def _child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DESKTOP_CRM_KDF"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return env


def _cli_rss(bench: Bench, user: BenchUser) -> tuple[int, str | None]:
    """(VmRSS in KiB, None) or (0, why the CLI did not answer)."""
    env = _child_env()
    env["DESKTOP_CRM_PASSWORD"] = BENCH_PASSWORD
    args = [sys.executable, "-m", "benchmarks.cli_rss", "--vault", str(bench.vault_dir),
            "--user", user.name, "customer", "search", QUERY]
    done = subprocess.run(args, env=env, cwd=REPO_ROOT, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=600, check=False)
    rss = _rss_kib(done.stderr)
    if done.returncode != 0 or rss is None:
        lines = [line for line in done.stderr.splitlines() if not line.startswith("VmRSS:")]
        why = lines[-1] if lines else "no output"
        return 0, f"CLI failed (exit {done.returncode}): {why[:80]}"
    return rss, None


def _raw_rss(bench: Bench) -> int:
    args = [sys.executable, "-m", "benchmarks.raw_rss", str(VaultPaths(bench.vault_dir).db),
            QUERY, str(CLI_LIMIT)]
    done = subprocess.run(args, env=_child_env(), cwd=REPO_ROOT, capture_output=True,
                          text=True, input=bench.keyholder.data_key.hex() + "\n", timeout=600,
                          check=True)
    rss = _rss_kib(done.stderr)
    if rss is None:
        raise RuntimeError(f"the raw search reported no VmRSS: {done.stderr[-200:]}")
    return rss


def _rss_kib(stderr: str) -> int | None:
    for line in reversed(stderr.splitlines()):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return None


if __name__ == "__main__":
    sys.exit(run_standalone(run))
