"""The cities and tags a customer filter bar offers: the most common ones in sight.

Neither column is indexed, so counting them exactly reads every customer in sight: about
2 s at a million. A sight holding few customers (customer_list.SMALL_SIGHT) is counted
exactly through the per-owner indexes; a larger one is sampled: customers at evenly spread
rowids, each a primary-key probe (4,096 probes take ~60 ms at a million), keeping those in
sight. A rare value may be missing from a sample; the filter bar is a guide, and the filter
itself takes any value. Results are remembered on the connection until the database changes.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Hashable
from dataclasses import dataclass

from sqlalchemy import Connection

from desktop_crm.storage.collected_keys import probed
from desktop_crm.storage.customer_list import (
    connection_cache,
    granted_rowids,
    holds_few,
    sees_nothing,
)
from desktop_crm.storage.list_sql import visibility
from desktop_crm.storage.types import uuid_to_bytes

# Probes of a sample; a narrow sight that finds fewer than SAMPLE_HITS // 2 of its
# customers among them is probed again, more densely, up to MAX_PROBES (~0.4 s).
SAMPLE_PROBES = 4096
SAMPLE_HITS = 2048
MAX_PROBES = 32768


@dataclass(frozen=True)
class CommonValues:
    cities: list[str]  # most common first, no empty city
    tags: list[str]  # most common first
    sampled: bool  # counted from a sample rather than every customer in sight


def common_cities_and_tags(
    conn: Connection,
    *,
    owner_ids: Collection[str] | None,
    extra_ids: Collection[str] = (),
    limit: int = 200,
) -> CommonValues:
    """Up to `limit` cities and tags of visible customers, the most common first."""
    if limit <= 0 or sees_nothing(owner_ids, extra_ids):
        return CommonValues([], [], sampled=False)
    owners = None if owner_ids is None else sorted(dict.fromkeys(owner_ids))
    granted = [] if owners is None else granted_rowids(conn, extra_ids)
    cache = connection_cache(conn)
    key: Hashable = ("common values", None if owners is None else tuple(owners),
                     tuple(sorted(granted)), limit)
    if key not in cache:
        cache[key] = _counted(conn, owners, granted, limit)
    found: CommonValues = cache[key]
    return found


def _counted(
    conn: Connection, owners: list[str] | None, granted: list[int], limit: int
) -> CommonValues:
    visible, params = "", []
    if owners is not None:
        stored = [uuid_to_bytes(o) for o in owners]
        few = not owners or holds_few(conn, owners)
        # few: SQLite reads them by owner; many: probed rows are tested entry by entry
        visible, params = visibility(stored, granted, by_entry=not few)
        if few:
            sql = f"SELECT city, tags FROM customers WHERE deleted_at IS NULL{visible}"
            return _most_common(conn.exec_driver_sql(sql, tuple(params)).all(), limit, False)
    rows = _sample(conn, visible, params, SAMPLE_PROBES)
    if owners is not None and len(rows) < SAMPLE_HITS // 2:
        share = max(len(rows), 1) / SAMPLE_PROBES
        rows = _sample(conn, visible, params, min(MAX_PROBES, math.ceil(SAMPLE_HITS / share)))
    return _most_common(rows, limit, True)


def _sample(conn: Connection, visible: str, params: list, probes: int) -> list[tuple[str, str]]:
    """City and tags of the visible customers at `probes` evenly spread rowids."""
    return [(row[0], row[1]) for row in probed(conn, "city, tags", visible, params, probes)]


def _most_common(rows: list, limit: int, sampled: bool) -> CommonValues:
    cities: Counter[str] = Counter()
    tags: Counter[str] = Counter()
    for city, tag_lines in rows:
        if city:
            cities[city] += 1
        if tag_lines:
            tags.update(tag_lines.split("\n"))
    return CommonValues(_ranked(cities, limit), _ranked(tags, limit), sampled)


def _ranked(counts: Counter[str], limit: int) -> list[str]:
    """Most common first; equally common ones in a stable (code point) order."""
    return [value for value, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:limit]
