from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop_crm.security.throttle import (
    BACKOFF_CAP_SECONDS,
    backoff_seconds,
    retry_at,
    seconds_until_allowed,
)

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_back_off_doubles_from_one_second_and_is_capped() -> None:
    assert [backoff_seconds(n) for n in range(0, 6)] == [0, 1, 2, 4, 8, 16]
    assert backoff_seconds(9) == 256
    assert backoff_seconds(10) == BACKOFF_CAP_SECONDS == 300
    assert backoff_seconds(10_000) == BACKOFF_CAP_SECONDS


def test_wait_counts_down_from_the_last_failure() -> None:
    assert retry_at(3, T0) == T0 + timedelta(seconds=4)
    assert seconds_until_allowed(3, T0, T0) == 4
    assert seconds_until_allowed(3, T0, T0 + timedelta(seconds=3)) == 1
    assert seconds_until_allowed(3, T0, T0 + timedelta(seconds=4)) == 0
    assert seconds_until_allowed(0, None, T0) == 0


def test_a_clock_set_back_does_not_lengthen_the_wait() -> None:
    assert seconds_until_allowed(2, T0, T0 - timedelta(days=1)) == 2
