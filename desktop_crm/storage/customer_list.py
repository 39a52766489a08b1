"""The customer list: keyset pages in list order, scroll-bar jumps, and counts.

The list order is (sort value, owner tag, rowid), descending as a whole for newest-first;
the tag is four bytes of the owner's id (types.id_tag_sql). The global list indexes hold
exactly that order, and the per-owner ones too for one owner, so every page is an index
range read in order and cut at the limit. A page key (PageKey) is (id, sort value, owner as
stored, rowid); pass a page's last key as `after` for the next page.

Visibility comes in as `owner_ids` (None: every owner) plus `extra_ids` (records granted to
a collaborator), which `extra_owner_ids` may narrow to records some of those owners hold
(a list view such as "my subordinates'" keeps only their shared records); a RowFilter
narrows further by column values, tested on each row the walk reads, or, when an estimate
says few customers pass it, served from their keys collected once (collected_keys). The
statements live in list_sql.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from desktop_crm.storage import collected_keys
from desktop_crm.storage.collected_keys import CollectedKeys, collect, estimated_matches
from desktop_crm.storage.list_sql import (
    OWNER_TAG,
    after_params,
    has_ownerless,
    marks,
    rows_by_id,
    select_keys,
    tags_decide,
    visibility,
)
from desktop_crm.storage.row_filter import NO_ROW_FILTER, RowFilter
from desktop_crm.storage.stored_values import Order, PageKey, StoredRow, decoded_rows
from desktop_crm.storage.types import id_tag, to_millis, uuid_to_bytes

_SORT_COLUMN = {"name": "sort_key", "updated": "updated_at"}
# Of the per-owner indexes, ix_customers_owner_updated holds the owner's tag (revision
# 0013): an owner's range there is their tag's, the id tested on each row a page reads
# anyway. ix_customers_owner_sort keeps the id, being the owner index every other read uses.
_OWNER_INDEX_HOLDS_TAG = {"name": False, "updated": True}

# A jump keeps the key of every CHECKPOINT_STEP-th row it walks past, per connection, until
# the database changes: the next jump seeks to the nearest one and skips fewer than a step.
CHECKPOINT_STEP = 1024
_CHECKPOINT_LISTS_KEPT = 8

# Owners holding fewer customers than this are read owner by owner (each owner's index
# range, merged); more, and the global index is walked with the owner tested per entry.
SMALL_SIGHT = 10_000
MERGED_OWNERS_MAX = 64


def page_customer_ids(
    conn: Connection,
    *,
    order: Order,
    after: PageKey | None,
    limit: int,
    owner_ids: Collection[str] | None,
    extra_ids: Collection[str] = (),
    descending: bool = False,
    columns: Sequence[str] = (),
    extra_owner_ids: Collection[str] | None = None,
    where: RowFilter = NO_ROW_FILTER,
) -> list[PageKey]:
    """The next `limit` visible customers after the key `after` (None: from the top).

    Sort value is the pinyin sort key for "name" and updated_at for "updated". Customer
    `columns` asked for follow each key's four values, read in the same index walk.
    """
    rows = page_rows(conn, order=order, after=after, limit=limit, owner_ids=owner_ids,
                     extra_ids=extra_ids, descending=descending, columns=columns,
                     extra_owner_ids=extra_owner_ids, where=where)
    return decoded_rows(order, rows, columns)


def page_rows(
    conn: Connection,
    *,
    order: Order,
    after: PageKey | None,
    limit: int,
    owner_ids: Collection[str] | None,
    extra_ids: Collection[str] = (),
    descending: bool = False,
    columns: Sequence[str] = (),
    extra_owner_ids: Collection[str] | None = None,
    where: RowFilter = NO_ROW_FILTER,
) -> list[StoredRow]:
    """page_customer_ids' rows as stored (see stored_values for decoding them)."""
    if limit <= 0 or sees_nothing(owner_ids, extra_ids):
        return []
    sight = _Sight.of(conn, owner_ids, extra_ids, extra_owner_ids, where)
    return sight.rows(conn, order, descending, after, 0, limit, tuple(columns))


def customer_ids_at_position(
    conn: Connection,
    *,
    order: Order,
    position: int,
    limit: int,
    owner_ids: Collection[str] | None,
    extra_ids: Collection[str] = (),
    descending: bool = False,
    columns: Sequence[str] = (),
    extra_owner_ids: Collection[str] | None = None,
    where: RowFilter = NO_ROW_FILTER,
) -> list[PageKey]:
    """Up to `limit` page keys from 0-based `position` in the list (a scroll-bar jump),
    each followed by the customer `columns` asked for.

    OFFSET deep into a million rows costs ~100 ms, so the walk is done once: checkpoints
    every CHECKPOINT_STEP rows, kept until the database changes, make later jumps a seek
    plus fewer than CHECKPOINT_STEP skipped index entries. They are kept per list: per
    order, sight and filter.
    """
    rows = rows_at_position(conn, order=order, position=position, limit=limit,
                            owner_ids=owner_ids, extra_ids=extra_ids, descending=descending,
                            columns=columns, extra_owner_ids=extra_owner_ids, where=where)
    return decoded_rows(order, rows, columns)


def rows_at_position(
    conn: Connection,
    *,
    order: Order,
    position: int,
    limit: int,
    owner_ids: Collection[str] | None,
    extra_ids: Collection[str] = (),
    descending: bool = False,
    columns: Sequence[str] = (),
    extra_owner_ids: Collection[str] | None = None,
    where: RowFilter = NO_ROW_FILTER,
) -> list[StoredRow]:
    """customer_ids_at_position's rows as stored (see stored_values for decoding them)."""
    if limit <= 0 or sees_nothing(owner_ids, extra_ids):
        return []
    position = max(position, 0)
    sight = _Sight.of(conn, owner_ids, extra_ids, extra_owner_ids, where)
    if sight.collected(conn) is not None:  # every key at hand: no walk to skip
        return sight.rows(conn, order, descending, None, position, limit, tuple(columns))
    cache = connection_cache(conn)
    key = ("checkpoints", order, descending, sight.key)
    checkpoints = cache.setdefault(key, [])
    wanted = position // CHECKPOINT_STEP
    if (len(checkpoints) < wanted and sight.tests and not sight.merged
            and not isinstance(checkpoints, tuple)):
        # a walk would test every row it passes, each read out of order: sort the rows
        # passing the filter in one pass over the table instead, and keep every checkpoint
        # (a tuple: the list is complete)
        checkpoints = cache[key] = tuple(sight.every_checkpoint(conn, order, descending))
    if isinstance(checkpoints, tuple) and len(checkpoints) < wanted:
        return []  # the list ends before this position
    while len(checkpoints) < wanted:
        start = checkpoints[-1] if checkpoints else None
        hop = sight.rows(conn, order, descending, start, CHECKPOINT_STEP - 1, 1)
        if not hop:
            return []  # the list ends before this position
        checkpoints.append(hop[0])  # a stored key: it goes straight back into a bound
    start = checkpoints[wanted - 1] if wanted else None
    skip = position - wanted * CHECKPOINT_STEP
    return sight.rows(conn, order, descending, start, skip, limit, tuple(columns))


def count_customers(
    conn: Connection,
    owner_ids: Collection[str] | None,
    extra_ids: Collection[str] = (),
    *,
    extra_owner_ids: Collection[str] | None = None,
    where: RowFilter = NO_ROW_FILTER,
) -> int:
    """How many visible, not deleted customers there are (remembered until the database
    changes: a filtered count at a million customers reads every row in sight)."""
    if sees_nothing(owner_ids, extra_ids):
        return 0
    sight = _Sight.of(conn, owner_ids, extra_ids, extra_owner_ids, where)
    collected = sight.collected(conn)
    if collected is not None:
        return len(collected)
    # Row tests read every row in sight: in storage order (one pass over the table) unless
    # the sight holds few customers. Through an index they come in index order, each from
    # another page (at a million, 5.5 s against 1.5 s for a manager's).
    scan = bool(sight.tests) and not sight.merged
    visible, params = "", []
    if sight.owners is not None:
        visible, params = visibility(sight.owners, sight.granted, by_entry=scan)
    cache = connection_cache(conn)
    key = ("count", sight.key)
    if key not in cache:
        source = "customers NOT INDEXED" if scan else "customers"
        sql = f"SELECT count(*) FROM {source} WHERE deleted_at IS NULL{visible}{sight.tests}"
        cache[key] = int(conn.exec_driver_sql(sql, (*params, *sight.test_params)).scalar_one())
    return int(cache[key])


def selective_rowids(
    conn: Connection,
    *,
    owner_ids: Collection[str] | None,
    extra_ids: Collection[str] = (),
    extra_owner_ids: Collection[str] | None = None,
    where: RowFilter,
) -> list[int] | None:
    """The rowids of every visible customer passing `where` when few do (their keys are
    collected, see collected_keys); None when the list walks instead."""
    if where.empty or sees_nothing(owner_ids, extra_ids):
        return None
    collected = _Sight.of(conn, owner_ids, extra_ids, extra_owner_ids, where).collected(conn)
    return None if collected is None else [row[3] for row in collected.rows]


def granted_rowids(
    conn: Connection, extra_ids: Collection[str], owner_ids: Collection[str] | None = None
) -> list[int]:
    """The rowids of records granted to a collaborator (tested from index entries), only
    those one of `owner_ids` owns when given."""
    if not extra_ids or (owner_ids is not None and not owner_ids):
        return []
    ids = [uuid_to_bytes(i) for i in extra_ids]
    sql = f"SELECT rowid FROM customers WHERE id IN ({marks(ids)})"
    owners: list[bytes | str] = []
    if owner_ids is not None:
        owners = [uuid_to_bytes(o) for o in owner_ids]
        sql += f" AND owner_id IN ({marks(owners)})"
    return [row[0] for row in conn.exec_driver_sql(sql, (*ids, *owners))]


def sees_nothing(owner_ids: Collection[str] | None, extra_ids: Collection[str]) -> bool:
    return owner_ids is not None and not owner_ids and not extra_ids


# --- plans --------------------------------------------------------------------------------------


class _Sight:
    """Whose customers a list shows, and how to read them in list order."""

    def __init__(
        self, owners: list[bytes | str] | None, granted: list[int], merged: bool,
        where: RowFilter = NO_ROW_FILTER, exact_tags: bool = False,
    ) -> None:
        self.owners = owners  # stored owner ids; None for everyone
        self.granted = granted
        self.merged = merged  # read owner by owner instead of along the global index
        self.exact_tags = exact_tags  # the owner tag alone tells their customers apart
        self.tests, self.test_params = where.sql()  # tested on each row read
        self.key: Hashable = (
            None if owners is None else tuple(sorted(map(repr, owners))), tuple(sorted(granted)),
            where,
        )

    @classmethod
    def of(
        cls, conn: Connection, owner_ids: Collection[str] | None, extra_ids: Collection[str],
        extra_owner_ids: Collection[str] | None = None, where: RowFilter = NO_ROW_FILTER,
    ) -> _Sight:
        if owner_ids is None:
            return cls(None, [], merged=False, where=where)
        unique = list(dict.fromkeys(owner_ids))
        granted = granted_rowids(conn, extra_ids, extra_owner_ids)
        merged = not unique or (len(unique) <= MERGED_OWNERS_MAX and (
            (len(unique) == 1 and not granted) or holds_few(conn, unique)
        ))
        owners = [uuid_to_bytes(o) for o in unique]
        exact_tags = bool(owners) and _remembered_of_owners(
            conn, "tags_decide", owners, lambda: tags_decide(conn, owners))
        return cls(owners, granted, merged, where, exact_tags)

    def collected(self, conn: Connection) -> CollectedKeys | None:
        """The keys of every customer passing this list's row filter when few do (see
        collected_keys), remembered until the database changes; None: walk the list."""
        if not self.tests:
            return None
        cache = connection_cache(conn)
        key = ("collected", self.key)
        if key not in cache:
            found = self._collect(conn)
            if found is not None:  # the oldest kept lists make room (memory, not speed)
                kept = [k for k, v in cache.items() if isinstance(v, CollectedKeys)]
                for old in kept[: max(0, len(kept) - collected_keys.LISTS_KEPT + 1)]:
                    del cache[old]
            cache[key] = found
        return cache[key]  # type: ignore[no-any-return]

    def _collect(self, conn: Connection) -> CollectedKeys | None:
        entry, entry_params = "", []
        if self.owners is not None:
            entry, entry_params = visibility(self.owners, self.granted, by_entry=True,
                                             tags_decide=self.exact_tags)
        tests, params = entry + self.tests, [*entry_params, *self.test_params]
        if estimated_matches(conn, tests, params) > collected_keys.SELECTIVE_MAX:
            return None
        if self.merged:  # few customers in sight: read by owner, through their indexes
            assert self.owners is not None
            visible, visible_params = visibility(self.owners, self.granted, by_entry=False)
            return collect(conn, "customers", visible + self.tests,
                           [*visible_params, *self.test_params])
        # many: one pass over the table in storage order beats reading them in list order
        return collect(conn, "customers NOT INDEXED", tests, params)

    def every_checkpoint(
        self, conn: Connection, order: Order, descending: bool
    ) -> list[StoredRow]:
        """The key of every CHECKPOINT_STEP-th row passing the row filter, in list order,
        from one pass over the table sorted by SQLite (~1.5 s for a tenth of a million
        customers, where the walk took 8 s and more)."""
        column = _SORT_COLUMN[order]
        way = " DESC" if descending else ""
        visible, params = "", []
        if self.owners is not None:
            visible, params = visibility(self.owners, self.granted, by_entry=True,
                                         tags_decide=self.exact_tags)
        sql = (
            f"SELECT NULL, {column}, owner_id, rowid, owner_tag FROM (SELECT {column}, owner_id,"
            f" rowid, {OWNER_TAG} AS owner_tag, row_number() OVER"
            f" (ORDER BY {column}{way}, {OWNER_TAG}{way}, rowid{way}) AS place"
            f" FROM customers NOT INDEXED WHERE deleted_at IS NULL{visible}{self.tests})"
            " WHERE place % ? = 0 ORDER BY place"
        )
        found = conn.exec_driver_sql(sql, (*params, *self.test_params, CHECKPOINT_STEP))
        return list(found.all())

    def rows(
        self, conn: Connection, order: Order, descending: bool, after: Sequence[Any] | None,
        offset: int, limit: int, columns: tuple[str, ...] = (),
    ) -> list[StoredRow]:
        collected = self.collected(conn)
        if collected is not None:
            return rows_by_id(conn, collected.window(order, descending, after, offset, limit),
                              _SORT_COLUMN[order], columns)
        if not self.merged:
            return self._walk(conn, order, descending, after, offset, limit, columns)
        assert self.owners is not None
        column = _SORT_COLUMN[order]
        bound = "" if after is None else "no owner" if after[2] is None else "owner"
        bound_params = after_params(after)
        arms, params = [], []
        arm_limit = offset + limit
        tests, test_params = self.tests, self.test_params
        by_tag = _OWNER_INDEX_HOLDS_TAG[order]
        pin = f" AND {OWNER_TAG} = ? AND owner_id = ?" if by_tag else " AND owner_id = ?"
        for owner in self.owners:
            arms.append(select_keys(column, descending, bound, pin + tests, columns,
                                    one_owner=True))
            pinned = [id_tag(owner), owner] if by_tag else [owner]
            params += [*pinned, *test_params, *bound_params, arm_limit]
        if self.granted:
            not_owned = (f" AND (owner_id IS NULL OR owner_id NOT IN ({marks(self.owners)}))"
                         if self.owners else "")
            arms.append(select_keys(column, descending, bound,
                                    f" AND rowid IN ({marks(self.granted)}){not_owned}{tests}",
                                    columns))
            params += [*self.granted, *self.owners, *test_params, *bound_params, arm_limit]
        if not arms:
            return []  # granted records that no longer exist
        if len(arms) == 1:  # one owner's index range is already in list order
            sql = arms[0] + " LIMIT ? OFFSET ?"
            return conn.exec_driver_sql(sql, (*params[:-1], limit, offset)).all()
        way = " DESC" if descending else ""
        sql = (
            " UNION ALL ".join(f"SELECT * FROM ({arm} LIMIT ?)" for arm in arms)
            + f" ORDER BY 2{way}, 5{way}, 4{way} LIMIT ? OFFSET ?"  # value, owner tag, rowid
        )
        return conn.exec_driver_sql(sql, (*params, limit, offset)).all()

    def _walk(
        self, conn: Connection, order: Order, descending: bool, after: Sequence[Any] | None,
        offset: int, limit: int, columns: tuple[str, ...],
    ) -> list[StoredRow]:
        """Along the global index. After a key with an owner, the seek is a row-value
        comparison, so SQLite lands on the key itself instead of reading through every row
        that shares its sort value (a bulk load gives 20,000 customers one updated_at)."""
        column = _SORT_COLUMN[order]
        visible, params = "", []
        if self.owners is not None:
            visible, params = visibility(self.owners, self.granted, by_entry=True,
                                         tags_decide=self.exact_tags)
        visible, params = visible + self.tests, [*params, *self.test_params]
        if after is None or after[2] is None:
            bound = "" if after is None else "no owner"
            sql = select_keys(column, descending, bound, visible, columns) + " LIMIT ? OFFSET ?"
            found = conn.exec_driver_sql(sql, (*params, *after_params(after), limit, offset))
            return found.all()
        _, value, owner, row = after[:4]
        stored = to_millis(value) if isinstance(value, datetime) else value
        seek = select_keys(column, descending, "row value", visible, columns)
        seek_params = [*params, stored, id_tag(owner), row]
        if descending and (self.owners is None or self.granted) and has_ownerless(
                conn, column, stored):
            # rows without an owner sharing the key's sort value come after it (NULLs sort
            # last going down) but fail a row-value comparison: read them apart
            nulls = select_keys(column, descending, "", visible + f" AND {column} = ?"
                                f" AND {OWNER_TAG} IS NULL", columns)
            sql = (f"SELECT * FROM ({seek} LIMIT ?) UNION ALL SELECT * FROM ({nulls} LIMIT ?)"
                   f" ORDER BY 2 DESC, 5 DESC, 4 DESC LIMIT ? OFFSET ?")
            found = conn.exec_driver_sql(sql, (
                *seek_params, offset + limit, *params, stored, offset + limit, limit, offset))
            return found.all()
        sql = seek + " LIMIT ? OFFSET ?"
        return conn.exec_driver_sql(sql, (*seek_params, limit, offset)).all()


def holds_few(conn: Connection, owner_ids: Collection[str]) -> bool:
    """Whether these owners hold fewer than SMALL_SIGHT live customers (a bounded count,
    remembered until the database changes)."""
    owners = [uuid_to_bytes(o) for o in owner_ids]
    sql = (
        "SELECT count(*) FROM (SELECT 1 FROM customers WHERE deleted_at IS NULL"
        f" AND owner_id IN ({marks(owners)}) LIMIT ?)"
    )
    return _remembered_of_owners(conn, "holds_few", owners, lambda: conn.exec_driver_sql(
        sql, (*owners, SMALL_SIGHT)).scalar_one() < SMALL_SIGHT)


def _remembered_of_owners(
    conn: Connection, fact: str, owners: list[bytes | str], compute: Callable[[], bool]
) -> bool:
    """A fact about these owners (stored ids), remembered until the database changes."""
    cache = connection_cache(conn)
    key = (fact, tuple(sorted(map(repr, owners))))
    if key not in cache:
        cache[key] = compute()
    return bool(cache[key])


def connection_cache(conn: Connection) -> dict[Hashable, Any]:
    """Facts about the list remembered on this DB-API connection until the database changes:
    data_version moves when another connection commits, total_changes when this one writes."""
    version = tuple(conn.exec_driver_sql(
        "SELECT (SELECT data_version FROM pragma_data_version), total_changes()").one())
    cache: dict[Hashable, Any] | None = conn.info.get("customer_list_cache")
    if cache is None or cache.get("version") != version:
        cache = {"version": version}
        conn.info["customer_list_cache"] = cache
    elif len(cache) > 4 * _CHECKPOINT_LISTS_KEPT:
        for key in [k for k in cache if k != "version"][: _CHECKPOINT_LISTS_KEPT]:
            del cache[key]
    return cache
