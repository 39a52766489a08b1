"""`alerts list|ack` and `audit export` through the CLI, on the demo vault."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from desktop_crm.storage.engine import open_raw_connection
from desktop_crm.storage.vault import Vault
from tests.integration.cli.conftest import DEMO_PASSWORD, AsUser

TODAY = date.today().isoformat()


def _export_alerts(as_user: AsUser) -> list[dict]:
    listed = as_user("admin", "alerts", "list", "--kind", "export", "--json")
    assert listed.code == 0, listed.err
    return listed.json()["items"]


def test_export_to_standard_output_is_csv_with_a_bom_and_raises_an_alert(
    as_user: AsUser,
) -> None:
    exported = as_user("auditor", "audit", "export", "--since", "2000-01-01")
    assert exported.code == 0, exported.err
    assert exported.out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(exported.out.removeprefix("\ufeff"))))
    assert rows and rows[0]["seq"] == "1"
    assert any(r["actor"] == "审计 Auditor" for r in rows)  # Chinese display names intact
    [alert] = _export_alerts(as_user)
    assert alert["actor"] == "审计 Auditor" and f"{len(rows)} audit events" in alert["message"]


def test_export_to_a_file_as_json_lines_prints_a_summary(as_user: AsUser, tmp_path: Path) -> None:
    target = tmp_path / "audit.jsonl"
    result = as_user("admin", "audit", "export", "--since", TODAY, "--until", TODAY,
                     "--format", "jsonl", "-o", str(target), "--json")
    assert result.code == 0, result.err
    summary = result.json()
    lines = target.read_text(encoding="utf-8").splitlines()
    assert summary["count"] == len(lines) >= 1 and summary["path"] == str(target)
    assert json.loads(lines[-1])["action"] == "auth.sign_in"
    text = as_user("admin", "audit", "export", "--since", TODAY, "-o", str(target))
    assert text.out.startswith("Exported ") and "audit events to" in text.out


def test_export_refuses_a_range_that_ends_before_it_starts(as_user: AsUser) -> None:
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    result = as_user("admin", "audit", "export", "--since", TODAY, "--until", yesterday)
    assert result.code == 2 and "--until" in result.err
    assert as_user("admin", "audit", "export").code == 2  # --since is required


def test_export_to_a_missing_folder_fails_in_one_line(as_user: AsUser, tmp_path: Path) -> None:
    result = as_user("admin", "audit", "export", "--since", TODAY,
                     "-o", str(tmp_path / "nowhere" / "audit.csv"))
    assert result.code == 1 and "could not write the export" in result.err
    assert _export_alerts(as_user) == []


def test_salespeople_may_not_export_or_read_alerts(as_user: AsUser) -> None:
    exported = as_user("sales_east1", "audit", "export", "--since", TODAY)
    assert exported.code == 1 and "permission denied" in exported.err and exported.out == ""
    listed = as_user("mgr_east", "alerts", "list")
    assert listed.code == 1 and "permission denied" in listed.err


def test_alerts_are_listed_filtered_and_acknowledged_with_a_note(as_user: AsUser) -> None:
    as_user("admin", "audit", "export", "--since", TODAY)
    [alert] = _export_alerts(as_user)
    assert alert["acknowledged"] is False and alert["note"] is None
    open_before = as_user("admin", "alerts", "list", "--unacknowledged", "--json").json()

    refused = as_user("auditor", "alerts", "ack", alert["id"], "--note", "seen")
    assert refused.code == 1 and "permission denied" in refused.err
    assert as_user("admin", "alerts", "ack", alert["id"]).code == 2  # the note is required
    empty = as_user("admin", "alerts", "ack", alert["id"], "--note", "  ")
    assert empty.code == 1 and "note" in empty.err

    done = as_user("admin", "alerts", "ack", alert["id"], "--note", "审计员按月导出", "--json")
    assert done.code == 0, done.err
    assert done.json()["note"] == "审计员按月导出" and done.json()["acknowledged_by"]
    again = as_user("admin", "alerts", "ack", alert["id"], "--note", "again")
    assert again.code == 1 and "already acknowledged" in again.err

    open_after = as_user("admin", "alerts", "list", "--unacknowledged", "--json").json()
    assert open_after["total"] == open_before["total"] - 1
    assert alert["id"] not in {a["id"] for a in open_after["items"]}
    recent = as_user("auditor", "alerts", "list", "--since", TODAY, "--limit", "1", "--json")
    assert recent.code == 0 and len(recent.json()["items"]) == 1
    text = as_user("admin", "alerts", "list", "--kind", "export")
    assert "export" in text.out and text.out.rstrip().endswith("shown)")


def test_a_broken_chain_found_by_verify_is_alerted_once(as_user: AsUser,
                                                       demo_vault: Path) -> None:
    opened = Vault(demo_vault).unlock("admin", DEMO_PASSWORD, now=datetime.now(UTC))
    try:
        conn = open_raw_connection(opened.paths.db, opened.data_key)
        conn.execute("UPDATE audit_events SET action = action || 'x' WHERE seq = 2")
        conn.close()
    finally:
        opened.lock()
    for _ in range(2):
        assert as_user("auditor", "audit", "verify").code == 1
    listed = as_user("admin", "alerts", "list", "--kind", "audit_chain_broken", "--json")
    assert listed.json()["total"] == 1 and listed.json()["items"][0]["audit_seq"] == 2
