from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.reminder_times import snooze_until

NOW = datetime(2026, 3, 28, 22, 30, tzinfo=UTC)


def test_minutes_and_hours_count_from_now() -> None:
    assert snooze_until("15m", NOW, UTC) == datetime(2026, 3, 28, 22, 45, tzinfo=UTC)
    assert snooze_until("1h", NOW, UTC) == datetime(2026, 3, 28, 23, 30, tzinfo=UTC)


def test_tomorrow_is_nine_on_the_local_wall_clock_across_a_dst_change() -> None:
    berlin = ZoneInfo("Europe/Berlin")  # clocks go forward on 2026-03-29
    at = snooze_until("tomorrow", NOW, berlin)  # 23:30 local on the 28th
    assert at.astimezone(berlin) == datetime(2026, 3, 29, 9, 0, tzinfo=berlin)
    assert at == datetime(2026, 3, 29, 7, 0, tzinfo=UTC)


def test_tomorrow_follows_the_local_date_not_the_utc_one() -> None:
    shanghai = ZoneInfo("Asia/Shanghai")  # already the 29th there
    assert snooze_until("tomorrow", NOW, shanghai) == datetime(2026, 3, 30, 1, 0, tzinfo=UTC)


def test_an_unknown_preset_is_named() -> None:
    with pytest.raises(ValidationError, match="“2d”"):
        snooze_until("2d", NOW, UTC)
