"""Kill a writer with SIGKILL at random moments: no acknowledged commit may be lost.

Includes kills inside `rotate_data_key`, after which every user must still sign in.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_crm.services.session import sign_in
from desktop_crm.services.setup import initialize_vault
from desktop_crm.storage.models import Customer

KILLS = 50
PASSWORD = "crash-test-password"


def _spawn(vault_dir: Path, mode: str) -> subprocess.Popen[str]:
    env = {**os.environ, "DESKTOP_CRM_PASSWORD": PASSWORD}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.integration.crash_writer", str(vault_dir), "admin", mode],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        cwd=Path(__file__).resolve().parents[2],
    )


@pytest.mark.slow
def test_no_acknowledged_commit_is_lost_across_kills(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    initialize_vault(vault_dir, admin_username="admin", admin_password=PASSWORD)
    admin = sign_in(vault_dir, "admin", PASSWORD)
    _, sales_password = admin.users.create("sales1", roles=["sales"])
    admin.lock()

    rng = random.Random(20261123)
    acknowledged: list[str] = []
    rotations_seen = 0
    for i in range(KILLS):
        mode = "rotate" if i % 2 else "write"
        child = _spawn(vault_dir, mode)
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first.strip() == "ready", child.stderr.read() if child.stderr else first
        time.sleep(rng.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate()
        # killed by us, not dead of its own error
        assert child.returncode == -signal.SIGKILL, err
        lines = out.splitlines()
        acknowledged += [line.split()[1] for line in lines if line.startswith("committed ")]
        rotations_seen += sum(line == "rotated" for line in lines)

        # every user still opens the vault, and every acknowledged write is there
        check = sign_in(vault_dir, "admin", PASSWORD)
        try:
            with check._open().database.reading() as session:
                stored = set(session.execute(select(Customer.id)).scalars())
            assert set(acknowledged) <= stored, f"lost after kill {i}"
            assert check.verify_audit().ok
        finally:
            check.lock()
        sign_in(vault_dir, "sales1", sales_password).lock()

    assert len(acknowledged) > KILLS  # the kills did land amid real work
    assert rotations_seen > 0
