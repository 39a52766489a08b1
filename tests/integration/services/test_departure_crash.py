"""Kill the departure with SIGKILL (a real child process) at each step and at random moments:
the next start finds it complete or not started, and the vault opens for everyone left."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_crm.domain.errors import AccountRevoked
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.storage.models import Customer, Departure

from .conftest import ADMIN_PASSWORD, Org

STEPS = ("start", "handed_over", "committed", "slot_revoked", "epoch_recorded", "rotated",
         "done")
RANDOM_KILLS = 6
LEAVING, RECEIVER = "sales_east1", "sales_east2"


def _run_child(vault_dir: Path, kill_at: str, delay: float | None) -> list[str]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.departure_child", str(vault_dir), LEAVING,
         RECEIVER, kill_at],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "DESKTOP_CRM_PASSWORD": ADMIN_PASSWORD},
        cwd=Path(__file__).resolve().parents[3])
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready", child.communicate()[1]
    if delay is not None:
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
    # read through the same buffered reader that read "ready", so no line is lost
    out = child.stdout.read()
    child.wait()
    assert child.returncode == -signal.SIGKILL, child.stderr.read() if child.stderr else ""
    return out.splitlines()


def _state(admin: CrmSession, leaving_id: str) -> tuple[str, str | None, int, int]:
    """(user status, departure state, customers the leaving user owns, all customers)."""
    with admin.users.ctx.reading() as w:
        state = w.session.scalar(select(Departure.state).where(Departure.user_id == leaving_id)
                                 .order_by(Departure.frozen_at.desc()).limit(1))
        owned = w.session.scalar(select(func.count()).select_from(Customer).where(
            Customer.owner_id == leaving_id))
        total = w.session.scalar(select(func.count()).select_from(Customer))
    return admin.users.get(leaving_id).status, state, int(owned or 0), int(total or 0)


@pytest.mark.slow
@pytest.mark.parametrize("kill_at", [*STEPS, *(f"random-{i}" for i in range(RANDOM_KILLS))])
def test_a_killed_departure_is_complete_or_not_started_on_restart(
    org: Org, customer_of: Callable[..., str], kill_at: str
) -> None:
    for name in ("张伟", "Alice Martin", "李娜"):
        customer_of(LEAVING, name=name)
    leaving_id = org.ids[LEAVING]
    org.close()
    delay = None
    if kill_at.startswith("random"):
        delay = random.Random(kill_at).uniform(0.0, 0.1)
    passed = _run_child(org.vault_dir, kill_at if delay is None else "none", delay)

    # The vault opens for every remaining user (the first sign-in finishes a committed one).
    for name, password in org.passwords.items():
        if name != LEAVING:
            sign_in(org.vault_dir, name, password, clock=org.clock).lock()
    admin = org.session("admin")
    status, state, owned, total = _state(admin, leaving_id)
    assert total == 3
    if "committed" in passed:
        assert status == "departed"  # a reported commit is never lost
    if status == "departed":  # the commit happened (perhaps just before the kill): complete
        assert (status, state, owned) == ("departed", "done", 0)
        with pytest.raises(AccountRevoked):
            sign_in(org.vault_dir, LEAVING, org.passwords[LEAVING])
    else:  # not started: nothing moved and the user still signs in
        assert (status, owned) == ("active", 3)
        assert state in (None, "frozen")
        sign_in(org.vault_dir, LEAVING, org.passwords[LEAVING]).lock()
    assert admin.verify_audit().ok
