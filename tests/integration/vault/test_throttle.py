"""Failed sign-ins back off 1, 2, 4 s ..., across restarts, and wait for the audit log."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from desktop_crm.domain.errors import SignInThrottled, WrongPassword
from desktop_crm.security.vault_keys import FailedSignIns
from desktop_crm.storage.vault import Vault
from tests.integration.vault.conftest import ADMIN, ADMIN_PASSWORD, NOW, Template


def _fail(vault_dir: Path, at_seconds: float, username: str = ADMIN) -> None:
    # A new Vault object each time: the back-off must come from the key file, as after a restart.
    with pytest.raises(WrongPassword):
        Vault(vault_dir).unlock(username, "guess", now=NOW + timedelta(seconds=at_seconds))


def _throttled_for(vault_dir: Path, at_seconds: float, username: str = ADMIN) -> float:
    with pytest.raises(SignInThrottled) as caught:
        Vault(vault_dir).unlock(username, ADMIN_PASSWORD, now=NOW + timedelta(seconds=at_seconds))
    return caught.value.retry_after_seconds


def test_consecutive_failures_back_off_and_survive_a_restart(vault_dir: Path) -> None:
    _fail(vault_dir, 0)
    assert _throttled_for(vault_dir, 0.5) == pytest.approx(0.5)
    _fail(vault_dir, 1)
    assert _throttled_for(vault_dir, 1) == pytest.approx(2)
    _fail(vault_dir, 3)
    assert _throttled_for(vault_dir, 3) == pytest.approx(4)
    # A throttled attempt is not a guess: it neither counts nor moves the deadline.
    assert _throttled_for(vault_dir, 6) == pytest.approx(1)
    opened = Vault(vault_dir).unlock(ADMIN, ADMIN_PASSWORD, now=NOW + timedelta(seconds=7))
    opened.lock()
    _fail(vault_dir, 8)  # the run starts again after a success
    assert _throttled_for(vault_dir, 8) == pytest.approx(1)


def test_the_message_says_when_to_try_again(vault_dir: Path) -> None:
    _fail(vault_dir, 0)
    _fail(vault_dir, 1)
    with pytest.raises(SignInThrottled, match="try again in 2 s"):
        Vault(vault_dir).unlock(ADMIN, ADMIN_PASSWORD, now=NOW + timedelta(seconds=1))


def test_unknown_names_back_off_too(vault_dir: Path) -> None:
    _fail(vault_dir, 0, "intruder")
    assert _throttled_for(vault_dir, 0, "someone-else") == pytest.approx(1)
    opened = Vault(vault_dir).unlock(ADMIN, ADMIN_PASSWORD, now=NOW)  # known users unaffected
    opened.lock()


def test_failures_are_reported_at_the_next_success_and_kept_until_cleared(
    vault_dir: Path, vault_template: Template
) -> None:
    _fail(vault_dir, 0)
    _fail(vault_dir, 1)
    _fail(vault_dir, 1.5, "intruder")
    opened = Vault(vault_dir).unlock(ADMIN, ADMIN_PASSWORD, now=NOW + timedelta(seconds=5))
    try:
        pending = opened.pending_failures()
        assert {(p.user_id, p.count) for p in pending} == {
            (vault_template.admin_id, 2),
            (None, 1),
        }
        mine = next(p for p in pending if p.user_id)
        assert mine.times == (NOW, NOW + timedelta(seconds=1))
        # Not yet written to the audit log: a restart must still see them.
        assert {p.count for p in _failures_after_restart(vault_dir)} == {2, 1}
        _fail(vault_dir, 6, "intruder")  # arrives after the services read the list
        opened.clear_pending_failures(pending)
        assert [(p.user_id, p.count) for p in opened.pending_failures()] == [(None, 1)]
        opened.clear_pending_failures()
        assert opened.pending_failures() == ()
    finally:
        opened.lock()


def _failures_after_restart(vault_dir: Path) -> tuple[FailedSignIns, ...]:
    opened = Vault(vault_dir).unlock(ADMIN, ADMIN_PASSWORD, now=NOW + timedelta(seconds=5))
    try:
        return opened.pending_failures()
    finally:
        opened.lock()
