"""The audit chain names the first row whose bytes were changed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from desktop_crm.domain.errors import WrongPassword
from desktop_crm.services import audit
from desktop_crm.services.session import sign_in


def auditor_events(session) -> list[audit.AuditRow]:
    with session._open().database.reading() as s:
        return audit.recent_events(s, limit=1000)


def test_editing_one_byte_of_one_row_names_that_row(org, customer_of) -> None:
    for i in range(3):
        customer_of("sales_east1", name=f"客户{i}")
    admin = org.session("admin")
    report = admin.verify_audit()
    assert report.ok and report.count > 5
    victim = report.count - 2
    with admin._open().database.write_engine.begin() as conn:
        detail = conn.execute(text("SELECT detail FROM audit_events WHERE seq = :s"),
                              {"s": victim}).scalar_one()
        tampered = detail.replace("{", "{ ", 1)  # one byte more, same meaning
        conn.execute(text("UPDATE audit_events SET detail = :d WHERE seq = :s"),
                     {"d": tampered, "s": victim})
    broken = admin.verify_audit()
    assert not broken.ok and broken.first_broken_seq == victim


def test_chain_verifies_after_sign_ins_and_failures(org) -> None:
    with pytest.raises(WrongPassword):
        sign_in(org.vault_dir, "auditor", "wrong password", clock=org.clock)
    org.clock.advance(timedelta(seconds=2))  # past the first back-off
    auditor = org.session("auditor")
    assert auditor.verify_audit().ok
    failures = [e for e in auditor_events(auditor) if e.action == "auth.sign_in_failed"]
    assert len(failures) == 1 and failures[0].detail["count"] == 1
