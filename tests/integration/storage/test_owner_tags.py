"""The global list indexes and one person's call index hold a 4-byte tag of an id, not the
id: two users whose ids share a tag must still never see each other's customers or calls,
and the list order is (sort value, owner tag, rowid) whichever way a page is read."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, insert

from desktop_crm.storage import call_list, customer_list, list_sql
from desktop_crm.storage.models import Customer, Interaction, User
from desktop_crm.storage.types import id_tag, uuid_to_bytes

from .conftest import T0, customer_row

# a and b share their last four bytes (their tag); c has its own
A = str(uuid.UUID("aaaaaaaa-0000-4000-8000-0000deadbeef"))
B = str(uuid.UUID("bbbbbbbb-0000-4000-8000-0000deadbeef"))
C = str(uuid.UUID("cccccccc-0000-4000-8000-000000000001"))
NAMES = ["王芳", "Anna", "王芳", "李娜", "Zoe", "anna", "王芳", "Bob"]


@pytest.fixture
def customers(engine: Engine) -> list[dict[str, Any]]:
    assert id_tag(uuid_to_bytes(A)) == id_tag(uuid_to_bytes(B)) != id_tag(uuid_to_bytes(C))
    rows = [customer_row(name, owner=owner, updated_at=T0 + timedelta(minutes=i % 3),
                         customer_id=str(uuid.UUID(int=i + 1)))
            for i, (name, owner) in enumerate((n, o) for n in NAMES for o in (A, B, C, None))]
    with engine.begin() as conn:
        conn.execute(insert(User), [
            {"id": u, "username": u[:8], "username_key": u[:8], "display_name": u[:8],
             "created_at": T0, "updated_at": T0} for u in (A, B, C)])
        conn.execute(insert(Customer), rows)
    return rows


def list_order(rows: list[dict[str, Any]], order: str, owners: set[str],
               descending: bool) -> list[str]:
    def key(row: dict[str, Any]) -> tuple[Any, ...]:
        value = row["sort_key"] if order == "name" else row["updated_at"]
        owner = row["owner_id"]
        # as SQLite orders the tag: NULL first, then the four bytes
        return (value, owner is not None, id_tag(uuid_to_bytes(owner)) if owner else b"",
                uuid.UUID(row["id"]).int)  # rowid: inserted in id order

    visible = [r for r in rows if r["owner_id"] in owners]
    return [r["id"] for r in sorted(visible, key=key, reverse=descending)]


def read_all(engine: Engine, order: str, owners: list[str], descending: bool,
             page_size: int) -> list[str]:
    seen: list[str] = []
    after = None
    with engine.connect() as conn:
        while True:
            page = customer_list.page_customer_ids(
                conn, order=order, after=after, limit=page_size,  # type: ignore[arg-type]
                owner_ids=owners, descending=descending)
            seen += [key[0] for key in page]
            if len(page) < page_size:
                return seen
            after = page[-1]


@pytest.mark.parametrize("plan", ["merged", "walked"])
@pytest.mark.parametrize("order", ["name", "updated"])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sight", [[A], [A, C], [B, C], [C], [A, B]])
def test_owners_sharing_a_tag_never_see_each_others_customers(
    engine: Engine, customers: list[dict[str, Any]], plan: str, order: str, descending: bool,
    sight: list[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    if plan == "walked":  # along the global index, the tag tested on each entry
        monkeypatch.setattr(customer_list, "MERGED_OWNERS_MAX", 0)
    want = list_order(customers, order, set(sight), descending)
    assert want and len(want) == len(NAMES) * len(sight)
    for page_size in (1, 3, 50):
        assert read_all(engine, order, sight, descending, page_size) == want
    with engine.connect() as conn:
        assert customer_list.count_customers(conn, sight) == len(want)
        for position in range(len(want) + 1):
            at = customer_list.customer_ids_at_position(
                conn, order=order, position=position, limit=2,  # type: ignore[arg-type]
                owner_ids=sight, descending=descending)
            assert [key[0] for key in at] == want[position:position + 2], position


def test_the_tag_alone_decides_only_when_no_other_user_shares_it(
    engine: Engine, customers: list[dict[str, Any]],
) -> None:
    def decides(*owners: str) -> bool:
        with engine.connect() as conn:
            return list_sql.tags_decide(conn, [uuid_to_bytes(o) for o in owners])

    assert decides(C) and decides(A, B) and decides(A, B, C)
    assert not decides(A) and not decides(B, C)


def test_everyone_is_listed_in_sort_value_owner_tag_rowid_order(
    engine: Engine, customers: list[dict[str, Any]],
) -> None:
    everyone = {A, B, C, None}
    for order in ("name", "updated"):
        for descending in (False, True):
            want = list_order(customers, order, everyone, descending)  # type: ignore[arg-type]
            seen: list[str] = []
            after = None
            with engine.connect() as conn:
                while page := customer_list.page_customer_ids(
                        conn, order=order, after=after, limit=5,  # type: ignore[arg-type]
                        owner_ids=None, descending=descending):
                    seen += [key[0] for key in page]
                    after = page[-1]
            assert seen == want


def test_one_persons_calls_leave_out_those_of_a_user_sharing_their_tag(
    engine: Engine, customers: list[dict[str, Any]],
) -> None:
    customer = customers[0]["id"]
    calls = [{"id": str(uuid.UUID(int=1000 + i)), "customer_id": customer, "user_id": user,
              "kind": "call", "direction": "outbound", "started_at": T0 + timedelta(hours=i),
              "created_at": T0, "updated_at": T0}
             for i, user in enumerate([A, B, A, C, B, A])]
    with engine.begin() as conn:
        conn.execute(insert(Interaction), calls)
    with engine.connect() as conn:
        for user in (A, B, C):
            query = call_list.CallQuery(user_id=user)
            found = call_list.page_calls(conn, query, after=None, limit=50)
            want = [c["id"] for c in reversed(calls) if c["user_id"] == user]
            assert [c.id for c in found] == want
            assert call_list.count_calls(conn, query) == len(want)
