"""Collected list keys order rows exactly as SQLite's list indexes do, and page through them."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from desktop_crm.storage.collected_keys import CollectedKeys, list_key
from desktop_crm.storage.row_filter import RowFilter
from desktop_crm.storage.types import to_millis

# sort values and owners of every storage class a list key meets, with ties
ROWS = [
    ("zhang wei", 5, b"\x02" * 16, 1),
    ("zhang wei", 5, None, 2),
    ("li", 7, "u1", 3),
    ("zhang wei", 5, b"\x01" * 16, 4),
    ("", 7, None, 5),
    ("li", 3, b"\x01" * 16, 6),
    ("zhang wei", 5, b"\x01" * 16, 7),
    ("wang", 5, "u1", 8),
]


def _sqlite_order(column: str, descending: bool) -> list[int]:
    way = " DESC" if descending else ""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE c (sort_key, updated_at, owner_id, rid)")
    db.executemany("INSERT INTO c VALUES (?, ?, ?, ?)", ROWS)
    sql = f"SELECT rid FROM c ORDER BY {column}{way}, owner_id{way}, rid{way}"
    return [row[0] for row in db.execute(sql)]


def test_windows_follow_sqlites_list_order_both_ways() -> None:
    keys = CollectedKeys(list(ROWS))
    for order, column in (("name", "sort_key"), ("updated", "updated_at")):
        for descending in (False, True):
            want = _sqlite_order(column, descending)
            assert keys.window(order, descending, None, 0, 100) == want
            for start in range(len(want)):
                row = next(r for r in ROWS if r[3] == want[start])
                value = row[0] if order == "name" else row[1]
                after = (None, value, row[2], row[3])  # a page key: id, value, owner, rowid
                for offset in (0, 2):
                    got = keys.window(order, descending, after, offset, 3)
                    assert got == want[start + 1 + offset:start + 4 + offset], (order, start)


def test_a_decoded_time_keys_like_its_stored_millis() -> None:
    moment = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    assert list_key(moment, None, 1) == list_key(to_millis(moment), None, 1)


def test_row_filter_sql() -> None:
    assert RowFilter().sql() == ("", []) and RowFilter().empty
    tests, params = RowFilter(tier="gold", tag="VIP", city="上海").sql()
    assert tests == (" AND tier = ? AND city = ?"
                     " AND instr(char(10) || tags || char(10), ?) > 0")
    assert params == ["gold", "上海", "\nVIP\n"]
    assert RowFilter(tag="").sql() == (" AND 0", [])  # no stored tag is empty
