"""`init`, `department`, `user`, `audit verify` and `demo` through the CLI."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_crm.storage.engine import open_raw_connection
from desktop_crm.storage.vault import Vault
from tests.integration.cli.conftest import DEMO_PASSWORD, AsUser, Run

ADMIN_PASSWORD = "first-admin-pw-1"
RECOVERY = re.compile(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){5,}")


@pytest.fixture
def fresh(run: Run, tmp_path: Path) -> Path:
    """A new vault with admin `boss`, a department tree East under HQ."""
    vault = tmp_path / "vault"
    created = run("--vault", str(vault), "init", "--admin", "boss", "--display-name", "老板",
                  password=ADMIN_PASSWORD)
    assert created.code == 0, created.err
    assert len(RECOVERY.findall(created.out)) == 1
    assert "offline" in created.out
    for argv in (["department", "add", "HQ"], ["department", "add", "East", "--parent", "hq"]):
        assert run("--vault", str(vault), "--user", "boss", *argv,
                   password=ADMIN_PASSWORD).code == 0
    return vault


def test_init_refuses_an_existing_vault(run: Run, fresh: Path) -> None:
    again = run("--vault", str(fresh), "init", "--admin", "other", password=ADMIN_PASSWORD)
    assert again.code == 1 and "already" in again.err


def test_init_reads_the_password_from_standard_input(run: Run, tmp_path: Path) -> None:
    created = run("--vault", str(tmp_path / "v"), "init", "--admin", "boss", "--json",
                  stdin=ADMIN_PASSWORD + "\n")
    assert created.code == 0
    assert RECOVERY.fullmatch(created.json()["recovery_code"])
    assert run("--vault", str(tmp_path / "v"), "--user", "boss", "audit", "verify",
               password=ADMIN_PASSWORD).code == 0


def test_a_new_vault_verifies_and_prints_its_head_hash(run: Run, fresh: Path) -> None:
    result = run("--vault", str(fresh), "--user", "boss", "audit", "verify", "--json",
                 password=ADMIN_PASSWORD)
    assert result.code == 0
    report = result.json()
    assert report["ok"] is True and report["first_broken_seq"] is None
    assert re.fullmatch(r"[0-9a-f]{64}", report["head_hash"]) and report["count"] > 0
    text = run("--vault", str(fresh), "--user", "boss", "audit", "verify",
               password=ADMIN_PASSWORD)
    # each sign-in is itself audited, so the second run sees one more event
    assert text.out.splitlines()[0] == f"audit log intact: {report['count'] + 1} events"
    assert re.fullmatch(r"head hash: [0-9a-f]{64}", text.out.splitlines()[1])


def test_an_edited_audit_row_fails_verify_with_its_seq(run: Run, fresh: Path) -> None:
    opened = Vault(fresh).unlock("boss", ADMIN_PASSWORD, now=datetime.now(UTC))
    try:
        conn = open_raw_connection(opened.paths.db, opened.data_key)
        conn.execute("UPDATE audit_events SET action = action || 'x' WHERE seq = 3")
        conn.close()
    finally:
        opened.lock()
    result = run("--vault", str(fresh), "--user", "boss", "audit", "verify",
                 password=ADMIN_PASSWORD)
    assert result.code == 1
    assert "seq 3" in result.out


def test_a_new_user_must_change_the_one_time_password_first(run: Run, fresh: Path) -> None:
    vault = ["--vault", str(fresh)]
    added = run(*vault, "--user", "boss", "user", "add", "ann", "--role", "sales",
                "--department", "east", "--superior", "boss", "--json", password=ADMIN_PASSWORD)
    assert added.code == 0, added.err
    user = added.json()
    assert (user["username"], user["roles"], user["department"], user["superior"]) == (
        "ann", ["sales"], "East", "boss")
    assert user["must_change_password"] is True
    one_time = user["password"]

    blocked = run(*vault, "--user", "ann", "customer", "list", password=one_time)
    assert blocked.code == 1 and "desktop-crm user passwd" in blocked.err

    changed = run(*vault, "--user", "ann", "user", "passwd",
                  stdin=f"{one_time}\nann-own-password\n")
    assert changed.code == 0, changed.err
    assert run(*vault, "--user", "ann", "customer", "list",
               password="ann-own-password").code == 0
    # last: a failed sign-in makes the next one wait a second
    assert run(*vault, "--user", "ann", "customer", "list", password=one_time).code == 3


def test_passwd_takes_the_new_password_from_the_environment(run: Run, fresh: Path) -> None:
    result = run("--vault", str(fresh), "--user", "boss", "user", "passwd", "--json",
                 password=ADMIN_PASSWORD, env={"DESKTOP_CRM_NEW_PASSWORD": "boss-new-pass-2"})
    assert result.json() == {"username": "boss", "password_changed": True}
    assert run("--vault", str(fresh), "--user", "boss", "audit", "verify",
               password="boss-new-pass-2").code == 0


def test_unknown_department_or_superior_is_refused(run: Run, fresh: Path) -> None:
    for extra, field in ((["--department", "Mars"], "department"),
                         (["--department", "East", "--superior", "nobody"], "superior")):
        result = run("--vault", str(fresh), "--user", "boss", "user", "add", "bob",
                     "--role", "sales", *extra, password=ADMIN_PASSWORD)
        assert result.code == 1 and result.err.startswith(f"error: {field}:")


def test_suspend_and_reactivate(as_user: AsUser) -> None:
    assert as_user("admin", "user", "suspend", "sales_east2").code == 0
    refused = as_user("sales_east2", "customer", "list")
    assert refused.code == 3 and "suspended" in refused.err
    reactivated = as_user("admin", "user", "reactivate", "sales_east2", "--json").json()
    assert reactivated["status"] == "active" and reactivated["department"] == "华东区 East"
    assert as_user("sales_east2", "customer", "list").code == 0


def test_user_and_department_lists(as_user: AsUser) -> None:
    users = as_user("mgr_east", "user", "list", "--json").json()
    assert users["total"] == 11 == len(users["items"])
    south3 = next(u for u in users["items"] if u["username"] == "sales_south3")
    assert (south3["department"], south3["superior"]) == ("华南区 South", "mgr_east")
    departments = as_user("mgr_east", "department", "list", "--json").json()
    assert {d["name"] for d in departments["items"]} == {
        "总部 Head office", "华东区 East", "华南区 South", "客服部 Service"}
    tree = as_user("mgr_east", "department", "list").out.splitlines()
    assert tree[0].startswith("总部 Head office") and tree[1].startswith("  ")


def test_demo_json_lists_the_fixed_users_without_passwords_when_given(
        run: Run, tmp_path: Path) -> None:
    result = run("--vault", str(tmp_path / "demo"), "demo", "--customers", "40", "--seed", "2",
                 "--today", "2026-11-23", "--json",
                 env={"DESKTOP_CRM_DEMO_PASSWORD": DEMO_PASSWORD})
    assert result.code == 0, result.err
    users = result.json()["users"]
    assert [u["name"] for u in users] == [
        "admin", "auditor", "service1", "mgr_east", "mgr_south", "sales_east1", "sales_east2",
        "sales_east3", "sales_south1", "sales_south2", "sales_south3"]
    assert all(set(u) == {"name", "role", "department"} for u in users)
    south3 = next(u for u in users if u["name"] == "sales_south3")
    assert (south3["role"], south3["department"]) == ("sales", "华南区 South")
    listing = run("--vault", str(tmp_path / "demo"), "--user", "sales_south3", "customer",
                  "list", "--json", password=DEMO_PASSWORD)
    assert listing.code == 0 and listing.json()["total"] > 0

    again = run("--vault", str(tmp_path / "demo"), "demo", "--customers", "5",
                env={"DESKTOP_CRM_DEMO_PASSWORD": DEMO_PASSWORD})
    assert again.code == 1 and "already" in again.err


def test_demo_generates_and_prints_passwords_once(run: Run, tmp_path: Path) -> None:
    result = run("--vault", str(tmp_path / "demo"), "demo", "--customers", "0", "--json")
    users = result.json()["users"]
    assert all(set(u) == {"name", "role", "department", "password"} for u in users)
    manager = next(u for u in users if u["name"] == "mgr_south")
    assert run("--vault", str(tmp_path / "demo"), "--user", "mgr_south", "customer", "list",
               password=manager["password"]).code == 0

    text = run("--vault", str(tmp_path / "text"), "demo", "--customers", "3")
    assert text.code == 0
    assert "shown only this once" in text.out and "sales_south3" in text.out
