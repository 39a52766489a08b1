"""The satisfaction report and the dashboard: who may see which customers' figures, gathering
them from the monthly summary, and the audit event of a report.

A report covers the viewer's report scope narrowed by the chosen scope: the company (the
whole report scope), one department and its sub-departments, or one person; a department or
person the viewer's scope does not reach is "not found", as any record outside it is. The
figures themselves come from reports.metrics; the names and phones on its lists are masked
as the viewer's role masks a customer list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import select

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.reports.definitions import LANGUAGES
from desktop_crm.reports.periods import Period
from desktop_crm.reports.report_model import ReportScope, SatisfactionReport, ScopeKind
from desktop_crm.services import audit
from desktop_crm.services.context import OutOfScope, ServiceContext, Work
from desktop_crm.services.policies import policy_set
from desktop_crm.services.satisfaction_report_gather import Gathered, Parts, gather
from desktop_crm.services.scopes import department_subtree, owner_scope, users_in
from desktop_crm.storage.models import AuditEvent, Department, User
from desktop_crm.storage.report_summary import months_zone

Progress = Callable[[int, int], None]
AUDIT_ACTION = "report.satisfaction"


@dataclass(frozen=True)
class _Covered:
    scope: ReportScope  # with its label filled in
    owner_ids: frozenset[str] | None  # None: every owner


class ReportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def build(
        self, period: str, scope: ReportScope, *, language: str, record: bool = True,
        progress: Progress | None = None,
    ) -> SatisfactionReport:
        """The whole report of one period for one scope. With `record`, generating it is
        audited and the report carries the audit chain's head after that event."""
        report = self._report(period, scope, language, Parts.REPORT, progress)
        if not record:
            return report
        with self.ctx.writing() as w:
            seq = audit.record(
                w.session, at=w.now, actor_id=w.actor.user_id, action=AUDIT_ACTION,
                entity="report", entity_id=report.scope.id or "",
                detail=_audit_detail(report))
            head = w.session.execute(
                select(AuditEvent.hash).where(AuditEvent.seq == seq)).scalar_one()
        return replace(report, audit_head=head)

    def dashboard(self, period: str, scope: ReportScope, language: str) -> SatisfactionReport:
        """What the dashboard shows, not audited: the KPIs beside the period before, the
        trends, the CSAT, NPS, stage and tier distributions and the churn risks. RFM, the
        per-salesperson table and the detractors are left empty, and the collection-rate
        and repurchase-rate trends hold only the period and the one before (each further
        period costs a look at each of its answers; the report has them all)."""
        return self._report(period, scope, language, Parts.DASHBOARD, None)

    def _report(self, period_text: str, scope: ReportScope, language: str, parts: Parts,
                progress: Progress | None) -> SatisfactionReport:
        if language not in LANGUAGES:
            raise ValidationError("language", f"must be one of {', '.join(LANGUAGES)}")
        period = Period.parse(period_text)
        entity = scope.kind.value if scope.kind is not ScopeKind.COMPANY else "report"
        with self.ctx.guard(entity, scope.id or "", AUDIT_ACTION), \
                self.ctx.reading() as w, self.ctx.db.reading() as side:
            w.actor.require(Resource.REPORT, Action.READ)
            covered = _covered(w, scope)
            conn = w.session.connection()
            gathered = gather(conn, side.connection(), w.actor, period, covered.owner_ids,
                              active_months=policy_set(w.session).active_months,
                              parts=parts, progress=progress)
            zone = months_zone(conn) or ""
            return _assemble(w, period, covered, gathered, zone)


def _covered(w: Work, scope: ReportScope) -> _Covered:
    """The owners a report covers: the viewer's report scope narrowed by the chosen one."""
    sight = owner_scope(w.session, w.actor, Resource.REPORT, Action.READ)
    reach = None if sight.everyone else sight.owner_ids
    match scope.kind:
        case ScopeKind.COMPANY:
            return _Covered(scope, reach)
        case ScopeKind.DEPARTMENT:
            department = w.session.get(Department, scope.id) if scope.id else None
            if department is None or department.deleted_at is not None:
                raise OutOfScope
            members = frozenset(users_in(w.session, department_subtree(w.session, scope.id)))
            owners = members if reach is None else members & reach
            if reach is not None and not owners:
                raise OutOfScope
            return _Covered(replace(scope, label=scope.label or department.name), owners)
        case ScopeKind.USER:
            user = w.session.get(User, scope.id) if scope.id else None
            if user is None or user.deleted_at is not None or not sight.covers(user.id):
                raise OutOfScope
            return _Covered(replace(scope, label=scope.label or user.display_name),
                            frozenset({user.id}))
    raise ValidationError("scope", f"unknown scope {scope.kind!r}")


def _assemble(w: Work, period: Period, covered: _Covered, gathered: Gathered,
              zone: str) -> SatisfactionReport:
    one_person = covered.scope.kind is ScopeKind.USER or (
        covered.owner_ids is not None and len(covered.owner_ids) == 1)
    return SatisfactionReport(
        period=period.label, previous_period=period.previous().label, scope=covered.scope,
        time_zone=zone, generated_by=w.actor.display_name, generated_at=w.now,
        kpis=gathered.kpis, trends=gathered.trends,
        csat_distribution=gathered.csat_distribution, nps_groups=gathered.nps_groups,
        loyalty_stages=gathered.loyalty_stages, tiers=gathered.tiers,
        rfm_segments=gathered.rfm_segments,
        salespeople=() if one_person else gathered.salespeople,
        churn_risks=gathered.churn_risks, churn_risk_total=gathered.churn_risk_total,
        detractors=gathered.detractors, detractor_total=gathered.detractor_total,
    )


def _audit_detail(report: SatisfactionReport) -> dict[str, object]:
    """What was reported, in counts: never a customer's name or figures of one customer."""
    return {
        "period": report.period, "scope": report.scope.kind.value,
        "scope_id": report.scope.id or "",
        "active_customers": int(report.figure("active_customers").value or 0),
        "salespeople": len(report.salespeople),
        "churn_risks": report.churn_risk_total, "detractors": report.detractor_total,
    }


__all__ = ["AUDIT_ACTION", "ReportService"]
