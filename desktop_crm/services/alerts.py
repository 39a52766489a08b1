"""Admin alerts: the inbox of sensitive things that happened, and acknowledging them.

The kinds of alert are named here once; every service that raises one imports its kind from
this module. Alerts are few (a handful a day), so the inbox reads them by time through the
`ix_alerts_at` index and counts the unacknowledged ones by a scan of that small table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from desktop_crm.domain import validation as v
from desktop_crm.domain.errors import Conflict, NotFound
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import audit
from desktop_crm.services.activity_access import display_names
from desktop_crm.services.context import ServiceContext, Work
from desktop_crm.storage.models import Alert

R = Resource.ALERT

# --- the kinds of alert (stored codes) ---------------------------------------------------------
EXPORT = "export"  # customers or the audit log left the vault
BULK_DELETE = "bulk_delete"
REVEAL_BURST = "reveal_burst"  # many masked values revealed in a short time
SIGN_IN_FAILURES = "sign_in_failures"  # a burst of failed sign-ins
ROLE_CHANGE = "role_change"  # a user's roles, or a role's grants, changed
SCOPE_CHANGE = "scope_change"  # the department tree moved, so data scopes moved
DEPARTURE = "departure"
PASSWORD_RESET = "password_reset"  # an admin gave someone a new one-time password
BACKUP_RESTORE = "backup_restore"
AUDIT_CHAIN_BROKEN = "audit_chain_broken"

ALERT_KINDS = (EXPORT, BULK_DELETE, REVEAL_BURST, SIGN_IN_FAILURES, ROLE_CHANGE, SCOPE_CHANGE,
               DEPARTURE, PASSWORD_RESET, BACKUP_RESTORE, AUDIT_CHAIN_BROKEN)

NOTE_MAX_LENGTH = 500
DEFAULT_LIMIT = 100


@dataclass(frozen=True)
class AlertView:
    id: str
    at: datetime
    kind: str
    severity: str
    message: str
    actor_id: str | None
    actor_name: str  # who caused it, by display name ("" when nobody signed in did)
    audit_seq: int | None
    acknowledged_at: datetime | None = None
    acknowledged_by: str | None = None
    acknowledged_by_name: str = ""
    acknowledged_note: str = ""

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None

    @property
    def position(self) -> tuple[datetime, str]:
        """This alert's place in the newest-first order: pass it as `before` for the next page."""
        return self.at, self.id

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "at": self.at.isoformat(), "kind": self.kind,
            "severity": self.severity, "message": self.message, "actor": self.actor_name,
            "audit_seq": self.audit_seq, "acknowledged": self.acknowledged,
            "acknowledged_at": self.acknowledged_at.isoformat() if self.acknowledged_at else None,
            "acknowledged_by": self.acknowledged_by_name or None,
            "note": self.acknowledged_note or None,
        }


@dataclass(frozen=True)
class AlertFilter:
    """Which alerts to show: kinds (None: every kind), a time range [since, until), and
    acknowledged (None: both, False: only the open ones, True: only the handled ones)."""

    kinds: tuple[str, ...] | None = None
    since: datetime | None = None
    until: datetime | None = None
    acknowledged: bool | None = None

    def apply(self, query: Select) -> Select:
        if self.kinds is not None:
            query = query.where(Alert.kind.in_(self.kinds))
        if self.since is not None:
            query = query.where(Alert.at >= self.since)
        if self.until is not None:
            query = query.where(Alert.at < self.until)
        if self.acknowledged is True:
            query = query.where(Alert.acknowledged_at.is_not(None))
        elif self.acknowledged is False:
            query = query.where(Alert.acknowledged_at.is_(None))
        return query


class AlertService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def list(
        self, *, kinds: tuple[str, ...] | list[str] | None = None, since: datetime | None = None,
        until: datetime | None = None, acknowledged: bool | None = None,
        limit: int = DEFAULT_LIMIT, before: tuple[datetime, str] | None = None,
    ) -> list[AlertView]:
        """Newest first; `before` (an alert's `position`) continues after that alert."""
        chosen = _filter(kinds, since, until, acknowledged)
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            query = chosen.apply(select(Alert)).order_by(Alert.at.desc(), Alert.id.desc())
            if before is not None:
                at, alert_id = before
                query = query.where(or_(Alert.at < at, and_(Alert.at == at, Alert.id < alert_id)))
            alerts = list(w.session.execute(query.limit(max(1, limit))).scalars())
            return _views(w, alerts)

    def count(
        self, *, kinds: tuple[str, ...] | list[str] | None = None, since: datetime | None = None,
        until: datetime | None = None, acknowledged: bool | None = None,
    ) -> int:
        chosen = _filter(kinds, since, until, acknowledged)
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            query = chosen.apply(select(func.count()).select_from(Alert))
            return int(w.session.execute(query).scalar_one())

    def unacknowledged_count(self) -> int:
        """The badge's number: one count over the small alerts table."""
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            return int(w.session.execute(_OPEN_COUNT).scalar_one())

    def get(self, alert_id: str) -> AlertView:
        with self.ctx.reading() as w:
            w.actor.require(R, Action.READ)
            return _views(w, [_find(w.session, alert_id)])[0]

    def acknowledge(self, alert_id: str, note: str) -> AlertView:
        """Mark an alert as handled, with a note saying how (required)."""
        text = v.required_text("note", note, max_length=NOTE_MAX_LENGTH)
        with self.ctx.writing() as w:
            w.actor.require(R, Action.UPDATE)
            alert = _find(w.session, alert_id)
            if alert.acknowledged_at is not None:
                raise Conflict("this alert was already acknowledged")
            alert.acknowledged_at = w.now
            alert.acknowledged_by = w.actor.user_id
            alert.acknowledged_note = text
            w.session.flush()
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id,
                         action="alert.acknowledge", entity=R, entity_id=alert.id,
                         detail={"kind": alert.kind, "note": text})
            return _views(w, [alert])[0]


_OPEN_COUNT = select(func.count()).select_from(Alert).where(Alert.acknowledged_at.is_(None))


def _filter(kinds: tuple[str, ...] | list[str] | None, since: datetime | None,
            until: datetime | None, acknowledged: bool | None) -> AlertFilter:
    return AlertFilter(tuple(kinds) if kinds is not None else None, since, until, acknowledged)


def _find(session: Session, alert_id: str) -> Alert:
    alert = session.get(Alert, alert_id)
    if alert is None:
        raise NotFound(R, alert_id)
    return alert


def _views(w: Work, alerts: list[Alert]) -> list[AlertView]:
    names = display_names(w, [a.actor_id for a in alerts] + [a.acknowledged_by for a in alerts])
    return [
        AlertView(
            id=a.id, at=a.at, kind=a.kind, severity=a.severity, message=a.message,
            actor_id=a.actor_id, actor_name=names.get(a.actor_id or "", ""),
            audit_seq=a.audit_seq, acknowledged_at=a.acknowledged_at,
            acknowledged_by=a.acknowledged_by,
            acknowledged_by_name=names.get(a.acknowledged_by or "", ""),
            acknowledged_note=a.acknowledged_note or "",
        )
        for a in alerts
    ]


def chain_break_already_raised(session: Session, first_broken_seq: int) -> bool:
    """Whether a broken audit chain at this seq was already reported (one alert per break)."""
    return session.execute(
        select(Alert.id).where(Alert.kind == AUDIT_CHAIN_BROKEN,
                               Alert.audit_seq == first_broken_seq).limit(1)
    ).first() is not None
