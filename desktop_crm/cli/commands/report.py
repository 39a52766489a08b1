"""`report satisfaction`: the monthly (or quarterly) satisfaction report as a PDF.

The report covers the company, one department (and its sub-departments) or one person, always
within what the signed-in user's data scope reaches; generating it is audited. The figures
printed (or given with --json) are the ones in the PDF.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_crm.cli.commands.departments import find_department
from desktop_crm.cli.context import CliContext
from desktop_crm.cli.options import add_global_options
from desktop_crm.reports.definitions import title
from desktop_crm.reports.report_model import ReportScope, SatisfactionReport, ScopeKind
from desktop_crm.reports.satisfaction_pdf import write_satisfaction_pdf
from desktop_crm.reports.value_format import format_change, format_value
from desktop_crm.services.session import CrmSession

LANGUAGES = ("en", "zh")


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = commands.add_parser("report", help="reports")
    sub = group.add_subparsers(dest="report_command", required=True, metavar="COMMAND")
    satisfaction = sub.add_parser(
        "satisfaction",
        help="the satisfaction report of a month or quarter, as a PDF",
        epilog="Here --user names whose report it is; who signs in comes before the command "
               "(desktop-crm --user NAME report satisfaction ...) or from DESKTOP_CRM_USER.")
    add_global_options(satisfaction, defaults=False, signing_in_user=False)
    satisfaction.add_argument("--period", required=True, metavar="PERIOD",
                              help="a month (2026-10) or a quarter (2026-Q4)")
    whose = satisfaction.add_mutually_exclusive_group()
    whose.add_argument("--department", metavar="DEPARTMENT",
                       help="one department and its sub-departments (name or id)")
    whose.add_argument("--user", dest="report_user", metavar="USERNAME",
                       help="one person's customers")
    satisfaction.add_argument("-o", "--output", required=True, metavar="FILE",
                              help="the PDF to write")
    satisfaction.add_argument("--language", choices=LANGUAGES, default="zh",
                              help="the report's language (default zh)")
    satisfaction.set_defaults(handler=run_satisfaction)


def run_satisfaction(ctx: CliContext) -> int:
    args = ctx.args
    target = Path(args.output)
    with ctx.signed_in() as session:
        scope = _scope(session, args)
        report = session.reports.build(args.period, scope, language=args.language)
        company = session.policies.current().company_name
    write_satisfaction_pdf(report, target, language=args.language, company=company)
    ctx.out.emit(_summary(report, target), _lines(report, target, args.language))
    return 0


def _scope(session: CrmSession, args: argparse.Namespace) -> ReportScope:
    if args.department:
        department = find_department(session, args.department, field="department")
        return ReportScope(ScopeKind.DEPARTMENT, department.id, department.name)
    if args.report_user:
        user = session.users.find_by_username(args.report_user)
        return ReportScope(ScopeKind.USER, user.id, user.display_name)
    return ReportScope(ScopeKind.COMPANY)


def _summary(report: SatisfactionReport, target: Path) -> dict[str, Any]:
    return {
        "file": str(target),
        "period": report.period,
        "previous_period": report.previous_period,
        "scope": {"kind": report.scope.kind.value, "id": report.scope.id,
                  "name": report.scope.label},
        "time_zone": report.time_zone,
        "kpis": {f.key: {"value": f.value, "previous": f.previous, "unit": f.unit.value}
                 for f in report.kpis},
        "churn_risks": report.churn_risk_total,
        "detractors": report.detractor_total,
        "audit_head": report.audit_head,
    }


def _lines(report: SatisfactionReport, target: Path, language: str) -> list[str]:
    lines = [f"{target}: {report.scope.label or report.scope.kind.value}, {report.period}"]
    for figure in report.kpis:
        value = format_value(figure.unit, figure.value, language)
        change = format_change(figure.unit, figure.change, language)
        lines.append(f"  {title(figure.key, language)}: {value} ({change})")
    return lines
