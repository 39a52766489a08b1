"""`user depart USER --successor USER2 [--successor USER3 --split department|tier|round-robin]`.

One command runs the whole departure: reveals and exports frozen, everything handed over,
the account revoked, the data key rotated. It prints what moved to whom.
"""

from __future__ import annotations

import argparse

from desktop_crm.cli.context import CliContext
from desktop_crm.domain.departure_split import SplitMode
from desktop_crm.domain.errors import ValidationError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    depart = sub.add_parser(
        "depart", parents=[common],
        help="an employee leaves: revoke their access and hand every customer to successors")
    depart.add_argument("name", help="sign-in name of the departing user")
    depart.add_argument("--successor", action="append", required=True, dest="successors",
                        metavar="USER", help="who receives the customers (repeatable)")
    depart.add_argument("--split", choices=[m.value for m in SplitMode], default=None,
                        help="how several successors share the customers "
                             "(default: round-robin)")
    depart.set_defaults(handler=run_depart)


def run_depart(ctx: CliContext) -> int:
    from desktop_crm.cli.commands.users import find_user

    args = ctx.args
    if args.split and len(args.successors) < 2:
        raise ValidationError("split", "--split needs two or more --successor")
    mode = SplitMode(args.split or SplitMode.ROUND_ROBIN.value)
    with ctx.signed_in() as session:
        leaving = find_user(session, args.name, field="user")
        receivers = [find_user(session, name, field="successor") for name in args.successors]
        result = session.departures.complete(leaving.id, [r.id for r in receivers], mode)
    names = {r.id: r.username for r in receivers}
    moved = result.moved
    handed = {names[rid]: n for rid, n in moved.customers.items()}
    value = {
        "user": leaving.username, "state": result.departure.state,
        "key_rotated": result.key_rotated, "split": mode.value, "customers": handed,
        "reminders": moved.reminders, "complaints": moved.complaints,
        "grants_ended": moved.grants_ended, "direct_reports": moved.direct_reports,
    }
    lines = [f"{leaving.username} has departed: access revoked"
             + (", vault key rotated." if result.key_rotated else
                "; the key rotation finishes at the next sign-in.")]
    lines += [f"  {n} customer(s) -> {name}" for name, n in sorted(handed.items())] or [
        "  no customers to hand over"]
    lines.append(f"  {moved.reminders} open reminder(s), {moved.complaints} open complaint(s) "
                 f"moved; {moved.grants_ended} collaborator grant(s) ended; "
                 f"{moved.direct_reports} direct report(s) moved.")
    ctx.out.emit(value, lines)
    return 0
