"""`alerts list` and `alerts ack`: the admins' inbox of sensitive operations."""

from __future__ import annotations

import argparse
from datetime import date, datetime, time, timedelta

from desktop_crm.cli.context import CliContext
from desktop_crm.cli.options import add_limit, iso_date
from desktop_crm.services.alerts import ALERT_KINDS

LIST_COLUMNS = ("at", "kind", "severity", "message", "actor", "id", "acknowledged")


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = commands.add_parser("alerts", help="admin alerts")
    sub = group.add_subparsers(dest="alerts_command", required=True, metavar="COMMAND")

    listing = sub.add_parser("list", parents=[common], help="alerts, newest first")
    listing.add_argument("--kind", action="append", choices=ALERT_KINDS, metavar="KIND",
                         help="only this kind (repeatable): " + ", ".join(ALERT_KINDS))
    listing.add_argument("--since", type=iso_date, metavar="DATE",
                         help="raised on or after this day (YYYY-MM-DD, local time)")
    listing.add_argument("--unacknowledged", action="store_true",
                         help="only the alerts nobody acknowledged yet")
    add_limit(listing)
    listing.set_defaults(handler=run_list)

    ack = sub.add_parser("ack", parents=[common], help="acknowledge an alert with a note")
    ack.add_argument("id")
    ack.add_argument("--note", required=True, metavar="TEXT",
                     help="what was done about it (up to 500 characters)")
    ack.set_defaults(handler=run_ack)


def local_day_start(day: date) -> datetime:
    """Midnight at the start of `day` on this computer's clock, as an aware time."""
    return datetime.combine(day, time.min).astimezone()


def local_day_end(day: date) -> datetime:
    """The end of `day` (exclusive): midnight at the start of the next local day."""
    return local_day_start(day + timedelta(days=1))


def run_list(ctx: CliContext) -> int:
    args = ctx.args
    filters = {
        "kinds": tuple(args.kind) if args.kind else None,
        "since": local_day_start(args.since) if args.since else None,
        "acknowledged": False if args.unacknowledged else None,
    }
    with ctx.signed_in() as session:
        alerts = session.alerts.list(limit=args.limit, **filters)
        total = session.alerts.count(**filters)
    ctx.out.items([a.to_dict() for a in alerts], total, LIST_COLUMNS)
    return 0


def run_ack(ctx: CliContext) -> int:
    with ctx.signed_in() as session:
        alert = session.alerts.acknowledge(ctx.args.id, ctx.args.note)
    ctx.out.record(alert.to_dict(), title=f"Alert acknowledged: {alert.id}")
    return 0
