"""Company policies kept in the vault: each a key with a small JSON value.

Every signed-in user reads the policies that govern their own session (the idle lock); only
an administrator's role may change one, and each change is audited. The admin console
(policies editor) builds on this.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.permissions import Action, Resource
from desktop_crm.services import audit
from desktop_crm.services.context import ServiceContext
from desktop_crm.storage.models import Policy

IDLE_LOCK = "idle_lock"  # {"minutes": N}
IDLE_LOCK_MINUTES_DEFAULT = 15
IDLE_LOCK_MINUTES_RANGE = (1, 240)


class PolicyService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def idle_lock_after(self) -> timedelta:
        """How long the app may sit untouched before it locks itself."""
        with self.ctx.reading() as w:
            value = _value(w.session, IDLE_LOCK)
        minutes = value.get("minutes", IDLE_LOCK_MINUTES_DEFAULT)
        low, high = IDLE_LOCK_MINUTES_RANGE
        if not isinstance(minutes, int) or not low <= minutes <= high:
            minutes = IDLE_LOCK_MINUTES_DEFAULT  # a damaged value never disables the lock
        return timedelta(minutes=minutes)

    def set_idle_lock_minutes(self, minutes: int) -> None:
        low, high = IDLE_LOCK_MINUTES_RANGE
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not \
                low <= minutes <= high:
            raise ValidationError("minutes",
                                  f"must be a whole number of minutes from {low} to {high}")
        with self.ctx.writing() as w:
            w.actor.require(Resource.POLICY, Action.MANAGE)
            row = w.session.scalar(select(Policy).where(Policy.key == IDLE_LOCK))
            if row is None:
                row = Policy(id=new_id(), key=IDLE_LOCK, created_at=w.now, version=0)
                w.session.add(row)
            row.value = {"minutes": minutes}
            row.updated_at, row.updated_by = w.now, w.actor.user_id
            row.version = (row.version or 0) + 1
            w.session.flush()
            audit.record(w.session, at=w.now, actor_id=w.actor.user_id, action="policy.update",
                         entity=Resource.POLICY, entity_id=row.id,
                         detail={"key": IDLE_LOCK, "minutes": minutes})


def _value(session: Session, key: str) -> dict:
    row = session.scalar(select(Policy.value).where(Policy.key == key,
                                                    Policy.deleted_at.is_(None)))
    return row if isinstance(row, dict) else {}
