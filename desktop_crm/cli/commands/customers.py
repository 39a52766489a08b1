"""`customer add|list|search|show|update|delete|reveal`."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_crm.cli.commands.users import find_user
from desktop_crm.cli.context import CliContext, UsageError
from desktop_crm.cli.options import add_limit
from desktop_crm.domain.permissions import MASKABLE_CUSTOMER_FIELDS

LIST_COLUMNS = ("id", "name", "company", "phones", "emails", "city", "lifecycle_stage", "tier")
PAGE = 500  # rows per service call while filling a long --limit

# option -> customer field; repeatable options give lists
TEXT_OPTIONS = {
    "name": "name", "company": "company", "title": "title", "city": "city",
    "address": "address", "country": "country", "source": "source", "stage": "lifecycle_stage",
    "tier": "tier", "birthday": "birthday", "kind": "kind", "notes": "notes",
}
LIST_OPTIONS = {"phone": "phones", "email": "emails", "tag": "tags"}


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = commands.add_parser("customer", help="customers")
    sub = group.add_subparsers(dest="customer_command", required=True, metavar="COMMAND")

    add = sub.add_parser("add", parents=[common], help="add a customer")
    _field_options(add, name_required=True)
    add.set_defaults(handler=run_add)

    listing = sub.add_parser("list", parents=[common], help="list customers, sorted")
    add_limit(listing)
    listing.add_argument("--order", choices=("name", "updated"), default="name",
                         help="by name (pinyin for Chinese names) or last update, newest first")
    listing.set_defaults(handler=run_list)

    search = sub.add_parser("search", parents=[common],
                            help="find by name, pinyin, company, phone, email or tag "
                                 "(best hits first; total counts the hits shown)")
    search.add_argument("query")
    add_limit(search)
    search.set_defaults(handler=run_search)

    show = sub.add_parser("show", parents=[common], help="one customer")
    show.add_argument("id")
    show.set_defaults(handler=run_show)

    update = sub.add_parser("update", parents=[common],
                            help="change fields (a repeatable option replaces the whole list)")
    update.add_argument("id")
    _field_options(update, name_required=False)
    update.set_defaults(handler=run_update)

    delete = sub.add_parser("delete", parents=[common], help="delete a customer")
    delete.add_argument("id")
    delete.set_defaults(handler=run_delete)

    reveal = sub.add_parser("reveal", parents=[common],
                            help="show one masked field unmasked (audited)")
    reveal.add_argument("id")
    reveal.add_argument("field", choices=MASKABLE_CUSTOMER_FIELDS)
    reveal.set_defaults(handler=run_reveal)


def _field_options(parser: argparse.ArgumentParser, *, name_required: bool) -> None:
    parser.add_argument("--name", required=name_required)
    for option in ("company", "title", "city", "address", "source", "notes"):
        parser.add_argument(f"--{option}")
    parser.add_argument("--country", metavar="CODE", help="two letters, e.g. CN or US")
    parser.add_argument("--stage", metavar="STAGE", help="suspect, prospect, first_time_buyer, "
                        "repeat_buyer or advocate")
    parser.add_argument("--tier", metavar="TIER", help="high_value, potential or dormant")
    parser.add_argument("--birthday", metavar="YYYY-MM-DD")
    parser.add_argument("--kind", metavar="KIND", help="person or company")
    for option, noun in (("phone", "a phone number"), ("email", "an email address"),
                         ("tag", "a tag")):
        parser.add_argument(f"--{option}", action="append", metavar=option.upper(),
                            help=f"{noun} (repeatable)")
    parser.add_argument("--owner", metavar="USER", help="sign-in name of the owner")


def _fields(args: argparse.Namespace) -> dict[str, Any]:
    """The customer fields given on the command line (None means not given)."""
    data: dict[str, Any] = {}
    for option, name in TEXT_OPTIONS.items():
        if getattr(args, option) is not None:
            data[name] = getattr(args, option)
    for option, name in LIST_OPTIONS.items():
        if getattr(args, option) is not None:
            data[name] = getattr(args, option)
    return data


def run_add(ctx: CliContext) -> int:
    data = _fields(ctx.args)
    with ctx.signed_in() as session:
        if ctx.args.owner:
            data["owner_id"] = find_user(session, ctx.args.owner, field="owner").id
        record = session.customers.create(data)
    ctx.out.record(record.to_dict(), title=f"Customer added: {record.id}")
    return 0


def run_update(ctx: CliContext) -> int:
    changes = _fields(ctx.args)
    if not changes and not ctx.args.owner:
        raise UsageError("give at least one field to change, e.g. --city 上海")
    with ctx.signed_in() as session:
        customer_id = ctx.args.id
        if ctx.args.owner:  # ownership moves through `assign`, which keeps the history
            owner = find_user(session, ctx.args.owner, field="owner")
            if changes:
                session.customers.update(customer_id, changes)
            record = session.customers.assign(customer_id, owner.id)
        else:
            record = session.customers.update(customer_id, changes)
    ctx.out.record(record.to_dict(), title=f"Customer updated: {record.id}")
    return 0


def run_list(ctx: CliContext) -> int:
    limit = ctx.args.limit
    with ctx.signed_in() as session:
        rows: list[Any] = []
        after = None
        while len(rows) < limit:
            page = session.customers.list_page(
                order=ctx.args.order, after=after, limit=min(PAGE, limit - len(rows)),
                descending=ctx.args.order == "updated")
            rows.extend(page.rows)
            if page.next_after is None:
                break
            after = page.next_after
        total = session.customers.count()
    ctx.out.items([r.to_dict() for r in rows], total, LIST_COLUMNS)
    return 0


def run_search(ctx: CliContext) -> int:
    with ctx.signed_in() as session:
        rows = session.customers.search(ctx.args.query, limit=ctx.args.limit)
    # the search gives its best hits, not a count of every match
    ctx.out.items([r.to_dict() for r in rows], len(rows), LIST_COLUMNS)
    return 0


def run_show(ctx: CliContext) -> int:
    with ctx.signed_in() as session:
        record = session.customers.get(ctx.args.id)
    ctx.out.record(record.to_dict())
    return 0


def run_delete(ctx: CliContext) -> int:
    with ctx.signed_in() as session:
        session.customers.delete(ctx.args.id)
    ctx.out.emit({"id": ctx.args.id, "deleted": True}, f"Customer deleted: {ctx.args.id}")
    return 0


def run_reveal(ctx: CliContext) -> int:
    with ctx.signed_in() as session:
        values = session.customers.reveal(ctx.args.id, ctx.args.field)
    ctx.out.emit({"id": ctx.args.id, "field": ctx.args.field, "values": list(values)},
                 list(values) or ["(empty)"])
    return 0

