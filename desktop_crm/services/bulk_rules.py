"""Validation of activity rows on the bulk path: each row checked as a single write would be.

A validator takes one row (plain values: aware datetimes, dates, ints, strings) and returns
the values to store, or raises ValidationError naming the field. Unknown fields are refused.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from desktop_crm.domain import validation as v
from desktop_crm.domain.enums import (
    Channel,
    ComplaintStatus,
    ContractStatus,
    Direction,
    InteractionKind,
    ReminderKind,
    Severity,
)
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.recurrence import Recurrence
from desktop_crm.services.reminder_fields import moment

Row = Mapping[str, Any]
Validator = Callable[[Row], dict[str, Any]]

_CURRENCY = re.compile(r"^[A-Z]{3}$")
_CANONICAL_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def record_id(field: str, value: Any) -> str:
    """A UUID in its canonical text form (ids are made by the client)."""
    if isinstance(value, str) and _CANONICAL_UUID.match(value):
        return value  # the common case, without the cost of parsing
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise ValidationError(field, f"“{value}” is not a record id") from None


def _required_id(row: Row, field: str) -> str:
    if not row.get(field):
        raise ValidationError(field, "must not be empty")
    return record_id(field, row[field])


def _optional_id(row: Row, field: str) -> str | None:
    return record_id(field, row[field]) if row.get(field) else None


def _moment(row: Row, field: str, *, required: bool = True) -> datetime | None:
    value = row.get(field)
    if value is None:
        if required:
            raise ValidationError(field, "must not be empty")
        return None
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValidationError(field, "must be a date and time with its time zone")
    return value


def _day(row: Row, field: str) -> date:
    value = row.get(field)
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError(field, "must be a date")
    return value


def _count(
    row: Row, field: str, low: int, high: int | None = None, *, default: int | None = None
) -> int:
    value = row.get(field, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < low or (
            high is not None and value > high):
        limit = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise ValidationError(field, f"must be a whole number {limit}")
    return value


def _score(row: Row, field: str, low: int, high: int) -> int | None:
    return None if row.get(field) is None else _count(row, field, low, high)


def _currency(row: Row) -> str:
    code = row.get("currency", "CNY")
    if not isinstance(code, str) or not _CURRENCY.match(code):
        raise ValidationError("currency", f"“{code}” is not a three-letter currency code")
    return code


def _text(row: Row, field: str, max_length: int) -> str:
    return v.optional_text(field, row.get(field), max_length=max_length)


def _only(row: Row, allowed: frozenset[str], what: str) -> None:
    unknown = set(row) - allowed
    if unknown:
        raise ValidationError(sorted(unknown)[0], f"is not a {what} field")


def _after(start: datetime | date | None, end: datetime | date | None, field: str) -> None:
    if start is not None and end is not None and end < start:
        raise ValidationError(field, "is before the start")


def interaction(row: Row) -> dict[str, Any]:
    _only(row, _INTERACTION, "call-log")
    return {
        "id": _optional_id(row, "id"),
        "customer_id": _required_id(row, "customer_id"),
        "user_id": _optional_id(row, "user_id"),
        "kind": v.enum_value("kind", row.get("kind", "call"), InteractionKind).value,
        "direction": v.enum_value("direction", row.get("direction", "outbound"),
                                  Direction).value,
        "started_at": _moment(row, "started_at"),
        "duration_seconds": _count(row, "duration_seconds", 0, 24 * 3600, default=0),
        "outcome": _text(row, "outcome", 100),
        "summary": _text(row, "summary", 5000),
        "needs": _text(row, "needs", 5000),
        "special_notes": _text(row, "special_notes", 5000),
        "next_step": _text(row, "next_step", 5000),
        "next_step_at": _moment(row, "next_step_at", required=False),
    }


def reminder(row: Row) -> dict[str, Any]:
    _only(row, _REMINDER, "reminder")
    due_at = _moment(row, "due_at")
    assert due_at is not None
    moment("due_at", due_at, all_day=False)  # within the years a reminder may fall in
    all_day = bool(row.get("all_day", False))
    return {
        "id": _optional_id(row, "id"),
        "owner_id": _required_id(row, "owner_id"),
        "customer_id": _optional_id(row, "customer_id"),
        "kind": v.enum_value("kind", row.get("kind", "follow_up"), ReminderKind).value,
        "title": v.required_text("title", row.get("title"), max_length=200),
        "due_at": due_at,
        "all_day": all_day,
        "rrule": _rule(row, due_at, all_day),
        "done_at": _moment(row, "done_at", required=False),
        "snoozed_until": _moment(row, "snoozed_until", required=False),
        "source": _text(row, "source", 64),
    }


def _rule(row: Row, due_at: datetime, all_day: bool) -> str:
    """A repeating rule the calendar can expand, checked as a single write checks it: one it
    cannot (FREQ=HOURLY, an UNTIL before the start) would break the calendar of its owner."""
    rule = _text(row, "rrule", 200).strip()
    if rule.upper().startswith("RRULE:"):
        rule = rule[len("RRULE:"):]
    if rule:
        # as the calendar reads a row without a time zone: in UTC, from the stored start
        start = due_at.astimezone(UTC)
        Recurrence(rule, start.date() if all_day else start, "UTC", all_day)
    return rule


def contract(row: Row) -> dict[str, Any]:
    _only(row, _CONTRACT, "contract")
    start, end = _day(row, "start_date"), _day(row, "end_date")
    _after(start, end, "end_date")
    return {
        "id": _optional_id(row, "id"),
        "customer_id": _required_id(row, "customer_id"),
        "number": v.required_text("number", row.get("number"), max_length=64),
        "title": _text(row, "title", 200),
        "start_date": start,
        "end_date": end,
        "amount_minor": _count(row, "amount_minor", 0),
        "currency": _currency(row),
        "status": v.enum_value("status", row.get("status", "active"), ContractStatus).value,
    }


def payment_plan(row: Row) -> dict[str, Any]:
    _only(row, _PAYMENT_PLAN, "payment plan")
    return {
        "id": _optional_id(row, "id"),
        "contract_id": _required_id(row, "contract_id"),
        "instalment": _count(row, "instalment", 1, 1000),
        "due_date": _day(row, "due_date"),
        "amount_minor": _count(row, "amount_minor", 0),
        "currency": _currency(row),
    }


def receipt(row: Row) -> dict[str, Any]:
    _only(row, _RECEIPT, "receipt")
    return {
        "id": _optional_id(row, "id"),
        "contract_id": _required_id(row, "contract_id"),
        "plan_id": _optional_id(row, "plan_id"),
        "amount_minor": _count(row, "amount_minor", 1),
        "currency": _currency(row),
        "received_at": _moment(row, "received_at"),
    }


def order(row: Row) -> dict[str, Any]:
    _only(row, _ORDER, "order")
    return {
        "id": _optional_id(row, "id"),
        "customer_id": _required_id(row, "customer_id"),
        "ordered_at": _moment(row, "ordered_at"),
        "amount_minor": _count(row, "amount_minor", 0),
        "currency": _currency(row),
        "description": _text(row, "description", 200),
    }


def satisfaction(row: Row) -> dict[str, Any]:
    _only(row, _SATISFACTION, "survey response")
    csat, nps = _score(row, "csat", 1, 5), _score(row, "nps", 0, 10)
    if csat is None and nps is None:
        raise ValidationError("csat", "give a CSAT or an NPS score")
    return {
        "id": _optional_id(row, "id"),
        "customer_id": _required_id(row, "customer_id"),
        "responded_at": _moment(row, "responded_at"),
        "channel": v.enum_value("channel", row.get("channel", "phone"), Channel).value,
        "csat": csat,
        "nps": nps,
        "comment": _text(row, "comment", 2000),
        "survey": _text(row, "survey", 100),
    }


def complaint(row: Row) -> dict[str, Any]:
    _only(row, _COMPLAINT, "complaint")
    opened = _moment(row, "opened_at")
    first_response = _moment(row, "first_response_at", required=False)
    resolved = _moment(row, "resolved_at", required=False)
    _after(opened, first_response, "first_response_at")
    _after(opened, resolved, "resolved_at")
    return {
        "id": _optional_id(row, "id"),
        "customer_id": _required_id(row, "customer_id"),
        "opened_at": opened,
        "channel": v.enum_value("channel", row.get("channel", "phone"), Channel).value,
        "category": _text(row, "category", 64),
        "severity": v.enum_value("severity", row.get("severity", "medium"), Severity).value,
        "summary": _text(row, "summary", 5000),
        "assignee_id": _optional_id(row, "assignee_id"),
        "first_response_at": first_response,
        "resolved_at": resolved,
        "status": v.enum_value("status", row.get("status", "open"), ComplaintStatus).value,
    }


_INTERACTION = frozenset({
    "id", "customer_id", "user_id", "kind", "direction", "started_at", "duration_seconds",
    "outcome", "summary", "needs", "special_notes", "next_step", "next_step_at"})
_REMINDER = frozenset({
    "id", "owner_id", "customer_id", "kind", "title", "due_at", "all_day", "rrule", "done_at",
    "snoozed_until", "source"})
_CONTRACT = frozenset({
    "id", "customer_id", "number", "title", "start_date", "end_date", "amount_minor",
    "currency", "status"})
_PAYMENT_PLAN = frozenset({"id", "contract_id", "instalment", "due_date", "amount_minor",
                           "currency"})
_RECEIPT = frozenset({"id", "contract_id", "plan_id", "amount_minor", "currency",
                      "received_at"})
_ORDER = frozenset({"id", "customer_id", "ordered_at", "amount_minor", "currency",
                    "description"})
_SATISFACTION = frozenset({"id", "customer_id", "responded_at", "channel", "csat", "nps",
                           "comment", "survey"})
_COMPLAINT = frozenset({
    "id", "customer_id", "opened_at", "channel", "category", "severity", "summary",
    "assignee_id", "first_response_at", "resolved_at", "status"})
