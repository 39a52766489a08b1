"""The admin policies: read by everyone, changed only with POLICY manage, validated, audited,
and each one enforced where it governs (remember me, reveal bursts, password rules)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop_crm.domain.errors import KeyringUnavailable, ValidationError
from desktop_crm.services.policies import PolicySet
from desktop_crm.storage.models import Alert, AuditEvent
from tests.integration.services.conftest import DENIED, OK, outcome

NON_ADMINS = ("mgr_east", "sales_east1", "service1", "auditor")


def _audit_details(session, action):
    with session.customers.ctx.reading() as w:
        return w.session.scalars(select(AuditEvent.detail).where(
            AuditEvent.action == action).order_by(AuditEvent.seq)).all()


def test_every_user_reads_the_defaults(org):
    for name in ("admin", *NON_ADMINS):
        policies = org.session(name).policies.current()
        assert policies == PolicySet()
    assert policies.remember_me_allowed is True
    assert (policies.reveal_burst_count, policies.reveal_burst_minutes) == (10, 10)
    assert policies.contract_expiry_lead_days == 30
    assert policies.offline_lease_days == 14
    assert org.session("sales_east1").policies.password_rules().min_length == 10


def test_an_admin_change_is_seen_by_everyone_and_audited_per_key(org):
    admin = org.session("admin")
    after = admin.policies.update(remember_me_allowed=False, reveal_burst_count=3,
                                  reveal_burst_minutes=5, offline_lease_days=7,
                                  contract_expiry_lead_days=45, password_min_length=12,
                                  password_letters_and_digits=True)
    seen = org.session("sales_east1").policies.current()
    assert seen == after
    assert (seen.remember_me_allowed, seen.reveal_burst_count, seen.offline_lease_days) == (
        False, 3, 7)
    details = _audit_details(admin, "policy.update")
    assert {d["key"] for d in details} == {"remember_me", "reveal_burst", "offline_lease",
                                           "contract_expiry", "password_rules"}
    assert {"key": "reveal_burst", "count": 3, "minutes": 5} in details
    # an unchanged value writes no event
    admin.policies.update(offline_lease_days=7)
    assert len(_audit_details(admin, "policy.update")) == len(details)


def test_no_non_admin_may_change_any_policy(org):
    for name in NON_ADMINS:
        session = org.session(name)
        assert outcome(lambda s: s.policies.update(offline_lease_days=3), session) == DENIED
        assert outcome(lambda s: s.policies.update(remember_me_allowed=False),
                       session) == DENIED
        assert outcome(lambda s: s.policies.set_idle_lock_minutes(5), session) == DENIED
    assert outcome(lambda s: s.policies.update(offline_lease_days=3),
                   org.session("admin")) == OK


@pytest.mark.parametrize(("field", "bad"), [
    ("reveal_burst_count", 1), ("reveal_burst_minutes", 0), ("contract_expiry_lead_days", 366),
    ("password_min_length", 7), ("offline_lease_days", "14"), ("contract_expiry_lead_days", 0),
    ("remember_me_allowed", 1),
    ("password_letters_and_digits", "yes"), ("no_such_policy", 1),
])
def test_out_of_range_values_are_refused_and_write_nothing(org, field, bad):
    admin = org.session("admin")
    with pytest.raises(ValidationError) as refused:
        admin.policies.update(**{"contract_expiry_lead_days": 9, field: bad})
    assert refused.value.field == field
    assert admin.policies.current() == PolicySet()
    assert _audit_details(admin, "policy.update") == []


def test_remember_me_refused_when_the_policy_forbids_it(org):
    org.session("admin").policies.update(remember_me_allowed=False)
    with pytest.raises(KeyringUnavailable, match="policy"):
        org.session("sales_east1").remember_device(keyring=None)  # refused before any use


def test_reveal_burst_follows_the_policy(org, customer_of):
    customer = customer_of("sales_east1")
    org.session("admin").policies.update(reveal_burst_count=3, reveal_burst_minutes=60)
    manager = org.session("mgr_east")
    for _ in range(2):
        manager.customers.reveal(customer, "phones")
    with manager.customers.ctx.reading() as w:
        assert w.session.scalars(select(Alert.kind)).all().count("reveal_burst") == 0
    manager.customers.reveal(customer, "phones")
    with manager.customers.ctx.reading() as w:
        assert w.session.scalars(select(Alert.kind)).all().count("reveal_burst") == 1


def test_password_rules_are_enforced_on_a_users_own_change(org):
    org.session("admin").policies.update(password_min_length=14,
                                         password_letters_and_digits=True)
    sales = org.session("sales_east1")
    old = org.passwords["sales_east1"]
    with pytest.raises(ValidationError, match="at least 14"):
        sales.change_password(old, "abcdefghij12")
    with pytest.raises(ValidationError, match="letters and digits"):
        sales.change_password(old, "abcdefghijklmnop")
    sales.change_password(old, "abcdefghijklm42")
    org.session("admin").policies.update(password_min_length=8,
                                         password_letters_and_digits=False)
    org.passwords["sales_east1"] = "abcdefghijklm42"
    org.session("sales_east1").change_password("abcdefghijklm42", "shortpw8")
