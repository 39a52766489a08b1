"""`init` (a new vault and its first admin) and `audit verify` (`audit export` is in audit_log)."""

from __future__ import annotations

import argparse

from desktop_crm.cli.commands.audit_log import register_audit_commands
from desktop_crm.cli.context import CliContext
from desktop_crm.cli.prompts import PASSWORD_ENV, read_password
from desktop_crm.services.setup import initialize_vault

RECOVERY_ADVICE = (
    "Recovery code (shown only this once). Write it down or print it and keep it offline,\n"
    "away from this computer: it restores the administrator's access if the password is lost."
)


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    init = commands.add_parser("init", parents=[common], help="create a new vault")
    init.add_argument("--admin", required=True, metavar="NAME",
                      help="sign-in name of the first administrator")
    init.add_argument("--display-name", default="", metavar="TEXT")
    init.set_defaults(handler=run_init)

    audit = commands.add_parser("audit", help="the audit log")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True,
                                          metavar="COMMAND")
    verify = audit_commands.add_parser("verify", parents=[common],
                                       help="recompute the audit chain")
    verify.set_defaults(handler=run_verify)
    register_audit_commands(audit_commands, common)


def run_init(ctx: CliContext) -> int:
    args = ctx.args
    password = read_password(f"Password for {args.admin}", env=PASSWORD_ENV, confirm=True)
    code = initialize_vault(ctx.vault_dir, admin_username=args.admin, admin_password=password,
                            admin_display_name=args.display_name, clock=ctx.clock)
    ctx.out.emit(
        {"vault": str(ctx.vault_dir), "admin": args.admin, "recovery_code": code},
        [f"Vault created in {ctx.vault_dir} with administrator {args.admin}.", "",
         RECOVERY_ADVICE, "", f"    {code}", ""],
    )
    return 0


def run_verify(ctx: CliContext) -> int:
    with ctx.signed_in() as session:
        report = session.audit.verify()  # a break found raises one admin alert
    value = {"ok": report.ok, "count": report.count, "head_hash": report.head_hash,
             "first_broken_seq": report.first_broken_seq}
    if report.ok:
        ctx.out.emit(value, [f"audit log intact: {report.count} events",
                             f"head hash: {report.head_hash}"])
        return 0
    ctx.out.emit(value, f"audit log broken: first broken row is seq {report.first_broken_seq}"
                        f" ({report.count} events)")
    return 1
