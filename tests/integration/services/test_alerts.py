"""The alerts inbox on a real vault: who may read and acknowledge, filters, paging, notes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from desktop_crm.domain.errors import Conflict, NotFound, ValidationError
from desktop_crm.services import audit
from desktop_crm.services.alerts import (
    EXPORT,
    NOTE_MAX_LENGTH,
    ROLE_CHANGE,
    SIGN_IN_FAILURES,
    AlertView,
)
from desktop_crm.services.session import CrmSession
from tests.integration.services.conftest import DENIED, NOW, OK, Org, outcome

NON_ADMINS = ("mgr_east", "sales_east1", "sales_south2", "service1")


def _raise(session: CrmSession, kind: str, message: str, *, actor: str | None = None) -> None:
    """An alert as a service raises it (in its own transaction, with the session's clock)."""
    with session._ctx.writing() as w:
        audit.raise_alert(w.session, at=w.now, kind=kind, message=message,
                          actor_id=actor or w.actor.user_id)


@pytest.fixture
def inbox(org: Org) -> list[str]:
    """Five alerts a minute apart, oldest first: role changes, a sign-in burst, an export."""
    admin = org.session("admin")
    kinds = (ROLE_CHANGE, SIGN_IN_FAILURES, ROLE_CHANGE, EXPORT, ROLE_CHANGE)
    for number, kind in enumerate(kinds):
        _raise(admin, kind, f"alert {number}", actor=org.ids["sales_east1"] if number == 3
               else None)
        org.clock.advance(timedelta(minutes=1))
    return [a.id for a in reversed(admin.alerts.list())]


def test_a_role_change_raises_an_alert_naming_who_did_it(org: Org) -> None:
    admin = org.session("admin")
    admin.users.set_roles(org.ids["sales_east1"], ["manager"])
    [alert] = admin.alerts.list(kinds=[ROLE_CHANGE])
    assert alert.actor_name == "管理员" and not alert.acknowledged
    assert admin.alerts.unacknowledged_count() == 1


def test_alerts_come_newest_first_and_page_by_position(org: Org, inbox: list[str]) -> None:
    admin = org.session("admin")
    everything = admin.alerts.list()
    assert [a.message for a in everything] == [f"alert {n}" for n in (4, 3, 2, 1, 0)]
    first = admin.alerts.list(limit=2)
    second = admin.alerts.list(limit=2, before=first[-1].position)
    third = admin.alerts.list(limit=2, before=second[-1].position)
    assert [a.id for a in first + second + third] == [a.id for a in everything]
    assert admin.alerts.count() == 5


def test_alerts_filter_by_kind_time_and_acknowledgement(org: Org, inbox: list[str]) -> None:
    admin = org.session("admin")
    assert [a.message for a in admin.alerts.list(kinds=[ROLE_CHANGE])] == [
        "alert 4", "alert 2", "alert 0"]
    assert admin.alerts.count(kinds=[ROLE_CHANGE, EXPORT]) == 4
    since, until = NOW + timedelta(minutes=1), NOW + timedelta(minutes=3)
    assert [a.message for a in admin.alerts.list(since=since, until=until)] == [
        "alert 2", "alert 1"]
    [export] = admin.alerts.list(kinds=[EXPORT])
    assert export.actor_name == "sales_east1"

    admin.alerts.acknowledge(inbox[1], "checked with the user: a forgotten password")
    assert [a.message for a in admin.alerts.list(acknowledged=False)] == [
        "alert 4", "alert 3", "alert 2", "alert 0"]
    assert [a.message for a in admin.alerts.list(acknowledged=True)] == ["alert 1"]
    assert admin.alerts.count(acknowledged=False) == admin.alerts.unacknowledged_count() == 4


def test_acknowledging_keeps_the_note_and_who_and_is_audited(org: Org, inbox: list[str]) -> None:
    admin = org.session("admin")
    org.clock.advance(timedelta(hours=1))
    done = admin.alerts.acknowledge(inbox[0], "  已与销售确认，属正常调整  ")
    assert done.acknowledged and done.acknowledged_note == "已与销售确认，属正常调整"
    assert done.acknowledged_by_name == "管理员" and done.acknowledged_at == org.clock.now()
    assert admin.alerts.get(inbox[0]) == done
    [event] = admin.audit.search(action="alert.acknowledge").rows
    assert event.entity_id == inbox[0] and event.detail["note"] == "已与销售确认，属正常调整"


def test_a_note_is_required_and_bounded(org: Org, inbox: list[str]) -> None:
    admin = org.session("admin")
    for note in ("", "   "):
        with pytest.raises(ValidationError) as empty:
            admin.alerts.acknowledge(inbox[0], note)
        assert empty.value.field == "note"
    with pytest.raises(ValidationError, match="longer than 500"):
        admin.alerts.acknowledge(inbox[0], "x" * (NOTE_MAX_LENGTH + 1))
    assert admin.alerts.acknowledge(inbox[0], "x" * NOTE_MAX_LENGTH).acknowledged
    assert admin.audit.search(action="alert.").rows[0].entity_id == inbox[0]


def test_an_alert_is_acknowledged_once(org: Org, inbox: list[str]) -> None:
    admin = org.session("admin")
    admin.alerts.acknowledge(inbox[2], "handled")
    with pytest.raises(Conflict):
        admin.alerts.acknowledge(inbox[2], "again")
    assert admin.alerts.get(inbox[2]).acknowledged_note == "handled"
    with pytest.raises(NotFound):
        admin.alerts.acknowledge("00000000-0000-0000-0000-000000000000", "no such alert")


OPERATIONS: dict[str, Callable[[CrmSession, str], object]] = {
    "list": lambda s, _: s.alerts.list(),
    "count": lambda s, _: s.alerts.count(),
    "unacknowledged_count": lambda s, _: s.alerts.unacknowledged_count(),
    "get": lambda s, alert_id: s.alerts.get(alert_id),
    "acknowledge": lambda s, alert_id: s.alerts.acknowledge(alert_id, "a note"),
}

# Written by hand (not derived from the permission matrix): who may do what to alerts.
EXPECTED = {
    "admin": {"list": OK, "count": OK, "unacknowledged_count": OK, "get": OK, "acknowledge": OK},
    "auditor": {"list": OK, "count": OK, "unacknowledged_count": OK, "get": OK,
                "acknowledge": DENIED},
    **{name: dict.fromkeys(OPERATIONS, DENIED) for name in NON_ADMINS},
}


@pytest.mark.parametrize("user", sorted(EXPECTED))
def test_who_may_read_and_acknowledge_alerts(org: Org, inbox: list[str], user: str) -> None:
    session = org.session(user)
    alert_id = inbox[0]
    seen = {name: outcome(lambda s, op=op: op(s, alert_id), session)
            for name, op in OPERATIONS.items()}
    assert seen == EXPECTED[user]
    still_open = org.session("admin").alerts.get(alert_id)
    assert still_open.acknowledged is (EXPECTED[user]["acknowledge"] == OK)


def test_views_carry_plain_values(org: Org, inbox: list[str]) -> None:
    [newest] = org.session("auditor").alerts.list(limit=1)
    assert isinstance(newest, AlertView)
    assert newest.to_dict()["kind"] == ROLE_CHANGE and newest.to_dict()["acknowledged"] is False
