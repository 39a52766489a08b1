"""Filtered customer lists in storage: row filters and owner-narrowed grants, against a sort
and filter done in Python, on pages, jumps, counts and search; and the filter bar's values."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, delete, insert

from desktop_crm.storage import collected_keys, customer_facets, customer_list, search
from desktop_crm.storage.models import Customer
from desktop_crm.storage.row_filter import RowFilter

from .conftest import T0, customer_row
from .test_customer_paging import expected_order, plan_of, table_sorts

NAMES = ["张伟", "章伟", "Smith", "smith", "王芳", "a"]
FILTERS = [
    RowFilter(),
    RowFilter(tier="gold"),
    RowFilter(city="上海"),
    RowFilter(tag="VIP"),
    RowFilter(lifecycle_stage="prospect", tag="重点"),
    RowFilter(tier="gold", city="杭州", tag="VIP"),
    RowFilter(tag=""),
]
# (owner_ids, extra_ids, extra_owner_ids)
SIGHTS: list[tuple[list[str] | None, tuple[str, ...], list[str] | None]] = [
    (None, (), None),
    (["u1"], (), None),
    (["u1", "u2"], ("c001", "c004"), None),
    (["u1"], ("c000", "c002", "c003", "c005"), ["u2"]),  # u2's shared records only
    ([], ("c000", "c001", "c002", "c003"), None),  # shared with me, whoever owns them
    ([], ("c000", "c001", "c002", "c003"), []),
]

# How a filtered list is read: its keys collected once (the small test lists always look
# selective), walked along the list index (jumps with checkpoints every two rows, sorted by
# SQLite for a large sight), or collected and found to hold too many.
PLANS: dict[str, list[tuple[Any, str, int]]] = {
    "collected": [],
    "walked": [(collected_keys, "SELECTIVE_MAX", -1), (customer_list, "CHECKPOINT_STEP", 2)],
    "too many to collect": [(collected_keys, "COLLECT_MAX", 2)],
}


specs = st.lists(
    st.tuples(
        st.sampled_from(NAMES),
        st.sampled_from(["u1", "u2", "u3", None]),
        st.integers(min_value=0, max_value=3),  # few times: many ties
        st.sampled_from(["gold", "silver", None]),
        st.sampled_from(["上海", "杭州", ""]),
        st.sampled_from([(), ("VIP",), ("重点", "VIP"), ("重点",), ("VIPS",)]),
        st.sampled_from(["prospect", "suspect"]),
    ),
    max_size=30,
)


def load(engine: Engine, rows_spec: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    rows = []
    for i, (name, owner, minute, tier, city, tags, stage) in enumerate(rows_spec):
        row = customer_row(name, owner=owner, updated_at=T0 + timedelta(minutes=minute),
                           tags=tags, customer_id=f"c{i:03d}")
        row.update(tier=tier, city=city, lifecycle_stage=stage)
        rows.append(row)
    with engine.begin() as conn:
        conn.execute(delete(Customer))
        if rows:
            conn.execute(insert(Customer), rows)
    return rows


def matches(row: dict[str, Any], where: RowFilter) -> bool:
    return ((where.tier is None or row["tier"] == where.tier)
            and (where.city is None or row["city"] == where.city)
            and (where.lifecycle_stage is None or row["lifecycle_stage"] == where.lifecycle_stage)
            and (where.tag is None or where.tag in row["tags"]))


def expected(rows: list[dict[str, Any]], order: str, sight: tuple, where: RowFilter,
             descending: bool) -> list[str]:
    owners, extra, extra_owners = sight
    shared = {r["id"] for r in rows if r["id"] in extra
              and (extra_owners is None or r["owner_id"] in extra_owners)}
    listed = expected_order(rows, order, owners, tuple(shared), descending)
    by_id = {r["id"]: r for r in rows}
    return [i for i in listed if matches(by_id[i], where)]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows_spec=specs,
    order=st.sampled_from(["name", "updated"]),
    descending=st.booleans(),
    page_size=st.integers(min_value=1, max_value=5),
    sight=st.sampled_from(SIGHTS),
    where=st.sampled_from(FILTERS),
    plan=st.sampled_from(list(PLANS)),
)
def test_filtered_pages_jumps_and_counts_match_python(
    engine: Engine, rows_spec: list, order: str, descending: bool, page_size: int,
    sight: tuple, where: RowFilter, plan: str,
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        for module, name, value in PLANS[plan]:
            patch.setattr(module, name, value)
        check_filtered_list(engine, rows_spec, order, descending, page_size, sight, where)


def check_filtered_list(
    engine: Engine, rows_spec: list, order: str, descending: bool, page_size: int,
    sight: tuple, where: RowFilter,
) -> None:
    rows = load(engine, rows_spec)
    want = expected(rows, order, sight, where, descending)
    owners, extra, extra_owners = sight
    narrowing = {"owner_ids": owners, "extra_ids": extra, "extra_owner_ids": extra_owners,
                 "where": where}
    with engine.connect() as conn:
        seen: list[str] = []
        after = None
        for _ in range(len(rows) + 2):
            page = customer_list.page_customer_ids(
                conn, order=order, after=after, limit=page_size,  # type: ignore[arg-type]
                descending=descending, **narrowing)
            seen += [key[0] for key in page]
            if len(page) < page_size:
                break
            after = page[-1]
        assert seen == want
        assert customer_list.count_customers(conn, owners, extra, extra_owner_ids=extra_owners,
                                             where=where) == len(want)
        for position in (0, 1, 5, len(want) // 2, len(want) - 1, len(want) + 1, len(want) + 4):
            at = customer_list.customer_ids_at_position(
                conn, order=order, position=position, limit=page_size,  # type: ignore[arg-type]
                descending=descending, **narrowing)
            assert [key[0] for key in at] == want[position:position + page_size]
        for query, names in SEARCHES.items():
            found = search.search_customer_ids(conn, query, limit=50, **narrowing,
                                               searchable_columns={"name", "pinyin"})
            assert set(found) == {i for i in want if rows[int(i[1:])]["name"] in names}, query


# a query and the NAMES it finds: a Latin name and a substring of it, a Chinese name
# prefix, pinyin initials
SEARCHES = {"smith": {"Smith", "smith"}, "mit": {"Smith", "smith"}, "张伟": {"张伟"},
            "zw": {"张伟", "章伟"}}


MANY_OWNERS = ["u1", "u2", *(f"o{i}" for i in range(customer_list.MERGED_OWNERS_MAX))]


@pytest.mark.parametrize("order", ["name", "updated"])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("owners", [None, MANY_OWNERS])
def test_jumps_in_a_walked_filter_land_on_every_position(
    engine: Engine, order: str, descending: bool, owners: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A large sight's filtered jumps take every checkpoint from one sorted pass."""
    monkeypatch.setattr(collected_keys, "SELECTIVE_MAX", -1)
    monkeypatch.setattr(customer_list, "CHECKPOINT_STEP", 3)
    spec = [(NAMES[i % 3], (None, "u1", "u2", "u3")[i % 4], i % 2, ("silver", "gold")[i % 3 > 0],
             "", (), "prospect") for i in range(60)]
    rows = load(engine, spec)
    where = RowFilter(tier="gold")
    want = expected(rows, order, (owners, (), None), where, descending)
    assert len(want) > 4 * 3  # several checkpoints
    with engine.connect() as conn:
        for position in range(len(want) + 4):
            at = customer_list.customer_ids_at_position(
                conn, order=order, position=position, limit=2,  # type: ignore[arg-type]
                owner_ids=owners, descending=descending, where=where)
            assert [key[0] for key in at] == want[position:position + 2], position


@pytest.mark.parametrize("owners", [None, ["u1"], ["u1", "u2"]])
def test_filtered_pages_still_read_indexes_in_order(
    engine: Engine, owners: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(collected_keys, "SELECTIVE_MAX", -1)  # walk, as for a common value
    load(engine, [(n, o, i % 3, "gold", "上海", ("VIP",), "prospect")
                  for i, n in enumerate(NAMES) for o in ("u1", "u2")])
    where = RowFilter(tier="gold", tag="VIP")

    def page() -> object:
        with engine.connect() as conn:
            first = customer_list.page_customer_ids(
                conn, order="name", after=None, limit=3, owner_ids=owners, where=where)
            return customer_list.page_customer_ids(
                conn, order="name", after=first[-1], limit=3, owner_ids=owners, where=where)

    plan = plan_of(engine, page)
    assert table_sorts(plan) == [], plan


def test_counts_are_remembered_until_the_data_changes(engine: Engine) -> None:
    load(engine, [("a", "u1", 0, "gold", "", (), "prospect")] * 3)
    gold = RowFilter(tier="gold")
    with engine.connect() as conn:
        assert customer_list.count_customers(conn, None, where=gold) == 3
        conn.execute(insert(Customer), [customer_row("b", customer_id="new") | {"tier": "gold"}])
        assert customer_list.count_customers(conn, None, where=gold) == 4
        assert customer_list.count_customers(conn, ["u2"], where=gold) == 0


def test_a_connection_keeps_few_collected_lists(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(collected_keys, "LISTS_KEPT", 1)
    load(engine, [("a", "u1", i % 2, ("gold", "silver")[i % 2], "", (), "prospect")
                  for i in range(10)])
    with engine.connect() as conn:
        for where, count in [(RowFilter(tier="gold"), 5), (RowFilter(tier="silver"), 5),
                             (RowFilter(tier="gold"), 5), (RowFilter(city=""), 10)]:
            assert customer_list.count_customers(conn, None, where=where) == count
            page = customer_list.page_customer_ids(conn, order="name", after=None, limit=20,
                                                   owner_ids=None, where=where)
            assert len(page) == count
            kept = [v for v in customer_list.connection_cache(conn).values()
                    if isinstance(v, collected_keys.CollectedKeys)]
            assert len(kept) == 1


def _facet_rows(engine: Engine) -> None:
    spec = []
    for i in range(60):
        city = "上海" if i % 2 else ("杭州" if i % 3 else "广州")
        tags = ("VIP", "重点") if i % 4 == 0 else ("VIP",) if i % 5 else ()
        spec.append(("a", "u1" if i % 3 else "u2", 0, None, city, tags, "prospect"))
    spec.append(("a", "u3", 0, None, "秘密城", ("秘密",), "prospect"))  # nobody else's sight
    load(engine, spec)


@pytest.mark.parametrize("sampled", [False, True])
def test_common_cities_and_tags_most_common_first_within_sight(
    engine: Engine, sampled: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    _facet_rows(engine)
    if sampled:  # a sample that probes every row equals the exact count
        monkeypatch.setattr(customer_list, "SMALL_SIGHT", 1)
    with engine.connect() as conn:
        found = customer_facets.common_cities_and_tags(conn, owner_ids=["u1", "u2"])
        assert found.sampled is sampled
        assert found.cities == ["上海", "杭州", "广州"]
        assert found.tags == ["VIP", "重点"]
        everyone = customer_facets.common_cities_and_tags(conn, owner_ids=None, limit=2)
        assert everyone.cities == ["上海", "杭州"] and "秘密" not in everyone.tags
        shared = customer_facets.common_cities_and_tags(conn, owner_ids=[], extra_ids=["c060"])
        assert (shared.cities, shared.tags) == (["秘密城"], ["秘密"])


def test_a_sparse_sight_is_probed_more_densely(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # u2 holds one customer in 40: the first probes find too few, the second pass more
    load(engine, [("a", "u2" if i % 40 == 0 else "u1", 0, None, f"城{i}", (), "prospect")
                  for i in range(400)])
    monkeypatch.setattr(customer_list, "SMALL_SIGHT", 1)
    monkeypatch.setattr(customer_facets, "SAMPLE_PROBES", 40)
    monkeypatch.setattr(customer_facets, "SAMPLE_HITS", 8)
    with engine.connect() as conn:
        found = customer_facets.common_cities_and_tags(conn, owner_ids=["u2"])
    # 40 probes miss all ten of u2's; 320 more densely spread probes find every one
    assert found.sampled and set(found.cities) == {f"城{i}" for i in range(0, 400, 40)}
