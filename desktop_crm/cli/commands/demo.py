"""`demo`: a new vault with the fixed demo organisation and generated customers."""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from desktop_crm.cli.context import CliContext
from desktop_crm.cli.options import count, iso_date
from desktop_crm.cli.prompts import DEMO_PASSWORD_ENV
from desktop_crm.domain.clock import FixedClock

if TYPE_CHECKING:  # the generator pulls in Faker: load it only when a demo is built
    from desktop_crm.services.demo import DemoUser, DemoVault, Progress

DEFAULT_CUSTOMERS = 1000


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    demo = commands.add_parser(
        "demo", parents=[common],
        help="build a new demo vault (fixed sign-in names, generated customers)")
    demo.add_argument("--customers", type=count, default=DEFAULT_CUSTOMERS, metavar="N",
                      help=f"how many customers (default {DEFAULT_CUSTOMERS})")
    demo.add_argument("--seed", type=int, default=1, metavar="S",
                      help="the same seed gives the same data (default 1)")
    demo.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD",
                      help="the day generated dates are relative to (default: today)")
    demo.set_defaults(handler=run_demo)


def run_demo(ctx: CliContext) -> int:
    args = ctx.args
    if args.today is not None:  # a fixed day makes the whole vault reproducible
        ctx.clock = FixedClock(datetime.combine(args.today, datetime.min.time(), UTC)
                               .replace(hour=12))
    started = time.monotonic()
    from desktop_crm.services.demo import build_demo_vault

    demo = build_demo_vault(
        ctx.vault_dir, customers=args.customers, seed=args.seed, today=args.today,
        password=os.environ.get(DEMO_PASSWORD_ENV) or None, clock=ctx.clock,
        progress=_progress_printer(started) if _show_progress(ctx) else None)
    if ctx.out.as_json:
        ctx.out.document({"users": [_user_dict(u) for u in demo.users]})
        return 0
    _print_summary(ctx, demo, time.monotonic() - started)
    return 0


def _user_dict(user: DemoUser) -> dict[str, str | None]:
    out = {"name": user.name, "role": user.role, "department": user.department}
    if user.password is not None:  # only when generated, never the caller's own
        out["password"] = user.password
    return out


def _print_summary(ctx: CliContext, demo: DemoVault, seconds: float) -> None:
    out = ctx.out
    out.line(f"Demo vault created in {ctx.vault_dir}: {demo.customers:,} customers, "
             f"{sum(demo.activity.values()):,} activity records in {seconds:.0f} s.")
    out.line()
    generated = any(u.password for u in demo.users)
    header = "sign-in\trole\tdepartment" + ("\tpassword (shown only this once)"
                                             if generated else "")
    out.line(header)
    for user in demo.users:
        cells = [user.name, user.role, user.department or "-"]
        if generated:
            cells.append(user.password or "")
        out.line("\t".join(cells))
    if not generated:
        out.line(f"(every password is the value of {DEMO_PASSWORD_ENV})")
    out.line()
    out.line(f"Recovery code (shown only this once): {demo.recovery_code}")


def _show_progress(ctx: CliContext) -> bool:
    return not ctx.out.as_json and sys.stderr is not None and sys.stderr.isatty()


def _progress_printer(started: float) -> Progress:
    def report(done: int, total: int) -> None:
        rate = done / max(time.monotonic() - started, 1e-6)
        end = "\n" if done == total else ""
        sys.stderr.write(f"\r{done:,}/{total:,} customers ({rate:,.0f}/s)" + end)
        sys.stderr.flush()

    return report
