"""The data model (SQLAlchemy 2 declarative), sync-ready from the first table.

Every synced table carries id (a UUID made by the client), created_at, updated_at (UTC),
version (+1 on every update), updated_by and deleted_at (a soft delete is a tombstone).
Ids are stored as their 16 bytes and times as integer milliseconds (storage/types.py); the
audit log and alerts keep text, which the audit chain hashes as stored.
Money is integer minor units plus a currency code. Schema changes go through Alembic.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop_crm.domain.ids import new_id
from desktop_crm.storage.types import (
    IsoUtcDateTime,
    JsonDict,
    TextList,
    UtcDateTime,
    UuidBytes,
    id_tag_sql,
)

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def reference(target: str, *, index: bool = False) -> Any:
    """A column holding another table's id (16 bytes, like every id)."""
    return mapped_column(UuidBytes, ForeignKey(target), index=index)


class Synced:
    """Columns every synced table carries."""

    id: Mapped[str] = mapped_column(UuidBytes, primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[str | None] = mapped_column(UuidBytes)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


# --- organisation and permissions -------------------------------------------------------------


class Department(Synced, Base):
    __tablename__ = "departments"

    name: Mapped[str] = mapped_column(String(100))
    parent_id: Mapped[str | None] = reference("departments.id", index=True)


class User(Synced, Base):
    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(64))
    # casefolded username: sign-in names are unique regardless of case
    username_key: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    department_id: Mapped[str | None] = reference("departments.id", index=True)
    superior_id: Mapped[str | None] = reference("users.id", index=True)
    status: Mapped[str] = mapped_column(String(16), default="active")
    departed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)


class Role(Synced, Base):
    __tablename__ = "roles"

    name: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)


class UserRole(Synced, Base):
    __tablename__ = "user_roles"
    __table_args__ = (UniqueConstraint("user_id", "role_id"),)

    user_id: Mapped[str] = reference("users.id", index=True)
    role_id: Mapped[str] = reference("roles.id", index=True)


class RoleGrant(Synced, Base):
    """A role may do `action` on `resource` within `scope`."""

    __tablename__ = "role_grants"

    role_id: Mapped[str] = reference("roles.id", index=True)
    resource: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(32))
    scope: Mapped[str] = mapped_column(String(32))
    # only for scope custom_departments
    department_ids: Mapped[list[str]] = mapped_column(TextList, default=list)


class FieldPolicy(Synced, Base):
    __tablename__ = "field_policies"
    __table_args__ = (UniqueConstraint("role_id", "resource", "field"),)

    role_id: Mapped[str] = reference("roles.id", index=True)
    resource: Mapped[str] = mapped_column(String(32))
    field: Mapped[str] = mapped_column(String(64))
    access: Mapped[str] = mapped_column(String(16))  # hidden | read | edit
    mask: Mapped[str] = mapped_column(String(16), default="none")  # none | list_only | everywhere


class RecordGrant(Synced, Base):
    """A collaborator grant: one user may read (or read and write) one record."""

    __tablename__ = "record_grants"
    __table_args__ = (Index("ix_record_grants_grantee_resource", "grantee_id", "resource"),)

    resource: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(UuidBytes, index=True)
    grantee_id: Mapped[str] = reference("users.id")
    access: Mapped[str] = mapped_column(String(16))  # read | read_write
    expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    granted_by: Mapped[str | None] = mapped_column(UuidBytes)


class Policy(Synced, Base):
    __tablename__ = "policies"

    key: Mapped[str] = mapped_column(String(64), unique=True)
    value: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=dict)


# --- customer pools (公海) ----------------------------------------------------------------------


class CustomerPool(Synced, Base):
    __tablename__ = "customer_pools"

    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")


class PoolRule(Synced, Base):
    __tablename__ = "pool_rules"

    pool_id: Mapped[str] = reference("customer_pools.id", index=True)
    tier: Mapped[str | None] = mapped_column(String(16))  # None: every tier
    return_after_days_without_followup: Mapped[int | None] = mapped_column(Integer)
    return_after_days_without_deal: Mapped[int | None] = mapped_column(Integer)
    warn_days_before: Mapped[int] = mapped_column(Integer, default=3)
    daily_claim_cap: Mapped[int | None] = mapped_column(Integer)
    reclaim_cooldown_days: Mapped[int] = mapped_column(Integer, default=0)
    ownership_cap: Mapped[int | None] = mapped_column(Integer)
    hidden_fields: Mapped[list[str]] = mapped_column(TextList, default=list)


class PoolMember(Synced, Base):
    __tablename__ = "pool_members"

    pool_id: Mapped[str] = reference("customer_pools.id", index=True)
    user_id: Mapped[str | None] = reference("users.id")
    department_id: Mapped[str | None] = reference("departments.id")


# --- customers ----------------------------------------------------------------------------------


_LIVE = text("deleted_at IS NULL")
_OWNER_TAG = text(id_tag_sql("owner_id"))


class Customer(Synced, Base):
    __tablename__ = "customers"
    __table_args__ = (
        # Keyset paging by name and by last update, for everyone and per owner. Live rows
        # only, so a walk deep into the list never visits the table. The list order is
        # (sort value, owner tag, rowid): the global indexes hold exactly that order, and for
        # one owner the per-owner ones do too, so no index repeats the 16-byte id. All but
        # the owner index other reads use (owner_sort) hold the owner's 4-byte tag instead
        # of the id (types.id_tag_sql; revision 0013).
        Index("ix_customers_sort", "sort_key", _OWNER_TAG, sqlite_where=_LIVE),
        Index("ix_customers_updated", "updated_at", _OWNER_TAG, sqlite_where=_LIVE),
        Index("ix_customers_owner_sort", "owner_id", "sort_key", sqlite_where=_LIVE),
        Index("ix_customers_owner_updated", _OWNER_TAG, "updated_at", sqlite_where=_LIVE),
        # name prefixes as typed: characters, pinyin initials (short queries), full pinyin
        Index("ix_customers_name", "name"),
        Index("ix_customers_initials", "name_initials",
              sqlite_where=text("name_initials <> ''")),
        Index("ix_customers_pinyin", "name_pinyin", sqlite_where=text("name_pinyin <> ''")),
        # most customers sit in no pool (公海): index only those that do
        Index("ix_customers_pool_id", "pool_id", sqlite_where=text("pool_id IS NOT NULL")),
        # only the deleted ones: counts of calls leave out theirs (revision 0006)
        Index("ix_customers_deleted", "deleted_at", sqlite_where=text("deleted_at IS NOT NULL")),
        # live high-value customers with their creation: the churn count asks whether a
        # complainer is one and which came after a period's end (revision 0010)
        Index("ix_customers_high_value", "id", "created_at",
              sqlite_where=text("tier = 'high_value' AND deleted_at IS NULL")),
    )

    kind: Mapped[str] = mapped_column(String(16), default="person")
    name: Mapped[str] = mapped_column(String(200))
    company: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(100), default="")
    phones: Mapped[list[str]] = mapped_column(TextList, default=list)  # E.164
    emails: Mapped[list[str]] = mapped_column(TextList, default=list)
    address: Mapped[str] = mapped_column(Text, default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    region: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(2), default="")  # ISO 3166 alpha-2
    birthday: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(100), default="")
    referred_by: Mapped[str | None] = mapped_column(UuidBytes)
    lifecycle_stage: Mapped[str] = mapped_column(String(32), default="suspect")
    tier: Mapped[str | None] = mapped_column(String(16))
    tags: Mapped[list[str]] = mapped_column(TextList, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[str | None] = reference("users.id")
    department_id: Mapped[str | None] = reference("departments.id")
    custom_fields: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=dict)
    pool_id: Mapped[str | None] = reference("customer_pools.id")
    previous_owner_id: Mapped[str | None] = mapped_column(UuidBytes)
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_followup_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # derived, kept by the customer service: pinyin sort key (Latin names casefolded),
    # full pinyin and initials of Chinese names for search ("zw", "zhangwei" find 张伟)
    sort_key: Mapped[str] = mapped_column(String(400), default="")
    name_pinyin: Mapped[str] = mapped_column(String(400), default="")
    name_initials: Mapped[str] = mapped_column(String(100), default="")


class OwnershipChange(Synced, Base):
    __tablename__ = "ownership_history"

    customer_id: Mapped[str] = reference("customers.id", index=True)
    from_owner_id: Mapped[str | None] = mapped_column(UuidBytes)
    to_owner_id: Mapped[str | None] = mapped_column(UuidBytes)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    reason: Mapped[str] = mapped_column(String(200), default="")


# --- activity -----------------------------------------------------------------------------------


class Interaction(Synced, Base):
    """One entry of the call log."""

    __tablename__ = "interactions"
    __table_args__ = (
        # a customer's live calls in a time range, answered from the index alone (0011)
        Index("ix_interactions_customer_started", "customer_id", "deleted_at", "started_at"),
        # one person's calls: their id's 4-byte tag (types.id_tag_sql; revision 0013)
        Index("ix_interactions_user_started", text(id_tag_sql("user_id")), "started_at"),
        # the Calls view, newest first across customers; the customer decides who sees a
        # call without reading its row (revision 0006)
        Index("ix_interactions_started", "started_at", "customer_id", sqlite_where=_LIVE),
    )

    customer_id: Mapped[str] = reference("customers.id")
    user_id: Mapped[str | None] = reference("users.id")
    kind: Mapped[str] = mapped_column(String(16), default="call")
    direction: Mapped[str] = mapped_column(String(16), default="outbound")
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    duration_seconds: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(String(100), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    needs: Mapped[str] = mapped_column(Text, default="")
    special_notes: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    next_step_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Reminder(Synced, Base):
    """A one-off reminder, or a repeating one (`rrule`) whose first occurrence is `due_at`."""

    __tablename__ = "reminders"
    __table_args__ = (
        Index("ix_reminders_owner_due", "owner_id", "due_at"),
        # the repeating ones of an owner, for the calendar's cache check
        Index("ix_reminders_owner_series", "owner_id",
              sqlite_where=text("rrule <> '' AND deleted_at IS NULL")),
        # a generated reminder is found again by its origin, done and deleted ones included
        Index("ix_reminders_source", "source", sqlite_where=text("source <> ''")),
        Index("ix_reminders_owner_snoozed", "owner_id", "snoozed_until",
              sqlite_where=text("snoozed_until IS NOT NULL")),
    )

    owner_id: Mapped[str] = reference("users.id")
    customer_id: Mapped[str | None] = reference("customers.id", index=True)
    kind: Mapped[str] = mapped_column(String(32), default="follow_up")
    title: Mapped[str] = mapped_column(String(200))
    due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    rrule: Mapped[str] = mapped_column(String(200), default="")
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    snoozed_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    source: Mapped[str] = mapped_column(String(64), default="")
    ends_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    time_zone: Mapped[str] = mapped_column(String(64), default="")


class ReminderOverride(Synced, Base):
    """One occurrence of a repeating reminder that differs from its rule: completed, snoozed,
    moved to another time, or skipped (deleted on its own). `occurrence` is its key as
    domain.recurrence.key_text writes it: its original local start."""

    __tablename__ = "reminder_overrides"
    __table_args__ = (UniqueConstraint("reminder_id", "occurrence"),)

    reminder_id: Mapped[str] = reference("reminders.id")
    occurrence: Mapped[str] = mapped_column(String(32))
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    snoozed_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    moved_to: Mapped[datetime | None] = mapped_column(UtcDateTime)
    skipped: Mapped[bool] = mapped_column(Boolean, default=False)


class ReminderOccurrence(Base):
    """Local cache, never synced: the occurrences of repeating reminders over a span around
    today, so a month view reads rows instead of expanding every rule. A row counts only while
    `series_version` equals its reminder's version and the span covers the view
    (reminder_spans); anything else is expanded afresh, so a stale cache is slow, never
    wrong."""

    __tablename__ = "reminder_occurrences"
    __table_args__ = (Index("ix_reminder_occurrences_owner_start", "owner_id", "starts_at"),)

    reminder_id: Mapped[str] = mapped_column(UuidBytes, primary_key=True)
    occurrence: Mapped[str] = mapped_column(String(32), primary_key=True)
    owner_id: Mapped[str] = mapped_column(UuidBytes)
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    all_day: Mapped[bool] = mapped_column(Boolean)
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    snoozed_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    series_version: Mapped[int] = mapped_column(Integer)


class ReminderSpan(Base):
    """Which span of a repeating reminder reminder_occurrences holds, and for which version."""

    __tablename__ = "reminder_spans"

    reminder_id: Mapped[str] = mapped_column(UuidBytes, primary_key=True)
    owner_id: Mapped[str] = mapped_column(UuidBytes)  # a new owner must not read old rows
    series_version: Mapped[int] = mapped_column(Integer)
    covers_from: Mapped[datetime] = mapped_column(UtcDateTime)
    covers_until: Mapped[datetime] = mapped_column(UtcDateTime)


class Contract(Synced, Base):
    __tablename__ = "contracts"
    __table_args__ = (
        # each live contract's customer, without the row (receivables reports)
        Index("ix_contracts_live_customer", "id", "customer_id",
              sqlite_where=text("deleted_at IS NULL")),
    )

    customer_id: Mapped[str] = reference("customers.id", index=True)
    number: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date, index=True)
    amount_minor: Mapped[int] = mapped_column(Integer, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    status: Mapped[str] = mapped_column(String(16), default="active")


class PaymentPlan(Synced, Base):
    """One instalment of a contract's 回款计划; overdue and partial are derived, not stored."""

    __tablename__ = "payment_plans"
    __table_args__ = (
        # what each live contract fell due, read without the rows (receivables reports);
        # also the contract's index for foreign keys, so deleted rows stay in (0013)
        Index("ix_payment_plans_contract_due", "contract_id", "deleted_at", "due_date",
              "amount_minor"),
    )

    contract_id: Mapped[str] = reference("contracts.id")
    instalment: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[date] = mapped_column(Date, index=True)
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")


class Receipt(Synced, Base):
    """Money received (回款)."""

    __tablename__ = "receipts"
    __table_args__ = (
        # what each live contract brought in, read without the rows (receivables reports);
        # also the contract's index for foreign keys, so deleted rows stay in (0013)
        Index("ix_receipts_contract_received", "contract_id", "deleted_at", "received_at",
              "amount_minor"),
    )

    contract_id: Mapped[str] = reference("contracts.id")
    plan_id: Mapped[str | None] = reference("payment_plans.id", index=True)
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Order(Synced, Base):
    __tablename__ = "orders"
    # a customer's live orders in a time range, answered from the index alone (0011)
    __table_args__ = (
        Index("ix_orders_customer_ordered", "customer_id", "deleted_at", "ordered_at"),)

    customer_id: Mapped[str] = reference("customers.id")
    ordered_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    description: Mapped[str] = mapped_column(String(200), default="")


class SatisfactionResponse(Synced, Base):
    __tablename__ = "satisfaction_responses"
    __table_args__ = (
        Index("ix_satisfaction_customer_at", "customer_id", "responded_at"),
        # the answer a return visit or a call led to; most answers have neither
        Index("ix_satisfaction_responses_reminder_id", "reminder_id",
              sqlite_where=text("reminder_id IS NOT NULL")),
        Index("ix_satisfaction_responses_interaction_id", "interaction_id",
              sqlite_where=text("interaction_id IS NOT NULL")),
    )

    customer_id: Mapped[str] = reference("customers.id")
    responded_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    channel: Mapped[str] = mapped_column(String(16), default="phone")
    csat: Mapped[int | None] = mapped_column(Integer)  # 1-5
    nps: Mapped[int | None] = mapped_column(Integer)  # 0-10
    comment: Mapped[str] = mapped_column(Text, default="")
    survey: Mapped[str] = mapped_column(String(100), default="")
    # the return visit (a reminder of kind return_visit) this answer completed, the call it
    # followed, and who recorded it
    reminder_id: Mapped[str | None] = reference("reminders.id")
    interaction_id: Mapped[str | None] = reference("interactions.id")
    user_id: Mapped[str | None] = reference("users.id")


class Complaint(Synced, Base):
    __tablename__ = "complaints"
    __table_args__ = (
        Index("ix_complaints_customer_opened", "customer_id", "opened_at"),
        # a period's live complaints and their customers, read without the rows
        Index("ix_complaints_live_opened", "opened_at", "customer_id",
              sqlite_where=text("deleted_at IS NULL")),
    )

    customer_id: Mapped[str] = reference("customers.id")
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    channel: Mapped[str] = mapped_column(String(16), default="phone")
    category: Mapped[str] = mapped_column(String(64), default="")
    severity: Mapped[str] = mapped_column(String(16), default="medium")
    summary: Mapped[str] = mapped_column(Text, default="")
    assignee_id: Mapped[str | None] = reference("users.id", index=True)
    first_response_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(16), default="open")
    response: Mapped[str] = mapped_column(Text, default="")  # what the first response said
    resolution: Mapped[str] = mapped_column(Text, default="")  # how it was resolved


# --- the report summary (local, never synced; kept by triggers, see report_summary.py) ------


class ReportMonth(Base):
    """The calendar months 2000-01 .. 2100-12 and the instant each begins in the company time
    zone, so SQL (a trigger included) finds a moment's month with one index step, right
    across DST changes."""

    __tablename__ = "report_months"

    month: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)  # 202610
    starts_at: Mapped[int] = mapped_column(Integer, unique=True)  # UTC epoch milliseconds


class ReportGroup(Base):
    """One (owner, lifecycle stage, tier) seen on a customer: what reports group and scope
    by. `key` spells the three out, so SQL finds a customer's group with one index step."""

    __tablename__ = "report_groups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(Text, unique=True)
    owner_id: Mapped[str | None] = mapped_column(UuidBytes)
    lifecycle_stage: Mapped[str] = mapped_column(String(32))
    tier: Mapped[str | None] = mapped_column(String(16))


def _counter() -> Any:
    """A summary counter: the triggers insert only the counters a source row feeds."""
    return mapped_column(Integer, default=0, server_default=text("0"))


class GroupMonth(Base):
    """What the customers of one report group did in one month, added up: every figure
    that is a sum (answers, complaints, times, return visits, money). A customer's share
    moves with the customer to another group; a soft-deleted customer adds nothing."""

    __tablename__ = "group_months"
    __table_args__ = ({"sqlite_with_rowid": False},)

    group_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    month: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    is_new: Mapped[int] = _counter()  # customers created
    referred: Mapped[int] = _counter()  # of those, referred
    contacts: Mapped[int] = _counter()
    orders: Mapped[int] = _counter()
    order_minor: Mapped[int] = _counter()
    responses: Mapped[int] = _counter()
    csat_count: Mapped[int] = _counter()
    csat_sum: Mapped[int] = _counter()
    csat_1: Mapped[int] = _counter()
    csat_2: Mapped[int] = _counter()
    csat_3: Mapped[int] = _counter()
    csat_4: Mapped[int] = _counter()
    csat_5: Mapped[int] = _counter()
    nps_count: Mapped[int] = _counter()
    promoters: Mapped[int] = _counter()  # NPS 9-10
    passives: Mapped[int] = _counter()  # NPS 7-8
    detractors: Mapped[int] = _counter()  # NPS 0-6
    complaints: Mapped[int] = _counter()  # opened this month
    responded: Mapped[int] = _counter()  # of those, with a first response
    response_ms: Mapped[int] = _counter()  # their opened -> first response
    resolved: Mapped[int] = _counter()  # resolved this month
    resolution_ms: Mapped[int] = _counter()  # their opened -> resolved
    visits_due: Mapped[int] = _counter()  # return visits due
    visits_done: Mapped[int] = _counter()  # of those, done
    planned_minor: Mapped[int] = _counter()  # instalments due
    collected_minor: Mapped[int] = _counter()  # receipts received


class CustomerMonth(Base):
    """A month in which one customer was active: its contacts and orders that month. The
    figures that count customers (active, retained, contacted, repurchasing) read these.

    Narrow on purpose: a million customers make about 1.4 million rows, and the vault's
    size budget holds little more (answers and amounts per customer were left out: the
    source tables give them for the few customers a report lists). The customer is its
    customers.rowid, its owner, stage and tier its report group. Clustered by group, then
    customer: a report counts each group's customers in one pass with no sorting, one
    owner's groups are read alone, and a customer's rows change together.
    """

    __tablename__ = "customer_months"
    __table_args__ = ({"sqlite_with_rowid": False},)

    group_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    customer_ref: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    month: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    contacts: Mapped[int] = _counter()  # live interactions started this month
    orders: Mapped[int] = _counter()  # live orders placed this month


class ActivityGap(Base):
    """Of a report group's customers active in a month, how many were active after a
    pause of `gap` months (GAP_CAP: first active, or after that long or longer). A window
    of months counts each customer active in it once, by its row whose gap reaches back
    before the window; triggers on customer_months keep it right."""

    __tablename__ = "activity_gaps"
    __table_args__ = ({"sqlite_with_rowid": False},)

    group_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    month: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    gap: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    customers: Mapped[int] = _counter()


class MonthTally(Base):
    """Of a report group's customers in a month: how many were contacted, ordered once,
    ordered twice or more, and ordered once for the first time in the group (a month's
    contacted customers and repurchases are sums of these); triggers on customer_months
    keep it right."""

    __tablename__ = "month_tallies"
    __table_args__ = ({"sqlite_with_rowid": False},)

    group_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    month: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    contacted: Mapped[int] = _counter()
    once: Mapped[int] = _counter()
    twice: Mapped[int] = _counter()
    first_once: Mapped[int] = _counter()


# --- audit, alerts and vault metadata (local, not synced rows) ----------------------------------


class AuditEvent(Base):
    """One link of the HMAC chain: hash = HMAC(audit key, prev_hash + canonical row)."""

    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(IsoUtcDateTime)
    actor_id: Mapped[str | None] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(64), index=True)
    entity: Mapped[str] = mapped_column(String(32), default="")
    entity_id: Mapped[str] = mapped_column(String(36), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Alert(Base):
    __tablename__ = "alerts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(IsoUtcDateTime, index=True)
    kind: Mapped[str] = mapped_column(String(64))
    severity: Mapped[str] = mapped_column(String(16), default="medium")
    message: Mapped[str] = mapped_column(Text)
    actor_id: Mapped[str | None] = mapped_column(String(36))
    audit_seq: Mapped[int | None] = mapped_column(Integer)
    acknowledged_at: Mapped[datetime | None] = mapped_column(IsoUtcDateTime)
    acknowledged_by: Mapped[str | None] = mapped_column(String(36))
    acknowledged_note: Mapped[str] = mapped_column(Text, default="", server_default="")


class Departure(Synced, Base):
    """One employee leaving: frozen -> committed -> done (or cancelled before the commit).

    The commit (status departed, everything reassigned) is one transaction; what follows it
    (the key slot dropped, the data key rotated) is finished by the next sign-in when the
    app is interrupted, so a departure is never half done.
    """

    __tablename__ = "departures"

    user_id: Mapped[str] = reference("users.id", index=True)
    state: Mapped[str] = mapped_column(String(16))  # frozen | committed | done | cancelled
    started_by: Mapped[str] = mapped_column(UuidBytes)
    frozen_at: Mapped[datetime] = mapped_column(UtcDateTime)
    committed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # receivers and split chosen, and the counts moved (for the audit trail and the wizard)
    plan: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=dict)


class VaultMeta(Base):
    """Key/value facts about this vault kept inside the encryption (e.g. the audit key)."""

    __tablename__ = "vault_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
