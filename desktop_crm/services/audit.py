"""Audit events and admin alerts, written in the caller's transaction."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import String, func, insert, select, type_coerce
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import VaultDamaged
from desktop_crm.security.audit_chain import (
    GENESIS,
    ChainLink,
    ChainReport,
    canonical,
    link_hash,
    verify_chain,
)
from desktop_crm.storage.models import Alert, AuditEvent, VaultMeta
from desktop_crm.storage.types import dump_json, to_db_time

AUDIT_KEY = "audit_key"


def create_audit_key(session: Session) -> None:
    """A random key for the HMAC chain, kept inside the encrypted database (survives rekey)."""
    session.add(VaultMeta(key=AUDIT_KEY, value=os.urandom(32).hex()))
    session.flush()


def _audit_key(session: Session) -> bytes:
    meta = session.get(VaultMeta, AUDIT_KEY)
    if meta is None:
        raise VaultDamaged("the audit log's key is missing from the vault")
    return bytes.fromhex(meta.value)


_events = AuditEvent.__table__
_meta = VaultMeta.__table__
_last = select(_events.c.seq, _events.c.hash).order_by(_events.c.seq.desc()).limit(1)
# The chain's tail and the key in one read (always one row, NULLs for an empty chain).
_TAIL = select(
    select(_meta.c.value).where(_meta.c.key == AUDIT_KEY).scalar_subquery(),
    _last.with_only_columns(_events.c.seq).scalar_subquery(),
    _last.with_only_columns(_events.c.hash).scalar_subquery(),
)
_APPEND = insert(_events)


def record(
    session: Session,
    *,
    at: datetime,
    actor_id: str | None,
    action: str,
    entity: str = "",
    entity_id: str = "",
    detail: Mapping[str, Any] | None = None,
) -> int:
    """Append one event to the chain; returns its seq. Never put secret values in `detail`."""
    conn = session.connection()
    # The write lane's BEGIN IMMEDIATE serialises writers, so the tail cannot move under us.
    key, last_seq, last_hash = conn.execute(_TAIL).one()
    if key is None:
        raise VaultDamaged("the audit log's key is missing from the vault")
    seq = (last_seq + 1) if last_seq is not None else 1
    prev_hash = last_hash if last_seq is not None else GENESIS
    body = dict(detail or {})
    event = canonical(seq, to_db_time(at), actor_id, action, entity, entity_id, dump_json(body))
    conn.execute(_APPEND, {
        "seq": seq, "at": at, "actor_id": actor_id, "action": action, "entity": entity,
        "entity_id": entity_id, "detail": body, "prev_hash": prev_hash,
        "hash": link_hash(bytes.fromhex(key), prev_hash, event),
    })
    return seq


def raise_alert(
    session: Session, *, at: datetime, kind: str, message: str, actor_id: str | None,
    audit_seq: int | None = None, severity: str = "medium",
) -> None:
    session.add(Alert(at=at, kind=kind, message=message, actor_id=actor_id,
                      audit_seq=audit_seq, severity=severity))
    session.flush()


def count_recent(session: Session, *, actor_id: str, action: str, since: datetime) -> int:
    return session.execute(
        select(func.count()).select_from(AuditEvent).where(
            AuditEvent.actor_id == actor_id, AuditEvent.action == action,
            type_coerce(AuditEvent.at, String) >= to_db_time(since),
        )
    ).scalar_one()


def _links(session: Session) -> Iterator[ChainLink]:
    table = AuditEvent.__table__
    def raw(column: Any) -> Any:  # the stored text, not a parsed round-trip
        return type_coerce(column, String)

    rows = session.execute(
        select(table.c.seq, raw(table.c.at), table.c.actor_id, table.c.action, table.c.entity,
               table.c.entity_id, raw(table.c.detail), table.c.prev_hash, table.c.hash)
        .order_by(table.c.seq)
        .execution_options(yield_per=2000)
    )
    for r in rows:
        yield ChainLink(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8])


def verify(session: Session) -> ChainReport:
    return verify_chain(_audit_key(session), _links(session))


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime
    actor_id: str | None
    action: str
    entity: str
    entity_id: str
    detail: Mapping[str, Any]


def recent_events(session: Session, *, limit: int = 100,
                  action_prefix: str = "") -> list[AuditRow]:
    query = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)
    if action_prefix:
        query = query.where(AuditEvent.action.startswith(action_prefix))
    return [
        AuditRow(e.seq, e.at, e.actor_id, e.action, e.entity, e.entity_id, e.detail)
        for e in session.execute(query).scalars()
    ]

