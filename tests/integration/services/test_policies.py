"""The idle-lock policy: every user reads it, only an administrator's role changes it, audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from desktop_crm.domain.errors import PermissionDenied, ValidationError
from desktop_crm.storage.models import AuditEvent


def test_idle_lock_defaults_to_fifteen_minutes_and_follows_the_admins_choice(org):
    assert org.session("sales_east1").policies.idle_lock_after() == timedelta(minutes=15)
    org.session("admin").policies.set_idle_lock_minutes(5)
    assert org.session("sales_east1").policies.idle_lock_after() == timedelta(minutes=5)
    org.session("admin").policies.set_idle_lock_minutes(30)
    assert org.session("sales_east1").policies.idle_lock_after() == timedelta(minutes=30)
    with org.session("admin").customers.ctx.reading() as w:
        events = w.session.scalars(select(AuditEvent.detail).where(
            AuditEvent.action == "policy.update")).all()
    assert len(events) == 2


def test_only_an_administrator_changes_it_and_only_to_a_sane_value(org):
    with pytest.raises(PermissionDenied):
        org.session("sales_east1").policies.set_idle_lock_minutes(240)
    for bad in (0, 241, "10", True):
        with pytest.raises(ValidationError) as refused:
            org.session("admin").policies.set_idle_lock_minutes(bad)
        assert refused.value.field == "minutes"
    assert org.session("sales_east1").policies.idle_lock_after() == timedelta(minutes=15)
