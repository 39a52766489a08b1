"""The customer list: keyset pages, positions and counts, against a sort done in Python."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, delete, event, insert, text

from desktop_crm.storage import customer_list, search
from desktop_crm.storage.models import Customer
from desktop_crm.storage.types import id_tag

from .conftest import T0, customer_row

NAMES = ["张伟", "章伟", "张伟明", "Smith", "smith", "Émile", "王芳", "Zoe", "李", "a"]
OWNER_SETS: list[tuple[list[str] | None, tuple[str, ...]]] = [
    (None, ()),
    (["u1"], ()),
    (["u1", "u2"], ()),
    ([], ("c003", "c005", "c007")),
    (["u2"], ("c000", "c001", "c002")),
    (["u1", *(f"o{i}" for i in range(customer_list.MERGED_OWNERS_MAX))], ("c004",)),
]

customer_specs = st.lists(
    st.tuples(
        st.sampled_from(NAMES),
        st.sampled_from(["u1", "u2", "u3", None]),
        st.integers(min_value=0, max_value=5),  # few distinct times: many ties on updated_at
        st.integers(min_value=0, max_value=4).map(lambda n: n == 0),  # a fifth soft-deleted
    ),
    min_size=0,
    max_size=40,
)


def load(engine: Engine, specs: list[tuple[str, str | None, int, bool]]) -> list[dict[str, Any]]:
    rows = [
        customer_row(
            name,
            owner=owner,
            updated_at=T0 + timedelta(minutes=minute),
            deleted=deleted,
            customer_id=f"c{i:03d}",
        )
        for i, (name, owner, minute, deleted) in enumerate(specs)
    ]
    with engine.begin() as conn:
        conn.execute(delete(Customer))
        if rows:
            conn.execute(insert(Customer), rows)
    return rows


def expected_order(
    rows: list[dict[str, Any]],
    order: str,
    owners: list[str] | None,
    extra: tuple[str, ...],
    descending: bool,
) -> list[str]:
    visible = [
        r
        for r in rows
        if r["deleted_at"] is None
        and (owners is None or r["owner_id"] in owners or r["id"] in extra)
    ]

    def key(r: dict[str, Any]) -> tuple[Any, ...]:
        # the list order: sort value, then the owner's tag (no owner first), then insertion
        # order; these owners' text ids all have the tag "" (see test_owner_tags)
        value = r["sort_key"] if order == "name" else r["updated_at"]
        return (value, r["owner_id"] is not None, id_tag(r["owner_id"]) or "", r["id"])

    return [r["id"] for r in sorted(visible, key=key, reverse=descending)]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    specs=customer_specs,
    order=st.sampled_from(["name", "updated"]),
    descending=st.booleans(),
    page_size=st.integers(min_value=1, max_value=7),
    visibility=st.sampled_from(OWNER_SETS),
)
def test_pages_cover_every_visible_row_once_in_order(
    engine: Engine,
    specs: list[tuple[str, str | None, int, bool]],
    order: str,
    descending: bool,
    page_size: int,
    visibility: tuple[list[str] | None, tuple[str, ...]],
) -> None:
    owners, extra = visibility
    rows = load(engine, specs)
    expected = expected_order(rows, order, owners, extra, descending)
    seen: list[str] = []
    after = None
    with engine.connect() as conn:
        for _ in range(len(rows) + 2):
            page = customer_list.page_customer_ids(
                conn,
                order=order,  # type: ignore[arg-type]
                after=after,
                limit=page_size,
                owner_ids=owners,
                extra_ids=extra,
                descending=descending,
            )
            seen += [key[0] for key in page]
            if len(page) < page_size:
                break
            after = page[-1]
        assert seen == expected
        assert customer_list.count_customers(conn, owners, extra) == len(expected)
        for position in (0, 1, len(expected) // 2, len(expected) - 1, len(expected) + 3):
            at = customer_list.customer_ids_at_position(
                conn,
                order=order,  # type: ignore[arg-type]
                position=position,
                limit=page_size,
                owner_ids=owners,
                extra_ids=extra,
                descending=descending,
            )
            assert [key[0] for key in at] == expected[position : position + page_size]


def test_sort_values_come_back_usable_as_the_next_page_key(engine: Engine) -> None:
    rows = load(engine, [("Zoe", "u1", 3, False), ("李", "u1", 1, False), ("a", "u1", 2, False)])
    with engine.connect() as conn:
        by_name = customer_list.page_customer_ids(
            conn, order="name", after=None, limit=10, owner_ids=["u1"]
        )
        by_update = customer_list.page_customer_ids(
            conn, order="updated", after=None, limit=2, owner_ids=None, descending=True
        )
        rest = customer_list.page_customer_ids(
            conn, order="updated", after=by_update[-1], limit=2, owner_ids=None, descending=True
        )
    # 李 sorts as "li", between a and Zoe
    assert [key[0] for key in by_name] == ["c002", "c001", "c000"]
    assert by_update[0][:3] == ("c000", rows[0]["updated_at"], "u1")
    assert [key[0] for key in rest] == ["c001"]


def test_nobody_visible_means_nothing_without_a_query(engine: Engine) -> None:
    load(engine, [("Zoe", "u1", 0, False)])
    with engine.connect() as conn:
        page = customer_list.page_customer_ids
        at = customer_list.customer_ids_at_position
        assert page(conn, order="name", after=None, limit=5, owner_ids=[]) == []
        assert customer_list.count_customers(conn, [], ()) == 0
        assert at(conn, order="name", position=0, limit=5, owner_ids=[]) == []


# --- query plans ---------------------------------------------------------------------------------


PlanRow = tuple[int, int, str]


def plan_of(engine: Engine, run: Callable[[], object]) -> list[PlanRow]:
    statements: list[tuple[str, Any]] = []

    def grab(conn: Any, cursor: Any, statement: str, params: Any, *rest: Any) -> None:
        statements.append((statement, params))

    event.listen(engine, "before_cursor_execute", grab)
    try:
        run()
    finally:
        event.remove(engine, "before_cursor_execute", grab)
    statement, params = statements[-1]
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
    return [(row[0], row[1], row[3]) for row in rows]


def table_sorts(plan: list[PlanRow]) -> list[str]:
    """Reads of customers that are not a bounded index search or an in-order index walk,
    or that feed a temporary sort of everything they read."""
    problems = []
    for node, parent, detail in plan:
        if not detail.startswith(("SCAN customers", "SEARCH customers")):
            continue
        if detail == "SCAN customers" or ("COVERING INDEX" in detail and "SCAN" in detail):
            problems.append(detail)
        is_key_lookup = (
            "sqlite_autoindex_customers_1 (id=?)" in detail
            or "INTEGER PRIMARY KEY (rowid=?)" in detail
        )
        siblings = [d for n, p, d in plan if p == parent and n != node]
        if not is_key_lookup and any(d.startswith("USE TEMP B-TREE") for d in siblings):
            problems.append(f"{detail} then sorted")
    return problems


def test_the_plan_check_sees_a_table_scan_and_a_sort(engine: Engine) -> None:
    def unindexed() -> None:
        with engine.connect() as conn:
            conn.execute(text("SELECT id FROM customers WHERE notes LIKE '%x%' ORDER BY title"))

    assert table_sorts(plan_of(engine, unindexed)) == [
        "SCAN customers",
        "SCAN customers then sorted",
    ]


@pytest.mark.parametrize("order", ["name", "updated"])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize(("owners", "extra"), OWNER_SETS)
def test_pages_read_indexes_in_order_without_sorting_the_table(
    engine: Engine,
    order: str,
    descending: bool,
    owners: list[str] | None,
    extra: tuple[str, ...],
) -> None:
    load(engine, [(n, o, i % 3, False) for i, n in enumerate(NAMES) for o in ("u1", "u2")])

    def page() -> object:
        with engine.connect() as conn:
            first = customer_list.page_customer_ids(
                conn,
                order=order,
                after=None,
                limit=3,
                owner_ids=owners,  # type: ignore[arg-type]
                extra_ids=extra,
                descending=descending,
            )
            return customer_list.page_customer_ids(
                conn,
                order=order,
                after=first[-1],
                limit=3,  # type: ignore[arg-type]
                owner_ids=owners,
                extra_ids=extra,
                descending=descending,
            )

    plan = plan_of(engine, page)
    assert table_sorts(plan) == [], plan
    index = "ix_customers_sort" if order == "name" else "ix_customers_updated"
    owner_index = "ix_customers_owner_sort" if order == "name" else "ix_customers_owner_updated"
    used = " ".join(detail for _, _, detail in plan)
    if owners is None or len(owners) > customer_list.MERGED_OWNERS_MAX:
        assert index in used
    elif owners:
        assert owner_index in used


def test_granted_customers_without_an_owner_are_listed_once(engine: Engine) -> None:
    # a pool customer (no owner) and one of u3's, both shared with a u1 user; u1's own too
    load(engine, [("Pool", None, 0, False), ("Other", "u3", 0, False), ("Mine", "u1", 0, False)])
    granted = ("c000", "c001", "c002")
    with engine.connect() as conn:
        page = customer_list.page_customer_ids(
            conn, order="name", after=None, limit=10, owner_ids=["u1"], extra_ids=granted
        )
        found = search.search_customer_ids(
            conn, "o", limit=10, owner_ids=["u1"], extra_ids=granted, searchable_columns={"name"}
        )
        assert customer_list.count_customers(conn, ["u1"], granted) == 3
    assert [key[0] for key in page] == ["c002", "c001", "c000"]  # mine, other, pool
    assert found == ["c001"]  # "o" is a prefix of "other" only


@pytest.mark.parametrize("writer", ["another connection", "the same connection"])
def test_jumps_see_rows_written_after_their_checkpoints(
    engine: Engine, writer: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(customer_list, "CHECKPOINT_STEP", 4)
    rows = load(engine, [(f"name {i:02d}", "u1", 0, False) for i in range(20)])

    def jump(conn: Any) -> list[str]:
        found = customer_list.customer_ids_at_position(
            conn, order="name", position=13, limit=3, owner_ids=None)
        return [key[0] for key in found]

    with engine.connect() as conn:
        assert jump(conn) == [r["id"] for r in rows[13:16]]  # checkpoints now kept
        early = [customer_row(f"name 0{i}a", owner="u1", customer_id=f"new{i}") for i in range(3)]
        if writer == "another connection":
            conn.commit()  # let the other connection take the write lock
            with engine.begin() as other:
                other.execute(insert(Customer), early)
        else:
            conn.execute(insert(Customer), early)
        # three rows now sort before position 13: everything moved down by three
        assert jump(conn) == [r["id"] for r in rows[10:13]]
