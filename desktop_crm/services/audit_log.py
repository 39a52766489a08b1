"""The audit viewer's service: search the log, verify its chain, export it.

Searching stays fast on a log of millions of rows without a new index:
- pages are keyset by seq (newest first), never OFFSET;
- a date range becomes a seq range by a binary search over the primary key (one clock
  appends the log, so its times follow its seq), and the times are still checked exactly;
- a search by actor and/or action only walks the existing `actor_id` / `action` indexes,
  whose entries are kept in seq order per value (SQLite appends the rowid to every index),
  one indexed query per matching action, merged here;
- any other filter (entity, entity id, free text) walks the seq range in windows and stops
  after a fixed number of rows, returning where it stopped, so one call never takes long
  and the next call carries on from there.
"""

from __future__ import annotations

import csv
import heapq
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import ColumnElement, String, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import CrmError, ValidationError
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.security.audit_chain import ChainReport
from desktop_crm.services import audit
from desktop_crm.services.activity_access import display_names
from desktop_crm.services.alerts import AUDIT_CHAIN_BROKEN, EXPORT, chain_break_already_raised
from desktop_crm.services.context import ServiceContext, Work
from desktop_crm.storage.models import AuditEvent, Customer, Department, Role, User
from desktop_crm.storage.types import to_db_time

R = Resource.AUDIT
DEFAULT_LIMIT = 200
WINDOW = 5_000  # seq rows examined per query when a filter has no index
SCAN_BUDGET = 100_000  # rows one search call examines at most before it answers
FORMATS = ("csv", "jsonl")
EXPORT_COLUMNS = ("seq", "at", "actor_id", "actor", "action", "entity", "entity_id", "detail",
                  "prev_hash", "hash")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_e = AuditEvent.__table__


def _raw(column: Any) -> Any:
    """The stored text of a column (times and JSON as hashed), not its parsed value."""
    return type_coerce(column, String)


class ExportFailed(CrmError):
    """The export could not be written; nothing was left behind at the target."""

    def __init__(self, target: str, reason: str) -> None:
        super().__init__(f"could not write the export to {target}: {reason}")
        self.target = target
        self.reason = reason


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: datetime
    actor_id: str | None
    actor_name: str
    action: str
    entity: str
    entity_id: str
    detail: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditEntry]
    # pass as `before_seq` to read on; None when the search reached the start of its range
    next_before_seq: int | None
    # the oldest seq this call examined (the viewer says "searched back to ...")
    searched_to_seq: int | None = None


@dataclass(frozen=True)
class AuditActor:
    id: str
    display_name: str
    username: str


@dataclass(frozen=True)
class EntityDetails:
    entity: str
    entity_id: str
    title: str
    facts: tuple[tuple[str, str], ...] = ()  # (what, value) in English codes


@dataclass(frozen=True)
class ExportSummary:
    count: int
    since: datetime
    until: datetime | None
    fmt: str
    first_seq: int | None
    last_seq: int | None
    path: str | None  # None when written to a stream


@dataclass(frozen=True)
class _Search:
    actor_id: str | None
    actions: tuple[str, ...] | None  # None: any action
    entity: str | None
    entity_id: str | None
    text: str | None
    since: datetime | None
    until: datetime | None

    @property
    def indexed_only(self) -> bool:
        return not (self.entity or self.entity_id or self.text)


class AuditLogService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reading --------------------------------------------------------------------------------

    def search(
        self, *, actor_id: str | None = None, action: str | None = None,
        entity: str | None = None, entity_id: str | None = None, since: datetime | None = None,
        until: datetime | None = None, text: str | None = None, before_seq: int | None = None,
        limit: int = DEFAULT_LIMIT,
    ) -> AuditPage:
        """Events newest first. `action` is a prefix ("customer." or "customer.update"); the
        range is [since, until); `text` matches action, entity, ids, details and actor names."""
        limit = max(1, limit)
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            actions = None
            if action and action.strip():
                prefix = action.strip()
                actions = tuple(a for a in _known_actions(w.session) if a.startswith(prefix))
                if not actions:
                    return AuditPage([], None)
            query = _Search(actor_id or None, actions, (entity or "").strip() or None,
                            (entity_id or "").strip() or None, (text or "").strip() or None,
                            since, until)
            low, high = _seq_range(w.session, since, until, before_seq)
            if low >= high:
                return AuditPage([], None)
            conditions = _conditions(w, query)
            if query.indexed_only:
                rows, next_before, searched = _indexed(w.session, query, conditions, low, high,
                                                       limit)
            else:
                rows, next_before, searched = _windowed(w.session, query, conditions, low, high,
                                                        limit)
            return AuditPage(_entries(w, rows), next_before, searched)

    def known_actions(self) -> list[str]:
        """Every action the log holds, sorted (a few dozen index seeks, not a scan)."""
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            return _known_actions(w.session)

    def actors(self) -> list[AuditActor]:
        """The people the log can name: every user, departed ones included."""
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            rows = w.session.execute(select(User.id, User.display_name, User.username)
                                     .order_by(User.username_key)).tuples().all()
            return [AuditActor(i, name or username, username) for i, name, username in rows]

    def entity_exists(self, entity: str, entity_id: str) -> bool:
        """Whether the record an event names is still there (the viewer opens it then)."""
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            model = _ENTITY_MODELS.get(entity)
            if model is None or not entity_id:
                return False
            row = w.session.get(model, entity_id)
            return row is not None and getattr(row, "deleted_at", None) is None

    def entity_details(self, entity: str, entity_id: str) -> EntityDetails | None:
        """A user's, role's or department's name and state, for the viewer's details pane."""
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            if not entity_id:
                return None
            if entity == Resource.USER:
                user = w.session.get(User, entity_id)
                if user is None:
                    return None
                return EntityDetails(entity, entity_id, user.display_name,
                                     (("username", user.username), ("status", user.status)))
            if entity == Resource.ROLE:
                role = w.session.get(Role, entity_id)
                if role is None:
                    return None
                return EntityDetails(entity, entity_id, role.title, (("name", role.name),))
            if entity == Resource.DEPARTMENT:
                department = w.session.get(Department, entity_id)
                if department is None:
                    return None
                return EntityDetails(entity, entity_id, department.name)
            return None

    # --- the chain ------------------------------------------------------------------------------

    def verify(self) -> ChainReport:
        """Recompute the chain. A break raises one alert, the first time it is found."""
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            report = audit.verify(w.session)
        if not report.ok and report.first_broken_seq is not None:
            self._report_break(report.first_broken_seq, report.count)
        return report

    def _report_break(self, broken_seq: int, intact: int) -> None:
        with self.ctx.writing() as w:
            if chain_break_already_raised(w.session, broken_seq):
                return
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action="audit.chain_broken", entity=R, entity_id=str(broken_seq),
                         detail={"first_broken_seq": broken_seq, "intact_events": intact})
            audit.raise_alert(
                w.session, at=w.now, kind=AUDIT_CHAIN_BROKEN, audit_seq=broken_seq,
                actor_id=w.actor.user_id, severity="critical",
                message=f"the audit log was changed: its chain breaks at seq {broken_seq}"
                        f" ({intact} events before it are intact)")

    # --- export ---------------------------------------------------------------------------------

    def export(
        self, target: Path | str | IO[bytes], *, since: datetime,
        until: datetime | None = None, fmt: str = "csv",
    ) -> ExportSummary:
        """Write the events in [since, until) as CSV (UTF-8 with BOM, for Excel) or JSON lines.

        The file is written aside and renamed into place only once the export is audited,
        so a failure leaves no half file; a stream gets the data only then, too.
        """
        if fmt not in FORMATS:
            raise ValidationError("format", "use csv or jsonl")
        if until is not None and until <= since:
            raise ValidationError("until", "must be after the start")
        with self.ctx.reading() as w:  # refused before anything is written
            w.actor.require(R, Action.EXPORT)
        if isinstance(target, str | Path):
            return self._export_to_file(Path(target), since, until, fmt)
        return self._export_to_stream(target, since, until, fmt)

    def _export_to_file(self, path: Path, since: datetime, until: datetime | None,
                        fmt: str) -> ExportSummary:
        try:
            handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                                 dir=path.parent)
        except OSError as error:
            raise ExportFailed(str(path), error.strerror or type(error).__name__) from None
        temp = Path(temp_name)
        try:
            try:
                with os.fdopen(handle, "wb") as out:
                    first, last, count = self._write(out, since, until, fmt)
                    out.flush()
                    os.fsync(out.fileno())
            except OSError as error:
                raise ExportFailed(str(path), error.strerror or type(error).__name__) from None
            summary = self._audit_export(count, first, last, since, until, fmt, str(path))
            try:
                os.replace(temp, path)
            except OSError as error:
                raise ExportFailed(str(path), error.strerror or type(error).__name__) from None
            return summary
        finally:
            temp.unlink(missing_ok=True)

    def _export_to_stream(self, stream: IO[bytes], since: datetime, until: datetime | None,
                          fmt: str) -> ExportSummary:
        with tempfile.SpooledTemporaryFile(max_size=8 << 20) as spool:
            first, last, count = self._write(spool, since, until, fmt)  # type: ignore[arg-type]
            summary = self._audit_export(count, first, last, since, until, fmt, None)
            spool.seek(0)
            while chunk := spool.read(1 << 16):
                stream.write(chunk)
            stream.flush()
        return summary

    def _write(self, out: IO[bytes], since: datetime, until: datetime | None,
               fmt: str) -> tuple[int | None, int | None, int]:
        """Write the rows in one read transaction; returns (first seq, last seq, count)."""
        text = io.TextIOWrapper(out, encoding="utf-8-sig" if fmt == "csv" else "utf-8",
                                newline="")
        first = last = None
        count = 0
        with self.ctx.reading() as w:
            w.actor.require(R, Action.EXPORT)
            names = dict(w.session.execute(select(User.id, User.display_name)).tuples().all())
            writer = csv.writer(text) if fmt == "csv" else None
            if writer is not None:
                writer.writerow(EXPORT_COLUMNS)
            for row in _export_rows(w.session, since, until):
                seq, at, actor_id, action, entity, entity_id, detail, prev_hash, hash_ = row
                values = (seq, f"{at}Z", actor_id or "", names.get(actor_id or "", ""), action,
                          entity, entity_id, detail, prev_hash, hash_)
                if writer is not None:
                    writer.writerow([_safe_cell(v) for v in values])
                else:
                    record = dict(zip(EXPORT_COLUMNS, values, strict=True))
                    record["detail"] = json.loads(detail) if detail else {}
                    text.write(json.dumps(record, ensure_ascii=False) + "\n")
                first = seq if first is None else first
                last = seq
                count += 1
        text.flush()
        text.detach()  # the caller owns `out`
        return first, last, count

    def _audit_export(self, count: int, first: int | None, last: int | None, since: datetime,
                      until: datetime | None, fmt: str, path: str | None) -> ExportSummary:
        span = f"{since.isoformat()} to {until.isoformat() if until else 'now'}"
        with self.ctx.writing() as w:
            w.actor.require(R, Action.EXPORT)
            seq = audit.record(
                w.session, at=w.now, actor_id=w.actor.user_id, action="audit.export",
                entity=R, detail={"count": count, "since": since.isoformat(),
                                  "until": until.isoformat() if until else None,
                                  "format": fmt, "first_seq": first, "last_seq": last})
            audit.raise_alert(w.session, at=w.now, kind=EXPORT, audit_seq=seq,
                              actor_id=w.actor.user_id,
                              message=f"{w.actor.username} exported {count} audit events"
                                      f" ({span})")
        return ExportSummary(count, since, until, fmt, first, last, path)


# --- queries ------------------------------------------------------------------------------------

_ENTITY_MODELS: dict[str, type] = {
    Resource.CUSTOMER: Customer, Resource.USER: User, Resource.ROLE: Role,
    Resource.DEPARTMENT: Department,
}
_COLUMNS = (_e.c.seq, _e.c.at, _e.c.actor_id, _e.c.action, _e.c.entity, _e.c.entity_id,
            _e.c.detail)


def _known_actions(session: Session) -> list[str]:
    found: list[str] = []
    query = select(func.min(_e.c.action))
    last = session.execute(query).scalar()
    while last is not None:
        found.append(last)
        last = session.execute(query.where(_e.c.action > last)).scalar()
    return found


def _seq_range(session: Session, since: datetime | None, until: datetime | None,
               before_seq: int | None) -> tuple[int, int]:
    """[low, high) of seq to search."""
    high = (session.execute(select(func.max(_e.c.seq))).scalar() or 0) + 1
    if before_seq is not None:
        high = min(high, before_seq)
    low = 1
    if since is not None:
        low = _first_seq_at_or_after(session, since, 1, high)
    if until is not None:
        high = min(high, _first_seq_at_or_after(session, until, low, high))
    return low, high


def _first_seq_at_or_after(session: Session, moment: datetime, low: int, high: int) -> int:
    """The smallest seq in [low, high] whose event (or the next one present) is at or after
    `moment`; `high` when none is. Times follow seq, so a binary search over the key does."""
    key = to_db_time(moment)
    probe = select(_raw(_e.c.at)).order_by(_e.c.seq).limit(1)
    while low < high:
        middle = (low + high) // 2
        at = session.execute(probe.where(_e.c.seq >= middle)).scalar()
        if at is None or at >= key:
            high = middle
        else:
            low = middle + 1
    return low


def _conditions(w: Work, query: _Search) -> list[ColumnElement[bool]]:
    """The exact conditions every row returned must meet (besides its seq range)."""
    where: list[ColumnElement[bool]] = []
    if query.actor_id:
        where.append(_e.c.actor_id == query.actor_id)
    if query.since is not None:
        where.append(_raw(_e.c.at) >= to_db_time(query.since))
    if query.until is not None:
        where.append(_raw(_e.c.at) < to_db_time(query.until))
    if query.entity:
        where.append(_e.c.entity == query.entity)
    if query.entity_id:
        where.append(_e.c.entity_id == query.entity_id)
    if query.text:
        pattern = "%" + query.text.replace("\\", "\\\\").replace("%", "\\%").replace(
            "_", "\\_") + "%"
        matches = [column.like(pattern, escape="\\") for column in
                   (_e.c.action, _e.c.entity, _e.c.entity_id, _raw(_e.c.detail))]
        people = _people_named(w.session, pattern)
        if people:
            matches.append(_e.c.actor_id.in_(people))
        where.append(or_(*matches))
    return where


def _people_named(session: Session, pattern: str) -> list[str]:
    return list(session.execute(
        select(User.id).where(or_(User.display_name.like(pattern, escape="\\"),
                                  User.username.like(pattern, escape="\\")))).scalars())


def _indexed(session: Session, query: _Search, where: list[ColumnElement[bool]], low: int,
             high: int, limit: int) -> tuple[list[Any], int | None, int | None]:
    """Only indexed filters: one query per action, each read in seq order from its index."""
    def page(extra: list[ColumnElement[bool]]) -> list[Any]:
        return list(session.execute(
            select(*_COLUMNS).where(*where, *extra, _e.c.seq >= low, _e.c.seq < high)
            .order_by(_e.c.seq.desc()).limit(limit)))

    if query.actions is None:
        rows = page([])
    else:
        pages = [page([_e.c.action == action]) for action in query.actions]
        rows = list(heapq.merge(*pages, key=lambda r: -r.seq))[:limit]
    if len(rows) < limit:
        return rows, None, low
    return rows, rows[-1].seq, rows[-1].seq


def _windowed(session: Session, query: _Search, where: list[ColumnElement[bool]], low: int,
              high: int, limit: int) -> tuple[list[Any], int | None, int | None]:
    """Filters without an index: walk the seq range down in windows, within a budget."""
    if query.actions is not None:
        where = [*where, _e.c.action.in_(query.actions)]
    rows: list[Any] = []
    examined = 0
    while high > low and examined < SCAN_BUDGET:
        start = max(low, high - WINDOW)
        wanted = limit - len(rows)
        found = list(session.execute(
            select(*_COLUMNS).where(*where, _e.c.seq >= start, _e.c.seq < high)
            .order_by(_e.c.seq.desc()).limit(wanted)))
        rows.extend(found)
        if len(found) == wanted:
            return rows, found[-1].seq, found[-1].seq
        examined += high - start
        high = start
    return rows, (high if high > low else None), high


def _entries(w: Work, rows: Iterable[Any]) -> list[AuditEntry]:
    rows = list(rows)
    names = display_names(w, [r.actor_id for r in rows])
    return [AuditEntry(r.seq, r.at, r.actor_id, names.get(r.actor_id or "", ""), r.action,
                       r.entity, r.entity_id, r.detail or {}) for r in rows]


def _export_rows(session: Session, since: datetime, until: datetime | None) -> Iterator[Any]:
    """Every event in [since, until) in seq order, as stored (times and details as hashed)."""
    query = select(_e.c.seq, _raw(_e.c.at), _e.c.actor_id, _e.c.action, _e.c.entity,
                   _e.c.entity_id, _raw(_e.c.detail), _e.c.prev_hash, _e.c.hash).where(
        _raw(_e.c.at) >= to_db_time(since))
    if until is not None:
        query = query.where(_raw(_e.c.at) < to_db_time(until))
    yield from session.execute(query.order_by(_e.c.seq).execution_options(yield_per=2000))


def _safe_cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
