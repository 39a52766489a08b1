"""The command line: global options, then one command (global options may also follow it)."""

from __future__ import annotations

import argparse
from typing import NoReturn

from desktop_crm.cli.commands import (
    alerts,
    customers,
    demo,
    departments,
    reminders,
    report,
    users,
    vault,
)
from desktop_crm.cli.context import APP_NAME, UsageError

DESCRIPTION = (
    "Desktop CRM on the command line. Passwords come from DESKTOP_CRM_PASSWORD or a prompt, "
    "never from an argument."
)


class CliParser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line (exit 2) instead of printing usage."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _global_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    # On sub-commands the defaults are suppressed, so a value given before the command is
    # not overwritten by the sub-command's default.
    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    parser.add_argument("--vault", metavar="DIR", default=default(None),
                        help="the vault folder (default: the per-user data folder)")
    parser.add_argument("--user", metavar="NAME", default=default(None),
                        help="who signs in (default: DESKTOP_CRM_USER)")
    parser.add_argument("--json", action="store_true", default=default(False),
                        help="print one JSON document")


def build_parser() -> CliParser:
    parser = CliParser(prog=APP_NAME, description=DESCRIPTION)
    _global_options(parser, defaults=True)
    common = CliParser(add_help=False)
    _global_options(common, defaults=False)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                     parser_class=CliParser)
    for module in (vault, users, departments, customers, demo, alerts, reminders, report):
        module.register(commands, common)
    return parser
