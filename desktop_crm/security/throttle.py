"""Sign-in back-off: 1 s, 2 s, 4 s ... after consecutive failures, capped.

Pure functions over (consecutive failures, time of the last failure, now), so the state can be
persisted in the key file and survive a restart, and tests need no clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta

BACKOFF_CAP_SECONDS = 300.0


def backoff_seconds(consecutive_failures: int) -> float:
    """How long to wait after this many consecutive failures."""
    if consecutive_failures <= 0:
        return 0.0
    # Past 2**9 s the cap applies anyway; bounding the exponent avoids huge integers.
    return min(BACKOFF_CAP_SECONDS, float(2 ** min(consecutive_failures - 1, 16)))


def retry_at(consecutive_failures: int, last_failure: datetime | None) -> datetime | None:
    """When the next attempt is allowed (None: now)."""
    if consecutive_failures <= 0 or last_failure is None:
        return None
    return last_failure + timedelta(seconds=backoff_seconds(consecutive_failures))


def seconds_until_allowed(
    consecutive_failures: int, last_failure: datetime | None, now: datetime
) -> float:
    """0 when an attempt may be made now, else the seconds left to wait."""
    allowed_at = retry_at(consecutive_failures, last_failure)
    if allowed_at is None:
        return 0.0
    remaining = (allowed_at - now).total_seconds()
    # A clock set back must not stretch the wait beyond the back-off itself.
    return min(max(0.0, remaining), backoff_seconds(consecutive_failures))
