"""`audit export`: the audit log as CSV or JSON lines (the `audit` group lives in vault.py).

The export is itself audited and raises an admin alert. Without -o it goes to standard
output; with -o it is written beside the target and renamed, so a failure leaves no half file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_crm.cli.commands.alerts import local_day_end, local_day_start
from desktop_crm.cli.context import CliContext, UsageError
from desktop_crm.cli.options import iso_date
from desktop_crm.services.audit_log import FORMATS


def register_audit_commands(audit_commands: argparse._SubParsersAction,
                            common: argparse.ArgumentParser) -> None:
    export = audit_commands.add_parser(
        "export", parents=[common],
        help="write the audit log from a day on (audited; CSV opens in Excel)")
    export.add_argument("--since", type=iso_date, required=True, metavar="DATE",
                        help="first day to include (YYYY-MM-DD, local time)")
    export.add_argument("--until", type=iso_date, metavar="DATE",
                        help="last day to include (default: up to now)")
    export.add_argument("-o", "--output", metavar="FILE",
                        help="write to this file (default: standard output)")
    export.add_argument("--format", choices=FORMATS, default="csv",
                        help="csv (UTF-8 with BOM) or jsonl (one JSON object a line)")
    export.set_defaults(handler=run_export)


def run_export(ctx: CliContext) -> int:
    args = ctx.args
    since = local_day_start(args.since)
    until = local_day_end(args.until) if args.until else None
    if args.until and args.until < args.since:
        raise UsageError("--until is before --since")
    with ctx.signed_in() as session:
        if args.output:
            summary = session.audit.export(Path(args.output), since=since, until=until,
                                           fmt=args.format)
        else:
            ctx.out.stream.flush()
            stream = getattr(ctx.out.stream, "buffer", None) or sys.stdout.buffer
            session.audit.export(stream, since=since, until=until, fmt=args.format)
            return 0
    ctx.out.emit(
        {"path": summary.path, "count": summary.count, "format": summary.fmt,
         "since": since.isoformat(), "until": until.isoformat() if until else None,
         "first_seq": summary.first_seq, "last_seq": summary.last_seq},
        f"Exported {summary.count} audit events to {summary.path}")
    return 0
