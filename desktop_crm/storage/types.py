"""Column types shared by the models: compact ids and times, text lists, JSON.

A million customers with their activity must fit in a 1 GiB vault, so the synced tables
store what repeats on every row in its smallest form: a UUID as its 16 bytes (not 36
characters of text) and a UTC time as integer milliseconds (6 bytes, not 26 characters).
Python code above storage sees the usual `str` UUIDs and aware datetimes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Dialect, Integer, String, Text
from sqlalchemy.types import TypeDecorator, UserDefinedType

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MILLISECOND = timedelta(milliseconds=1)


class _Blob(UserDefinedType[bytes]):
    """A BLOB column with no driver-side conversion (LargeBinary would wrap every value)."""

    cache_ok = True

    def get_col_spec(self, **kw: Any) -> str:
        return "BLOB"


class UuidBytes(TypeDecorator[str]):
    """A UUID in canonical text form ("7c9e6679-7425-40de-944b-e07fc1f90ae7"), stored as 16 bytes.

    Text that is not a UUID is stored as the text itself: it round-trips unchanged and never
    equals a real id (bytes and text differ in SQLite), so a lookup by it finds nothing.
    """

    impl = _Blob
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> bytes | str | None:
        return None if value is None else uuid_to_bytes(value)

    def process_result_value(self, value: bytes | str | None, dialect: Dialect) -> str | None:
        return None if value is None else id_from_stored(value)


def uuid_to_bytes(value: str | bytes) -> bytes | str:
    """The stored form of a UUID's text (any case, dashes or not); other text as it is.

    A value already in stored form (bytes) is returned unchanged.
    """
    if isinstance(value, bytes):
        return value
    try:
        raw = bytes.fromhex(value.replace("-", ""))
    except ValueError:
        return value
    return raw if len(raw) == 16 else value


# Indexes that hold an owner for every customer, or a user for every call, keep a 4-byte tag
# of the 16-byte id: its last four bytes, random in a UUID v4 (12 bytes less per entry, about
# 11 MiB per index at a million rows). A tag narrows a walk on the index entries alone; the
# id itself is then tested on the row, which a page reads anyway, so two users sharing a tag
# cost a few row reads, never a wrong row.
def id_tag_sql(column: str) -> str:
    """SQL for the tag of a stored id (NULL for NULL), as the indexes hold it."""
    return f"substr({column}, 13, 4)"


def id_tag(stored: bytes | str | None) -> bytes | str | None:
    """What `id_tag_sql` gives for this stored value (substr counts bytes of a blob and
    characters of text, as slicing does)."""
    return None if stored is None else stored[12:16]


def id_tags(stored: Iterable[bytes | str]) -> list[bytes | str | None]:
    """The distinct tags of these stored ids, in their order."""
    return list(dict.fromkeys(id_tag(value) for value in stored))


def id_from_stored(value: bytes | str) -> str:
    """The text form of a stored id (text that was never a UUID comes back as it is)."""
    return value if isinstance(value, str) else uuid_from_bytes(value)


@lru_cache(maxsize=1 << 16)
def uuid_from_bytes(value: bytes) -> str:
    # remembered: a calendar month names the same owner and customers thousands of times
    h = value.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes stored as integer milliseconds since 1970-01-01 UTC.

    Integer arithmetic (no float), sorts chronologically for the period and list indexes,
    and takes 6 bytes where ISO text took 26. Finer than a millisecond is dropped: nothing a
    CRM records needs it, and a value reads back exactly as it was stored.
    """

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> int | None:
        return None if value is None else to_millis(value)

    def process_result_value(self, value: int | None, dialect: Dialect) -> datetime | None:
        return None if value is None else from_millis(value)


def to_millis(value: datetime) -> int:
    """The stored form of an aware datetime (also used by Core bulk paths)."""
    if value.tzinfo is None:
        raise ValueError("naive datetime given where UTC is required")
    return (value - EPOCH) // _MILLISECOND


def as_stored(moment: datetime) -> datetime:
    """A moment at the precision the time columns keep, as it will read back."""
    return from_millis(to_millis(moment))


def from_millis(value: int) -> datetime:
    return EPOCH + timedelta(milliseconds=value)


class IsoUtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes as sortable ISO text ("2026-11-23T08:00:00.000000").

    For the audit log and alerts: the audit chain hashes each row's stored text, so the form
    a row was hashed in must never change, and text keeps the log readable.
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
    """The stored text form of an aware datetime in the audit log and alerts."""
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
