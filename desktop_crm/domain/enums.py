"""The closed vocabularies of the data model, stored as their string values."""

from __future__ import annotations

from enum import StrEnum


class UserStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    DEPARTED = "departed"


class DepartureState(StrEnum):
    FROZEN = "frozen"  # reveals and exports withheld; nothing moved yet
    COMMITTED = "committed"  # departed and handed over; key work may remain
    DONE = "done"
    CANCELLED = "cancelled"


class CustomerKind(StrEnum):
    PERSON = "person"
    COMPANY = "company"


class LifecycleStage(StrEnum):
    """The five loyalty stages, in order."""

    SUSPECT = "suspect"
    PROSPECT = "prospect"
    FIRST_TIME_BUYER = "first_time_buyer"
    REPEAT_BUYER = "repeat_buyer"
    ADVOCATE = "advocate"


class Tier(StrEnum):
    HIGH_VALUE = "high_value"
    POTENTIAL = "potential"
    DORMANT = "dormant"


class InteractionKind(StrEnum):
    CALL = "call"
    VISIT = "visit"
    EMAIL = "email"
    MEETING = "meeting"
    MESSAGE = "message"


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class ReminderKind(StrEnum):
    FOLLOW_UP = "follow_up"
    VISIT = "visit"
    CONTRACT_EXPIRY = "contract_expiry"
    RECEIVABLE = "receivable"
    BIRTHDAY = "birthday"
    HOLIDAY_GREETING = "holiday_greeting"
    COMPLAINT = "complaint"
    CUSTOM = "custom"
    RETURN_VISIT = "return_visit"  # 回访: after a first purchase or a resolved complaint


class ContractStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    EXPIRED = "expired"
    TERMINATED = "terminated"


class ComplaintStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class Channel(StrEnum):
    """Where a complaint or a satisfaction answer came in."""

    PHONE = "phone"
    EMAIL = "email"
    VISIT = "visit"
    WEB = "web"
    WECHAT = "wechat"
    OTHER = "other"
    MESSAGE = "message"
    RETURN_VISIT = "return_visit"  # answered when a return visit was completed


class InstalmentState(StrEnum):
    """An instalment of a payment plan as of one day (derived, never stored)."""

    PAID = "paid"
    PARTLY_PAID = "partly_paid"  # something received, the rest not yet due
    OVERDUE = "overdue"  # past its due date and not paid in full (partly paid included)
    DUE = "due"  # nothing received, not yet due


class Scope(StrEnum):
    """Data scopes: 本人 / 本人及下属 / 本部门 / 本部门及下属部门 / 指定部门 / 全部."""

    SELF = "self"
    SELF_AND_SUBORDINATES = "self_and_subordinates"
    DEPARTMENT = "department"
    DEPARTMENT_AND_CHILDREN = "department_and_children"
    CUSTOM_DEPARTMENTS = "custom_departments"
    ALL = "all"


class FieldAccess(StrEnum):
    HIDDEN = "hidden"
    READ = "read"
    EDIT = "edit"


class MaskMode(StrEnum):
    NONE = "none"
    LIST_ONLY = "list_only"
    EVERYWHERE = "everywhere"


class GrantAccess(StrEnum):
    """A collaborator grant on one record."""

    READ = "read"
    READ_WRITE = "read_write"
