"""`user add|passwd|suspend|reactivate|list|depart`."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_crm.cli.commands import departure
from desktop_crm.cli.commands.departments import find_department
from desktop_crm.cli.context import CliContext
from desktop_crm.cli.options import add_limit
from desktop_crm.cli.prompts import NEW_PASSWORD_ENV, read_password
from desktop_crm.domain.enums import UserStatus
from desktop_crm.domain.errors import NotFound, ValidationError
from desktop_crm.services.org_views import UserView
from desktop_crm.services.session import CrmSession

LIST_COLUMNS = ("username", "display_name", "roles", "department", "superior", "status")


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = commands.add_parser("user", help="users and passwords")
    sub = group.add_subparsers(dest="user_command", required=True, metavar="COMMAND")

    add = sub.add_parser("add", parents=[common],
                         help="add a user; prints a one-time password once")
    add.add_argument("name", help="sign-in name")
    add.add_argument("--role", action="append", required=True, dest="roles", metavar="ROLE",
                     help="admin, manager, sales, service or auditor (repeatable)")
    add.add_argument("--department", required=True, metavar="DEPARTMENT",
                     help="department name or id")
    add.add_argument("--superior", metavar="USER", help="sign-in name of the direct superior")
    add.add_argument("--display-name", default="", metavar="TEXT")
    add.set_defaults(handler=run_add)

    passwd = sub.add_parser("passwd", parents=[common], help="change your own password")
    passwd.set_defaults(handler=run_passwd)

    for verb, status in (("suspend", UserStatus.SUSPENDED), ("reactivate", UserStatus.ACTIVE)):
        command = sub.add_parser(verb, parents=[common], help=f"{verb} a user")
        command.add_argument("name", help="sign-in name")
        command.set_defaults(handler=run_set_status, status=status)

    listing = sub.add_parser("list", parents=[common], help="list the users")
    add_limit(listing)
    listing.set_defaults(handler=run_list)

    departure.register(sub, common)


def find_user(session: CrmSession, username: str, *, field: str) -> UserView:
    try:
        return session.users.find_by_username(username)
    except NotFound:
        raise ValidationError(field, f"no user “{username}”") from None


def user_dict(user: UserView, departments: dict[str, str], users: dict[str, str]) -> dict[str, Any]:
    return {
        "id": user.id, "username": user.username, "display_name": user.display_name,
        "roles": list(user.roles), "department_id": user.department_id,
        "department": departments.get(user.department_id or ""),
        "superior_id": user.superior_id, "superior": users.get(user.superior_id or ""),
        "status": user.status, "must_change_password": user.must_change_password,
        "departed_at": user.departed_at.isoformat() if user.departed_at else None,
    }


def describe(session: CrmSession, user: UserView) -> dict[str, Any]:
    """The user as a dict, with department and superior by name."""
    departments = {d.id: d.name for d in session.departments.list()}
    superiors = {user.superior_id: session.users.get(user.superior_id).username} \
        if user.superior_id else {}
    return user_dict(user, departments, superiors)


def run_add(ctx: CliContext) -> int:
    args = ctx.args
    with ctx.signed_in() as session:
        department = find_department(session, args.department, field="department")
        superior = find_user(session, args.superior, field="superior") \
            if args.superior else None
        user, password = session.users.create(
            args.name, args.display_name, roles=args.roles, department_id=department.id,
            superior_id=superior.id if superior else None)
        value = describe(session, user)
    ctx.out.emit({**value, "password": password}, [
        f"User {user.username} added ({', '.join(user.roles)}, {department.name}).",
        f"One-time password (shown only this once; {user.username} chooses a new one at the "
        "first sign-in):", "", f"    {password}", ""])
    return 0


def run_passwd(ctx: CliContext) -> int:
    with ctx.signed_in(own_password_required=False) as session:
        new_password = read_password("New password", env=NEW_PASSWORD_ENV, confirm=True)
        session.change_password(ctx.password, new_password)
        username = session.me().username
    ctx.out.emit({"username": username, "password_changed": True},
                 f"Password of {username} changed.")
    return 0


def run_set_status(ctx: CliContext) -> int:
    status: UserStatus = ctx.args.status
    with ctx.signed_in() as session:
        user = session.users.set_status(
            find_user(session, ctx.args.name, field="user").id, status)
        value = describe(session, user)
    verb = "suspended" if status is UserStatus.SUSPENDED else "reactivated"
    ctx.out.emit(value, f"User {user.username} {verb}.")
    return 0


def run_list(ctx: CliContext) -> int:
    with ctx.signed_in() as session:
        users = session.users.list()
        departments = {d.id: d.name for d in session.departments.list()}
    names = {u.id: u.username for u in users}
    items = [user_dict(u, departments, names) for u in users[:ctx.args.limit]]
    ctx.out.items(items, len(users), LIST_COLUMNS)
    return 0
