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
from desktop_crm.cli.options import add_global_options

DESCRIPTION = (
    "Desktop CRM on the command line. Passwords come from DESKTOP_CRM_PASSWORD or a prompt, "
    "never from an argument."
)


class CliParser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line (exit 2) instead of printing usage."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def build_parser() -> CliParser:
    parser = CliParser(prog=APP_NAME, description=DESCRIPTION)
    add_global_options(parser, defaults=True)
    common = CliParser(add_help=False)
    add_global_options(common, defaults=False)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                     parser_class=CliParser)
    for module in (vault, users, departments, customers, demo, alerts, reminders, report):
        module.register(commands, common)
    return parser
