"""`reminders due|export|import|generate`: the reminder calendar from a script.

`due` lists what is overdue and what falls due within the next days. `export` writes the
user's own reminders as an .ics file, whole or not at all. `import` reads an .ics file as
reminders (`--dry-run` only reports). `generate` writes the reminders the rules ask for
(birthdays, contract expiries, instalments, follow-up gaps, holidays), never twice.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path
from typing import Any

from desktop_crm.cli.context import CliContext
from desktop_crm.cli.options import add_limit, positive_int
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.local_zone import local_zone
from desktop_crm.services.reminder_views import Entry

DUE_COLUMNS = ("due", "kind", "title", "customer", "id", "occurrence")
MAX_DAYS = 366


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = commands.add_parser("reminders", help="the reminder calendar")
    sub = group.add_subparsers(dest="reminders_command", required=True, metavar="COMMAND")

    due = sub.add_parser("due", parents=[common],
                         help="my overdue reminders and those due within the next days")
    due.add_argument("--days", type=_days, default=1, metavar="N",
                     help=f"look N days ahead (default 1, at most {MAX_DAYS})")
    add_limit(due)
    due.set_defaults(handler=run_due)

    export = sub.add_parser("export", parents=[common],
                            help="write my reminders as an .ics file (Outlook, Google Calendar)")
    export.add_argument("--ics", required=True, metavar="FILE", help="the file to write")
    export.add_argument("--include-done", action="store_true",
                        help="also the reminders already done (marked done)")
    export.set_defaults(handler=run_export)

    imported = sub.add_parser("import", parents=[common],
                              help="read an .ics file's events as my reminders")
    imported.add_argument("--ics", required=True, metavar="FILE", help="the file to read")
    imported.add_argument("--dry-run", action="store_true",
                          help="report what would be imported; write nothing")
    imported.set_defaults(handler=run_import)

    generate = sub.add_parser("generate", parents=[common],
                              help="write the reminders the rules ask for (safe to repeat)")
    generate.set_defaults(handler=run_generate)


def _days(text: str) -> int:
    days = positive_int(text)
    if days > MAX_DAYS:
        raise argparse.ArgumentTypeError(f"must be at most {MAX_DAYS}")
    return days


def run_due(ctx: CliContext) -> int:
    zone = local_zone()
    with ctx.signed_in() as session:
        now = ctx.clock.now()
        overdue = session.reminders.due(now, zone=zone)
        coming = session.reminders.due(now + timedelta(days=ctx.args.days), since=now,
                                       zone=zone)
    entries = _unique([*overdue, *coming])
    items = [_due_item(entry, overdue=entry.alarm(zone) <= now) for entry in entries]
    ctx.out.items(items[:ctx.args.limit], len(items), DUE_COLUMNS)
    return 0


def _unique(entries: Iterable[Entry]) -> list[Entry]:
    seen: set[tuple[str, str | None]] = set()
    kept = []
    for entry in entries:
        key = (entry.reminder_id, entry.occurrence)
        if key not in seen:
            seen.add(key)
            kept.append(entry)
    return kept


def _due_item(entry: Entry, *, overdue: bool) -> dict[str, Any]:
    zone = local_zone()
    due = entry.day(zone).isoformat() if entry.all_day \
        else entry.starts_at.astimezone(zone).isoformat(timespec="minutes")
    return {"id": entry.reminder_id, "occurrence": entry.occurrence, "title": entry.title,
            "kind": entry.kind, "due": due, "all_day": entry.all_day,
            "customer": entry.customer_name or None, "overdue": overdue}


def run_export(ctx: CliContext) -> int:
    with ctx.signed_in() as session:
        written = session.reminder_ics.export_to(Path(ctx.args.ics),
                                                 include_done=ctx.args.include_done)
    ctx.out.emit({"path": written.path, "reminders": written.reminders,
                  "events": written.events},
                 f"Exported {written.reminders} reminders ({written.events} calendar events) "
                 f"to {written.path}")
    return 0


def run_import(ctx: CliContext) -> int:
    path = Path(ctx.args.ics)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError("--ics", f"cannot read {path}: "
                                       f"{error.strerror or type(error).__name__}") from None
    with ctx.signed_in() as session:
        report = session.reminder_ics.import_(data, dry_run=ctx.args.dry_run)
    skipped = [{"event": s.where, "title": s.title, "reason": s.text, "code": s.reason.code}
               for s in report.skipped]
    verb = "Would import" if report.dry_run else "Imported"
    lines = [f"{verb} {report.imported} of {report.events} events"
             + (" (dry run: nothing written)" if report.dry_run else "")]
    lines += [f"skipped {s['event']}: {s['reason']}" for s in skipped]
    ctx.out.emit({"events": report.events, "imported": report.imported, "skipped": skipped,
                  "dry_run": report.dry_run}, lines)
    return 0


def run_generate(ctx: CliContext) -> int:
    with ctx.signed_in() as session:
        report = session.reminder_generation.run()
    created = dict(sorted(report.created.items()))
    by_kind = ", ".join(f"{kind} {count}" for kind, count in created.items()) or "none new"
    ctx.out.emit({"created": created, "escalations": report.escalations,
                  "updated": report.updated, "total": report.total},
                 [f"Generated {report.total} reminders: {by_kind}",
                  f"escalations {report.escalations}, updated {report.updated}"])
    return 0
