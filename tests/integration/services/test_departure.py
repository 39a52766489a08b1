"""The departure workflow on a real vault: access revoked, every customer kept, keys rotated."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_crm.domain.departure_split import SplitMode
from desktop_crm.domain.enums import UserStatus
from desktop_crm.domain.errors import (
    AccountRevoked,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
    VaultLocked,
)
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.security.secret import SecretBytes
from desktop_crm.services import departure
from desktop_crm.services.bulk import ActivityBatch, ActivityImport
from desktop_crm.services.role_rules import GrantRule
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.storage.engine import KeyRejected, open_raw_connection
from desktop_crm.storage.models import Alert, Customer, OwnershipChange

from .conftest import DENIED, NOW, OK, Org, outcome


def _opens(db: Path, key: bytes) -> bool:
    try:
        open_raw_connection(db, SecretBytes(key)).close()
    except KeyRejected:
        return False
    return True


def _count(session: CrmSession, query: object) -> int:
    with session.users.ctx.reading() as w:
        return int(w.session.execute(query).scalar_one())


def _owners(session: CrmSession, ids: list[str]) -> dict[str, str]:
    with session.users.ctx.reading() as w:
        return dict(w.session.execute(
            select(Customer.id, Customer.owner_id).where(Customer.id.in_(ids))).tuples().all())


@pytest.fixture
def leaving(org: Org, customer_of: Callable[..., str]) -> list[str]:
    """sales_east1 owns five customers, one contract with a plan, an open reminder and an
    open complaint assigned to them."""
    ids = [customer_of("sales_east1", name=name, tier=tier) for name, tier in (
        ("张伟", "high_value"), ("Alice Martin", "potential"), ("李娜", "dormant"),
        ("王芳", "high_value"), ("Bob Stone", None))]
    sales = org.session("sales_east1")
    sales.reminders.create({"customer_id": ids[0], "title": "回访 张伟",
                            "due_at": NOW + timedelta(days=2)})
    admin = org.session("admin")
    ActivityImport(admin.users.ctx).create(ActivityBatch(
        contracts=[{"id": "7f0c0b52-7b1e-4bb0-9a51-3f5cf0b1a001", "customer_id": ids[0],
                    "number": "HT-001", "start_date": date(2026, 1, 1),
                    "end_date": date(2026, 12, 31), "amount_minor": 100000}],
        payment_plans=[{"contract_id": "7f0c0b52-7b1e-4bb0-9a51-3f5cf0b1a001",
                        "instalment": 1, "due_date": date(2026, 12, 1), "amount_minor": 100000}],
        complaints=[{"customer_id": ids[1], "opened_at": NOW,
                     "summary": "送货晚了", "assignee_id": org.ids["sales_east1"]}],
    ))
    return ids


def test_departure_revokes_access_keeps_every_customer_and_rotates_the_key(
    org: Org, leaving: list[str]
) -> None:
    admin = org.session("admin")
    old_key = admin._open().data_key.value
    customers_before = _count(admin, select(func.count()).select_from(Customer))

    inventory = admin.departures.freeze(org.ids["sales_east1"])
    assert inventory.departure.state == "frozen"
    held = inventory.holdings
    assert (held.customers, held.open_reminders, held.open_complaints) == (5, 1, 1)
    assert (held.contracts, held.payment_plans, held.direct_reports) == (1, 1, 0)

    result = admin.departures.complete(org.ids["sales_east1"], [org.ids["sales_east2"]])
    assert result.key_rotated and result.departure.state == "done"
    assert result.moved.customers == {org.ids["sales_east2"]: 5}
    assert (result.moved.reminders, result.moved.complaints) == (1, 1)

    # the departed password fails with "account revoked", not "wrong password"
    with pytest.raises(AccountRevoked, match="revoked"):
        sign_in(org.vault_dir, "sales_east1", org.passwords["sales_east1"])
    # the pre-rotation data key no longer opens the file
    assert not _opens(org.vault_dir / "crm.db", old_key)
    # every remaining user signs in with their unchanged password
    for name in org.passwords:
        if name != "sales_east1":
            org.session(name).me()
    # the same number of customers, each with the successor and a history entry
    fresh = org.session("admin")
    assert _count(fresh, select(func.count()).select_from(Customer)) == customers_before
    assert set(_owners(fresh, leaving).values()) == {org.ids["sales_east2"]}
    history = _count(fresh, select(func.count()).select_from(OwnershipChange).where(
        OwnershipChange.customer_id.in_(leaving),
        OwnershipChange.from_owner_id == org.ids["sales_east1"],
        OwnershipChange.to_owner_id == org.ids["sales_east2"]))
    assert history == 5
    assert fresh.verify_audit().ok
    assert _count(fresh, select(func.count()).select_from(Alert).where(
        Alert.kind == "departure")) == 1
    # the successor now works the customers; the departed name stays on the history
    successor = org.session("sales_east2")
    assert successor.customers.get(leaving[0]).name == "张伟"
    assert successor.customers.count() == 5


def test_a_split_by_tier_gives_the_first_receiver_the_most_valuable_customers(
    org: Org, leaving: list[str]
) -> None:
    admin = org.session("admin")
    receivers = [org.ids["sales_east2"], org.ids["mgr_east"]]
    preview = admin.departures.preview(org.ids["sales_east1"], receivers, SplitMode.TIER)
    admin.departures.complete(org.ids["sales_east1"], receivers, SplitMode.TIER)
    owners = _owners(org.session("admin"), leaving)
    # high-value -> first, potential -> second, dormant -> first, no tier -> second
    assert [owners[i] for i in leaving] == [receivers[0], receivers[1], receivers[0],
                                            receivers[0], receivers[1]]
    assert preview == {receivers[0]: 3, receivers[1]: 2}


def test_freezing_withholds_reveal_and_export_and_cancelling_restores_them(
    org: Org, leaving: list[str]
) -> None:
    admin = org.session("admin")
    manager = org.session("mgr_east")
    assert manager.me().can(Resource.CUSTOMER, Action.REVEAL)
    admin.departures.freeze(org.ids["mgr_east"])
    assert not manager.me().can(Resource.CUSTOMER, Action.REVEAL)
    assert not manager.me().can(Resource.CUSTOMER, Action.EXPORT)
    with pytest.raises(PermissionDenied):
        manager.customers.reveal(leaving[0], "phones")
    admin.departures.cancel(org.ids["mgr_east"])
    assert manager.me().can(Resource.CUSTOMER, Action.REVEAL)


def test_the_departed_users_open_session_stops_at_the_next_call(
    org: Org, leaving: list[str]
) -> None:
    sales = org.session("sales_east1")
    org.session("admin").departures.complete(org.ids["sales_east1"], [org.ids["sales_east2"]])
    # the rotation leaves its connections unable to read: "sign in again" -> "revoked"
    with pytest.raises(VaultLocked, match="sign in again"):
        sales.customers.count()


def test_direct_reports_move_to_the_first_receiver(org: Org) -> None:
    admin = org.session("admin")
    result = admin.departures.complete(org.ids["mgr_east"], [org.ids["sales_east1"]])
    assert result.moved.direct_reports == 3
    east2 = admin.users.get(org.ids["sales_east2"])
    assert east2.superior_id == org.ids["sales_east1"]
    # the first receiver reported to the departed manager: now to the manager's superior
    assert admin.users.get(org.ids["sales_east1"]).superior_id is None


@pytest.mark.parametrize("receivers, field", [
    ([], "receivers"), (["sales_east1"], "receivers"), (["missing"], "receivers"),
    (["sales_east2", "sales_east2"], "receivers"),
])
def test_bad_receivers_change_nothing(
    org: Org, leaving: list[str], receivers: list[str], field: str
) -> None:
    admin = org.session("admin")
    ids = [org.ids.get(name, "00000000-0000-4000-8000-000000000000") for name in receivers]
    with pytest.raises(ValidationError) as caught:
        admin.departures.complete(org.ids["sales_east1"], ids)
    assert caught.value.field == field
    assert set(_owners(admin, leaving).values()) == {org.ids["sales_east1"]}
    assert admin.users.get(org.ids["sales_east1"]).status == "active"
    sign_in(org.vault_dir, "sales_east1", org.passwords["sales_east1"]).lock()


def test_no_self_departure_and_no_second_departure(org: Org) -> None:
    admin = org.session("admin")
    with pytest.raises(ValidationError):
        admin.departures.freeze(org.ids["admin"])
    admin.departures.complete(org.ids["sales_south2"], [org.ids["sales_south1"]])
    with pytest.raises(Conflict):
        admin.departures.complete(org.ids["sales_south2"], [org.ids["sales_south1"]])
    with pytest.raises(NotFound):
        admin.departures.freeze("00000000-0000-4000-8000-000000000000")


@pytest.mark.parametrize("name", [
    "mgr_east", "sales_east1", "sales_south1", "service1", "auditor"])
def test_no_other_role_reaches_any_departure_operation(
    org: Org, leaving: list[str], name: str
) -> None:
    target, receiver = org.ids["sales_east2"], org.ids["sales_south2"]
    operations = {
        "freeze": lambda s: s.departures.freeze(target),
        "inventory": lambda s: s.departures.inventory(target),
        "preview": lambda s: s.departures.preview(target, [receiver]),
        "cancel": lambda s: s.departures.cancel(target),
        "complete": lambda s: s.departures.complete(target, [receiver]),
        "history": lambda s: s.departures.history(),
        "awaiting": lambda s: s.departures.awaiting_reassignment(),
        "reassign": lambda s: s.departures.reassign_remaining(target, [receiver]),
    }
    session = org.session(name)
    assert {op: outcome(call, session) for op, call in operations.items()} == dict.fromkeys(
        operations, DENIED)
    assert outcome(lambda s: s.departures.history(), org.session("admin")) == OK


def test_an_interrupted_departure_is_finished_by_the_next_sign_in(
    org: Org, leaving: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Crash(BaseException):
        pass

    def crash_after_commit(step: str) -> None:
        if step == "committed":
            raise Crash

    admin = org.session("admin")
    old_key = admin._open().data_key.value
    monkeypatch.setattr(departure, "step_hook", crash_after_commit)
    with pytest.raises(Crash):
        admin.departures.complete(org.ids["sales_east1"], [org.ids["sales_east2"]])
    monkeypatch.setattr(departure, "step_hook", None)
    # the database refuses the departed user although the key slot is still there
    with pytest.raises(AccountRevoked):
        sign_in(org.vault_dir, "sales_east1", org.passwords["sales_east1"])
    assert _opens(org.vault_dir / "crm.db", old_key)
    # any remaining user's sign-in finishes the key work
    org.session("sales_south2")
    assert not _opens(org.vault_dir / "crm.db", old_key)
    history = org.session("admin").departures.history()
    assert [(d.username, d.state) for d in history] == [("sales_east1", "done")]


def test_awaiting_reassignment_lists_what_a_departed_user_still_holds(
    org: Org, leaving: list[str]
) -> None:
    admin = org.session("admin")
    admin.departures.complete(org.ids["sales_east1"], [org.ids["sales_east2"]])
    assert admin.departures.awaiting_reassignment() == []
    # a customer synced in later under the departed owner
    with admin.users.ctx.writing() as w:
        w.session.execute(Customer.__table__.update().where(Customer.id == leaving[0])
                          .values(owner_id=org.ids["sales_east1"]))
    awaiting = admin.departures.awaiting_reassignment()
    assert [(a.username, a.holdings.customers) for a in awaiting] == [("sales_east1", 1)]
    moved = admin.departures.reassign_remaining(org.ids["sales_east1"], [org.ids["mgr_east"]])
    assert moved.customers == {org.ids["mgr_east"]: 1}
    assert admin.departures.awaiting_reassignment() == []


def test_a_first_receiver_from_deep_below_moves_up_so_no_reporting_loop_forms(org: Org) -> None:
    admin = org.session("admin")
    # mgr_east <- sales_east1 <- sales_east2: the receiver sits two levels below
    admin.users.update(org.ids["sales_east2"], superior_id=org.ids["sales_east1"])
    admin.departures.complete(org.ids["mgr_east"], [org.ids["sales_east2"]])
    superior = {u.username: u.superior_id for u in admin.users.list()}
    assert superior["sales_east2"] is None  # mgr_east's own superior
    assert superior["sales_east1"] == org.ids["sales_east2"]
    assert superior["sales_south1"] == org.ids["sales_east2"]


def test_a_reader_elsewhere_delays_the_key_rotation_but_keeps_nobody_out(
    org: Org, leaving: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = org.session("admin")
    # another account on the shared desktop is in the middle of a read
    other = open_raw_connection(org.vault_dir / "crm.db", admin._open().data_key)
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM customers").fetchall()
    try:
        result = admin.departures.complete(org.ids["sales_east1"], [org.ids["sales_east2"]])
        assert (result.departure.state, result.key_rotated) == ("committed", False)
        with pytest.raises(AccountRevoked):  # the database refuses them already
            sign_in(org.vault_dir, "sales_east1", org.passwords["sales_east1"])
        org.session("sales_south2").me()  # the waiting rotation keeps nobody out
    finally:
        other.rollback()
        other.close()
    org.session("mgr_east")  # the reader is gone: this sign-in finishes the rotation
    history = org.session("admin").departures.history()
    assert [(d.username, d.state) for d in history] == [("sales_east1", "done")]


def test_the_last_active_administrator_can_be_neither_departed_nor_suspended(org: Org) -> None:
    admin = org.session("admin")
    hr = admin.roles.create("hr", "HR")
    admin.roles.set_grants(hr.id, [GrantRule("user", "read"), GrantRule("user", "manage"),
                                   GrantRule("customer", "read"), GrantRule("customer", "assign")])
    admin.users.set_roles(org.ids["auditor"], ["auditor", "hr"])
    hr_user = org.session("auditor")
    with pytest.raises(ValidationError, match="at least one active administrator"):
        hr_user.users.set_status(org.ids["admin"], UserStatus.SUSPENDED)
    with pytest.raises(ValidationError, match="at least one active administrator"):
        hr_user.departures.complete(org.ids["admin"], [org.ids["mgr_east"]])
    assert org.session("admin").users.get(org.ids["admin"]).status == "active"
