"""`department add|list`: the department tree (needed before `user add --department`)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from desktop_crm.cli.context import CliContext
from desktop_crm.cli.options import add_limit
from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.org_views import DepartmentView
from desktop_crm.services.session import CrmSession


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = commands.add_parser("department", help="departments")
    sub = group.add_subparsers(dest="department_command", required=True, metavar="COMMAND")
    add = sub.add_parser("add", parents=[common], help="add a department")
    add.add_argument("name")
    add.add_argument("--parent", metavar="DEPARTMENT", help="name or id of the parent")
    add.set_defaults(handler=run_add)
    listing = sub.add_parser("list", parents=[common], help="list the departments")
    add_limit(listing)
    listing.set_defaults(handler=run_list)


def find_department(session: CrmSession, name_or_id: str, *, field: str) -> DepartmentView:
    """A department by id, exact name, or name ignoring case; refuses an ambiguous name."""
    departments = session.departments.list()
    wanted = name_or_id.strip()
    for matches in (
        [d for d in departments if d.id == wanted],
        [d for d in departments if d.name == wanted],
        [d for d in departments if d.name.casefold() == wanted.casefold()],
    ):
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise ValidationError(field, f"several departments are named “{wanted}”: give the id")
    raise ValidationError(field, f"no department “{wanted}” (see `desktop-crm department list`)")


def department_dict(dept: DepartmentView, names: dict[str, str]) -> dict[str, object]:
    return {"id": dept.id, "name": dept.name, "parent_id": dept.parent_id,
            "parent": names.get(dept.parent_id or "")}


def run_add(ctx: CliContext) -> int:
    with ctx.signed_in() as session:
        parent = find_department(session, ctx.args.parent, field="parent") \
            if ctx.args.parent else None
        dept = session.departments.create(ctx.args.name,
                                          parent_id=parent.id if parent else None)
    value = department_dict(dept, {parent.id: parent.name} if parent else {})
    ctx.out.emit(value, f"department {dept.name} added ({dept.id})")
    return 0


def run_list(ctx: CliContext) -> int:
    with ctx.signed_in() as session:
        departments = session.departments.list()
    names = {d.id: d.name for d in departments}
    ordered = _tree(departments)[:ctx.args.limit]
    if ctx.out.as_json:
        items = [department_dict(d, names) for _, d in ordered]
        ctx.out.document({"items": items, "total": len(departments)})
        return 0
    for depth, dept in ordered:
        ctx.out.line(f"{'  ' * depth}{dept.name}\t{dept.id}")
    return 0


def _tree(departments: Sequence[DepartmentView]) -> list[tuple[int, DepartmentView]]:
    """Departments in tree order with their depth (a parent before its children)."""
    ids = {d.id for d in departments}
    children: dict[str | None, list[DepartmentView]] = {}
    for dept in departments:
        parent = dept.parent_id if dept.parent_id in ids else None
        children.setdefault(parent, []).append(dept)
    ordered: list[tuple[int, DepartmentView]] = []

    def walk(parent: str | None, depth: int) -> None:
        for dept in children.get(parent, []):
            ordered.append((depth, dept))
            walk(dept.id, depth + 1)

    walk(None, 0)
    return ordered
