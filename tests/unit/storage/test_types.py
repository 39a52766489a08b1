"""The compact stored forms of ids and times."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest

from desktop_crm.storage.types import (
    from_millis,
    to_millis,
    uuid_from_bytes,
    uuid_to_bytes,
)


def test_a_uuid_is_stored_as_its_16_bytes_and_read_back_canonical() -> None:
    made = uuid.uuid4()
    stored = uuid_to_bytes(str(made).upper())
    assert stored == made.bytes
    assert uuid_from_bytes(stored) == str(made)
    assert uuid_to_bytes(made.hex) == made.bytes  # no dashes


def test_stored_bytes_pass_through_and_other_text_stays_text() -> None:
    raw = uuid.uuid4().bytes
    assert uuid_to_bytes(raw) is raw
    assert uuid_to_bytes("c004") == "c004"
    assert uuid_to_bytes("not-a-uuid-at-all-zz") == "not-a-uuid-at-all-zz"


def test_times_are_whole_milliseconds_since_the_epoch_in_utc() -> None:
    moment = datetime(2026, 11, 23, 8, 30, 15, 123456, tzinfo=UTC)
    assert to_millis(moment) == 1795422615123
    assert from_millis(to_millis(moment)) == moment.replace(microsecond=123000)
    east = moment.astimezone(timezone(timedelta(hours=8)))
    assert to_millis(east) == to_millis(moment)
    assert to_millis(datetime(1969, 12, 31, 23, 59, 59, 999000, tzinfo=UTC)) == -1


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        to_millis(datetime(2026, 1, 1))
