"""Recurring reminders: an RFC 5545 RRULE, its start and time zone, and the occurrences it makes.

Timed rules repeat in local wall time (09:00 stays 09:00 across DST; the UTC instant moves).
All-day rules repeat as dates and stay on their date for a viewer in any time zone.
A yearly rule started on Feb 29 (a birthday) shows on Feb 28 in other years, unlike RFC 5545.

Only FREQ=DAILY|WEEKLY|MONTHLY|YEARLY with INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH
and BYSETPOS are accepted, in combinations the calendar can show; a rule that could never land
on its days is refused up front, because dateutil would search for it until the year 9999.

Cost does not grow with a rule's age: expansion starts at the rule period just before the
window, not at the rule's start. Limits: a COUNT rule can only skip ahead when the number of
occurrences per period is known (DAILY without BY parts, WEEKLY with plain BYDAY, MONTHLY on a
day up to the 28th, YEARLY on one date); any other COUNT rule expands from its start, which
costs at most its COUNT (itself capped at MAX_COUNT).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import rrule as du

from desktop_crm.domain.errors import ValidationError

MAX_COUNT = 10_000
_FREQS = {"DAILY": du.DAILY, "WEEKLY": du.WEEKLY, "MONTHLY": du.MONTHLY, "YEARLY": du.YEARLY}
_PARTS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS"}
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_BYDAY = re.compile(r"([+-]?)(\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)")
_UNTIL = re.compile(r"(\d{8})(?:T(\d{6})(Z?))?")
# Longest month lengths; February counts as 29 only where a rule is sure to reach a leap year.
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

Key = date | datetime  # an occurrence's original start: a date, or naive local wall time


def _fail(message: str) -> ValidationError:
    return ValidationError("rrule", message)


@dataclass(frozen=True)
class Rule:
    """A parsed RRULE, limited to what the calendar can show."""

    freq: str
    interval: int = 1
    count: int | None = None
    until: date | datetime | None = None  # a date, naive local wall time, or aware UTC
    by_day: tuple[tuple[int, int], ...] = ()  # (nth or 0, weekday 0=Monday)
    by_month_day: tuple[int, ...] = ()
    by_month: tuple[int, ...] = ()
    by_set_pos: tuple[int, ...] = ()


@lru_cache(maxsize=4096)  # a vault holds many copies of a few rule texts
def parse_rrule(text: str) -> Rule:
    """Parse RRULE text ("FREQ=WEEKLY;BYDAY=MO"), refusing what the calendar cannot show."""
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    if not body:
        raise _fail("is empty")
    values: dict[str, str] = {}
    for part in body.split(";"):
        name, sep, value = part.partition("=")
        name = name.strip().upper()
        if not sep or not value.strip():
            raise _fail(f"“{part}” is not NAME=VALUE")
        if name not in _PARTS:
            raise _fail(f"{name} is not supported: the calendar repeats only with "
                        + ", ".join(sorted(_PARTS)))
        if name in values:
            raise _fail(f"{name} appears twice")
        values[name] = value.strip().upper()
    freq = values.get("FREQ")
    if freq is None:
        raise _fail("FREQ is missing")
    if freq not in _FREQS:
        raise _fail(f"FREQ={freq} is not supported: use DAILY, WEEKLY, MONTHLY or YEARLY")
    if "COUNT" in values and "UNTIL" in values:
        raise _fail("COUNT and UNTIL cannot both be given")
    rule = Rule(
        freq=freq,
        interval=_int_in("INTERVAL", values.get("INTERVAL", "1"), 1, 999),
        count=_int_in("COUNT", values["COUNT"], 1, MAX_COUNT) if "COUNT" in values else None,
        until=_until(values["UNTIL"]) if "UNTIL" in values else None,
        by_day=tuple(_by_day(v) for v in _list(values, "BYDAY")),
        by_month_day=_ints(values, "BYMONTHDAY", 1, 31, signed=True),
        by_month=_ints(values, "BYMONTH", 1, 12),
        by_set_pos=_ints(values, "BYSETPOS", 1, 366, signed=True),
    )
    _check_combination(rule)
    return rule


def _list(values: dict[str, str], name: str) -> list[str]:
    return [v.strip() for v in values[name].split(",")] if name in values else []


def _int_in(name: str, text: str, low: int, high: int, *, signed: bool = False) -> int:
    if not re.fullmatch(r"[+-]?\d+" if signed else r"\+?\d+", text):
        raise _fail(f"{name}={text} is not a whole number")
    number = int(text)
    if not low <= abs(number) <= high or (number < 0 and not signed):
        limits = f"±{low}..{high}" if signed else f"{low}..{high}"
        raise _fail(f"{name}={text} is outside {limits}")
    return number


def _ints(values: dict[str, str], name: str, low: int, high: int, *, signed: bool = False,
          ) -> tuple[int, ...]:
    return tuple(sorted({_int_in(name, v, low, high, signed=signed) for v in _list(values, name)}))


def _by_day(text: str) -> tuple[int, int]:
    match = _BYDAY.fullmatch(text)
    if match is None:
        raise _fail(f"BYDAY={text} is not a weekday like MO or 2TU or -1FR")
    sign, nth, day = match.groups()
    if nth is not None and int(nth) == 0:
        raise _fail(f"BYDAY={text}: the week number cannot be 0")
    number = int(sign + nth) if nth is not None else 0
    return number, _WEEKDAYS.index(day)


def _until(text: str) -> date | datetime:
    match = _UNTIL.fullmatch(text)
    if match is None:
        raise _fail(f"UNTIL={text} is not a date (20261231) or a UTC time (20261231T235959Z)")
    day_text, time_text, utc = match.groups()
    try:
        if time_text is None:
            return datetime.strptime(day_text, "%Y%m%d").date()
        moment = datetime.strptime(day_text + time_text, "%Y%m%d%H%M%S")
    except ValueError:
        raise _fail(f"UNTIL={text} is not a real date") from None
    return moment.replace(tzinfo=UTC) if utc else moment


def _check_combination(rule: Rule) -> None:
    """Refuse combinations the calendar cannot show and rules that could never occur."""
    plain_days = {day for nth, day in rule.by_day if nth == 0}
    numbered = [nth for nth, _ in rule.by_day if nth != 0]
    if numbered and rule.freq not in ("MONTHLY", "YEARLY"):
        raise _fail("a numbered BYDAY (like 2MO) needs FREQ=MONTHLY or YEARLY")
    if numbered and plain_days:
        raise _fail("BYDAY mixes numbered and plain weekdays")
    in_month = rule.freq == "MONTHLY" or bool(rule.by_month)
    if any(abs(nth) > (4 if in_month else 52) for nth in numbered):
        raise _fail("BYDAY asks for a weekday that not every month has; use -1 for the last")
    if rule.by_day and rule.by_month_day:
        raise _fail("BYDAY and BYMONTHDAY cannot be combined")
    if rule.by_month_day and rule.freq in ("DAILY", "WEEKLY"):
        raise _fail(f"BYMONTHDAY needs FREQ=MONTHLY or YEARLY, not {rule.freq}")
    if rule.by_set_pos:
        if rule.freq == "DAILY" or not plain_days:
            raise _fail("BYSETPOS needs FREQ=WEEKLY, MONTHLY or YEARLY with plain BYDAY days")
        per_set = len(plain_days) * (1 if rule.freq == "WEEKLY" else 4)
        if any(abs(pos) > per_set for pos in rule.by_set_pos):
            raise _fail(f"BYSETPOS must stay within ±{per_set} for these days")
    if rule.by_month and ((rule.freq == "DAILY" and rule.interval > 28)
                          or (rule.freq == "WEEKLY" and rule.interval > 4)):
        raise _fail("BYMONTH with so long an INTERVAL could skip its months")


@dataclass(frozen=True)
class Occurrence:
    key: Key  # the original start: completing or excepting one occurrence names this
    local_start: datetime  # aware; timed: in the rule's zone; all-day: midnight in the viewer's
    utc_start: datetime
    all_day: bool

    @property
    def day(self) -> date:
        return self.local_start.date()


@dataclass
class ExpansionStats:
    """How many candidates the expansion drew from the rule: the cost, for tests and benches."""

    candidates: int = 0


@dataclass(frozen=True)
class Recurrence:
    """A repeating reminder. `start` is a date when all_day, else local wall time in time_zone
    (an aware datetime is converted to it). `exceptions` are keys of excepted occurrences."""

    rrule: str
    start: date | datetime
    time_zone: str
    all_day: bool = False
    exceptions: frozenset[Key] = field(default_factory=frozenset)
    rule: Rule = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        zone = _zone(self.time_zone)
        start = _as_key(self.start, zone, self.all_day, "start")
        exceptions = frozenset(_as_key(k, zone, self.all_day, "exceptions")
                               for k in self.exceptions)
        rule = parse_rrule(self.rrule)
        if rule.until is not None and _until_local(rule, zone, self.all_day) < _naive(start):
            raise _fail("UNTIL is before the start")
        _check_reachable(rule, start)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "exceptions", exceptions)
        object.__setattr__(self, "rule", rule)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def with_exception(self, key: Key) -> Recurrence:
        """This recurrence with one more occurrence completed or deleted."""
        return Recurrence(self.rrule, self.start, self.time_zone, self.all_day,
                          self.exceptions | {key})


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError("time_zone", f"“{name}” is not an IANA time zone") from None


def _as_key(value: date | datetime, zone: ZoneInfo, all_day: bool, field_name: str) -> Key:
    if all_day:
        if isinstance(value, datetime):
            raise ValidationError(field_name, "an all-day reminder takes a date, not a time")
        return value
    if not isinstance(value, datetime):
        raise ValidationError(field_name, "a timed reminder takes a date and time")
    if value.tzinfo is not None:
        value = value.astimezone(zone).replace(tzinfo=None)
    return value.replace(microsecond=0, fold=0)


def key_text(key: Key) -> str:
    """An occurrence key as stored text: "2026-03-08" or "2026-03-08T09:00:00" (local)."""
    return key.isoformat(timespec="seconds") if isinstance(key, datetime) else key.isoformat()


def parse_key(text: str, *, all_day: bool) -> Key:
    """The key stored by key_text, for an all-day or a timed recurrence."""
    try:
        if all_day:
            return date.fromisoformat(text)
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValidationError("exceptions", f"“{text}” is not an occurrence date") from None
    if moment.tzinfo is not None or len(text) <= 10:
        raise ValidationError("exceptions", f"“{text}” is not a local date and time")
    return moment


def _naive(key: Key) -> datetime:
    return key if isinstance(key, datetime) else datetime.combine(key, time())


def _until_local(rule: Rule, zone: ZoneInfo, all_day: bool) -> datetime:
    """UNTIL as naive local wall time; a date means through the end of that day."""
    until = rule.until
    if isinstance(until, datetime):
        if until.tzinfo is not None and not all_day:
            return until.astimezone(zone).replace(tzinfo=None)
        return until.replace(tzinfo=None)
    assert until is not None
    return datetime.combine(until, time.max.replace(microsecond=0))


def _check_reachable(rule: Rule, start: Key) -> None:
    """Refuse a rule whose steps from this start can never land on its days (it would
    otherwise make the expansion search to the year 9999)."""
    if rule.freq == "DAILY" and rule.by_day:
        reachable = {(start.weekday() + k * rule.interval) % 7 for k in range(7)}
        if not reachable & {day for _, day in rule.by_day}:
            raise _fail("with this INTERVAL the rule never lands on its BYDAY days")
    months = set(rule.by_month) or set(range(1, 13))
    if rule.freq == "MONTHLY":
        months &= {(start.month - 1 + k * rule.interval) % 12 + 1 for k in range(12)}
        if not months:
            raise _fail("with this INTERVAL the rule never lands in its BYMONTH months")
    if rule.by_month_day:
        leap_sure = rule.interval == 1 or (rule.freq == "MONTHLY" and 12 % rule.interval == 0)
        longest = max(29 if m == 2 and leap_sure else _MONTH_DAYS[m - 1] for m in months)
        if all(abs(d) > longest for d in rule.by_month_day) and not _is_leap_day_rule(rule, start):
            raise _fail("BYMONTHDAY names a day its months do not have")


def _is_leap_day_rule(rule: Rule, start: Key) -> bool:
    return (rule.freq == "YEARLY" and (start.month, start.day) == (2, 29)
            and not rule.by_day and rule.by_month in ((), (2,))
            and rule.by_month_day in ((), (29,)))


def occurrences(recurrence: Recurrence, window_start: datetime, window_end: datetime, *,
                stats: ExpansionStats | None = None) -> list[Occurrence]:
    """The occurrences in [window_start, window_end), in order, exceptions left out. The
    window's time zone is the viewer's: an all-day occurrence is in the window when its date
    there overlaps it."""
    _check_aware("window_start", window_start)
    _check_aware("window_end", window_end)
    if window_end <= window_start:
        raise ValidationError("window_end", "must be after the window start")
    found = []
    for occurrence in _iterate(recurrence, window_start, stats):
        if occurrence.utc_start >= window_end:
            break
        if _reaches(occurrence, window_start):
            found.append(occurrence)
    return found


def next_after(recurrence: Recurrence, moment: datetime) -> Occurrence | None:
    """The first occurrence starting after `moment` (an all-day one starts at midnight in
    moment's time zone), or None when the rule has ended."""
    _check_aware("moment", moment)
    for occurrence in _iterate(recurrence, moment, None):
        if occurrence.utc_start > moment:
            return occurrence
    return None


def _check_aware(name: str, value: datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(name, "needs a time zone")


def _reaches(occurrence: Occurrence, window_start: datetime) -> bool:
    if occurrence.all_day:
        day_end = datetime.combine(occurrence.day + timedelta(days=1), time(),
                                   tzinfo=occurrence.local_start.tzinfo)
        return day_end.astimezone(UTC) > window_start
    return occurrence.utc_start >= window_start


def _iterate(recurrence: Recurrence, near: datetime, stats: ExpansionStats | None,
             ) -> Iterator[Occurrence]:
    """Occurrences in order from a little before `near` (two days covers any zone offset)."""
    zone = recurrence.zone
    viewer = near.tzinfo if recurrence.all_day else zone
    assert viewer is not None
    target = near.astimezone(zone).replace(tzinfo=None) - timedelta(days=2)
    for candidate in _candidates(recurrence, target):
        if stats is not None:
            stats.candidates += 1
        key: Key = candidate.date() if recurrence.all_day else candidate
        if key not in recurrence.exceptions:
            yield _occurrence(key, candidate, viewer, recurrence.all_day)


def _occurrence(key: Key, wall: datetime, zone: tzinfo, all_day: bool) -> Occurrence:
    # A wall time skipped by DST (02:30 on the spring-forward day) takes the offset before
    # the gap and so shows as 03:30, as RFC 5545 says; a repeated one takes its first instant.
    utc_start = wall.replace(tzinfo=zone).astimezone(UTC)
    return Occurrence(key=key, local_start=utc_start.astimezone(zone), utc_start=utc_start,
                      all_day=all_day)


def _candidates(recurrence: Recurrence, target: datetime) -> Iterable[datetime]:
    rule, start = recurrence.rule, _naive(recurrence.start)
    until = (None if rule.until is None
             else _until_local(rule, recurrence.zone, recurrence.all_day))
    if _is_leap_day_rule(rule, recurrence.start):
        return _leap_day_candidates(rule, start, target, until)
    dtstart, count = start, rule.count
    rebased = _rebase(rule, start, target)
    if rebased is not None:
        dtstart, count = rebased
        if count is not None and count <= 0:
            return ()
    parts: dict[str, object] = {
        "byweekday": [du.weekday(day, nth or None) for nth, day in rule.by_day] or None,
        "bymonthday": rule.by_month_day or None, "bymonth": rule.by_month or None,
        "bysetpos": rule.by_set_pos or None}
    if rebased is not None:
        parts.update(_implied_parts(rule, start))
    return du.rrule(_FREQS[rule.freq], dtstart=dtstart, interval=rule.interval, count=count,
                    until=until, **parts)


def _leap_day_candidates(rule: Rule, start: datetime, target: datetime,
                         until: datetime | None) -> Iterator[datetime]:
    # A Feb 29 birthday is shown on Feb 28 in other years (RFC 5545 would skip those years,
    # and a birthday reminder that appears once in four years is a missed birthday). Each
    # year counts as one occurrence toward COUNT.
    step = max(0, (target.year - start.year) // rule.interval)
    while rule.count is None or step < rule.count:
        year = start.year + step * rule.interval
        if year > 9999:
            return
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        candidate = start.replace(year=year, day=29 if leap else 28)
        if until is not None and candidate > until:
            return
        yield candidate
        step += 1


def _implied_parts(rule: Rule, start: datetime) -> dict[str, int]:
    """What dateutil would take from the original start; a rebased start must not change it."""
    if rule.by_day or rule.by_month_day:
        return {}
    if rule.freq == "YEARLY":
        return {"bymonthday": start.day} | ({} if rule.by_month else {"bymonth": start.month})
    if rule.freq == "MONTHLY":
        return {"bymonthday": start.day}
    if rule.freq == "WEEKLY":
        return {"byweekday": start.weekday()}
    return {}


def _rebase(rule: Rule, start: datetime, target: datetime,
            ) -> tuple[datetime, int | None] | None:
    """A start whole periods later, at or before `target`, and the COUNT left from there;
    None when there is nothing to skip or a COUNT rule's skipped occurrences are unknown."""
    clock = start.time()
    if rule.freq == "DAILY":
        periods = (target.date() - start.date()).days // rule.interval
        first = datetime.combine(start.date() + timedelta(days=periods * rule.interval), clock)
    elif rule.freq == "WEEKLY":
        week = start.date() - timedelta(days=start.weekday())
        periods = (target.date() - week).days // 7 // rule.interval
        first = datetime.combine(week + timedelta(weeks=periods * rule.interval), clock)
    elif rule.freq == "MONTHLY":
        months = (target.year - start.year) * 12 + target.month - start.month
        periods = months // rule.interval
        year, month0 = divmod(start.month - 1 + periods * rule.interval, 12)
        first = datetime.combine(date(start.year + year, month0 + 1, 1), clock)
    else:
        periods = (target.year - start.year) // rule.interval
        first = datetime.combine(date(start.year + periods * rule.interval, 1, 1), clock)
    if periods < 1:
        return None
    if rule.count is None:
        return first, None
    skipped = _skipped_occurrences(rule, start, periods)
    return None if skipped is None else (first, rule.count - skipped)


def _skipped_occurrences(rule: Rule, start: datetime, periods: int) -> int | None:
    """Occurrences in the first `periods` periods, where each period's number is known."""
    if rule.by_month or rule.by_month_day or rule.by_set_pos:
        return None
    if rule.freq == "WEEKLY":
        if any(nth for nth, _ in rule.by_day):
            return None
        days = {day for _, day in rule.by_day} or {start.weekday()}
        first_week = sum(1 for day in days if day >= start.weekday())
        return first_week + (periods - 1) * len(days)
    if rule.by_day or (rule.freq == "MONTHLY" and start.day > 28):
        return None
    return periods
