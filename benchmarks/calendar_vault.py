"""The calendar benchmark's vault: one salesperson with 50,000 reminders, built once and cached.

A small demo vault (the demo organisation and a few thousand customers) gets the reminders
of one salesperson bulk-inserted through SQLAlchemy Core: one-offs spread over the three
years before the bench's fixed "today" and the year after it, and about 3,000 repeating
ones (weekly and monthly follow-ups, yearly birthdays and greetings, all-day and timed, many
started years ago, some ended) with a year of completed, skipped and moved occurrences. The
occurrence cache is then filled the way the app fills it (ReminderService.refresh_cache).

The folder is named after the schema's head revision, the reminder count and the data
version, like the demo vault's; a build goes to a temporary folder and is renamed into place
only when complete.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select

from benchmarks.demo_vault import cache_root
from benchmarks.settings import BENCH_PASSWORD, SEED, TODAY
from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.recurrence import Recurrence, key_text, occurrences
from desktop_crm.services.demo import build_demo_vault
from desktop_crm.services.reminder_fields import validate_reminder
from desktop_crm.services.session import CrmSession, sign_in
from desktop_crm.storage.models import Customer, Reminder, ReminderOverride, User
from desktop_crm.storage.schema import head_revision
from desktop_crm.storage.types import as_stored

REMINDERS_SWITCH = "BENCH_REMINDERS"
DEFAULT_REMINDERS = 50_000
DATA_VERSION = 3  # raise when the generator changes: a new folder is built
CUSTOMERS = 2_000  # the demo organisation's customers; the salesperson owns about 260
SALESPERSON = "sales_east1"
ZONE_NAME = "Asia/Shanghai"
ZONE = ZoneInfo(ZONE_NAME)
# "now" for every bench session: 10:00 on the bench's fixed today, so builds and runs agree
NOW = datetime.combine(TODAY, clock_time(10, 0), tzinfo=ZONE).astimezone(UTC)
YEARS_BACK = 3
# repeating reminders per 50,000: weekly and monthly follow-ups, yearly birthdays/greetings
WEEKLY, MONTHLY, YEARLY = 600, 900, 1500
HISTORY = timedelta(days=365)  # how far back occurrences were ticked off, skipped or moved
_INSERT_CHUNK = 5_000
_CACHE_STEP = 2000  # series per refresh step, as the calendar's upkeep refreshes them

_TITLES = {
    "follow_up": "电话跟进", "visit": "上门拜访", "contract_expiry": "合同到期续签",
    "receivable": "催收回款", "birthday": "生日问候", "holiday_greeting": "节日问候",
    "complaint": "投诉回访", "custom": "准备报价单",
}
_ONE_OFF_KINDS = (("follow_up", 50), ("visit", 14), ("contract_expiry", 8),
                  ("receivable", 10), ("holiday_greeting", 2), ("complaint", 6),
                  ("custom", 10))
_ALL_DAY_KINDS = {"contract_expiry", "birthday", "holiday_greeting"}
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_HOLIDAYS = ((10, 1, "国庆节问候"), (1, 1, "元旦问候"), (5, 1, "劳动节问候"), (12, 25, "圣诞问候"))


def reminder_count() -> int:
    raw = os.environ.get(REMINDERS_SWITCH, "").replace("_", "").strip()
    count = int(raw) if raw else DEFAULT_REMINDERS
    if count < 1_000:
        raise ValueError(f"{REMINDERS_SWITCH} must be at least 1,000 reminders")
    return count


def vault_dir_for(reminders: int) -> Path:
    return cache_root() / f"calendar-{head_revision()}-{reminders}-v{DATA_VERSION}"


def clock() -> FixedClock:
    return FixedClock(NOW)


def ensure_calendar_vault(reminders: int, *, log: bool = True) -> Path:
    """The cached calendar vault, built now if missing or made for another schema."""
    target = vault_dir_for(reminders)
    if target.exists():
        return target
    root = cache_root()
    for old in root.glob(f"calendar-*-{reminders}-v*") if root.is_dir() else ():
        if old != target and old.is_dir():
            _say(log, f"removing {old.name}: built for another schema or data version")
            shutil.rmtree(old)
    building = target.with_name(target.name + ".building")
    if building.exists():
        shutil.rmtree(building)  # left by an interrupted build
    started = time.perf_counter()
    _say(log, f"building the calendar vault with {reminders:,} reminders in {target} ...")
    build_demo_vault(building, customers=CUSTOMERS, seed=SEED, today=TODAY,
                     password=BENCH_PASSWORD, clock=clock())
    admin = sign_in(building, "admin", BENCH_PASSWORD, clock=clock())
    try:
        written = _add_reminders(admin, reminders)
        _say(log, f"  {written:,} reminders and their occurrence changes written, "
                  f"{time.perf_counter() - started:.0f} s")
    finally:
        admin.lock()
    sales = sign_in(building, SALESPERSON, BENCH_PASSWORD, clock=clock())
    try:
        fill_cache(sales)
        sales.users.ctx.db.compact()
    finally:
        sales.lock()
    building.rename(target)
    _say(log, f"built in {time.perf_counter() - started:.0f} s")
    return target


def fill_cache(session: CrmSession) -> int:
    """Refresh the occurrence cache until nothing is stale; returns the series refreshed."""
    total = 0
    while refreshed := session.reminders.refresh_cache(limit=_CACHE_STEP):
        total += refreshed
    return total


# --- the reminders --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Owner:
    user_id: str
    customers: list[tuple[str, str]]  # (id, name) of the customers they own


def _add_reminders(admin: CrmSession, wanted: int) -> int:
    """Top the salesperson's reminders (the demo made a few) up to `wanted`."""
    ctx = admin.users.ctx
    with ctx.writing() as w:
        user_id = w.session.execute(
            select(User.id).where(User.username == SALESPERSON)).scalar_one()
        customers = list(w.session.execute(
            select(Customer.id, Customer.name).where(Customer.owner_id == user_id,
                                                     Customer.deleted_at.is_(None))
            .order_by(Customer.id)).tuples())
        existing = w.session.execute(
            select(func.count()).select_from(Reminder)
            .where(Reminder.owner_id == user_id)).scalar_one()
        generator = _Generator(random.Random(f"{SEED}:calendar"), _Owner(user_id, customers),
                               by=w.actor.user_id)
        scale = wanted / DEFAULT_REMINDERS
        series = generator.series(round(WEEKLY * scale), round(MONTHLY * scale),
                                  round(YEARLY * scale))
        one_offs = generator.one_offs(max(0, wanted - existing - len(series)))
        # in the order they were made, as a user's reminders pile up: a month's one-offs were
        # mostly written within weeks of each other
        rows = sorted(series + one_offs, key=lambda row: row["created_at"])
        for start in range(0, len(rows), _INSERT_CHUNK):
            w.session.execute(insert(Reminder), rows[start:start + _INSERT_CHUNK])
        changes = list(generator.changes(series))
        for start in range(0, len(changes), _INSERT_CHUNK):
            w.session.execute(insert(ReminderOverride), changes[start:start + _INSERT_CHUNK])
        return len(rows)


class _Generator:
    def __init__(self, rng: random.Random, owner: _Owner, *, by: str) -> None:
        self.rng = rng
        self.owner = owner
        self.by = by
        self.first_day = TODAY - timedelta(days=365 * YEARS_BACK)
        self.days = 365 * (YEARS_BACK + 1)

    def one_offs(self, count: int) -> list[dict[str, Any]]:
        kinds = [k for k, _ in _ONE_OFF_KINDS]
        weights = [w for _, w in _ONE_OFF_KINDS]
        return [self._one_off(self.rng.choices(kinds, weights)[0]) for _ in range(count)]

    def _one_off(self, kind: str) -> dict[str, Any]:
        rng = self.rng
        day = self.first_day + timedelta(days=rng.randrange(self.days))
        all_day = kind in _ALL_DAY_KINDS or rng.random() < 0.15
        start: date | datetime = day if all_day else self._local(day)
        data: dict[str, Any] = {"kind": kind, "all_day": all_day, "due_at": start,
                                "time_zone": ZONE_NAME}
        if kind == "visit" and not all_day:
            assert isinstance(start, datetime)
            data["ends_at"] = start + timedelta(hours=rng.choice((1, 1, 2)))
        row = self._row(data)
        due = row["due_at"]
        if due < NOW and rng.random() < 0.95:  # most past ones were done
            row["done_at"] = min(due + timedelta(hours=rng.randrange(1, 72)),
                                 NOW - timedelta(minutes=5))
        elif row["done_at"] is None and due < NOW + timedelta(days=7) and rng.random() < 0.02:
            row["snoozed_until"] = as_stored(NOW + timedelta(hours=rng.randrange(1, 48)))
        if rng.random() < 0.01:
            row["deleted_at"] = row["updated_at"]
        return row

    def series(self, weekly: int, monthly: int, yearly: int) -> list[dict[str, Any]]:
        return ([self._weekly() for _ in range(weekly)]
                + [self._monthly() for _ in range(monthly)]
                + [self._yearly() for _ in range(yearly)])

    def _weekly(self) -> dict[str, Any]:
        rng = self.rng
        first = TODAY - timedelta(days=rng.randrange(-30, 6 * 365))
        all_day = rng.random() < 0.15
        rule = f"FREQ=WEEKLY;BYDAY={_WEEKDAYS[first.weekday()]}"
        if rng.random() < 0.2:
            rule += ";INTERVAL=2"
        if first < TODAY - timedelta(days=60) and rng.random() < 0.35:  # ended
            rule += self._end(first)
        return self._row({"kind": "follow_up", "all_day": all_day, "rrule": rule,
                          "due_at": first if all_day else self._local(first),
                          "time_zone": ZONE_NAME})

    def _monthly(self) -> dict[str, Any]:
        rng = self.rng
        first = TODAY - timedelta(days=rng.randrange(-30, 8 * 365))
        all_day = rng.random() < 0.5
        first = first.replace(day=min(first.day, 28))
        pick = rng.random()
        if pick < 0.6:
            rule = f"FREQ=MONTHLY;BYMONTHDAY={first.day}"
        elif pick < 0.9:  # the second Tuesday-like weekday of its month
            nth = min((first.day - 1) // 7 + 1, 4)
            rule = f"FREQ=MONTHLY;BYDAY={nth}{_WEEKDAYS[first.weekday()]}"
        else:
            rule = "FREQ=MONTHLY;BYDAY=-1FR"
            first = _last_friday(first)
        if first < TODAY - timedelta(days=120) and rng.random() < 0.3:
            rule += self._end(first)
        kind = rng.choice(("follow_up", "follow_up", "visit", "receivable"))
        return self._row({"kind": kind, "all_day": all_day, "rrule": rule,
                          "due_at": first if all_day else self._local(first),
                          "time_zone": ZONE_NAME})

    def _yearly(self) -> dict[str, Any]:
        rng = self.rng
        if rng.random() < 0.1:
            month, day, title = rng.choice(_HOLIDAYS)
            first = date(rng.randrange(2015, 2026), month, day)
            return self._row({"kind": "holiday_greeting", "all_day": True, "rrule": "FREQ=YEARLY",
                              "due_at": first, "time_zone": ZONE_NAME}, title=title)
        born = date(rng.randrange(1960, 2001), 1, 1) + timedelta(days=rng.randrange(365))
        if rng.random() < 0.01:
            born = date(1988, 2, 29)  # shows on Feb 28 in other years
        # half count from the birth date itself, half from when the customer was taken on
        first = born if rng.random() < 0.5 else _same_day_in(born, rng.randrange(2015, 2026))
        return self._row({"kind": "birthday", "all_day": True, "rrule": "FREQ=YEARLY",
                          "due_at": first, "time_zone": ZONE_NAME})

    def _end(self, first: date) -> str:
        last = first + timedelta(days=self.rng.randrange(30, max(31, (TODAY - first).days)))
        return f";UNTIL={last:%Y%m%d}"

    def _local(self, day: date) -> datetime:
        minutes = self.rng.randrange(8 * 4, 19 * 4) * 15
        return datetime.combine(day, clock_time(minutes // 60, minutes % 60), tzinfo=ZONE)

    def _row(self, data: dict[str, Any], *, title: str | None = None) -> dict[str, Any]:
        customer_id, name = None, ""
        if self.owner.customers and self.rng.random() < 0.85:
            customer_id, name = self.rng.choice(self.owner.customers)
        base = title or _TITLES[data["kind"]]
        data["title"] = f"{base}：{name}" if name else base
        values = validate_reminder(data)  # the service's own checks and stored form
        # made up to six weeks ahead of its (first) start, not after now, and a birthday
        # counted from the birth date when the customer was taken on
        ahead = timedelta(minutes=self.rng.randrange(10, 6 * 7 * 24 * 60))
        made = as_stored(min(max(values["due_at"] - ahead, NOW - timedelta(days=8 * 365)),
                             NOW - timedelta(minutes=1)))
        return {**values, "id": new_id(), "owner_id": self.owner.user_id,
                "customer_id": customer_id, "done_at": None, "snoozed_until": None,
                "source": "", "created_at": made, "updated_at": made, "version": 1,
                "updated_by": self.by, "deleted_at": None}

    def changes(self, series: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        """A year of occurrence changes: most past occurrences done, a few skipped or moved,
        and now and then a coming one skipped."""
        rng = self.rng
        for row in series:
            start = row["due_at"].date() if row["all_day"] else row["due_at"]
            rule = Recurrence(row["rrule"], start, row["time_zone"], row["all_day"])
            for occ in occurrences(rule, NOW - HISTORY, NOW + HISTORY):
                past = occ.utc_start < NOW
                roll = rng.random()
                change: dict[str, Any] = {"done_at": None, "moved_to": None, "skipped": False}
                if past and roll < 0.8:
                    change["done_at"] = as_stored(min(occ.utc_start + timedelta(hours=2),
                                                      NOW - timedelta(minutes=5)))
                elif roll < (0.84 if past else 0.01):
                    change["skipped"] = True
                elif past and roll < 0.86:
                    moved = occ.utc_start + timedelta(days=1)
                    change["moved_to"] = as_stored(moved)
                    if moved + timedelta(hours=1) < NOW:
                        change["done_at"] = as_stored(moved + timedelta(hours=1))
                else:
                    continue
                yield {**change, "id": new_id(), "reminder_id": row["id"],
                       "occurrence": key_text(occ.key), "snoozed_until": None,
                       "created_at": row["created_at"], "updated_at": row["created_at"],
                       "version": 1, "updated_by": self.by, "deleted_at": None}


def _last_friday(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    last = following - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - 4) % 7)


def _same_day_in(born: date, year: int) -> date:
    return born.replace(year=year) if (born.month, born.day) != (2, 29) else born


def _say(log: bool, message: str) -> None:
    if log:
        print(message, file=sys.stderr, flush=True)
