"""The report summary: what customers did month by month, kept right by SQLite triggers.

Five local tables (never synced), sized for a million customers within the vault's budget:
- report_months (month yyyymm, starts_at): when each month of 2000..2100 begins in the
  company time zone, so SQL finds an instant's month with one index step, right across DST.
- report_groups (id, key, owner_id, lifecycle_stage, tier): each combination of owner,
  stage and tier seen on a customer. Reports group and scope by these.
- group_months (group_id, month, counters): every figure that adds up, summed over the
  customers of a group: is_new and referred (customers created, of those referred), contacts,
  orders and order_minor, the survey answers (responses, csat_count/_sum/_1.._5, nps_count,
  promoters 9-10, passives 7-8, detractors 0-6), complaints opened with responded and
  response_ms (opened -> first response), complaints resolved with resolution_ms (opened ->
  resolved), return visits due and done, planned_minor (instalments due) and
  collected_minor (receipts). A few thousand rows: a company-wide month is read at once.
- customer_months (group_id, customer_ref = customers.rowid, month, contacts, orders): one
  narrow row per customer and month with a contact or an order, for the figures that count
  customers (active, retained, contacted, repurchasing). About 1.4 rows a customer, 25 MiB
  at a million (with answers and amounts per customer too it was 31 MiB: more than the
  vault's size budget holds; a report reads those from the source tables for the few
  customers concerned). Clustered by group, then customer: a report counts each group's
  customers in one pass with no sorting, and one owner's groups are read alone.
- activity_gaps (group_id, month, gap, customers): of a group's customers active in a
  month, how many after a pause of `gap` months (activity_gaps_sql.py): "active in these
  twelve months" is a sum over a few thousand rows, not a pass over customer_months.
- month_tallies (group_id, month, contacted, once, twice, first_once): of a group's
  customers in a month, how many were contacted, ordered once or twice and more, and
  ordered once for the first time (month_tallies_sql.py): a month's contacted customers
  and repurchases without a pass over customer_months.

Where a row counts (live rows of live customers only; report_summary_sql.py has the SQL):
customers by created_at (referred: `referred_by` set, or the source is a referral),
interactions by started_at, orders by ordered_at, satisfaction_responses by responded_at,
complaints by opened_at and by resolved_at, reminders of kind return_visit with a customer
by due_at, payment_plans by due_date (a calendar date: its own month) and receipts by
received_at through their live contract's customer, all under the customer's current group.
Amounts are summed in minor units whatever their currency.

Triggers on every source table add a row's contribution on INSERT, subtract it on DELETE,
and do both on an UPDATE of a column that matters (a soft delete is such an update). So
every write path keeps the summary right without remembering to: services, bulk Core
inserts, a repair by hand, a later sync download. A customer that changes owner, stage or
tier, is deleted or restored, moves its whole contribution; so does a contract moved to
another customer. A bulk load may drop the triggers and rebuild once at the end.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.local_zone import local_zone_name
from desktop_crm.storage import activity_gaps_sql as gaps
from desktop_crm.storage import month_tallies_sql as tallies
from desktop_crm.storage import report_summary_sql as sql
from desktop_crm.storage.types import to_millis

FIRST_YEAR, LAST_YEAR = 2000, 2100
ZONE_POLICY = "company_time_zone"  # policies: {"zone": "<IANA name>"}, "" = the system's
ZONE_META = "report_time_zone"  # vault_meta: the zone report_months was filled in
# page cache while rebuilding: the sources are read once, but the sums' upserts and the
# customers' map stay warm (a million customers: 27 s; with the 2 MiB default, over twice that)
REBUILD_CACHE_KIB = 128 * 1024
COUNTERS = sql.COUNTERS  # group_months
CUSTOMER_COUNTERS = sql.CUSTOMER_COUNTERS  # customer_months
REFERRAL_SOURCES = sql.REFERRAL_SOURCES

# name -> CREATE TRIGGER statement: the one definition the migrations and bulk loads use.
# The source tables' triggers keep the sums and customer_months (revision 0009); the gap
# triggers on customer_months keep activity_gaps (revision 0010) and month_tallies (0011):
# both are recounted from customer_months, so they are called its derived triggers.
SOURCE_TRIGGERS: dict[str, str] = sql.summary_triggers()
GAP_TRIGGERS: dict[str, str] = gaps.gap_triggers()
TALLY_TRIGGERS: dict[str, str] = tallies.tally_triggers()
DERIVED_TRIGGERS: dict[str, str] = {**GAP_TRIGGERS, **TALLY_TRIGGERS}
SUMMARY_TRIGGERS: dict[str, str] = {**SOURCE_TRIGGERS, **DERIVED_TRIGGERS}


def create_triggers(connection: Connection, triggers: dict[str, str] = SUMMARY_TRIGGERS) -> None:
    for ddl in triggers.values():
        connection.exec_driver_sql(ddl)


def drop_triggers(connection: Connection, triggers: dict[str, str] = SUMMARY_TRIGGERS) -> None:
    for name in triggers:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def fill_months(connection: Connection, zone: str) -> None:
    """Write report_months for `zone` (an IANA name): when each month of 2000..2100 begins
    there. The summary is stale until `rebuild` (use_time_zone does both)."""
    tz = _zone(zone)
    rows = [(year * 100 + month, to_millis(datetime(year, month, 1, tzinfo=tz)))
            for year in range(FIRST_YEAR, LAST_YEAR + 1) for month in range(1, 13)]
    connection.exec_driver_sql("DELETE FROM report_months")
    connection.exec_driver_sql("INSERT INTO report_months (month, starts_at) VALUES (?, ?)",
                               rows)
    connection.exec_driver_sql(
        "INSERT INTO vault_meta (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (ZONE_META, zone))


def rebuild(connection: Connection) -> None:
    """Recompute the summary from the source tables (after a bulk load without the
    triggers, or in a new time zone). The triggers on customer_months stay off meanwhile:
    activity_gaps and month_tallies are recounted once at the end rather than row by row."""
    drop_triggers(connection, DERIVED_TRIGGERS)
    rebuild_sums(connection)
    refill_gaps(connection)
    refill_tallies(connection)
    create_triggers(connection, DERIVED_TRIGGERS)


def refill_gaps(connection: Connection) -> None:
    """Recount activity_gaps from customer_months."""
    with _page_cache(connection, REBUILD_CACHE_KIB):
        for statement in gaps.refill_statements():
            connection.exec_driver_sql(statement)


def refill_tallies(connection: Connection) -> None:
    """Recount month_tallies from customer_months."""
    with _page_cache(connection, REBUILD_CACHE_KIB):
        for statement in tallies.refill_statements():
            connection.exec_driver_sql(statement)


def rebuild_sums(connection: Connection) -> None:
    """Recompute group_months and customer_months from the source tables (what revision
    0009 filled; `rebuild` does this and the rest)."""
    with _page_cache(connection, REBUILD_CACHE_KIB):
        for statement in sql.rebuild_statements():
            connection.exec_driver_sql(statement)


@contextmanager
def _page_cache(connection: Connection, kib: int) -> Iterator[None]:
    """At least `kib` of page cache for a while (a bulk load may have set more)."""
    previous = int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
    page = int(connection.exec_driver_sql("PRAGMA page_size").scalar_one())
    held = -previous if previous < 0 else previous * page // 1024  # < 0 means KiB
    if held < kib:
        connection.exec_driver_sql(f"PRAGMA cache_size = {-kib}")
    try:
        yield
    finally:
        if held < kib:
            connection.exec_driver_sql(f"PRAGMA cache_size = {previous}")


def use_time_zone(connection: Connection, zone_name: str) -> bool:
    """Count months in `zone_name` ("" = this computer's zone) from now on: report_months is
    refilled and the summary rebuilt. False (and nothing done) when that zone is in use."""
    zone = zone_name or local_zone_name()
    _zone(zone)
    if months_zone(connection) == zone:
        return False
    fill_months(connection, zone)
    rebuild(connection)
    return True


def months_zone(connection: Connection) -> str | None:
    """The zone report_months was filled in (None before the first fill)."""
    row = connection.exec_driver_sql(
        "SELECT value FROM vault_meta WHERE key = ?", (ZONE_META,)).first()
    return None if row is None else str(row[0])


def company_zone(connection: Connection) -> str:
    """The company time zone policy's IANA name, or this computer's zone when it is unset."""
    row = connection.exec_driver_sql(
        "SELECT value FROM policies WHERE key = ? AND deleted_at IS NULL", (ZONE_POLICY,)
    ).first()
    zone = json.loads(row[0]).get("zone", "") if row and row[0] else ""
    return str(zone) or local_zone_name()


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError("zone", f"“{name}” is not a known time zone") from None


def restore_summary(connection: Connection) -> None:
    """Put the triggers back and recompute the summary from the source tables."""
    create_triggers(connection)
    rebuild(connection)
