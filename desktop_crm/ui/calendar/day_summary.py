"""What a calendar shows for each day, worked out once per load (not on every paint): the
day's entries in order and how many of each kind. Pure Python, tested without Qt."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, tzinfo

from desktop_crm.domain.enums import ReminderKind
from desktop_crm.services.reminder_views import Entry

EntryKey = tuple[str, str | None]  # (reminder id, occurrence key or None for a one-off)
_KIND_ORDER = {kind.value: number for number, kind in enumerate(ReminderKind)}


def entry_key(entry: Entry) -> EntryKey:
    return entry.reminder_id, entry.occurrence


def display_order(entry: Entry) -> tuple[bool, object, str]:
    """All-day entries first, then by start, then by title (the service's order too)."""
    return not entry.all_day, entry.starts_at, entry.title.casefold()


@dataclass(frozen=True)
class DaySummary:
    day: date
    entries: tuple[Entry, ...]  # in display order
    counts: tuple[tuple[str, int], ...]  # (kind, how many), kinds in their fixed order

    @property
    def total(self) -> int:
        return len(self.entries)

    @property
    def open_count(self) -> int:
        return sum(1 for entry in self.entries if entry.done_at is None)


def summarise(entries: Iterable[Entry], zone: tzinfo) -> dict[date, DaySummary]:
    """Each day with anything on it, as a viewer in `zone` sees it."""
    by_day: dict[date, list[Entry]] = {}
    for entry in entries:
        by_day.setdefault(entry.day(zone), []).append(entry)
    summaries = {}
    for day, listed in by_day.items():
        listed.sort(key=display_order)
        counts = Counter(entry.kind for entry in listed)
        ordered = sorted(counts.items(), key=lambda item: (_KIND_ORDER.get(item[0], 99), item[0]))
        summaries[day] = DaySummary(day, tuple(listed), tuple(ordered))
    return summaries


class EntrySet:
    """The entries of one load, found again by key (a drop names the entry it carries)."""

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self._by_key = {entry_key(entry): entry for entry in entries}

    def find(self, key: EntryKey) -> Entry | None:
        return self._by_key.get(key)

    def __len__(self) -> int:
        return len(self._by_key)
