"""Customer search on a real SQLCipher vault: names, pinyin, phones, tags, permissions."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, TextClause, bindparam, insert, text, update

from desktop_crm.security.secret import SecretBytes
from desktop_crm.storage import customer_list, search
from desktop_crm.storage.engine import open_engine
from desktop_crm.storage.models import Customer
from desktop_crm.storage.names import name_keys
from desktop_crm.storage.types import UuidBytes

from .conftest import AddCustomer, customer_row

EVERYTHING = {"name", "company", "phones", "emails", "tags", "pinyin"}


def find(
    engine: Engine,
    query: str,
    *,
    owner_ids: list[str] | None = None,
    extra_ids: tuple[str, ...] = (),
    columns: set[str] = EVERYTHING,
    limit: int = 20,
) -> list[str]:
    with engine.connect() as conn:
        return search.search_customer_ids(
            conn,
            query,
            limit=limit,
            owner_ids=owner_ids,
            extra_ids=extra_ids,
            searchable_columns=columns,
        )


PEOPLE = [
    ("张伟", {"phones": ("+8613812345678",), "tags": ("重要客户",)}),
    ("张伟明", {"owner": "u2", "company": "华为技术"}),
    ("李张伟", {"emails": ("li.zw@example.com",)}),
    ("章伟", {}),
    ("John Smith", {"phones": ("+14155550123",), "company": "Acme"}),
    ("Anna Smithers", {"owner": "u3"}),
    ("Émile Zola", {}),
]


@pytest.fixture(scope="module")
def read_only(
    template_db: tuple[Path, bytes], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Engine, dict[str, str]]]:
    """One vault with PEOPLE for the tests that only read (most of this module)."""
    path = tmp_path_factory.mktemp("search") / "crm.db"
    shutil.copyfile(template_db[0], path)
    engine = open_engine(path, SecretBytes(template_db[1]))
    rows = [customer_row(name, **fields) for name, fields in PEOPLE]  # type: ignore[arg-type]
    with engine.begin() as conn:
        conn.execute(insert(Customer), rows)
    yield engine, {str(r["name"]): str(r["id"]) for r in rows}
    engine.dispose()


# one visible-to-all search per row: query -> names expected, in order
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("张伟", ["张伟", "张伟明"]),  # exact name, then prefix; 李张伟 only from 3 characters
        ("张伟明", ["张伟明"]),
        ("李张伟", ["李张伟"]),
        ("zw", ["张伟", "章伟", "张伟明"]),  # exact initials first, then initials prefix
        ("zhangwei", ["张伟", "章伟", "张伟明", "李张伟"]),
        ("Smith", ["Anna Smithers", "John Smith"]),  # only name hits: sort key order
        ("smith", ["Anna Smithers", "John Smith"]),
        ("john smith", ["John Smith"]),
        ("Smith John", ["John Smith"]),  # every word, in any order
        ("emile", ["Émile Zola"]),
        ("5678", ["张伟"]),
        ("138 1234", ["张伟"]),
        ("138 1234-5678", ["张伟"]),
        ("+86 138", ["张伟"]),
        ("(415) 555", ["John Smith"]),
        ("重要客户", ["张伟"]),
        ("华为", []),  # two characters search names only
        ("华为技术", ["张伟明"]),
        ("acme", ["John Smith"]),
        ("example.com", ["李张伟"]),
    ],
)
def test_search_finds(
    read_only: tuple[Engine, dict[str, str]], query: str, expected: list[str]
) -> None:
    engine, people = read_only
    names = {v: k for k, v in people.items()}
    assert [names[i] for i in find(engine, query)] == expected


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        'Smith"',
        '"OR" AND (x*',
        "NEAR(a b)",
        "a OR b",
        "^Smith",
        "col:Smith",
        "*",
        "Smi*",
        "{name}: x",
        "😀😀😀",
        "张伟😀",
        "\x00\x01abc",
        "   ",
        "-5678",
        "a" * 500,
    ],
)
def test_no_input_is_fts_syntax(read_only: tuple[Engine, dict[str, str]], query: str) -> None:
    engine = read_only[0]
    found = find(engine, query)  # must not raise an FTS syntax error
    assert isinstance(found, list)


def test_operators_and_quotes_are_searched_literally(
    engine: Engine, add_customer: AddCustomer
) -> None:
    odd = add_customer('Bob "The Builder" OR Co*')
    add_customer("Bob Builder")
    assert find(engine, '"The Builder" OR') == [odd]
    assert find(engine, "OR Co*") == [odd]


def test_a_query_that_folds_to_nothing_is_not_a_prefix_of_everything(
    read_only: tuple[Engine, dict[str, str]],
) -> None:
    engine = read_only[0]
    assert find(engine, "\u0301") == []
    assert find(engine, "\u0301", owner_ids=["u1"]) == []


def test_soft_deleted_customers_are_never_found(engine: Engine, add_customer: AddCustomer) -> None:
    add_customer("张伟", deleted=True, phones=("+8613812345678",))
    kept = add_customer("张伟明")
    assert find(engine, "张伟") == [kept]
    assert find(engine, "5678") == []
    assert find(engine, "zw") == [kept]
    assert find(engine, "张伟", owner_ids=["u1"]) == [kept]


def test_owner_filter_and_collaborator_grants(read_only: tuple[Engine, dict[str, str]]) -> None:
    engine, people = read_only

    def names(ids: list[str]) -> set[str]:
        return {k for k, v in people.items() if v in ids}

    assert names(find(engine, "zw", owner_ids=["u1"])) == {"张伟", "章伟"}
    assert names(find(engine, "张伟", owner_ids=["u2"])) == {"张伟明"}
    assert names(find(engine, "zhangwei", owner_ids=["u2"])) == {"张伟明"}
    granted = (people["张伟"],)
    assert names(find(engine, "张伟", owner_ids=["u2"], extra_ids=granted)) == {"张伟", "张伟明"}
    # only the grants: a collaborator with no scope of their own
    assert names(find(engine, "zhangwei", owner_ids=[], extra_ids=granted)) == {"张伟"}
    assert find(engine, "张伟", owner_ids=[]) == []
    # a grant on a customer one also owns is not returned twice
    both = find(engine, "张伟", owner_ids=["u1"], extra_ids=granted)
    assert both == [people["张伟"]]

@pytest.mark.parametrize("small_sight", [0, 10_000])
def test_both_plans_give_the_same_answers(
    read_only: tuple[Engine, dict[str, str]], small_sight: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # owners holding many customers are searched by the match, few by owner
    engine, people = read_only
    monkeypatch.setattr(customer_list, "SMALL_SIGHT", small_sight)

    def names(ids: list[str]) -> set[str]:
        return {k for k, v in people.items() if v in ids}

    owners = ["u1", "nobody"]
    assert names(find(engine, "zw", owner_ids=owners)) == {"张伟", "章伟"}
    assert names(find(engine, "zhangwei", owner_ids=owners, extra_ids=(people["张伟明"],))) == {
        "张伟",
        "章伟",
        "张伟明",
        "李张伟",
    }


def test_a_phone_the_user_may_not_see_is_not_searchable(
    read_only: tuple[Engine, dict[str, str]],
) -> None:
    engine, people = read_only
    without_phones = EVERYTHING - {"phones"}
    assert find(engine, "5678", columns=without_phones) == []
    assert find(engine, "138 1234", columns=without_phones) == []
    assert find(engine, "5678", owner_ids=["u1"], columns=without_phones) == []
    assert find(engine, "5678", columns={"phones"}) == [people["张伟"]]


def test_pinyin_is_searchable_only_with_the_name(read_only: tuple[Engine, dict[str, str]]) -> None:
    engine = read_only[0]
    assert find(engine, "zhangwei", columns={"pinyin", "company"}) == []
    assert find(engine, "zw", columns={"pinyin"}) == []
    assert find(engine, "zw", columns={"name"}) == []  # initials are the pinyin's
    with pytest.raises(ValueError, match="notes"):
        find(engine, "zw", columns={"name", "notes"})


def test_notes_are_not_in_the_index(engine: Engine, add_customer: AddCustomer) -> None:
    add_customer("Carol", notes="prefers calls after lunch")
    assert find(engine, "after lunch") == []


def test_an_update_reindexes_the_customer(engine: Engine, add_customer: AddCustomer) -> None:
    customer_id = add_customer("王芳", phones=("+8613900001111",))
    new_keys = name_keys("赵敏")
    with engine.begin() as conn:
        conn.execute(
            update(Customer)
            .where(Customer.id == customer_id)
            .values(
                name="赵敏",
                sort_key=new_keys.sort_key,
                name_pinyin=new_keys.pinyin,
                name_initials=new_keys.initials,
                phones=["+8613722223333"],
            )
        )
    assert find(engine, "赵敏") == [customer_id]
    assert find(engine, "zhaomin") == [customer_id]
    assert find(engine, "2222") == [customer_id]
    assert find(engine, "王芳") == []
    assert find(engine, "wangfang") == []
    assert find(engine, "1111") == []
    with engine.connect() as conn:
        assert search.search_index_is_consistent(conn)


def test_a_hard_delete_leaves_the_index(engine: Engine, add_customer: AddCustomer) -> None:
    customer_id = add_customer("Zed Purge")
    with engine.begin() as conn:
        conn.execute(by_id("DELETE FROM customers WHERE id = :id"), {"id": customer_id})
    assert find(engine, "Purge") == []
    with engine.connect() as conn:
        assert search.search_index_is_consistent(conn)


def test_limit_is_respected_and_exact_names_come_first(
    engine: Engine, add_customer: AddCustomer
) -> None:
    with engine.begin() as conn:
        conn.execute(insert(Customer), [customer_row(f"王伟{i:02d}") for i in range(30)])
    exact = add_customer("王伟")
    found = find(engine, "王伟", limit=10)
    assert len(found) == 10
    assert found[0] == exact
    assert len(find(engine, "王伟", limit=100)) == 31


def test_one_character_returns_the_first_names_with_that_letter(
    read_only: tuple[Engine, dict[str, str]],
) -> None:
    engine, people = read_only
    names = {v: k for k, v in people.items()}
    # z: Latin and pinyin names under z, in sort order; Émile Zola's sort key starts with e
    assert [names[i] for i in find(engine, "z")] == ["张伟", "章伟", "张伟明"]
    assert [names[i] for i in find(engine, "张")] == ["张伟", "张伟明"]


def test_bulk_load_with_the_index_suspended_then_rebuilt(engine: Engine) -> None:
    rows = [customer_row(f"Bulk {i:04d}", phones=(f"+86139{i:08d}",)) for i in range(500)]
    with engine.begin() as conn, search.search_index_suspended(conn):
        conn.execute(insert(Customer), rows)
        # nothing in the trigram index yet (name prefixes come from the table's own indexes)
        assert (
            search.search_customer_ids(
                conn, "00000042", limit=5, owner_ids=None, searchable_columns=EVERYTHING
            )
            == []
        )
    assert find(engine, "Bulk 0042")[0] == rows[42]["id"]  # exact name first, then phone hits
    assert find(engine, "00000042") == [rows[42]["id"]]
    with engine.connect() as conn:
        assert search.search_index_is_consistent(conn)
        triggers = conn.execute(text("SELECT name FROM sqlite_master WHERE type='trigger'"))
        assert set(search.SEARCH_TRIGGERS) <= set(triggers.scalars())


def test_a_rolled_back_bulk_load_keeps_the_triggers(engine: Engine) -> None:
    with pytest.raises(RuntimeError), engine.begin() as conn, search.search_index_suspended(conn):
        conn.execute(insert(Customer), [customer_row("Gone")])
        raise RuntimeError("import failed")
    with engine.begin() as conn:
        conn.execute(insert(Customer), [customer_row("Kept Customer")])
    assert len(find(engine, "Kept Customer")) == 1


def test_the_index_survives_vacuum_after_hard_deletes(engine: Engine) -> None:
    # FTS rows point at customers' implicit rowids; VACUUM must not renumber them
    rows = [customer_row(f"Vac {i:03d}") for i in range(60)]
    with engine.begin() as conn:
        conn.execute(insert(Customer), rows)
        conn.execute(text("DELETE FROM customers WHERE name IN ('Vac 000', 'Vac 010', 'Vac 020')"))
    raw = engine.raw_connection()
    try:
        raw.driver_connection.execute("VACUUM")  # type: ignore[union-attr]
    finally:
        raw.close()
    assert find(engine, "Vac 033") == [rows[33]["id"]]
    with engine.connect() as conn:
        assert search.search_index_is_consistent(conn)


def test_an_inconsistent_index_is_detected_and_rebuilt(
    engine: Engine, add_customer: AddCustomer
) -> None:
    customer_id = add_customer("Drift Example")
    with engine.begin() as conn:  # a write behind the triggers' back
        conn.execute(text("DROP TRIGGER customers_fts_update"))
        conn.execute(
            by_id("UPDATE customers SET name = 'Moved On' WHERE id = :id"), {"id": customer_id}
        )
        conn.execute(text(search.SEARCH_TRIGGERS["customers_fts_update"]))
    with engine.connect() as conn:
        assert not search.search_index_is_consistent(conn)
    with engine.begin() as conn:
        search.rebuild_search_index(conn)
    with engine.connect() as conn:
        assert search.search_index_is_consistent(conn)
    assert find(engine, "Moved On") == [customer_id]


def by_id(sql: str) -> TextClause:
    """Raw SQL whose :id is bound as ids are stored (16 bytes)."""
    return text(sql).bindparams(bindparam("id", type_=UuidBytes))


def query_plan(engine: Engine, run: object) -> list[str]:
    """The plan of the last statement `run` sends."""
    statements: list[tuple[str, object]] = []

    def grab(conn: object, cursor: object, statement: str, params: object, *rest: object) -> None:
        statements.append((statement, params))

    from sqlalchemy import event

    event.listen(engine, "before_cursor_execute", grab)
    try:
        run()  # type: ignore[operator]
    finally:
        event.remove(engine, "before_cursor_execute", grab)
    statement, params = statements[-1]
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()  # type: ignore[arg-type]
    return [row[3] for row in rows]


def full_scans(plan: list[str]) -> list[str]:
    """Steps that read the whole customers table or a whole index of it."""
    return [step for step in plan if re.match(r"SCAN customers\b", step)]


@pytest.mark.parametrize("query", ["张", "张伟", "z", "zw", "Sm", "李张伟", "Smith", "5678"])
@pytest.mark.parametrize("owners", [None, ["u1"], ["u1", "u2"]])
@pytest.mark.parametrize("small_sight", [0, 10_000])
def test_searches_never_scan_the_customers_table(
    read_only: tuple[Engine, dict[str, str]], query: str, owners: list[str] | None,
    small_sight: int, monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine, people = read_only
    monkeypatch.setattr(customer_list, "SMALL_SIGHT", small_sight)
    plan = query_plan(
        engine, lambda: find(engine, query, owner_ids=owners, extra_ids=(people["张伟"],))
    )
    assert full_scans(plan) == [], plan
    assert any(step.startswith("SEARCH customers") for step in plan), plan
