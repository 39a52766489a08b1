"""Due notifications: the watcher announces each due reminder once, through the tray seam and
the banner, across a simulated sleep (the wall clock jumps, one late tick) — none missed, none
repeated — and sums up what was overdue at sign-in in one message."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from desktop_crm.domain.clock import FixedClock
from desktop_crm.services.reminder_views import Entry
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.ui.calendar.banner import DueBanner
from desktop_crm.ui.calendar.due_watcher import LOOK_AHEAD, DueWatcher
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from tests.ui.conftest import SALES2_PASSWORD, Template

SHANGHAI = ZoneInfo("Asia/Shanghai")
MORNING = datetime(2026, 3, 9, 8, 0, tzinfo=SHANGHAI)  # a Monday


class RecordingNotifier:
    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []

    def notify(self, title: str, text: str) -> None:
        self.messages.append((title, text))


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MORNING.astimezone(UTC))


@pytest.fixture
def sales2(vault: Template, clock: FixedClock,
           opened_sessions: list[CrmSession]) -> CrmSession:
    session = sign_in(vault.vault_dir, "sales2", SALES2_PASSWORD, clock=clock)
    opened_sessions.append(session)
    return session


def remind(session: CrmSession, title: str, at: datetime, **more: Any) -> str:
    return session.reminders.create({"title": title, "due_at": at, **more}).id


def look(qtbot: Any, watcher: DueWatcher) -> None:
    """One tick of the timer, and its answer."""
    watcher.check()
    qtbot.waitUntil(lambda: not watcher.asking, timeout=10_000)


def started(qtbot: Any, session: CrmSession, ops: Operations, clock: FixedClock,
            notifier: RecordingNotifier) -> DueWatcher:
    watcher = DueWatcher(session, ops, notifier=notifier, clock=clock, zone=SHANGHAI)
    watcher.start()
    qtbot.waitUntil(lambda: not watcher.asking, timeout=10_000)
    return watcher


def titles(entries: list[Entry]) -> list[str]:
    return [e.title for e in entries]


def test_sign_in_sums_up_the_overdue_once_then_each_new_one_is_told_once(
        qtbot: Any, ops: Operations, sales2: CrmSession, clock: FixedClock) -> None:
    for hours in (30, 5, 2):
        remind(sales2, f"overdue by {hours} h", MORNING - timedelta(hours=hours))
    remind(sales2, "at 08:20", MORNING + timedelta(minutes=20))
    notifier = RecordingNotifier()
    watcher = started(qtbot, sales2, ops, clock, notifier)
    try:
        # one message with the count (its plural ending comes from the catalogue)
        [(title, text)] = notifier.messages
        assert title == "Overdue reminders" and text.startswith("You have 3 overdue reminder")
        assert titles(watcher.showing) == ["overdue by 30 h", "overdue by 5 h", "overdue by 2 h"]
        # nothing due within the minute: the next look comes a minute later, not sooner
        assert watcher.next_look_in_ms is not None
        assert 55_000 < watcher.next_look_in_ms <= 60_000

        clock.advance(timedelta(minutes=19, seconds=30))
        look(qtbot, watcher)
        assert len(notifier.messages) == 1
        # the alarm is 30 s away: the timer is aimed at it
        assert watcher.next_look_in_ms is not None
        assert 25_000 < watcher.next_look_in_ms <= 30_000

        clock.advance(timedelta(seconds=30))
        look(qtbot, watcher)
        assert notifier.messages[1] == ("Reminder due", "at 08:20 · 08:20")
        look(qtbot, watcher)  # an extra tick (a wake-up, a change elsewhere) repeats nothing
        assert len(notifier.messages) == 2
        assert titles(watcher.showing)[-1] == "at 08:20"
    finally:
        watcher.stop()


def test_a_sleep_misses_nothing_and_repeats_nothing(
        qtbot: Any, ops: Operations, sales2: CrmSession, clock: FixedClock) -> None:
    remind(sales2, "before the sleep", MORNING + timedelta(minutes=10))
    for minutes in (40, 95, 170):  # all fall due while the laptop sleeps
        remind(sales2, f"asleep +{minutes}", MORNING + timedelta(minutes=minutes))
    remind(sales2, "after waking", MORNING + timedelta(hours=3, minutes=30))
    notifier = RecordingNotifier()
    watcher = started(qtbot, sales2, ops, clock, notifier)
    falls: list[list[str]] = []
    watcher.entries_did_fall_due.connect(lambda entries: falls.append(titles(entries)))
    try:
        assert notifier.messages == []  # nothing overdue at sign-in: no message at all
        clock.advance(timedelta(minutes=10))
        look(qtbot, watcher)
        assert falls == [["before the sleep"]]

        clock.advance(timedelta(hours=3))  # the lid closes; the wall clock runs on
        look(qtbot, watcher)  # the first tick after waking
        assert falls[1] == ["asleep +40", "asleep +95", "asleep +170"]
        title, text = notifier.messages[-1]  # one message for the three
        assert title.startswith("3 reminder") and text == "asleep +40\nasleep +95\nasleep +170"
        for _ in range(2):
            look(qtbot, watcher)
        assert len(falls) == 2 and len(notifier.messages) == 2

        clock.advance(timedelta(minutes=20))
        look(qtbot, watcher)
        assert falls[2] == ["after waking"]
        assert sum(len(f) for f in falls) == 5  # each once, none missed
    finally:
        watcher.stop()


def test_done_snoozed_or_dismissed_leave_the_banner_and_a_snoozed_one_comes_back(
        qtbot: Any, ops: Operations, sales2: CrmSession, clock: FixedClock) -> None:
    call = remind(sales2, "call 张伟", MORNING + timedelta(minutes=5))
    visit = remind(sales2, "visit 李娜", MORNING + timedelta(minutes=5))
    remind(sales2, "send the quote", MORNING + timedelta(minutes=5))
    notifier = RecordingNotifier()
    watcher = started(qtbot, sales2, ops, clock, notifier)
    banner = DueBanner(sales2, ops)
    qtbot.addWidget(banner)
    watcher.due_did_change.connect(banner.show_entries)
    banner.dismiss_requested.connect(watcher.dismiss)
    try:
        clock.advance(timedelta(minutes=5))
        look(qtbot, watcher)
        assert banner.text_label.text().startswith("3 reminder")
        assert banner.show_button.isVisibleTo(banner)
        assert not banner.done_button.isVisibleTo(banner)

        # done elsewhere (the hub, another window): the change makes the watcher look again
        ops.run(lambda: sales2.reminders.complete(call), lane=Lane.WRITE,
                changes=OpChanges(frozenset({"reminder"})))
        qtbot.waitUntil(lambda: len(watcher.showing) == 2, timeout=10_000)
        qtbot.waitUntil(lambda: not watcher.asking, timeout=10_000)
        ops.run(lambda: sales2.reminders.snooze(visit, clock.now() + timedelta(minutes=15)),
                lane=Lane.WRITE, changes=OpChanges(frozenset({"reminder"})))
        qtbot.waitUntil(lambda: titles(watcher.showing) == ["send the quote"], timeout=10_000)
        assert banner.text_label.text() == "Due: send the quote"
        assert banner.done_button.isVisibleTo(banner)

        qtbot.mouseClick(banner.dismiss_button, Qt.MouseButton.LeftButton)
        assert watcher.showing == [] and banner.isHidden()
        look(qtbot, watcher)
        assert watcher.showing == []  # dismissed stays dismissed

        clock.advance(timedelta(minutes=15))  # the snooze runs out: told again, once
        look(qtbot, watcher)
        assert titles(watcher.showing) == ["visit 李娜"]
        assert notifier.messages[-1] == ("Reminder due", "visit 李娜 · 08:05")
        told = len(notifier.messages)
        look(qtbot, watcher)
        assert len(notifier.messages) == told
    finally:
        watcher.stop()


def test_an_all_day_reminder_is_due_at_nine_on_its_own_day(
        qtbot: Any, ops: Operations, sales2: CrmSession, clock: FixedClock) -> None:
    remind(sales2, "王芳's birthday", date(2026, 3, 9), all_day=True, kind="birthday")
    notifier = RecordingNotifier()
    watcher = started(qtbot, sales2, ops, clock, notifier)
    try:
        assert notifier.messages == []  # 08:00 in Shanghai: not yet
        clock.advance(timedelta(minutes=59))
        look(qtbot, watcher)
        assert notifier.messages == []
        assert watcher.next_look_in_ms is not None and watcher.next_look_in_ms <= 60_000
        clock.advance(timedelta(minutes=1))
        look(qtbot, watcher)
        assert notifier.messages == [("Reminder due", "王芳's birthday · All day")]
    finally:
        watcher.stop()


def test_the_watcher_looks_no_further_than_a_minute_ahead(
        qtbot: Any, ops: Operations, sales2: CrmSession, clock: FixedClock) -> None:
    asked: list[tuple[datetime, datetime | None]] = []

    def due(until: datetime, since: datetime | None) -> list[Entry]:
        asked.append((until, since))
        return []

    watcher = DueWatcher(sales2, ops, clock=clock, zone=SHANGHAI, due=due)
    watcher.start()
    qtbot.waitUntil(lambda: not watcher.asking, timeout=10_000)
    clock.advance(timedelta(minutes=1))
    look(qtbot, watcher)
    watcher.stop()
    start = MORNING.astimezone(UTC)
    assert asked == [(start + LOOK_AHEAD, None),
                     (start + timedelta(minutes=1) + LOOK_AHEAD, start)]


def qtbot_button() -> Any:
    from PySide6.QtCore import Qt
    return Qt.MouseButton.LeftButton



def test_the_banner_completes_snoozes_and_opens_the_one_due(
        qtbot: Any, ops: Operations, sales2: CrmSession, clock: FixedClock) -> None:
    customer = sales2.customers.create({"name": "赵敏"}).id
    call = remind(sales2, "call 赵敏", MORNING + timedelta(minutes=5), customer_id=customer)
    remind(sales2, "plan the week", MORNING + timedelta(minutes=10))
    watcher = started(qtbot, sales2, ops, clock, RecordingNotifier())
    banner = DueBanner(sales2, ops, zone=SHANGHAI)
    qtbot.addWidget(banner)
    watcher.due_did_change.connect(banner.show_entries)
    opened: list[str] = []
    banner.customer_requested.connect(opened.append)
    try:
        clock.advance(timedelta(minutes=5))
        look(qtbot, watcher)
        assert banner.text_label.text() == "Due: call 赵敏 — 赵敏"
        assert banner.when_label.text() == "08:05"
        qtbot.mouseClick(banner.open_button, Qt.MouseButton.LeftButton)
        assert opened == [customer]
        qtbot.mouseClick(banner.done_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: banner.isHidden(), timeout=10_000)
        assert sales2.reminders.get(call).done_at is not None

        clock.advance(timedelta(minutes=5))
        look(qtbot, watcher)
        assert banner.text_label.text() == "Due: plan the week"
        [hour] = [a for a in banner.snooze_menu.actions() if a.objectName() == "snooze1h"]
        hour.trigger()
        qtbot.waitUntil(lambda: banner.isHidden(), timeout=10_000)
        assert watcher.showing == []
    finally:
        watcher.stop()


def test_a_clock_set_back_repeats_nothing(
        qtbot: Any, ops: Operations, sales2: CrmSession, clock: FixedClock) -> None:
    remind(sales2, "stand-up", MORNING + timedelta(minutes=30))
    notifier = RecordingNotifier()
    watcher = started(qtbot, sales2, ops, clock, notifier)
    try:
        clock.advance(timedelta(minutes=30))
        look(qtbot, watcher)
        assert [t for t, _ in notifier.messages] == ["Reminder due"]
        watcher.dismiss(watcher.showing)
        clock.advance(timedelta(hours=-1))  # someone sets the clock back an hour
        look(qtbot, watcher)
        clock.advance(timedelta(hours=1, minutes=5))  # and time runs past the alarm again
        look(qtbot, watcher)
        assert len(notifier.messages) == 1 and watcher.showing == []
    finally:
        watcher.stop()


def test_while_the_banner_shows_entries_a_look_asks_for_everything_overdue(
        qtbot: Any, ops: Operations, sales2: CrmSession, clock: FixedClock) -> None:
    start = MORNING.astimezone(UTC)
    call = remind(sales2, "call", MORNING + timedelta(seconds=30))
    asked: list[datetime | None] = []

    def due(until: datetime, since: datetime | None) -> list[Entry]:
        asked.append(since)
        return sales2.reminders.due(until, since=since, zone=SHANGHAI)

    watcher = DueWatcher(sales2, ops, clock=clock, zone=SHANGHAI, due=due)
    watcher.start()
    qtbot.waitUntil(lambda: not watcher.asking, timeout=10_000)
    clock.advance(timedelta(minutes=1))
    look(qtbot, watcher)  # the call falls due and is shown
    assert [e.reminder_id for e in watcher.showing] == [call]
    look(qtbot, watcher)  # still shown: is it still due? (everything overdue, not years of days)
    watcher.dismiss(watcher.showing)
    look(qtbot, watcher)  # nothing shown: from the last look on
    watcher.stop()
    assert asked == [None, start, None, start + timedelta(minutes=1)]
