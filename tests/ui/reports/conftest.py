"""Fixtures for the dashboard and the Reports page: the calendar's signed-in sessions on a fresh
copy of the UI vault, on a clock fixed at Thursday 14 May 2026, 10:00 in Shanghai (May in
every zone)."""

from __future__ import annotations

from tests.ui.calendar.conftest import (  # noqa: F401  (signed_in is a fixture)
    NOW,
    SHANGHAI,
    signed_in,
    wait_idle,
)
