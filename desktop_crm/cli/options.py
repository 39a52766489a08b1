"""Argument types and options shared by several commands."""

from __future__ import annotations

import argparse
from datetime import date

DEFAULT_LIMIT = 100


def add_global_options(parser: argparse.ArgumentParser, *, defaults: bool,
                       signing_in_user: bool = True) -> None:
    """--vault, --user and --json, on the main parser and again on every command.

    On commands the defaults are suppressed, so a value given before the command is not
    overwritten by the command's default. A command whose own --user means something else
    (whose report) leaves the signing-in --user to before the command.
    """
    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    parser.add_argument("--vault", metavar="DIR", default=default(None),
                        help="the vault folder (default: the per-user data folder)")
    if signing_in_user:
        parser.add_argument("--user", metavar="NAME", default=default(None),
                            help="who signs in (default: DESKTOP_CRM_USER)")
    parser.add_argument("--json", action="store_true", default=default(False),
                        help="print one JSON document")


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def count(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date (YYYY-MM-DD)") from None


def add_limit(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--limit", type=positive_int, default=DEFAULT_LIMIT, metavar="N",
                        help=f"show at most N (default {DEFAULT_LIMIT})")
