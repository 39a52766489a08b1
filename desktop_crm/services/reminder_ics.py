"""Reminders to and from .ics files (RFC 5545), for Outlook, Google Calendar and the like.

Export: the signed-in user's own reminders (never a team's), one-off and repeating, the rule
with it; a skipped occurrence as an EXDATE, a moved one as a RECURRENCE-ID event of its own.
Done reminders and occurrences stay out unless asked for (then marked done). Audited as
reminder.export; refused while the user's departure freezes exports.

Import: every event a reminder can hold becomes one, all in one unit of work through
add_reminder, owned by the importing user; each other event is skipped with a reason
(io.ics.reasons: a code and English text). A file that cannot be read raises ValidationError
and writes nothing. Each reminder keeps "ics:<UID>" as its source, so the same file imported
again skips what it brought before ("already imported"), deleted ones included.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from desktop_crm.domain.enums import DepartureState
from desktop_crm.domain.errors import PermissionDenied, ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.local_zone import local_zone, local_zone_name
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.io.ics import (
    CalendarItem,
    ImportResult,
    Reason,
    SkippedEntry,
    export_ics,
    import_ics,
)
from desktop_crm.io.ics import reasons as why
from desktop_crm.io.ics.incoming import excepted_keys, reminder_data, source_of, written_by_us
from desktop_crm.io.ics.reminder_items import (
    PRODUCT_ID,
    UID_SUFFIX,
    OccurrenceChange,
    ReminderFields,
    reminder_items,
)
from desktop_crm.services import audit
from desktop_crm.services import reminder_series as series
from desktop_crm.services.audit_log import ExportFailed
from desktop_crm.services.context import ServiceContext, Work
from desktop_crm.services.customer_sight import sight_of
from desktop_crm.services.customer_views import field_view, shown
from desktop_crm.services.reminder_fields import NOTES_MAX, TITLE_MAX, validate_reminder
from desktop_crm.services.reminders import add_reminder
from desktop_crm.storage.models import Customer, Departure, Reminder, ReminderOverride

__all__ = ["PRODUCT_ID", "IcsExport", "IcsImportReport", "IcsPreview", "PreviewRow",
           "ReminderIcs"]

R = Resource.REMINDER
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ENTRIES = 10_000
_OUR_UID = re.compile(r"^([0-9a-f-]{36})" + re.escape(UID_SUFFIX) + r"(?:/.*)?$")
_FROZEN = (DepartureState.FROZEN, DepartureState.COMMITTED)


@dataclass(frozen=True)
class IcsExport:
    """What an export wrote: how many reminders, as how many calendar events, and where."""

    reminders: int
    events: int
    path: str | None = None


@dataclass(frozen=True)
class PreviewRow:
    """One entry of the file as the import would treat it."""

    where: str  # its UID, or "#n" in file order when it has none
    title: str
    start: date | datetime | None  # as the file gives it (None when it has none)
    all_day: bool
    rrule: str
    will_import: bool
    reason: Reason | None  # why not; or, for an imported one, a remark (shortened)


@dataclass(frozen=True)
class IcsPreview:
    rows: tuple[PreviewRow, ...]

    @property
    def events(self) -> int:
        return len(self.rows)

    @property
    def importable(self) -> int:
        return sum(1 for row in self.rows if row.will_import)


@dataclass(frozen=True)
class IcsImportReport:
    events: int
    imported: int
    skipped: tuple[SkippedEntry, ...]  # (where, reason, title, start)
    dry_run: bool = False


@dataclass(frozen=True)
class _Plan:
    """One item of the file and what becomes of it."""

    item: CalendarItem
    values: dict[str, Any] | None  # checked reminder fields, or None when skipped
    source: str = ""
    exceptions: tuple[str, ...] = ()  # occurrence keys the series skips
    reason: Reason | None = None

    @property
    def accepted(self) -> bool:
        return self.values is not None


class ReminderIcs:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- export -------------------------------------------------------------------------------

    def export(self, *, include_done: bool = False) -> bytes:
        """The user's own reminders as one .ics file (audited)."""
        with self.ctx.writing() as w:
            data, _ = self._export(w, include_done)
        return data

    def export_to(self, path: Path | str, *, include_done: bool = False) -> IcsExport:
        """Write the export to `path` whole or not at all: a temporary file beside it,
        flushed to disk, then renamed over it; a failure raises ExportFailed."""
        target = Path(path)
        if target.is_dir():
            raise ExportFailed(str(target), "it is a folder")
        try:
            handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                                 dir=target.parent)
        except OSError as error:
            raise ExportFailed(str(target), error.strerror or type(error).__name__) from None
        temp = Path(temp_name)
        try:
            # the audit event commits only once the file is whole on disk
            with os.fdopen(handle, "wb") as out, self.ctx.writing() as w:
                data, summary = self._export(w, include_done)
                try:
                    out.write(data)
                    out.flush()
                    os.fsync(out.fileno())
                except OSError as error:
                    raise ExportFailed(str(target), error.strerror or type(error).__name__) \
                        from None
            try:
                os.replace(temp, target)
            except OSError as error:
                raise ExportFailed(str(target), error.strerror or type(error).__name__) from None
            return replace(summary, path=str(target))
        finally:
            temp.unlink(missing_ok=True)

    def _export(self, w: Work, include_done: bool) -> tuple[bytes, IcsExport]:
        w.actor.require(R, Action.READ)
        if _departure_frozen(w):
            raise PermissionDenied(f"{R}.{Action.EXPORT}")
        own = _own_reminder_fields(w, include_done)
        items = [item for r in own for item in reminder_items(r, include_done=include_done)]
        data = export_ics(items, calendar_name=f"Desktop CRM: {w.actor.display_name}",
                          product_id=PRODUCT_ID, clock=self.ctx.clock)
        audit.record(w.session, at=w.now, actor_id=w.actor.user_id, action="reminder.export",
                     entity=R, detail={"reminders": len(own), "events": len(items),
                                       "include_done": include_done})
        return data, IcsExport(len(own), len(items))

    # --- import -------------------------------------------------------------------------------

    def preview(self, data: bytes, *, zone: tzinfo | None = None,
                untitled: str = "(no title)") -> IcsPreview:
        """Every entry of the file, and whether the import would take it or why not."""
        result = _read(data, zone)
        with self.ctx.reading() as w:
            w.actor.require(R, Action.CREATE)
            plans = _plans(w, result, zone, untitled)
        rows = [PreviewRow(p.item.uid, p.item.title, p.item.start, p.item.all_day,
                           p.item.rrule, p.accepted, p.reason) for p in plans]
        rows += [PreviewRow(s.where, s.title, s.start, not isinstance(s.start, datetime),
                            "", False, s.reason) for s in result.skipped]
        return IcsPreview(tuple(rows))

    def import_(self, data: bytes, *, dry_run: bool = False, zone: tzinfo | None = None,
                untitled: str = "(no title)") -> IcsImportReport:
        """Import the file's events as the user's reminders, in one unit of work.

        `zone` places times that carry none (default the computer's zone); `untitled` is the
        title of an event that has none. A dry run reports the same and writes nothing.
        """
        result = _read(data, zone)
        if dry_run:
            with self.ctx.reading() as w:
                w.actor.require(R, Action.CREATE)
                return _report(_plans(w, result, zone, untitled), result, dry_run=True)
        with self.ctx.writing() as w:
            w.actor.require(R, Action.CREATE)
            plans = _plans(w, result, zone, untitled)
            for plan in plans:
                if plan.values is not None:
                    _write(w, plan)
            report = _report(plans, result, dry_run=False)
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id, action="reminder.import",
                         entity=R, detail={"events": report.events, "imported": report.imported,
                                           "skipped": len(report.skipped)})
            return report


def _departure_frozen(w: Work) -> bool:
    """A departure under way freezes what could carry customers out, exports included."""
    d = Departure.__table__.c
    return w.session.execute(
        select(d.id).where(d.user_id == w.actor.user_id, d.state.in_(_FROZEN),
                           d.deleted_at.is_(None)).limit(1)).first() is not None


_EXPORTED = (Reminder.id, Reminder.kind, Reminder.title, Reminder.due_at, Reminder.all_day,
             Reminder.ends_at, Reminder.notes, Reminder.rrule, Reminder.time_zone,
             Reminder.done_at, Reminder.customer_id)


def _own_reminder_fields(w: Work, include_done: bool) -> list[ReminderFields]:
    """The user's own live reminders with their occurrence changes, by due time."""
    query = select(*_EXPORTED).where(Reminder.owner_id == w.actor.user_id,
                                     Reminder.deleted_at.is_(None))
    if not include_done:
        query = query.where(Reminder.done_at.is_(None))
    rows = w.session.execute(query.order_by(Reminder.due_at, Reminder.id)).all()
    changes = series.changes_of(w.session, [row.id for row in rows if row.rrule])
    names = _customer_names(w, {row.customer_id for row in rows if row.customer_id})
    return [ReminderFields(
        id=row.id, kind=row.kind, title=row.title, due_at=row.due_at, all_day=row.all_day,
        ends_at=row.ends_at, notes=row.notes, rrule=row.rrule, time_zone=row.time_zone,
        done=row.done_at is not None, customer_name=names.get(row.customer_id or "", ""),
        changes=tuple(OccurrenceChange(c.occurrence, c.skipped, c.moved_to,
                                       c.done_at is not None)
                      for c in changes.get(row.id, []) if c.deleted_at is None),
    ) for row in rows]


def _customer_names(w: Work, ids: set[str]) -> dict[str, str]:
    """The names of the customers this user still sees, as their records show them."""
    if not ids:
        return {}
    sight = sight_of(w)
    names = {}
    wanted = sorted(ids)
    for start in range(0, len(wanted), 500):
        for cid, name, owner in w.session.execute(
                select(Customer.id, Customer.name, Customer.owner_id)
                .where(Customer.id.in_(wanted[start:start + 500]),
                       Customer.deleted_at.is_(None))).tuples():
            if sight.sees({"id": cid, "owner_id": owner}):
                view = field_view(w.actor, in_list=False, shared_only=sight.shared_only(owner))
                names[cid] = shown(view, "name", name) or ""
    return names


def _read(data: bytes, zone: tzinfo | None) -> ImportResult:
    if not isinstance(data, bytes | bytearray):
        raise ValidationError("file", "must be the file's bytes")
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError("file", f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; "
                                      "split it into smaller calendars")
    result = import_ics(bytes(data), floating_zone=zone or local_zone())
    entries = len(result.items) + len(result.skipped)
    if entries > MAX_ENTRIES:
        raise ValidationError("file", f"holds {entries} entries; import at most {MAX_ENTRIES} "
                                      "at a time")
    return result


def _report(plans: Sequence[_Plan], result: ImportResult, *, dry_run: bool) -> IcsImportReport:
    skipped = [SkippedEntry(p.item.uid, p.reason or Reason(why.INVALID), p.item.title,
                            p.item.start) for p in plans if not p.accepted]
    imported = sum(1 for p in plans if p.accepted)
    return IcsImportReport(events=len(plans) + len(result.skipped), imported=imported,
                           skipped=tuple(skipped) + result.skipped, dry_run=dry_run)


# --- deciding what each item becomes -------------------------------------------------------------


def _plans(w: Work, result: ImportResult, zone: tzinfo | None, untitled: str) -> list[_Plan]:
    ours = written_by_us(result.producers)
    zone_name = zone.key if isinstance(zone, ZoneInfo) else local_zone_name()
    plans = [_plan(item, ours=ours, zone_name=zone_name, untitled=untitled)
             for item in result.items]
    known = _known_sources(w, {p.source for p in plans if p.accepted})
    mine = _own_reminders(w, {m.group(1) for p in plans if p.accepted
                              if (m := _OUR_UID.match(p.item.uid))})
    checked = []
    for plan in plans:
        match = _OUR_UID.match(plan.item.uid)
        if plan.accepted and match and match.group(1) in mine:
            plan = replace(plan, values=None, reason=Reason(why.ALREADY_PRESENT))
        elif plan.accepted and plan.source in known:
            plan = replace(plan, values=None, reason=Reason(why.ALREADY_IMPORTED))
        checked.append(plan)
    return checked


def _plan(item: CalendarItem, *, ours: bool, zone_name: str, untitled: str) -> _Plan:
    if item.done:
        return _Plan(item, None, reason=Reason(why.DONE))
    data, shortened = reminder_data(item, ours=ours, zone_name=zone_name, untitled=untitled,
                                    title_max=TITLE_MAX, notes_max=NOTES_MAX)
    try:
        values = validate_reminder(data)
        exceptions = excepted_keys(item, rrule=values["rrule"], due_at=values["due_at"],
                                   time_zone=values["time_zone"])
    except ValidationError as error:
        return _Plan(item, None, reason=_refusal(error))
    return _Plan(item, values, source=source_of(item.uid), exceptions=exceptions,
                 reason=Reason(why.SHORTENED) if shortened else None)


def _refusal(error: ValidationError) -> Reason:
    if error.field == "rrule":
        return Reason(why.UNSUPPORTED_RULE, error.message)
    if error.field in ("due_at", "ends_at") and "must fall between" in error.message:
        return Reason(why.OUT_OF_RANGE)
    if error.field == "ends_at":
        return Reason(why.END_BEFORE_START)
    return Reason(why.INVALID, f"{error.field} {error.message}")


def _known_sources(w: Work, sources: set[str]) -> set[str]:
    """Which of these sources the user's reminders already carry, deleted ones included."""
    found: set[str] = set()
    wanted = sorted(sources)
    for start in range(0, len(wanted), 500):
        found.update(w.session.execute(
            select(Reminder.source).where(Reminder.owner_id == w.actor.user_id,
                                          Reminder.source.in_(wanted[start:start + 500]))
        ).scalars())
    return found


def _own_reminders(w: Work, ids: set[str]) -> set[str]:
    """Which of these ids are the user's own live reminders (their export read back)."""
    found: set[str] = set()
    wanted = sorted(ids)
    for start in range(0, len(wanted), 500):
        found.update(w.session.execute(
            select(Reminder.id).where(Reminder.id.in_(wanted[start:start + 500]),
                                      Reminder.owner_id == w.actor.user_id,
                                      Reminder.deleted_at.is_(None))).scalars())
    return found


def _write(w: Work, plan: _Plan) -> None:
    assert plan.values is not None
    view = add_reminder(w, owner_id=w.actor.user_id, customer_id=None, source=plan.source,
                        **plan.values)
    if not plan.exceptions:
        return
    for key in plan.exceptions:
        w.session.add(ReminderOverride(
            id=new_id(), created_at=w.now, updated_at=w.now, version=1,
            updated_by=w.actor.user_id, reminder_id=view.id, occurrence=key, skipped=True))
    w.session.flush()
    reminder = w.session.get(Reminder, view.id)
    assert reminder is not None
    series.refresh(w.session, [reminder], w.now)
