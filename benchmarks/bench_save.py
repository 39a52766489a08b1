"""Saving one customer through the service: p50 <= 5 ms, p99 <= 50 ms.

A save includes validation, the audit event and the search index upkeep.

Each user creates customers of their own and then updates each of them (name and phone, so
the name keys and the search index change too). The lower bound writes the same row with one
raw INSERT or UPDATE per durable transaction; those raw rows are removed afterwards, so the
cached vault only gains the audited customers the service made.
"""

from __future__ import annotations

import os
import sys
import time
import uuid
from datetime import UTC, datetime
from typing import Any

import sqlcipher3

from benchmarks.context import Bench, run_standalone
from benchmarks.measure import Result, p50_p99, percentile, timed
from desktop_crm.storage.names import name_keys
from desktop_crm.storage.types import to_millis, uuid_to_bytes

SAVES_SWITCH = "BENCH_SAVES"
DEFAULT_SAVES = 100  # per user and per kind of save
P50_GOAL = 0.005
P99_GOAL = 0.050


def run(bench: Bench) -> list[Result]:
    saves = int(os.environ.get(SAVES_SWITCH, DEFAULT_SAVES))
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    results = []
    for user in bench.users:
        customers = user.session.customers
        created: list[str] = []
        create_times, update_times = [], []
        for i in range(saves):
            data = _customer(f"{user.name} {stamp} {i}", i)
            started = time.perf_counter()
            record = customers.create(data)
            create_times.append(time.perf_counter() - started)
            created.append(record.id)
        for i, customer_id in enumerate(created):
            changes = {"name": _name(f"{user.name} {stamp} {i} revised", i),
                       "phones": [_phone(i + 1)]}
            started = time.perf_counter()
            customers.update(customer_id, changes)
            update_times.append(time.perf_counter() - started)
        raw_create, raw_update = _raw_saves(bench.raw, template_id=created[0], count=saves)
        goal = "p50 <= 5 ms, p99 <= 50 ms"
        for kind, measured, lower in (("create", create_times, raw_create),
                                      ("update", update_times, raw_update)):
            results.append(Result(
                f"save one customer: {kind}", user.name, p50_p99(measured), p50_p99(lower), goal,
                percentile(measured, 50) <= P50_GOAL and percentile(measured, 99) <= P99_GOAL))
    return results


def _customer(label: str, i: int) -> dict[str, Any]:
    return {
        "name": _name(label, i),
        "phones": [_phone(i)],
        "emails": [f"bench{i}@example.com"],
        "city": "上海" if i % 2 else "Boston",
        "tags": ["benchmark"],
        "lifecycle_stage": "prospect",
    }


def _name(label: str, i: int) -> str:
    # Chinese and Latin names alternate: the pinyin keys are part of the cost of a save
    return f"基准客户 {label}" if i % 2 else f"Benchmark customer {label}"


def _phone(i: int) -> str:
    return f"+86139{i % 100_000_000:08d}" if i % 2 else f"+1617{200 + i % 700}{i % 10_000:04d}"


def _raw_saves(
    conn: sqlcipher3.Connection, *, template_id: str, count: int
) -> tuple[list[float], list[float]]:
    """The same writes as raw statements, one durable transaction each; then removed."""
    cursor = conn.execute("SELECT * FROM customers WHERE id = ?", [uuid_to_bytes(template_id)])
    columns = [d[0] for d in cursor.description]
    template = dict(zip(columns, cursor.fetchone(), strict=True))
    insert = (f"INSERT INTO customers ({', '.join(columns)})"
              f" VALUES ({', '.join('?' for _ in columns)})")
    update = ("UPDATE customers SET name = ?, sort_key = ?, name_pinyin = ?, name_initials = ?,"
              " phones = ?, version = version + 1, updated_at = ? WHERE id = ?")
    ids = [uuid.uuid4().bytes for _ in range(count)]
    creates, updates = [], []
    try:
        for i, new_id in enumerate(ids):
            name = _name(f"raw {i}", i)
            keys = name_keys(name)
            row = {**template, "id": new_id, "name": name, "sort_key": keys.sort_key,
                   "name_pinyin": keys.pinyin, "name_initials": keys.initials}
            creates.append(timed(lambda r=row: _commit(conn, insert, [r[c] for c in columns])))
        for i, new_id in enumerate(ids):
            name = _name(f"raw {i} revised", i)
            keys = name_keys(name)
            now = to_millis(datetime.now(UTC))
            args = [name, keys.sort_key, keys.pinyin, keys.initials, _phone(i + 1), now, new_id]
            updates.append(timed(lambda a=args: _commit(conn, update, a)))
    finally:
        marks = ", ".join("?" for _ in ids)
        _commit(conn, f"DELETE FROM customers WHERE id IN ({marks})", ids)
    return creates, updates


def _commit(conn: sqlcipher3.Connection, sql: str, args: list[Any]) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(sql, args)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


if __name__ == "__main__":
    sys.exit(run_standalone(run))
