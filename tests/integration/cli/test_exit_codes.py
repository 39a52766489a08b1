"""Exit codes and error lines: 1 refused or invalid, 2 usage, 3 vault or password; never a
traceback (the `run` fixture checks stderr on every call)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_crm.services.customers import CustomerService
from tests.integration.cli.conftest import DEMO_CUSTOMERS, AsUser, Result, Run


def total(as_user: AsUser, user: str = "admin") -> int:
    return as_user(user, "customer", "list", "--json").json()["total"]


def test_wrong_password_exits_3(as_user: AsUser) -> None:
    result: Result = as_user("admin", "customer", "list", password="not-the-password")
    assert result.code == 3
    assert result.err.startswith("error: ") and "password" in result.err
    assert result.out == ""


def test_missing_vault_exits_3_and_names_the_folder(run: Run, tmp_path: Path) -> None:
    result = run("--vault", str(tmp_path / "nowhere"), "--user", "admin", "customer", "list",
                 password="whatever-1234")
    assert result.code == 3
    assert "no vault" in result.err and "nowhere" in result.err


def test_a_damaged_vault_exits_3(as_user: AsUser, demo_vault: Path) -> None:
    (demo_vault / "crm.db").write_bytes(b"")
    result = as_user("admin", "customer", "list")
    assert result.code == 3
    assert result.err.startswith("error: ")


def test_invalid_email_exits_1_and_writes_nothing(as_user: AsUser) -> None:
    before = total(as_user)
    result = as_user("admin", "customer", "add", "--name", "李雷", "--email", "not-an-email")
    assert result.code == 1
    assert result.err.startswith("error: emails:")
    assert total(as_user) == before == DEMO_CUSTOMERS


@pytest.mark.parametrize("argv", [
    ["bogus"],
    ["customer", "frobnicate"],
    ["customer", "list", "--limit", "zero"],
    ["customer", "list", "--order", "price"],
    ["demo", "--today", "yesterday"],
    [],
])
def test_usage_errors_exit_2(run: Run, tmp_path: Path, argv: list[str]) -> None:
    result = run("--vault", str(tmp_path), "--user", "admin", *argv)
    assert result.code == 2
    assert result.err.startswith("error: ")


def test_no_user_is_a_usage_error(run: Run, demo_vault: Path) -> None:
    result = run("--vault", str(demo_vault), "customer", "list", password="demo-password-1")
    assert result.code == 2
    assert "--user" in result.err


def test_user_from_the_environment(run: Run, demo_vault: Path) -> None:
    result = run("--vault", str(demo_vault), "customer", "list", "--json",
                 password="demo-password-1", env={"DESKTOP_CRM_USER": "sales_east1"})
    assert result.code == 0
    assert 0 < result.json()["total"] < DEMO_CUSTOMERS


def test_permission_denied_exits_1(as_user: AsUser) -> None:
    result = as_user("sales_east1", "user", "add", "newbie", "--role", "sales",
                     "--department", "华东区 East")
    assert result.code == 1
    assert result.err == "error: permission denied: user.manage\n"


def test_another_salespersons_customer_is_not_found(as_user: AsUser) -> None:
    theirs = as_user("sales_east2", "customer", "list", "--json").json()["items"][0]["id"]
    for argv in (["show", theirs], ["update", theirs, "--city", "上海"], ["delete", theirs],
                 ["reveal", theirs, "phones"]):
        result = as_user("sales_east1", "customer", *argv)
        assert result.code == 1, argv
        assert "not found" in result.err


def test_an_unexpected_failure_is_one_line(
        as_user: AsUser, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: CustomerService, *args: object, **kwargs: object) -> None:
        raise RuntimeError("secret detail that must not be shown")

    monkeypatch.setattr(CustomerService, "count", broken)
    result = as_user("admin", "customer", "list")
    assert result.code == 1
    assert result.err == "error: unexpected problem: RuntimeError\n"


def test_an_interrupt_exits_130_quietly(
        as_user: AsUser, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(self: CustomerService, *args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(CustomerService, "count", interrupted)
    result = as_user("admin", "customer", "list")
    assert (result.code, result.err) == (130, "")


def test_a_real_process_prints_one_line_and_no_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "DESKTOP_CRM_PASSWORD": "whatever-1234"}
    done = subprocess.run(
        [sys.executable, "-m", "desktop_crm.cli", "--vault", str(tmp_path / "none"),
         "--user", "admin", "audit", "verify"],
        capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode == 3
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    unknown = subprocess.run([sys.executable, "-m", "desktop_crm.cli", "nonsense"],
                             capture_output=True, text=True, timeout=60, check=False)
    assert unknown.returncode == 2 and unknown.stderr.startswith("error: ")
