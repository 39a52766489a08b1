"""Column types shared by the models: UTC datetimes and compact text lists."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Dialect, String, Text
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes stored as sortable ISO text ("2026-11-23T08:00:00.000000").

    Text keeps the on-disk form identical between Core bulk inserts and the ORM, and sorts
    chronologically, which the period indexes rely on.
    """

    impl = String(26)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where UTC is required")
        return to_db_time(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value).replace(tzinfo=UTC)


def to_db_time(value: datetime) -> str:
    """The stored text form of an aware datetime (also used by Core bulk paths)."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")


class TextList(TypeDecorator[list[str]]):
    """A list of short strings stored one per line.

    Plain lines (not JSON) keep Chinese tags and E.164 phones searchable by the trigram index
    as they are, with no escaping in between.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: list[str] | None, dialect: Dialect) -> str:
        return "\n".join(value or [])

    def process_result_value(self, value: str | None, dialect: Dialect) -> list[str]:
        return value.split("\n") if value else []


class JsonDict(TypeDecorator[dict[str, Any]]):
    """A small JSON object (custom fields, audit details), stored as readable UTF-8."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: dict[str, Any] | None, dialect: Dialect) -> str:
        return dump_json(value or {})

    def process_result_value(self, value: str | None, dialect: Dialect) -> dict[str, Any]:
        return json.loads(value) if value else {}


def dump_json(value: dict[str, Any]) -> str:
    """The one stored text form of a JSON object (the audit chain hashes exactly this)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
