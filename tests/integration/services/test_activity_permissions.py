# ruff: noqa: E501  (the expected table reads best one operation per line)
"""Every default role x every activity operation (reminders, calls, timeline), against a table
written by hand, not derived from domain/permissions.py.

The target customer, its call and its reminder belong to sales_east2 (East, reports to mgr_east).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from desktop_crm.domain.errors import NotFound

from .conftest import DENIED, HIDDEN, NOW, OK, outcome

EXPECTED: dict[str, dict[str, str]] = {
    #                            admin  manager  sales   service auditor
    "reminder.create":         dict(admin=OK, mgr_east=OK, sales_east1=HIDDEN, service1=OK, auditor=DENIED),
    "reminder.list":           dict(admin=OK, mgr_east=OK, sales_east1=HIDDEN, service1=OK, auditor=OK),
    "reminder.complete":       dict(admin=OK, mgr_east=OK, sales_east1=HIDDEN, service1=DENIED, auditor=DENIED),
    "interaction.follow_up":   dict(admin=OK, mgr_east=OK, sales_east1=HIDDEN, service1=OK, auditor=DENIED),
    "calls.page":              dict(admin=OK, mgr_east=OK, sales_east1=HIDDEN, service1=OK, auditor=OK),
    "calls.count":             dict(admin=OK, mgr_east=OK, sales_east1=HIDDEN, service1=OK, auditor=OK),
    "timeline.for_customer":   dict(admin=OK, mgr_east=OK, sales_east1=HIDDEN, service1=OK, auditor=OK),
}  # fmt: skip


def _operations(customer: str, call: str, reminder: str) -> dict[str, Callable]:
    tomorrow = NOW + timedelta(days=1)

    def listed(found: list[str], wanted: str, entity: str) -> None:
        if wanted not in found:
            raise NotFound(entity, wanted)

    return {
        "reminder.create": lambda s: s.reminders.create(
            {"title": "回访", "due_at": tomorrow, "customer_id": customer}),
        "reminder.list": lambda s: listed([r.id for r in s.reminders.list()], reminder,
                                          "reminder"),
        "reminder.complete": lambda s: s.reminders.complete(reminder),
        "interaction.follow_up": lambda s: s.interactions.log(
            customer, {"summary": "回访", "next_step": "寄样品", "next_step_at": tomorrow}),
        "calls.page": lambda s: listed([r.id for r in s.calls.page().rows], call, "call"),
        "calls.count": lambda s: None if s.calls.count() == 1 else listed([], call, "call"),
        "timeline.for_customer": lambda s: listed(
            [e.id for e in s.timeline.for_customer(customer).entries], call, "call"),
    }


@pytest.mark.parametrize("operation", sorted(EXPECTED))
@pytest.mark.parametrize("actor", ["admin", "mgr_east", "sales_east1", "service1", "auditor"])
def test_role_operation(org, customer_of, actor: str, operation: str) -> None:
    customer = customer_of("sales_east2", name="Target 目标客户")
    owner = org.session("sales_east2")
    call = owner.interactions.log(customer, {"summary": "初次联系"}).id
    reminder = owner.reminders.create({"title": "跟进", "due_at": NOW + timedelta(hours=2),
                                       "customer_id": customer}).id
    operations = _operations(customer, call, reminder)
    assert outcome(operations[operation], org.session(actor)) == EXPECTED[operation][actor]
