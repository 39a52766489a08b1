"""Telling the signed-in user when a reminder falls due, while the app runs.

`DueWatcher` asks the reminder service which of the user's undone entries have their alarm in
(last look, now], off the GUI thread. It looks one minute ahead as well, so the next look is
aimed at the next alarm (never more than a minute away, so a new or moved reminder is seen
soon). Every look reads the wall clock afresh: after a sleep the timer fires late, the wall
clock has jumped, and the look covers the whole gap — nothing is missed. An alarm is announced
only when it lies past the latest moment already looked at (a high-water mark that never goes
back, even when the clock is set back), and what has been announced is remembered by
(reminder, occurrence, alarm moment): nothing is announced twice. A snoozed entry has a new
alarm moment and is announced again when that comes. An all-day entry's alarm is 09:00 of its
day on this computer's clock (`Entry.alarm`).

The first look (at sign-in) covers everything overdue and announces it once as a count, not
one message per reminder. Each look also says which announced entries are still due (not
done, snoozed, deleted or dismissed meanwhile): `due_did_change` carries that list for the
banner. While the banner shows anything, a look asks for everything overdue (its cost is the
user's overdue count, not the age of the oldest one shown). The service call is a seam
(`due`), as is the tray (`TrayNotifier`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from desktop_crm.domain.clock import Clock
from desktop_crm.domain.errors import PermissionDenied, VaultLocked
from desktop_crm.domain.local_zone import local_zone
from desktop_crm.services.reminder_views import Entry
from desktop_crm.services.session import CrmSession
from desktop_crm.ui.calendar.reminder_text import caption, when_text
from desktop_crm.ui.ops import Lane, OpChanges, Operations
from desktop_crm.ui.tray import TrayNotifier

log = logging.getLogger(__name__)

LOOK_AHEAD = timedelta(minutes=1)  # also the longest wait between two looks
SOONEST_MS = 200  # an alarm a few milliseconds away is looked at after this
FORGET_AFTER = timedelta(days=1)  # announced keys this far behind the high-water mark go
TITLES_IN_MESSAGE = 3  # a tray message about several names the first few

DueSource = Callable[[datetime, datetime | None], list[Entry]]  # (until, since) -> entries
Key = tuple[str, str | None, datetime]


def entry_key(entry: Entry, zone: tzinfo) -> Key:
    return entry.reminder_id, entry.occurrence, entry.alarm(zone)


class DueWatcher(QObject):
    due_did_change = Signal(object)  # list[Entry]: announced, still due, not dismissed
    entries_did_fall_due = Signal(object)  # list[Entry] announced by the last look

    def __init__(self, session: CrmSession, ops: Operations, *,
                 notifier: TrayNotifier | None = None, clock: Clock | None = None,
                 zone: tzinfo | None = None, due: DueSource | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._notifier = notifier
        self._clock = clock or session.clock
        self._zone = zone or local_zone()
        reminders, watched_zone = session.reminders, self._zone
        self._due: DueSource = due or (
            lambda until, since: reminders.due(until, since=since, zone=watched_zone))
        self._announced: dict[Key, datetime] = {}  # key -> its alarm moment
        self._showing: dict[Key, Entry] = {}  # what the banner shows, in alarm order
        self._looked_to: datetime | None = None  # the high-water mark; None before a look
        self._running = False
        self._asking = False
        self._ask_again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # aimed at an alarm, not ±5 %
        self._timer.timeout.connect(self.check)
        ops.changes_did_happen.connect(self._on_changes)

    # --- running ------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._running

    @property
    def asking(self) -> bool:
        """A look is on its way to the service."""
        return self._asking

    @property
    def showing(self) -> list[Entry]:
        return list(self._showing.values())

    @property
    def next_look_in_ms(self) -> int | None:
        """The wait planned before the next look (None while stopped or asking)."""
        return self._timer.interval() if self._timer.isActive() else None

    def start(self) -> None:
        self._running = True
        self.check()

    def stop(self) -> None:
        """Stop looking (the session locks, or the user may not read reminders)."""
        self._running = False
        self._ask_again = False
        self._timer.stop()

    def dismiss(self, entries: list[Entry]) -> None:
        """Take entries off the banner; they stay announced and are not announced again."""
        for entry in entries:
            self._showing.pop(entry_key(entry, self._zone), None)
        self.due_did_change.emit(self.showing)

    # --- looking ------------------------------------------------------------------------------

    def check(self) -> None:
        """Look now, from the wall clock (the timer calls it; so may a test, or a wake-up)."""
        if not self._running:
            return
        if self._asking:
            self._ask_again = True
            return
        self._timer.stop()
        self._asking = True
        now = self._clock.now()
        since = self._since(now)
        due = self._due
        self._ops.run(lambda: due(now + LOOK_AHEAD, since), lane=Lane.READ, context=self,
                      on_success=lambda entries: self._answered(now, entries),
                      on_failure=self._failed)

    def _since(self, now: datetime) -> datetime | None:
        """The start of the window (exclusive): the last look; or nothing, for everything
        overdue — at the first look, and while the banner shows entries that may since have
        been done or snoozed elsewhere."""
        if self._looked_to is None or self._showing:
            return None
        return min(self._looked_to, now)  # a clock set back asks from now

    def _answered(self, now: datetime, entries: list[Entry]) -> None:
        self._asking = False
        if not self._running:
            return
        first, looked_to = self._looked_to is None, self._looked_to
        keyed = [(entry_key(e, self._zone), e) for e in entries]
        due_now = [(key, e) for key, e in keyed if key[2] <= now]
        fresh = [(key, e) for key, e in due_now if key not in self._announced
                 and (looked_to is None or key[2] > looked_to)]
        for key, _entry in fresh:
            self._announced[key] = key[2]
        still = {key: e for key, e in due_now if key in self._showing}
        changed = set(still) != set(self._showing) or bool(fresh)
        self._showing = dict(sorted({**still, **dict(fresh)}.items(),
                                    key=lambda item: (item[0][2], item[1].title)))
        self._looked_to = now if looked_to is None else max(looked_to, now)
        self._forget_old()
        if fresh:
            fresh_entries = [e for _key, e in fresh]
            self._announce(fresh_entries, now, overdue=first)
            self.entries_did_fall_due.emit(fresh_entries)
        if changed or first:
            self.due_did_change.emit(self.showing)
        upcoming = [key[2] for key, _entry in keyed if key[2] > now]
        self._aim(now, min(upcoming) if upcoming else None)

    def _failed(self, error: Exception) -> None:
        self._asking = False
        if isinstance(error, PermissionDenied | VaultLocked):
            self.stop()  # nothing to watch for this user, or any more
            return
        log.warning("could not read the due reminders: %s", error)
        if self._running:
            self._aim(self._clock.now(), None)

    def _aim(self, now: datetime, next_alarm: datetime | None) -> None:
        """The next look: at the next alarm, or a minute from now, whichever comes first."""
        if not self._running:
            return
        if self._ask_again:
            self._ask_again = False
            self.check()
            return
        wait = LOOK_AHEAD if next_alarm is None else min(LOOK_AHEAD, next_alarm - now)
        self._timer.start(max(SOONEST_MS, round(wait.total_seconds() * 1000)))

    def _forget_old(self) -> None:
        """Drop announced keys far behind the high-water mark: none of them can be announced
        again anyway (the set stands guard at the mark, where a moment could be seen twice)."""
        assert self._looked_to is not None
        limit = self._looked_to - FORGET_AFTER
        self._announced = {k: at for k, at in self._announced.items() if at > limit}

    def _on_changes(self, changes: OpChanges) -> None:
        if self._running and changes.touches("reminder"):
            self.check()  # a new, moved, done or snoozed reminder: look again now

    # --- telling ------------------------------------------------------------------------------

    def _announce(self, fresh: list[Entry], now: datetime, *, overdue: bool) -> None:
        if self._notifier is None:
            return
        today = now.astimezone(self._zone).date()
        if overdue:  # at sign-in: one message with the count, the banner lists them
            self._notifier.notify(self.tr("Overdue reminders"), self.tr(
                "You have %n overdue reminder(s).", "", len(fresh)))
            return
        if len(fresh) == 1:
            [entry] = fresh
            self._notifier.notify(self.tr("Reminder due"),
                                  f"{caption(entry)} · {when_text(entry, today, self._zone)}")
            return
        names = [caption(e) for e in fresh[:TITLES_IN_MESSAGE]]
        if len(fresh) > TITLES_IN_MESSAGE:
            names.append(self.tr("and %n more", "", len(fresh) - TITLES_IN_MESSAGE))
        self._notifier.notify(self.tr("%n reminder(s) due", "", len(fresh)), "\n".join(names))
