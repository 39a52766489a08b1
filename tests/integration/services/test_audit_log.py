"""The audit viewer's service on a real vault: search and paging, verify, export, access."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services import audit, audit_log
from desktop_crm.services.alerts import AUDIT_CHAIN_BROKEN, EXPORT
from desktop_crm.services.audit_log import AuditEntry, AuditLogService, ExportFailed
from desktop_crm.services.session import CrmSession
from tests.integration.services.conftest import DENIED, NOW, OK, Org, outcome

ACTIONS = ("customer.update", "customer.reveal", "user.suspend", "policy.update")


@pytest.fixture
def busy_log(org: Org) -> list[AuditEntry]:
    """600 more events by three people over 600 minutes; returns the whole log, newest first."""
    admin = org.session("admin")
    people = [org.ids[n] for n in ("admin", "mgr_east", "auditor")]
    with admin._ctx.writing() as w:
        for number in range(600):
            audit.record(w.session, at=NOW + timedelta(minutes=number),
                         actor_id=people[number % 3], action=ACTIONS[number % 4],
                         entity="customer", entity_id=f"c{number % 7}",
                         detail={"n": number, "note": "客户张伟" if number % 50 == 0 else "x"})
    return _everything(admin.audit)


def _everything(service: AuditLogService, **filters: object) -> list[AuditEntry]:
    """Every page of a search, read as the viewer does (one page after the other)."""
    rows: list[AuditEntry] = []
    before = None
    for _ in range(10_000):
        page = service.search(before_seq=before, limit=37, **filters)  # type: ignore[arg-type]
        rows.extend(page.rows)
        if page.next_before_seq is None:
            return rows
        before = page.next_before_seq
    raise AssertionError("the search never ended")


def test_pages_follow_seq_newest_first_without_gaps(org: Org, busy_log: list[AuditEntry]) -> None:
    seqs = [r.seq for r in busy_log]
    assert seqs == sorted(seqs, reverse=True) and len(set(seqs)) == len(seqs)
    assert seqs[0] - seqs[-1] == len(seqs) - 1  # nothing skipped
    assert {r.actor_name for r in busy_log} >= {"管理员", "mgr_east", "auditor"}


@pytest.mark.parametrize("small_windows", [False, True])
def test_each_filter_finds_exactly_the_matching_events(
    org: Org, busy_log: list[AuditEntry], small_windows: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if small_windows:  # a call stops early and the next carries on, as on a huge log
        monkeypatch.setattr(audit_log, "WINDOW", 16)
        monkeypatch.setattr(audit_log, "SCAN_BUDGET", 40)
    service = org.session("auditor").audit
    mgr = org.ids["mgr_east"]
    since, until = NOW + timedelta(minutes=100), NOW + timedelta(minutes=250)
    cases: list[tuple[dict[str, object], Callable[[AuditEntry], bool]]] = [
        ({"actor_id": mgr}, lambda r: r.actor_id == mgr),
        ({"action": "customer."}, lambda r: r.action.startswith("customer.")),
        ({"action": "user.suspend", "actor_id": mgr},
         lambda r: r.action == "user.suspend" and r.actor_id == mgr),
        ({"entity_id": "c3"}, lambda r: r.entity_id == "c3"),
        ({"text": "张伟"}, lambda r: "张伟" in json.dumps(r.detail, ensure_ascii=False)),
        ({"text": "MGR_east"}, lambda r: r.actor_id == mgr),
        ({"since": since, "until": until}, lambda r: since <= r.at < until),
        ({"since": since, "until": until, "action": "policy", "entity": "customer"},
         lambda r: since <= r.at < until and r.action.startswith("policy")),
    ]
    for filters, wanted in cases:
        expected = [r.seq for r in busy_log if wanted(r)]
        assert expected, filters
        assert [r.seq for r in _everything(service, **filters)] == expected, filters


def test_an_unknown_action_or_an_empty_range_finds_nothing(
    org: Org, busy_log: list[AuditEntry]
) -> None:
    service = org.session("admin").audit
    assert service.search(action="nothing.").rows == []
    page = service.search(since=NOW + timedelta(days=30))
    assert page.rows == [] and page.next_before_seq is None


def test_known_actions_and_actors(org: Org, busy_log: list[AuditEntry]) -> None:
    service = org.session("auditor").audit
    actions = service.known_actions()
    assert actions == sorted(set(actions)) and set(ACTIONS) <= set(actions)
    assert "auth.sign_in" in actions
    names = {a.username: a.display_name for a in service.actors()}
    assert names["admin"] == "管理员" and "sales_south2" in names


def test_entities_that_still_exist(org: Org, customer_of: Callable[..., str]) -> None:
    customer = customer_of("sales_east1")
    admin = org.session("admin")
    service = org.session("auditor").audit
    assert service.entity_exists("customer", customer)
    assert service.entity_exists("user", org.ids["sales_east1"])
    assert not service.entity_exists("user", "00000000-0000-0000-0000-000000000000")
    assert not service.entity_exists("policy", "anything")
    admin.customers.delete(customer)
    assert not service.entity_exists("customer", customer)
    details = service.entity_details("user", org.ids["sales_east1"])
    assert details is not None and ("username", "sales_east1") in details.facts
    department = service.entity_details("department", org.ids["dept:East"])
    assert department is not None and department.title == "华东 East"


def _tamper(session: CrmSession, seq: int) -> None:
    with session._ctx.writing() as w:
        w.session.execute(text("UPDATE audit_events SET action = action || 'x' WHERE seq = :s"),
                          {"s": seq})


def test_verify_reports_intact_then_one_alert_per_break(org: Org) -> None:
    admin = org.session("admin")
    report = admin.audit.verify()
    assert report.ok and report.count > 10 and len(report.head_hash) == 64
    assert admin.alerts.count(kinds=[AUDIT_CHAIN_BROKEN]) == 0
    _tamper(admin, 5)
    for _ in range(3):  # verified again and again: still one alert for this break
        broken = admin.audit.verify()
        assert not broken.ok and broken.first_broken_seq == 5 and broken.count == 4
    auditor = org.session("auditor")
    assert auditor.audit.verify().first_broken_seq == 5
    [alert] = admin.alerts.list(kinds=[AUDIT_CHAIN_BROKEN])
    assert alert.audit_seq == 5 and alert.severity == "critical" and "seq 5" in alert.message
    assert admin.verify_audit().first_broken_seq == 5  # the session's own verify still works
    _tamper(admin, 3)  # an earlier break is a new finding
    assert admin.audit.verify().first_broken_seq == 3
    assert sorted(a.audit_seq or 0 for a in admin.alerts.list(kinds=[AUDIT_CHAIN_BROKEN])) == [
        3, 5]


def test_export_csv_is_excel_ready_complete_audited_and_alerted(
    org: Org, busy_log: list[AuditEntry], tmp_path: Path
) -> None:
    auditor = org.session("auditor")
    since, until = NOW + timedelta(minutes=10), NOW + timedelta(minutes=20)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "审计.csv"
    summary = auditor.audit.export(target, since=since, until=until)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    expected = sorted((r for r in busy_log if since <= r.at < until), key=lambda r: r.seq)
    assert [int(r["seq"]) for r in rows] == [r.seq for r in expected]
    assert summary.count == len(rows) == 10 and summary.first_seq == expected[0].seq
    assert rows[0]["actor"] in {"管理员", "mgr_east", "auditor"}
    assert {json.loads(r["detail"])["n"] for r in rows} == set(range(10, 20))
    assert list(folder.iterdir()) == [target]  # no temporary file left beside it

    admin = org.session("admin")
    [event] = admin.audit.search(action="audit.export").rows
    assert event.actor_id == org.ids["auditor"] and event.detail["count"] == 10
    assert event.detail["since"] == since.isoformat()
    [alert] = admin.alerts.list(kinds=[EXPORT])
    assert alert.audit_seq == event.seq and alert.actor_name == "auditor"


def test_export_json_lines_to_a_stream_keeps_chinese(org: Org, busy_log: list[AuditEntry]) -> None:
    stream = io.BytesIO()
    summary = org.session("admin").audit.export(stream, since=NOW, fmt="jsonl")
    lines = stream.getvalue().decode("utf-8").splitlines()
    assert len(lines) == summary.count >= 600
    notes = [json.loads(line)["detail"].get("note") for line in lines]
    assert "客户张伟" in notes


def test_a_failed_export_leaves_no_file_and_no_record(
    org: Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = org.session("admin")
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ExportFailed, match="could not write"):
        admin.audit.export(folder / "missing" / "log.csv", since=NOW)

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(audit_log.os, "fsync", refuse)
    with pytest.raises(ExportFailed, match="No space left"):
        admin.audit.export(folder / "log.csv", since=NOW)
    assert list(folder.iterdir()) == []
    assert admin.audit.search(action="audit.export").rows == []
    assert admin.alerts.count(kinds=[EXPORT]) == 0
    with pytest.raises(ValidationError):
        admin.audit.export(folder / "log.csv", since=NOW, fmt="xlsx")


OPERATIONS: dict[str, Callable[[CrmSession, Path], object]] = {
    "search": lambda s, _: s.audit.search(),
    "known_actions": lambda s, _: s.audit.known_actions(),
    "actors": lambda s, _: s.audit.actors(),
    "verify": lambda s, _: s.audit.verify(),
    "entity_exists": lambda s, _: s.audit.entity_exists("user", s.user_id),
    "export": lambda s, folder: s.audit.export(folder / "log.csv", since=NOW),
}
EXPECTED = {
    "admin": dict.fromkeys(OPERATIONS, OK),
    "auditor": dict.fromkeys(OPERATIONS, OK),
    **{name: dict.fromkeys(OPERATIONS, DENIED)
       for name in ("mgr_east", "sales_east1", "sales_south1", "service1")},
}


@pytest.mark.parametrize("user", sorted(EXPECTED))
def test_who_may_read_verify_and_export_the_log(org: Org, user: str, tmp_path: Path) -> None:
    session = org.session(user)
    seen = {name: outcome(lambda s, op=op: op(s, tmp_path), session)
            for name, op in OPERATIONS.items()}
    assert seen == EXPECTED[user]
    assert (tmp_path / "log.csv").exists() is (EXPECTED[user]["export"] == OK)
