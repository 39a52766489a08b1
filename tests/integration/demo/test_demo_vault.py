"""The demo vault: reproducible by seed, the fixed organisation, activity, and its refusals."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from desktop_crm.domain.errors import ValidationError, VaultExists
from desktop_crm.services import bulk
from desktop_crm.services.audit import recent_events
from desktop_crm.services.demo import build_demo_vault
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.storage.search import search_index_is_consistent
from tests.integration.demo.conftest import CUSTOMERS, PASSWORD, TODAY, Demo, build, clock

EXPECTED_PEOPLE = {  # name: (role, department, superior)
    "admin": ("admin", None, None),
    "auditor": ("auditor", "总部 Head office", None),
    "service1": ("service", "客服部 Service", None),
    "mgr_east": ("manager", "华东区 East", None),
    "mgr_south": ("manager", "华南区 South", None),
    "sales_east1": ("sales", "华东区 East", "mgr_east"),
    "sales_east2": ("sales", "华东区 East", "mgr_east"),
    "sales_east3": ("sales", "华东区 East", "mgr_east"),
    "sales_south1": ("sales", "华南区 South", "mgr_south"),
    "sales_south2": ("sales", "华南区 South", "mgr_south"),
    "sales_south3": ("sales", "华南区 South", "mgr_east"),
}


def all_rows(session: CrmSession) -> list:
    rows, after = [], None
    while True:
        page = session.customers.list_page(after=after, limit=200)
        rows += page.rows
        if page.next_after is None:
            return rows
        after = page.next_after


def content(session: CrmSession) -> list[tuple]:
    """Every customer as its content (ids differ between builds), plus its call log."""
    owners = {u.id: u.username for u in session.users.list()}
    result = []
    for row in all_rows(session):
        calls = [(c.kind, c.started_at.isoformat(), c.summary, c.duration_seconds)
                 for c in session.interactions.for_customer(row.id)]
        record = session.customers.get(row.id)
        result.append((row.name, row.company, row.phones, row.emails, row.city,
                       row.lifecycle_stage, row.tier, row.tags, row.kind, owners[row.owner_id],
                       str(record.birthday), record.source, record.title, sorted(calls)))
    return sorted(result, key=repr)


def digest(rows: list[tuple]) -> str:
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()


def test_same_seed_gives_the_same_data_and_another_seed_does_not(
        demo: Demo, tmp_path: Path) -> None:
    again = tmp_path / "again"
    other = tmp_path / "other"
    rebuilt = build(again)
    build(other, seed=4)

    first = content(demo.session("admin"))
    assert len(first) == CUSTOMERS
    assert digest(first) == digest(content(Demo(again, rebuilt, demo._open).session("admin")))
    assert rebuilt.activity == demo.built.activity
    assert digest(first) != digest(content(Demo(other, rebuilt, demo._open).session("admin")))


def test_the_fixed_people_departments_and_reporting_lines(demo: Demo) -> None:
    admin = demo.session("admin")
    departments = {d.id: d for d in admin.departments.list()}
    users = admin.users.list()
    names = {u.id: u.username for u in users}
    found = {
        u.username: (u.roles[0], departments[u.department_id].name if u.department_id else None,
                     names.get(u.superior_id or ""))
        for u in users
    }
    assert found == EXPECTED_PEOPLE
    assert all(len(u.roles) == 1 and not u.must_change_password for u in users)
    head = next(d for d in departments.values() if d.parent_id is None)
    assert head.name == "总部 Head office"
    assert {d.name for d in departments.values() if d.parent_id == head.id} == {
        "华东区 East", "华南区 South", "客服部 Service"}
    assert [(u.name, u.password) for u in demo.built.users] == [
        (name, None) for name in EXPECTED_PEOPLE]


def test_every_demo_user_signs_in_without_a_forced_password_change(demo: Demo) -> None:
    for name in EXPECTED_PEOPLE:
        session = demo.session(name)
        session.require_own_password()  # raises if a change were forced
        assert session.me().username == name


def test_mgr_east_sees_the_south_salesperson_who_reports_to_them(demo: Demo) -> None:
    admin = demo.session("admin")
    owner_of = {row.id: row.owner_id for row in all_rows(admin)}
    ids = {u.username: u.id for u in admin.users.list()}
    south3 = {cid for cid, owner in owner_of.items() if owner == ids["sales_south3"]}
    assert south3, "the demo gives sales_south3 customers"

    east_team = {ids[n] for n in ("mgr_east", "sales_east1", "sales_east2", "sales_east3",
                                  "sales_south3")}
    seen_by_mgr_east = {row.id for row in all_rows(demo.session("mgr_east"))}
    assert seen_by_mgr_east == {cid for cid, owner in owner_of.items() if owner in east_team}
    assert south3 <= {row.id for row in all_rows(demo.session("mgr_south"))}
    assert not south3 & {row.id for row in all_rows(demo.session("sales_east1"))}


def test_customers_are_spread_over_salespeople_and_managers(demo: Demo) -> None:
    admin = demo.session("admin")
    names = {u.id: u.username for u in admin.users.list()}
    owners = {names[row.owner_id] for row in all_rows(admin)}
    assert owners <= {n for n, (role, _, _) in EXPECTED_PEOPLE.items()
                      if role in ("sales", "manager")}
    assert {"sales_east1", "sales_south3"} <= owners
    assert admin.customers.count() == CUSTOMERS


def test_activity_of_every_kind_and_the_last_follow_up(demo: Demo) -> None:
    assert all(count > 0 for count in demo.built.activity.values()), demo.built.activity
    admin = demo.session("admin")
    with_calls = 0
    for row in all_rows(admin)[:40]:
        calls = admin.interactions.for_customer(row.id)
        record = admin.customers.get(row.id)
        if calls:
            with_calls += 1
            assert record.last_followup_at == max(c.started_at for c in calls)
        else:
            assert record.last_followup_at is None
    assert with_calls


def test_customers_were_recorded_before_their_activity_and_over_years(demo: Demo) -> None:
    admin = demo.session("admin")
    created = []
    for row in all_rows(admin)[:60]:
        record = admin.customers.get(row.id)
        calls = admin.interactions.for_customer(row.id)
        assert all(record.created_at < call.started_at for call in calls)
        assert record.created_at.date() < TODAY
        created.append(record.created_at)
    assert (max(created) - min(created)).days > 365  # not all on the build's day


def test_every_batch_is_audited_and_the_chain_holds(demo: Demo) -> None:
    admin = demo.session("admin")
    report = admin.verify_audit()
    assert report.ok
    with admin.users.ctx.reading() as w:
        events = recent_events(w.session, limit=1000)
    counted: dict[str, int] = {}
    for event in events:
        if event.action.endswith(".bulk_create"):
            counted[event.action] = counted.get(event.action, 0) + event.detail["count"]
    assert counted["customer.bulk_create"] == CUSTOMERS
    assert counted["interaction.bulk_create"] == demo.built.activity["interactions"]
    assert counted["complaint.bulk_create"] == demo.built.activity["complaints"]
    assert any(e.action == "demo.build" for e in events)


def test_refuses_a_folder_that_holds_a_vault(demo: Demo) -> None:
    before = sorted((p.name, p.stat().st_size) for p in demo.vault_dir.iterdir())
    with pytest.raises(VaultExists):
        build(demo.vault_dir)
    assert sorted((p.name, p.stat().st_size) for p in demo.vault_dir.iterdir()) == before


def test_a_build_that_fails_part_way_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: bulk.ActivityImport, batch: bulk.ActivityBatch) -> dict[str, int]:
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(bulk.ActivityImport, "create", broken)
    vault_dir = tmp_path / "vault"
    with pytest.raises(RuntimeError):
        build(vault_dir, customers=10)
    assert list(vault_dir.iterdir()) == []


def test_a_weak_demo_password_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as refused:
        build_demo_vault(tmp_path / "vault", customers=5, password="short", clock=clock())
    assert refused.value.field == "password"
    assert not (tmp_path / "vault").exists()


def test_generated_passwords_are_given_once_per_user(tmp_path: Path) -> None:
    built = build_demo_vault(tmp_path / "vault", customers=0, clock=clock())
    passwords = [u.password for u in built.users]
    assert all(passwords) and len(set(passwords)) == len(passwords)
    assert PASSWORD not in passwords

    mgr = next(u for u in built.users if u.name == "mgr_east")
    signed_in = sign_in(tmp_path / "vault", "mgr_east", mgr.password or "", clock=clock())
    try:
        assert signed_in.me().username == "mgr_east"
        assert signed_in.customers.count() == 0
    finally:
        signed_in.lock()


def page_count(session: CrmSession) -> int:
    with session.users.ctx.db.write_engine.connect() as connection:
        return int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())


def test_the_built_vault_is_compact(demo: Demo) -> None:
    assert not (demo.vault_dir / "crm.db-wal").exists()  # all of it is in the database file
    admin = demo.session("admin")
    built = page_count(admin)
    with admin.users.ctx.db.write_engine.connect() as connection:
        connection.connection.driver_connection.execute("VACUUM")  # type: ignore[union-attr]
    assert page_count(admin) == built


def test_every_customer_is_in_the_search_index_and_new_ones_join_it(demo: Demo) -> None:
    admin = demo.session("admin")
    with admin.users.ctx.db.write_engine.connect() as connection:
        assert search_index_is_consistent(connection)
    rows = all_rows(admin)
    for row in rows[:: len(rows) // 10]:
        assert row.id in {hit.id for hit in admin.customers.search(row.phones[0][-8:])}
    added = admin.customers.create({"name": "Zebulon Quartermain", "phones": ["+12125550187"]})
    assert [hit.id for hit in admin.customers.search("Quartermain")] == [added.id]
